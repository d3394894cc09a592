"""The Opvolging of a meeting keeps the points settled during it: marked afgewerkt at
the MAT of 12 January, a point is still in that meeting's list (as settled), and no
longer in the next one's."""

from __future__ import annotations

from datetime import date

from kortrijk_cockpit.domain import ActionStatus
from kortrijk_cockpit.services.action_points import ActionPointService
from kortrijk_cockpit.services.minutes import MinutesService
from kortrijk_cockpit.store import Store
from tests.ui.minutes_world import FIRST_DAY, SECOND_DAY, at, clock_at, make_minutes_world


def test_a_point_settled_at_a_meeting_stays_in_its_followup(store: Store) -> None:
    world = make_minutes_world(store)
    clock = clock_at(FIRST_DAY)
    minutes = MinutesService(store.session_factory, clock)
    done = minutes.add_action(world.budget, "Reserves uitzoeken", owner_name="Lies Maes",
                              due_date=date(2027, 1, 8)).id
    kept = minutes.add_action(world.budget, "Nota opmaken").id
    elsewhere = minutes.add_action(world.budget, "Elders afgewerkt").id
    clock.moment = at(SECOND_DAY, 10)
    points = ActionPointService(store.session_factory, clock)
    points.set_status(done, ActionStatus.DONE, meeting_id=world.second)
    points.set_status(elsewhere, ActionStatus.DONE)  # settled outside any meeting
    here = minutes.load(world.second)
    assert [p.id for p in here.followup] == [kept, done]  # open first, settled below
    assert here.settled_ids == frozenset({done})
    assert [p.status for p in here.followup] == [ActionStatus.OPEN, ActionStatus.DONE]
    # The meeting where it was born does not list it as settled there.
    assert minutes.load(world.first).settled_ids == frozenset()
    # Reopened: an ordinary open point of this meeting again.
    points.set_status(done, ActionStatus.OPEN, meeting_id=world.second)
    again = minutes.load(world.second)
    assert {p.id for p in again.followup} == {kept, done} and not again.settled_ids
