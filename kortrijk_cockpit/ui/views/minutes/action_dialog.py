"""A small dialog to change an action point's owner and deadline (F2), and its
description when it was typed in these minutes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QWidget

from kortrijk_cockpit.ui.views.minutes.due_entry import DueEdit, OwnerEdit


@dataclass(frozen=True)
class ActionFields:
    title: str
    owner_name: str
    due_date: date | None


class ActionDialog(QDialog):
    def __init__(self, today: Callable[[], date], names: Sequence[str], *, title: str,
                 owner_name: str, due_date: date | None, with_title: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Action point"))
        self.title = QLineEdit(title, self)
        self.owner = OwnerEdit(self)
        self.owner.set_names(names)
        self.owner.setText(owner_name)
        self.due = DueEdit(today, self)
        self.due.set_date(due_date)
        form = QFormLayout(self)
        if with_title:
            form.addRow(self.tr("&What"), self.title)
        else:
            self.title.hide()
        form.addRow(self.tr("&Owner"), self.owner)
        form.addRow(self.tr("&Deadline"), self.due)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.due.understood_changed.connect(self._enable)
        self.title.textChanged.connect(self._enable)
        self._enable()
        (self.title if with_title else self.owner).setFocus()

    def fields(self) -> ActionFields:
        return ActionFields(self.title.text().strip(), self.owner.text().strip(),
                            self.due.value())

    def _enable(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.due.is_valid() and bool(self.title.text().strip()))
