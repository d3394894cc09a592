"""Zoek een moment, the orchestration: the director's calendar from the store and his rules
from the settings, on top of the colleagues' free/busy. On SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.config import Settings
from kortrijk_cockpit.domain import CalendarEvent, OutboxEntry, Person
from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.exchange.records import BusyBlock, BusyStatus
from kortrijk_cockpit.services.calendar import CalendarService
from kortrijk_cockpit.services.find_time import (
    FindTimeService,
    MeetingRequest,
    parse_protected_blocks,
)
from kortrijk_cockpit.services.slot_finder import ProtectedBlock
from kortrijk_cockpit.store import Store

BXL = ZoneInfo("Europe/Brussels")
DIRECTOR = "algemeen.directeur@kortrijk.be"
SOFIE = "sofie.vandenbroucke@kortrijk.be"
MONDAY = date(2026, 11, 23)  # a working day; the clock stands on the Friday before
NOW = datetime(2026, 11, 20, 16, 0, tzinfo=BXL)


def at(day: date, hour: int, minute: int = 0, zone: ZoneInfo = BXL) -> datetime:
    return datetime.combine(day, time(hour, minute), zone)


def service(store: Store, settings: Settings, now: datetime = NOW) -> FindTimeService:
    return FindTimeService(store.session_factory, FixedClock(now),
                           CalendarService(store.session_factory), lambda: settings, DIRECTOR)


def request(day: date = MONDAY, minutes: int = 60, last: date | None = None,
            attendees: tuple[str, ...] = (SOFIE,)) -> MeetingRequest:
    return MeetingRequest("Overleg personeelsplan", attendees, timedelta(minutes=minutes), day,
                          last or day, "Stadhuis")


def appointment(store: Store, start: datetime, end: datetime, **extra: object) -> None:
    with store.session_factory.begin() as s:
        s.add(CalendarEvent(subject="Afspraak", start_at=start, end_at=end, **extra))


def times(proposals: list) -> list[str]:  # type: ignore[type-arg]
    return [f"{p.start:%a %H:%M}-{p.end:%H:%M}" for p in proposals]


def test_the_directors_buffers_and_a_colleagues_busy_time_are_kept(store: Store) -> None:
    # The director sees the alderman 10:00-11:00: 30 minutes preparation before, 15 travel after.
    appointment(store, at(MONDAY, 10), at(MONDAY, 11))
    busy = {SOFIE: [BusyBlock(at(MONDAY, 8), at(MONDAY, 9, 30))]}
    settings = Settings(preparation_minutes=30, travel_minutes=15)

    found = service(store, settings).propose(request(), busy)

    # 08:00-09:30 Sofie, 09:30-11:15 the director with his buffers: first free hour at 11:30.
    assert times(found)[:2] == ["Mon 11:30-12:30", "Mon 12:30-13:30"]
    assert all(p.start.tzinfo is not None for p in found)

    without_buffers = service(store, Settings(preparation_minutes=0, travel_minutes=0))
    assert times(without_buffers.propose(request(), busy))[0] == "Mon 11:00-12:00"


def test_protected_blocks_and_working_hours_come_from_the_settings(store: Store) -> None:
    settings = Settings(working_hours_start="09:00", working_hours_end="12:00",
                        protected_blocks=[{"weekday": 0, "start": "10:00", "end": "11:30"}])

    found = service(store, settings).propose(request(last=MONDAY + timedelta(days=1)), {})

    assert times(found) == ["Mon 09:00-10:00", "Tue 09:00-10:00", "Tue 10:00-11:00",
                            "Tue 11:00-12:00"]


def test_nonsense_in_the_protected_blocks_is_ignored() -> None:
    raw = [{"weekday": 4, "start": "14:00", "end": "16:00"}, "vrijdag", None,
           {"weekday": "vrijdag", "start": "14:00", "end": "16:00"},
           {"weekday": 7, "start": "14:00", "end": "16:00"},
           {"weekday": True, "start": "14:00", "end": "16:00"},
           {"weekday": 2, "start": "25:00", "end": "16:00"},
           {"weekday": 2, "start": "16:00", "end": "14:00"}, {"weekday": 3}]

    assert parse_protected_blocks(raw) == [ProtectedBlock(4, time(14), time(16))]
    assert parse_protected_blocks("maandag") == []
    assert parse_protected_blocks(None) == []


def test_cancelled_appointments_free_the_time_and_all_day_ones_block_it(store: Store) -> None:
    appointment(store, at(MONDAY, 8), at(MONDAY, 18), is_cancelled=True)
    appointment(store, at(MONDAY + timedelta(days=1), 0),
                at(MONDAY + timedelta(days=2), 0), is_all_day=True)
    settings = Settings(preparation_minutes=0, travel_minutes=0)

    found = service(store, settings).propose(
        request(minutes=480, last=MONDAY + timedelta(days=2), attendees=()), {})

    assert times(found) == ["Mon 08:00-16:00", "Wed 08:00-16:00"]


def test_busy_time_in_other_zones_and_across_the_spring_dst_change(store: Store) -> None:
    # Summer time started Sunday 29 March 2026: Monday 09:00 in Brussels is 07:00 UTC.
    monday = date(2026, 3, 30)
    busy = {SOFIE: [BusyBlock(datetime(2026, 3, 30, 7, 0, tzinfo=UTC),
                              datetime(2026, 3, 30, 9, 0, tzinfo=UTC)),  # 09:00-11:00 here
                    BusyBlock(at(monday, 6, 0, ZoneInfo("America/New_York")),  # 12:00 here
                              at(monday, 8, 0, ZoneInfo("America/New_York")),
                              BusyStatus.TENTATIVE),
                    BusyBlock(at(monday, 15), at(monday, 16), BusyStatus.WORKING_ELSEWHERE)]}
    settings = Settings(working_hours_start="09:00", working_hours_end="17:00")
    clock_before = datetime(2026, 3, 27, 12, 0, tzinfo=BXL)  # Friday, still winter time

    found = service(store, settings, clock_before).propose(request(day=monday), busy)

    assert times(found) == ["Mon 11:00-12:00", "Mon 14:00-15:00", "Mon 15:00-16:00",
                            "Mon 16:00-17:00"]
    assert found[0].start.utcoffset() == timedelta(hours=2)


def test_nothing_is_proposed_in_the_past(store: Store) -> None:
    now = at(MONDAY, 10, 10)

    found = service(store, Settings(), now).propose(request(minutes=30), {})

    assert times(found)[0] == "Mon 10:30-11:00"
    with pytest.raises(UserFacingError, match="verleden"):
        service(store, Settings(), now + timedelta(days=1)).propose(request(), {})


@pytest.mark.parametrize(("req", "message"), [
    (request(minutes=11 * 60), "past niet binnen de werkuren"),
    (request(minutes=0), "minstens een kwartier"),
    (request(last=MONDAY - timedelta(days=1)), "einddatum ligt voor de begindatum"),
    (request(last=MONDAY + timedelta(days=100)), "hoogstens"),
])
def test_a_request_that_cannot_work_says_why_in_dutch(store: Store, req: MeetingRequest,
                                                       message: str) -> None:
    with pytest.raises(UserFacingError, match=message):
        service(store, Settings()).propose(req, {})


def test_the_director_is_not_asked_and_bad_addresses_are_named(store: Store) -> None:
    find = service(store, Settings())

    assert find.addresses(request(attendees=(f"Sofie <{SOFIE.upper()}>", DIRECTOR, SOFIE))) \
        == [SOFIE]
    with pytest.raises(UserFacingError, match="'Sofie' is geen geldig mailadres"):
        find.addresses(request(attendees=("Sofie",)))


def test_choosing_a_slot_books_it_with_the_attendees_and_queues_the_invitations(
        store: Store) -> None:
    find = service(store, Settings())
    req = request(attendees=(f"Sofie V. <{SOFIE}>", "Bart.Vanneste@kortrijk.be",
                             "Gast@Leiedal.be", DIRECTOR))
    [first, *_] = find.propose(req, {})

    written = find.book(req, first)

    with store.session() as s:
        event = s.get(CalendarEvent, written.event_id)
        assert event is not None
        assert (event.subject, event.location) == ("Overleg personeelsplan", "Stadhuis")
        assert event.start_at == at(MONDAY, 8) and event.end_at == at(MONDAY, 9)
        # As typed, or under the name the office knows; the director does not invite himself.
        assert event.attendees == [f"Sofie V. <{SOFIE}>",
                                   "Bart Vanneste <bart.vanneste@kortrijk.be>", "gast@leiedal.be"]
        assert s.scalars(select(OutboxEntry.kind)).all() == ["create_event"]
    with pytest.raises(UserFacingError, match="onderwerp"):
        find.book(MeetingRequest(" ", (), timedelta(hours=1), MONDAY, MONDAY), first)


def test_the_invitees_are_the_office_and_the_demo_colleagues_once_each(store: Store) -> None:
    with store.session_factory.begin() as s:
        s.add_all([Person(full_name="Sofie V.", email=SOFIE.upper(), is_internal=True),
                   Person(full_name="Zoë Intern", email="zoe.intern@kortrijk.be",
                          is_internal=True),
                   Person(full_name="Evelien Extern", email="evelien@voka.be"),
                   Person(full_name="De directeur", email=DIRECTOR, is_internal=True)])

    found = service(store, Settings()).invitees()

    addresses = [i.email for i in found]
    assert "zoe.intern@kortrijk.be" in addresses and SOFIE in addresses
    assert "bart.vanneste@kortrijk.be" in addresses  # a demo colleague
    assert "evelien@voka.be" not in addresses and DIRECTOR not in addresses
    assert len(addresses) == len(set(addresses))
    assert [i.label for i in found if i.email == SOFIE] == [f"Sofie V. <{SOFIE}>"]
