"""Vandaag's "Deadlines komende twee weken": one list grouped by day (overdue first), a
heading per day ("vandaag", "morgen", "donderdag 3 december"); Enter or a double-click
opens the area that holds the deadline."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QFrame, QLabel, QListView, QVBoxLayout, QWidget

from kortrijk_cockpit.services.deadlines import DeadlineRow, day_heading

RED = QColor("#b91c1c")
AreaRole = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex


class DeadlineModel(QAbstractListModel):
    """Headings and deadlines in one flat list: a heading is a str, a deadline a row."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lines: list[str | DeadlineRow] = []
        self._overdue_heading = ""

    def set_rows(self, rows: Sequence[DeadlineRow], today: date, overdue_heading: str) -> None:
        self.beginResetModel()
        self._lines = []
        heading = None
        for row in rows:
            this = overdue_heading if row.overdue else day_heading(row.day, today)
            if this != heading:
                self._lines.append(this)
                heading = this
            self._lines.append(row)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._lines)

    def deadline(self, row: int) -> DeadlineRow | None:
        line = self._lines[row] if 0 <= row < len(self._lines) else None
        return line if isinstance(line, DeadlineRow) else None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if self.deadline(index.row()) is None:
            return Qt.ItemFlag.ItemIsEnabled  # a heading: not selectable
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        line = self._lines[index.row()]
        if isinstance(line, str):
            if role == Qt.ItemDataRole.DisplayRole:
                return line[:1].upper() + line[1:]
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            date_part = f"{line.day:%d/%m} " if line.overdue else ""
            who = f" ({line.who})" if line.who else ""
            return f"  {date_part}{line.kind}: {line.title}{who}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{line.kind}: {line.title}" + (f"\n{line.who}" if line.who else "")
        if role == Qt.ItemDataRole.ForegroundRole and line.overdue:
            return QBrush(RED)
        if role == AreaRole:
            return line.area
        return None


class DeadlineList(QListView):
    activated_row = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated_row.emit(self.currentIndex().row())
            return
        super().keyPressEvent(event)


class DeadlinePanel(QFrame):
    area_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tile")
        self.caption = QLabel(self.tr("Deadlines in the coming two weeks"))
        self.caption.setObjectName("tileCaption")
        self.model = DeadlineModel(self)
        self.view = DeadlineList()
        self.view.setObjectName("deadlineList")
        self.view.setModel(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(True)
        self.view.setUniformItemSizes(False)
        self.view.setAccessibleName(self.caption.text())
        self.view.doubleClicked.connect(lambda index: self._open(index.row()))
        self.view.activated_row.connect(self._open)
        self.empty = QLabel(self.tr("No deadlines in the coming two weeks."))
        self.empty.setObjectName("emptyText")
        self.empty.setWordWrap(True)
        self.empty.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.caption)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)

    def set_rows(self, rows: Sequence[DeadlineRow], today: date) -> None:
        self.model.set_rows(rows, today, self.tr("Overdue"))
        self.empty.setVisible(not rows)
        self.view.setVisible(bool(rows))

    def _open(self, row: int) -> None:
        deadline = self.model.deadline(row)
        if deadline is not None:
            self.area_requested.emit(deadline.area)
