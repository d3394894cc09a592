"""The director's protected blocks in the Agenda settings: weekday, from, until."""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import (
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from kortrijk_cockpit.services.slot_finder import ProtectedBlock
from kortrijk_cockpit.ui.models.headed_table import HeadedTableModel

Index = QModelIndex | QPersistentModelIndex


class ProtectedBlocksModel(HeadedTableModel):
    def __init__(self, blocks: list[ProtectedBlock], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows = sorted(blocks, key=lambda b: (b.weekday, b.start))

    def blocks(self) -> list[ProtectedBlock]:
        return list(self._rows)

    def add(self, block: ProtectedBlock) -> int:
        """Kept in week order; returns the new row."""
        row = sum((b.weekday, b.start) <= (block.weekday, block.start) for b in self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.insert(row, block)
        self.endInsertRows()
        return row

    def remove(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Day"), self.tr("From"), self.tr("Until"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid() \
                or not 0 <= index.row() < len(self._rows):
            return None
        block = self._rows[index.row()]
        if index.column() == 0:
            return QLocale().dayName(block.weekday + 1)
        moment: time = block.start if index.column() == 1 else block.end
        return f"{moment:%H:%M}"
