"""The one runner for background work.

Work runs on a QThreadPool; its results, progress and failures come back to
the GUI thread only through queued signals. The work itself receives a
`TaskContext` (plain Python), so services can report progress and notice a
cancel without knowing about Qt.

    runner.run(self.tr("Rebuilding the search index"), service.rebuild,
               owner=self, on_success=self._rebuilt)
    runner.run(self.tr("Saving"), lambda _ctx: service.save(...), lane=Lane.STORE,
               owner=self, on_success=self._saved)

A task has an owner (the dialog or view that asked for it): when the owner is
destroyed, the task is cancelled and its callbacks are dropped, so a result
never reaches widgets that are gone. Writes to the store run on their own lane,
one at a time and in the order asked (like Anki's one executor for the
collection): the GUI thread never waits on a database lock, and two writes of
one user never overtake each other.
"""

from __future__ import annotations

import enum
import itertools
import logging
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QMetaObject, QObject, QRunnable, QThreadPool, Signal, Slot

from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.task_context import Cancelled, TaskContext

__all__ = ["Cancelled", "Lane", "TaskContext", "TaskRunner"]

log = logging.getLogger(__name__)


class Lane(enum.Enum):
    GENERAL = "general"  # reads, network, exports: in parallel
    STORE = "store"  # writes to the store: serial, in order


class _Signals(QObject):
    progress = Signal(int, int, int, str)  # task id, done, total, message
    succeeded = Signal(int, object)
    failed = Signal(int, object)  # task id, exception
    cancelled = Signal(int)


class _Job(QRunnable):
    """Runs on a pool thread and keeps no reference to the work after it.

    The work often closes over a dialog. Python frees an object on the thread
    that drops its last reference, and a widget destroyed on a worker thread
    crashes Qt; so the task on the GUI thread holds the work too, and this job
    lets go of it (and of the failure's frames) before it reports back.
    """

    def __init__(self, task_id: int, fn: Callable[[TaskContext], Any], signals: _Signals,
                 context: TaskContext, *, keeps_result: bool = False) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._id, self._signals = task_id, signals
        self._keeps_result = keeps_result  # a write that returned has landed, cancelled or not
        self._fn: Callable[[TaskContext], Any] | None = fn
        self._context: TaskContext | None = context

    def run(self) -> None:
        fn, context = self._fn, self._context
        self._fn = self._context = None
        assert fn is not None and context is not None, "a job runs once"
        outcome: tuple[str, Any]
        try:
            outcome = ("succeeded", fn(context))
        except Cancelled:
            outcome = ("cancelled", None)
        except BaseException as exc:  # noqa: BLE001 - every failure goes through one path
            exc.__cockpit_traceback__ = traceback.format_exc()  # type: ignore[attr-defined]
            _drop_frames(exc)
            outcome = ("failed", exc)
        del fn
        kind, value = outcome
        if kind == "failed":
            self._signals.failed.emit(self._id, value)
        elif kind == "cancelled" or (context.cancelled and not self._keeps_result):
            self._signals.cancelled.emit(self._id)
        else:
            self._signals.succeeded.emit(self._id, value)


