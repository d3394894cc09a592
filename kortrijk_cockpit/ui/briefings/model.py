"""The director's external appointments, one a row: when, what, the fiche's state."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt

from kortrijk_cockpit.services.briefs import FicheRow
from kortrijk_cockpit.ui.formatting import LOCALE, local
from kortrijk_cockpit.ui.models.headed_table import HeadedTableModel

Index = QModelIndex | QPersistentModelIndex
WHEN, SUBJECT, STATE = range(3)


class BriefingListModel(HeadedTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[FicheRow] = []

    def headers(self) -> tuple[str, ...]:
        return (self.tr("When"), self.tr("Appointment"), self.tr("Brief"))

    def set_rows(self, rows: Sequence[FicheRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, at: int) -> FicheRow | None:
        return self._rows[at] if 0 <= at < len(self._rows) else None

    def row_of(self, event_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.event_id == event_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row(index.row()) if index.isValid() else None
        if row is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        if index.column() == WHEN:
            at = local(row.starts_at)
            return f"{LOCALE.toString(at.date(), 'ddd dd/MM').rstrip('.')} {at:%H:%M}"
        if index.column() == SUBJECT:
            return row.subject
        return row.state
