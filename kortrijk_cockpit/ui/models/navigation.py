"""The left-hand list of areas."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from kortrijk_cockpit.ui.areas import Area

Index = QModelIndex | QPersistentModelIndex


class NavigationModel(QAbstractListModel):
    KeyRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, areas: list[Area], parent: Any = None) -> None:
        super().__init__(parent)
        self._areas = areas

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._areas)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._areas):
            return None
        area = self._areas[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return area.label
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{area.label} (Ctrl+{index.row() + 1})"
        if role == self.KeyRole:
            return area.key
        return None

    def row_of(self, key: str) -> int:
        return next(i for i, a in enumerate(self._areas) if a.key == key)

    def key_at(self, row: int) -> str:
        return self._areas[row].key
