"""The year's reporting matrix out of the app, for the management team: gathered here from
the cycles (`ReportingService.cycles`) and their parts, written by `documents`."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kortrijk_cockpit.clock import BRUSSELS, Clock
from kortrijk_cockpit.documents import reporting_pdf, reporting_xlsx
from kortrijk_cockpit.documents.reporting_model import (
    LatePart,
    MatrixCell,
    MatrixCycle,
    MatrixMilestone,
    MatrixRow,
    ReportingMatrix,
)
from kortrijk_cockpit.domain import OPEN_DELIVERABLES, Deliverable, ReportingCycle
from kortrijk_cockpit.services.reporting import ReportingService


def file_name(year: int, suffix: str) -> str:
    return f"Rapportering {year}{suffix}"


class ReportingExportService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock,
                 reporting: ReportingService) -> None:
        self._sessions = sessions
        self._clock = clock
        self._reporting = reporting

    def matrix(self, year: int) -> ReportingMatrix:
        """Teams (directie, team) in order down, the year's cycles by deadline across."""
        today = self._clock.now().astimezone(BRUSSELS).date()
        cycles = self._reporting.cycles(year)
        column = {c.id: i for i, c in enumerate(cycles)}
        with self._sessions() as s:
            parts = s.scalars(select(Deliverable).join(ReportingCycle)
                              .where(ReportingCycle.year == year)
                              .order_by(Deliverable.directie, Deliverable.team,
                                        Deliverable.id)).all()
            teams: dict[tuple[str, str], list[MatrixCell | None]] = {}
            owners: dict[tuple[str, str], str] = {}
            late: list[LatePart] = []
            for part in parts:
                key = (part.directie, part.team)
                cells = teams.setdefault(key, [None] * len(cycles))
                is_late = part.status in OPEN_DELIVERABLES and part.due_date < today
                cells[column[part.cycle_id]] = MatrixCell(
                    part.title, part.status, part.due_date, part.owner_name,
                    part.document_name, is_late)
                owners[key] = part.owner_name  # the latest part's owner
                if is_late:
                    late.append(LatePart(part.owner_name, part.team, part.title,
                                         cycles[column[part.cycle_id]].name, part.due_date,
                                         (today - part.due_date).days))
        late.sort(key=lambda p: (-p.days_late, p.owner, p.title))
        return ReportingMatrix(
            title=f"Rapportering {year}",
            today=today,
            cycles=tuple(MatrixCycle(c.name, c.deadline, tuple(
                MatrixMilestone(m.title, m.due_on, m.note) for m in c.milestones))
                for c in cycles),
            rows=tuple(MatrixRow(directie, team, owners[(directie, team)], tuple(cells))
                       for (directie, team), cells in teams.items()),
            late=tuple(late))

    def write_xlsx(self, year: int, path: Path) -> ReportingMatrix:
        matrix = self.matrix(year)
        path.write_bytes(reporting_xlsx.workbook_bytes(matrix))
        return matrix

    def write_pdf(self, year: int, path: Path) -> ReportingMatrix:
        """Needs a QGuiApplication (fonts); a task-runner thread may call it."""
        matrix = self.matrix(year)
        path.write_bytes(reporting_pdf.to_pdf(matrix))
        return matrix
