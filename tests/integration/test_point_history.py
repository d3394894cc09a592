"""An action point's history on SQLite and PostgreSQL after "Agenderen op" and status
changes: the route from its origin to where it comes back, and each step in order; the
Opvolging rows and Vandaag's "comes back" read the same."""

from __future__ import annotations

from datetime import date

from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.domain import ActionStatus
from kortrijk_cockpit.services.action_points import ActionPointService
from kortrijk_cockpit.services.carry_over import CarryOverService
from kortrijk_cockpit.services.followup_points import FollowupPointsService
from kortrijk_cockpit.services.meeting_agenda import MeetingAgendaService
from kortrijk_cockpit.services.visits import VisitService
from kortrijk_cockpit.store import Store
from tests.integration.test_carry_over import add_point, at, plan_year

FIRST_MAT, DC = date(2027, 1, 5), date(2027, 1, 14)


def test_history_after_route_and_status(store: Store, clock: FixedClock) -> None:
    meetings = plan_year(store)
    clock.moment = at(FIRST_MAT, 12)
    point = add_point(store, "Nota telewerk", meetings["MAT"][FIRST_MAT], due=date(2027, 1, 8))
    sessions = store.session_factory
    points = ActionPointService(sessions, clock, "Lien")
    targets = FollowupPointsService(sessions, clock)
    choices = targets.route_targets()
    assert [c.label for c in choices[:2]] == ["volgende DC", "volgende MAT"]
    assert any(c.label == "DC 14/01/2027" and c.target == meetings["DC"][DC] for c in choices)

    CarryOverService(sessions, clock).route(point, meetings["DC"][DC])
    points.set_status(point, ActionStatus.IN_PROGRESS)
    # Overleg's "Opvolging" list of the DC shows where it came from and how it got there.
    offered = MeetingAgendaService(sessions, clock).agenda(meetings["DC"][DC]).offered
    assert [(o.title, o.origin, o.route) for o in offered] == [
        ("Nota telewerk", "MAT 05/01/2027", "agenderen op DC 14/01/2027")]
    history = points.history(point)
    assert history.route == ("ontstaan op MAT 05/01/2027", "agenderen op DC 14/01/2027",
                             "komt terug op DC 14/01/2027")
    assert [line.text for line in history.lines] == [
        "agenderen op DC 14/01/2027", "status open → lopend"]
    assert history.lines[-1].actor == "Lien"

    row = next(r for r in VisitService(sessions, clock).open_items() if r.is_action_point)
    assert (row.action_point_id, row.status, row.origin, row.comes_back_at, row.overdue) == (
        point, ActionStatus.IN_PROGRESS, "MAT 05/01/2027", "DC 14/01/2027", False)
    # Pinned to the DC of the 14th: the next DC (the 7th) does not have it, the next of
    # the series does.
    back = {c.series_code: c for c in targets.coming_back(["MAT", "DC"])}
    assert (back["DC"].meeting_id, back["DC"].count) == (meetings["DC"][date(2027, 1, 7)], 0)
    CarryOverService(sessions, clock).route(point, "DC")
    back = {c.series_code: c for c in targets.coming_back(["MAT", "DC"])}
    assert (back["DC"].meeting_id, back["DC"].count, back["DC"].first_titles) == (
        meetings["DC"][date(2027, 1, 7)], 1, ("Nota telewerk",))
    assert back["MAT"].count == 0

    points.set_status(point, ActionStatus.DONE)
    history = points.history(point)
    assert history.lines[-1].text == "status lopend → afgewerkt"
    assert history.comes_back_at == "" and history.route[-1] == "agenderen op DC 07/01/2027"
    assert all(c.count == 0 for c in targets.coming_back(["MAT", "DC"]))
