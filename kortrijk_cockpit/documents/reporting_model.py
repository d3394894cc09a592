"""The year's reporting matrix in plain values (Dutch labels already), for the Excel and
PDF exports: teams down, cycles across, a status per cell, the milestones per cycle."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date

from kortrijk_cockpit.domain import DeliverableStatus

STATUS_LABELS = {DeliverableStatus.REQUESTED: "gevraagd",
                 DeliverableStatus.IN_PROGRESS: "in opmaak",
                 DeliverableStatus.RECEIVED: "ontvangen",
                 DeliverableStatus.APPROVED: "goedgekeurd"}


class Light(enum.StrEnum):
    """The traffic light of a cell."""

    GREEN = "groen"  # received or approved
    ORANGE = "oranje"  # open, still in time
    RED = "rood"  # open and past its due date


@dataclass(frozen=True)
class MatrixCell:
    title: str
    status: DeliverableStatus
    due: date
    owner: str
    document: str
    late: bool

    @property
    def light(self) -> Light:
        if self.status not in (DeliverableStatus.REQUESTED, DeliverableStatus.IN_PROGRESS):
            return Light.GREEN
        return Light.RED if self.late else Light.ORANGE

    @property
    def label(self) -> str:
        return "te laat" if self.late else STATUS_LABELS[self.status]


@dataclass(frozen=True)
class MatrixMilestone:
    title: str
    due_on: date
    note: str  # why it moved, Dutch; empty when it stayed where the rule put it


@dataclass(frozen=True)
class MatrixCycle:
    name: str
    deadline: date | None
    milestones: tuple[MatrixMilestone, ...]


@dataclass(frozen=True)
class MatrixRow:
    directie: str
    team: str
    owner: str
    cells: tuple[MatrixCell | None, ...]  # one per cycle, None: nothing asked of this team


@dataclass(frozen=True)
class LatePart:
    """Who owes what: the line the management team reads first."""

    owner: str
    team: str
    title: str
    cycle: str
    due: date
    days_late: int


@dataclass(frozen=True)
class ReportingMatrix:
    title: str
    today: date
    cycles: tuple[MatrixCycle, ...]
    rows: tuple[MatrixRow, ...]
    late: tuple[LatePart, ...]  # most days late first

    def count(self, light: Light) -> int:
        return sum(cell is not None and cell.light == light
                   for row in self.rows for cell in row.cells)


def day(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""
