"""A meeting request as the director would read it, with the three answers.

An answer shows as given only once the store has it (`show_meeting` with the
answer); until then the card says it is being recorded, and `answer_failed`
brings the buttons back with her message still typed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kortrijk_cockpit.ui.plain_text import plain_label
from kortrijk_cockpit.ui.views.mail.mail_format import short_moment, time_span

if TYPE_CHECKING:
    from kortrijk_cockpit.services.mail_list import MeetingInfo

RESPONSES = ("accept", "tentative", "decline")


class MeetingCard(QFrame):
    responded = Signal(str, str)  # "accept"|"tentative"|"decline", the optional message

    def __init__(self, now: Callable[[], datetime], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("meetingCard")
        self._now = now
        self.pending: str | None = None  # the answer on its way to the store
        self.title = QLabel(self.tr("Meeting request"))
        self.title.setObjectName("tileCaption")
        self.when = QLabel()
        self.when.setObjectName("meetingWhen")
        # The organiser writes these (and the subjects of what else is in the agenda).
        self.where = plain_label(QLabel())
        self.organiser = plain_label(QLabel())
        self.conflicts = plain_label(QLabel())
        self.conflicts.setWordWrap(True)
        self.conflicts.setObjectName("meetingConflicts")
        self.status = QLabel()
        self.status.setObjectName("meetingStatus")
        self.message = QLineEdit()
        self.message.setPlaceholderText(self.tr("Message to the organiser (optional)"))
        self.buttons: dict[str, QPushButton] = {
            "accept": QPushButton(self.tr("Accept")),
            "tentative": QPushButton(self.tr("Tentative")),
            "decline": QPushButton(self.tr("Decline")),
        }
        row = QHBoxLayout()
        for kind, button in self.buttons.items():
            button.clicked.connect(lambda _checked=False, k=kind: self._respond(k))
            row.addWidget(button)
        row.addStretch(1)
        self.answer = QWidget()
        answer = QVBoxLayout(self.answer)
        answer.setContentsMargins(0, 0, 0, 0)
        answer.addWidget(self.message)
        answer.addLayout(row)
        layout = QVBoxLayout(self)
        for widget in (self.title, self.when, self.where, self.organiser, self.conflicts,
                       self.status, self.answer):
            layout.addWidget(widget)

    def show_meeting(self, info: MeetingInfo) -> None:
        self.when.setText(time_span(info.start, info.end, all_day=info.is_all_day,
                                    all_day_text=self.tr("{days}, all day")))
        self.where.setText(self.tr("Where: {place}").format(place=info.location))
        self.where.setVisible(bool(info.location))
        self.organiser.setText(self.tr("Organiser: {name}").format(name=info.organizer))
        self.organiser.setVisible(bool(info.organizer))
        self.message.clear()
        self.set_conflicts([])
        # The contract may later carry when she answered; until then the answer alone
        # shows, or the moment of her own answer that just landed.
        responded_at = getattr(info, "responded_at", None)
        if responded_at is None and self.pending is not None and self.pending == info.response:
            responded_at = self._now()
        self.pending = None
        if info.is_cancellation:
            self.title.setText(self.tr("Meeting cancelled"))
            self._show_status(self.tr("Cancelled"))
        elif info.response in RESPONSES:
            self.title.setText(self.tr("Meeting request"))
            self._show_status(self._answered(info.response, responded_at))
        else:
            self.title.setText(self.tr("Meeting request"))
            self.status.hide()
            self.answer.show()

    def set_conflicts(self, conflicts: list[str]) -> None:
        """What else is in the director's agenda at that time."""
        self.conflicts.setText(self.tr("Also in the agenda then: {items}").format(
            items="; ".join(conflicts)))
        self.conflicts.setVisible(bool(conflicts))

    def _respond(self, kind: str) -> None:
        # Not "Accepted" yet: the answer still has to be recorded (it may fail).
        self.pending = kind
        self._show_status(self.tr("{answer}: being recorded…").format(
            answer=self._answered(kind, None)))
        self.responded.emit(kind, self.message.text().strip())

    def answer_failed(self) -> None:
        """The answer could not be recorded: the buttons again, her message kept."""
        if self.pending is None:
            return
        self.pending = None
        self.status.hide()
        self.answer.show()

    def _answered(self, kind: str, at: datetime | None) -> str:
        word = {"accept": self.tr("Accepted"), "tentative": self.tr("Tentatively accepted"),
                "decline": self.tr("Declined")}[kind]
        if at is None:
            return word
        return self.tr("{answer} on {moment}").format(answer=word, moment=short_moment(at))

    def _show_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.show()
        self.answer.hide()
