"""Opvolging's list: open checklist items and action points, changed row by row."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from kortrijk_cockpit.domain.meetings import ActionStatus
from kortrijk_cockpit.ui.formatting import format_date
from kortrijk_cockpit.ui.models.keyed_rows import KeyedTableModel

if TYPE_CHECKING:
    from kortrijk_cockpit.services.visits import FollowupRow

Index = QModelIndex | QPersistentModelIndex
LATE = QColor("#b00020")
DONE = QColor("#808080")


class FollowupModel(KeyedTableModel):
    WHAT, FOR, WHEN, OWNER, DUE = range(5)
    RowRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: Any = None) -> None:
        super().__init__(lambda row: row.key, parent)

    def row(self, at: int) -> FollowupRow:
        return self._rows[at]  # type: ignore[no-any-return]

    def headers(self) -> tuple[str, ...]:
        return (self.tr("What"), self.tr("For"), self.tr("Appointment date"), self.tr("Owner"),
                self.tr("Due"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row: FollowupRow = self._rows[index.row()]
        column = index.column()
        if role == self.RowRole:
            return row
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(DONE if row.done else LATE if row.overdue else QColor())\
                if row.done or row.overdue else None
        if role == Qt.ItemDataRole.FontRole and row.done:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == self.WHAT:
            return row.what
        if column == self.FOR:
            return row.context
        if column == self.WHEN:
            return format_date(row.context_date) if row.context_date else ""
        if column == self.OWNER:
            return row.owner
        if column == self.DUE:
            due = format_date(row.due_date) if row.due_date else ""
            return self.tr("{due} (late)").format(due=due) if row.overdue else due
        return None


class Due(enum.Enum):
    ANY = "any"
    LATE = "late"  # te laat
    THIS_WEEK = "week"  # from today to Sunday
    LATER = "later"
    NONE = "none"  # zonder datum


@dataclass(frozen=True)
class Filters:
    owner: str = ""  # a part of the owner's name, any case
    series: str = ""  # MAT, DC, ... or "bezoeken"; "" for all
    due: Due = Due.ANY
    # "ook afgewerkte": the load reads them then; one ticked off here stays (struck
    # through) until the next load, so Space again undoes it.
    with_done: bool = False
    status: ActionStatus | None = None  # open, lopend or afgewerkt; None for any

    def matches(self, row: FollowupRow, today: date) -> bool:
        if self.owner and self.owner.casefold() not in row.owner.casefold():
            return False
        if self.status is not None and row.status is not self.status:
            return False
        if self.series and row.series != self.series:
            return False
        return self.due is Due.ANY or due_bucket(row, today) is self.due


def due_bucket(row: FollowupRow, today: date) -> Due:
    if row.due_date is None:
        return Due.NONE
    if row.overdue:
        return Due.LATE
    sunday = today + timedelta(days=6 - today.weekday())
    return Due.THIS_WEEK if row.due_date <= sunday else Due.LATER


class DueOrder(QSortFilterProxyModel):
    """By due date (the model keeps key order, so rows change in place), filtered."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.filters = Filters()
        self.today = date.today()

    def set_filters(self, filters: Filters, today: date) -> None:
        # begin/endFilterChange: invalidateFilter is deprecated (and warns) in PySide 6.10.
        self.beginFilterChange()
        self.filters, self.today = filters, today
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        row = self.sourceModel().index(source_row, 0, source_parent).data(FollowupModel.RowRole)
        return row is None or self.filters.matches(row, self.today)

    def shown_rows(self) -> list[FollowupRow]:
        """What the list shows, in its order: what an export writes."""
        return [self.index(r, 0).data(FollowupModel.RowRole) for r in range(self.rowCount())]

    def lessThan(self, left: Index, right: Index) -> bool:  # noqa: N802
        return due_order(left.data(FollowupModel.RowRole)) < \
            due_order(right.data(FollowupModel.RowRole))


def due_order(row: FollowupRow) -> tuple[date, int]:
    """Soonest first, undated last."""
    return (row.due_date or date.max, row.key)
