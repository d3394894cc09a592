"""A "Voorbereiding" block before an appointment with a fiche or an agenda: the latest
free block of the set length on the same working day within working hours, booked
through the outbox (both backends)."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select

from kortrijk_cockpit.clock import BRUSSELS, FixedClock
from kortrijk_cockpit.domain import Brief, BriefStatus, CalendarEvent, OutboxEntry
from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.services.appointment_context import (
    AppointmentContextService,
    PreparationState,
)
from kortrijk_cockpit.services.calendar import CalendarService
from kortrijk_cockpit.services.preparation import NoRoom, PreparationBlock, PreparationService
from kortrijk_cockpit.store import Store

MONDAY = datetime(2026, 11, 23, tzinfo=BRUSSELS)


def at(day: int, hour: int, minute: int = 0, base: datetime = MONDAY) -> datetime:
    return (base + timedelta(days=day)).replace(hour=hour, minute=minute)


def service(store: Store, minutes: int = 30, hours: tuple[str, str] = ("08:00", "18:00"),
            now: datetime = MONDAY) -> PreparationService:
    sessions = store.session_factory
    return PreparationService(sessions, CalendarService(sessions),
                              AppointmentContextService(sessions, FixedClock(now)),
                              minutes=lambda: minutes, working_hours=lambda: hours)


def add(store: Store, subject: str, start: datetime, end: datetime, *, fiche: bool = False,
        **extra: object) -> int:
    with store.session_factory.begin() as s:
        event = CalendarEvent(subject=subject, start_at=start, end_at=end, **extra)
        s.add(event)
        s.flush()
        if fiche:
            s.add(Brief(title=subject, calendar_event_id=event.id, status=BriefStatus.DRAFT))
        return event.id


def when(proposal: object) -> str:
    assert isinstance(proposal, PreparationBlock), proposal
    return proposal.when()


def test_the_block_is_the_latest_free_time_before_the_appointment(store: Store) -> None:
    visit = add(store, "Bezoek Barco", at(1, 14), at(1, 16), fiche=True)
    add(store, "Lunch", at(1, 12, 30), at(1, 13, 45))
    add(store, "Geannuleerd", at(1, 13, 30), at(1, 14), is_cancelled=True)  # takes no time
    add(store, "Verlof collega", at(1, 0), at(2, 0), is_all_day=True)  # neither
    proposal = service(store, minutes=15).propose(visit)
    assert when(proposal) == "di 13:45–14:00"
    assert proposal.subject == "Voorbereiding: Bezoek Barco"  # type: ignore[union-attr]
    # 30 minutes do not fit between lunch and the visit: the block goes before lunch.
    assert when(service(store).propose(visit)) == "di 12:00–12:30"


def test_no_room_within_working_hours_gives_a_reason(store: Store) -> None:
    early = add(store, "Ontbijtsessie Voka", at(1, 8, 15), at(1, 9, 30), fiche=True)
    packed = add(store, "College", at(2, 10), at(2, 12), fiche=True)
    add(store, "Overleg ochtend", at(2, 8), at(2, 10))
    weekend = add(store, "Opening expo", at(5, 11), at(5, 12), fiche=True)
    found = service(store).proposals([early, packed, weekend])
    assert isinstance(found[early], NoRoom)
    assert found[early].reason == ("Geen 30 minuten binnen de werkuren (08:00–18:00) "  # type: ignore[union-attr]
                                   "vóór deze afspraak.")
    assert found[packed] == NoRoom(packed, "Geen vrije 30 minuten vóór deze afspraak op "
                                           "dezelfde dag.")
    assert found[weekend] == NoRoom(weekend, "Geen werkdag: geen voorbereiding voorgesteld.")


def test_an_appointment_after_working_hours_gets_a_block_before_their_end(store: Store) -> None:
    evening = add(store, "Gemeenteraad", at(0, 19), at(0, 23), fiche=True)
    assert when(service(store, hours=("08:00", "17:00")).propose(evening)) == "ma 16:30–17:00"


def test_summer_time_wall_clock_holds_on_the_monday_after_the_change(store: Store) -> None:
    """Sunday 29/03/2026 02:00 -> 03:00: the Monday's block is at 13:30 on the wall clock
    (11:30 UTC, not the winter 12:30), and the Sunday itself is no working day."""
    sunday = datetime(2026, 3, 29, tzinfo=BRUSSELS)
    monday = add(store, "Overleg Leiedal", at(1, 14, base=sunday), at(1, 15, base=sunday),
                 fiche=True)
    on_sunday = add(store, "Lentefeest", at(0, 10, base=sunday), at(0, 11, base=sunday),
                    fiche=True)
    prep = service(store, now=sunday).proposals([monday, on_sunday])
    block = prep[monday]
    assert isinstance(block, PreparationBlock) and block.when() == "ma 13:30–14:00"
    assert block.start.utcoffset() == timedelta(hours=2)
    assert block.start.astimezone(BRUSSELS).hour == 13 and block.end - block.start == \
        timedelta(minutes=30)
    assert isinstance(prep[on_sunday], NoRoom)


def test_booking_creates_the_block_and_its_outbox_entry_once(store: Store) -> None:
    visit = add(store, "Bezoek Barco", at(1, 14), at(1, 16), fiche=True)
    plain = add(store, "Koffie", at(1, 10), at(1, 11))
    prep = service(store)
    written = prep.book(visit)
    with store.session() as s:
        block = s.get(CalendarEvent, written.event_id)
        assert block is not None
        assert (block.subject, block.attendees) == ("Voorbereiding: Bezoek Barco", [])
        assert (block.start_at.astimezone(BRUSSELS), block.end_at.astimezone(BRUSSELS)) == \
            (at(1, 13, 30), at(1, 14))
        [entry] = s.scalars(select(OutboxEntry))
        assert entry.event_id == written.event_id
    context = AppointmentContextService(store.session_factory, FixedClock(MONDAY)).context(visit)
    assert (context.preparation, context.preparation_event_id) == \
        (PreparationState.BOOKED, written.event_id)
    for already in (visit, plain):
        try:
            prep.book(already)
        except UserFacingError as error:
            assert error.user_message in ("Voorbereiding is al geboekt.",
                                          "Niets om voor te bereiden: geen fiche of agenda.")
        else:
            raise AssertionError("booked twice")
