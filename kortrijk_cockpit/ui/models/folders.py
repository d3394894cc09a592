"""The director's mail folders with a tick for "keep in sync"."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal

if TYPE_CHECKING:
    from kortrijk_cockpit.services.folders import FolderChoice

Index = QModelIndex | QPersistentModelIndex


class FolderChoiceModel(QAbstractListModel):
    """A tick asks for the change (`toggled`); the owner writes it and then
    confirms it with `set_synced`, so the list shows what the store holds."""

    toggled = Signal(int, bool)  # folder id, synced

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._choices: list[FolderChoice] = []

    def set_choices(self, choices: list[FolderChoice]) -> None:
        self.beginResetModel()
        self._choices = list(choices)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._choices)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._choices):
            return None
        choice = self._choices[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return choice.name
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if choice.synced else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole and choice.fixed:
            return self.tr("Always synchronised")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable
        if not self._choices[index.row()].fixed:
            flags |= Qt.ItemFlag.ItemIsEnabled
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        choice = self._choices[index.row()]
        if choice.fixed:
            return False
        self.toggled.emit(choice.folder_id, Qt.CheckState(value) == Qt.CheckState.Checked)
        return True

    def set_synced(self, folder_id: int, synced: bool) -> None:
        """The write landed: show it on that row only."""
        for row, choice in enumerate(self._choices):
            if choice.folder_id == folder_id:
                self._choices[row] = replace(choice, synced=synced)
                index = self.index(row, 0)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
