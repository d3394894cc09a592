"""Planning a reporting cycle backwards from the council: the council's rhythm, days off,
the city's closure weeks and the 8-day rule, each move said in Dutch."""

from __future__ import annotations

from datetime import date

import pytest

from kortrijk_cockpit.domain import MilestoneKind
from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.services.reporting_plan import (
    PlanRules,
    WorkingDays,
    council_dates,
    parse_periods,
    plan_backwards,
)

SUMMER = "2026-07-20/2026-08-14"
CHRISTMAS = "2026-12-24/2027-01-01"


def days(*closures: str) -> WorkingDays:
    return WorkingDays(PlanRules(closures=parse_periods(closures)))


def by_kind(deadline: date, *, council: bool = True, closures: tuple[str, ...] = (),
            agency: bool = False) -> dict[MilestoneKind, object]:
    return {m.kind: m.when for m in plan_backwards(deadline=deadline, via_council=council,
                                                    days=days(*closures), with_agency=agency)}


def test_the_council_meets_the_second_monday_of_each_month_but_august() -> None:
    dates = [c.day for c in council_dates(2026, days())]
    assert len(dates) == 11 and not [d for d in dates if d.month == 8]
    assert dates[:3] == [date(2026, 1, 12), date(2026, 2, 9), date(2026, 3, 9)]
    assert all(d.weekday() == 0 for d in dates)


def test_a_council_on_a_holiday_meets_the_next_working_day_and_says_so() -> None:
    june = next(c for c in council_dates(2025, days()) if c.planned.month == 6)
    assert (june.planned, june.day) == (date(2025, 6, 9), date(2025, 6, 10))  # Pinkstermaandag
    assert june.note == ("De gemeenteraad verschoven van maandag 9 juni 2025 (Pinkstermaandag) "
                         "naar dinsdag 10 juni 2025.")
    november = next(c for c in council_dates(2030, days()) if c.planned.month == 11)
    assert november.day == date(2030, 11, 12) and "Wapenstilstand" in november.note


def test_the_college_is_the_last_one_at_least_eight_days_before_the_council() -> None:
    plan = by_kind(date(2026, 10, 31))
    council, college = plan[MilestoneKind.COUNCIL], plan[MilestoneKind.COLLEGE]
    assert council.day == date(2026, 10, 12)  # type: ignore[attr-defined]
    # The agenda goes out Sunday 4 October at the latest: the college of Monday 28 September.
    assert college.day == date(2026, 9, 28)  # type: ignore[attr-defined]
    assert (council.day - college.day).days >= 8  # type: ignore[attr-defined]
    assert plan[MilestoneKind.MATDC].day < college.day  # type: ignore[attr-defined]
    assert plan[MilestoneKind.DRAFTS].day < plan[MilestoneKind.MATDC].day  # type: ignore[attr-defined]


def test_the_jaarrekening_through_a_whit_monday_college_and_ascension_day() -> None:
    plan = by_kind(date(2026, 6, 30), agency=True)
    assert plan[MilestoneKind.COUNCIL].day == date(2026, 6, 8)  # type: ignore[attr-defined]
    college = plan[MilestoneKind.COLLEGE]
    assert college.day == date(2026, 5, 26) and "Pinkstermaandag" in college.note  # type: ignore[attr-defined]
    assert plan[MilestoneKind.MATDC].day == date(2026, 5, 21)  # type: ignore[attr-defined]
    drafts = plan[MilestoneKind.DRAFTS]
    assert drafts.day == date(2026, 5, 6) and "Hemelvaart" in drafts.note  # type: ignore[attr-defined]
    agency = plan[MilestoneKind.AGENCY]
    assert agency.day == date(2026, 6, 26) and "weekend" in agency.note  # type: ignore[attr-defined]


def test_august_has_no_council_so_september_is_planned_through_the_summer_closure() -> None:
    plan = by_kind(date(2026, 9, 30), closures=(SUMMER,))
    assert plan[MilestoneKind.COUNCIL].day == date(2026, 9, 14)  # type: ignore[attr-defined]
    drafts = plan[MilestoneKind.DRAFTS]
    assert drafts.day == date(2026, 7, 14)  # type: ignore[attr-defined]
    assert "sluitingsperiode 20/07–14/08/2026" in drafts.note  # type: ignore[attr-defined]
    # A deadline in August itself falls back on the July council.
    assert by_kind(date(2026, 8, 31))[MilestoneKind.COUNCIL].day == date(2026, 7, 13)  # type: ignore[attr-defined]


def test_a_milestone_in_a_closure_week_moves_earlier_and_says_why() -> None:
    plan = by_kind(date(2026, 6, 30), closures=("2026-05-18/2026-05-22",))
    matdc = plan[MilestoneKind.MATDC]
    # Thursday 21 May is closed, Thursday 14 May is Ascension: Tuesday 12 May.
    assert matdc.day == date(2026, 5, 12)  # type: ignore[attr-defined]
    assert matdc.note == ("Het MAT/DC vervroegd van donderdag 21 mei 2026 (sluitingsperiode "  # type: ignore[attr-defined]
                          "18/05–22/05/2026) naar dinsdag 12 mei 2026.")


def test_a_college_decision_is_planned_without_a_council() -> None:
    plan = by_kind(date(2026, 3, 1), council=False)
    assert MilestoneKind.COUNCIL not in plan
    assert plan[MilestoneKind.COLLEGE].day == date(2026, 2, 23)  # type: ignore[attr-defined]


def test_closing_days_that_do_not_read_are_refused_in_dutch() -> None:
    with pytest.raises(UserFacingError, match="geen datum"):
        parse_periods(["kerstvakantie"])
    with pytest.raises(UserFacingError, match="eindigt voor ze begint"):
        parse_periods(["2026-12-31/2026-12-24"])
    assert parse_periods([CHRISTMAS, "2026-11-02"])[1] == (date(2026, 11, 2), date(2026, 11, 2))


def test_the_offices_closing_days_and_lead_times_come_from_the_settings() -> None:
    from kortrijk_cockpit.config import Settings

    rules = PlanRules.from_settings(Settings(closing_days=[SUMMER, "2026-11-02"],
                                             draft_working_days_before_matdc=15))
    assert rules.closures[1] == (date(2026, 11, 2), date(2026, 11, 2))
    plan = {m.kind: m.when for m in plan_backwards(deadline=date(2026, 9, 30), via_council=True,
                                                    days=WorkingDays(rules))}
    assert plan[MilestoneKind.DRAFTS].day < date(2026, 7, 14)  # 15 working days, not 10
    assert WorkingDays(rules).why_off(date(2026, 11, 2)) in ("Allerzielen",
                                                             "sluitingsdag van de stad")
