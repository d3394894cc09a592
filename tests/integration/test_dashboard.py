"""The Vandaag tiles count what needs attention, on both backends."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.demo_office import demo_mails
from kortrijk_cockpit.domain import (
    ActionPoint,
    ActionStatus,
    AgendaItem,
    Brief,
    BriefStatus,
    CalendarEvent,
    Deliverable,
    DeliverableStatus,
    DocumentRequest,
    FlagStatus,
    FolderKind,
    Mail,
    MailFolder,
    Meeting,
    MeetingStatus,
    OutboxEntry,
    ReportingCycle,
    RequestStatus,
)
from kortrijk_cockpit.services.dashboard import DashboardService
from kortrijk_cockpit.services.demo_data import bulk_insert_mails, seed_demo
from kortrijk_cockpit.services.search import SearchService
from kortrijk_cockpit.store import Store

BXL = ZoneInfo("Europe/Brussels")
NOW = datetime(2026, 11, 23, 10, 0, tzinfo=BXL)  # a Monday morning
TODAY = NOW.date()


def test_tiles_count_what_needs_attention(store: Store) -> None:
    with store.session_factory.begin() as s:
        inbox = MailFolder(display_name="Postvak IN", kind=FolderKind.INBOX)
        sent = MailFolder(display_name="Verzonden items", kind=FolderKind.SENT)
        s.add_all([inbox, sent])
        s.flush()
        s.add_all([
            Mail(folder_id=inbox.id, subject="ongelezen 1"),
            Mail(folder_id=inbox.id, subject="ongelezen 2", flag_status=FlagStatus.FLAGGED),
            Mail(folder_id=inbox.id, subject="gelezen", is_read=True),
            Mail(folder_id=sent.id, subject="verzonden, telt niet"),
            Mail(folder_id=sent.id, subject="afgewerkt", flag_status=FlagStatus.COMPLETE),
        ])
        s.add_all([
            CalendarEvent(subject="College", start_at=NOW.replace(hour=16),
                          end_at=NOW.replace(hour=18)),
            CalendarEvent(subject="Gisteren", start_at=NOW - timedelta(days=1),
                          end_at=NOW - timedelta(days=1, hours=-1)),
            CalendarEvent(subject="Geannuleerd", start_at=NOW, end_at=NOW + timedelta(hours=1),
                          is_cancelled=True),
        ])
        past = Meeting(title="MAT vorige week", starts_at=NOW - timedelta(days=6),
                       ends_at=NOW - timedelta(days=6, hours=-2))
        cancelled = Meeting(title="DC geannuleerd", starts_at=NOW + timedelta(hours=2),
                            ends_at=NOW + timedelta(hours=3), status=MeetingStatus.CANCELLED)
        nxt = Meeting(title="MAT 24/11/2026", starts_at=NOW + timedelta(days=1),
                      ends_at=NOW + timedelta(days=1, hours=2))
        s.add_all([past, cancelled, nxt])
        s.flush()
        item = AgendaItem(meeting_id=nxt.id, title="Personeelsplan")
        item.document_requests = [
            DocumentRequest(title="nota", due_at=NOW - timedelta(hours=1)),
            DocumentRequest(title="cijfers", due_at=NOW + timedelta(days=1)),
            DocumentRequest(title="binnen", due_at=NOW - timedelta(days=2),
                            status=RequestStatus.RECEIVED),
        ]
        s.add(item)
        s.add_all([
            ActionPoint(title="te laat", due_date=TODAY - timedelta(days=1)),
            ActionPoint(title="bezig", status=ActionStatus.IN_PROGRESS, due_date=TODAY),
            ActionPoint(title="klaar", status=ActionStatus.DONE, due_date=TODAY - timedelta(9)),
        ])
        s.add_all([Brief(title="Voka", status=BriefStatus.READY),
                   Brief(title="VVSG", status=BriefStatus.DRAFT)])
        cycle = ReportingCycle(name="AMJP 2027")
        cycle.deliverables = [
            Deliverable(title="binnenkort", due_date=TODAY + timedelta(days=14)),
            Deliverable(title="later", due_date=TODAY + timedelta(days=15)),
            Deliverable(title="ingediend", due_date=TODAY, status=DeliverableStatus.RECEIVED),
        ]
        s.add(cycle)
        s.add(OutboxEntry(kind="set_categories", payload={"categories": ["MAT"]}))

    snap = DashboardService(store.session_factory, FixedClock(NOW)).snapshot()

    assert (snap.unread_mails, snap.flagged_mails) == (2, 1)
    assert snap.events_today == 1
    assert snap.next_meeting is not None and snap.next_meeting.title == "MAT 24/11/2026"
    assert (snap.open_actions, snap.overdue_actions) == (2, 1)
    assert (snap.open_requests, snap.overdue_requests) == (2, 1)
    assert snap.briefs_to_approve == 1
    assert snap.deliverables_due_soon == 1
    assert snap.pending_outbox == 1


def test_an_empty_store_gives_an_empty_cockpit(store: Store) -> None:
    snap = DashboardService(store.session_factory, FixedClock(NOW)).snapshot()
    assert snap.next_meeting is None
    assert snap.unread_mails == snap.open_actions == snap.pending_outbox == 0


def test_demo_office_is_complete_and_searchable(store: Store) -> None:
    seed_demo(store.session_factory, TODAY)
    snap = DashboardService(store.session_factory, FixedClock(NOW)).snapshot()
    assert snap.next_meeting is not None and snap.next_meeting.title.startswith("MAT")
    assert snap.unread_mails > 0 and snap.open_actions > 0 and snap.briefs_to_approve == 1
    with store.session() as s:
        # The demo's 300 mails less the private ones, which are never stored.
        stored = [m for m in demo_mails(300, 1, NOW.replace(hour=8)) if not m.private]
        assert 280 < len(stored) < 300
        assert s.scalar(select(func.count()).select_from(Mail)) == len(stored)
        private = s.scalars(select(CalendarEvent).where(CalendarEvent.is_private_block)).all()
        assert private and all(e.subject == "Privé" and not e.body_text and not e.location
                               for e in private)


def test_bulk_mails_are_searchable(store: Store) -> None:
    bulk_insert_mails(store.session_factory, 1200, batch=500)
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(Mail)) == 1200
    hits = SearchService(store.session_factory).search("1199")
    assert [h.title.rsplit("#", 1)[1] for h in hits] == ["1199"]
