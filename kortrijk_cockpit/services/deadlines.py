"""Every deadline of the coming two weeks in one list (Vandaag), and the overdue ones.

Qt-free; kinds and day headings are Dutch, like other texts the core writes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kortrijk_cockpit.clock import BRUSSELS, Clock
from kortrijk_cockpit.domain import (
    OPEN_DELIVERABLES,
    AgendaItem,
    CalendarEvent,
    Deliverable,
    DocumentRequest,
    Meeting,
    MeetingSeries,
    MeetingStatus,
    Project,
    ProjectMilestone,
    ReportingCycle,
    ReportingMilestone,
    RequestStatus,
    Visit,
    VisitChecklistItem,
)
from kortrijk_cockpit.services.meeting_agenda import agenda_closes_at
from kortrijk_cockpit.services.reporting_plan import spoken
from kortrijk_cockpit.services.visits import KIND_LABELS, shift_working_days

HORIZON_DAYS = 14

# The kinds as the list names them; the order breaks ties on one day.
MEETING = "Vergadering"
AGENDA_CLOSES = "Agenda sluit"
STUK = "Gevraagd stuk"
DELIVERABLE = "Rapportering"
REPORTING_MILESTONE = "Mijlpaal rapportering"
PROJECT_MILESTONE = "Projectmijlpaal"
CHECKLIST = "Checklist bezoek"
_ORDER = {k: i for i, k in enumerate((AGENDA_CLOSES, STUK, DELIVERABLE, REPORTING_MILESTONE,
                                      PROJECT_MILESTONE, CHECKLIST, MEETING))}


@dataclass(frozen=True)
class DeadlineRow:
    day: date
    kind: str  # Dutch, one of the constants above
    title: str
    who: str
    area: str  # the area that opens it (the keys of ui/areas.py)
    ref_id: int  # the row of its kind (meeting, request, deliverable, ...)
    overdue: bool = False


def day_heading(day: date, today: date) -> str:
    """"vandaag", "morgen", "donderdag 3 december" (the year only when it is not this one)."""
    if day == today:
        return "vandaag"
    if day == today + timedelta(days=1):
        return "morgen"
    text = spoken(day)
    return text.removesuffix(f" {today.year}")


class DeadlineService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock) -> None:
        self._sessions = sessions
        self._clock = clock

    def coming(self, days: int = HORIZON_DAYS) -> list[DeadlineRow]:
        """What falls due from today through `days` days ahead, and what is open past its
        date (overdue, first); sorted by date."""
        now = self._clock.now()
        today = now.astimezone(BRUSSELS).date()
        last = today + timedelta(days=days)
        with self._sessions() as s:
            rows = [*_meetings(s, now, today, last), *_stukken(s, today, last),
                    *_deliverables(s, today, last), *_reporting_milestones(s, today, last),
                    *_project_milestones(s, today, last), *_checklists(s, today, last)]
        return sorted(rows, key=lambda r: (not r.overdue, r.day, _ORDER[r.kind], r.title,
                                           r.ref_id))


def _local_day(moment: datetime) -> date:
    return moment.astimezone(BRUSSELS).date()


def _meetings(s: Session, now: datetime, today: date, last: date) -> list[DeadlineRow]:
    """Each meeting of the window, and its agenda's closing while still to come."""
    end = datetime.combine(last + timedelta(days=1), time.min, BRUSSELS)
    # The agenda of a meeting just beyond the window may close within it.
    query = (select(Meeting, MeetingSeries)
             .outerjoin(MeetingSeries, MeetingSeries.id == Meeting.series_id)
             .where(Meeting.starts_at >= now, Meeting.starts_at < end + timedelta(days=21),
                    Meeting.status != MeetingStatus.CANCELLED))
    rows = []
    for meeting, series in s.execute(query):
        day = _local_day(meeting.starts_at)
        if day <= last:
            rows.append(DeadlineRow(day, MEETING, meeting.title,
                                    series.code if series else "", "meetings", meeting.id))
        if series is None:
            continue
        closes = agenda_closes_at(meeting.starts_at, series.agenda_close_days,
                                  series.agenda_close_time)
        if closes >= now and _local_day(closes) <= last:
            rows.append(DeadlineRow(_local_day(closes), AGENDA_CLOSES,
                                    f"{meeting.title} (om {closes:%H:%M})", series.code,
                                    "meetings", meeting.id))
    return rows


