"""The sync worker: one thread that runs the mailbox rounds.

`MailboxRound` (exchange/round.py, Qt-free) does the work and owns the
backend; this worker only runs it on its own thread and turns its outcome
into signals for the status bar. Throttling waits happen here (never on the
GUI thread) and are interruptible. `SyncController` lives on the GUI thread:
it starts rounds on a timer and on F5, and stops the thread cleanly at exit.
"""

from __future__ import annotations

import itertools
import logging
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.exchange.round import MailboxRound, RoundStatus
from kortrijk_cockpit.task_context import TaskContext

if TYPE_CHECKING:
    from kortrijk_cockpit.exchange.ews import EwsSettings
    from kortrijk_cockpit.exchange.graph.settings import GraphSettings

log = logging.getLogger(__name__)


class SyncState(StrEnum):
    IDLE = "idle"
    SYNCING = "syncing"
    THROTTLED = "throttled"
    OFFLINE = "offline"
    SIGN_IN = "sign_in"
    ERROR = "error"


UNEXPECTED = ("Onverwachte fout bij het synchroniseren; de wijzigingen blijven bewaard. "
              "De details staan in het logbestand.")
FREE_BUSY_UNEXPECTED = ("Onverwachte fout bij het lezen van de beschikbaarheid. "
                        "De details staan in het logbestand.")
ATTACHMENT_UNEXPECTED = ("Onverwachte fout bij het ophalen van de bijlage. "
                         "De details staan in het logbestand.")
_FAILED = {RoundStatus.OFFLINE: SyncState.OFFLINE, RoundStatus.SIGN_IN: SyncState.SIGN_IN,
           RoundStatus.ERROR: SyncState.ERROR}


class SyncWorker(QObject):
    state_changed = Signal(str, str, float)  # SyncState, Dutch detail, seconds to wait
    progress = Signal(int, int, str)
    changed = Signal(object)  # Changes of each committed step, while the round goes on
    round_finished = Signal(object)  # RoundOutcome of a round that synced
    attachment_ready = Signal(int, str)  # attachment id, where its content is
    attachment_failed = Signal(int, str)  # attachment id, Dutch message
    free_busy_ready = Signal(int, object)  # request id, {address: [BusyBlock]}
    free_busy_failed = Signal(int, str)  # request id, Dutch message

    def __init__(self, mailbox_round: MailboxRound) -> None:
        super().__init__()
        self._round = mailbox_round
        # Made before the round starts, so a Cancel between "sync now" and the
        # round's start is not lost.
        self._ctx = TaskContext(self.progress.emit)

    def cancel(self) -> None:
        """Thread-safe: stops the round at the next page, or ends a throttling wait."""
        self._ctx.cancel()

    @Slot()
    def run_round(self) -> None:
        ctx = self._ctx
        self.state_changed.emit(SyncState.SYNCING, "", 0.0)
        try:
            outcome = self._round.run(
                ctx,
                on_wait=lambda message, seconds: self.state_changed.emit(
                    SyncState.THROTTLED, message, seconds),
                on_resume=lambda: self.state_changed.emit(SyncState.SYNCING, "", 0.0),
                on_changes=self.changed.emit)
        except Exception:  # a bug: logged, and the next round still runs
            log.exception("sync round failed unexpectedly")
            self._round.close()
            self.state_changed.emit(SyncState.ERROR, UNEXPECTED, 0.0)
            return
        finally:
            self._ctx = TaskContext(self.progress.emit)
        if outcome.status in _FAILED:
            self.state_changed.emit(_FAILED[outcome.status], outcome.message, 0.0)
            return
        if outcome.ok:
            self.round_finished.emit(outcome)
        self.state_changed.emit(SyncState.IDLE, "", 0.0)  # or still busy: the next round tries

    @Slot(int)
    def fetch_attachment(self, attachment_id: int) -> None:
        """On the worker's thread (the backend lives here): queued behind a running round."""
        try:
            path = self._round.fetch_attachment(attachment_id)
        except UserFacingError as exc:
            self.attachment_failed.emit(attachment_id, exc.user_message)
            return
        except Exception:  # a bug: logged; the sync goes on
            log.exception("fetching attachment %s failed unexpectedly", attachment_id)
            self.attachment_failed.emit(attachment_id, ATTACHMENT_UNEXPECTED)
            return
        self.attachment_ready.emit(attachment_id, str(path))

    @Slot(int, object)
    def fetch_free_busy(self, request_id: int, asked: object) -> None:
        """On the worker's thread, queued behind a running round; `asked` is
        (addresses, start, end)."""
        addresses, start, end = asked  # type: ignore[misc]
        try:
            found = self._round.free_busy(list(addresses), start, end)
        except UserFacingError as exc:
            self.free_busy_failed.emit(request_id, exc.user_message)
            return
        except Exception:  # a bug: logged; the sync goes on
            log.exception("free/busy request %s failed unexpectedly", request_id)
            self.free_busy_failed.emit(request_id, FREE_BUSY_UNEXPECTED)
            return
        self.free_busy_ready.emit(request_id, found)

    @Slot()
    def shutdown(self) -> None:
        self._round.close()


