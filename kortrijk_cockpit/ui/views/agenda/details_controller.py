"""Wires the details panel to the services: reads the chosen appointment off the
GUI thread, follows the change feed for it alone, books its preparation block on
the store lane. The lead connects `AgendaCanvas.selected` to `show_event`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from kortrijk_cockpit.changes import Changes, Kind
from kortrijk_cockpit.ui.change_feed import ChangeFeed, StaleWatch
from kortrijk_cockpit.ui.tasks import Lane, TaskRunner
from kortrijk_cockpit.ui.views.agenda.details import DetailsPanel

if TYPE_CHECKING:
    from kortrijk_cockpit.services.agenda import AgendaEvent
    from kortrijk_cockpit.services.appointment_details import (
        AppointmentDetails,
        AppointmentDetailsService,
    )

# What the panel shows comes from these: the appointment (and its neighbours'
# conflicts, its preparation block), its overleg, fiche, action points and mails.
WATCHED = (Kind.EVENT, Kind.MEETING, Kind.BRIEF, Kind.ACTION_POINT, Kind.MAIL, Kind.VISIT_ITEM)


class DetailsController(QObject):
    open_record = Signal(str, int)  # kind, ref_id: connect to MainWindow.open_record
    shown = Signal(object)  # the AppointmentDetails now on the panel (or None)
    failed = Signal(str, object)  # label, exception
    booked = Signal(int)  # the appointment whose preparation block was written
    visit_requested = Signal(int)  # open its bezoek/rondleiding checklist

    def __init__(self, panel: DetailsPanel, service: AppointmentDetailsService,
                 runner: TaskRunner, feed: ChangeFeed) -> None:
        super().__init__(panel)
        self.panel, self.service, self.runner, self.feed = panel, service, runner, feed
        self.event_id: int | None = None
        self._generation = 0
        self._booking: int | None = None
        self.watch = StaleWatch(panel, feed, WATCHED, self.reload)
        panel.open_record.connect(self.open_record)
        panel.book_requested.connect(self.book)
        panel.visit_requested.connect(self.visit_requested)

    def show_event(self, event: AgendaEvent | None) -> None:
        self.show_event_id(event.id if event is not None else None)

    def show_event_id(self, event_id: int | None) -> None:
        if event_id == self.event_id:
            return
        self.event_id = event_id
        self.reload()

    def reload(self) -> None:
        """Read the shown appointment again; an answer for an earlier one is dropped."""
        self.watch.mark_fresh()
        self._generation += 1
        generation, event_id = self._generation, self.event_id
        if event_id is None:
            self.panel.show_message(self.tr("Choose an appointment"))
            self.shown.emit(None)
            return
        if self.panel.event_id != event_id:
            self.panel.show_message(self.tr("Loading…"))
        service = self.service
        label = self.tr("Loading the appointment")
        self.runner.run(label, lambda _ctx: (generation, service.details(event_id)),
                        owner=self.panel, on_success=self._loaded,
                        on_failure=lambda exc: self.failed.emit(label, exc))

    def _loaded(self, result: tuple[int, AppointmentDetails | None]) -> None:
        generation, details = result
        if generation != self._generation:
            return
        if details is None:
            self.panel.show_message(self.tr("This appointment no longer exists."))
        else:
            self.panel.show_details(details)
            if self._booking == details.event.id:
                self.panel.set_booking(True)
        self.shown.emit(details)

    # -- booking ----------------------------------------------------------------------------
    def book(self, event_id: int) -> None:
        """Book the appointment's preparation block; the feed then shows it booked."""
        if self._booking is not None:
            return
        self._booking = event_id
        self.panel.set_booking(True)
        preparation, feed, initiator = self.service.preparation, self.feed, self
        label = self.tr("Booking a preparation block")

        def announce(result: Any) -> None:
            from shiboken6 import isValid

            changes = getattr(result, "changes", None)
            if isinstance(changes, Changes) and isValid(feed):  # the window may be closed
                feed.publish(changes, initiator)

        def done(_result: object) -> None:
            self._booking = None
            self.booked.emit(event_id)

        def failed(exc: BaseException) -> None:
            self._booking = None
            self.panel.set_booking(False)
            self.failed.emit(label, exc)
            self.reload()  # the proposal may have changed meanwhile

        self.runner.run(label, lambda _ctx: preparation.book(event_id), owner=self.panel,
                        lane=Lane.STORE, on_landed=announce, on_success=done,
                        on_failure=failed)
