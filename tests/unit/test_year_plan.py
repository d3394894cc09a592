"""The year plan's rules, pure: days off and closures skipped, themes spread, warnings."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.services.theme_plan import (
    BBC_MARGIN_DAYS,
    PlanMeeting,
    PlanTheme,
    WarningKind,
    place_themes,
    plan_warnings,
    section_for,
)
from kortrijk_cockpit.services.year_plan import plan_days

MONDAY, THURSDAY = 0, 3
YEAR_2027 = (date(2027, 1, 1), date(2027, 12, 31))


def skipped(weekday: int, year: int, closures: tuple[str, ...] = ()) -> dict[date, str]:
    return {s.day: s.reason for s in plan_days(weekday, year, closures)[1]}


def test_a_monday_series_skips_easter_monday_and_whit_monday_2027() -> None:
    days, _ = plan_days(MONDAY, 2027)
    off = skipped(MONDAY, 2027)
    assert off[date(2027, 3, 29)] == "Paasmaandag"
    assert off[date(2027, 5, 17)] == "Pinkstermaandag"
    assert date(2027, 3, 29) not in days and date(2027, 3, 22) in days
    assert all(d.weekday() == MONDAY and d.year == 2027 for d in days)


def test_a_thursday_series_skips_ascension_and_armistice_2027() -> None:
    off = skipped(THURSDAY, 2027)
    assert off[date(2027, 5, 6)] == "O. L. H. Hemelvaart"
    assert off[date(2027, 11, 11)] == "Wapenstilstand"


def test_the_flemish_community_holiday_is_skipped_in_2030_when_it_is_a_thursday() -> None:
    days, _ = plan_days(THURSDAY, 2030)
    assert date(2030, 7, 11) not in days
    assert skipped(THURSDAY, 2030)[date(2030, 7, 11)] == "Feest van de Vlaamse Gemeenschap"
    assert date(2030, 7, 4) in days and date(2030, 7, 18) in days


def test_closures_are_skipped_with_their_reason() -> None:
    closures = ("2027-07-19/2027-08-13", "2027-12-27/2027-12-31")
    days, _ = plan_days(MONDAY, 2027, closures)
    off = skipped(MONDAY, 2027, closures)
    assert [d for d in off if off[d] == "sluiting"] == [
        date(2027, 7, 19), date(2027, 7, 26), date(2027, 8, 2), date(2027, 8, 9),
        date(2027, 12, 27)]
    assert date(2027, 7, 12) in days and date(2027, 8, 16) in days


def test_a_badly_written_closure_is_refused_in_dutch() -> None:
    with pytest.raises(UserFacingError, match="Sluiting 'zomer'"):
        plan_days(MONDAY, 2027, ("zomer",))


def weekly(first: date, count: int, length: int = 120) -> list[PlanMeeting]:
    return [PlanMeeting(i + 1, first + timedelta(weeks=i), length, 0) for i in range(count)]


def test_a_bbc_milestone_goes_on_the_last_meeting_leaving_the_margin() -> None:
    meetings = weekly(date(2027, 1, 5), 52)
    deadline = date(2027, 6, 30)
    theme = PlanTheme(1, "Jaarrekening", 30, deadline=deadline, is_bbc=True)
    [placement] = place_themes(meetings, [theme], {}, *YEAR_2027)
    day = next(m.day for m in meetings if m.id == placement.meeting_id)
    assert day <= deadline - timedelta(days=BBC_MARGIN_DAYS)
    assert day + timedelta(weeks=1) > deadline - timedelta(days=BBC_MARGIN_DAYS)


def test_recurring_themes_come_up_within_their_cadence_and_never_overload() -> None:
    meetings = weekly(date(2027, 1, 5), 52, length=60)
    themes = [PlanTheme(i, f"Thema {i}", 30, cadence_weeks=4) for i in range(1, 6)]
    placements = place_themes(meetings, themes, {}, *YEAR_2027)
    day = {m.id: m.day for m in meetings}
    load: dict[int, int] = {}
    for p in placements:
        load[p.meeting_id] = load.get(p.meeting_id, 0) + 30
    assert max(load.values()) <= 60
    for theme in themes:
        days = sorted(day[p.meeting_id] for p in placements if p.theme_id == theme.id)
        gaps = [b - a for a, b in zip([date(2026, 12, 31), *days], days, strict=False)]
        assert max(gaps) <= timedelta(weeks=4)
        assert date(2027, 12, 31) - days[-1] < timedelta(weeks=4)
    placed = {t.id: [p.meeting_id for p in placements if p.theme_id == t.id] for t in themes}
    assert plan_warnings(meetings, themes, placed, *YEAR_2027) == []


def test_planning_again_adds_nothing() -> None:
    meetings = weekly(date(2027, 1, 5), 52)
    themes = [PlanTheme(1, "Financiën", 20, cadence_weeks=6),
              PlanTheme(2, "Budget", 30, deadline=date(2027, 10, 1), is_bbc=True)]
    first = place_themes(meetings, themes, {}, *YEAR_2027)
    placed: dict[int, list[int]] = {}
    for p in first:
        placed.setdefault(p.theme_id, []).append(p.meeting_id)
    assert place_themes(meetings, themes, placed, *YEAR_2027) == []


def test_warnings_name_overload_overdue_theme_and_bbc_without_meeting() -> None:
    meetings = [PlanMeeting(1, date(2027, 1, 12), 60, 90),
                PlanMeeting(2, date(2027, 3, 30), 60, 15),
                PlanMeeting(3, date(2027, 9, 7), 60, 0, cancelled=True)]
    themes = [PlanTheme(1, "Personeel", 15, cadence_weeks=6),
              PlanTheme(2, "Opvolgingsrapportering", 30, deadline=date(2027, 9, 30),
                        is_bbc=True)]
    warnings = plan_warnings(meetings, themes, {1: [2], 2: [3]}, *YEAR_2027)
    kinds = {(w.kind, w.day) for w in warnings}
    assert (WarningKind.OVERLOADED, date(2027, 1, 12)) in kinds
    # Nothing in the first six weeks: overdue on 11/2; then again six weeks after 30/3.
    assert (WarningKind.OVERDUE, date(2027, 2, 11)) in kinds
    assert (WarningKind.OVERDUE, date(2027, 5, 11)) in kinds
    # Its only meeting was cancelled: the milestone has no meeting before its deadline.
    bbc = [w for w in warnings if w.kind is WarningKind.BBC_WITHOUT_MEETING]
    assert [w.day for w in bbc] == [date(2027, 9, 30)]
    assert "geen vergadering vóór de deadline van 30/09/2027" in bbc[0].text


def test_a_theme_lands_in_the_section_its_kind_belongs_to() -> None:
    sections = ["Goedkeuring vorig verslag", "Beslissingen en adviezen", "BBC en rapportering",
                "Informatie"]
    assert section_for("decision", False, sections) == "Beslissingen en adviezen"
    assert section_for("discussion", True, sections) == "BBC en rapportering"
    assert section_for("information", False, sections) == "Informatie"
    assert section_for("discussion", False, sections) == ""
