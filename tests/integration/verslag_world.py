"""A MAT with typed minutes for the verslag tests: three members (one excused), three
items (the second confidential) with besluiten and action points, a point from December
that came back and was settled, and the year plan's next meetings made long before (the
first of them cancelled)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from kortrijk_cockpit.clock import BRUSSELS, FixedClock
from kortrijk_cockpit.domain import (
    ActionPoint,
    ActionStatus,
    AgendaItem,
    AttendanceStatus,
    Meeting,
    MeetingSeries,
    MeetingStatus,
    Person,
    SeriesMember,
)
from kortrijk_cockpit.services.action_points import ActionPointService
from kortrijk_cockpit.services.minutes import MinutesService
from kortrijk_cockpit.services.verslag import VerslagService
from kortrijk_cockpit.store import Store

SECRET = "Tuchtdossier medewerker X"
SECRET_DECISION = "Schorsing van drie dagen."
SECRET_ACTION = "Betrokkene schriftelijk horen"
BUDGET_DECISION = "Het MAT keurt de begrotingswijziging goed."
BUDGET_ACTION = "Nota aanpassen voor de gemeenteraad"
BUDGET_NOTES = "Toelichting door Koen Vandamme. Vraag over de reserves."
OLD_POINT = "Offerte schoonmaak opvragen"


def at(day: date, hour: int) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=BRUSSELS)


@dataclass(frozen=True)
class World:
    series_id: int
    december: int
    meeting: int  # 5 January 2027: the minutes of this one
    cancelled: int  # 12 January: cancelled in the year plan
    next_meeting: int  # 19 January: made by the year plan in November
    items: list[int]
    old_point: int


def seed(store: Store, clock: FixedClock) -> World:
    with store.session_factory.begin() as s:
        people = [Person(full_name=n, email=f"{n.split()[0].lower()}@kortrijk.be")
                  for n in ("Sofie Declercq", "Koen Vandamme", "Lies Maes")]
        s.add_all(people)
        mat = MeetingSeries(code="MAT", name="Managementteam", weekday=1, start_time="09:00",
                            location="Schepenzaal",
                            agenda_sections=["Verslag en opvolging", "Ter beslissing"])
        s.add(mat)
        s.flush()
        s.add_all(SeriesMember(series_id=mat.id, person_id=p.id, position=i)
                  for i, p in enumerate(people))

        def meeting(day: date, status: MeetingStatus = MeetingStatus.PLANNED) -> Meeting:
            m = Meeting(series_id=mat.id, title="MAT", starts_at=at(day, 9),
                        ends_at=at(day, 11), status=status)
            s.add(m)
            return m

        december = meeting(date(2026, 12, 15), MeetingStatus.HELD)
        first = meeting(date(2027, 1, 5), MeetingStatus.AGENDA_SENT)
        cancelled = meeting(date(2027, 1, 12), MeetingStatus.CANCELLED)
        following = meeting(date(2027, 1, 19))
        s.flush()
        items = [AgendaItem(meeting_id=first.id, position=i, title=t, is_confidential=secret)
                 for i, (t, secret) in enumerate((("Begrotingswijziging 2027", False),
                                                  (SECRET, True), ("Varia", False)))]
        s.add_all(items)
        s.add(AgendaItem(meeting_id=following.id, position=0, title="Personeelsplan"))
        old = ActionPoint(title=OLD_POINT, owner_name="Lies Maes", due_date=date(2027, 1, 4),
                          origin_meeting_id=december.id, created_at=at(date(2026, 12, 15), 10))
        s.add(old)
        s.flush()
        ids = World(mat.id, december.id, first.id, cancelled.id, following.id,
                    [i.id for i in items], old.id)

    clock.moment = at(date(2027, 1, 5), 10)
    minutes = MinutesService(store.session_factory, clock, actor="Annelies")
    minutes.load(ids.meeting)
    minutes.set_attendance(ids.meeting, "Lies Maes", AttendanceStatus.EXCUSED)
    budget, secret, _ = ids.items
    minutes.save_item(budget, BUDGET_NOTES, BUDGET_DECISION, None)
    minutes.add_action(budget, BUDGET_ACTION, owner_name="Koen Vandamme",
                       due_date=date(2027, 1, 15))
    minutes.save_item(secret, "Besproken achter gesloten deuren.", SECRET_DECISION, None)
    minutes.add_action(secret, SECRET_ACTION, owner_name="Sofie Declercq",
                       due_date=date(2027, 1, 8))
    points = ActionPointService(store.session_factory, clock, actor="Annelies")
    points.discussed(ids.old_point, ids.meeting, "offerte ontvangen")
    points.set_status(ids.old_point, ActionStatus.DONE, meeting_id=ids.meeting)
    clock.moment = at(date(2027, 1, 5), 14)
    return ids


def service(store: Store, clock: FixedClock, folder: Path,
            template: Path | None = None) -> VerslagService:
    return VerslagService(store.session_factory, clock, folder, lambda: template,
                          actor="Annelies")
