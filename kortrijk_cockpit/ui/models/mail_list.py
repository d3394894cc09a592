"""The Mail area's list: a lazy table over 100,000 mails (Anki's browser table).

The model keeps only the ids a query shows (`MailListService.ids`) and asks for
rows in pages around the row being painted (`rows`), caching a bounded number.
`apply(changes)` re-asks the ids and turns the difference into row removals,
a layout change (only when the order of the remaining mails changed) and row
insertions, plus `dataChanged` for updated mails: never a reset, so the
selection, the current mail and the scroll position survive a sync page.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from kortrijk_cockpit.changes import Changes, Kind
from kortrijk_cockpit.ui.formatting import format_datetime, local

if TYPE_CHECKING:
    from kortrijk_cockpit.services.mail_list import MailListService, MailQuery, MailRow

Index = QModelIndex | QPersistentModelIndex

PAGE = 200  # rows fetched around a painted row: a screenful and some either side
CACHE_LIMIT = 2_000  # rows kept; the oldest fetched go first


def _runs(positions: Iterable[int]) -> list[tuple[int, int]]:
    """Sorted positions as (first, last) runs of consecutive numbers."""
    runs: list[tuple[int, int]] = []
    for p in positions:
        if runs and runs[-1][1] == p - 1:
            runs[-1] = (runs[-1][0], p)
        else:
            runs.append((p, p))
    return runs


class MailListModel(QAbstractTableModel):
    SENDER, SUBJECT, RECEIVED, CATEGORIES, FLAG, ATTACHMENT, STATE = range(7)
    COLUMNS = 7
    IdRole = Qt.ItemDataRole.UserRole + 1
    RowRole = Qt.ItemDataRole.UserRole + 2  # the MailRow (None while gone)

    def __init__(self, service: MailListService, query: MailQuery, now: Callable[[], datetime],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._query = query
        self._now = now
        self._ids: list[int] = []
        self._row_of: dict[int, int] | None = None  # built when first asked
        self._cache: OrderedDict[int, MailRow] = OrderedDict()
        self._gone: set[int] = set()  # asked for, but deleted meanwhile: a greyed row
        self.fetches = 0  # pages read from the store (the tests count them)

    # -- the query ---------------------------------------------------------------
    @property
    def query(self) -> MailQuery:
        return self._query

    def set_query(self, query: MailQuery) -> None:
        """Another view or search: a new list (the service may raise a Dutch
        UserFacingError for a bad filter; the old list then stays)."""
        ids = self._service.ids(query)
        self.beginResetModel()
        self._query = query
        self._set_ids(ids)
        self._cache.clear()
        self._gone.clear()
        self.endResetModel()

    def set_sort(self, query: MailQuery) -> None:
        """The same mails in another order: a layout change moves the selection along."""
        ids = self._service.ids(query)
        self._query = query
        self._reorder(ids)

    def reload(self) -> None:
        self.apply(Changes.everything(Kind.MAIL))

    # -- the change feed -----------------------------------------------------------
    def apply(self, changes: Changes) -> None:
        if not changes.touches_any((Kind.MAIL, Kind.FOLDER)):
            return
        fresh = self._service.ids(self._query)
        fresh_set = set(fresh)
        old_set = set(self._ids)
        # 1. mails that left the view, bottom to top, as ranges
        leaving = [i for i, mail_id in enumerate(self._ids) if mail_id not in fresh_set]
        for first, last in reversed(_runs(leaving)):
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._ids[first:last + 1]
            self.endRemoveRows()
        if leaving:
            self._row_of = None
        # 2. the ones that stayed but moved (a sort key changed): one layout change
        staying = [mail_id for mail_id in fresh if mail_id in old_set]
        if staying != self._ids:
            self._reorder(staying)
        # 3. newcomers, top to bottom: each run lands where the fresh list has it
        arriving = [i for i, mail_id in enumerate(fresh) if mail_id not in old_set]
        for first, last in _runs(arriving):
            self.beginInsertRows(QModelIndex(), first, last)
            self._ids[first:first] = fresh[first:last + 1]
            self.endInsertRows()
        if arriving:
            self._row_of = None
        # 4. rows that changed in place: forget them and repaint
        if Kind.MAIL in changes.wholesale:
            self._cache.clear()
            self._gone.clear()
            if self._ids:
                self.dataChanged.emit(self.index(0, 0),
                                      self.index(len(self._ids) - 1, self.COLUMNS - 1))
            return
        for mail_id in changes.mails.updated | changes.mails.created:
            self._cache.pop(mail_id, None)
            self._gone.discard(mail_id)
            row = self.row_of(mail_id)
            if row >= 0:
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.COLUMNS - 1))

    def _reorder(self, ids: list[int]) -> None:
        self.layoutAboutToBeChanged.emit()
        old_persistent = self.persistentIndexList()
        keep = [(index, self._ids[index.row()]) for index in old_persistent
                if 0 <= index.row() < len(self._ids)]
        self._set_ids(ids)
        new_persistent = []
        for index, mail_id in keep:
            row = self.row_of(mail_id)
            new_persistent.append(QModelIndex() if row < 0 else self.index(row, index.column()))
        self.changePersistentIndexList([i for i, _ in keep], new_persistent)
        self.layoutChanged.emit()

    def _set_ids(self, ids: Sequence[int]) -> None:
        self._ids = list(ids)
        self._row_of = None

    # -- lookups -----------------------------------------------------------------
    def ids(self) -> list[int]:
        return list(self._ids)

    def id_at(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, mail_id: int) -> int:
        if self._row_of is None:
            self._row_of = {mail_id: row for row, mail_id in enumerate(self._ids)}
        return self._row_of.get(mail_id, -1)

    def cached_count(self) -> int:
        return len(self._cache)

    def mail_row(self, row: int) -> MailRow | None:
        if not 0 <= row < len(self._ids):
            return None
        mail_id = self._ids[row]
        found = self._cache.get(mail_id)
        if found is not None:
            self._cache.move_to_end(mail_id)
            return found
        if mail_id in self._gone:
            return None
        self._fetch_around(row)
        return self._cache.get(mail_id)

    def _fetch_around(self, row: int) -> None:
        start = max(0, row - PAGE // 4)  # scrolling goes down more often than up
        wanted = [i for i in self._ids[start:start + PAGE] if i not in self._cache]
        rows = self._service.rows(wanted)
        self.fetches += 1
        for mail_id in wanted:
            found = rows.get(mail_id)
            if found is None:
                self._gone.add(mail_id)  # deleted meanwhile: greyed until the next change
            else:
                self._cache[mail_id] = found
        while len(self._cache) > CACHE_LIMIT:
            self._cache.popitem(last=False)

    # -- Qt ------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = [self.tr("From"), self.tr("Subject"), self.tr("Received"),
                  self.tr("Categories"), self.tr("Flag"), self.tr("Attachment"),
                  self.tr("Status")]
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == self.IdRole:
            return self._ids[index.row()]
        row = self.mail_row(index.row())
        if role == self.RowRole:
            return row
        if row is None:
            if role == Qt.ItemDataRole.DisplayRole and index.column() == self.SUBJECT:
                return self.tr("(deleted meanwhile)")
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor("#9ca3af"))
            return None
        if role == Qt.ItemDataRole.FontRole and not row.is_read:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() == self.CATEGORIES:
                return ", ".join(row.categories)
            if index.column() == self.SENDER:
                return row.sender_email
            return self._text(row, index.column()) or None
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == self.STATE \
                and row.state.value == "no_reply":
            return QBrush(QColor("#b91c1c"))
        return None

    def _text(self, row: MailRow, column: int) -> str:
        if column == self.SENDER:
            return row.sender or row.sender_email
        if column == self.SUBJECT:
            subject = row.subject or self.tr("(no subject)")
            grouped = self._query.conversations and row.conversation_size > 1
            return f"{subject}  ({row.conversation_size})" if grouped else subject
        if column == self.RECEIVED:
            return format_datetime(row.received_at)
        if column == self.CATEGORIES:
            return ", ".join(row.categories)  # the delegate paints chips
        if column == self.FLAG:
            return self._flag_text(row)
        if column == self.ATTACHMENT:
            return ""  # the delegate paints a paperclip
        if column == self.STATE:
            return self.state_text(row)
        return ""

    def _flag_text(self, row: MailRow) -> str:
        status = row.flag_status.value
        if status == "flagged":
            if row.flag_due_at is None:
                return "⚑"
            return "⚑ " + local(row.flag_due_at).strftime("%d/%m")
        if status == "complete":
            return "✓"
        return ""

    def state_text(self, row: MailRow) -> str:
        state = row.state.value
        if state == "later" and row.snoozed_until is not None:
            return self.tr("Later until {when}").format(when=_short(row.snoozed_until))
        if state == "waiting":
            days = (self._now() - row.received_at).days if row.received_at else 0
            return self.tr("Waiting for %n day(s)", "", max(days, 0))
        if state == "no_reply":
            return self.tr("No reply")
        if state == "replied":
            return self.tr("Replied")
        if state == "handled" and row.outcome:
            return row.outcome
        return self.tr("New")

    # -- sorting by header -------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        from kortrijk_cockpit.services.mail_list import SortKey

        keys = [SortKey.SENDER, SortKey.SUBJECT, SortKey.RECEIVED, SortKey.CATEGORIES,
                SortKey.FLAG_DUE, SortKey.ATTACHMENT, SortKey.STATE]
        if not 0 <= column < len(keys):
            return
        query = replace(self._query, sort=keys[column],
                        descending=order == Qt.SortOrder.DescendingOrder)
        if query != self._query:
            self.set_sort(query)


def sort_column(key: str) -> int:
    """The column of a `SortKey` value, for the header's indicator."""
    order = ["sender", "subject", "received", "categories", "flag_due", "attachment", "state"]
    return order.index(key) if key in order else MailListModel.RECEIVED


def _short(moment: datetime) -> str:
    return local(moment).strftime("%d/%m %H:%M")
