"""Create or edit an appointment in the director's calendar, and confirm cancelling one.

The dialog does not save by itself: Save emits `save_requested`, the editor writes
off the GUI thread and closes the dialog on success, or shows the refusal in it
(`show_error`) with everything typed still there.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QDate, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from kortrijk_cockpit.clock import BRUSSELS
from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.services.appointment_form import (
    AppointmentDetails,
    attendee_line,
    parse_attendees,
)


@dataclass(frozen=True)
class AppointmentValues:
    subject: str
    location: str
    start: datetime  # Europe/Brussels; an all-day one from midnight to midnight
    end: datetime
    is_all_day: bool
    attendees: tuple[str, ...]
    body: str


class AppointmentDialog(QDialog):
    save_requested = Signal(object)  # AppointmentValues
    cancel_requested = Signal()  # "Cancel appointment" (edit only)

    def __init__(self, start: datetime, end: datetime, *,
                 existing: AppointmentDetails | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("appointmentDialog")
        self.existing = existing
        self.setWindowTitle(self.tr("Edit appointment") if existing else self.tr("New appointment"))
        self.subject = QLineEdit()
        self.location = QLineEdit()
        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd/MM/yyyy")
        self.start = QTimeEdit()
        self.end = QTimeEdit()
        for edit in (self.start, self.end):
            edit.setDisplayFormat("HH:mm")
        self.all_day = QCheckBox(self.tr("All day"))
        self.all_day.toggled.connect(self._all_day_toggled)
        self.attendees = QLineEdit()
        self.attendees.setPlaceholderText(self.tr("Name <address>; address; …"))
        self.body = QPlainTextEdit()
        self.body.setTabChangesFocus(True)
        self.error = QLabel()
        self.error.setObjectName("appointmentError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        self.error.hide()

        times = QHBoxLayout()
        times.addWidget(self.start)
        times.addWidget(QLabel("–"))
        times.addWidget(self.end)
        times.addWidget(self.all_day)
        times.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("&Subject"), self.subject)
        form.addRow(self.tr("&Location"), self.location)
        form.addRow(self.tr("&Date"), self.day)
        form.addRow(self.tr("&Time"), times)
        form.addRow(self.tr("&Attendees"), self.attendees)
        form.addRow(self.tr("&Note"), self.body)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.request_save)
        self.buttons.rejected.connect(self.reject)
        self.cancel_button: QPushButton | None = None
        if existing is not None:
            self.cancel_button = self.buttons.addButton(
                self.tr("Cancel appointment…"), QDialogButtonBox.ButtonRole.DestructiveRole)
            self.cancel_button.clicked.connect(self.cancel_requested.emit)
            # Only the fields the service changes can be edited here; the note is shown.
            self.body.setReadOnly(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._fill(existing, start, end)
        self.resize(520, 420)

    def _fill(self, existing: AppointmentDetails | None, start: datetime, end: datetime) -> None:
        if existing is not None:
            self.subject.setText(existing.subject)
            self.location.setText(existing.location)
            self.attendees.setText(attendee_line(existing.attendees))
            self.body.setPlainText(existing.body)
            start, end = existing.start, existing.end
        start, end = start.astimezone(BRUSSELS), end.astimezone(BRUSSELS)
        self.day.setDate(QDate(start.year, start.month, start.day))
        self.start.setTime(QTime(start.hour, start.minute))
        self.end.setTime(QTime(end.hour, end.minute))
        self.all_day.setChecked(bool(existing and existing.is_all_day))

    def _all_day_toggled(self, on: bool) -> None:
        self.start.setEnabled(not on)
        self.end.setEnabled(not on)

    def values(self) -> AppointmentValues:
        """What is typed, checked; a Dutch `UserFacingError` when it cannot be saved."""
        subject = self.subject.text().strip()
        if not subject:
            raise UserFacingError(self.tr("Give the appointment a subject."))
        picked = self.day.date()
        day = date(picked.year(), picked.month(), picked.day())
        if self.all_day.isChecked():
            start = datetime.combine(day, time(0), BRUSSELS)
            end = start + timedelta(days=1)
        else:
            begin, finish = self.start.time(), self.end.time()
            start = datetime.combine(day, time(begin.hour(), begin.minute()), BRUSSELS)
            end = datetime.combine(day, time(finish.hour(), finish.minute()), BRUSSELS)
            if end <= start:
                raise UserFacingError(self.tr("The end of the appointment must be after its "
                                              "start."))
        return AppointmentValues(subject, self.location.text().strip(), start, end,
                                 self.all_day.isChecked(),
                                 parse_attendees(self.attendees.text()),
                                 self.body.toPlainText())

    def request_save(self) -> None:
        try:
            values = self.values()
        except UserFacingError as exc:
            self.show_error(exc.user_message)
            return
        self.error.hide()
        self.buttons.setEnabled(False)  # one save at a time
        self.save_requested.emit(values)

    def show_error(self, message: str) -> None:
        """A refused save: the message, and the dialog open with what was typed."""
        self.buttons.setEnabled(True)
        self.error.setText(message)
        self.error.show()


class CancelAppointmentDialog(QDialog):
    """Are you sure? With an optional message to the attendees."""

    def __init__(self, subject: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cancelAppointmentDialog")
        self.setWindowTitle(self.tr("Cancel appointment"))
        question = QLabel(self.tr("Cancel “{subject}”? The attendees are told.")
                          .format(subject=subject))
        question.setWordWrap(True)
        self.message = QPlainTextEdit()
        self.message.setTabChangesFocus(True)
        self.message.setPlaceholderText(self.tr("Message to the attendees (optional)"))
        buttons = QDialogButtonBox()
        self.confirm = buttons.addButton(self.tr("Cancel appointment"),
                                         QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Keep it"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def text(self) -> str:
        return self.message.toPlainText().strip()
