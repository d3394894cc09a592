"""The main window: navigation on the left, one view per area, tasks in the status bar.

It only wires views to services and the task runner; no logic of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QItemSelectionModel, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from kortrijk_cockpit import APP_NAME, __version__
from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.ui.areas import AREA_OF_KIND, areas
from kortrijk_cockpit.ui.models.navigation import NavigationModel
from kortrijk_cockpit.ui.tasks import TaskContext, TaskRunner
from kortrijk_cockpit.ui.views.area import AreaView
from kortrijk_cockpit.ui.views.today import TodayView
from kortrijk_cockpit.ui.widgets.task_status import TaskStatus

if TYPE_CHECKING:  # these pull in SQLAlchemy, which loads only after the window shows
    from kortrijk_cockpit.services.clock import Clock
    from kortrijk_cockpit.services.dashboard import DashboardService, DashboardSnapshot
    from kortrijk_cockpit.services.records import RecordService
    from kortrijk_cockpit.services.search import SearchHit, SearchService
    from kortrijk_cockpit.ui.dialogs.quick_search import QuickSearchDialog

WINDOW_STATE_FILE = "window.ini"


@dataclass(frozen=True)
class MainWindowServices:
    dashboard: DashboardService
    search: SearchService
    records: RecordService
    clock: Clock
    store_dialect: str
    store_location: str


class MainWindow(QMainWindow):
    """Shown before the store is open (start-up is staged); `attach` hands it
    the services once they are ready."""

    dashboard_loaded = Signal(object)  # DashboardSnapshot
    area_changed = Signal(str)

    def __init__(
        self,
        runner: TaskRunner,
        config_dir: Path,
        *,
        report_unexpected: Callable[[BaseException], None],
        services: MainWindowServices | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services: MainWindowServices | None = None
        self._runner = runner
        self._report_unexpected = report_unexpected
        self._state = QSettings(str(config_dir / WINDOW_STATE_FILE), QSettings.Format.IniFormat)
        self.setWindowTitle(APP_NAME)
        self.setObjectName("mainWindow")

        self._areas = areas()
        self.nav_model = NavigationModel(self._areas, self)
        self.nav = QListView()
        self.nav.setObjectName("navigation")
        self.nav.setModel(self.nav_model)
        self.nav.setFixedWidth(200)
        self.nav.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.stack = QStackedWidget()
        self.today = TodayView()
        self.today.area_requested.connect(self.show_area)
        # Other areas are built on first visit (placeholders until then):
        # nothing of them shows at start-up, and the window appears sooner.
        self.views: dict[str, QWidget] = {"today": self.today}
        self.stack.addWidget(self.today)
        for _area in self._areas[1:]:
            self.stack.addWidget(QWidget())
        self.nav.selectionModel().currentChanged.connect(
            lambda current, _prev: self._on_nav(current.row())
        )

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.task_status = TaskStatus(runner)
        self.statusBar().addPermanentWidget(self.task_status)
        self.store_label = QLabel(self.tr("Opening the database…"))
        self.store_label.setObjectName("storeLabel")
        self.statusBar().addPermanentWidget(self.store_label)
        runner.error.connect(self.show_task_error)

        self._shortcuts: list[tuple[str, str]] = []
        self._build_actions()
        self._restore_state()
        if services is not None:
            self.attach(services)

    def bring_to_front(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()

    def open_in_background(
        self,
        open_core: Callable[[TaskContext], object],
        *,
        on_ready: Callable[[Any], None],
        on_failure: Callable[[BaseException], None],
    ) -> None:
        """Run the slow part of start-up on the task runner, with progress shown."""
        self._runner.run(self.tr("Opening the database"), open_core,
                         on_success=on_ready, on_failure=on_failure)

    def attach(self, services: MainWindowServices) -> None:
        """The store is open: show where it lives and load the current area."""
        self._services = services
        shared = services.store_dialect != "sqlite"
        where = (self.tr("Shared database: {where}") if shared
                 else self.tr("Local database: {where}"))
        self.store_label.setText(where.format(where=services.store_location))
        self.refresh()

    # -- actions ---------------------------------------------------------------
    def _action(self, text: str, shortcut: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        # triggered(bool) would land in the slot's first parameter: drop it.
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        self._shortcuts.append((action.shortcut().toString(QKeySequence.SequenceFormat.NativeText),
                                text.replace("&", "")))
        return action

    def _build_actions(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.search_action = self._action(self.tr("Quick search"), "Ctrl+K", self.open_quick_search)
        file_menu.addAction(self.search_action)
        self.refresh_action = self._action(self.tr("Refresh"), "F5", self.refresh)
        file_menu.addAction(self.refresh_action)
        file_menu.addSeparator()
        file_menu.addAction(self._action(self.tr("&Quit"), "Ctrl+Q", self.close))
        for row, area in enumerate(self._areas):
            view_menu.addAction(
                self._action(area.label, f"Ctrl+{row + 1}", partial(self.show_area, area.key))
            )
        help_menu.addAction(self._action(self.tr("Keyboard shortcuts"), "F1", self.show_shortcuts))
        about = QAction(self.tr("About {app}").format(app=APP_NAME), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    # -- navigation ------------------------------------------------------------
    def show_area(self, key: str) -> None:
        row = self.nav_model.row_of(key)
        self.nav.selectionModel().setCurrentIndex(
            self.nav_model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
        )

    def current_area(self) -> str:
        return self.nav_model.key_at(self.nav.currentIndex().row())

    def _view(self, row: int) -> QWidget:
        area = self._areas[row]
        if area.key not in self.views:
            placeholder = self.stack.widget(row)
            view = AreaView(area)
            self.stack.insertWidget(row, view)
            if placeholder is not None:
                self.stack.removeWidget(placeholder)
                placeholder.deleteLater()
            self.views[area.key] = view
        return self.views[area.key]

    def _on_nav(self, row: int) -> None:
        if row < 0:
            return
        self.stack.setCurrentWidget(self._view(row))
        key = self.nav_model.key_at(row)
        if key == "today":
            self.refresh()
        self.area_changed.emit(key)

    # -- work ------------------------------------------------------------------
    def refresh(self) -> None:
        services = self._services
        if services is None:
            return  # attach() refreshes once the store is open
        from kortrijk_cockpit.services.clock import BRUSSELS

        self.today.set_day(services.clock.now().astimezone(BRUSSELS).date())
        self._runner.run(
            self.tr("Loading the overview"),
            lambda _ctx: services.dashboard.snapshot(),
            on_success=self._dashboard_ready,
            on_failure=self._dashboard_failed,
        )

    def _dashboard_ready(self, snapshot: DashboardSnapshot) -> None:
        self.today.set_snapshot(snapshot)
        self.dashboard_loaded.emit(snapshot)

    def _dashboard_failed(self, exc: BaseException) -> None:
        if isinstance(exc, UserFacingError):
            self.today.show_error(exc.user_message)
        else:
            self.today.show_error(self.tr("The overview could not be loaded."))
            self._report_unexpected(exc)

    def open_quick_search(self) -> QuickSearchDialog | None:
        from kortrijk_cockpit.ui.dialogs.quick_search import QuickSearchDialog

        if self._services is None:
            self.statusBar().showMessage(self.tr("Still opening the database…"), 3000)
            return None
        dialog = QuickSearchDialog(self._services.search, self)
        dialog.hit_chosen.connect(self.open_hit)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_hit(self, hit: SearchHit) -> None:
        assert self._services is not None, "search hits exist only once attached"
        area = AREA_OF_KIND.get(hit.kind, "today")
        detail = self._services.records.detail(hit.kind, hit.ref_id)
        self.show_area(area)
        view = self.views[area]
        if detail is not None and isinstance(view, AreaView):
            view.show_record(detail)
        elif detail is None:
            self.statusBar().showMessage(self.tr("This item no longer exists."), 5000)

    def show_task_error(self, label: str, exc: BaseException) -> None:
        if isinstance(exc, UserFacingError):
            QMessageBox.warning(self, label or APP_NAME, exc.user_message)
        else:
            self._report_unexpected(exc)

    def show_shortcuts(self) -> None:
        from kortrijk_cockpit.ui.dialogs.shortcuts import ShortcutsDialog

        dialog = ShortcutsDialog(self._shortcuts, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def show_about(self) -> None:
        QMessageBox.about(
            self, APP_NAME,
            self.tr("{app} {version}\nThe cockpit of the office of the general director, "
                    "Stad en OCMW Kortrijk.").format(app=APP_NAME, version=__version__),
        )

    # -- state -----------------------------------------------------------------
    def _restore_state(self) -> None:
        geometry = self._state.value("geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1440, 900)
        state = self._state.value("state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        area = self._state.value("area", "today")
        keys = {a.key for a in self._areas}
        self.show_area(area if area in keys else "today")

    def save_state(self) -> None:
        self._state.setValue("geometry", self.saveGeometry())
        self._state.setValue("state", self.saveState())
        self._state.setValue("area", self.current_area())
        self._state.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.save_state()
        super().closeEvent(event)
