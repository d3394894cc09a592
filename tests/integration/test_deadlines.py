"""Vandaag's deadlines of the coming two weeks, one of each kind, on SQLite and PostgreSQL:
overdue first, then by date; what is done, far away or cancelled stays out."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from kortrijk_cockpit.clock import BRUSSELS, FixedClock
from kortrijk_cockpit.domain import (
    AgendaItem,
    CalendarEvent,
    Deliverable,
    DeliverableStatus,
    DocumentRequest,
    Meeting,
    MeetingSeries,
    MeetingStatus,
    MilestoneKind,
    Project,
    ProjectMilestone,
    ReportingCycle,
    ReportingMilestone,
    RequestStatus,
    Visit,
    VisitChecklistItem,
    VisitKind,
)
from kortrijk_cockpit.services.deadlines import DeadlineService, day_heading
from kortrijk_cockpit.store import Store

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=BRUSSELS)  # a Monday
TODAY = NOW.date()


def at(day: date, hour: int) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=BRUSSELS)


def test_every_kind_of_deadline_in_one_list_overdue_first(store: Store) -> None:
    d = lambda n: TODAY + timedelta(days=n)  # noqa: E731
    with store.session_factory.begin() as s:
        mat = MeetingSeries(code="MAT", name="MAT", weekday=1, start_time="09:00",
                            duration_minutes=120, agenda_close_days=3, agenda_close_time="12:00")
        s.add(mat)
        s.flush()
        meeting = Meeting(series_id=mat.id, title="MAT 08/12/2026", starts_at=at(d(8), 9),
                          ends_at=at(d(8), 11), status=MeetingStatus.PLANNED)
        s.add_all([meeting,
                   Meeting(series_id=mat.id, title="MAT geannuleerd", starts_at=at(d(1), 9),
                           ends_at=at(d(1), 11), status=MeetingStatus.CANCELLED),
                   Meeting(series_id=mat.id, title="MAT ver weg", starts_at=at(d(40), 9),
                           ends_at=at(d(40), 11))])
        s.flush()
        item = AgendaItem(meeting_id=meeting.id, position=0, title="Personeelsplan")
        item.document_requests = [
            DocumentRequest(title="Nota personeelsplan", requested_from="Pieter Declercq",
                            due_at=at(d(-2), 12)),
            DocumentRequest(title="Al binnen", due_at=at(d(-3), 12),
                            status=RequestStatus.RECEIVED)]
        s.add(item)
        cycle = ReportingCycle(name="Jaarrekening 2026", year=2026)
        cycle.milestones = [
            ReportingMilestone(kind=MilestoneKind.COLLEGE, title="op het college tegen",
                               due_on=d(5)),
            ReportingMilestone(kind=MilestoneKind.COUNCIL, title="gemeenteraad",
                               due_on=d(30))]
        cycle.deliverables = [
            Deliverable(title="Bijdrage Financiën", owner_name="Nathalie Claeys",
                        due_date=d(3), status=DeliverableStatus.IN_PROGRESS),
            Deliverable(title="Bijdrage Omgeving", owner_name="Annelies", due_date=d(2),
                        status=DeliverableStatus.APPROVED)]
        project = Project(name="Digitale parafeerbundel", owner_name="Nathalie Goethals",
                          is_own=True)
        project.milestones = [ProjectMilestone(title="Testfase", due_on=d(-1)),
                              ProjectMilestone(title="Gedaan", due_on=d(4), done_on=d(-5))]
        s.add_all([cycle, project])
        event = CalendarEvent(subject="Bezoek minister", start_at=at(d(10), 14),
                              end_at=at(d(10), 16))
        s.add(event)
        s.flush()
        visit = Visit(event_id=event.id, kind=VisitKind.VISIT, subject=event.subject,
                      start_at=event.start_at, created_at=NOW)
        s.add(visit)
        s.flush()
        s.add_all([VisitChecklistItem(visit_id=visit.id, label="catering",
                                      owner_name="Griet", offset_days=-3),
                   VisitChecklistItem(visit_id=visit.id, label="zaal", offset_days=-5,
                                      done=True)])

    rows = DeadlineService(store.session_factory, FixedClock(NOW)).coming()

    assert [(r.day, r.kind, r.title, r.who, r.area, r.overdue) for r in rows] == [
        (d(-2), "Gevraagd stuk", "Nota personeelsplan (MAT 08/12/2026)", "Pieter Declercq",
         "meetings", True),
        (d(-1), "Projectmijlpaal", "Digitale parafeerbundel: Testfase", "Nathalie Goethals",
         "projects", True),
        # Three working days before Tuesday 8/12: Thursday noon, before the part due then.
        (d(3), "Agenda sluit", "MAT 08/12/2026 (om 12:00)", "MAT", "meetings", False),
        (d(3), "Rapportering", "Bijdrage Financiën (Jaarrekening 2026)", "Nathalie Claeys",
         "reporting", False),
        (d(5), "Mijlpaal rapportering", "Jaarrekening 2026: op het college tegen", "",
         "reporting", False),
        (d(7), "Checklist bezoek", "catering (Bezoek: Bezoek minister)", "Griet",
         "followup", False),
        (d(8), "Vergadering", "MAT 08/12/2026", "MAT", "meetings", False),
    ]


def test_day_headings_are_spoken_in_dutch() -> None:
    assert day_heading(TODAY, TODAY) == "vandaag"
    assert day_heading(date(2026, 12, 1), TODAY) == "morgen"
    assert day_heading(date(2026, 12, 3), TODAY) == "donderdag 3 december"
    assert day_heading(date(2027, 1, 4), TODAY) == "maandag 4 januari 2027"
