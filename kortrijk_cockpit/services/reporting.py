"""Reporting cycles from a year template, planned backwards from the council, and what each
team delivers for them. Qt-free; every write returns its `Changes`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kortrijk_cockpit.changes import Changes, Kind
from kortrijk_cockpit.clock import BRUSSELS, Clock
from kortrijk_cockpit.domain import (
    OPEN_DELIVERABLES,
    Deliverable,
    DeliverableStatus,
    MilestoneKind,
    Person,
    ReportingCycle,
    ReportingMilestone,
)
from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.services.reporting_plan import PlanRules, WorkingDays, plan_backwards

if TYPE_CHECKING:  # the matrix module builds on this one
    from kortrijk_cockpit.services.reporting_matrix import ReportingMatrix

BBC = "bbc"
MANAGEMENT = "management"


@dataclass(frozen=True)
class CycleTemplate:
    key: str  # unique within a year: a year's cycles are made once
    name: str
    kind: str  # BBC or MANAGEMENT
    deadline: date  # the fixed point planned back from
    via_council: bool = True
    with_agency: bool = False  # the digital report to the Flemish agency after the council
    college: bool = True  # False: a management report, discussed on the MAT/DC only
    deliverable: str = "Bijdrage {team}"


def _quarter_deadline(year: int, quarter: int) -> date:
    """A quarter's management report: due the last day of the month after the quarter."""
    month = quarter * 3 + 2
    first_after = date(year + (month - 1) // 12, (month - 1) % 12 + 1, 1)
    return first_after - timedelta(days=1)


def year_template(year: int) -> list[CycleTemplate]:
    """The BBC's fixed points (DOMAIN.md) and the quarterly management reports of `year`."""
    bbc = [
        CycleTemplate("overdracht", f"Overdracht investeringskredieten {year}", BBC,
                      date(year, 3, 1), via_council=False),
        CycleTemplate("jaarrekening", f"Jaarrekening {year - 1}", BBC, date(year, 6, 30),
                      with_agency=True),
        CycleTemplate("opvolging", f"Opvolgingsrapportering {year} (eerste helft)", BBC,
                      date(year, 9, 30)),
        CycleTemplate("aanpassing_mjp", f"Aanpassing meerjarenplan {year + 1}", BBC,
                      date(year, 12, 31)),
    ]
    management = [
        CycleTemplate(f"management_q{q}", f"Managementrapportering Q{q} {year}", MANAGEMENT,
                      _quarter_deadline(year, q), via_council=False, college=False,
                      deliverable="Rapport {directie}")
        for q in range(1, 5)]
    return bbc + management


@dataclass(frozen=True)
class Team:
    """Who delivers: a team of a directie and its owner (an address or a name)."""

    directie: str
    team: str
    owner: str

    @classmethod
    def from_setting(cls, value: dict[str, object]) -> Team:
        return cls(str(value.get("directie", "")), str(value.get("team", "")),
                   str(value.get("owner", "")))


@dataclass(frozen=True)
class MilestoneRow:
    id: int
    kind: MilestoneKind
    title: str
    due_on: date
    note: str


@dataclass(frozen=True)
class CycleRow:
    id: int
    name: str
    kind: str
    year: int | None
    deadline: date | None
    milestones: tuple[MilestoneRow, ...]
    open_deliverables: int
    deliverables: int


class ReportingService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock, rules: PlanRules,
                 teams: Sequence[Team] = ()) -> None:
        self._sessions = sessions
        self._clock = clock
        self._days = WorkingDays(rules)
        self._teams = tuple(teams)

    @property
    def days(self) -> WorkingDays:
        return self._days

    def create_year(self, year: int) -> tuple[list[int], Changes]:
        """The year's cycles from the template, planned backwards, each with a deliverable per
        team due on the teams' draft date; cycles of the year made before are left alone."""
        with self._sessions.begin() as s:
            made_before = set(s.scalars(select(ReportingCycle.template)
                                        .where(ReportingCycle.year == year)))
            people = {p.email.lower(): p for p in s.scalars(select(Person))
                      if p.email} if self._teams else {}
            created: list[ReportingCycle] = []
            for template in year_template(year):
                if template.key in made_before:
                    continue
                created.append(self._cycle(s, template, year, people))
            s.flush()
            ids = [c.id for c in created]
            deliverables = [d.id for c in created for d in c.deliverables]
        return ids, Changes.of(Kind.CYCLE, created=ids) | Changes.of(
            Kind.DELIVERABLE, created=deliverables)

    def _cycle(self, s: Session, template: CycleTemplate, year: int,
               people: dict[str, Person]) -> ReportingCycle:
        planned = plan_backwards(deadline=template.deadline, via_council=template.via_council,
                                 days=self._days, with_agency=template.with_agency,
                                 college=template.college)
        cycle = ReportingCycle(name=template.name, kind=template.kind, period=str(year),
                               template=template.key, year=year, deadline=template.deadline,
                               starts_on=planned[0].when.day, ends_on=planned[-1].when.day)
        for milestone in planned:
            cycle.milestones.append(ReportingMilestone(
                kind=milestone.kind, title=milestone.title, due_on=milestone.when.day,
                planned_on=milestone.when.planned if milestone.when.moved else None,
                note=milestone.when.note))
        s.add(cycle)
        s.flush()
        drafts = next(m for m in cycle.milestones if m.kind == MilestoneKind.DRAFTS)
        for team in self._teams:
            owner = people.get(team.owner.lower())
            cycle.deliverables.append(Deliverable(
                title=template.deliverable.format(team=team.team, directie=team.directie),
                team=team.team, directie=team.directie,
                owner_name=owner.full_name if owner else team.owner,
                owner_person_id=owner.id if owner else None,
                due_date=drafts.due_on, milestone_id=drafts.id,
                status=DeliverableStatus.REQUESTED))
        return cycle

    def cycles(self, year: int | None = None) -> list[CycleRow]:
        with self._sessions() as s:
            query = select(ReportingCycle).order_by(ReportingCycle.deadline, ReportingCycle.id)
            if year is not None:
                query = query.where(ReportingCycle.year == year)
            return [CycleRow(
                id=c.id, name=c.name, kind=c.kind, year=c.year, deadline=c.deadline,
                milestones=tuple(MilestoneRow(m.id, m.kind, m.title, m.due_on, m.note)
                                 for m in c.milestones),
                open_deliverables=sum(d.status in OPEN_DELIVERABLES for d in c.deliverables),
                deliverables=len(c.deliverables)) for c in s.scalars(query)]

    def set_status(self, deliverable_id: int, status: DeliverableStatus) -> Changes:
        with self._sessions.begin() as s:
            found = s.get(Deliverable, deliverable_id)
            if found is None:
                raise UserFacingError("Dit op te leveren stuk bestaat niet meer.")
            found.status = status
            if status in (DeliverableStatus.RECEIVED, DeliverableStatus.APPROVED) \
                    and found.delivered_at is None:
                found.delivered_at = self._clock.now()
            elif status in OPEN_DELIVERABLES:
                found.delivered_at = None
        return Changes.of(Kind.DELIVERABLE, updated=[deliverable_id])

    def link_document(self, deliverable_id: int, mail_id: int, name: str = "") -> Changes:
        """The document arrived by mail (linked from Mail, as for stukken): received."""
        with self._sessions.begin() as s:
            found = s.get(Deliverable, deliverable_id)
            if found is None:
                raise UserFacingError("Dit op te leveren stuk bestaat niet meer.")
            found.document_mail_id = mail_id
            found.document_name = name
            if found.status in OPEN_DELIVERABLES:
                found.status = DeliverableStatus.RECEIVED
                found.delivered_at = self._clock.now()
        return Changes.of(Kind.DELIVERABLE, updated=[deliverable_id])

    # -- the matrix (teams × cycles) and what a new year would make ------------------
    def matrix(self, year: int) -> ReportingMatrix:
        from kortrijk_cockpit.services.reporting_matrix import build_matrix

        with self._sessions() as s:
            return build_matrix(s, year, self._clock.now().astimezone(BRUSSELS).date(),
                                self._days)

    def to_make(self, year: int) -> tuple[list[CycleTemplate], int]:
        """The cycles "create the year" would make, and for how many teams each."""
        from kortrijk_cockpit.services.reporting_matrix import templates_to_make

        with self._sessions() as s:
            return templates_to_make(s, year), len(self._teams)
