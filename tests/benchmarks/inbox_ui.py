"""The Mail area's part of `bench_inbox.py`: opening the area on a big store,
and going from an outcome key to the next mail in the reading pane.

Both time real widgets under the running platform (offscreen in CI); they end
on what the user sees: a Paint event of the list's viewport with rows in it,
and the reading pane showing the next mail. `triage_stall_ms` is the longest
the window stopped answering while a step's write landed and the list caught up.

Run alone:  python tests/benchmarks/inbox_ui.py [--mails N] [--runs N] [--store PATH]
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kortrijk_cockpit.clock import Clock, SystemClock
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.ui.change_feed import ChangeFeed
from kortrijk_cockpit.ui.tasks import TaskRunner
from kortrijk_cockpit.ui.views.mail.area import MailArea
from kortrijk_cockpit.ui.views.mail.controller import MailController, MailServices

GIVE_UP_MS = 60_000


class _FirstPaint(QObject):
    """Quits `loop` at the first Paint of the watched widget once `ready()` holds."""

    def __init__(self, loop: QEventLoop, ready: Callable[[], bool]) -> None:
        super().__init__()
        self._loop = loop
        self._ready = ready
        self.painted_at: float | None = None

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint and self.painted_at is None and self._ready():
            # After this paint returns: the rows are drawn, not just asked for.
            QTimer.singleShot(0, self._loop.quit)
            self.painted_at = time.perf_counter()
        return False


def _services(store: Store, clock: Clock) -> MailServices:
    from kortrijk_cockpit.services.folders import FolderService
    from kortrijk_cockpit.services.mail_list import MailListService
    from kortrijk_cockpit.services.outcomes import OutcomeService
    from kortrijk_cockpit.services.triage import TriageService

    sessions = store.session_factory
    return MailServices(mail_list=MailListService(sessions, clock),
                        triage=TriageService(sessions, clock), outcomes=OutcomeService(sessions),
                        clock=clock, folders=FolderService(sessions))


def _app() -> QApplication:
    from kortrijk_cockpit.ui.application import create_application

    existing = QApplication.instance()
    return existing if isinstance(existing, QApplication) else create_application([])


def _wait(loop: QEventLoop) -> None:
    QTimer.singleShot(GIVE_UP_MS, loop.quit)
    loop.exec()


def _until_idle(runner: TaskRunner) -> None:
    """Until no task runs: a landed write starts the list's query from its callback,
    so idle is checked again once that callback has run."""
    if runner.active_count:
        loop = QEventLoop()

        def check(_id: int) -> None:
            if not runner.active_count:
                QTimer.singleShot(0, lambda: runner.active_count or loop.quit())
        runner.task_finished.connect(check)
        _wait(loop)
        runner.task_finished.disconnect(check)


class _LongestStall(QObject):
    """The longest the GUI thread went without coming back to its event loop,
    seen by a zero-interval timer (it fires on every pass of the loop)."""

    def __init__(self) -> None:
        super().__init__()
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._tick)
        self._last = 0.0
        self.longest_ms = 0.0

    def start(self) -> None:
        self.longest_ms = 0.0
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> float:
        self._timer.stop()
        self._tick()
        return self.longest_ms

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest_ms = max(self.longest_ms, (now - self._last) * 1000)
        self._last = now


def open_area(store: Store, runner: TaskRunner, clock: Clock) -> tuple[MailArea, float]:
    """Build and show the Mail area; returns it with ms until its first rows were painted."""
    _app()
    loop = QEventLoop()
    started = time.perf_counter()
    area = MailArea()
    watch = _FirstPaint(loop, lambda: area.list.model() is not None
                        and area.list.model().rowCount() > 0)
    area.list.viewport().installEventFilter(watch)
    MailController(area, _services(store, clock), runner, ChangeFeed())
    area.resize(1920, 1080)
    area.show()
    _wait(loop)
    area.list.viewport().removeEventFilter(watch)
    if watch.painted_at is None:
        raise RuntimeError("the mail list never painted a row")
    return area, (watch.painted_at - started) * 1000


def measure_open_ms(store: Store, *, runs: int = 5, clock: Clock | None = None) -> float:
    """Median ms from building the Mail area to the first painted rows (Te behandelen)."""
    clock = clock or SystemClock()
    runner = TaskRunner()
    times = []
    for _ in range(runs):
        area, ms = open_area(store, runner, clock)
        times.append(ms)
        area.close()
        area.deleteLater()
        runner.wait_for_done()
    return statistics.median(times)


def measure_triage_next_ms(store: Store, *, presses: int = 9, key: Qt.Key = Qt.Key.Key_3,
                           clock: Clock | None = None) -> float:
    """Median ms from an outcome key on the list to the next mail in the reading pane.

    Each press's write is let land before the next press, as when she reads a
    moment; the write itself is not in the figure (it runs on the store lane).
    """
    return measure_triage(store, presses=presses, key=key, clock=clock)[0]


def measure_triage(store: Store, *, presses: int = 9, key: Qt.Key = Qt.Key.Key_3,
                   clock: Clock | None = None) -> tuple[float, float]:
    """(triage_next_ms, triage_stall_ms): the second is the median of each step's
    longest GUI-thread stall while its write lands and the list catches up
    (the re-query, the rows leaving, the counts)."""
    clock = clock or SystemClock()
    runner = TaskRunner()
    area, _ms = open_area(store, runner, clock)
    controller = area.findChild(MailController)
    assert controller is not None
    area.activateWindow()
    area.list.setFocus()
    times, stalls = [], []
    stall = _LongestStall()
    for _ in range(presses):
        before = controller.shown_mail()
        shown: list[float] = []
        controller.mail_shown.connect(lambda _id: shown.append(time.perf_counter()))
        started = time.perf_counter()
        QTest.keyClick(area.list, key)
        controller.mail_shown.disconnect()
        if not shown or controller.shown_mail() == before:
            raise RuntimeError("the outcome key did not show the next mail")
        times.append((shown[0] - started) * 1000)
        stall.start()
        _until_idle(runner)  # the write lands and is announced before the next key
        stalls.append(stall.stop())
    area.close()
    area.deleteLater()
    return statistics.median(times), statistics.median(stalls)


def main() -> None:
    """python tests/benchmarks/inbox_ui.py [--mails N] [--runs N] [--store PATH]

    Seeds a store (or reuses `--store`, seeded when missing) and prints
    inbox_open_ms and triage_next_ms, each on its own line.
    """
    import argparse
    import os
    import tempfile
    from pathlib import Path

    from kortrijk_cockpit.store import open_store
    from kortrijk_cockpit.store.database import sqlite_url
    from tests.benchmarks.inbox_data import seed_inbox

    parser = argparse.ArgumentParser()
    parser.add_argument("--mails", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--store", type=Path, default=None)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as tmp:
        path = args.store or Path(tmp) / "inbox.sqlite3"
        fresh = not path.exists()
        store = open_store(sqlite_url(path), backups=path.parent / "backups")
        if fresh:
            seed_inbox(store, args.mails)
        _app()
        print(f"inbox_open_ms={measure_open_ms(store, runs=args.runs):.1f}")
        next_ms, stall_ms = measure_triage(store)
        print(f"triage_next_ms={next_ms:.1f}")
        print(f"triage_stall_ms={stall_ms:.1f}")
        import resource

        print(f"ui_rss_mb={resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.1f}")
        store.close()


if __name__ == "__main__":
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    main()
