"""The year plan of one series in its own window: the 52 weeks with their themes and
warnings, and what she does with a plan: make the meetings, place the themes, put the
meetings in the director's calendar, export them as ICS.

Non-modal (she keeps the Overleg area beside it); every write on the store lane and
announced on the change feed, which the year view follows.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kortrijk_cockpit.changes import Changes
from kortrijk_cockpit.ui.change_feed import ChangeFeed
from kortrijk_cockpit.ui.tasks import Lane, TaskRunner
from kortrijk_cockpit.ui.views.meetings.year_view import YearView

if TYPE_CHECKING:
    from kortrijk_cockpit.services.calendar import CalendarService
    from kortrijk_cockpit.services.theme_calendar import ThemeCalendarService
    from kortrijk_cockpit.services.year_plan import YearPlanService


@dataclass(frozen=True)
class YearPlanServices:
    plan: YearPlanService
    themes: ThemeCalendarService
    calendar: CalendarService | None = None  # without it: no "in the calendar"


class YearPlanWindow(QDialog):
    meeting_activated = Signal(int)  # a week's meeting, to show in the Overleg area
    written = Signal(object)  # Changes that landed (the window publishes them too)
    failed = Signal(str, object)  # label, exception

    def __init__(self, services: YearPlanServices, runner: TaskRunner, feed: ChangeFeed,
                 series_id: int, series_name: str, year: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.runner, self.feed = services, runner, feed
        self.series_id, self.series_name, self.year = series_id, series_name, year
        self.question: QMessageBox | None = None
        self.setWindowTitle(self.tr("Year plan: {series}").format(series=series_name))
        self.resize(1100, 760)

        self.view = YearView(runner, feed, services.themes)
        self.view.meeting_activated.connect(self.meeting_activated)
        self.year_label = QLabel()
        font = self.year_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.year_label.setFont(font)
        previous = self._arrow("‹", self.tr("Previous year (Page Up)"), -1)
        following = self._arrow("›", self.tr("Next year (Page Down)"), 1)
        QShortcut(QKeySequence(Qt.Key.Key_PageUp), self, activated=lambda: self.step(-1))
        QShortcut(QKeySequence(Qt.Key.Key_PageDown), self, activated=lambda: self.step(1))

        self.make_button = QPushButton(self.tr("Make the meetings…"))
        self.make_button.setToolTip(self.tr("Plan this year's meetings on the series' weekday, "
                                            "skipping holidays and closures; a preview first"))
        self.make_button.clicked.connect(self.make_meetings)
        self.themes_button = QPushButton(self.tr("Place the themes"))
        self.themes_button.setToolTip(self.tr("BBC milestones first, then the recurring themes, "
                                              "without overloading a meeting"))
        self.themes_button.clicked.connect(self.place_themes)
        self.calendar_button = QPushButton(self.tr("Put in the director's calendar…"))
        self.calendar_button.setEnabled(services.calendar is not None)
        self.calendar_button.clicked.connect(self.book_in_calendar)
        self.export_button = QPushButton(self.tr("Export as ICS…"))
        self.export_button.clicked.connect(self.export_ics)

        top = QHBoxLayout()
        top.addWidget(previous)
        top.addWidget(self.year_label)
        top.addWidget(following)
        top.addStretch(1)
        for button in (self.make_button, self.themes_button, self.calendar_button,
                       self.export_button):
            top.addWidget(button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(close)
        self._show_year()

    def _arrow(self, text: str, tip: str, step: int) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.clicked.connect(lambda: self.step(step))
        return button

    def step(self, years: int) -> None:
        self.year += years
        self._show_year()

    def _show_year(self) -> None:
        self.year_label.setText(str(self.year))
        self.view.show_plan(self.series_id, self.year)

    # -- what she does with the plan -------------------------------------------------------
    def make_meetings(self) -> None:
        from kortrijk_cockpit.ui.dialogs.year_plan import YearPlanDialog

        plan, themes, series_id, year = (self.services.plan, self.services.themes,
                                         self.series_id, self.year)
        label = self.tr("Reading the year plan")

        def show(preview: Any) -> None:
            dialog = YearPlanDialog(preview, self.series_name, self)
            dialog.finished.connect(dialog.deleteLater)
            dialog.accepted.connect(lambda: self._write(
                self.tr("Planning the year"),
                lambda: plan.generate(series_id, year).changes
                | themes.place(series_id, year).changes))
            dialog.open()

        self.runner.run(label, lambda _ctx: plan.preview(series_id, year), owner=self,
                        on_success=show, on_failure=lambda exc: self.failed.emit(label, exc))

    def place_themes(self) -> None:
        themes, series_id, year = self.services.themes, self.series_id, self.year
        self._write(self.tr("Placing the themes"),
                    lambda: themes.place(series_id, year).changes)

    def book_in_calendar(self) -> None:
        calendar = self.services.calendar
        if calendar is None:
            return
        plan, series_id, year = self.services.plan, self.series_id, self.year
        box = QMessageBox(QMessageBox.Icon.Question, self.windowTitle(),
                          self.tr("Put every planned meeting of {year} that is not in the "
                                  "director's calendar yet in it? They go to Exchange with the "
                                  "next synchronisation, without invitations.").format(year=year),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        box.finished.connect(box.deleteLater)
        box.accepted.connect(lambda: self._write(
            self.tr("Putting the meetings in the calendar"),
            lambda: plan.book_in_calendar(series_id, year, calendar)))
        self.question = box
        box.open()

    def export_ics(self, path: Path | None = None) -> None:
        from kortrijk_cockpit.services.year_plan_export import export_ics

        if path is None:
            chosen, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Export the year plan"),
                f"{self.series_name} {self.year}.ics", self.tr("Calendar (*.ics)"))
            if not chosen:
                return
            path = Path(chosen)
        themes, series_id, year, label = (self.services.themes, self.series_id, self.year,
                                          self.tr("Exporting the year plan"))
        target = path

        def write(_ctx: object) -> int:
            return len(export_ics(themes.overview(series_id, year), target))

        self.runner.run(label, write, owner=self, on_success=lambda count: self.exported.emit(
            str(target), count), on_failure=lambda exc: self.failed.emit(label, exc))

    exported = Signal(str, int)  # path, meetings written

    def _write(self, label: str, work: Any) -> None:
        feed = self.feed

        def landed(changes: Changes) -> None:
            feed.publish(changes, self)
            self.written.emit(changes)

        self.runner.run(label, lambda _ctx: work(), owner=self, lane=Lane.STORE,
                        on_success=landed, on_failure=lambda exc: self.failed.emit(label, exc))
