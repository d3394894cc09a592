"""Maak actiepunt: an action point from a mail, with an owner and a deadline."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from kortrijk_cockpit.ui.dialogs.hand_on_common import GuardedDialog, PeopleField, clean_subject
from kortrijk_cockpit.ui.dialogs.working_days import is_working_day, working_day_from
from kortrijk_cockpit.ui.formatting import LOCALE, local
from kortrijk_cockpit.ui.plain_text import plain_label

if TYPE_CHECKING:
    from kortrijk_cockpit.services.handing_on import HandOnService
    from kortrijk_cockpit.services.mail_list import MailDetail

DEFAULT_DAYS = 7


@dataclass(frozen=True)
class ActionPointRequest:
    mail_id: int
    title: str
    owner_name: str
    owner_person_id: int | None
    due_date: date


def default_due(today: date) -> date:
    """A week from today, moved to the first working day on or after it."""
    return working_day_from(today + timedelta(days=DEFAULT_DAYS))


def today_in_brussels() -> date:
    return local(datetime.now(UTC)).date()


class ActionPointDialog(GuardedDialog):
    def __init__(self, mail: MailDetail, choices: HandOnService, parent: QWidget | None = None,
                 *, today: date | None = None) -> None:
        super().__init__(parent)
        self._mail = mail
        self.setWindowTitle(self.tr("Make action point"))
        self.resize(520, 0)
        self._prefill = clean_subject(mail.subject)
        self.title = QLineEdit(self._prefill)
        self.title.selectAll()  # typing replaces the subject; arrows keep it
        self.owner = PeopleField(choices, choices.person_for_sender(mail.sender_email))
        self.owner.setPlaceholderText(self.tr("Type a name; ↓ shows the suggestions"))
        due = default_due(today or today_in_brussels())
        self.due = QDateEdit(QDate(due.year, due.month, due.day))
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("dddd dd/MM/yyyy")
        self.due.setLocale(LOCALE)
        self.due.calendarWidget().setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.due_note = QLabel()
        self.due_note.setObjectName("emptyText")
        self.due.dateChanged.connect(self._check_due)
        source = plain_label(QLabel(self.tr("From the mail of {sender}").format(
            sender=mail.sender or mail.sender_email)))
        source.setObjectName("emptyText")

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Make action point"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&Title"), self.title)
        form.addRow(self.tr("&Owner"), self.owner)
        form.addRow(self.tr("&Deadline"), self.due)
        form.addRow("", self.due_note)
        layout = QVBoxLayout(self)
        layout.addWidget(source)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.title.textChanged.connect(self._validate)
        self._check_due()
        self._validate()
        self.title.setFocus()

    def request(self) -> ActionPointRequest:
        due = self.due.date().toPython()
        assert isinstance(due, date)
        return ActionPointRequest(self._mail.id, self.title.text().strip(),
                                  self.owner.text().strip(), self.owner.person_id(), due)

    def has_typed_text(self) -> bool:
        return self.title.text().strip() != self._prefill or bool(self.owner.text().strip())

    def accept(self) -> None:
        if self.title.text().strip():
            super().accept()

    def _validate(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            bool(self.title.text().strip()))

    def _check_due(self) -> None:
        day = self.due.date().toPython()
        assert isinstance(day, date)
        self.due_note.setText("" if is_working_day(day) else
                              self.tr("Note: not a working day (weekend or public holiday)."))
        self.due_note.setVisible(not is_working_day(day))