def _drop_frames(exc: BaseException) -> None:
    """The traceback lives on as text; its frames (and what they hold) go here and now."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        current.__traceback__ = None
        current = current.__cause__ or current.__context__


@dataclass
class _Task:
    label: str
    fn: Callable[[TaskContext], Any] | None  # released on the GUI thread only (see _Job)
    context: TaskContext
    on_success: Callable[[Any], None] | None
    on_failure: Callable[[BaseException], None] | None
    on_progress: Callable[[int, int, str], None] | None
    on_landed: Callable[[Any], None] | None = None  # kept when the owner goes
    owner_link: QMetaObject.Connection | None = None
    orphaned: bool = False  # the owner is gone: nobody is left to tell

    def drop_callbacks(self) -> None:
        self.on_success = self.on_failure = self.on_progress = None
        self.orphaned = True


class TaskRunner(QObject):
    """Runs work off the GUI thread and reports on it.

    `active_changed` carries a description of the running tasks for the status
    bar; `error` carries every failure that its caller did not handle itself:
    a `UserFacingError` for a Dutch message, anything else for the crash path.
    """

    task_started = Signal(int, str)
    task_progress = Signal(int, int, int, str)
    task_finished = Signal(int)
    error = Signal(str, object)  # label, exception

    def __init__(self, parent: QObject | None = None, *, max_threads: int = 2) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        # One thread, FIFO: store writes run one after the other, in order.
        self._store_pool = QThreadPool(self)
        self._store_pool.setMaxThreadCount(1)
        self._signals = _Signals(self)
        self._signals.progress.connect(self._on_progress)
        self._signals.succeeded.connect(self._on_succeeded)
        self._signals.failed.connect(self._on_failed)
        self._signals.cancelled.connect(self._on_cancelled)
        self._tasks: dict[int, _Task] = {}
        self._ids = itertools.count(1)

    def run(
        self,
        label: str,
        fn: Callable[[TaskContext], Any],
        *,
        owner: QObject | None = None,
        lane: Lane = Lane.GENERAL,
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
        on_landed: Callable[[Any], None] | None = None,
    ) -> int:
        """Start `fn` off the GUI thread; with an `owner`, its end ends the callbacks.

        `on_landed` (store writes) gets the result even when the owner is gone: a
        write that committed must still be announced (the window's change feed),
        so it must not refer to the owner itself.
        """
        task_id = next(self._ids)
        context = TaskContext(lambda d, t, m: self._signals.progress.emit(task_id, d, t, m))
        task = _Task(label, fn, context, on_success, on_failure, on_progress, on_landed)
        if owner is not None:
            task.owner_link = owner.destroyed.connect(lambda *_: self._owner_gone(task_id))
        self._tasks[task_id] = task
        self.task_started.emit(task_id, label)
        pool = self._store_pool if lane is Lane.STORE else self._pool
        pool.start(_Job(task_id, fn, self._signals, context, keeps_result=lane is Lane.STORE))
        return task_id

    def cancel(self, task_id: int) -> None:
        task = self._tasks.get(task_id)
        if task:
            task.context.cancel()

    def cancel_all(self) -> None:
        for task_id in list(self._tasks):
            self.cancel(task_id)

    def label(self, task_id: int) -> str:
        task = self._tasks.get(task_id)
        return task.label if task else ""

    @property
    def active_count(self) -> int:
        return len(self._tasks)

    def report(self, label: str, exc: BaseException) -> None:
        """A failure an `on_failure` handler chose not to handle: the default route."""
        self.error.emit(label, exc)

    def wait_for_done(self, msecs: int = 30_000) -> bool:
        """For shutdown only: let running work finish so no thread outlives the app."""
        self.cancel_all()
        return self._store_pool.waitForDone(msecs) & self._pool.waitForDone(msecs)

    def _owner_gone(self, task_id: int) -> None:
        task = self._tasks.get(task_id)
        if task is not None:
            task.context.cancel()
            task.drop_callbacks()

    def _finish(self, task_id: int) -> _Task | None:
        task = self._tasks.pop(task_id, None)
        if task is not None and task.owner_link is not None:
            QObject.disconnect(task.owner_link)  # a long-lived owner collects no dead links
        self.task_finished.emit(task_id)
        return task

    @Slot(int, int, int, str)
    def _on_progress(self, task_id: int, done: int, total: int, message: str) -> None:
        task = self._tasks.get(task_id)
        if task is not None:
            self.task_progress.emit(task_id, done, total, message)
            if task.on_progress:
                task.on_progress(done, total, message)

    @Slot(int, object)
    def _on_succeeded(self, task_id: int, result: object) -> None:
        task = self._finish(task_id)
        if task and task.on_landed:
            task.on_landed(result)
        if task and task.on_success:
            task.on_success(result)

    @Slot(int, object)
    def _on_failed(self, task_id: int, exc: BaseException) -> None:
        task = self._finish(task_id)
        label = task.label if task else ""
        if not isinstance(exc, UserFacingError):
            log.error("task %r failed:\n%s", label, getattr(exc, "__cockpit_traceback__", exc))
        if task and task.on_failure:
            task.on_failure(exc)
        elif task and task.orphaned:
            log.info("task %r failed after its window closed: %s", label, exc)
        else:
            self.error.emit(label, exc)

    @Slot(int)
    def _on_cancelled(self, task_id: int) -> None:
        task = self._finish(task_id)
        log.info("task %r cancelled", task.label if task else task_id)
