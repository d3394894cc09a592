"""A table whose rows are kept in key order and changed in place.

`apply` takes the rows a `Changes` named, as they are now (None: gone), and
turns them into row inserts, `dataChanged` and row removals: the selection,
the current row and the scroll position survive, unlike with a reset.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex

from kortrijk_cockpit.ui.models.headed_table import HeadedTableModel

Index = QModelIndex | QPersistentModelIndex


class KeyedTableModel(HeadedTableModel):
    def __init__(self, key: Callable[[Any], int], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._key = key
        self._keys: list[int] = []
        self._rows: list[Any] = []

    def set_rows(self, rows: Iterable[Any]) -> None:
        """A whole new list (the first load, or an explicit reload)."""
        self.beginResetModel()
        ordered = sorted(rows, key=self._key)
        self._rows = ordered
        self._keys = [self._key(r) for r in ordered]
        self.endResetModel()

    def apply(self, fresh: Mapping[int, Any | None]) -> None:
        for key, row in sorted(fresh.items()):
            at = bisect.bisect_left(self._keys, key)
            present = at < len(self._keys) and self._keys[at] == key
            if row is None:
                if present:
                    self.beginRemoveRows(QModelIndex(), at, at)
                    del self._keys[at], self._rows[at]
                    self.endRemoveRows()
            elif present:
                self._rows[at] = row
                self.dataChanged.emit(self.index(at, 0), self.index(at, self.columnCount() - 1))
            else:
                self.beginInsertRows(QModelIndex(), at, at)
                self._keys.insert(at, key)
                self._rows.insert(at, row)
                self.endInsertRows()

    def keys(self) -> list[int]:
        return list(self._keys)

    def row_of(self, key: int) -> int:
        at = bisect.bisect_left(self._keys, key)
        return at if at < len(self._keys) and self._keys[at] == key else -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)
