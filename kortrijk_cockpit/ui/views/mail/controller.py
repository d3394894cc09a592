"""Wires the Mail area to the services: views and search into the list, the
current mail into the reading pane, the change feed into the list and counts.
Triage keys and their writes live in `triage_actions.py`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence

from kortrijk_cockpit.changes import Changes, Kind
from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.ui.change_feed import COALESCE_MS, ChangeFeed
from kortrijk_cockpit.ui.models.mail_list import MailListModel, sort_column
from kortrijk_cockpit.ui.tasks import Lane, TaskRunner
from kortrijk_cockpit.ui.views.mail.area import STATE_GROUP, MailArea
from kortrijk_cockpit.ui.views.mail.image_fetch import is_public_address
from kortrijk_cockpit.ui.views.mail.reader_window import ReaderWindow
from kortrijk_cockpit.ui.views.mail.reading_pane import ReadingPane
from kortrijk_cockpit.ui.views.mail.triage_actions import TriageActions
from kortrijk_cockpit.ui.views.mail.view_tree import TODO, KeyRole, query_for

if TYPE_CHECKING:
    from kortrijk_cockpit.clock import Clock
    from kortrijk_cockpit.services.folders import FolderService
    from kortrijk_cockpit.services.handing_on import HandOnService
    from kortrijk_cockpit.services.mail_list import (
        MailDetail,
        MailListService,
        MailQuery,
        ViewCounts,
    )
    from kortrijk_cockpit.services.outcomes import Outcome, OutcomeService
    from kortrijk_cockpit.services.reporting_hand_on import ReportingHandOn
    from kortrijk_cockpit.services.suggestions import Suggestion, SuggestionService
    from kortrijk_cockpit.services.triage import TriageService
    from kortrijk_cockpit.services.trusted_senders import TrustedSenders


READ_AFTER_MS = 1500  # shown this long in the pane: read, as in Outlook
MAX_INLINE_BYTES = 2 * 1024 * 1024  # an inline image bigger than this stays a gap


@dataclass(frozen=True)
class MailServices:
    mail_list: MailListService
    triage: TriageService
    outcomes: OutcomeService
    clock: Clock
    folders: FolderService | None = None
    handing_on: HandOnService | None = None
    suggestions: SuggestionService | None = None
    trusted_senders: TrustedSenders | None = None
    reporting_hand_on: ReportingHandOn | None = None  # "O": a received reporting part


class MailController(QObject):
    message = Signal(str)  # for the window's status bar
    mail_shown = Signal(int)  # the reading pane shows this mail
    record_requested = Signal(str, int)  # LinkKind value, target id: the window opens it
    compose_requested = Signal(int, str)  # mail id, "reply" | "reply_all" | "forward"

    def __init__(self, area: MailArea, services: MailServices, runner: TaskRunner,
                 feed: ChangeFeed, state: QSettings | None = None) -> None:
        super().__init__(area)
        from kortrijk_cockpit.services.mail_list import MailQuery, SortKey

        self.area = area
        self.services = services
        self.runner = runner
        self.feed = feed
        self._state = state
        self._compose: Any = None
        self.outcomes: list[Outcome] = []
        self.suggestion: Suggestion | None = None
        self.counts: ViewCounts | None = None  # the tree's numbers, once counted
        self._view_key = TODO
        self._pending: Changes | None = None  # news for a hidden area, or within a burst
        self._counts_running = self._counts_again = False
        self._readers: list[ReaderWindow] = []
        self._colours: dict[str, str] = {}  # the outcomes' colours, for the panes' chips
        # Remote images only from public addresses (tests allow their loopback server).
        self._image_policy: Callable[[str], bool] = is_public_address
        self._sync: Any = None  # the SyncController: attachments of synced mail
        self._inline_asked: set[int] = set()  # inline images asked for, once each
        self._suggesting = 0  # generation of the newest suggestion asked for
        self._suggested_for: int | None = None
        # Like Outlook: a mail shown for READ_AFTER_MS becomes read (through triage).
        self._read_timer = QTimer(self)
        self._read_timer.setSingleShot(True)
        self._read_timer.setInterval(READ_AFTER_MS)
        self._read_timer.timeout.connect(self._mark_shown_read)
        self._read_candidate: int | None = None

        base = MailQuery()
        if state is not None:
            state.beginGroup(STATE_GROUP)
            self._view_key = str(state.value("view", TODO))
            sort = str(state.value("sort", SortKey.RECEIVED.value))
            base = replace(base, sort=SortKey(sort) if sort in set(SortKey) else SortKey.RECEIVED,
                           descending=str(state.value("descending", "true")) == "true",
                           conversations=str(state.value("conversations", "false")) == "true")
            state.endGroup()
            area.restore_layout(state)
        self.model = MailListModel(services.mail_list, base, services.clock.now, runner, self)
        area.set_model(self.model)
        self._load_outcomes()
        self._load_tree()
        if self.area.tree_model.index_of(self._view_key).row() < 0:
            self._view_key = TODO
        self._anchor: int | None = None  # the top row's mail while fresh ids are applied
        self.model.about_to_load.connect(self._before_load)
        self.model.loaded.connect(self._after_load)
        self.model.load_failed.connect(self._load_failed)
        # The ids come from the task runner; the counts wait for them (first paint first).
        self.model.set_query(query_for(self._view_key, base), then=self._first_loaded,
                             failed=lambda exc: self._first_failed(base, exc))
        header = area.list.horizontalHeader()
        header.setSortIndicator(sort_column(self.model.query.sort.value),
                                Qt.SortOrder.DescendingOrder if self.model.query.descending
                                else Qt.SortOrder.AscendingOrder)
        area.list.setSortingEnabled(True)  # asks model.sort with the same order: a no-op
        area.grouping.setChecked(self.model.query.conversations)
        self._select_tree(self._view_key)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(COALESCE_MS)
        self._timer.timeout.connect(self._apply_pending)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self.run_search)

        area.tree.selectionModel().currentChanged.connect(self._tree_changed)
        area.list.selectionModel().currentRowChanged.connect(self._current_changed)
        area.list.selectionModel().selectionChanged.connect(self._selection_changed)
        area.list.activated.connect(lambda _index: self.open_reader())
        area.grouping.toggled.connect(self._set_grouping)
        area.search.textEdited.connect(lambda _text: self._search_timer.start())
        area.search.returnPressed.connect(self.run_search)
        area.suggestion_accept.clicked.connect(self.accept_suggestion)
        for signal in (self.model.rowsInserted, self.model.rowsRemoved, self.model.modelReset):
            signal.connect(self._update_empty)
        self._search_actions()
        self.hook_pane(area.pane)
        self.actions = TriageActions(self)
        feed.changed.connect(self._on_changed)
        area.installEventFilter(self)
        self._update_empty()
        self.select_row(0)

    def _first_loaded(self) -> None:
        self.select_row(0)
        self.load_counts()

    def _first_failed(self, base: MailQuery, exc: BaseException) -> None:
        if self._view_key == TODO:
            self._load_failed(exc)
            return
        self._view_key = TODO  # the remembered view no longer works: Te behandelen
        self._select_tree(TODO)
        self.model.set_query(query_for(TODO, base), then=self._first_loaded)

    # -- views, sort, grouping, search --------------------------------------------------
    def _load_outcomes(self) -> None:
        self.outcomes = list(self.services.outcomes.outcomes())
        self._colours = {o.name: o.colour for o in self.outcomes if o.colour}
        self.area.chips.colours = self._colours
        for pane in self._panes():
            pane.set_colours(self._colours)

    def _load_tree(self) -> None:
        from kortrijk_cockpit.services.mail_list import ViewCounts

        folders = (self.services.folders.mail_folders(include_local=True)  # + Geïmporteerd
                   if self.services.folders else [])
        current = self._view_key
        self.area.tree_model.set_entries([o.name for o in self.outcomes], folders,
                                         self.counts or ViewCounts())
        self.area.tree.expandAll()
        self._select_tree(current)

    def _select_tree(self, key: str) -> None:
        index = self.area.tree_model.index_of(key)
        if index.isValid() and self.area.tree.currentIndex() != index:
            self.area.tree.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def view_key(self) -> str:
        return self._view_key

    def choose_view(self, key: str) -> None:
        self._select_tree(key)
        if key != self._view_key or self.model.query.text:
            self._show_view(key)

    def _tree_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        key = current.data(KeyRole)
        if key and (key != self._view_key or self.model.query.text):
            self._show_view(key)

    def _show_view(self, key: str) -> None:
        self._view_key = key
        self.area.search.clear()
        self.area.show_search_error("")
        self.model.set_query(query_for(key, self.model.query), then=lambda: self.select_row(0))

    def _set_grouping(self, on: bool) -> None:
        if on != self.model.query.conversations:
            keep = self.current_id()

            def reselect() -> None:
                if keep is None or not self.select_id(keep):
                    self.select_row(0)
            self.model.set_query(replace(self.model.query, conversations=on), then=reselect)

    def run_search(self) -> None:
        from kortrijk_cockpit.services.mail_list import MailView

        self._search_timer.stop()
        text = self.area.search.text().strip()
        if text == self.model.query.text:
            return
        if text:
            # Results in the same list, from every folder.
            query = replace(query_for(self._view_key, self.model.query),
                            view=MailView.SEARCH, folder_id=None, category=None, text=text)
        else:
            query = query_for(self._view_key, self.model.query)
        self.model.set_query(query, then=self._search_shown, failed=self._load_failed)

    def _search_shown(self) -> None:
        self.area.show_search_error("")
        self.select_row(0)

    def clear_search(self) -> None:
        self._search_timer.stop()
        self.area.search.clear()
        self.run_search()
        self.area.show_search_error("")
        self.area.list.setFocus()

    def _search_actions(self) -> None:
        find = QAction(self.area)
        find.setShortcut(QKeySequence("Ctrl+F"))
        find.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.triggered.connect(self.area.search.setFocus)
        self.area.addAction(find)
        escape = QAction(self.area.search)
        escape.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        escape.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        escape.triggered.connect(self.clear_search)
        self.area.search.addAction(escape)

    # -- selection and the reading pane ---------------------------------------------------
    def current_id(self) -> int | None:
        index = self.area.list.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def selected_ids(self) -> list[int]:
        rows = sorted(i.row() for i in self.area.list.selectionModel().selectedRows())
        if not rows:
            current = self.current_id()
            return [current] if current is not None else []
        return [self.model.id_at(r) for r in rows]

    def select_row(self, row: int) -> None:
        if not 0 <= row < self.model.rowCount():
            if self.model.rowCount() == 0:
                self._show_mail(None)
            return
        index = self.model.index(row, MailListModel.SUBJECT)
        flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                 | QItemSelectionModel.SelectionFlag.Rows)
        self.area.list.selectionModel().setCurrentIndex(index, flags)
        self.area.list.scrollTo(index)

    def select_id(self, mail_id: int) -> bool:
        row = self.model.row_of(mail_id)
        if row >= 0:
            self.select_row(row)
        return row >= 0

    def move(self, step: int) -> None:
        current = self.area.list.currentIndex()
        row = current.row() + step if current.isValid() else 0
        self.select_row(max(0, min(row, self.model.rowCount() - 1)))

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_mail(self.model.id_at(current.row()) if current.isValid() else None)

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        count = len(self.area.list.selectionModel().selectedRows())
        if count > 1:
            self.message.emit(self.tr("%n mail(s) selected: every key acts on all of them",
                                      "", count))

    def _show_mail(self, mail_id: int | None) -> None:
        pane = self.area.pane
        if mail_id is None:
            self._no_suggestion()
            self._read_timer.stop()
            pane.clear(self.tr("Choose a mail to read it here."))
            return
        if pane.mail_id() == mail_id and not self._stale_detail:
            return
        self._stale_detail = False
        # One record by its key (a few ms, also at 100,000 mails): read on the GUI
        # thread, so j/k shows the next mail at once, without a blank pane between.
        detail = self.services.mail_list.detail(mail_id)
        if detail is None:
            pane.clear(self.tr("This mail no longer exists."))
            self._no_suggestion()
            return
        another = pane.mail_id() != mail_id
        pane.show_mail(detail)
        if self.stuk_link is not None:  # "Koppel als stuk" when it answers a request
            self.stuk_link.show_for(detail)
        self._after_shown(pane, detail)
        self._show_suggestion(detail)
        if another:  # a refresh of the same mail (e.g. she marked it unread) leaves it so
            self._read_candidate = mail_id if not detail.is_read else None
            if detail.is_read:
                self._read_timer.stop()
            else:
                self._read_timer.start()
        self.mail_shown.emit(mail_id)

    def _mark_shown_read(self) -> None:
        mail_id = self._read_candidate
        if mail_id is None or self.area.pane.mail_id() != mail_id:
            return
        self._read_candidate = None
        triage = self.services.triage
        # Through triage, so the read state reaches Outlook; not a step for Ctrl+Z.
        self.write(self.tr("Marking read"), lambda: triage.set_read([mail_id], True))

    def _after_shown(self, pane: ReadingPane, detail: MailDetail) -> None:
        """What a pane shows after the mail itself: agenda clashes and inline images."""
        if detail.meeting is not None and not detail.meeting.is_cancellation:
            service, mail_id = self.services.mail_list, detail.id

            def clashes(found: Any) -> None:
                if pane.mail_id() == mail_id:  # still that mail
                    pane.set_conflicts([self._clash_text(c) for c in found])
            self.runner.run(self.tr("Checking the agenda"),
                            lambda _ctx: service.clashes(mail_id), owner=pane,
                            on_success=clashes)
        self._fetch_inline(detail)

    def _clash_text(self, clash: Any) -> str:
        from kortrijk_cockpit.ui.formatting import local
        from kortrijk_cockpit.ui.views.mail.mail_format import short_moment

        if clash.is_all_day:
            return self.tr("{subject} (all day)").format(subject=clash.subject)
        start, end = local(clash.start), local(clash.end)
        span = (f"{start:%H:%M} – {end:%H:%M}" if start.date() == end.date()
                else f"{short_moment(start)} – {short_moment(end)}")
        return f"{clash.subject} {span}"

    def _fetch_inline(self, detail: MailDetail) -> None:
        """Inline (cid:) images of synced mail come with the attachments, on demand."""
        if self._sync is None:
            return
        from pathlib import Path

        for a in detail.attachments:
            on_disk = bool(a.saved_path) and Path(a.saved_path or "").is_file()
            if (a.is_inline and a.content_id and not on_disk and a.size <= MAX_INLINE_BYTES
                    and a.id not in self._inline_asked):
                self._inline_asked.add(a.id)
                self._sync.fetch_attachment(a.id)

    def _inline_ready(self, attachment_id: int, path: str) -> None:
        for pane in self._panes():
            pane.inline_ready(attachment_id, path)

    def _panes(self) -> list[ReadingPane]:
        return [self.area.pane, *(r.pane for r in self._readers)]

    _stale_detail = False

    def refresh_pane(self) -> None:
        self._stale_detail = True
        self._show_mail(self.current_id())

    def _no_suggestion(self) -> None:
        self._suggesting += 1  # an answer still on its way is for another mail
        self._suggested_for = self.suggestion = None
        self.area.suggestion.hide()

    def _show_suggestion(self, detail: MailDetail) -> None:
        """Asked on the runner (it reads earlier mails): the pane does not wait for it.
        The same mail keeps its suggestion until the new answer; another mail has none."""
        service = self.services.suggestions
        if detail.id != self._suggested_for or service is None or detail.outcome is not None:
            self._no_suggestion()
        if service is None or detail.outcome is not None:
            return
        self._suggesting += 1
        generation, mail_id = self._suggesting, detail.id

        def landed(suggestion: Suggestion | None) -> None:
            if generation == self._suggesting:  # else she moved on: dropped
                self._suggested_for = mail_id
                self._present_suggestion(suggestion)
        self.runner.run(self.tr("Suggesting an outcome"), lambda _ctx: service.suggest(mail_id),
                        owner=self.area, on_success=landed)

    def _present_suggestion(self, suggestion: Suggestion | None) -> None:
        self.suggestion = suggestion
        if self.suggestion is None:
            self.area.suggestion.hide()
            return
        outcome = self.suggestion.outcome
        reason = self.suggestion.reason.removesuffix(f": {outcome}")  # named once is enough
        self.area.suggestion_text.set_full_text(
            self.tr("Suggestion: {outcome} — {reason}").format(outcome=outcome, reason=reason))
        self.area.suggestion.show()

    def accept_suggestion(self) -> None:
        current = self.current_id()
        if self.suggestion is not None and current is not None:
            self.actions.apply_outcome(self.suggestion.outcome, [current])

    def reveal(self, mail_id: int) -> bool:
        """Show this mail (a quick-search hit): in the list as it is, else in its folder."""
        if self.select_id(mail_id):
            self.area.list.setFocus()
            return True
        detail = self.services.mail_list.detail(mail_id)
        if detail is None:
            return False
        key = f"folder:{detail.folder_id}"

        def show() -> None:
            self.select_id(mail_id)
            self.area.list.setFocus()
        # Before the tree moves, so its change does not ask for the folder a second time.
        self._view_key = key
        self.area.search.clear()
        self.area.show_search_error("")
        self.model.set_query(query_for(key, self.model.query), then=show)
        self._select_tree(key)
        return True

    def show_local_copy(self, snapshot: Any) -> None:
        """What the overview knows of the whole mailbox, for an honest empty state."""
        self._mails_stored = snapshot.mails_stored
        self._synced_at = snapshot.mail_synced_at
        self._update_empty()

    _mails_stored: int | None = None
    _synced_at: Any = None

    def open_reader(self) -> ReaderWindow | None:
        current = self.current_id()
        detail = self.services.mail_list.detail(current) if current is not None else None
        if detail is None:
            return None
        reader = ReaderWindow(detail, self.area.window(), prepare=self.hook_pane)
        self._readers.append(reader)
        self._after_shown(reader.pane, detail)
        reader.destroyed.connect(lambda *_: self._readers.remove(reader)
                                 if reader in self._readers else None)
        reader.show()
        return reader

    # -- the pane's requests -----------------------------------------------------------------
    def hook_pane(self, pane: ReadingPane) -> None:
        pane.set_runner(self.runner)  # allowed remote images are fetched on it
        pane.body.address_allowed = self._image_policy
        pane.set_colours(self._colours)
        pane.link_activated.connect(self.record_requested)
        pane.allow_images.connect(self.allow_images)
        pane.meeting_response.connect(
            lambda mail_id, response, text: self.respond_to_meeting(mail_id, response, text, pane))
        pane.open_attachment.connect(lambda att: self._attachment("open", pane, att))
        pane.save_attachment.connect(lambda att: self._attachment("save", pane, att))

    stuk_link: Any = None  # StukLink, once set_stukken wired it

    def set_stukken(self, service: Any) -> None:
        """The Overleg part's StukkenService: mails that bring a requested stuk offer
        "Koppel als stuk" above the mail."""
        from kortrijk_cockpit.ui.views.mail.stuk_link import StukLink

        self.stuk_link = StukLink(service, self.runner, self.feed, self.area.pane,
                                  sync=self._sync)
        self.stuk_link.message.connect(lambda text: self.message.emit(text) if text else None)
        self._stale_detail = True
        self._show_mail(self.current_id())

    def set_compose(self, service: Any) -> None:
        """The lead wires mail-exchange's ComposeService here; until then the
        reply and meeting buttons say they are not connected."""
        self._compose = service

    def set_sync(self, sync: Any) -> None:
        """Attachments of synced mail are fetched by the sync worker (None: not connected;
        imported mails' attachments still open from disk)."""
        from kortrijk_cockpit.ui.views.mail.attachment_actions import AttachmentActions

        if self._attachments is not None:
            self._attachments.deleteLater()
        self._attachments = AttachmentActions(sync, self.area)
        self._attachments.status.connect(lambda text: self.message.emit(text) if text else None)
        if self.stuk_link is not None:
            self.stuk_link.set_sync(sync)
        if sync is not self._sync:
            if self._sync is not None:
                self._sync.attachment_ready.disconnect(self._inline_ready)
            self._sync = sync
            if sync is not None:
                sync.attachment_ready.connect(self._inline_ready)
                if self.area.pane.mail_id() is not None:
                    self.refresh_pane()  # the shown mail's inline images, now they can come

    def set_image_policy(self, allowed: Callable[[str], bool]) -> None:
        """Which IP addresses remote images may come from (tests: their loopback server)."""
        self._image_policy = allowed
        for pane in self._panes():
            pane.body.address_allowed = allowed

    _attachments: Any = None

    def _attachment(self, what: str, pane: ReadingPane, attachment_id: int) -> None:
        info = pane.attachment(attachment_id)
        if info is None:
            return
        if self._attachments is None:
            self.set_sync(None)
        getattr(self._attachments, what)(info)

    def compose(self, mode: str) -> None:
        current = self.current_id()
        if current is None:
            return
        if self._compose is None:
            self.message.emit(self.tr("Replying and forwarding are not connected yet."))
            return
        self.compose_requested.emit(current, mode)

    def respond_to_meeting(self, mail_id: int, response: str, text: str,
                           pane: ReadingPane | None = None) -> None:
        """`pane`: the one whose card asked (the area's, or a reader window's); on a
        failure its buttons come back with her message kept."""
        asking = pane or self.area.pane
        compose = self._compose
        if compose is None:
            asking.meeting_answer_failed(mail_id)
            self.message.emit(self.tr("Answering meeting requests is not connected yet."))
            return
        label = self.tr("Answering a meeting request")

        def failed(exc: BaseException) -> None:
            asking.meeting_answer_failed(mail_id)
            self.failed(label, exc)
        def landed(_changes: object) -> None:
            self.refresh_pane()
            if asking is not self.area.pane:  # a reader window: its card says so too
                self._refresh_reader(asking, mail_id)
        self.write(label, lambda: compose.respond_to_meeting(mail_id, response, text),
                   on_success=landed, on_failure=failed)

    def _refresh_reader(self, pane: ReadingPane, mail_id: int) -> None:
        mail_list = self.services.mail_list

        def show(detail: MailDetail | None) -> None:
            if detail is not None and pane.mail_id() == mail_id:
                pane.show_mail(detail)
        self.runner.run(self.tr("Reading the mail"), lambda _ctx: mail_list.detail(mail_id),
                        owner=pane, on_success=show)

    def allow_images(self, address_or_domain: str) -> None:
        trusted = self.services.trusted_senders
        if trusted is None:
            return
        self.write(self.tr("Allowing images"), lambda: trusted.trust(address_or_domain),
                   on_success=lambda _r: self.refresh_pane())

    # -- writes --------------------------------------------------------------------------
    def write(self, label: str, work: Any, *, on_success: Any = None,
              on_failure: Any = None) -> None:
        """A store write on the store lane; what it returns (a Changes, or a value
        with `.changes`) is announced on the feed even if the area is gone by then."""
        feed, initiator = self.feed, self

        def announce(result: object) -> None:
            from shiboken6 import isValid

            changes = result if isinstance(result, Changes) else getattr(result, "changes", None)
            if isinstance(changes, Changes) and isValid(feed):  # the window may be closed
                feed.publish(changes, initiator)

        self.runner.run(label, lambda _ctx: work(), owner=self.area, lane=Lane.STORE,
                        on_landed=announce, on_success=on_success,
                        on_failure=on_failure or (lambda exc: self.failed(label, exc)))

    def failed(self, label: str, exc: BaseException) -> None:
        """A Dutch message; the list shows what the store has now, nothing typed is lost."""
        from kortrijk_cockpit.ui.dialogs.messages import show_failure

        if not isinstance(exc, UserFacingError):
            self.runner.report(label, exc)
            return
        keep = self.selected_ids()

        def reselect() -> None:
            for mail_id in keep:
                if self.select_id(mail_id):
                    break
        self.model.reload(then=reselect)
        self.refresh_pane()
        show_failure(self.area, label, exc, reload=self.model.reload)

    # -- the change feed ----------------------------------------------------------------
    def _on_changed(self, changes: Changes, initiator: object) -> None:
        if not changes.touches_any((Kind.MAIL, Kind.FOLDER)):
            return
        self._pending = changes if self._pending is None else self._pending | changes
        if not self.area.isVisible():
            return  # stale: applied at the next show
        if initiator is self:
            self._apply_pending()  # her own step: at once, no flicker
        elif not self._timer.isActive():
            self._timer.start()  # a sync burst: once

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.area and event.type() == QEvent.Type.Show:
            if self._pending:
                self._timer.start()
            if self._read_candidate is not None:
                self._read_timer.start()  # her moment with the mail starts again
        elif watched is self.area and event.type() == QEvent.Type.Hide:
            self._read_timer.stop()  # another area, or the window closed: not read
        return False

    @property
    def stale(self) -> bool:
        return self._pending is not None

    def _apply_pending(self) -> None:
        changes, self._pending = self._pending, None
        if changes is None:
            return
        current = self.current_id()
        self.model.apply(changes)  # rows changed in place repaint now; the ids follow
        if Kind.MAIL in changes.wholesale:  # e.g. the office's outcomes were edited
            self._load_outcomes()
        if changes.touched(Kind.FOLDER) or Kind.MAIL in changes.wholesale:
            self._load_tree()
        if current is not None and (current in changes.mails.updated
                                    or Kind.MAIL in changes.wholesale):
            self.refresh_pane()
        self.load_counts()

    def _before_load(self, reset: bool) -> None:
        top = self.area.list.verticalScrollBar().value()
        self._anchor = None if reset or not 0 <= top < self.model.rowCount() \
            else self.model.id_at(top)

    def _after_load(self, reset: bool) -> None:
        anchor, self._anchor = self._anchor, None
        if anchor is not None and self.model.row_of(anchor) >= 0:
            # Mails arriving above keep what she looks at in place.
            self.area.list.updateGeometries()
            self.area.list.verticalScrollBar().setValue(self.model.row_of(anchor))
        if not reset and self.current_id() is None and self.model.rowCount():
            self.select_row(0)
        self._update_empty()

    def _load_failed(self, exc: BaseException) -> None:
        if isinstance(exc, UserFacingError):  # a bad or stale filter: shown, the list stays
            self.area.show_search_error(exc.user_message)
        else:
            self.runner.report(self.tr("Loading the mail list"), exc)

    def load_counts(self) -> None:
        if self._counts_running:
            self._counts_again = True
            return
        self._counts_running = True
        service = self.services.mail_list
        self.runner.run(self.tr("Counting mail"), lambda _ctx: service.counts(),
                        owner=self.area, on_success=self._counts_ready,
                        on_failure=self._counts_failed)

    def _counts_ready(self, counts: Any) -> None:
        self.counts = counts
        self._counts_running = False
        self.area.tree_model.set_counts(counts)
        self._update_empty()
        if self._counts_again:
            self._counts_again = False
            self.load_counts()

    def _counts_failed(self, exc: BaseException) -> None:
        self._counts_running = False
        self.runner.report(self.tr("Counting mail"), exc)

    def _update_empty(self) -> None:
        from kortrijk_cockpit.services.mail_list import MailView

        if self.model.rowCount():
            self.area.show_list()
            return
        view = self.model.query.view
        counts = self.counts
        if self._mails_stored != 0 and not self.model.ready:
            self.area.show_list()  # while the first ids are on their way: no "all handled"
        elif self._mails_stored == 0:
            from kortrijk_cockpit.ui.areas import areas
            from kortrijk_cockpit.ui.formatting import format_datetime

            mail = next(a for a in areas() if a.key == "mail")
            if self._synced_at is None:  # never connected: the promise
                self.area.show_empty(mail.empty_title, mail.empty_text)
            else:
                self.area.show_empty(
                    self.tr("No mail in the synchronised folders"),
                    self.tr("Last synchronised on {when}.").format(
                        when=format_datetime(self._synced_at)))
        elif view == MailView.SEARCH:
            self.area.show_empty(self.tr("Nothing found"),
                                 self.tr("Try other words or fewer filters. Esc clears the search."))
        elif view == MailView.TODO:
            later = getattr(counts, "later", 0) or 0
            text = (self.tr("%n mail(s) come back later (Later).", "", later) if later
                    else self.tr("New mail appears here as it arrives."))
            self.area.show_empty(self.tr("All handled"), text)
        elif view == MailView.WAITING:
            self.area.show_empty(self.tr("Nothing to wait for"),
                                 self.tr("Mails marked \"Wacht op antwoord\" appear here until "
                                         "a reply arrives."))
        else:
            self.area.show_empty(self.tr("No mail here"), "")

    # -- remembered between runs -----------------------------------------------------------
    def save_state(self, state: QSettings) -> None:
        query = self.model.query
        state.beginGroup(STATE_GROUP)
        state.setValue("view", self._view_key)
        state.setValue("sort", query.sort.value)
        state.setValue("descending", "true" if query.descending else "false")
        state.setValue("conversations", "true" if query.conversations else "false")
        state.endGroup()
        self.area.save_layout(state)

    def shown_mail(self) -> int | None:
        return self.area.pane.mail_id()

    def stop(self) -> None:
        self._timer.stop()
        self._search_timer.stop()
        self._read_timer.stop()
