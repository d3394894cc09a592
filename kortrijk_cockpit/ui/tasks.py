"""The one runner for background work.

Work runs on a QThreadPool; its results, progress and failures come back to
the GUI thread only through queued signals. The work itself receives a
`TaskContext` (plain Python), so services can report progress and notice a
cancel without knowing about Qt.

    runner.run(self.tr("Zoekindex herbouwen"), service.rebuild,
               on_success=self._rebuilt)
"""

from __future__ import annotations

import itertools
import logging
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.task_context import Cancelled, TaskContext

__all__ = ["Cancelled", "TaskContext", "TaskRunner"]

log = logging.getLogger(__name__)


class _Signals(QObject):
    progress = Signal(int, int, int, str)  # task id, done, total, message
    succeeded = Signal(int, object)
    failed = Signal(int, object)  # task id, exception
    cancelled = Signal(int)


class _Job(QRunnable):
    def __init__(self, task_id: int, fn: Callable[[TaskContext], Any], signals: _Signals,
                 context: TaskContext) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._id, self._fn, self._signals, self._context = task_id, fn, signals, context

    def run(self) -> None:
        try:
            result = self._fn(self._context)
        except Cancelled:
            self._signals.cancelled.emit(self._id)
        except BaseException as exc:  # noqa: BLE001 - every failure goes through one path
            exc.__cockpit_traceback__ = traceback.format_exc()  # type: ignore[attr-defined]
            self._signals.failed.emit(self._id, exc)
        else:
            if self._context.cancelled:
                self._signals.cancelled.emit(self._id)
            else:
                self._signals.succeeded.emit(self._id, result)


@dataclass
class _Task:
    label: str
    context: TaskContext
    on_success: Callable[[Any], None] | None
    on_failure: Callable[[BaseException], None] | None


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
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
    ) -> int:
        task_id = next(self._ids)
        context = TaskContext(lambda d, t, m: self._signals.progress.emit(task_id, d, t, m))
        self._tasks[task_id] = _Task(label, context, on_success, on_failure)
        self.task_started.emit(task_id, label)
        self._pool.start(_Job(task_id, fn, self._signals, context))
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

    def wait_for_done(self, msecs: int = 30_000) -> bool:
        """For shutdown only: let running work finish so no thread outlives the app."""
        self.cancel_all()
        return self._pool.waitForDone(msecs)

    @Slot(int, int, int, str)
    def _on_progress(self, task_id: int, done: int, total: int, message: str) -> None:
        if task_id in self._tasks:
            self.task_progress.emit(task_id, done, total, message)

    @Slot(int, object)
    def _on_succeeded(self, task_id: int, result: object) -> None:
        task = self._tasks.pop(task_id, None)
        self.task_finished.emit(task_id)
        if task and task.on_success:
            task.on_success(result)

    @Slot(int, object)
    def _on_failed(self, task_id: int, exc: BaseException) -> None:
        task = self._tasks.pop(task_id, None)
        self.task_finished.emit(task_id)
        label = task.label if task else ""
        if not isinstance(exc, UserFacingError):
            log.error("task %r failed:\n%s", label, getattr(exc, "__cockpit_traceback__", exc))
        if task and task.on_failure:
            task.on_failure(exc)
        else:
            self.error.emit(label, exc)

    @Slot(int)
    def _on_cancelled(self, task_id: int) -> None:
        task = self._tasks.pop(task_id, None)
        log.info("task %r cancelled", task.label if task else task_id)
        self.task_finished.emit(task_id)
