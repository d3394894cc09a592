"""The colleagues' calendars, as free/busy sees them: the office's rhythm plus their own work.

Every internal cast member but the director (whose calendar is `calendar.py`) sits
in the weekly meetings `rhythm.py` gives them (MAT, DC, college, council), goes to
the external events they are invited to, and has meetings of their own, now and
then tentative, a day of leave, a private appointment. Single occurrences only:
free/busy shows each occurrence as a block of its own.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from kortrijk_cockpit.demo_office.calendar import DemoEvent, briefing_events
from kortrijk_cockpit.demo_office.cast import CAST, OWNER, POLITICIANS, Member
from kortrijk_cockpit.demo_office.rhythm import (
    BRUSSELS,
    COLLEGE,
    COUNCIL_END,
    COUNCIL_LOCATION,
    COUNCIL_START,
    COUNCIL_SUBJECT,
    DC,
    MAT,
    SERIES_WEEKS,
    at,
    council_days,
    is_working_day,
    meeting_days,
    monday_of,
)

COLLEAGUES: tuple[Member, ...] = tuple(m for m in CAST if m.is_internal and m is not OWNER)
_OWN = ("Teamoverleg", "Overleg met de diensthoofden", "Werkoverleg", "Bilateraal overleg",
        "Projectgroep", "Sollicitatiegesprekken", "Dossiervoorbereiding")
_OWN_HOURS = (time(8, 30), time(10), time(11, 30), time(13, 30), time(14), time(15, 30))


def colleague_calendar(person: Member, seed: int = 1,
                       now: datetime | None = None) -> list[DemoEvent]:
    """`person`'s appointments in the weeks the director's series run, in time order."""
    today = (now or datetime.now(BRUSSELS)).astimezone(BRUSSELS).date()
    monday = monday_of(today)
    first, last = (monday + timedelta(weeks=w) for w in SERIES_WEEKS)
    events = [*_rhythm(person, first, last),
              *(e for e in briefing_events(today) if person in e.attendees)]
    events += _own(person, first, last, events, random.Random(f"{seed}-{person.email}"))
    return sorted(events, key=lambda e: (e.start, e.key))


def _rhythm(person: Member, first: date, last: date) -> list[DemoEvent]:
    events = []
    for slot in (MAT, DC, COLLEGE):
        if person in slot.attendees:
            events += [DemoEvent(f"{slot.code}-{day}", slot.subject, at(day, slot.start),
                                 at(day, slot.end), OWNER, slot.attendees, slot.location)
                       for day in meeting_days(slot, first, last)]
    if person in POLITICIANS:
        events += [DemoEvent(f"raad-{day}", COUNCIL_SUBJECT, at(day, COUNCIL_START),
                             at(day, COUNCIL_END), OWNER, (OWNER, *POLITICIANS), COUNCIL_LOCATION)
                   for day in council_days(first, last)]
    return events


def _own(person: Member, first: date, last: date, taken: list[DemoEvent],
         rng: random.Random) -> list[DemoEvent]:
    """Three to five meetings of their own a week, where the rhythm leaves room."""
    events: list[DemoEvent] = []
    day = first
    while day <= last:
        if not is_working_day(day):
            day += timedelta(days=1)
            continue
        roll = rng.random()
        if roll < 0.03:
            events.append(DemoEvent(f"verlof-{day}", "Verlof", at(day, time(0)),
                                    at(day + timedelta(days=1), time(0)), person, all_day=True,
                                    free_busy="OOF"))
        elif roll < 0.05:
            events.append(DemoEvent(f"prive-{day}", "Privé", at(day, time(12, 30)),
                                    at(day, time(13, 30)), person, private=True))
        for _ in range(rng.choice((0, 1, 1, 2))):
            start = at(day, rng.choice(_OWN_HOURS))
            end = start + timedelta(minutes=rng.choice((30, 60, 60, 90)))
            if any(e.start < end and start < e.end for e in (*taken, *events)):
                continue
            events.append(DemoEvent(
                f"eigen-{start:%Y%m%dT%H%M}", rng.choice(_OWN), start, end, person, (person,),
                "Stadhuis", free_busy="Tentative" if rng.random() < 0.1 else "Busy"))
        day += timedelta(days=1)
    return events


__all__ = ["COLLEAGUES", "colleague_calendar"]
