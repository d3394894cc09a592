"""The Opvolging area: open checklist items (and, read-only, open action points).

It follows the change feed row by row: a checklist item ticked off stays as a
struck-through row until the next visit of the area, so Space again undoes it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
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
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kortrijk_cockpit.changes import Changes, Kind
from kortrijk_cockpit.ui.tasks import Lane
from kortrijk_cockpit.ui.views.followup.filter_bar import FollowupFilterBar
from kortrijk_cockpit.ui.views.followup.model import DueOrder, FollowupModel

if TYPE_CHECKING:
    from kortrijk_cockpit.services.visits import FollowupRow, VisitService
    from kortrijk_cockpit.ui.change_feed import ChangeFeed
    from kortrijk_cockpit.ui.tasks import TaskRunner


class FollowupArea(QWidget):
    checklist_requested = Signal(int)  # the appointment's event id
    gone_checklist_requested = Signal(int)  # a visit id: its appointment is gone
    loaded = Signal()
    message = Signal(str)
    exported = Signal(object)  # the Path written

    def __init__(self, visits: VisitService, runner: TaskRunner, feed: ChangeFeed,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
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
        self.filter_bar.with_done.toggled.connect(self.reload)  # finished rows are read then
        self.filter_bar.export_excel.connect(lambda: self.export(".xlsx"))
        self.filter_bar.export_pdf.connect(lambda: self.export(".pdf"))
        find = QShortcut(QKeySequence.StandardKey.Find, self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self.focus_filter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addWidget(title)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.pages)
        self.model.rowsInserted.connect(self._show_page)
        self.model.rowsRemoved.connect(self._show_page)
        self.model.modelReset.connect(self._show_page)
        feed.changed.connect(self._on_changed)
        self.reload()

    # -- loading ---------------------------------------------------------------
    def reload(self) -> None:
        # Reads on the store lane too: they then land in the order of the writes
        # they follow, so an older answer never overwrites a newer one.
        visits, with_done = self._visits, self.filter_bar.with_done.isChecked()
        self._runner.run(self.tr("Loading follow-up"),
                         lambda _c: visits.open_items(include_done=with_done),
                         owner=self, lane=Lane.STORE, on_success=self._loaded)

    def _loaded(self, rows: list[FollowupRow]) -> None:
        self.model.set_rows(rows)
        self.filter_bar.set_choices((r.owner for r in rows), (r.series for r in rows))
        self._filter()
        if self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(0, 0))
        self.loaded.emit()

    def _filter(self) -> None:
        self.proxy.set_filters(self.filter_bar.filters(), self._visits.today())

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
        return False

    def current(self) -> FollowupRow | None:
        index = self.table.currentIndex()
        return index.data(FollowupModel.RowRole) if index.isValid() else None

    def toggle_done(self) -> None:
        row = self.current()
        if row is None:
            return
        if row.is_action_point:
            self.message.emit(self.tr("Action points are followed up in their meeting."))
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


def followup_shortcuts() -> list[tuple[str, str]]:
    """(keys, what they do) in the Opvolging list, as its event filter handles them."""
    return [
        ("Space", QCoreApplication.translate("FollowupShortcuts",
                                             "Tick the checklist item off (or on again)")),
        ("Enter", QCoreApplication.translate("FollowupShortcuts", "Open the checklist")),
        ("Ctrl+F", QCoreApplication.translate("FollowupShortcuts", "Filter by owner")),
    ]
