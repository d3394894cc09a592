"""The year plan at a glance: one row per week with its meeting, themes, load and warnings.

The host (the Overleg area) calls `show_plan(series_id, year)`; the view reads
the overview on the task runner and follows the change feed (MEETING), never a timer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kortrijk_cockpit.changes import Kind
from kortrijk_cockpit.clock import BRUSSELS
from kortrijk_cockpit.ui.change_feed import ChangeFeed, StaleWatch
from kortrijk_cockpit.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from kortrijk_cockpit.services.theme_calendar import (
        PlanWeek,
        ThemeCalendarService,
        YearOverview,
    )

_Index = QModelIndex | QPersistentModelIndex
WARNING_COLOUR = QColor("#b3261e")
CANCELLED_COLOUR = QColor("#8a8a8a")


class YearPlanModel(QAbstractTableModel):
    WEEK, MEETING, THEMES, LOAD, WARNINGS = range(5)
    MeetingIdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._weeks: tuple[PlanWeek, ...] = ()

    def set_overview(self, overview: YearOverview) -> None:
        if len(overview.weeks) == len(self._weeks):  # same year: repaint, keep the selection
            self._weeks = overview.weeks
            if self._weeks:
                self.dataChanged.emit(self.index(0, 0),
                                      self.index(len(self._weeks) - 1, self.WARNINGS))
            return
        self.beginResetModel()
        self._weeks = overview.weeks
        self.endResetModel()

    def week(self, row: int) -> PlanWeek:
        return self._weeks[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._weeks)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Week"), self.tr("Meeting"), self.tr("Themes"), self.tr("Minutes"),
                    self.tr("Warnings"))[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        week = self._weeks[index.row()]
        live = [m for m in week.meetings if not m.cancelled]
        if role == self.MeetingIdRole:
            return week.meetings[0].id if week.meetings else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if week.warnings:
                return QBrush(WARNING_COLOUR)
            if week.meetings and not live:
                return QBrush(CANCELLED_COLOUR)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(w.text for w in week.warnings) or None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == self.WEEK:
            return self.tr("Week %1 (%2)").replace("%1", str(week.week)).replace(
                "%2", week.monday.strftime("%d/%m"))
        if column == self.MEETING:
            return "; ".join(self._meeting_text(
                f"{m.title} {m.starts_at.astimezone(BRUSSELS):%H:%M}", m.cancelled)
                for m in week.meetings)
        if column == self.THEMES:
            return ", ".join(t.name for m in live for t in m.themes)
        if column == self.LOAD:
            return ", ".join(f"{m.planned_minutes}/{m.length_minutes}" for m in live)
        return " · ".join(w.text for w in week.warnings)

    def _meeting_text(self, title: str, cancelled: bool) -> str:
        return self.tr("%1 (cancelled)").replace("%1", title) if cancelled else title


class YearView(QWidget):
    """52 weeks of one series; Enter or a double click asks to open the week's meeting."""

    loaded = Signal()
    meeting_activated = Signal(int)

    def __init__(self, runner: TaskRunner, feed: ChangeFeed, service: ThemeCalendarService,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._service = service
        self._shown: tuple[int, int] | None = None
        self._generation = 0
        self.title = QLabel(self)
        self.model = YearPlanModel(self)
        self.table = _YearTable(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)  # one line a week: 52 weeks read at a glance
        self.table.verticalHeader().hide()
        # Themes and warnings share the width (full texts in the tooltips); the rest fits.
        header = self.table.horizontalHeader()
        for column in (YearPlanModel.WEEK, YearPlanModel.MEETING, YearPlanModel.LOAD):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(YearPlanModel.THEMES, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(YearPlanModel.WARNINGS, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(self.tr("Year plan"))
        self.table.activated.connect(self._activate)
        self.table.enter_pressed.connect(lambda: self._activate(self.table.currentIndex()))
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.table)
        self._watch = StaleWatch(self, feed, [Kind.MEETING], self.reload)

    def show_plan(self, series_id: int, year: int) -> None:
        self._shown = (series_id, year)
        self.reload()

    def reload(self) -> None:
        if self._shown is None:
            return
        self._generation += 1
        generation, (series_id, year) = self._generation, self._shown
        self._watch.mark_fresh()
        self._runner.run(self.tr("Reading the year plan"),
                         lambda _ctx: self._service.overview(series_id, year), owner=self,
                         on_success=lambda o: self._landed(generation, o))

    def _landed(self, generation: int, overview: YearOverview) -> None:
        if generation != self._generation:
            return  # a newer question is on its way
        self.title.setText(self.tr("%1 — year plan %2").replace("%1", overview.name)
                           .replace("%2", str(overview.year)))
        self.model.set_overview(overview)
        if not self.table.currentIndex().isValid() and self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, 0))
        self.loaded.emit()

    def _activate(self, index: QModelIndex) -> None:
        meeting_id = index.data(YearPlanModel.MeetingIdRole) if index.isValid() else None
        if meeting_id is not None:
            self.meeting_activated.emit(int(meeting_id))


class _YearTable(QTableView):
    enter_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.enter_pressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)
