"""The window's one feed of what changed.

Every write returns a `Changes` (see `kortrijk_cockpit/changes.py`); whoever
made it publishes it here, on the GUI thread, and each view or model decides
what to refresh. `StaleWatch` gives a view the usual rule: refresh now when
visible and touched, otherwise remember to refresh when shown again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from kortrijk_cockpit.changes import Changes, Kind

# Pages of a sync arrive in bursts: one refresh per burst, not one per page.
COALESCE_MS = 150


class ChangeFeed(QObject):
    changed = Signal(object, object)  # Changes, initiator (who made it, or None)

    def publish(self, changes: Changes, initiator: object | None = None) -> None:
        if changes:
            self.changed.emit(changes, initiator)


class StaleWatch(QObject):
    """Calls `refresh` when changes touch `kinds`: soon if the view is visible,
    else on its next show. Bursts of changes become one refresh."""

    def __init__(self, view: QWidget, feed: ChangeFeed, kinds: Iterable[Kind],
                 refresh: Callable[[], None]) -> None:
        super().__init__(view)
        self._view = view
        self._kinds = frozenset(kinds)
        self._refresh = refresh
        self.stale = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(COALESCE_MS)
        self._timer.timeout.connect(self._run)
        feed.changed.connect(self._on_changed)
        view.installEventFilter(self)

    def _on_changed(self, changes: Changes, _initiator: object) -> None:
        if not changes.touches_any(self._kinds):
            return
        self.stale = True
        if self._view.isVisible() and not self._timer.isActive():
            self._timer.start()

    def mark_fresh(self) -> None:
        """The view was just refreshed some other way: no second refresh for the same news."""
        self.stale = False

    def _run(self) -> None:
        if self.stale and self._view.isVisible():
            self.stale = False
            self._refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self._view and event.type() == QEvent.Type.Show and self.stale:
            self._timer.start()
        return False
