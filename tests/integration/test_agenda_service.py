"""The Agenda reads the calendar from the store and finds what clashes, on both backends."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.domain import CalendarEvent, Sensitivity
from kortrijk_cockpit.services.agenda import (
    AgendaService,
    ConflictKind,
    WorkingHours,
    conflicts,
)
from kortrijk_cockpit.store import Store

BXL = ZoneInfo("Europe/Brussels")
MONDAY = datetime(2026, 11, 23, tzinfo=BXL)
HOURS = WorkingHours(time(8), time(18))


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return (MONDAY + timedelta(days=day)).replace(hour=hour, minute=minute)


def add(store: Store, subject: str, start: datetime, end: datetime, **extra: object) -> int:
    with store.session_factory.begin() as s:
        row = CalendarEvent(subject=subject, start_at=start, end_at=end, **extra)
        s.add(row)
        s.flush()
        return row.id


def service(store: Store) -> AgendaService:
    return AgendaService(store.session_factory, FixedClock(at(0, 10)))


def test_events_in_the_window_in_time_order_in_brussels_time(store: Store) -> None:
    later = add(store, "DC", at(3, 9), at(3, 11), location="Schepenzaal",
                organizer="Algemeen directeur", categories=["Agenderen DC"])
    earlier = add(store, "MAT", at(1, 9), at(1, 11))
    add(store, "Volgende week", at(8, 9), at(8, 10))
    add(store, "Vorige vrijdag", at(-3, 9), at(-3, 10))

    events = service(store).events(MONDAY, MONDAY + timedelta(days=7))

    assert [e.id for e in events] == [earlier, later]
    dc = events[1]
    assert (dc.subject, dc.location, dc.organizer, dc.categories) == (
        "DC", "Schepenzaal", "Algemeen directeur", ("Agenderen DC",))
    assert dc.start == at(3, 9) and dc.start.utcoffset() == timedelta(hours=1)
    assert dc.start.tzinfo == BXL


def test_an_event_running_into_the_window_is_in_it(store: Store) -> None:
    across = add(store, "Studiereis", at(-1, 9), at(1, 17))
    assert [e.id for e in service(store).events(MONDAY, MONDAY + timedelta(days=1))] == [across]


def test_a_private_appointment_is_only_prive(store: Store) -> None:
    add(store, "Privé", at(2, 12), at(2, 13), is_private_block=True,
        sensitivity=Sensitivity.PRIVATE, location="", organizer="")
    (event,) = service(store).events(MONDAY, MONDAY + timedelta(days=7))
    assert event.subject == "Privé" and event.is_private_block
    assert event.location == "" and event.categories == ()


def test_cancelled_and_all_day_appointments_are_shown(store: Store) -> None:
    add(store, "Geannuleerd: Bezoek", at(1, 14), at(1, 15), is_cancelled=True)
    add(store, "Verlof", at(4, 0), at(5, 0), is_all_day=True)
    events = service(store).events(MONDAY, MONDAY + timedelta(days=7))
    assert [(e.subject, e.is_cancelled, e.is_all_day) for e in events] == [
        ("Geannuleerd: Bezoek", True, False), ("Verlof", False, True)]


def test_conflicts_overlap_back_to_back_elsewhere_and_outside_hours(store: Store) -> None:
    mat = add(store, "MAT", at(1, 9), at(1, 11), location="Stadhuis")
    call = add(store, "Telefoon gouverneur", at(1, 10, 30), at(1, 10, 45))
    visit = add(store, "Bezoek WZC", at(1, 11), at(1, 12), location="WZC Lichtendal")
    same_place = add(store, "Nabespreking", at(1, 12), at(1, 13), location="wzc lichtendal")
    evening = add(store, "Gemeenteraad", at(2, 19), at(2, 22))
    saturday = add(store, "Opening sporthal", at(5, 10), at(5, 11))
    add(store, "Geannuleerd", at(1, 9), at(1, 10), is_cancelled=True)
    add(store, "Verlof", at(1, 0), at(2, 0), is_all_day=True)

    events = service(store).events(MONDAY, MONDAY + timedelta(days=7))
    found = conflicts(events, HOURS)

    kinds = {event_id: sorted(c.kind for c in found.get(event_id, [])) for event_id in
             (mat, call, visit, same_place, evening, saturday)}
    assert kinds == {
        mat: [ConflictKind.BACK_TO_BACK, ConflictKind.OVERLAP],
        call: [ConflictKind.OVERLAP],
        visit: [ConflictKind.BACK_TO_BACK],
        same_place: [],
        evening: [ConflictKind.OUTSIDE_HOURS],
        saturday: [ConflictKind.OUTSIDE_HOURS],
    }
    assert len(found) == 5  # the cancelled and the all-day one clash with nothing
    (overlap,) = [c for c in found[call] if c.kind == ConflictKind.OVERLAP]
    assert overlap.message == "Overlapt met MAT (09:00–11:00)" and overlap.other_id == mat
    (elsewhere,) = found[visit]
    assert elsewhere.message == "Meteen daarvoor elders: MAT (Stadhuis)"
    assert found[evening][0].message == "Buiten de werkuren (08:00–18:00)"
    assert found[saturday][0].message == "In het weekend"


def test_working_hours_from_the_settings() -> None:
    assert WorkingHours.parse("07:30", "17:00") == WorkingHours(time(7, 30), time(17))
    assert WorkingHours.parse("later", "18:00") == HOURS
    assert WorkingHours.parse("18:00", "08:00") == HOURS
