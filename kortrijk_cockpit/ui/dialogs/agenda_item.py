"""Agenderen op: an agenda item from a mail, on the next meeting of a series
(MAT, DC) or on one chosen meeting."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kortrijk_cockpit.domain import AgendaItemKind
from kortrijk_cockpit.ui.dialogs.hand_on_common import GuardedDialog, PeopleField, clean_subject
from kortrijk_cockpit.ui.formatting import LOCALE, local
from kortrijk_cockpit.ui.plain_text import plain_label

if TYPE_CHECKING:
    from kortrijk_cockpit.services.handing_on import HandOnService, MeetingChoice
    from kortrijk_cockpit.services.mail_list import MailDetail

OUTCOME_PREFIX = "Agenderen "  # "Agenderen MAT" -> the series with code "MAT"


@dataclass(frozen=True)
class AgendaRequest:
    mail_id: int
    title: str
    meeting_id: int | None  # one chosen meeting, or
    series_code: str | None  # the next planned meeting of this series
    kind: AgendaItemKind
    owner_name: str
    duration_minutes: int


def meeting_text(starts_at: datetime) -> str:
    """'dinsdag 01/12/2026 09:00'."""
    shown = local(starts_at)
    day = LOCALE.toString(QDate(shown.year, shown.month, shown.day), "dddd dd/MM/yyyy")
    return f"{day} {shown:%H:%M}"


def series_for_outcome(outcome: str | None) -> str | None:
    if outcome and outcome.startswith(OUTCOME_PREFIX):
        return outcome[len(OUTCOME_PREFIX):].strip()
    return None


class AgendaItemDialog(GuardedDialog):
    def __init__(self, mail: MailDetail, choices: HandOnService,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._mail = mail
        self.setWindowTitle(self.tr("Put on the agenda"))
        self.resize(560, 0)
        self._prefill = clean_subject(mail.subject)
        self.title = QLineEdit(self._prefill)
        self.title.selectAll()
        self.meeting = QComboBox()
        self._targets: list[tuple[int | None, str | None]] = []  # (meeting_id, series_code)
        self._fill_meetings(choices, series_for_outcome(mail.outcome))
        self.kind = QComboBox()
        for kind, label in self._kind_labels():
            self.kind.addItem(label, kind.value)  # a plain str: Qt turns a StrEnum into one
        self.kind.setCurrentIndex(self.kind.findData(AgendaItemKind.DISCUSSION.value))
        sender = choices.person_for_sender(mail.sender_email)
        self.owner = PeopleField(choices, sender)
        self._owner_prefill = sender.full_name if sender else mail.sender
        if sender is not None:
            self.owner.choose(sender)
        else:
            self.owner.setText(self._owner_prefill)
        self.duration = QSpinBox()
        self.duration.setRange(5, 240)
        self.duration.setSingleStep(5)
        self.duration.setValue(15)
        self.duration.setSuffix(self.tr(" min"))
        self.none_planned = QLabel(self.tr("There is no planned meeting to put it on."))
        self.none_planned.setObjectName("emptyText")
        self.none_planned.setVisible(not self._targets)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Put on the agenda"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&Title"), self.title)
        form.addRow(self.tr("&Meeting"), self.meeting)
        form.addRow(self.tr("&Kind"), self.kind)
        form.addRow(self.tr("&Brought by"), self.owner)
        form.addRow(self.tr("D&uration"), self.duration)
        source = plain_label(QLabel(self.tr("From the mail of {sender}").format(
            sender=mail.sender or mail.sender_email)))
        source.setObjectName("emptyText")
        layout = QVBoxLayout(self)
        layout.addWidget(source)
        layout.addLayout(form)
        layout.addWidget(self.none_planned)
        layout.addWidget(self.buttons)
        self.title.textChanged.connect(self._validate)
        self.meeting.currentIndexChanged.connect(self._validate)
        self._validate()
        self.title.setFocus()

    def _kind_labels(self) -> list[tuple[AgendaItemKind, str]]:
        return [
            (AgendaItemKind.APPROVAL, self.tr("Approval")),
            (AgendaItemKind.DECISION, self.tr("Decision")),
            (AgendaItemKind.ADVICE, self.tr("Advice")),
            (AgendaItemKind.DISCUSSION, self.tr("Discussion")),
            (AgendaItemKind.INFORMATION, self.tr("For information")),
        ]

    def _fill_meetings(self, choices: HandOnService, wanted_series: str | None) -> None:
        """First "the next MAT/DC" per series with a planned meeting, then each meeting."""
        ahead: list[MeetingChoice] = list(choices.meetings_ahead())
        model = QStandardItemModel(self)
        for series in choices.series():
            upcoming = next((m for m in ahead if m.series_code == series.code), None)
            if upcoming is None:
                continue  # nothing planned: the service would refuse it anyway
            model.appendRow(QStandardItem(self.tr("The next {code} ({when})").format(
                code=series.code, when=meeting_text(upcoming.starts_at))))
            self._targets.append((None, series.code))
        if ahead and self._targets:
            separator = QStandardItem("")
            separator.setEnabled(False)
            separator.setSelectable(False)
            model.appendRow(separator)
            self._targets.append((None, None))
        for meeting in ahead:
            model.appendRow(QStandardItem(f"{meeting.title} — {meeting_text(meeting.starts_at)}"))
            self._targets.append((meeting.id, None))
        self.meeting.setModel(model)
        # The series the outcome names ("Agenderen DC"), else the first choice.
        wanted = [i for i, (_m, code) in enumerate(self._targets)
                  if wanted_series is not None and code == wanted_series]
        self.meeting.setCurrentIndex(wanted[0] if wanted else (0 if self._targets else -1))

    def request(self) -> AgendaRequest:
        meeting_id, series_code = self._targets[self.meeting.currentIndex()]
        kind = AgendaItemKind(self.kind.currentData())
        return AgendaRequest(self._mail.id, self.title.text().strip(), meeting_id, series_code,
                             kind, self.owner.text().strip(), self.duration.value())

    def has_typed_text(self) -> bool:
        return (self.title.text().strip() != self._prefill
                or self.owner.text().strip() != self._owner_prefill)

    def accept(self) -> None:
        if self._ready():
            super().accept()

    def _ready(self) -> bool:
        row = self.meeting.currentIndex()
        return (bool(self.title.text().strip()) and 0 <= row < len(self._targets)
                and self._targets[row] != (None, None))

    def _validate(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self._ready())
