"""The minutes as they are typed, on SQLite and PostgreSQL: attendance from the series'
members, an item's notes and besluit saved and refused when stale (team mode: both texts
come back), action points typed inline born in this meeting with their history, and a
locked verslag that no longer changes."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from kortrijk_cockpit.clock import BRUSSELS, FixedClock
from kortrijk_cockpit.domain import (
    ActionStatus,
    AgendaItem,
    AttendanceStatus,
    Meeting,
    MeetingSeries,
    Person,
    SeriesMember,
)
from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.services.action_points import ActionPointService
from kortrijk_cockpit.services.carry_over import CarryOverService
from kortrijk_cockpit.services.minutes import MinutesConflict, MinutesService
from kortrijk_cockpit.store import Store


def at(day: date, hour: int) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=BRUSSELS)


def world(store: Store) -> tuple[int, int, int, list[int]]:
    """A MAT series with three members, two meetings (5 and 12 January) and two items."""
    with store.session_factory.begin() as s:
        people = [Person(full_name=n, email=f"{n.split()[0].lower()}@kortrijk.be")
                  for n in ("Sofie Declercq", "Koen Vandamme", "Lies Maes")]
        s.add_all(people)
        mat = MeetingSeries(code="MAT", name="Managementteam", weekday=1, start_time="09:00")
        s.add(mat)
        s.flush()
        s.add_all(SeriesMember(series_id=mat.id, person_id=p.id, position=i)
                  for i, p in enumerate(people))
        first = Meeting(series_id=mat.id, title="MAT", starts_at=at(date(2027, 1, 5), 9),
                        ends_at=at(date(2027, 1, 5), 11))
        second = Meeting(series_id=mat.id, title="MAT", starts_at=at(date(2027, 1, 12), 9),
                         ends_at=at(date(2027, 1, 12), 11))
        s.add_all([first, second])
        s.flush()
        items = [AgendaItem(meeting_id=first.id, position=i, title=t)
                 for i, t in enumerate(("Begrotingswijziging", "Personeel"))]
        s.add_all(items)
        s.flush()
        return mat.id, first.id, second.id, [i.id for i in items]


def test_attendance_starts_from_the_members_and_one_change_is_kept(
        store: Store, clock: FixedClock) -> None:
    _, first, _, _ = world(store)
    clock.moment = at(date(2027, 1, 5), 9)
    minutes = MinutesService(store.session_factory, clock)
    loaded = minutes.load(first)
    assert [(a.name, a.status) for a in loaded.attendance] == [
        ("Sofie Declercq", AttendanceStatus.PRESENT), ("Koen Vandamme", AttendanceStatus.PRESENT),
        ("Lies Maes", AttendanceStatus.PRESENT)]
    minutes.set_attendance(first, "Koen Vandamme", AttendanceStatus.EXCUSED)
    minutes.set_attendance(first, "Jan Gast", AttendanceStatus.PRESENT)
    again = minutes.load(first)
    assert [(a.name, a.status) for a in again.attendance][1:] == [
        ("Koen Vandamme", AttendanceStatus.EXCUSED), ("Lies Maes", AttendanceStatus.PRESENT),
        ("Jan Gast", AttendanceStatus.PRESENT)]


def test_a_stale_save_of_the_same_item_is_refused_with_both_texts(
        store: Store, clock: FixedClock) -> None:
    _, first, _, [budget, _] = world(store)
    clock.moment = at(date(2027, 1, 5), 9)
    mine = MinutesService(store.session_factory, clock, actor="Annelies")
    theirs = MinutesService(store.session_factory, clock, actor="Bart")
    v1 = mine.save_item(budget, "Toelichting door Sofie.", "", None).version
    # Both sessions start from v1; Bart saves first.
    theirs.save_item(budget, "Toelichting door Sofie. Vraag over de reserves.", "", v1)
    with pytest.raises(MinutesConflict) as refused:
        mine.save_item(budget, "Toelichting door Sofie.", "Goedgekeurd.", v1)
    conflict = refused.value
    assert "Bart" in str(conflict)
    assert conflict.mine == ("Toelichting door Sofie.", "Goedgekeurd.")
    assert conflict.theirs == ("Toelichting door Sofie. Vraag over de reserves.", "")
    stored = mine.load(first).items[0]
    assert stored.notes == "Toelichting door Sofie. Vraag over de reserves."  # nothing lost
    # Keeping mine on purpose: saved on their version.
    kept = mine.save_item(budget, "Toelichting door Sofie.", "Goedgekeurd.",
                          conflict.theirs_version)
    assert mine.load(first).items[0].decision == "Goedgekeurd."
    assert kept.version == conflict.theirs_version + 1


def test_action_points_typed_in_the_minutes_come_back_at_the_next_meeting(
        store: Store, clock: FixedClock) -> None:
    _, first, second, [budget, _] = world(store)
    clock.moment = at(date(2027, 1, 5), 10)
    minutes = MinutesService(store.session_factory, clock)
    new = minutes.add_action(budget, "Reserves uitzoeken", owner_name="Lies Maes",
                             due_date=date(2027, 1, 8))
    [item, _] = minutes.load(first).items
    [action] = item.actions
    assert (action.title, action.owner_name, action.due_date) == (
        "Reserves uitzoeken", "Lies Maes", date(2027, 1, 8))
    assert action.owner_person_id is not None  # matched to the person, for reminders
    carried = CarryOverService(store.session_factory, clock).open_points_for(second)
    assert [p.title for p in carried] == ["Reserves uitzoeken"]
    assert [p.title for p in minutes.load(second).followup] == ["Reserves uitzoeken"]

    points = ActionPointService(store.session_factory, clock)
    clock.moment = at(date(2027, 1, 12), 10)
    minutes.edit_action(new.id, title="Reserves uitzoeken", owner_name="Koen Vandamme",
                        owner_person_id=None, due_date=date(2027, 1, 15))
    points.set_status(new.id, ActionStatus.DONE)
    history = points.history(new.id)
    assert [line.text for line in history.lines] == [
        "aangemaakt - op MAT: Begrotingswijziging",
        "eigenaar Lies Maes → Koen Vandamme",
        "deadline 08/01/2027 → 15/01/2027",
        "status open → afgewerkt",
    ]
    assert history.route == ("ontstaan op MAT 05/01/2027",)


def test_a_locked_verslag_refuses_every_change_in_dutch(
        store: Store, clock: FixedClock) -> None:
    _, first, _, [budget, _] = world(store)
    clock.moment = at(date(2027, 1, 12), 10)
    with store.session_factory.begin() as s:
        meeting = s.get(Meeting, first)
        assert meeting is not None
        meeting.minutes_locked_at = clock.moment
    minutes = MinutesService(store.session_factory, clock)
    assert minutes.load(first).locked
    for write in (lambda: minutes.save_item(budget, "x", "", None),
                  lambda: minutes.set_attendance(first, "Lies Maes", AttendanceStatus.ABSENT),
                  lambda: minutes.add_action(budget, "x")):
        with pytest.raises(UserFacingError, match="goedgekeurd en kan niet meer wijzigen"):
            write()


def test_approving_the_verslag_at_the_next_meeting_locks_the_earlier_minutes(
        store: Store, clock: FixedClock) -> None:
    from kortrijk_cockpit.domain import MinutesVersion

    _, first, second, [budget, _] = world(store)
    clock.moment = at(date(2027, 1, 12), 9)
    with store.session_factory.begin() as s:
        s.add(MinutesVersion(meeting_id=first, number=1))
        approval = AgendaItem(meeting_id=second, position=0, title="Goedkeuring verslag",
                              approves_meeting_id=first)
        s.add(approval)
        s.flush()
        approval_id = approval.id
    minutes = MinutesService(store.session_factory, clock)
    minutes.save_item(budget, "Laatste correctie.", "", None)  # still open before approval
    changes = minutes.approve_verslag(approval_id)
    assert changes.meetings.updated == frozenset({first, second})
    assert minutes.load(first).locked and not minutes.load(second).locked
    with store.session() as s:
        [version] = s.query(MinutesVersion).all()
        assert version.approved_in_meeting_id == second and version.approved_at is not None
    with pytest.raises(UserFacingError, match="goedgekeurd"):
        minutes.save_item(budget, "Nog iets.", "", None)
