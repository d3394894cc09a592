"""The Rapportering area: the year's cycles, the chosen cycle's milestones, and the matrix
of teams against cycles. Widgets only; `controller.py` loads, follows the change feed and
writes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from kortrijk_cockpit.ui.views.reporting.models import (
    CycleModel,
    LightDelegate,
    MatrixModel,
    MilestoneModel,
)

if TYPE_CHECKING:
    from kortrijk_cockpit.services.reporting import ReportingService
    from kortrijk_cockpit.ui.change_feed import ChangeFeed
    from kortrijk_cockpit.ui.tasks import TaskRunner
    from kortrijk_cockpit.ui.views.reporting.controller import ReportingController


def _table(model: object, *, stretch: int | None, rows: bool = True) -> QTableView:
    table = QTableView()
    table.setModel(model)  # type: ignore[arg-type]
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows if rows
                               else QAbstractItemView.SelectionBehavior.SelectItems)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    if rows:
        table.verticalHeader().hide()
    return table


def _page(table: QWidget, empty: QLabel) -> QStackedWidget:
    empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
    empty.setWordWrap(True)
    empty.setObjectName("emptyText")
    pages = QStackedWidget()
    pages.addWidget(empty)
    pages.addWidget(table)
    return pages


class ReportingArea(QWidget):
    message = Signal(str)  # a line for the status bar
    failed = Signal(str, object)  # label, exception: MainWindow.show_task_error
    loaded = Signal()  # the year's cycles and matrix are shown (tests, first paint)

    def __init__(self, reporting: ReportingService, runner: TaskRunner, feed: ChangeFeed,
                 year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cycle_model = CycleModel(self)
        self.milestone_model = MilestoneModel(self)
        self.matrix_model = MatrixModel(self)

        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(year)
        self.year.setAccessibleName(self.tr("Year"))
        self.cycle_table = _table(self.cycle_model, stretch=CycleModel.NAME)
        self.milestone_table = _table(self.milestone_model, stretch=MilestoneModel.NOTE)
        self.matrix_table = _table(self.matrix_model, stretch=None, rows=False)
        self.matrix_table.setItemDelegate(LightDelegate(self.matrix_table))
        self.matrix_table.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

        self.cycles_empty = QLabel()
        self.milestones_empty = QLabel(self.tr("Choose a cycle to see its milestones."))
        self.matrix_empty = QLabel(self.tr("No team has a part this year. Set the teams in the "
                                           "settings (reporting teams), then create the year."))
        self.cycle_pages = _page(self.cycle_table, self.cycles_empty)
        self.milestone_pages = _page(self.milestone_table, self.milestones_empty)
        self.matrix_pages = _page(self.matrix_table, self.matrix_empty)

        self.heading = QLabel(self.tr("Reporting"))
        self.heading.setObjectName("viewHeading")
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.addWidget(QLabel(self.tr("Year ")))
        self.toolbar.addWidget(self.year)
        self.toolbar.addSeparator()

        upper = QSplitter()
        for caption, pages in ((self.tr("Cycles"), self.cycle_pages),
                               (self.tr("Milestones of the chosen cycle"),
                                self.milestone_pages)):
            box = QWidget()
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(QLabel(caption))
            column.addWidget(pages, 1)
            upper.addWidget(box)
        upper.setSizes([640, 560])
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        hint = QHBoxLayout()
        hint.addWidget(QLabel(self.tr("Matrix: teams × cycles")))
        hint.addStretch(1)
        keys = QLabel(self.tr("G requested · O in progress · R received · A approved"))
        keys.setObjectName("tileDetail")
        hint.addWidget(keys)
        lower_layout.addLayout(hint)
        lower_layout.addWidget(self.matrix_pages, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(upper)
        self.splitter.addWidget(lower)
        self.splitter.setSizes([360, 440])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addWidget(self.heading)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.splitter, 1)

        from kortrijk_cockpit.ui.views.reporting.controller import ReportingController

        self.controller: ReportingController = ReportingController(self, reporting, runner,
                                                                   feed)
        self.create_action = self._act(self.tr("Create year…"), "Ctrl+Shift+J",
                                       self.controller.create_year)
        self.reload_action = self._act(self.tr("Reload"), "F5", self.controller.reload,
                                       own=False)
        self.controller.start()

    def add_action(self, text: str, keys: str, slot: object) -> QAction:
        """One more action on the toolbar, its key working anywhere in the area."""
        return self._act(text, keys, slot)

    def _act(self, text: str, keys: str, slot: object, *, own: bool = True) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        # F5 is the window's too (own=False): the controller takes it first inside this
        # area, so the action only shows the key and never makes the shortcut ambiguous.
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut if own
                                  else Qt.ShortcutContext.WidgetShortcut)
        keys_text = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{text} ({keys_text})")
        action.triggered.connect(lambda _checked=False: slot())  # type: ignore[operator]
        self.addAction(action)
        self.toolbar.addAction(action)
        return action


def reporting_shortcuts() -> list[tuple[str, str]]:
    """(keys, what they do) in the Rapportering area. Spelled out: lupdate only finds
    `QCoreApplication.translate(...)` written in full."""
    return [
        ("G", QCoreApplication.translate("ReportingShortcuts",
                                         "Mark the chosen part as requested")),
        ("O", QCoreApplication.translate("ReportingShortcuts",
                                         "Mark the chosen part as in progress")),
        ("R", QCoreApplication.translate("ReportingShortcuts",
                                         "Mark the chosen part as received")),
        ("A", QCoreApplication.translate("ReportingShortcuts",
                                         "Mark the chosen part as approved")),
        ("F5", QCoreApplication.translate("ReportingShortcuts", "Reload the year")),
        ("Ctrl+Shift+R", QCoreApplication.translate("ReportingShortcuts",
                                                    "Request the parts by mail, one per owner")),
        ("Ctrl+Shift+H", QCoreApplication.translate("ReportingShortcuts",
                                                    "Remind the owners of open parts")),
        ("Ctrl+Shift+A", QCoreApplication.translate(
            "ReportingShortcuts", "Put the MAT/DC milestones on the agenda")),
        ("Ctrl+E", QCoreApplication.translate("ReportingShortcuts",
                                              "Export the matrix to Excel")),
        ("Ctrl+Shift+E", QCoreApplication.translate("ReportingShortcuts",
                                                    "Export the matrix to PDF")),
        ("Ctrl+Shift+J", QCoreApplication.translate("ReportingShortcuts",
                                                    "Create the year's cycles")),
    ]
