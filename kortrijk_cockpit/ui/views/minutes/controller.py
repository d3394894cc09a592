"""Wires the minutes window to `MinutesService`: loads through the task runner, writes
on the store lane, follows the change feed.

Saves of item texts go one at a time: the version a save returns is the base of the
next save of that item, so a second save must not start before the first has landed.
Texts waiting to be saved are kept here until they landed: a failed save keeps them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from kortrijk_cockpit.changes import Changes, Kind
from kortrijk_cockpit.domain import AttendanceStatus
from kortrijk_cockpit.services.minutes import MinutesConflict
from kortrijk_cockpit.ui.change_feed import ChangeFeed
from kortrijk_cockpit.ui.tasks import Lane, TaskRunner

if TYPE_CHECKING:
    from kortrijk_cockpit.services.minutes import Minutes, MinutesService, SavedItem


class MinutesController(QObject):
    loaded = Signal(object)  # Minutes
    item_saved = Signal(int, int, str, str)  # agenda item, its new version, notes, decision
    save_conflict = Signal(int, object)  # agenda item, MinutesConflict
    save_failed = Signal(int, object)  # agenda item, exception (the text stays on screen)
    failed = Signal(str, object)  # label, exception (attendance and loading)

    def __init__(self, service: MinutesService, runner: TaskRunner, feed: ChangeFeed,
                 meeting_id: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service, self.runner, self.feed = service, runner, feed
        self.meeting_id = meeting_id
        self.minutes: Minutes | None = None
        self.bases: dict[int, int | None] = {}  # agenda item -> version the screen shows
        self.pending: dict[int, tuple[str, str]] = {}  # texts waiting to be saved
        self._in_flight: int | None = None
        self._loading = False
        self._load_again = False
        feed.changed.connect(self._on_changed)

    # -- reading -----------------------------------------------------------------------
    def load(self) -> None:
        if self._loading:
            self._load_again = True
            return
        self._loading = True
        service, meeting_id, label = self.service, self.meeting_id, self.tr("Reading the minutes")
        self.runner.run(label, lambda _ctx: service.load(meeting_id), owner=self,
                        on_success=self._loaded, on_failure=self._load_failed)

    def _loaded(self, minutes: Minutes) -> None:
        self._loading = False
        self.minutes = minutes
        for item in minutes.items:
            if item.agenda_item_id not in self.pending and item.agenda_item_id != self._in_flight:
                self.bases[item.agenda_item_id] = item.version
        self.loaded.emit(minutes)
        if self._load_again:
            self._load_again = False
            self.load()

    def _load_failed(self, exc: BaseException) -> None:
        self._loading = False
        self.failed.emit(self.tr("Reading the minutes"), exc)

    def _on_changed(self, changes: Changes, initiator: object) -> None:
        """Another window or session changed this meeting: read it again (the window keeps
        what is being typed)."""
        if initiator is self:
            return
        if Kind.MEETING in changes.wholesale or self.meeting_id in changes.meetings.all \
                or changes.touched(Kind.ACTION_POINT):
            self.load()

    # -- item texts --------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self._in_flight is not None or bool(self.pending)

    def save(self, agenda_item_id: int, notes: str, decision: str) -> None:
        self.pending[agenda_item_id] = (notes, decision)
        self._next()

    def _next(self) -> None:
        if self._in_flight is not None or not self.pending:
            return
        item_id = next(iter(self.pending))
        notes, decision = self.pending.pop(item_id)
        base = self.bases.get(item_id)
        self._in_flight = item_id
        service, feed = self.service, self.feed

        def landed(saved: SavedItem) -> None:
            feed.publish(saved.changes, self)  # also when the window is gone

        def succeeded(saved: SavedItem) -> None:
            self._in_flight = None
            self.bases[item_id] = saved.version
            self.item_saved.emit(item_id, saved.version, notes, decision)
            self._next()

        def failed(exc: BaseException) -> None:
            self._in_flight = None
            if isinstance(exc, MinutesConflict):
                self.pending.pop(item_id, None)  # the window decides what is saved now
                self.save_conflict.emit(item_id, exc)
                self._next()
            else:
                # Kept to retry with the next save; a newer text typed meanwhile wins.
                self.pending.setdefault(item_id, (notes, decision))
                self.save_failed.emit(item_id, exc)

        self.runner.run(self.tr("Saving the minutes"),
                        lambda _ctx: service.save_item(item_id, notes, decision, base),
                        owner=self, lane=Lane.STORE, on_landed=landed,
                        on_success=succeeded, on_failure=failed)

    def retry(self) -> None:
        self._next()

    # -- attendance --------------------------------------------------------------------
    def set_attendance(self, name: str, status: AttendanceStatus,
                       person_id: int | None = None) -> None:
        service, meeting_id = self.service, self.meeting_id
        self._write(self.tr("Saving the attendance"),
                    lambda: service.set_attendance(meeting_id, name, status, person_id))

    def remove_attendee(self, name: str) -> None:
        service, meeting_id = self.service, self.meeting_id
        self._write(self.tr("Removing a guest"),
                    lambda: service.remove_attendee(meeting_id, name))

    def _write(self, label: str, work: Any) -> None:
        feed = self.feed

        def landed(changes: Changes) -> None:
            feed.publish(changes, self)

        self.runner.run(label, lambda _ctx: work(), owner=self, lane=Lane.STORE,
                        on_landed=landed, on_success=lambda _c: self.load(),
                        on_failure=lambda exc: self.failed.emit(label, exc))
