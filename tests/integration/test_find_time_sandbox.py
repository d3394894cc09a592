"""Zoek een moment end to end: the demo colleagues' free/busy read through real exchangelib
from the sandbox, the director's calendar pulled into the store, proposals that avoid
everyone's busy time and his buffers, and the chosen slot in Exchange with its attendees.

The demo mailbox's "now" is Wednesday 25 March 2026; DST starts Sunday 29 March, so the
window below holds days on both sides of the change.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.config import Settings
from kortrijk_cockpit.demo_office import member
from kortrijk_cockpit.domain import CalendarEvent, OutboxEntry, OutboxStatus
from kortrijk_cockpit.exchange.ews import EwsBackend
from kortrijk_cockpit.exchange.outbox import OutboxPusher
from kortrijk_cockpit.exchange.sync import SyncEngine, SyncOptions
from kortrijk_cockpit.sandbox import Mailbox
from kortrijk_cockpit.sandbox.demo import demo_mailbox
from kortrijk_cockpit.services.calendar import CalendarService
from kortrijk_cockpit.services.find_time import FindTimeService, MeetingRequest, Proposal
from kortrijk_cockpit.store import Store
from tests.integration.exchange_fixtures import BXL

pytestmark = pytest.mark.both_protocols

NOW = datetime(2026, 3, 25, 8, 0, tzinfo=BXL)
DIRECTOR = "algemeen.directeur@kortrijk.be"
SOFIE = member("Sofie Vandenbroucke")  # financieel directeur: MAT and DC
BART = member("Bart Vanneste")  # directeur Welzijn: MAT and DC
SETTINGS = Settings(working_hours_start="08:30", working_hours_end="17:30",
                    preparation_minutes=30, travel_minutes=15,
                    protected_blocks=[{"weekday": 4, "start": "14:00", "end": "17:30"}])


@pytest.fixture
def mailbox() -> Mailbox:
    return demo_mailbox(mails=0, events=60, now=NOW)


def overlaps(proposal: Proposal, start: datetime, end: datetime) -> bool:
    return proposal.start < end and start < proposal.end


def test_proposals_avoid_everyones_busy_time_and_the_chosen_one_reaches_exchange(
        store: Store, backend: EwsBackend, mailbox: Mailbox) -> None:
    clock = FixedClock(NOW)
    SyncEngine(store.session_factory, backend, clock, SyncOptions()).sync()
    find = FindTimeService(store.session_factory, clock, CalendarService(store.session_factory),
                           lambda: SETTINGS, DIRECTOR)
    request = MeetingRequest("Overleg zorgstrategie",
                             (f"{SOFIE.name} <{SOFIE.email}>", BART.email.upper()),
                             timedelta(minutes=90), date(2026, 3, 26), date(2026, 4, 3),
                             "Stadhuis, lokaal 2.14")
    start, end = find.window(request)

    free_busy = backend.free_busy(find.addresses(request), start, end)
    proposals = find.propose(request, free_busy)

    assert set(free_busy) == {SOFIE.email, BART.email}
    assert len(proposals) == 8
    # The DC on Thursday 26 March 09:00-11:30 keeps both colleagues busy.
    assert sum(b.start_at == datetime(2026, 3, 26, 9, 0, tzinfo=BXL)
               for b in free_busy[SOFIE.email]) == 1
    for proposal in proposals:
        for blocks in free_busy.values():
            assert not any(overlaps(proposal, b.start_at, b.end_at) for b in blocks
                           if b.status != "working_elsewhere")
    with store.session() as s:
        own = s.execute(select(CalendarEvent.start_at, CalendarEvent.end_at)
                        .where(CalendarEvent.is_cancelled.is_(False))).all()
    assert own, "the director's demo calendar was pulled"
    for proposal in proposals:
        assert not any(overlaps(proposal, a - timedelta(minutes=30), b + timedelta(minutes=15))
                       for a, b in own)
        local = proposal.start.astimezone(BXL)
        assert local.weekday() < 5 and (local.hour, local.minute) >= (8, 30)
        assert proposal.end.astimezone(BXL).time() <= datetime(2026, 1, 1, 17, 30).time()
        assert not (local.weekday() == 4 and local.hour >= 14)  # his Friday afternoon
    # Busy blocks on both sides of the DST change (Sunday 29 March) are in the same clock.
    assert {b.start_at.astimezone(BXL).hour for b in free_busy[SOFIE.email]
            if b.start_at.astimezone(BXL).date() in (date(2026, 3, 26), date(2026, 3, 31))
            and b.start_at.astimezone(BXL).weekday() in (1, 3)} >= {9}

    chosen = proposals[0]
    find.book(request, chosen)
    report = OutboxPusher(store.session_factory, backend, clock).push()

    assert report.retry_at is None
    with store.session() as s:
        assert s.scalars(select(OutboxEntry.status)).all() == [OutboxStatus.DONE]
    [event] = [e for e in backend.calendar_view(start, end) if e.subject == "Overleg zorgstrategie"]
    assert (event.start_at, event.end_at) == (chosen.start, chosen.end)
    assert event.location == "Stadhuis, lokaal 2.14"
    # Typed in capitals, Bart is invited under his name as the office knows him.
    assert sorted(event.attendees) == [f"{BART.name} <{BART.email}>",
                                       f"{SOFIE.name} <{SOFIE.email}>"]
    [invitation] = [i for i in mailbox.invitations if i.subject == "Overleg zorgstrategie"]
    assert sorted(p.email for p in invitation.recipients) == sorted([SOFIE.email, BART.email])
