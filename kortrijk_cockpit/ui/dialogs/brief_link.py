"""Voor fiche: attach a mail to a discussiefiche (brief)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from kortrijk_cockpit.domain import LinkKind
from kortrijk_cockpit.ui.dialogs.picker import PickerDialog, PickItem, matches
from kortrijk_cockpit.ui.formatting import format_date, local

if TYPE_CHECKING:
    from kortrijk_cockpit.services.handing_on import BriefChoice, HandOnService
    from kortrijk_cockpit.services.mail_list import MailDetail


@dataclass(frozen=True)
class BriefRequest:
    mail_id: int
    brief_id: int


def upcoming_first(briefs: list[BriefChoice], now: datetime) -> list[BriefChoice]:
    """Events still to come, soonest first; then past ones, latest first; undated last."""
    ahead = sorted((b for b in briefs if b.starts_at and b.starts_at >= now),
                   key=lambda b: b.starts_at or now)
    past = sorted((b for b in briefs if b.starts_at and b.starts_at < now),
                  key=lambda b: b.starts_at or now, reverse=True)
    return [*ahead, *past, *(b for b in briefs if b.starts_at is None)]


class BriefLinkDialog(PickerDialog):
    def __init__(self, mail: MailDetail, choices: HandOnService, parent: QWidget | None = None,
                 *, now: datetime | None = None) -> None:
        super().__init__(parent)
        self._mail = mail
        self.setWindowTitle(self.tr("Attach to a brief"))
        self.intro.setText(self.tr("Type to filter the briefs; Enter attaches the mail to the "
                                   "selected one."))
        self.filter.setPlaceholderText(self.tr("Filter briefs…"))
        self.empty.setText(self.tr("No brief matches."))
        linked = {link.target_id for link in mail.links if link.kind == LinkKind.BRIEF}
        self._items = [
            PickItem(b.id, b.title + (self.tr(" (already attached)") if b.id in linked else ""),
                     format_date(local(b.starts_at).date()) if b.starts_at else "")
            for b in upcoming_first(list(choices.briefs()), now or datetime.now(UTC))
        ]
        self.ok_button.setText(self.tr("Attach"))
        self.refresh()

    def items(self, text: str) -> list[PickItem]:
        return [item for item in self._items if matches(item, text)]

    def request(self) -> BriefRequest:
        brief_id = self.chosen_id()
        assert brief_id is not None, "request() before a brief was chosen"
        return BriefRequest(self._mail.id, brief_id)
