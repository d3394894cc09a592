"""The owner and deadline fields shared by the minutes' action points.

Typed while people talk: the owner completes from the series' members first (any part
of the name, any case), and the deadline is typed as the assistant says it ("vr",
"15/3", "morgen", "+2w"), with the date it understood shown right beside it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCompleter, QHBoxLayout, QLabel, QLineEdit, QWidget

from kortrijk_cockpit.services.due_dates import parse_due
from kortrijk_cockpit.ui.formatting import format_date, long_date


class OwnerEdit(QLineEdit):
    """An owner's name, completed while typing from `set_names` (members first)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("Owner"))
        self._names = QStringListModel(self)
        completer = QCompleter(self._names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)  # "maes" finds "Lies Maes"
        completer.setModelSorting(QCompleter.ModelSorting.UnsortedModel)  # keep members first
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)

    def set_names(self, names: Sequence[str]) -> None:
        self._names.setStringList(list(names))

    def names(self) -> list[str]:
        return self._names.stringList()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        # The completer offers each key to the field before it completes: an Enter that
        # picks a name from the popup must not also add the action point.
        popup = self.completer().popup()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and popup.isVisible() \
                and popup.currentIndex().isValid():
            event.ignore()  # the completer takes it from here
            return
        super().keyPressEvent(event)


class DueEdit(QWidget):
    """A deadline typed in words, and beside it the day it became (or a hint)."""

    understood_changed = Signal()

    def __init__(self, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(self.tr("Deadline: fr, 15/3, tomorrow, +2w"))
        self.understood = QLabel(self)
        self.understood.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.understood.setMinimumWidth(self.understood.fontMetrics().horizontalAdvance(
            "woensdag 30/12/2026 "))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.understood)
        self.edit.textChanged.connect(self._show)
        self._show()

    def value(self) -> date | None:
        return parse_due(self.edit.text(), self._today())

    def is_valid(self) -> bool:
        """Empty (no deadline) or a date it understood."""
        return not self.edit.text().strip() or self.value() is not None

    def set_date(self, day: date | None) -> None:
        self.edit.setText(format_date(day))

    def clear(self) -> None:
        self.edit.clear()

    def _show(self) -> None:
        day = self.value()
        if not self.edit.text().strip():
            self.understood.setText("")
        elif day is not None:
            self.understood.setText(long_date(day))
        else:
            self.understood.setText(self.tr("Not understood: try fr, 15/3 or +2w"))
        self.understood_changed.emit()
