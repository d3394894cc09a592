"""A year of MAT meetings booked in the director's calendar through the outbox: each
appointment arrives in Exchange and stays linked to its meeting after the next pull."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select

from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.domain import CalendarEvent, Meeting, MeetingSeries, MeetingStatus
from kortrijk_cockpit.exchange.ews import EwsBackend
from kortrijk_cockpit.sandbox import Mailbox
from kortrijk_cockpit.services.calendar import CalendarService
from kortrijk_cockpit.services.year_plan import YearPlanService
from kortrijk_cockpit.store import Store
from tests.integration.exchange_fixtures import BXL, NOW
from tests.integration.test_calendar_writes import pull, push_until_settled

pytestmark = pytest.mark.both_protocols

def test_the_planned_meetings_arrive_in_the_directors_calendar_linked(
        store: Store, backend: EwsBackend, mailbox: Mailbox) -> None:
    with store.session_factory.begin() as s:
        series = MeetingSeries(code="MAT", name="Managementteam", weekday=1,
                               start_time="09:00", duration_minutes=120,
                               location="Stadhuis, zaal Groeninge",
                               closures=["2026-01-01/2026-11-29", "2026-12-21/2027-01-03"])
        s.add(series)
        s.flush()
        series_id = series.id
    plan = YearPlanService(store.session_factory)
    plan.generate(series_id, 2026)  # 1, 8 and 15 December: the rest is closed
    with store.session_factory.begin() as s:
        meetings = s.scalars(select(Meeting).where(Meeting.series_id == series_id)
                             .order_by(Meeting.starts_at)).all()
        dropped = meetings[-1]
        dropped.status = MeetingStatus.CANCELLED  # cancelled: not booked
        assert [m.starts_at for m in meetings] == [
            datetime(2026, 12, day, 9, tzinfo=BXL) for day in (1, 8, 15)]
        wanted = {m.id: m.starts_at for m in meetings[:-1]}

    calendar = CalendarService(store.session_factory)
    plan.book_in_calendar(series_id, 2026, calendar)
    assert not plan.book_in_calendar(series_id, 2026, calendar).events.created  # only once

    push_until_settled(store, backend)
    pull(store, backend, FixedClock(NOW))
    subjects = sorted(i.subject for i in mailbox.folder("calendar").items)
    assert len(subjects) == len(wanted) and all(x.startswith("Managementteam (MAT ")
                                                for x in subjects)
    with store.session() as s:
        linked = {e.meeting_id: e.start_at for e in s.scalars(
            select(CalendarEvent).where(CalendarEvent.meeting_id.is_not(None)))}
        assert all(e.exchange_id for e in s.scalars(select(CalendarEvent)))
    assert linked == wanted
