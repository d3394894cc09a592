"""The reporting matrix: the teams (rows) against a year's cycles (columns), each cell the
team's part with a traffic light, and the counts per cycle. Qt-free and read-only."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from kortrijk_cockpit.domain import (
    OPEN_DELIVERABLES,
    Deliverable,
    DeliverableStatus,
    ReportingCycle,
)
from kortrijk_cockpit.services.reporting import CycleTemplate, year_template
from kortrijk_cockpit.services.reporting_plan import WorkingDays

SOON_WORKING_DAYS = 5  # an open part due within this many working days shows orange


class Light(enum.StrEnum):
    GREEN = "green"  # received or approved
    ORANGE = "orange"  # open, due within five working days
    RED = "red"  # open and overdue
    GREY = "grey"  # open, not due yet


def light(status: DeliverableStatus, due: date, today: date, days: WorkingDays) -> Light:
    if status not in OPEN_DELIVERABLES:
        return Light.GREEN
    if due < today:
        return Light.RED
    if days.working_days_before(due, SOON_WORKING_DAYS) <= today:
        return Light.ORANGE
    return Light.GREY


@dataclass(frozen=True)
class MatrixCell:
    deliverable_id: int
    title: str
    status: DeliverableStatus
    due_date: date
    owner_name: str
    document_name: str
    light: Light


@dataclass(frozen=True)
class MatrixTeam:
    directie: str
    team: str


@dataclass(frozen=True)
class MatrixColumn:
    cycle_id: int
    name: str
    deadline: date | None
    parts: int
    done: int  # received or approved
    late: int  # open and overdue
    soon: int  # open and due within five working days


@dataclass(frozen=True)
class ReportingMatrix:
    year: int
    today: date
    teams: tuple[MatrixTeam, ...]
    columns: tuple[MatrixColumn, ...]
    cells: dict[tuple[int, int], MatrixCell]  # (team row, column) -> the team's part

    def cell(self, row: int, column: int) -> MatrixCell | None:
        return self.cells.get((row, column))


def build_matrix(s: Session, year: int, today: date, days: WorkingDays) -> ReportingMatrix:
    cycles = s.scalars(select(ReportingCycle).where(ReportingCycle.year == year)
                       .order_by(ReportingCycle.deadline, ReportingCycle.id)).all()
    column_of = {c.id: n for n, c in enumerate(cycles)}
    parts = s.scalars(select(Deliverable).where(Deliverable.cycle_id.in_(list(column_of)))
                      .order_by(Deliverable.id)).all() if cycles else []
    teams = sorted({MatrixTeam(d.directie, d.team) for d in parts},
                   key=lambda t: (t.directie.casefold(), t.team.casefold()))
    row_of = {t: n for n, t in enumerate(teams)}
    cells: dict[tuple[int, int], MatrixCell] = {}
    for d in parts:
        key = (row_of[MatrixTeam(d.directie, d.team)], column_of[d.cycle_id])
        cells.setdefault(key, MatrixCell(  # a team's first part of a cycle is its cell
            d.id, d.title, d.status, d.due_date, d.owner_name, d.document_name,
            light(d.status, d.due_date, today, days)))
    columns = []
    for n, c in enumerate(cycles):
        lights = [cell.light for (_, col), cell in cells.items() if col == n]
        columns.append(MatrixColumn(
            c.id, c.name, c.deadline, parts=len(lights), done=lights.count(Light.GREEN),
            late=lights.count(Light.RED), soon=lights.count(Light.ORANGE)))
    return ReportingMatrix(year, today, tuple(teams), tuple(columns), cells)


def templates_to_make(s: Session, year: int) -> list[CycleTemplate]:
    """What "create the year" would still make: the template's cycles not made before."""
    made = set(s.scalars(select(ReportingCycle.template).where(ReportingCycle.year == year)))
    return [t for t in year_template(year) if t.key not in made]
