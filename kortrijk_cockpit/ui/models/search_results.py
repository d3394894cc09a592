"""Quick-search hits as a list model."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from kortrijk_cockpit.ui.areas import kind_label
from kortrijk_cockpit.ui.formatting import format_date, format_datetime

if TYPE_CHECKING:
    from kortrijk_cockpit.services.search import SearchHit

Index = QModelIndex | QPersistentModelIndex


class SearchResultsModel(QAbstractListModel):
    HitRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._hits: list[SearchHit] = []

    def set_hits(self, hits: list[SearchHit]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            tail = f" — {hit.subtitle}" if hit.subtitle else ""
            day = _day(hit.when)
            # The date tells apart hits with the same title (a weekly MAT, a recurring mail).
            return f"{kind_label(hit.kind)}: {hit.title}{tail}" + (f" · {day}" if day else "")
        if role == Qt.ItemDataRole.ToolTipRole:
            from kortrijk_cockpit.ui.plain_text import plain_tooltip

            return plain_tooltip(hit.title)  # a mail's subject: shown, never rendered
        if role == self.HitRole:
            return hit
        return None

    def hit(self, row: int) -> SearchHit:
        return self._hits[row]


def _day(when: datetime | date | None) -> str:
    """dd/mm/yyyy, and for a moment also its Brussels time: two mails alike
    of one day differ there."""
    if isinstance(when, datetime):
        return format_datetime(when)
    return format_date(when)
