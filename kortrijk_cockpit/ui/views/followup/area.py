"""The Opvolging area: open checklist items and open action points, worked by keyboard.

It follows the change feed row by row: a row ticked off stays as a struck-through
row until the next visit of the area, so Space again undoes it. Action points also
take L (lopend), F2 (owner and deadline) and Ctrl+Shift+G ("Agenderen op…"); the pane
beside the list shows the chosen point's route and status history. The filters are
remembered between runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QSettings,
    QStandardPaths,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QLabel,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kortrijk_cockpit.changes import Changes, Kind
from kortrijk_cockpit.domain.meetings import ActionStatus
from kortrijk_cockpit.ui.tasks import Lane
from kortrijk_cockpit.ui.views.followup.filter_bar import FollowupFilterBar
from kortrijk_cockpit.ui.views.followup.history_pane import PointHistoryPane
from kortrijk_cockpit.ui.views.followup.model import DueOrder, FollowupModel

if TYPE_CHECKING:
    from kortrijk_cockpit.services.action_points import ActionPointService, PointHistory
    from kortrijk_cockpit.services.carry_over import CarryOverService
    from kortrijk_cockpit.services.followup_points import FollowupPointsService, RouteTarget
    from kortrijk_cockpit.services.visits import FollowupRow, VisitService
    from kortrijk_cockpit.ui.change_feed import ChangeFeed
    from kortrijk_cockpit.ui.tasks import TaskRunner


class FollowupArea(QWidget):
    checklist_requested = Signal(int)  # the appointment's event id
    gone_checklist_requested = Signal(int)  # a visit id: its appointment is gone
    loaded = Signal()
    message = Signal(str)
    exported = Signal(object)  # the Path written
    failed = Signal(object)  # an exception from a write (MainWindow shows it)
    history_shown = Signal(int)  # the action point whose history the pane shows
    dialog_opened = Signal(object)  # the F2 or "Agenderen op" dialog, once it is open

    def __init__(self, visits: VisitService, runner: TaskRunner, feed: ChangeFeed,
                 parent: QWidget | None = None, *, points: ActionPointService | None = None,
                 carry_over: CarryOverService | None = None,
                 targets: FollowupPointsService | None = None,
                 state: QSettings | None = None) -> None:
        super().__init__(parent)
        self._points = points
        self._carry_over = carry_over
        self._targets = targets
        self._state = state
        self._people: list[str] = []
        self._visits = visits
        self._runner = runner
        self._feed = feed
        self.model = FollowupModel(self)
        self.proxy = DueOrder(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(False)
        self.proxy.sort(FollowupModel.DUE)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        # What to do and for which appointment share the width; dates and owner fit.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(FollowupModel.WHAT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(FollowupModel.FOR, QHeaderView.ResizeMode.Stretch)
        for column in (FollowupModel.WHEN, FollowupModel.OWNER, FollowupModel.DUE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(False)  # one line a row: the list reads at a glance
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.doubleClicked.connect(self._open)
        self.history = PointHistoryPane()
        self.table.installEventFilter(self)
        self.empty = QLabel(self.tr("Nothing to follow up. Mark an appointment as a visit or "
                                    "tour to get its checklist here."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.empty)
        self.pages.addWidget(self.table)
        title = QLabel(self.tr("Follow-up"))
        title.setObjectName("viewHeading")  # styled like Vandaag's heading
        self.filter_bar = FollowupFilterBar()
        self.filter_bar.changed.connect(self._filter)
        if state is not None:
            self.filter_bar.restore(state)
            self.filter_bar.changed.connect(lambda: self.filter_bar.save(state))
        self.filter_bar.with_done.toggled.connect(self.reload)  # finished rows are read then
        self.filter_bar.status.currentIndexChanged.connect(self._reload_for_status)
        self._loads_done = self.filter_bar.loads_done()
        self.filter_bar.export_excel.connect(lambda: self.export(".xlsx"))
        self.filter_bar.export_pdf.connect(lambda: self.export(".pdf"))
        find = QShortcut(QKeySequence.StandardKey.Find, self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self.focus_filter)
        route = QShortcut(QKeySequence("Ctrl+Shift+G"), self)
        route.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        route.activated.connect(self.route_current)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.pages)
        self.splitter.addWidget(self.history)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        if state is not None:
            saved = state.value(f"{SPLITTER_KEY}")
            if saved is not None:
                self.splitter.restoreState(saved)
            self.splitter.splitterMoved.connect(
                lambda *_: state.setValue(SPLITTER_KEY, self.splitter.saveState()))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addWidget(title)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.splitter, 1)
        self.model.rowsInserted.connect(self._show_page)
        self.model.rowsRemoved.connect(self._show_page)
        self.model.modelReset.connect(self._show_page)
        feed.changed.connect(self._on_changed)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.show_history())
        self.reload()

    # -- loading ---------------------------------------------------------------
    def reload(self) -> None:
        # Reads on the store lane too: they then land in the order of the writes
        # they follow, so an older answer never overwrites a newer one.
        visits, with_done = self._visits, self.filter_bar.loads_done()
        self._loads_done = with_done

        def load(_ctx: object) -> tuple[list[FollowupRow], list[str]]:
            return visits.open_items(include_done=with_done), visits.people_names()

        self._runner.run(self.tr("Loading follow-up"), load,
                         owner=self, lane=Lane.STORE, on_success=self._loaded)

    def _reload_for_status(self) -> None:
        if self.filter_bar.loads_done() != self._loads_done:
            self.reload()

    def _loaded(self, found: tuple[list[FollowupRow], list[str]]) -> None:
        rows, self._people = found
        self.model.set_rows(rows)
        self.filter_bar.set_choices((r.owner for r in rows), (r.series for r in rows))
        self._filter()
        if self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(0, 0))
        self.show_history()
        self.loaded.emit()

    def _filter(self) -> None:
        self.proxy.set_filters(self.filter_bar.filters(), self._visits.today())

    def show_series(self, code: str) -> None:
        """Vandaag's "Terug op het volgende MAT/DC": the list filtered on that series."""
        bar = self.filter_bar
        if bar.series.findData(code) < 0:
            bar.series.addItem(code, code)
        bar.series.setCurrentIndex(bar.series.findData(code))

    def focus_filter(self) -> None:
        self.filter_bar.owner.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_bar.owner.selectAll()

    # -- export ----------------------------------------------------------------
    def export(self, suffix: str, path: Path | None = None) -> int | None:
        """Write what the list shows to .xlsx or .pdf (asks where unless `path`)."""
        from kortrijk_cockpit.services import followup_export

        today = self._visits.today()
        if path is None:
            folder = Path(QStandardPaths.writableLocation(
                QStandardPaths.StandardLocation.DocumentsLocation))
            kinds = self.tr("Excel workbooks (*.xlsx)") if suffix == ".xlsx" \
                else self.tr("PDF files (*.pdf)")
            chosen, _kind = QFileDialog.getSaveFileName(
                self, self.tr("Export follow-up"),
                str(folder / followup_export.file_name(today, suffix)), kinds)
            if not chosen:
                return None
            path = Path(chosen)
        target = path
        rows = self.proxy.shown_rows()
        title = followup_export.export_title(self.filter_bar.describe(), today)
        write = followup_export.write_xlsx if suffix == ".xlsx" else followup_export.write_pdf

        def run(_ctx: object) -> Path:
            write(rows, target, title=title)
            return target

        return self._runner.run(self.tr("Exporting follow-up"), run, owner=self,
                                on_success=self.exported.emit)

    def _show_page(self) -> None:
        self.pages.setCurrentWidget(self.table if self.model.rowCount() else self.empty)

    def _on_changed(self, changes: Changes, _initiator: object) -> None:
        visits = self._visits
        if changes.rows(Kind.EVENT).removed or Kind.EVENT in changes.wholesale \
                or Kind.VISIT_ITEM in changes.wholesale or Kind.ACTION_POINT in changes.wholesale:
            self.reload()
            return
        items = set(changes.rows(Kind.VISIT_ITEM).all)
        actions = set(changes.rows(Kind.ACTION_POINT).all)
        events = set(changes.rows(Kind.EVENT).all)
        if not (items or actions or events):
            return

        def fresh(_ctx: object) -> dict[int, FollowupRow | None]:
            found = visits.rows_for_items(items | set(visits.item_ids_for_events(events)))
            found.update(visits.rows_for_actions(actions))
            return found

        current = self.current()
        if current is not None and current.action_point_id in actions:
            self.show_history()
        self._runner.run(self.tr("Loading follow-up"), fresh, owner=self, lane=Lane.STORE,
                         on_success=self.model.apply)

    # -- keys ------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.table and event.type() == QEvent.Type.KeyPress \
                and isinstance(event, QKeyEvent):
            if event.key() == Qt.Key.Key_Space:
                self.toggle_done()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._open(self.table.currentIndex())
                return True
            if event.key() == Qt.Key.Key_L \
                    and event.modifiers() == Qt.KeyboardModifier.NoModifier:
                self.toggle_in_progress()
                return True
            if event.key() == Qt.Key.Key_F2:
                self.edit_current()
                return True
        return False

    def current(self) -> FollowupRow | None:
        index = self.table.currentIndex()
        return index.data(FollowupModel.RowRole) if index.isValid() else None

    def toggle_done(self) -> None:
        row = self.current()
        if row is None:
            return
        if row.is_action_point:
            self._set_status(row, ActionStatus.OPEN if row.status is ActionStatus.DONE
                             else ActionStatus.DONE)
            return
        from kortrijk_cockpit.services.visits import item_id_of

        visits, feed, done = self._visits, self._feed, not row.done
        self._runner.run(self.tr("Saving the checklist"),
                         lambda _c: visits.update_item(item_id_of(row.key), done=done),
                         owner=self, lane=Lane.STORE, on_landed=feed.publish)

    def _open(self, index: QModelIndex) -> None:
        row = index.data(FollowupModel.RowRole) if index.isValid() else None
        if row is None or row.is_action_point:
            return
        if row.event_id is not None:
            self.checklist_requested.emit(row.event_id)
        elif row.visit_id is not None:
            self.gone_checklist_requested.emit(row.visit_id)


    # -- action points ---------------------------------------------------------
    def toggle_in_progress(self) -> None:
        """L: lopend, or back to open when it already is."""
        row = self.current()
        if row is None or not row.is_action_point:
            return
        self._set_status(row, ActionStatus.OPEN if row.status is ActionStatus.IN_PROGRESS
                         else ActionStatus.IN_PROGRESS)

    def _set_status(self, row: FollowupRow, status: ActionStatus) -> None:
        points, feed, point_id = self._points, self._feed, row.action_point_id
        if points is None or point_id is None:
            return
        # One key says what the status is to be: no version check, so a key pressed right
        # after her own "Agenderen op" (the row not yet re-read) is not a false conflict.
        # Owner and deadline (F2, values shown in a dialog) do check.
        self._runner.run(self.tr("Saving the action point"),
                         lambda _c: points.set_status(point_id, status),
                         owner=self, lane=Lane.STORE, on_landed=feed.publish,
                         on_failure=self._failed)

    def edit_current(self) -> None:
        """F2: owner and deadline of the chosen action point."""
        from kortrijk_cockpit.ui.dialogs.point_owner_due import PointOwnerDueDialog

        row = self.current()
        points = self._points
        if row is None or not row.is_action_point or points is None \
                or row.action_point_id is None:
            return
        dialog = PointOwnerDueDialog(row.what, row.owner, row.due_date, self._people,
                                     self._visits.today(), self)
        point_id, version, feed = row.action_point_id, row.version, self._feed

        def save() -> None:
            owner, due = dialog.owner_name(), dialog.due_date()
            self._runner.run(
                self.tr("Saving the action point"),
                lambda _c: points.update(point_id, owner_name=owner, due_date=due,
                                         clear_due=due is None, version=version),
                owner=self, lane=Lane.STORE, on_landed=feed.publish, on_failure=self._failed)

        dialog.accepted.connect(save)
        dialog.finished.connect(dialog.deleteLater)
        self.edit_dialog = dialog
        dialog.open()
        self.dialog_opened.emit(dialog)

    def route_current(self) -> None:
        """Ctrl+Shift+G: "Agenderen op…" for the chosen open action point."""
        row = self.current()
        targets = self._targets
        if row is None or not row.is_action_point or targets is None \
                or self._carry_over is None:
            if row is not None and not row.is_action_point:
                self.message.emit(self.tr("Only action points can be put on a meeting."))
            return
        if row.status is ActionStatus.DONE:
            self.message.emit(self.tr("This action point is done; it no longer comes back."))
            return
        self._runner.run(self.tr("Loading the meetings"), lambda _c: targets.route_targets(),
                         owner=self, lane=Lane.STORE,
                         on_success=lambda found: self._choose_route(row, found))

    def _choose_route(self, row: FollowupRow, found: list[RouteTarget]) -> None:
        from kortrijk_cockpit.ui.dialogs.route_point import RoutePointDialog

        dialog = RoutePointDialog(row.what, found, self)
        carry_over, feed, point_id = self._carry_over, self._feed, row.action_point_id
        assert carry_over is not None and point_id is not None

        def route() -> None:
            chosen = dialog.chosen()
            if chosen is None:
                return
            target = chosen.target
            self._runner.run(self.tr("Putting the action point on the agenda"),
                             lambda _c: carry_over.route(point_id, target), owner=self,
                             lane=Lane.STORE, on_landed=feed.publish, on_failure=self._failed)

        dialog.accepted.connect(route)
        dialog.finished.connect(dialog.deleteLater)
        self.route_dialog = dialog
        dialog.open()
        self.dialog_opened.emit(dialog)

    def show_history(self) -> None:
        """The pane follows the chosen row: an action point's route and steps."""
        row = self.current()
        points = self._points
        if row is None or not row.is_action_point or points is None \
                or row.action_point_id is None:
            self.history.clear()
            return
        point_id = row.action_point_id
        self._runner.run(self.tr("Loading the history"), lambda _c: points.history(point_id),
                         owner=self, lane=Lane.STORE, on_success=self._history_loaded,
                         on_failure=lambda _e: self.history.clear())

    def _history_loaded(self, history: PointHistory) -> None:
        row = self.current()
        if row is None or row.action_point_id != history.id:
            return  # the choice moved on meanwhile
        self.history.show_history(history)
        self.history_shown.emit(history.id)

    def _failed(self, error: BaseException) -> None:
        self.failed.emit(error)
        self.reload()  # a stale or refused write: show what is stored now


SPLITTER_KEY = "followup/splitter"


def followup_shortcuts() -> list[tuple[str, str]]:
    """(keys, what they do) in the Opvolging list, as its event filter handles them."""
    return [
        ("Space", QCoreApplication.translate("FollowupShortcuts",
                                             "Tick the item or action point off (or on again)")),
        ("L", QCoreApplication.translate("FollowupShortcuts",
                                         "Mark the action point in progress (or open again)")),
        ("F2", QCoreApplication.translate("FollowupShortcuts",
                                          "Change the action point's owner and deadline")),
        ("Ctrl+Shift+G", QCoreApplication.translate("FollowupShortcuts",
                                                    "Put the action point on a meeting")),
        ("Enter", QCoreApplication.translate("FollowupShortcuts", "Open the checklist")),
        ("Ctrl+F", QCoreApplication.translate("FollowupShortcuts", "Filter by owner")),
    ]
