"""Rapportering: ontvangen stuk — a mail brings a team's reporting part. The open parts
are listed (the sender's own first); Enter links the mail and its first attachment."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from kortrijk_cockpit.ui.dialogs.picker import PickerDialog, PickItem, matches
from kortrijk_cockpit.ui.formatting import format_date

if TYPE_CHECKING:
    from kortrijk_cockpit.services.mail_list import MailDetail
    from kortrijk_cockpit.services.reporting_hand_on import ReportingHandOn


@dataclass(frozen=True)
class DeliverableRequest:
    mail_id: int
    deliverable_id: int


class DeliverableLinkDialog(PickerDialog):
    """`choices.open_parts` is read on the GUI thread, as the other hand-on dialogs do:
    one indexed query over the open parts."""

    def __init__(self, mail: MailDetail, choices: ReportingHandOn,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._mail = mail
        self.setWindowTitle(self.tr("Reporting: received part"))
        self.intro.setText(self.tr("Which reporting part does this mail bring? Type to filter; "
                                   "Enter links the mail and its first attachment."))
        self.filter.setPlaceholderText(self.tr("Filter parts…"))
        self.empty.setText(self.tr("No open reporting part matches."))
        self._items = [
            PickItem(p.id, f"{p.title} — {p.cycle}",
                     f"{p.owner_name} · {format_date(p.due_date)}")
            for p in choices.open_parts(mail.id)]
        self.ok_button.setText(self.tr("Link"))
        self.refresh()

    def items(self, text: str) -> list[PickItem]:
        return [item for item in self._items if matches(item, text)]

    def request(self) -> DeliverableRequest:
        deliverable_id = self.chosen_id()
        assert deliverable_id is not None, "request() before a part was chosen"
        return DeliverableRequest(self._mail.id, deliverable_id)
