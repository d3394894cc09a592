"""Move one meeting to another day or hour: a date and a time, its length kept."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from kortrijk_cockpit.clock import BRUSSELS
from kortrijk_cockpit.ui.plain_text import plain_label


class MoveMeetingDialog(QDialog):
    def __init__(self, title: str, start: datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Move meeting"))
        local = start.astimezone(BRUSSELS)
        self.date = QDateEdit(QDate(local.year, local.month, local.day))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd/MM/yyyy")
        self.time = QTimeEdit(QTime(local.hour, local.minute))
        self.time.setDisplayFormat("HH:mm")
        form = QFormLayout()
        form.addRow(self.tr("&Day:"), self.date)
        form.addRow(self.tr("&Start:"), self.time)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Move"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(QLabel(title)))
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.date.setFocus()

    def new_start(self) -> datetime:
        day, moment = self.date.date(), self.time.time()
        return datetime(day.year(), day.month(), day.day(), moment.hour(), moment.minute(),
                        tzinfo=BRUSSELS)
