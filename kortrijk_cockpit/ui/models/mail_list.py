"""The Mail area's list: a lazy table over 100,000 mails (Anki's browser table).

The model keeps only the ids a query shows (`MailListService.ids`) and asks for
rows in pages around the row being painted (`rows`), caching a bounded number.

The ids query takes 150-250 ms at 100,000 mails, so it runs on the task runner
and its answer is applied on the GUI thread: a new view or search as a reset,
a new order as a layout change, a change (`apply`) as row removals, a layout
change (only when the order of the remaining mails changed) and row
insertions: never a reset there, so the selection, the current mail and the
scroll position survive a sync page. A newer view or order makes a running
query's answer stale (dropped by generation); changes arriving while a query
runs ask for one more afterwards, so a burst costs at most two. Rows changed in
place repaint at once, without waiting for the ids.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from kortrijk_cockpit.changes import Changes, Kind
from kortrijk_cockpit.ui.formatting import format_datetime, local
from kortrijk_cockpit.ui.plain_text import plain_tooltip

if TYPE_CHECKING:
    from kortrijk_cockpit.services.mail_list import MailListService, MailQuery, MailRow
    from kortrijk_cockpit.ui.tasks import TaskRunner

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


@dataclass
class _Request:
    """One ids query on its way: what it asks and who waits for it."""

    generation: int
    query: MailQuery
    reset: bool  # another list (view, search, grouping) rather than the same one updated
    then: Callable[[], None] | None = None
    failed: Callable[[BaseException], None] | None = None


class MailListModel(QAbstractTableModel):
    SENDER, SUBJECT, RECEIVED, CATEGORIES, FLAG, ATTACHMENT, STATE = range(7)
    COLUMNS = 7
    IdRole = Qt.ItemDataRole.UserRole + 1
    RowRole = Qt.ItemDataRole.UserRole + 2  # the MailRow (None while gone)

    # On the GUI thread, around a fresh id list being applied; True for a new list.
    about_to_load = Signal(bool)
    loaded = Signal(bool)
    # A query that failed (a Dutch UserFacingError for a bad filter): the old list stays.
    load_failed = Signal(object)

    def __init__(self, service: MailListService, query: MailQuery, now: Callable[[], datetime],
                 runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._runner = runner
        self._query = query  # what the rows show
        self._wanted = query  # the newest query asked for (shown once its ids land)
        self._now = now
        self._ids: list[int] = []
        self._row_of: dict[int, int] | None = None  # built when first asked
        self._cache: OrderedDict[int, MailRow] = OrderedDict()
        self._gone: set[int] = set()  # asked for, but deleted meanwhile: a greyed row
        self.fetches = 0  # pages read from the store (the tests count them)
        self.queries = 0  # ids queries started (the tests count them)
        self._generation = 0  # of the newest request started
        self._valid_from = 0  # answers to older requests are stale: a newer list was asked
        self._running: dict[int, _Request] = {}
        self._again = False  # changes came in while a query ran: ask once more after it
        self._when_settled: list[Callable[[], None]] = []
        self.ready = False  # the first list has landed

    # -- the query ---------------------------------------------------------------
    @property
    def query(self) -> MailQuery:
        """The newest query asked for: what the next view, sort or search builds on."""
        return self._wanted

    @property
    def shown_query(self) -> MailQuery:
        return self._query

    @property
    def busy(self) -> bool:
        """A query is running or due: the ids shown may be about to change."""
        return bool(self._running) or self._again

    def set_query(self, query: MailQuery, *, then: Callable[[], None] | None = None,
                  failed: Callable[[BaseException], None] | None = None) -> None:
        """Another view or search: a new list once its ids are in, then `then()`.
        A bad filter (the service's Dutch UserFacingError) goes to `failed`, or
        `load_failed`; the old list then stays."""
        self._start(query, reset=True, then=then, failed=failed)

    def set_sort(self, query: MailQuery, *, then: Callable[[], None] | None = None) -> None:
        """The same mails in another order: a layout change moves the selection along."""
        self._start(query, reset=False, then=then)

    def reload(self, *, then: Callable[[], None] | None = None) -> None:
        """Everything may have changed (a failed write): repaint and re-ask now."""
        self._repaint(Changes.everything(Kind.MAIL))
        self._start(self._wanted, reset=False, then=then)

    def _start(self, query: MailQuery, *, reset: bool, supersede: bool = True,
               then: Callable[[], None] | None = None,
               failed: Callable[[BaseException], None] | None = None) -> None:
        self._generation += 1
        request = _Request(self._generation, query, reset, then, failed)
        if supersede:
            # A newer list replaces the answers still on their way, not what they
            # were for: a view switch then a header click still ends as a new list.
            for older in self._running.values():
                if older.generation >= self._valid_from:
                    request.reset = request.reset or older.reset
                    if older.then is not None:
                        request.then = _chain(older.then, request.then)
            self._valid_from = request.generation
            self._again = False  # the new query sees every change made so far
            self._wanted = query
        self._running[request.generation] = request
        self.queries += 1
        service = self._service
        self._runner.run(self.tr("Loading the mail list"), lambda _ctx: service.ids(query),
                         owner=self, on_success=lambda ids: self._landed(request, ids),
                         on_failure=lambda exc: self._failed(request, exc))

    def _landed(self, request: _Request, ids: list[int]) -> None:
        del self._running[request.generation]
        if request.generation >= self._valid_from:
            self.about_to_load.emit(request.reset)
            if request.reset:
                self.beginResetModel()
                self._query = request.query
                self._set_ids(ids)
                self._cache.clear()
                self._gone.clear()
                self.endResetModel()
            else:
                self._query = request.query
                self._merge(ids)
            self.ready = True
            self.loaded.emit(request.reset)
            if request.then is not None:
                request.then()
        self._ask_again()

    def _failed(self, request: _Request, exc: BaseException) -> None:
        del self._running[request.generation]
        if request.generation >= self._valid_from:
            self._wanted = self._query  # the list shown stays what next steps build on
            if request.failed is not None:
                request.failed(exc)
            else:
                self.load_failed.emit(exc)
        self._ask_again()

    def _ask_again(self) -> None:
        if self._again and not self._running:
            self._again = False
            self._start(self._wanted, reset=False, supersede=False)
        if not self.busy:
            waiting, self._when_settled = self._when_settled, []
            for fn in waiting:
                fn()

    def when_settled(self, fn: Callable[[], None]) -> None:
        """`fn()` once the ids shown are the newest asked for (now, when no query runs)."""
        if self.busy:
            self._when_settled.append(fn)
        else:
            fn()

    # -- the change feed -----------------------------------------------------------
    def apply(self, changes: Changes) -> None:
        """Repaint changed rows now; re-ask the ids for what left, arrived or moved."""
        if not changes.touches_any((Kind.MAIL, Kind.FOLDER)):
            return
        self._repaint(changes)
        if self._running:
            self._again = True  # one more query after the running one: a burst costs two
        else:
            self._start(self._wanted, reset=False, supersede=False)

    def _repaint(self, changes: Changes) -> None:
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

    def _merge(self, fresh: list[int]) -> None:
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
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.COLUMNS:
            return None
        titles = [self.tr("From"), self.tr("Subject"), self.tr("Received"),
                  self.tr("Categories"), self.tr("Flag"), self.tr("Attachment"),
                  self.tr("Status")]
        if section == self.ATTACHMENT:  # a narrow column: a paperclip, its name as tooltip
            if role == Qt.ItemDataRole.DecorationRole:
                from kortrijk_cockpit.ui.views.mail.delegates import paperclip_icon

                return paperclip_icon()
            return titles[section] if role == Qt.ItemDataRole.ToolTipRole else None
        return titles[section] if role == Qt.ItemDataRole.DisplayRole else None

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
            # Escaped: a subject like "<img src=file://…>" is shown, never rendered.
            if index.column() == self.CATEGORIES:
                return plain_tooltip(", ".join(row.categories)) or None
            if index.column() == self.SENDER:
                return plain_tooltip(row.sender_email) or None
            return plain_tooltip(self._text(row, index.column())) or None
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
        query = replace(self._wanted, sort=keys[column],
                        descending=order == Qt.SortOrder.DescendingOrder)
        if query != self._wanted:
            self.set_sort(query)


def _chain(first: Callable[[], None],
           second: Callable[[], None] | None) -> Callable[[], None]:
    if second is None:
        return first

    def both() -> None:
        first()
        second()
    return both


def sort_column(key: str) -> int:
    """The column of a `SortKey` value, for the header's indicator."""
    order = ["sender", "subject", "received", "categories", "flag_due", "attachment", "state"]
    return order.index(key) if key in order else MailListModel.RECEIVED


def _short(moment: datetime) -> str:
    return local(moment).strftime("%d/%m %H:%M")
