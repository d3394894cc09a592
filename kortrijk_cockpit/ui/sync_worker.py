"""The sync worker: one thread that owns the mailbox backend.

Each round pushes the outbox, then pulls. Throttling waits happen here (never
on the GUI thread) and are interruptible; the state is reported for the status
bar. `SyncController` lives on the GUI thread: it starts rounds on a timer and
on F5, and stops the thread cleanly at exit.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.exchange.backend import MailboxBackend
from kortrijk_cockpit.exchange.errors import (
    AuthenticationFailed,
    Offline,
    Throttled,
)
from kortrijk_cockpit.exchange.outbox import OutboxPusher, PushReport
from kortrijk_cockpit.exchange.sync import SyncEngine, SyncReport

log = logging.getLogger(__name__)

MAX_THROTTLE_WAITS = 5


class SyncState(StrEnum):
    IDLE = "idle"
    SYNCING = "syncing"
    THROTTLED = "throttled"
    OFFLINE = "offline"
    SIGN_IN = "sign_in"
    ERROR = "error"


@dataclass(frozen=True)
class RoundResult:
    sync: SyncReport
    push: PushReport


class SyncWorker(QObject):
    state_changed = Signal(str, str, float)  # SyncState, Dutch detail, seconds to wait
    progress = Signal(int, int, str)
    round_finished = Signal(object)  # RoundResult

    def __init__(self, make_backend: Callable[[], MailboxBackend], make_engine: Callable[
                 [MailboxBackend, Callable[[], bool], Callable[[int, int, str], None]],
                 tuple[SyncEngine, OutboxPusher]]) -> None:
        super().__init__()
        self._make_backend = make_backend
        self._make_engine = make_engine
        self._backend: MailboxBackend | None = None
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Thread-safe: stops the round at the next page, or ends a throttling wait."""
        self._cancel.set()

    @Slot()
    def run_round(self) -> None:
        self._cancel.clear()
        self.state_changed.emit(SyncState.SYNCING, "", 0.0)
        for _attempt in range(MAX_THROTTLE_WAITS):
            try:
                result = self._round()
            except Throttled as busy:
                self.state_changed.emit(SyncState.THROTTLED, busy.user_message, busy.wait_seconds)
                if self._cancel.wait(busy.wait_seconds):
                    break
                self.state_changed.emit(SyncState.SYNCING, "", 0.0)
                continue
            except Offline as exc:
                self._drop_backend()
                self.state_changed.emit(SyncState.OFFLINE, exc.user_message, 0.0)
                return
            except AuthenticationFailed as exc:
                self._drop_backend()
                self.state_changed.emit(SyncState.SIGN_IN, exc.user_message, 0.0)
                return
            except UserFacingError as exc:  # the server refused, or the store (a full disk)
                self.state_changed.emit(SyncState.ERROR, exc.user_message, 0.0)
                return
            self.round_finished.emit(result)
            break
        self.state_changed.emit(SyncState.IDLE, "", 0.0)

    def _round(self) -> RoundResult:
        if self._backend is None:
            self._backend = self._make_backend()
        engine, pusher = self._make_engine(self._backend, self._cancel.is_set, self.progress.emit)
        pushed = pusher.push()
        synced = engine.sync()
        return RoundResult(synced, pushed)

    def _drop_backend(self) -> None:
        if self._backend is not None:
            try:
                self._backend.close()
            finally:
                self._backend = None

    @Slot()
    def shutdown(self) -> None:
        self._drop_backend()


class SyncController(QObject):
    """GUI-thread side: when to sync, and the worker's thread.

    The worker's signals are relayed through slots of this GUI-thread object,
    so whatever the UI connects to them runs on the GUI thread (a plain Python
    callable connected to the worker directly would run on the sync thread).
    """

    state_changed = Signal(str, str, float)
    progress = Signal(int, int, str)
    round_finished = Signal(object)
    _start = Signal()

    def __init__(self, worker: SyncWorker, *, interval_minutes: int,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.busy = False
        self._thread = QThread(self)
        self._thread.setObjectName("sync")
        worker.moveToThread(self._thread)
        self._start.connect(worker.run_round)
        worker.state_changed.connect(self._on_state)
        worker.progress.connect(self._on_progress)
        worker.round_finished.connect(self._on_round)
        self._timer = QTimer(self)
        self._timer.setInterval(max(1, interval_minutes) * 60_000)
        self._timer.timeout.connect(self.sync_now)
        self._thread.start()

    def start(self) -> None:
        """First round now, then every interval."""
        self._timer.start()
        self.sync_now()

    def sync_now(self) -> bool:
        if self.busy:
            return False
        self.busy = True
        self._start.emit()
        return True

    def cancel(self) -> None:
        self.worker.cancel()

    @Slot(str, str, float)
    def _on_state(self, state: str, detail: str, wait: float) -> None:
        if state in (SyncState.IDLE, SyncState.OFFLINE, SyncState.SIGN_IN, SyncState.ERROR):
            self.busy = False
        self.state_changed.emit(state, detail, wait)

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, message: str) -> None:
        self.progress.emit(done, total, message)

    @Slot(object)
    def _on_round(self, result: object) -> None:
        self.round_finished.emit(result)

    def shutdown(self) -> None:
        self._timer.stop()
        self.worker.cancel()
        self._thread.quit()
        if self._thread.wait(30_000):
            # The thread has ended, so closing its EWS session here cannot race it
            # (a queued call might never be delivered once quit() was asked).
            self.worker.shutdown()
