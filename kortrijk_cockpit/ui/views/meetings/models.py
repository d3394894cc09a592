"""Overleg's lists: the series, their meetings, a meeting's agenda, the action points
offered for it and the stukken still missing."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from kortrijk_cockpit.ui.formatting import format_date, local
from kortrijk_cockpit.ui.models.headed_table import HeadedTableModel

if TYPE_CHECKING:
    from kortrijk_cockpit.services.meeting_agenda import (
        AgendaRow,
        MeetingRow,
        OfferedActionPoint,
        SeriesRow,
        Stuk,
    )

Index = QModelIndex | QPersistentModelIndex
LATE = QColor("#b00020")
PAST = QColor("#808080")
ITEM_MIME = "application/x-kortrijk-agenda-item"
RowRole = Qt.ItemDataRole.UserRole + 1


def kind_label(kind: str) -> str:
    """The item type as the office names it (goedkeuring, beslissing, ...)."""
    labels = {
        "approval": QCoreApplication.translate("MeetingsArea", "approval"),
        "decision": QCoreApplication.translate("MeetingsArea", "decision"),
        "advice": QCoreApplication.translate("MeetingsArea", "advice"),
        "discussion": QCoreApplication.translate("MeetingsArea", "discussion"),
        "information": QCoreApplication.translate("MeetingsArea", "information"),
    }
    return labels.get(str(kind), str(kind))


def stuk_label(state: str | None) -> str:
    labels = {
        "gevraagd": QCoreApplication.translate("MeetingsArea", "requested"),
        "ontvangen": QCoreApplication.translate("MeetingsArea", "received"),
        "te laat": QCoreApplication.translate("MeetingsArea", "late"),
    }
    return "" if state is None else labels.get(str(state), str(state))


class _Rows(HeadedTableModel):
    """Rows kept as given; a new list with the same keys repaints in place."""

    def __init__(self, key: Callable[[Any], int], parent: Any = None) -> None:
        super().__init__(parent)
        self._key = key
        self._rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        if [self._key(r) for r in rows] == [self._key(r) for r in self._rows] and rows:
            self._rows = list(rows)
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(rows) - 1, self.columnCount() - 1))
            return
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_of(self, key: int) -> int:
        return next((n for n, r in enumerate(self._rows) if self._key(r) == key), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def _row(self, index: Index) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self._rows[index.row()]


class SeriesModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[SeriesRow] = []

    def set_rows(self, rows: Sequence[SeriesRow]) -> None:
        if [(r.id, r.code, r.name) for r in rows] == [(r.id, r.code, r.name)
                                                      for r in self._rows]:
            return
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_of(self, series_id: int) -> int:
        return next((n for n, r in enumerate(self._rows) if r.id == series_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == RowRole:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{row.code} · {row.name}" if row.name and row.name != row.code else row.code
        return None


class MeetingListModel(_Rows):
    WHEN, STATUS, ITEMS = range(3)
    TITLE = STATUS  # the column that stretches

    def __init__(self, parent: Any = None) -> None:
        super().__init__(lambda r: r.id, parent)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Date"), self.tr("Status"), self.tr("Items"))

    def status_label(self, row: MeetingRow) -> str:
        if row.status == "cancelled":
            return self.tr("cancelled")
        if row.is_past:
            return self.tr("held") if row.status != "planned" else self.tr("past")
        if row.status == "agenda_sent":
            return self.tr("agenda sent")
        return self.tr("planned")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row: MeetingRow | None = self._row(index)
        if row is None:
            return None
        if role == RowRole:
            return row
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.title
        if role == Qt.ItemDataRole.ForegroundRole and (row.is_past or row.status == "cancelled"):
            return QBrush(PAST)
        if role == Qt.ItemDataRole.FontRole and row.status == "cancelled":
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == self.WHEN:
            return local(row.starts_at).strftime("%d/%m/%Y %H:%M")
        if column == self.STATUS:
            return self.status_label(row)
        if column == self.ITEMS:
            return str(row.item_count)
        return None


class AgendaModel(_Rows):
    """The agenda in order; dragging a row asks for the move (`move_requested`) and
    shows it at once, start times included, before the store confirms it."""

    move_requested = Signal(int, int)  # item id, its new 0-based place

    (POSITION, START, TITLE, KIND, OWNER, DIRECTORATE, MINUTES, SECTION, CONFIDENTIAL,
     STUKKEN, LATE_MARK) = range(11)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(lambda r: r.id, parent)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("#"), self.tr("Start"), self.tr("Item"), self.tr("Type"),
                self.tr("Submitted by"), self.tr("Directorate"), self.tr("Min."),
                self.tr("Section"), self.tr("Confidential"), self.tr("Documents"),
                self.tr("Late"))

    def item(self, at: int) -> AgendaRow:
        return self._rows[at]  # type: ignore[no-any-return]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row: AgendaRow | None = self._row(index)
        if row is None:
            return None
        column = index.column()
        if role == RowRole:
            return row
        if role == Qt.ItemDataRole.ForegroundRole:
            late = (column == self.LATE_MARK and row.is_late) or \
                (column == self.STUKKEN and row.stukken_state == "te laat")
            return QBrush(LATE) if late else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.STUKKEN and row.stukken:
                return "\n".join(f"{s.title} ({s.requested_from}): {stuk_label(s.state)}"
                                 for s in row.stukken)
            if column == self.TITLE and row.source_mail_id is not None:
                return self.tr("From a mail: M opens it")
            return None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == self.POSITION:
            return str(row.position)
        if column == self.START:
            return local(row.starts_at).strftime("%H:%M")
        if column == self.TITLE:
            mark = " ✉" if row.source_mail_id is not None else ""
            return row.title + mark
        if column == self.KIND:
            return kind_label(row.kind)
        if column == self.OWNER:
            return row.owner_name
        if column == self.DIRECTORATE:
            return row.directorate
        if column == self.MINUTES:
            return str(row.duration_minutes)
        if column == self.SECTION:
            return row.section
        if column == self.CONFIDENTIAL:
            return self.tr("confidential") if row.is_confidential else ""
        if column == self.STUKKEN:
            return stuk_label(row.stukken_state)
        if column == self.LATE_MARK:
            return self.tr("late") if row.is_late else ""
        return None

    # -- moving ------------------------------------------------------------------
    def move(self, item_id: int, to: int) -> bool:
        """Show the item at 0-based place `to` (among the others) at once."""
        at = self.row_of(item_id)
        if at < 0:
            return False
        to = max(0, min(to, len(self._rows) - 1))
        if to == at:
            return False
        # beginMoveRows names the row *before which* it lands in the old list.
        self.beginMoveRows(QModelIndex(), at, at, QModelIndex(), to + 1 if to > at else to)
        self._rows.insert(to, self._rows.pop(at))
        self.endMoveRows()
        self._renumber()
        return True

    def _renumber(self) -> None:
        if not self._rows:
            return
        start = min(r.starts_at for r in self._rows)  # the meeting's start
        fresh = []
        for n, row in enumerate(self._rows, start=1):
            fresh.append(replace(row, position=n, starts_at=start))
            start += timedelta(minutes=row.duration_minutes)
        self._rows = fresh
        self.dataChanged.emit(self.index(0, 0),
                              self.index(len(fresh) - 1, self.columnCount() - 1))

    # -- drag and drop -----------------------------------------------------------
    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if not index.isValid():
            return base | Qt.ItemFlag.ItemIsDropEnabled
        return base | Qt.ItemFlag.ItemIsDragEnabled

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [ITEM_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802
        data = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        if rows:
            data.setData(ITEM_MIME, QByteArray(str(self._rows[rows[0]].id).encode()))
        return data

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int,  # noqa: N802
                        column: int, parent: Index) -> bool:
        return data.hasFormat(ITEM_MIME) and action == Qt.DropAction.MoveAction

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int,  # noqa: N802
                     column: int, parent: Index) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        try:
            item_id = int(bytes(data.data(ITEM_MIME).data()).decode())
        except ValueError:
            return False
        at = self.row_of(item_id)
        if at < 0:
            return False
        before = row if row >= 0 else parent.row() if parent.isValid() else len(self._rows)
        to = before - 1 if before > at else before
        if self.move(item_id, to):
            self.move_requested.emit(item_id, to)
        # False: the view must not remove the dragged row itself; we moved it.
        return False


class OfferedModel(_Rows):
    TITLE, OWNER, DUE, ORIGIN, ROUTE = range(5)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(lambda r: r.id, parent)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Action point"), self.tr("Owner"), self.tr("Due"), self.tr("From"),
                self.tr("Route"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row: OfferedActionPoint | None = self._row(index)
        if row is None:
            return None
        if role == RowRole:
            return row
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return (row.title, row.owner_name, format_date(row.due_date), row.origin,
                row.route)[index.column()]


class MissingModel(_Rows):
    TITLE, FROM, DUE, STATE = range(4)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(lambda r: r.id, parent)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Document"), self.tr("From"), self.tr("Due"), self.tr("State"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row: Stuk | None = self._row(index)
        if row is None:
            return None
        if role == RowRole:
            return row
        if role == Qt.ItemDataRole.ForegroundRole and row.state == "te laat":
            return QBrush(LATE)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return (row.title, row.requested_from, local(row.due_at).strftime("%d/%m/%Y %H:%M"),
                stuk_label(row.state))[index.column()]
