"""The two lists of the minutes window: who attends, and the agenda items.

Both are small (a dozen rows): a reload that keeps the same rows only emits
`dataChanged`, so the current row and the selection survive another session's save.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt

from kortrijk_cockpit.domain import AttendanceStatus
from kortrijk_cockpit.ui.models.headed_table import HeadedTableModel

if TYPE_CHECKING:
    from kortrijk_cockpit.services.minutes import AttendanceLine, MinutesItem

Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the frozen row itself


class _Rows(HeadedTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def _key(self, row: Any) -> object:
        raise NotImplementedError

    def set_rows(self, rows: Sequence[Any]) -> None:
        if [self._key(r) for r in rows] == [self._key(r) for r in self._rows]:
            self._rows = list(rows)
            if rows:
                self.dataChanged.emit(self.index(0, 0),
                                      self.index(len(rows) - 1, self.columnCount() - 1))
            return
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Any | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)


class AttendanceModel(_Rows):
    NAME, STATUS = range(2)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Name"), self.tr("Status"))

    def _key(self, row: Any) -> object:
        return row.name

    def set_status(self, row: int, status: AttendanceStatus) -> None:
        """Shown at once, before the store has it: a second key builds on the first."""
        line = self.row_at(row)
        if line is not None:
            self._rows[row] = replace(line, status=status)
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def status_text(self, status: AttendanceStatus) -> str:
        return {AttendanceStatus.PRESENT: self.tr("present"),
                AttendanceStatus.EXCUSED: self.tr("excused"),
                AttendanceStatus.ABSENT: self.tr("absent")}[status]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        line: AttendanceLine | None = self.row_at(index.row())
        if line is None or not index.isValid():
            return None
        if role == ROW_ROLE:
            return line
        if role == Qt.ItemDataRole.DisplayRole:
            return line.name if index.column() == self.NAME else self.status_text(line.status)
        if role == Qt.ItemDataRole.ToolTipRole and line.person_id is None:
            return self.tr("Guest")
        return None


class AgendaItemsModel(_Rows):
    NUMBER, TITLE, SECTION, TYPED, CONFIDENTIAL = range(5)

    def headers(self) -> tuple[str, ...]:
        return ("#", self.tr("Item"), self.tr("Section"), "✎", self.tr("Conf."))

    def _key(self, row: Any) -> object:
        return row.agenda_item_id

    def row_of(self, agenda_item_id: int) -> int:
        return next((n for n, r in enumerate(self._rows) if r.agenda_item_id == agenda_item_id),
                    -1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item: MinutesItem | None = self.row_at(index.row())
        if item is None or not index.isValid():
            return None
        if role == ROW_ROLE:
            return item
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.NUMBER:
                return str(item.number)
            if column == self.TITLE:
                return item.title
            if column == self.SECTION:
                return item.section
            if column == self.TYPED:
                return "✎" if item.notes.strip() or item.decision.strip() else ""
            return self.tr("yes") if item.is_confidential else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.TYPED and (item.notes.strip() or item.decision.strip()):
                return self.tr("Notes or a decision were typed")
            if column == self.CONFIDENTIAL and item.is_confidential:
                return self.tr("Confidential: left out of the copy for the wider list")
        return None
