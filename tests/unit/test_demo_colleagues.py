"""The colleagues' demo calendars: the office's rhythm, their own meetings, no clashes."""

from __future__ import annotations

from datetime import datetime, time

from kortrijk_cockpit.demo_office import BRUSSELS, DC, MAT, OWNER, member
from kortrijk_cockpit.demo_office.colleagues import COLLEAGUES, colleague_calendar
from kortrijk_cockpit.demo_office.rhythm import is_working_day

NOW = datetime(2026, 3, 25, 8, 0, tzinfo=BRUSSELS)


def test_every_internal_colleague_but_the_director_has_a_calendar() -> None:
    assert OWNER not in COLLEAGUES
    assert all(m.email.endswith("@kortrijk.be") for m in COLLEAGUES)
    assert member("Sofie Vandenbroucke") in COLLEAGUES
    assert all(colleague_calendar(m, now=NOW) for m in COLLEAGUES)


def test_mat_and_dc_members_sit_in_every_meeting_at_9_on_the_brussels_clock() -> None:
    sofie = colleague_calendar(member("Sofie Vandenbroucke"), now=NOW)
    for slot in (MAT, DC):
        days = [e.start.astimezone(BRUSSELS) for e in sofie if e.subject == slot.subject]
        assert len(days) > 30
        assert {d.time() for d in days} == {time(9)}  # winter and summer time alike
        assert {d.weekday() for d in days} == {slot.weekday}
        assert all(is_working_day(d.date()) for d in days)


def test_own_meetings_never_clash_and_are_the_same_for_the_same_seed() -> None:
    for person in COLLEAGUES:
        events = colleague_calendar(person, seed=3, now=NOW)
        own = [e for e in events if e.key.startswith("eigen-")]
        assert own, person.name
        for e in own:
            assert all(not (o.start < e.end and e.start < o.end)
                       for o in events if o is not e and not o.all_day), (person.name, e)
        assert events == colleague_calendar(person, seed=3, now=NOW)
    statuses = {e.free_busy for p in COLLEAGUES for e in colleague_calendar(p, now=NOW)}
    assert statuses == {"Busy", "Tentative", "OOF"}
