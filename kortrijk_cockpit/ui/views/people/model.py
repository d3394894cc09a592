"""The Personen list: ids only, rows fetched a page at a time around what is painted.

The ids come from the task runner (`set_ids`); a row is read with its page of
neighbours the first time it is painted, and a change re-reads just the rows it
named. A person removed meanwhile shows as an empty row until the next search.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt

from kortrijk_cockpit.ui.formatting import format_date, local
from kortrijk_cockpit.ui.models.headed_table import HeadedTableModel

if TYPE_CHECKING:
    from kortrijk_cockpit.services.people import PeopleService, PersonRow

Index = QModelIndex | QPersistentModelIndex
PAGE = 200


class PeopleModel(HeadedTableModel):
    NAME, FUNCTION, ORGANISATION, EMAIL, LAST = range(5)
    IdRole = Qt.ItemDataRole.UserRole + 1
    RowRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, service: PeopleService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._ids: list[int] = []
        self._rows: dict[int, PersonRow] = {}

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Name"), self.tr("Function"), self.tr("Organisation"),
                self.tr("E-mail"), self.tr("Last contact"))

    def set_ids(self, ids: Sequence[int]) -> None:
        self.beginResetModel()
        self._ids = list(ids)
        self._rows.clear()
        self.endResetModel()

    def merge_ids(self, ids: Sequence[int]) -> None:
        """The same search after a change: row removals and inserts, never a reset, so
        the selection and the scroll position stay."""
        ids = list(ids)
        if ids == self._ids:
            return
        matcher = difflib.SequenceMatcher(a=self._ids, b=ids, autojunk=False)
        for tag, i1, i2, j1, j2 in reversed(matcher.get_opcodes()):
            if tag in ("delete", "replace"):
                self.beginRemoveRows(QModelIndex(), i1, i2 - 1)
                for gone in self._ids[i1:i2]:
                    self._rows.pop(gone, None)
                del self._ids[i1:i2]
                self.endRemoveRows()
            if tag in ("insert", "replace"):
                self.beginInsertRows(QModelIndex(), i1, i1 + (j2 - j1) - 1)
                self._ids[i1:i1] = ids[j1:j2]
                self.endInsertRows()

    def refresh(self, ids: Iterable[int]) -> None:
        """Re-read these rows where they are shown (names may have changed)."""
        wanted = [i for i in ids if i in self._rows]
        if not wanted:
            return
        fresh = self._service.rows(wanted)
        for person_id in wanted:
            self._rows.pop(person_id, None)
            if person_id in fresh:
                self._rows[person_id] = fresh[person_id]
            row = self.row_of(person_id)
            if row >= 0:
                self.dataChanged.emit(self.index(row, 0),
                                      self.index(row, self.columnCount() - 1))

    def ids(self) -> list[int]:
        return list(self._ids)

    def row_of(self, person_id: int) -> int:
        try:
            return self._ids.index(person_id)
        except ValueError:
            return -1

    def person_row(self, row: int) -> PersonRow | None:
        if not 0 <= row < len(self._ids):
            return None
        person_id = self._ids[row]
        if person_id not in self._rows:
            start = max(0, row - PAGE // 2)
            page = [i for i in self._ids[start:start + PAGE] if i not in self._rows]
            self._rows.update(self._service.rows(page))
        return self._rows.get(person_id)

    def cached_count(self) -> int:
        return len(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == self.IdRole:
            return self._ids[index.row()]
        if role not in (Qt.ItemDataRole.DisplayRole, self.RowRole,
                        Qt.ItemDataRole.ToolTipRole):
            return None
        person = self.person_row(index.row())
        if role == self.RowRole:
            return person
        if person is None:
            return ""
        column = index.column()
        if column == self.NAME:
            name = person.full_name
            if role == Qt.ItemDataRole.DisplayRole and person.to_confirm:
                return self.tr("{name} (to confirm)").format(name=name)
            return name
        if column == self.FUNCTION:
            return person.function
        if column == self.ORGANISATION:
            return person.organisation
        if column == self.EMAIL:
            return person.email
        if column == self.LAST:
            last = person.last_contact_at  # the day is enough at a glance
            return format_date(local(last).date()) if last else ""
        return None
