"""Agenda benchmark: the next week or month on screen, with 5,000 appointments in the
calendar window (90 days back, a year ahead: what the sync keeps).

Run on demand:  python tests/benchmarks/bench_agenda.py [--events N] [--runs N]

A real Agenda area on a real SQLite file, under the running platform (offscreen
when there is no screen). Each step presses Page Down on the calendar and stops
at the first paint of the canvas after the new period's appointments arrived:
what the assistant sees. Printed, each on its own line:

    agenda_week_ms=<median, work week>    target: at most 100
    agenda_month_ms=<median, month>       target: at most 200
    agenda_week_events=<appointments shown in a week, median>
    agenda_month_events=<appointments shown in a month, median>
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")  # offscreen size-hint chatter

from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from sqlalchemy import insert  # noqa: E402

from kortrijk_cockpit.clock import BRUSSELS, FixedClock  # noqa: E402
from kortrijk_cockpit.domain import CalendarEvent  # noqa: E402
from kortrijk_cockpit.services.agenda import AgendaService  # noqa: E402
from kortrijk_cockpit.store import Store, open_store  # noqa: E402
from kortrijk_cockpit.store.database import sqlite_url  # noqa: E402
from kortrijk_cockpit.ui.change_feed import ChangeFeed  # noqa: E402
from kortrijk_cockpit.ui.tasks import TaskRunner  # noqa: E402
from kortrijk_cockpit.ui.views.agenda.area import AgendaArea  # noqa: E402
from kortrijk_cockpit.ui.views.agenda.controller import (  # noqa: E402
    AgendaController,
    AgendaServices,
)
from kortrijk_cockpit.ui.views.agenda.period import ViewMode  # noqa: E402

TODAY = date(2026, 11, 23)  # a Monday
DAYS_BACK, DAYS_AHEAD = 90, 365
GIVE_UP_MS = 60_000
SUBJECTS = ["MAT", "DC", "Overleg financiën", "Bilateraal schepen", "Bezoek school",
            "Werfbezoek Leieboorden", "Telefoon gouverneur", "Receptie VOKA", "Jury",
            "Overleg politiezone", "Personeelsgesprek", "Lunch met partner"]
PLACES = ["Stadhuis", "Schepenzaal", "Kortrijk Xpo", "Budabrug", "", "Teams"]


def fill(store: Store, count: int) -> None:
    """`count` appointments over the window's working days: about eleven a day, some
    overlapping, some all day, a few private or cancelled."""
    rnd = random.Random(7)
    days = [TODAY + timedelta(days=d) for d in range(-DAYS_BACK, DAYS_AHEAD)
            if (TODAY + timedelta(days=d)).weekday() < 5]
    rows = []
    for i in range(count):
        day = days[i % len(days)]
        if i % 40 == 0:
            start = datetime(day.year, day.month, day.day, tzinfo=BRUSSELS)
            end, all_day = start + timedelta(days=1), True
        else:
            start = datetime(day.year, day.month, day.day, rnd.randint(7, 18),
                             rnd.choice((0, 15, 30, 45)), tzinfo=BRUSSELS)
            end, all_day = start + timedelta(minutes=rnd.choice((15, 30, 60, 90, 120))), False
        rows.append({
            "exchange_id": f"bench-event-{i}", "subject": f"{SUBJECTS[i % len(SUBJECTS)]} {i}",
            "start_at": start, "end_at": end, "is_all_day": all_day,
            "location": PLACES[i % len(PLACES)], "organizer": "", "attendees": [],
            "categories": ["Agenderen MAT"] if i % 9 == 0 else [], "body_text": "",
            "is_private_block": i % 23 == 0, "is_cancelled": i % 31 == 0, "version": 1,
        })
    with store.session_factory.begin() as s:
        s.execute(insert(CalendarEvent), rows)


class _PaintAfterLoad(QObject):
    """Quits the loop at the first paint of the canvas once the period's appointments
    are in (the controller's `loaded`)."""

    def __init__(self, loop: QEventLoop) -> None:
        super().__init__()
        self.loop = loop
        self.loaded = False
        self.painted_at: float | None = None

    def on_loaded(self) -> None:
        self.loaded = True

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint and self.loaded and self.painted_at is None:
            QTimer.singleShot(0, self.loop.quit)  # after this paint has drawn the boxes
            self.painted_at = time.perf_counter()
        return False


def step_times(area: AgendaArea, controller: AgendaController, mode: ViewMode,
               runs: int) -> tuple[list[float], list[int]]:
    controller.show_mode(mode)
    _wait_loaded(controller)
    times, shown = [], []
    canvas = area.canvas
    for _ in range(runs):
        loop = QEventLoop()
        watch = _PaintAfterLoad(loop)
        controller.loaded.connect(watch.on_loaded)
        canvas.installEventFilter(watch)
        QTimer.singleShot(GIVE_UP_MS, loop.quit)
        started = time.perf_counter()
        QTest.keyClick(canvas, Qt.Key.Key_PageDown)
        loop.exec()
        canvas.removeEventFilter(watch)
        controller.loaded.disconnect(watch.on_loaded)
        if watch.painted_at is None:
            raise SystemExit("the agenda never painted the next period")
        times.append((watch.painted_at - started) * 1000)
        shown.append(len(canvas.events))
    return times, shown


def _wait_loaded(controller: AgendaController) -> None:
    loop = QEventLoop()
    controller.loaded.connect(loop.quit)
    QTimer.singleShot(GIVE_UP_MS, loop.quit)
    loop.exec()
    controller.loaded.disconnect(loop.quit)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=5_000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args(argv)

    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(sqlite_url(Path(tmp) / "agenda.sqlite3"))
        fill(store, args.events)
        runner = TaskRunner()
        area = AgendaArea()
        area.resize(1760, 980)  # the area in a maximised window on a 1920x1080 screen
        clock = FixedClock(datetime(2026, 11, 23, 10, tzinfo=BRUSSELS))
        feed = ChangeFeed(area)
        controller = AgendaController(area, AgendaServices(
            agenda=AgendaService(store.session_factory, clock)), runner, feed)
        area.show()
        area.canvas.setFocus()
        _wait_loaded(controller)
        week, week_shown = step_times(area, controller, ViewMode.WORK_WEEK, args.runs)
        month, month_shown = step_times(area, controller, ViewMode.MONTH, args.runs)
        runner.wait_for_done()
        area.close()
        store.close()
    del app
    print(f"agenda_events={args.events}")
    print(f"agenda_week_ms={statistics.median(week):.1f}")
    print(f"agenda_month_ms={statistics.median(month):.1f}")
    print(f"agenda_week_events={statistics.median(week_shown):.0f}")
    print(f"agenda_month_events={statistics.median(month_shown):.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
