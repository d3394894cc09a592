"""The one progress and cancellation interface of long work, Qt-free.

Engines (sync, push, exports) take a `TaskContext`; the UI's task runner and
the sync worker make one whose `report` emits a Qt signal, a headless command
one that logs or does nothing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field


class Cancelled(Exception):
    """Raised inside work that noticed its task was cancelled."""


def _ignore(_done: int, _total: int, _message: str) -> None:
    return None


@dataclass
class TaskContext:
    """What a piece of background work may use: progress and cancellation."""

    _report: Callable[[int, int, str], None] = _ignore
    _cancel: threading.Event = field(default_factory=threading.Event)

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        """Thread-safe: the work stops at its next check."""
        self._cancel.set()

    def check_cancelled(self) -> None:
        if self._cancel.is_set():
            raise Cancelled

    def wait(self, seconds: float) -> bool:
        """Sleep up to `seconds`; True when cancelled meanwhile (a throttling wait)."""
        return self._cancel.wait(seconds)

    def progress(self, done: int, total: int, message: str = "") -> None:
        self._report(done, total, message)
