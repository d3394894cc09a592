"""The Vandaag cockpit: what needs attention now, in one snapshot."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import partial

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session, sessionmaker

from kortrijk_cockpit.clock import BRUSSELS, Clock
from kortrijk_cockpit.domain import (
    OPEN_DELIVERABLES,
    ActionPoint,
    ActionStatus,
    Brief,
    BriefStatus,
    CalendarEvent,
    Deliverable,
    DocumentRequest,
    FlagStatus,
    FolderKind,
    Mail,
    MailFolder,
    Meeting,
    MeetingStatus,
    OutboxEntry,
    OutboxStatus,
    RequestStatus,
    SyncState,
)
from kortrijk_cockpit.services.agenda import WorkingHours
from kortrijk_cockpit.services.briefings import ExternalOutlook
from kortrijk_cockpit.services.day_overview import DayOverviewService, OverviewDay
from kortrijk_cockpit.services.deadlines import DeadlineRow, DeadlineService
from kortrijk_cockpit.services.followup_points import ComingBack, coming_back
from kortrijk_cockpit.services.projects import ProjectRow, own_projects
from kortrijk_cockpit.services.stukken import MeetingStukken, next_of_series

DUE_SOON_DAYS = 14
OVERLEG_CODES = ("MAT", "DC")
OLDEST_OVERDUE = 3  # the weekly overleggen Vandaag shows


@dataclass(frozen=True)
class NextMeeting:
    meeting_id: int
    title: str
    starts_at: datetime


@dataclass(frozen=True)
class OverdueAction:
    title: str
    owner: str
    due_date: date


@dataclass(frozen=True)
class DashboardSnapshot:
    unread_mails: int
    flagged_mails: int
    events_today: int
    next_meeting: NextMeeting | None
    open_actions: int
    overdue_actions: int
    open_requests: int
    overdue_requests: int
    briefs_to_approve: int
    deliverables_due_soon: int
    pending_outbox: int
    # What is kept locally, so an area not built yet can say so truthfully.
    mails_stored: int = 0
    events_stored: int = 0
    mail_synced_at: datetime | None = None
    calendar_synced_at: datetime | None = None
    # Today's and the next working day's appointments, with conflicts and preparation.
    agenda_days: tuple[OverviewDay, ...] = ()
    # The next MAT and DC: agenda and stukken state.
    overleg: tuple[MeetingStukken, ...] = ()
    # The oldest overdue action points (Vandaag's "Achterstallige actiepunten").
    oldest_overdue: tuple[OverdueAction, ...] = ()
    # What comes back at the next MAT and the next DC (count and first titles).
    coming_back: tuple[ComingBack, ...] = ()
    # The coming week's external appointments and their fiches (None: not wired).
    external: ExternalOutlook | None = None
    # The assistant's own projects that are running, with their next milestone.
    own_projects: tuple[ProjectRow, ...] = ()
    # Every deadline of the coming two weeks and the overdue ones, overdue first.
    deadlines: tuple[DeadlineRow, ...] = ()


class DashboardService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock,
                 working_hours: WorkingHours | None = None,
                 external: Callable[[], ExternalOutlook] | None = None) -> None:
        self._sessions = sessions
        self._external = external  # BriefingService.outlook
        self._clock = clock
        self._days = DayOverviewService(sessions, clock, working_hours)
        self._deadlines = DeadlineService(sessions, clock)

    def snapshot(self) -> DashboardSnapshot:
        now = self._clock.now()
        today = now.astimezone(BRUSSELS).date()
        day_start = datetime.combine(today, time.min, BRUSSELS)
        day_end = day_start + timedelta(days=1)
        agenda_days = tuple(self._days.days([today, self._days.next_day()]))
        external = self._external() if self._external is not None else None
        deadlines = tuple(self._deadlines.coming())
        with self._sessions() as s:
            inbox = select(MailFolder.id).where(MailFolder.kind == FolderKind.INBOX)
            count = partial(_count, s)
            open_action = ActionPoint.status.in_([ActionStatus.OPEN, ActionStatus.IN_PROGRESS])
            waiting = DocumentRequest.status == RequestStatus.REQUESTED
            next_row = s.execute(
                select(Meeting.id, Meeting.title, Meeting.starts_at)
                .where(Meeting.starts_at >= now, Meeting.status != MeetingStatus.CANCELLED)
                .order_by(Meeting.starts_at)
                .limit(1)
            ).first()
            last_sync = (select(func.max(SyncState.last_synced_at))
                         .join(MailFolder, MailFolder.id == SyncState.folder_id))
            calendar = MailFolder.kind == FolderKind.CALENDAR
            return DashboardSnapshot(
                unread_mails=count(Mail, Mail.is_read.is_(False), Mail.folder_id.in_(inbox)),
                flagged_mails=count(Mail, Mail.flag_status == FlagStatus.FLAGGED),
                events_today=count(
                    CalendarEvent,
                    CalendarEvent.start_at < day_end,
                    CalendarEvent.end_at > day_start,
                    CalendarEvent.is_cancelled.is_(False),
                ),
                next_meeting=NextMeeting(*next_row) if next_row else None,
                open_actions=count(ActionPoint, open_action),
                overdue_actions=count(ActionPoint, open_action, ActionPoint.due_date < today),
                open_requests=count(DocumentRequest, waiting),
                overdue_requests=count(DocumentRequest, waiting, DocumentRequest.due_at < now),
                briefs_to_approve=count(Brief, Brief.status == BriefStatus.READY),
                deliverables_due_soon=count(
                    Deliverable,
                    Deliverable.status.in_(OPEN_DELIVERABLES),
                    Deliverable.due_date <= today + timedelta(days=DUE_SOON_DAYS),
                ),
                pending_outbox=count(
                    OutboxEntry,
                    OutboxEntry.status.in_(
                        [OutboxStatus.PENDING, OutboxStatus.FAILED, OutboxStatus.CONFLICT]
                    ),
                ),
                mails_stored=count(Mail),
                events_stored=count(CalendarEvent),
                mail_synced_at=s.scalar(last_sync.where(~calendar)),
                calendar_synced_at=s.scalar(last_sync.where(calendar)),
                agenda_days=agenda_days,
                overleg=tuple(next_of_series(s, OVERLEG_CODES, now)),
                oldest_overdue=tuple(OverdueAction(*r) for r in s.execute(
                    select(ActionPoint.title, ActionPoint.owner_name, ActionPoint.due_date)
                    .where(open_action, ActionPoint.due_date < today)
                    .order_by(ActionPoint.due_date, ActionPoint.id).limit(OLDEST_OVERDUE))),
                coming_back=tuple(coming_back(s, OVERLEG_CODES, now)),
                external=external,
                own_projects=tuple(own_projects(s, today)),
                deadlines=deadlines,
            )


def _count(session: Session, entity: type, *where: ColumnElement[bool]) -> int:
    return int(session.scalar(select(func.count()).select_from(entity).where(*where)) or 0)
