"""Wires the Agenda area to the services: reads the shown period off the GUI
thread, follows the change feed for appointments, moves by keyboard and buttons."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from kortrijk_cockpit.changes import Kind
from kortrijk_cockpit.ui.change_feed import ChangeFeed, StaleWatch
from kortrijk_cockpit.ui.tasks import TaskRunner
from kortrijk_cockpit.ui.views.agenda.area import AgendaArea
from kortrijk_cockpit.ui.views.agenda.period import ViewMode, days_shown, period_label, step

if TYPE_CHECKING:
    from kortrijk_cockpit.services.agenda import AgendaEvent, AgendaService, Conflict
    from kortrijk_cockpit.services.calendar import CalendarService
    from kortrijk_cockpit.services.outcomes import OutcomeService
    from kortrijk_cockpit.ui.views.agenda.editing import AgendaEditor

NOW_LINE_MS = 60_000


@dataclass(frozen=True)
class AgendaServices:
    agenda: AgendaService
    outcomes: OutcomeService | None = None
    working_hours: tuple[str, str] = ("08:00", "18:00")  # from Settings
    calendar: CalendarService | None = None  # writes; without it the Agenda only shows


@dataclass(frozen=True)
class _Loaded:
    generation: int
    events: list[AgendaEvent]
    conflicts: dict[int, list[Conflict]]


class AgendaController(QObject):
    loaded = Signal()  # the shown period's appointments are painted
    failed = Signal(str, object)  # label, exception

    def __init__(self, area: AgendaArea, services: AgendaServices, runner: TaskRunner,
                 feed: ChangeFeed) -> None:
        super().__init__(area)
        from kortrijk_cockpit.services.agenda import WorkingHours

        self.area, self.services, self.runner = area, services, runner
        self.hours = WorkingHours.parse(*services.working_hours)
        self.mode = ViewMode.WORK_WEEK
        self.anchor: date = services.agenda.today()
        self._generation = 0
        self.watch = StaleWatch(area, feed, (Kind.EVENT,), self.reload)
        canvas = area.canvas
        canvas.set_working_hours(self.hours.start, self.hours.end)
        canvas.step_requested.connect(self.move)
        canvas.today_requested.connect(self.go_today)
        canvas.mode_requested.connect(self.show_mode)
        area.previous.clicked.connect(lambda: self.move(-1))
        area.next.clicked.connect(lambda: self.move(1))
        area.today.clicked.connect(self.go_today)
        for mode, button in area.mode_buttons.items():
            button.clicked.connect(lambda _checked=False, m=mode: self.show_mode(m))
        self.editor: AgendaEditor | None = None
        if services.calendar is not None:
            from kortrijk_cockpit.ui.views.agenda.editing import AgendaEditor

            self.editor = AgendaEditor(canvas, services.calendar, runner, feed,
                                       services.agenda.now)
            area.new_appointment.clicked.connect(lambda: self.editor and self.editor.new())
        area.new_appointment.setVisible(self.editor is not None)
        self._now_timer = QTimer(self)
        self._now_timer.setInterval(NOW_LINE_MS)
        self._now_timer.timeout.connect(self._tick)
        self._now_timer.start()
        self._tick()
        self._load_colours()
        self._show_period()

    def set_working_hours(self, start: str, end: str) -> None:
        """New working hours (the Agenda settings): grid and conflicts follow at once."""
        from kortrijk_cockpit.services.agenda import WorkingHours

        self.hours = WorkingHours.parse(start, end)
        self.area.canvas.set_working_hours(self.hours.start, self.hours.end)
        self.reload()

    # -- moving ------------------------------------------------------------------
    def move(self, count: int) -> None:
        self.anchor = step(self.mode, self.anchor, count)
        self._show_period()

    def go_today(self) -> None:
        self.anchor = self.services.agenda.today()
        self._show_period()

    def show_mode(self, mode: ViewMode) -> None:
        self.mode = mode
        self._show_period()

    def days(self) -> list[date]:
        return days_shown(self.mode, self.anchor)

    def _show_period(self) -> None:
        self.area.show_mode(self.mode)
        self.area.period.setText(period_label(self.mode, self.anchor))
        self.area.canvas.set_period(self.mode, self.days(), self.anchor.month)
        self.area.canvas.set_events([], {})
        self.reload()

    # -- reading -----------------------------------------------------------------
    def reload(self) -> None:
        """Read the shown period again; an answer for an earlier period is dropped."""
        from kortrijk_cockpit.clock import BRUSSELS
        from kortrijk_cockpit.services.agenda import conflicts

        self.watch.mark_fresh()
        self._generation += 1
        generation, days, hours = self._generation, self.days(), self.hours
        agenda = self.services.agenda
        # A day either side, so a back-to-back at the edge still counts.
        start = datetime.combine(days[0] - timedelta(days=1), time(0), BRUSSELS)
        end = datetime.combine(days[-1] + timedelta(days=2), time(0), BRUSSELS)

        def read(_ctx: object) -> _Loaded:
            events = agenda.events(start, end)
            return _Loaded(generation, events, conflicts(events, hours))

        label = self.tr("Loading the agenda")
        self.runner.run(label, read, owner=self.area, on_success=self._loaded,
                        on_failure=lambda exc: self.failed.emit(label, exc))

    def _loaded(self, result: _Loaded) -> None:
        if result.generation != self._generation:
            return
        self.area.canvas.set_events(result.events, result.conflicts)
        self.loaded.emit()

    def _load_colours(self) -> None:
        outcomes = self.services.outcomes
        if outcomes is None:
            return
        self.runner.run(self.tr("Loading the category colours"),
                        lambda _ctx: {o.name: o.colour for o in outcomes.outcomes()},
                        owner=self.area, on_success=self.area.canvas.set_colours)

    def _tick(self) -> None:
        self.area.canvas.set_now(self.services.agenda.now())
