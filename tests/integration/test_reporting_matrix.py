"""The reporting matrix on SQLite and PostgreSQL: the teams against the year's cycles, a
traffic light per part and the counts per cycle, as the day moves on."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from kortrijk_cockpit.clock import BRUSSELS, FixedClock
from kortrijk_cockpit.domain import DeliverableStatus
from kortrijk_cockpit.services.reporting import ReportingService, Team
from kortrijk_cockpit.services.reporting_matrix import Light
from kortrijk_cockpit.services.reporting_plan import PlanRules
from kortrijk_cockpit.store import Store

TEAMS = (Team("Omgeving", "Ruimtelijke planning", "Annelies Verhaeghe"),
         Team("Financiën", "Financiën", "Nathalie Claeys"))


def on(store: Store, day: date) -> ReportingService:
    clock = FixedClock(datetime.combine(day, time(9), tzinfo=BRUSSELS))
    return ReportingService(store.session_factory, clock, PlanRules(), TEAMS)


def test_the_matrix_counts_received_late_and_soon_parts_per_cycle(store: Store) -> None:
    reporting = on(store, date(2026, 1, 5))
    reporting.create_year(2026)
    empty = reporting.matrix(2027)
    assert (empty.teams, empty.columns) == ((), ())

    matrix = reporting.matrix(2026)
    assert [(t.directie, t.team) for t in matrix.teams] == [
        ("Financiën", "Financiën"), ("Omgeving", "Ruimtelijke planning")]
    names = [c.name for c in matrix.columns]
    assert names[0] == "Overdracht investeringskredieten 2026" and len(names) == 8
    first = matrix.columns[0]
    assert (first.parts, first.done, first.late, first.soon) == (2, 0, 0, 0)
    finance = matrix.cell(0, 0)
    assert finance is not None and finance.light == Light.GREY
    assert finance.owner_name == "Nathalie Claeys"

    reporting.set_status(finance.deliverable_id, DeliverableStatus.RECEIVED)
    due = finance.due_date
    # Two working days before the draft date: the team that has not delivered is orange.
    soon = on(store, reporting.days.working_days_before(due, 2)).matrix(2026)
    assert [soon.cell(r, 0).light for r in range(2)] == [Light.GREEN, Light.ORANGE]  # type: ignore[union-attr]
    assert (soon.columns[0].done, soon.columns[0].soon, soon.columns[0].late) == (1, 1, 0)
    # A week before, it is not due yet: grey.
    early = on(store, reporting.days.working_days_before(due, 6)).matrix(2026)
    assert early.cell(1, 0).light == Light.GREY  # type: ignore[union-attr]
    # The day after, it is late; an approved part stays green.
    reporting.set_status(finance.deliverable_id, DeliverableStatus.APPROVED)
    late = on(store, due + timedelta(days=1)).matrix(2026)
    assert [late.cell(r, 0).light for r in range(2)] == [Light.GREEN, Light.RED]  # type: ignore[union-attr]
    assert (late.columns[0].parts, late.columns[0].done, late.columns[0].late) == (2, 1, 1)


def test_a_year_to_make_lists_only_the_cycles_not_made_before(store: Store) -> None:
    reporting = on(store, date(2026, 1, 5))
    todo, teams = reporting.to_make(2026)
    assert len(todo) == 8 and teams == 2
    reporting.create_year(2026)
    assert reporting.to_make(2026)[0] == []