class SyncController(QObject):
    """GUI-thread side: when to sync, and the worker's thread.

    The worker's signals are relayed through slots of this GUI-thread object,
    so whatever the UI connects to them runs on the GUI thread (a plain Python
    callable connected to the worker directly would run on the sync thread).
    """

    state_changed = Signal(str, str, float)
    progress = Signal(int, int, str)
    changed = Signal(object)  # Changes, on the GUI thread: for the window's change feed
    round_finished = Signal(object)
    attachment_ready = Signal(int, str)  # attachment id, path; on the GUI thread
    attachment_failed = Signal(int, str)  # attachment id, Dutch message
    free_busy_ready = Signal(int, object)  # request id, {address: [BusyBlock]}; GUI thread
    free_busy_failed = Signal(int, str)  # request id, Dutch message
    _start = Signal()
    _fetch = Signal(int)
    _free_busy = Signal(int, object)

    def __init__(self, worker: SyncWorker, *, interval_minutes: int,
                 profile: EwsSettings | GraphSettings | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.profile = profile  # the connection in use (in --demo, one that is not saved)
        self.busy = False
        self._thread = QThread(self)
        self._thread.setObjectName("sync")
        worker.moveToThread(self._thread)
        self._start.connect(worker.run_round)
        worker.state_changed.connect(self._on_state)
        worker.progress.connect(self._on_progress)
        worker.round_finished.connect(self._on_round)
        worker.changed.connect(self._on_changed)
        self._fetch.connect(worker.fetch_attachment)
        worker.attachment_ready.connect(self._on_attachment_ready)
        worker.attachment_failed.connect(self._on_attachment_failed)
        self._free_busy.connect(worker.fetch_free_busy)
        worker.free_busy_ready.connect(self._on_free_busy_ready)
        worker.free_busy_failed.connect(self._on_free_busy_failed)
        self._free_busy_ids = itertools.count(1)
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

    def fetch_attachment(self, attachment_id: int) -> None:
        """Fetch on the worker's thread, after a running round; answered by
        `attachment_ready` or `attachment_failed`."""
        self._fetch.emit(attachment_id)

    def request_free_busy(self, addresses: list[str], start: datetime, end: datetime) -> int:
        """Read free/busy on the worker's thread, after a running round; answered by
        `free_busy_ready` or `free_busy_failed` with the returned request id."""
        request_id = next(self._free_busy_ids)
        self._free_busy.emit(request_id, (tuple(addresses), start, end))
        return request_id

    @Slot(str, str, float)
    def _on_state(self, state: str, detail: str, wait: float) -> None:
        if state in (SyncState.IDLE, SyncState.OFFLINE, SyncState.SIGN_IN, SyncState.ERROR):
            self.busy = False
        self.state_changed.emit(state, detail, wait)

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, message: str) -> None:
        self.progress.emit(done, total, message)

    @Slot(object)
    def _on_changed(self, changes: object) -> None:
        self.changed.emit(changes)

    @Slot(object)
    def _on_round(self, result: object) -> None:
        self.round_finished.emit(result)

    @Slot(int, str)
    def _on_attachment_ready(self, attachment_id: int, path: str) -> None:
        self.attachment_ready.emit(attachment_id, path)

    @Slot(int, str)
    def _on_attachment_failed(self, attachment_id: int, message: str) -> None:
        self.attachment_failed.emit(attachment_id, message)

    @Slot(int, object)
    def _on_free_busy_ready(self, request_id: int, found: object) -> None:
        self.free_busy_ready.emit(request_id, found)

    @Slot(int, str)
    def _on_free_busy_failed(self, request_id: int, message: str) -> None:
        self.free_busy_failed.emit(request_id, message)

    def shutdown(self) -> None:
        self._timer.stop()
        self.worker.cancel()
        self._thread.quit()
        if self._thread.wait(30_000):
            # The thread has ended, so closing its EWS session here cannot race it
            # (a queued call might never be delivered once quit() was asked).
            self.worker.shutdown()