def _stukken(s: Session, today: date, last: date) -> list[DeadlineRow]:
    end = datetime.combine(last + timedelta(days=1), time.min, BRUSSELS)
    query = (select(DocumentRequest, Meeting.title)
             .join(AgendaItem, AgendaItem.id == DocumentRequest.agenda_item_id)
             .join(Meeting, Meeting.id == AgendaItem.meeting_id)
             .where(DocumentRequest.status == RequestStatus.REQUESTED,
                    DocumentRequest.due_at < end))
    rows = []
    for request, meeting in s.execute(query):
        day = _local_day(request.due_at)
        rows.append(DeadlineRow(day, STUK, f"{request.title} ({meeting})",
                                request.requested_from, "meetings", request.id,
                                overdue=day < today))
    return rows


def _deliverables(s: Session, today: date, last: date) -> list[DeadlineRow]:
    query = (select(Deliverable, ReportingCycle.name)
             .join(ReportingCycle, ReportingCycle.id == Deliverable.cycle_id)
             .where(Deliverable.status.in_(OPEN_DELIVERABLES), Deliverable.due_date <= last))
    return [DeadlineRow(d.due_date, DELIVERABLE, f"{d.title} ({cycle})",
                        d.owner_name or d.team, "reporting", d.id, overdue=d.due_date < today)
            for d, cycle in s.execute(query)]


def _reporting_milestones(s: Session, today: date, last: date) -> list[DeadlineRow]:
    """A cycle's milestones are dates, not tasks: shown while they come, never overdue."""
    query = (select(ReportingMilestone, ReportingCycle.name)
             .join(ReportingCycle, ReportingCycle.id == ReportingMilestone.cycle_id)
             .where(ReportingMilestone.due_on >= today, ReportingMilestone.due_on <= last))
    return [DeadlineRow(m.due_on, REPORTING_MILESTONE, f"{cycle}: {m.title}", "",
                        "reporting", m.id) for m, cycle in s.execute(query)]


def _project_milestones(s: Session, today: date, last: date) -> list[DeadlineRow]:
    query = (select(ProjectMilestone, Project.name, Project.owner_name)
             .join(Project, Project.id == ProjectMilestone.project_id)
             .where(ProjectMilestone.done_on.is_(None), ProjectMilestone.due_on <= last))
    return [DeadlineRow(m.due_on, PROJECT_MILESTONE, f"{name}: {m.title}", owner,
                        "projects", m.id, overdue=m.due_on < today)
            for m, name, owner in s.execute(query)]


def _checklists(s: Session, today: date, last: date) -> list[DeadlineRow]:
    """Open checklist items: a picked date, else working days from the appointment (which
    may have moved since the visit was marked)."""
    query = (select(VisitChecklistItem, Visit, CalendarEvent)
             .join(Visit, Visit.id == VisitChecklistItem.visit_id)
             .outerjoin(CalendarEvent, CalendarEvent.id == Visit.event_id)
             .where(VisitChecklistItem.done.is_(False)))
    rows = []
    for item, visit, event in s.execute(query):
        if event is not None and event.is_cancelled:
            continue
        start = event.start_at if event is not None else visit.start_at
        subject = event.subject if event is not None else visit.subject
        due = item.due_date or shift_working_days(_local_day(start), item.offset_days)
        if due <= last and _local_day(start) >= today - timedelta(days=HORIZON_DAYS):
            rows.append(DeadlineRow(due, CHECKLIST,
                                    f"{item.label} ({KIND_LABELS[visit.kind]}: {subject})",
                                    item.owner_name, "followup", item.id,
                                    overdue=due < today))
    return rows
