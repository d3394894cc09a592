"""Koppel aan persoon: link a mail to a person of the office's network."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from kortrijk_cockpit.ui.dialogs.picker import PickerDialog, PickItem

if TYPE_CHECKING:
    from kortrijk_cockpit.services.handing_on import HandOnService, PersonChoice
    from kortrijk_cockpit.services.mail_list import MailDetail


@dataclass(frozen=True)
class PersonRequest:
    mail_id: int
    person_id: int


class PersonLinkDialog(PickerDialog):
    def __init__(self, mail: MailDetail, choices: HandOnService,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._mail = mail
        self._choices = choices
        self._sender = choices.person_for_sender(mail.sender_email)
        self.setWindowTitle(self.tr("Link to a person"))
        self.intro.setText(self.tr("Type part of a name or mail address; Enter links the mail "
                                   "to the selected person."))
        self.filter.setPlaceholderText(self.tr("Filter people…"))
        self.empty.setText(self.tr("No person matches."))
        self.ok_button.setText(self.tr("Link"))
        self.refresh()

    def items(self, text: str) -> list[PickItem]:
        # The store searches (the network can be large); the sender stays on top.
        people: list[PersonChoice] = list(self._choices.people(text))
        sender = self._sender
        if sender is not None and (not text or any(p.id == sender.id for p in people)):
            people = [sender, *(p for p in people if p.id != sender.id)]
        return [PickItem(p.id, p.full_name,
                         " · ".join(x for x in (p.function, p.organisation) if x))
                for p in people]

    def request(self) -> PersonRequest:
        person_id = self.chosen_id()
        assert person_id is not None, "request() before a person was chosen"
        return PersonRequest(self._mail.id, person_id)
