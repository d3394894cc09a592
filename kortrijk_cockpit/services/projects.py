"""Projects the office runs: owner, goal, status, a span, milestones and the action points
and mails that belong to them. Qt-free; every write returns its `Changes` (Kind.PROJECT,
the project's id, also for a change to one of its milestones or links)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload, sessionmaker
from sqlalchemy.orm.attributes import flag_modified

from kortrijk_cockpit.changes import Changes, Kind
from kortrijk_cockpit.clock import BRUSSELS, Clock
from kortrijk_cockpit.domain import (
    Project,
    ProjectLink,
    ProjectMilestone,
    ProjectStatus,
)
from kortrijk_cockpit.domain.mail import Mail
from kortrijk_cockpit.domain.meetings import ActionPoint, ActionStatus
from kortrijk_cockpit.errors import ConcurrentEditError, UserFacingError
from kortrijk_cockpit.services.lookup import existing
from kortrijk_cockpit.store.database import STALE_MESSAGE

ACTION_POINT = "action_point"
MAIL = "mail"
GONE = "Dit project bestaat niet meer."
MILESTONE_GONE = "Deze mijlpaal bestaat niet meer."
STATUS_LABELS = {ProjectStatus.PLANNED: "gepland", ProjectStatus.RUNNING: "lopend",
                 ProjectStatus.ON_HOLD: "on hold", ProjectStatus.DONE: "afgerond"}


@dataclass(frozen=True)
class ProjectDraft:
    """What the project form edits."""

    name: str
    goal: str = ""
    owner_name: str = ""
    owner_person_id: int | None = None
    status: ProjectStatus = ProjectStatus.PLANNED
    starts_on: date | None = None
    ends_on: date | None = None
    is_own: bool = False
    notes: str = ""


@dataclass(frozen=True)
class MilestoneView:
    id: int
    title: str
    due_on: date
    done_on: date | None
    overdue: bool  # not done and its day has passed


@dataclass(frozen=True)
class LinkView:
    kind: str  # ACTION_POINT | MAIL
    ref_id: int
    title: str  # "" when the action point or mail is gone
    detail: str  # owner and deadline, or sender and day
    done: bool = False


@dataclass(frozen=True)
class ProjectRow:
    id: int
    name: str
    owner_name: str
    status: ProjectStatus
    starts_on: date | None
    ends_on: date | None
    is_own: bool
    next_milestone: MilestoneView | None  # the first one not done
    overdue: int  # milestones past their day and not done
    milestones: int
    done: int


@dataclass(frozen=True)
class ProjectDetail:
    row: ProjectRow
    goal: str
    notes: str
    owner_person_id: int | None
    version: int
    milestones: tuple[MilestoneView, ...]
    links: tuple[LinkView, ...]
    today: date  # the day `overdue` was judged on

    def draft(self) -> ProjectDraft:
        r = self.row
        return ProjectDraft(r.name, self.goal, r.owner_name, self.owner_person_id, r.status,
                            r.starts_on, r.ends_on, r.is_own, self.notes)


@dataclass(frozen=True)
class LinkChoice:
    """An action point or mail offered in the link chooser."""

    kind: str
    ref_id: int
    title: str
    detail: str


class ProjectService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock) -> None:
        self._sessions = sessions
        self._clock = clock

    def today(self) -> date:
        return self._clock.now().astimezone(BRUSSELS).date()

    # Reads

    def list(self, *, own_only: bool = False, with_done: bool = True) -> list[ProjectRow]:
        """Own projects first, then by start and name."""
        today = self.today()
        with self._sessions() as s:
            query = select(Project).options(selectinload(Project.milestones)).order_by(
                Project.is_own.desc(), Project.starts_on, Project.name, Project.id)
            if own_only:
                query = query.where(Project.is_own.is_(True))
            if not with_done:
                query = query.where(Project.status != ProjectStatus.DONE)
            return [_row(p, today) for p in s.scalars(query)]

    def rows(self, ids: Iterable[int]) -> dict[int, ProjectRow | None]:
        """These projects now (None: gone), for a list that follows the change feed."""
        wanted = list(ids)
        today = self.today()
        with self._sessions() as s:
            found = {p.id: _row(p, today) for p in s.scalars(
                select(Project).options(selectinload(Project.milestones))
                .where(Project.id.in_(wanted)))}
        return {i: found.get(i) for i in wanted}

    def detail(self, project_id: int) -> ProjectDetail | None:
        today = self.today()
        with self._sessions() as s:
            project = s.get(Project, project_id)
            if project is None:
                return None
            return ProjectDetail(
                row=_row(project, today), goal=project.goal, notes=project.notes,
                owner_person_id=project.owner_person_id, version=project.version,
                milestones=tuple(_milestone(m, today) for m in _ordered(project)),
                links=tuple(_links(s, project.links)), today=today)

    def link_choices(self, kind: str, limit: int = 200) -> list[LinkChoice]:
        """Open action points (by deadline) or the latest mails, for the chooser."""
        with self._sessions() as s:
            if kind == ACTION_POINT:
                points = s.scalars(
                    select(ActionPoint)
                    .where(ActionPoint.status.in_([ActionStatus.OPEN, ActionStatus.IN_PROGRESS]))
                    .order_by(ActionPoint.due_date.is_(None), ActionPoint.due_date,
                              ActionPoint.id).limit(limit))
                return [LinkChoice(ACTION_POINT, p.id, p.title, _point_detail(p))
                        for p in points]
            mails = s.scalars(select(Mail).order_by(Mail.received_at.desc().nulls_last(),
                                                    Mail.id.desc()).limit(limit))
            return [LinkChoice(MAIL, m.id, m.subject, _mail_detail(m)) for m in mails]

    # Writes

    def create(self, draft: ProjectDraft) -> tuple[int, Changes]:
        _check(draft)
        with self._sessions.begin() as s:
            project = Project()
            _apply(project, draft)
            s.add(project)
            s.flush()
            project_id = project.id
        return project_id, Changes.of(Kind.PROJECT, created=[project_id])

    def update(self, project_id: int, draft: ProjectDraft, version: int | None = None) -> Changes:
        _check(draft)
        with self._sessions.begin() as s:
            project = _editable(s, project_id, version)
            _apply(project, draft)
        return _touched(project_id)

    def delete(self, project_id: int) -> Changes:
        with self._sessions.begin() as s:
            project = s.get(Project, project_id)
            if project is not None:
                s.delete(project)
        return Changes.of(Kind.PROJECT, removed=[project_id])

    def add_milestone(self, project_id: int, title: str, due_on: date) -> tuple[int, Changes]:
        title = title.strip()
        if not title:
            raise UserFacingError("Geef de mijlpaal een titel.")
        with self._sessions.begin() as s:
            project = existing(s, Project, project_id, GONE)
            milestone = ProjectMilestone(title=title, due_on=due_on)
            project.milestones.append(milestone)
            _bump(project)
            s.flush()
            milestone_id = milestone.id
        return milestone_id, _touched(project_id)

    def edit_milestone(self, milestone_id: int, title: str, due_on: date) -> Changes:
        """Rename and move a milestone."""
        title = title.strip()
        if not title:
            raise UserFacingError("Geef de mijlpaal een titel.")
        with self._sessions.begin() as s:
            milestone = existing(s, ProjectMilestone, milestone_id, MILESTONE_GONE)
            milestone.title = title
            milestone.due_on = due_on
            _bump(milestone.project)
            return _touched(milestone.project_id)

    def move_milestone(self, milestone_id: int, due_on: date) -> Changes:
        with self._sessions.begin() as s:
            milestone = existing(s, ProjectMilestone, milestone_id, MILESTONE_GONE)
            milestone.due_on = due_on
            _bump(milestone.project)
            return _touched(milestone.project_id)

    def set_done(self, milestone_id: int, done: bool = True) -> Changes:
        """Done today, or open again."""
        with self._sessions.begin() as s:
            milestone = existing(s, ProjectMilestone, milestone_id, MILESTONE_GONE)
            milestone.done_on = self.today() if done else None
            _bump(milestone.project)
            return _touched(milestone.project_id)

    def delete_milestone(self, milestone_id: int) -> Changes:
        with self._sessions.begin() as s:
            milestone = s.get(ProjectMilestone, milestone_id)
            if milestone is None:
                return Changes()
            project = milestone.project
            project.milestones.remove(milestone)
            _bump(project)
            return _touched(project.id)

    def link(self, project_id: int, kind: str, ref_id: int) -> Changes:
        """Link an action point or a mail; linking it twice changes nothing."""
        if kind not in (ACTION_POINT, MAIL):
            raise ValueError(kind)
        with self._sessions.begin() as s:
            project = existing(s, Project, project_id, GONE)
            target = s.get(ActionPoint if kind == ACTION_POINT else Mail, ref_id)
            if target is None:
                raise UserFacingError("Dit actiepunt bestaat niet meer." if kind == ACTION_POINT
                                      else "Deze mail bestaat niet meer.")
            if any(link.kind == kind and link.ref_id == ref_id for link in project.links):
                return Changes()
            project.links.append(ProjectLink(kind=kind, ref_id=ref_id))
            _bump(project)
        return _touched(project_id)

    def unlink(self, project_id: int, kind: str, ref_id: int) -> Changes:
        with self._sessions.begin() as s:
            project = existing(s, Project, project_id, GONE)
            gone = [link for link in project.links if link.kind == kind and link.ref_id == ref_id]
            if not gone:
                return Changes()
            for link in gone:
                project.links.remove(link)
            _bump(project)
        return _touched(project_id)


def own_projects(s: Session, today: date) -> list[ProjectRow]:
    """Her own projects that are not done, the nearest next milestone first (Vandaag)."""
    rows = [_row(p, today) for p in s.scalars(
        select(Project).options(selectinload(Project.milestones))
        .where(Project.is_own.is_(True), Project.status != ProjectStatus.DONE))]
    return sorted(rows, key=lambda r: (r.next_milestone is None,
                                       r.next_milestone.due_on if r.next_milestone else today,
                                       r.name.lower()))


def _touched(project_id: int) -> Changes:
    return Changes.of(Kind.PROJECT, updated=[project_id])


def _bump(project: Project) -> None:
    """A milestone or link changed: the project's version moves too, so a form opened
    before does not overwrite the project unseen (and a concurrent edit is refused)."""
    flag_modified(project, "name")  # an UPDATE, so version_id_col increments it


def _check(draft: ProjectDraft) -> None:
    if not draft.name.strip():
        raise UserFacingError("Geef het project een naam.")
    if draft.starts_on and draft.ends_on and draft.ends_on < draft.starts_on:
        raise UserFacingError("Het project kan niet eindigen voor het begint.")


def _apply(project: Project, draft: ProjectDraft) -> None:
    project.name = draft.name.strip()
    project.goal = draft.goal
    project.owner_name = draft.owner_name.strip()
    project.owner_person_id = draft.owner_person_id
    project.status = draft.status
    project.starts_on = draft.starts_on
    project.ends_on = draft.ends_on
    project.is_own = draft.is_own
    project.notes = draft.notes


def _editable(s: Session, project_id: int, version: int | None) -> Project:
    project = existing(s, Project, project_id, GONE)
    if version is not None and project.version != version:
        raise ConcurrentEditError(STALE_MESSAGE)
    return project


def _ordered(project: Project) -> list[ProjectMilestone]:
    return sorted(project.milestones, key=lambda m: (m.due_on, m.id))


def _milestone(m: ProjectMilestone, today: date) -> MilestoneView:
    return MilestoneView(m.id, m.title, m.due_on, m.done_on,
                         overdue=m.done_on is None and m.due_on < today)


def _row(project: Project, today: date) -> ProjectRow:
    milestones = [_milestone(m, today) for m in _ordered(project)]
    return ProjectRow(
        id=project.id, name=project.name, owner_name=project.owner_name,
        status=project.status, starts_on=project.starts_on, ends_on=project.ends_on,
        is_own=project.is_own,
        next_milestone=next((m for m in milestones if m.done_on is None), None),
        overdue=sum(m.overdue for m in milestones), milestones=len(milestones),
        done=sum(m.done_on is not None for m in milestones))


def _point_detail(point: ActionPoint) -> str:
    parts = [point.owner_name] if point.owner_name else []
    if point.due_date:
        parts.append(f"tegen {point.due_date:%d/%m/%Y}")
    return ", ".join(parts)


def _mail_detail(mail: Mail) -> str:
    parts = [mail.sender_name or mail.sender_email]
    if mail.received_at:
        parts.append(f"{mail.received_at.astimezone(BRUSSELS):%d/%m/%Y}")
    return ", ".join(p for p in parts if p)


def _links(s: Session, links: Iterable[ProjectLink]) -> list[LinkView]:
    links = list(links)
    point_ids = [link.ref_id for link in links if link.kind == ACTION_POINT]
    mail_ids = [link.ref_id for link in links if link.kind == MAIL]
    points = {p.id: p for p in s.scalars(select(ActionPoint).where(
        ActionPoint.id.in_(point_ids)))} if point_ids else {}
    mails = {m.id: m for m in s.scalars(select(Mail).where(Mail.id.in_(mail_ids)))} \
        if mail_ids else {}
    views: list[LinkView] = []
    for link in links:
        if link.kind == ACTION_POINT:
            point = points.get(link.ref_id)
            views.append(LinkView(ACTION_POINT, link.ref_id, point.title if point else "",
                                  _point_detail(point) if point else "",
                                  done=point is not None and point.status == ActionStatus.DONE))
        else:
            mail = mails.get(link.ref_id)
            views.append(LinkView(MAIL, link.ref_id, mail.subject if mail else "",
                                  _mail_detail(mail) if mail else ""))
    views.sort(key=lambda v: (v.kind != ACTION_POINT, v.title.lower()))
    return views
