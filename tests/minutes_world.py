"""A MAT meeting of 5 January 2027 with three members and three agenda items, for the
minutes window tests (in this process and in a real app process)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session, sessionmaker

from kortrijk_cockpit.clock import BRUSSELS
from kortrijk_cockpit.domain import AgendaItem, Meeting, MeetingSeries, Person, SeriesMember

MEMBERS = ("Sofie Declercq", "Koen Vandamme", "Lies Maes")


@dataclass(frozen=True)
class MinutesWorld:
    meeting_id: int
    later_meeting_id: int
    item_ids: list[int]


def at(day: date, hour: int) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=BRUSSELS)


def seed_minutes_world(sessions: sessionmaker[Session]) -> MinutesWorld:
    with sessions.begin() as s:
        people = [Person(full_name=n, email=f"{n.split()[0].lower()}@kortrijk.be")
                  for n in MEMBERS]
        s.add_all(people)
        mat = MeetingSeries(code="MAT", name="Managementteam", weekday=1, start_time="09:00")
        s.add(mat)
        s.flush()
        s.add_all(SeriesMember(series_id=mat.id, person_id=p.id, position=i)
                  for i, p in enumerate(people))
        first = Meeting(series_id=mat.id, title="MAT", starts_at=at(date(2027, 1, 5), 9),
                        ends_at=at(date(2027, 1, 5), 11))
        later = Meeting(series_id=mat.id, title="MAT", starts_at=at(date(2027, 1, 12), 9),
                        ends_at=at(date(2027, 1, 12), 11))
        s.add_all([first, later])
        s.flush()
        items = [AgendaItem(meeting_id=first.id, position=i, title=t,
                            is_confidential=t == "Personeel")
                 for i, t in enumerate(("Begrotingswijziging", "Personeel", "Varia"))]
        s.add_all(items)
        s.flush()
        return MinutesWorld(first.id, later.id, [i.id for i in items])
