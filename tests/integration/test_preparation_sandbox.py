"""A booked "Voorbereiding" block lands in the director's calendar as busy time without
invitations, and the next pull keeps it as the appointment's preparation.

Real exchangelib against the sandbox's EWS server; the store on SQLite and PostgreSQL.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.domain import Brief, BriefStatus, CalendarEvent
from kortrijk_cockpit.exchange.ews import EwsBackend
from kortrijk_cockpit.sandbox import Mailbox
from kortrijk_cockpit.services.appointment_context import (
    AppointmentContextService,
    PreparationState,
)
from kortrijk_cockpit.services.calendar import CalendarService
from kortrijk_cockpit.services.preparation import PreparationService
from kortrijk_cockpit.store import Store
from tests.integration.exchange_fixtures import BXL, NOW
from tests.integration.test_calendar_writes import pull, push_until_settled, server_times

pytestmark = pytest.mark.both_protocols

def test_a_booked_preparation_arrives_in_the_sandbox_calendar(
        store: Store, backend: EwsBackend, mailbox: Mailbox, clock: FixedClock) -> None:
    wednesday = (NOW + timedelta(days=2)).replace(hour=14, minute=0)
    mailbox.add_event("Bezoek Barco", wednesday, wednesday.replace(hour=16),
                      location="Barco, Kortrijk")
    mailbox.add_event("Lunch", wednesday.replace(hour=12), wednesday.replace(hour=13, minute=45))
    pull(store, backend, clock)
    with store.session_factory.begin() as s:
        visit = s.scalars(select(CalendarEvent)
                          .where(CalendarEvent.subject == "Bezoek Barco")).one()
        s.add(Brief(title="Bezoek Barco", calendar_event_id=visit.id, status=BriefStatus.DRAFT))
        visit_id = visit.id
    sessions = store.session_factory
    appointments = AppointmentContextService(sessions, clock)
    preparation = PreparationService(sessions, CalendarService(sessions), appointments,
                                     minutes=lambda: 45,
                                     working_hours=lambda: ("08:00", "18:00"))

    written = preparation.book(visit_id)
    push_until_settled(store, backend)

    subject = "Voorbereiding: Bezoek Barco"
    assert server_times(backend, subject) == ["25/11 11:15-12:00"]  # before lunch
    calendar = mailbox.find_folder("calendar")
    assert calendar is not None
    [item] = [i for i in calendar.items if i.subject == subject]
    assert (item.free_busy, item.attendees, mailbox.invitations) == ("Busy", [], [])
    pull(store, backend, clock)
    with store.session() as s:
        [block] = s.scalars(select(CalendarEvent).where(CalendarEvent.subject == subject))
        assert block.id == written.event_id and block.exchange_id
        assert block.start_at.astimezone(BXL).hour == 11
    context = appointments.context(visit_id)
    assert (context.preparation, context.preparation_event_id) == \
        (PreparationState.BOOKED, written.event_id)
