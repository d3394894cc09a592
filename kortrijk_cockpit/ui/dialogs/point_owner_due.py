"""F2 in Opvolging: an action point's owner (completed over the office's people) and
its deadline, typed the way the minutes take it ("vr", "15/3", "morgen", "+2w")."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from kortrijk_cockpit.services.due_dates import parse_due
from kortrijk_cockpit.ui.formatting import format_date


class PointOwnerDueDialog(QDialog):
    def __init__(self, title: str, owner: str, due: date | None, people: Sequence[str],
                 today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self.setWindowTitle(self.tr("Owner and deadline"))
        self.resize(420, 0)
        heading = QLabel(title)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setWordWrap(True)
        self.owner = QLineEdit(owner)
        self.owner.setAccessibleName(self.tr("Owner"))
        completer = QCompleter(QStringListModel(list(people), self), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.owner.setCompleter(completer)
        self.due = QLineEdit(format_date(due) if due else "")
        self.due.setAccessibleName(self.tr("Deadline"))
        self.due.setPlaceholderText(self.tr("e.g. vr, 15/3, morgen, +2w; empty for none"))
        self.meaning = QLabel("")
        self.meaning.setObjectName("emptyText")
        form = QFormLayout()
        form.addRow(self.tr("&Owner:"), self.owner)
        form.addRow(self.tr("&Deadline:"), self.due)
        form.addRow("", self.meaning)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.due.textChanged.connect(self._explain)
        self._explain(self.due.text())
        self.owner.setFocus()
        self.owner.selectAll()

    def due_date(self) -> date | None:
        """The deadline typed; None when empty (or not a date: OK is off then)."""
        return parse_due(self.due.text(), self._today)

    def owner_name(self) -> str:
        return self.owner.text().strip()

    def _explain(self, text: str) -> None:
        if not text.strip():
            self.meaning.setText(self.tr("No deadline"))
            ok = True
        else:
            day = parse_due(text, self._today)
            ok = day is not None
            self.meaning.setText(format_date(day) if day else
                                 self.tr("Not a date. Try vr, 15/3, morgen or +2w."))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
