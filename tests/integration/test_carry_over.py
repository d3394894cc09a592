"""Follow-up carried to the next overleg, on SQLite and PostgreSQL: within a series (also
onto meetings the year plan made a year ahead), routed to another series or meeting with
its origin kept, and never again once done or cancelled."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select

from kortrijk_cockpit.clock import BRUSSELS, FixedClock
from kortrijk_cockpit.domain import ActionPoint, ActionStatus, Meeting, MeetingSeries
from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.services.carry_over import CarryOverService
from kortrijk_cockpit.services.year_plan import YearPlanService
from kortrijk_cockpit.store import Store


def plan_year(store: Store) -> dict[str, dict[date, int]]:
    """MAT on Tuesdays and DC on Thursdays for all of 2027, generated now (November 2026)."""
    with store.session_factory.begin() as s:
        mat = MeetingSeries(code="MAT", name="Managementteam", weekday=1, start_time="09:00",
                            duration_minutes=120)
        dc = MeetingSeries(code="DC", name="Directiecomité", weekday=3, start_time="14:00",
                           duration_minutes=90)
        s.add_all([mat, dc])
        s.flush()
        ids = {"MAT": mat.id, "DC": dc.id}
    plan = YearPlanService(store.session_factory)
    for series_id in ids.values():
        plan.generate(series_id, 2027)
    with store.session() as s:
        found: dict[str, dict[date, int]] = {"MAT": {}, "DC": {}}
        for meeting in s.scalars(select(Meeting)):
            code = "MAT" if meeting.series_id == ids["MAT"] else "DC"
            found[code][meeting.starts_at.astimezone(BRUSSELS).date()] = meeting.id
        return found


def add_point(store: Store, title: str, origin: int, *, owner: str = "Sofie Declercq",
              status: ActionStatus = ActionStatus.OPEN, due: date | None = None) -> int:
    with store.session_factory.begin() as s:
        point = ActionPoint(title=title, owner_name=owner, origin_meeting_id=origin,
                            status=status, due_date=due)
        s.add(point)
        s.flush()
        return point.id


def titles(carry: CarryOverService, meeting_id: int) -> list[str]:
    return [p.title for p in carry.open_points_for(meeting_id)]


def at(day: date, hour: int) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=BRUSSELS)


def test_open_points_carry_from_meeting_to_meeting_of_the_year_plan(
        store: Store, clock: FixedClock) -> None:
    meetings = plan_year(store)  # clock: 23/11/2026, the whole of 2027 made in advance
    mat = meetings["MAT"]
    first, second, third, fourth = (date(2027, 1, d) for d in (5, 12, 19, 26))
    carry = CarryOverService(store.session_factory, clock)
    clock.moment = at(first, 12)  # the first MAT of the year is over
    add_point(store, "Nota telewerk herwerken", mat[first], due=date(2027, 1, 15))
    add_point(store, "Budget jeugdwerking", mat[first], due=date(2027, 1, 10))
    add_point(store, "Offerte drukwerk", mat[first], status=ActionStatus.DONE)
    add_point(store, "Verhuis archief", mat[first], status=ActionStatus.CANCELLED)

    # On the next MAT, earliest deadline first, with where they came from.
    points = carry.open_points_for(mat[second])
    assert [p.title for p in points] == ["Budget jeugdwerking", "Nota telewerk herwerken"]
    assert {(p.origin, p.route, p.is_routed) for p in points} == {
        ("MAT 05/01/2027", "opvolging MAT", False)}
    assert titles(carry, mat[third]) == []  # not its turn yet
    assert titles(carry, meetings["DC"][date(2027, 1, 7)]) == []  # another series

    # Not done on the 12th: they come back on the 19th; the 12th itself no longer lists them.
    clock.moment = at(second, 12)
    assert titles(carry, mat[third]) == ["Budget jeugdwerking", "Nota telewerk herwerken"]
    assert titles(carry, mat[second]) == []
    # One is done; the 19th is cancelled: the other goes on to the 26th.
    with store.session_factory.begin() as s:
        done = s.scalar(select(ActionPoint).where(ActionPoint.title == "Budget jeugdwerking"))
        assert done is not None
        done.status = ActionStatus.DONE
    YearPlanService(store.session_factory).cancel(mat[third])
    assert titles(carry, mat[fourth]) == ["Nota telewerk herwerken"]

    # Late in the year: a point born in November comes back at the last MAT, made a year ago.
    last, before_last = sorted(mat)[-1], sorted(mat)[-2]
    clock.moment = at(before_last, 12)
    add_point(store, "Evaluatie kerstmarkt", mat[before_last])
    assert titles(carry, mat[last]) == ["Nota telewerk herwerken", "Evaluatie kerstmarkt"]


def test_agenderen_op_routes_to_another_series_or_meeting_and_keeps_the_origin(
        store: Store, clock: FixedClock) -> None:
    meetings = plan_year(store)
    mat, dc = meetings["MAT"], meetings["DC"]
    carry = CarryOverService(store.session_factory, clock)
    clock.moment = at(date(2027, 1, 5), 12)
    point = add_point(store, "Dossier sporthal", mat[date(2027, 1, 5)])

    changes = carry.route(point, "DC")
    assert changes.action_points.updated == frozenset({point})
    assert changes.meetings.updated == frozenset({mat[date(2027, 1, 12)], dc[date(2027, 1, 7)]})
    assert titles(carry, mat[date(2027, 1, 12)]) == []
    [routed] = carry.open_points_for(dc[date(2027, 1, 7)])
    assert (routed.origin, routed.route, routed.is_routed) == (
        "MAT 05/01/2027", "agenderen op DC", True)

    carry.route(point, dc[date(2027, 1, 21)])  # a meeting chosen
    assert titles(carry, dc[date(2027, 1, 7)]) == []
    [pinned] = carry.open_points_for(dc[date(2027, 1, 21)])
    assert (pinned.origin, pinned.route) == ("MAT 05/01/2027", "agenderen op DC 21/01/2027")
    with store.session() as s:
        row = s.get(ActionPoint, point)
        assert row is not None and row.origin_meeting_id == mat[date(2027, 1, 5)]

    # Still open after that DC: it carries on in DC, not back to MAT.
    clock.moment = at(date(2027, 1, 21), 18)
    assert titles(carry, dc[date(2027, 1, 28)]) == ["Dossier sporthal"]
    assert titles(carry, mat[date(2027, 1, 26)]) == []

    # Back to its own series: the next MAT.
    carry.route(point, "MAT")
    [back] = carry.open_points_for(mat[date(2027, 1, 26)])
    assert (back.route, back.is_routed) == ("opvolging MAT", False)


def test_routing_refuses_in_dutch(store: Store, clock: FixedClock) -> None:
    meetings = plan_year(store)
    mat = meetings["MAT"]
    carry = CarryOverService(store.session_factory, clock)
    clock.moment = at(date(2027, 1, 12), 12)
    done = add_point(store, "Klaar", mat[date(2027, 1, 5)], status=ActionStatus.DONE)
    open_ = add_point(store, "Open", mat[date(2027, 1, 5)])
    with pytest.raises(UserFacingError, match="afgewerkt"):
        carry.route(done, "DC")
    with pytest.raises(UserFacingError, match="geen overleg \"XYZ\""):
        carry.route(open_, "XYZ")
    with pytest.raises(UserFacingError, match="al voorbij"):
        carry.route(open_, mat[date(2027, 1, 5)])
    YearPlanService(store.session_factory).cancel(mat[date(2027, 1, 19)])
    with pytest.raises(UserFacingError, match="geannuleerd"):
        carry.route(open_, mat[date(2027, 1, 19)])
    assert titles(carry, mat[date(2027, 1, 26)]) == ["Open"]
