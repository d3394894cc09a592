"""A MAT series with three members, two meetings a week apart, and the panels' plumbing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from kortrijk_cockpit.clock import BRUSSELS, FixedClock
from kortrijk_cockpit.domain import (
    AgendaItem,
    Meeting,
    MeetingSeries,
    MinutesVersion,
    Person,
    SeriesMember,
)
from kortrijk_cockpit.store import Store

MEMBERS = ("Sofie Declercq", "Koen Vandamme", "Lies Maes")


def at(day: date, hour: int) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=BRUSSELS)


FIRST_DAY, SECOND_DAY = date(2027, 1, 5), date(2027, 1, 12)  # Tuesdays


@dataclass(frozen=True)
class MinutesWorld:
    first: int  # MAT of 5 January
    second: int  # MAT of 12 January
    budget: int  # an item of the first meeting
    approval: int  # "Goedkeuring verslag" of the first, on the second
    staff: int  # an item of the second meeting


def make_minutes_world(store: Store) -> MinutesWorld:
    with store.session_factory.begin() as s:
        people = [Person(full_name=n, email=f"{n.split()[0].lower()}@kortrijk.be")
                  for n in MEMBERS]
        # Not a member: completes only after the members.
        s.add(Person(full_name="Koenraad Peeters", email="koenraad@kortrijk.be"))
        s.add_all(people)
        mat = MeetingSeries(code="MAT", name="Managementteam", weekday=1, start_time="09:00")
        s.add(mat)
        s.flush()
        s.add_all(SeriesMember(series_id=mat.id, person_id=p.id, position=i)
                  for i, p in enumerate(people))
        first = Meeting(series_id=mat.id, title="MAT", starts_at=at(FIRST_DAY, 9),
                        ends_at=at(FIRST_DAY, 11))
        second = Meeting(series_id=mat.id, title="MAT", starts_at=at(SECOND_DAY, 9),
                         ends_at=at(SECOND_DAY, 11))
        s.add_all([first, second])
        s.flush()
        budget = AgendaItem(meeting_id=first.id, position=0, title="Begrotingswijziging")
        approval = AgendaItem(meeting_id=second.id, position=0,
                              title="Goedkeuring verslag MAT 05/01/2027",
                              approves_meeting_id=first.id)
        staff = AgendaItem(meeting_id=second.id, position=1, title="Personeel")
        s.add_all([budget, approval, staff])
        s.add(MinutesVersion(meeting_id=first.id, number=1, created_by="Annelies"))
        s.flush()
        return MinutesWorld(first.id, second.id, budget.id, approval.id, staff.id)


def clock_at(day: date, hour: int = 10) -> FixedClock:
    return FixedClock(at(day, hour))
