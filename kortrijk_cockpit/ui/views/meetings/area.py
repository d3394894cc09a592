"""The Overleg area: the series, their meetings, and the chosen meeting's agenda with
its stukken. Widgets only; `controller.py` loads, follows the change feed and writes.

The header's actions that belong to other parts of the office (stukken requests and
reminders, sending the agenda, the agendabundel, the year plan, the series settings)
only emit their signal with the meeting or series; the window wires them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from kortrijk_cockpit.ui.views.meetings.models import (
    AgendaModel,
    MeetingListModel,
    MissingModel,
    OfferedModel,
    SeriesModel,
)

if TYPE_CHECKING:
    from kortrijk_cockpit.services.meeting_agenda import MeetingAgendaService
    from kortrijk_cockpit.ui.change_feed import ChangeFeed
    from kortrijk_cockpit.ui.tasks import TaskRunner
    from kortrijk_cockpit.ui.views.meetings.controller import MeetingsController


def _table(model: object, *, stretch: int) -> QTableView:
    table = QTableView()
    table.setModel(model)  # type: ignore[arg-type]
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def _page(table: QWidget, empty: QLabel) -> QStackedWidget:
    empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
    empty.setWordWrap(True)
    empty.setObjectName("emptyText")
    pages = QStackedWidget()
    pages.addWidget(empty)
    pages.addWidget(table)
    return pages


class MeetingsArea(QWidget):
    # For the window to wire to other parts of issue 10:
    remind_requested = Signal(int)  # meeting id: remind everyone whose stukken are late
    request_stukken_requested = Signal(int)  # meeting id
    send_agenda_requested = Signal(int)  # meeting id
    bundle_requested = Signal(int)  # meeting id
    year_plan_requested = Signal(int)  # series id
    series_edit_requested = Signal(int)  # series id
    move_meeting_requested = Signal(int)  # meeting id: another day or hour
    cancel_meeting_requested = Signal(int)  # meeting id: its items stay, to move on
    remind_owners_requested = Signal(int)  # meeting id: owners of the points coming back
    minutes_requested = Signal(int)  # meeting id: the minutes mode
    verslag_requested = Signal(int)  # meeting id: its verslag versions, sending, send log
    record_requested = Signal(str, int)  # ("mail", id): MainWindow.open_record
    message = Signal(str)  # a line for the status bar
    failed = Signal(str, object)  # label, exception: MainWindow.show_task_error
    loaded = Signal()  # the chosen meeting's agenda is shown (tests, first paint)

    def __init__(self, agenda: MeetingAgendaService, runner: TaskRunner, feed: ChangeFeed,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.series_model = SeriesModel(self)
        self.meeting_model = MeetingListModel(self)
        self.agenda_model = AgendaModel(self)
        self.offered_model = OfferedModel(self)
        self.missing_model = MissingModel(self)

        self.series_list = QListView()
        self.series_list.setModel(self.series_model)
        self.series_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.meeting_table = _table(self.meeting_model, stretch=MeetingListModel.TITLE)
        self.agenda_table = _table(self.agenda_model, stretch=AgendaModel.TITLE)
        self.agenda_table.setDragEnabled(True)
        self.agenda_table.setAcceptDrops(True)
        self.agenda_table.setDropIndicatorShown(True)
        self.agenda_table.setDragDropOverwriteMode(False)
        self.agenda_table.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.agenda_table.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.offered_table = _table(self.offered_model, stretch=OfferedModel.TITLE)
        self.missing_table = _table(self.missing_model, stretch=MissingModel.TITLE)

        self.series_empty = QLabel(self.tr("No meeting series yet. Add the MAT and the DC "
                                           "with their weekday and time."))
        self.meetings_empty = QLabel(self.tr("No meetings planned for this series. Make a "
                                             "year plan to plan them."))
        self.agenda_empty = QLabel(self.tr("Nothing on the agenda yet. Press Ins to add an "
                                           "item, or add an action point from below."))
        self.no_meeting = QLabel(self.tr("Choose a meeting to see its agenda."))
        self.offered_empty = QLabel(self.tr("No open action points for this meeting."))
        self.missing_empty = QLabel(self.tr("No documents missing."))
        self.series_pages = _page(self.series_list, self.series_empty)
        self.meeting_pages = _page(self.meeting_table, self.meetings_empty)
        self.agenda_pages = _page(self.agenda_table, self.agenda_empty)
        self.agenda_pages.addWidget(self.no_meeting)
        self.offered_pages = _page(self.offered_table, self.offered_empty)
        self.missing_pages = _page(self.missing_table, self.missing_empty)

        self.heading = QLabel(self.tr("Meetings"))
        self.heading.setObjectName("viewHeading")
        self.meeting_heading = QLabel()
        font = self.meeting_heading.font()  # the chosen meeting stands out above its agenda
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.meeting_heading.setFont(font)
        self.meeting_info = QLabel()
        self.meeting_info.setObjectName("emptyText")
        self.meeting_info.setWordWrap(True)

        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.edit_bar = QToolBar()
        self.edit_bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("Series")))
        left_layout.addWidget(self.series_pages, 1)
        left_layout.addWidget(QLabel(self.tr("Meetings")))
        left_layout.addWidget(self.meeting_pages, 3)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.meeting_heading)
        right_layout.addWidget(self.meeting_info)
        right_layout.addWidget(self.toolbar)
        right_layout.addWidget(self.edit_bar)
        right_layout.addWidget(self.agenda_pages, 3)
        lower = QHBoxLayout()
        offered_box = QVBoxLayout()
        offered_box.addWidget(QLabel(self.tr("Follow-up: open points back at this meeting "
                                             "(Enter adds)")))
        offered_box.addWidget(self.offered_pages)
        missing_box = QVBoxLayout()
        missing_box.addWidget(QLabel(self.tr("Documents still missing")))
        missing_box.addWidget(self.missing_pages)
        lower.addLayout(offered_box)
        lower.addLayout(missing_box)
        right_layout.addLayout(lower, 1)

        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([320, 960])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addWidget(self.heading)
        layout.addWidget(self.splitter, 1)

        from kortrijk_cockpit.ui.views.meetings.controller import MeetingsController

        self.controller: MeetingsController = MeetingsController(self, agenda, runner, feed)
        self._build_actions(self.controller)
        self.controller.start()

    def _act(self, bar: QToolBar, text: str, keys: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        keys_text = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{text.replace('&', '')} ({keys_text})")
        action.triggered.connect(slot)
        self.addAction(action)
        bar.addAction(action)
        return action

    def _build_actions(self, c: MeetingsController) -> None:
        bar, edit = self.toolbar, self.edit_bar
        self.remind_action = self._act(bar, self.tr("Remind late ones"), "R",
                                       lambda: c.emit_for_meeting(self.remind_requested))
        self.request_action = self._act(bar, self.tr("Request documents"), "Ctrl+Shift+D",
                                        lambda: c.emit_for_meeting(self.request_stukken_requested))
        self.send_action = self._act(bar, self.tr("Send agenda"), "Ctrl+Shift+E",
                                     lambda: c.emit_for_meeting(self.send_agenda_requested))
        self.bundle_action = self._act(bar, self.tr("Agenda bundle"), "Ctrl+Shift+B",
                                       lambda: c.emit_for_meeting(self.bundle_requested))
        self.year_plan_action = self._act(bar, self.tr("Year plan"), "Ctrl+Shift+J",
                                          lambda: c.emit_for_series(self.year_plan_requested))
        self.series_action = self._act(bar, self.tr("Series settings"), "Ctrl+Shift+R",
                                       lambda: c.emit_for_series(self.series_edit_requested))
        bar.addSeparator()  # the meeting itself
        self.minutes_action = self._act(bar, self.tr("Take minutes"), "Ctrl+Shift+N",
                                        lambda: c.emit_for_meeting(self.minutes_requested))
        self.verslag_action = self._act(bar, self.tr("Minutes report"), "Ctrl+Shift+V",
                                        lambda: c.emit_for_meeting(self.verslag_requested))
        self.remind_owners_action = self._act(
            bar, self.tr("Remind owners"), "Ctrl+Shift+O",
            lambda: c.emit_for_meeting(self.remind_owners_requested))
        self.move_meeting_action = self._act(
            bar, self.tr("Move meeting…"), "Ctrl+Shift+M",
            lambda: c.emit_for_meeting(self.move_meeting_requested))
        self.cancel_meeting_action = self._act(
            bar, self.tr("Cancel meeting…"), "Ctrl+Shift+X",
            lambda: c.emit_for_meeting(self.cancel_meeting_requested))
        self.add_action = self._act(edit, self.tr("Add item"), "Ins", c.add_item)
        self.edit_action = self._act(edit, self.tr("Edit"), "F2", c.edit_item)
        self.remove_action = self._act(edit, self.tr("Remove"), "Del", c.remove_item)
        self.up_action = self._act(edit, self.tr("Up"), "Ctrl+Up", lambda: c.move_current(-1))
        self.down_action = self._act(edit, self.tr("Down"), "Ctrl+Down",
                                     lambda: c.move_current(1))
        self.undo_action = self._act(edit, self.tr("Undo"), "Ctrl+Z", c.undo)
        self.mail_action = self._act(edit, self.tr("Open mail"), "M", c.open_mail)
        self.add_point_action = self._act(edit, self.tr("Add action point"), "Ctrl+Shift+A",
                                          c.add_offered)


def meetings_shortcuts() -> list[tuple[str, str]]:
    """(keys, what they do) in the Overleg area, as its actions handle them. Spelled out:
    lupdate only finds `QCoreApplication.translate(...)` written in full."""
    return [
        ("Ins", QCoreApplication.translate("MeetingsShortcuts",
                                            "Add an agenda item")),
        ("F2 / Enter", QCoreApplication.translate("MeetingsShortcuts",
                                            "Edit the agenda item")),
        ("Del", QCoreApplication.translate("MeetingsShortcuts",
                                            "Remove the agenda item (Ctrl+Z puts it back)")),
        ("Ctrl+Up / Ctrl+Down", QCoreApplication.translate("MeetingsShortcuts",
                                            "Move the agenda item up or down")),
        ("M", QCoreApplication.translate("MeetingsShortcuts",
                                            "Open the mail the item came from")),
        ("R", QCoreApplication.translate("MeetingsShortcuts",
                                            "Remind everyone whose documents are late")),
        ("Ctrl+Shift+D", QCoreApplication.translate("MeetingsShortcuts",
                                            "Request the documents for this meeting")),
        ("Ctrl+Shift+E", QCoreApplication.translate("MeetingsShortcuts",
                                            "Send the agenda")),
        ("Ctrl+Shift+B", QCoreApplication.translate("MeetingsShortcuts",
                                            "Make the agenda bundle")),
        ("Ctrl+Shift+J", QCoreApplication.translate("MeetingsShortcuts",
                                            "Open the year plan of the series")),
        ("Ctrl+Shift+R", QCoreApplication.translate("MeetingsShortcuts",
                                            "Edit the series")),
        ("Ctrl+Shift+N", QCoreApplication.translate("MeetingsShortcuts",
                                            "Take the minutes of this meeting")),
        ("Ctrl+Shift+V", QCoreApplication.translate("MeetingsShortcuts",
                                            "The verslag: versions, sending, send log")),
        ("Ctrl+Shift+O", QCoreApplication.translate("MeetingsShortcuts",
                                            "Remind the owners of the action points that "
                                            "come back at this meeting")),
        ("Ctrl+Shift+M", QCoreApplication.translate("MeetingsShortcuts",
                                            "Move the meeting to another day or hour")),
        ("Ctrl+Shift+X", QCoreApplication.translate("MeetingsShortcuts",
                                            "Cancel the meeting (its items stay)")),
        ("Ctrl+Shift+A", QCoreApplication.translate("MeetingsShortcuts",
                                            "Put the chosen action point on the agenda")),
    ]
