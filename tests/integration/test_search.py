"""Quick search as the office uses it, on SQLite and PostgreSQL: coming meetings
first, a date on every dated hit, and "stukken" finds the requested documents."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import Integer, String, column, insert, select, table

from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.domain import (
    ActionPoint,
    AgendaItem,
    DocumentRequest,
    FolderKind,
    Mail,
    MailFolder,
    Meeting,
)
from kortrijk_cockpit.domain.base import UTCDateTime
from kortrijk_cockpit.services.search import SearchService
from kortrijk_cockpit.store import Store

BXL = ZoneInfo("Europe/Brussels")
NOW = datetime(2026, 11, 23, 10, 0, tzinfo=BXL)


def _meeting(title: str, days: int) -> Meeting:
    start = NOW.replace(hour=9) + timedelta(days=days)
    return Meeting(title=title, starts_at=start, ends_at=start + timedelta(hours=2),
                   location="Stadhuis")


def test_coming_meetings_come_first_nearest_first_then_past_ones(store: Store) -> None:
    with store.session_factory.begin() as s:
        meetings = {days: _meeting("MAT", days) for days in (-14, -7, 1, 8, 15)}
        s.add_all(meetings.values())
        s.flush()
        ids = {days: m.id for days, m in meetings.items()}
        item = AgendaItem(meeting_id=ids[-7], title="Personeelsplan 2027")
        later_item = AgendaItem(meeting_id=ids[8], title="Personeelsplan 2027")
        s.add_all([item, later_item])
        s.flush()
        item_ids = (later_item.id, item.id)

    hits = SearchService(store.session_factory, FixedClock(NOW)).search("MAT")
    assert [h.ref_id for h in hits if h.kind == "meeting"] == [ids[d] for d in (1, 8, 15, -7, -14)]
    assert hits[0].when == NOW.replace(hour=9) + timedelta(days=1)

    items = SearchService(store.session_factory, FixedClock(NOW)).search("personeelsplan")
    assert tuple(h.ref_id for h in items if h.kind == "agenda_item") == item_ids
    assert items[0].when == NOW.replace(hour=9) + timedelta(days=8)  # its meeting's date


def test_look_alike_hits_carry_their_date(store: Store) -> None:
    with store.session_factory.begin() as s:
        folder = MailFolder(display_name="Postvak IN", kind=FolderKind.INBOX)
        s.add(folder)
        s.flush()
        s.add_all([Mail(folder_id=folder.id, subject="Stukken voor DC: organisatiebeheersing",
                        sender_name="Griet Callewaert", received_at=NOW - timedelta(weeks=w))
                   for w in range(3)])
        s.add(ActionPoint(title="Nota organisatiebeheersing", due_date=date(2026, 12, 4)))

    hits = SearchService(store.session_factory, FixedClock(NOW)).search("organisatiebeheersing")
    assert sorted(h.when for h in hits if h.kind == "mail") == [  # type: ignore[type-var]
        NOW - timedelta(weeks=w) for w in (2, 1, 0)]
    assert [h.when for h in hits if h.kind == "action_point"] == [date(2026, 12, 4)]


def test_stukken_finds_the_requested_documents_and_follows_their_changes(store: Store) -> None:
    search = SearchService(store.session_factory, FixedClock(NOW))
    with store.session_factory.begin() as s:
        meeting = _meeting("DC", 4)
        s.add(meeting)
        s.flush()
        item = AgendaItem(meeting_id=meeting.id, title="Personeelsplan 2027")
        s.add(item)
        s.flush()
        due = meeting.starts_at - timedelta(days=4)
        request = DocumentRequest(agenda_item_id=item.id, title="Nota: Personeelsplan 2027",
                                  requested_from="Koen Desmet", due_at=due)
        s.add(request)
        s.flush()
        request_id = request.id

    [hit] = [h for h in search.search("stukken") if h.kind == "document_request"]
    assert (hit.ref_id, hit.title, hit.subtitle, hit.when) == (
        request_id, "Nota: Personeelsplan 2027", "Koen Desmet", due)
    assert ("document_request", request_id) in {(h.kind, h.ref_id) for h in search.search("Desmet")}

    with store.session_factory.begin() as s:
        s.scalars(select(DocumentRequest)).one().title = "Cijfertabellen meerjarenplan"
    assert [h.ref_id for h in search.search("cijfertabellen")] == [request_id]
    assert not [h for h in search.search("personeelsplan") if h.kind == "document_request"]

    with store.session_factory.begin() as s:
        s.delete(s.get(DocumentRequest, request_id))
    assert not [h for h in search.search("stukken") if h.kind == "document_request"]


def test_an_older_store_finds_its_requested_documents_after_the_upgrade(store_url: str) -> None:
    from sqlalchemy.orm import Session

    from kortrijk_cockpit.store import open_store
    from kortrijk_cockpit.store.database import create_store_engine, parse_url
    from kortrijk_cockpit.store.schema import upgrade_store

    url = parse_url(store_url)
    migrator = create_store_engine(url, for_migrations=True)
    upgrade_store(migrator, backups=None, target="0002")  # as the previous release left it
    migrator.dispose()
    engine = create_store_engine(url)
    # Written as that release wrote them: only the columns 0002 has (today's models
    # carry columns of later migrations).
    start = NOW.replace(hour=9) + timedelta(days=1)
    meetings = table("meetings", column("id", Integer), column("title", String),
                     column("starts_at", UTCDateTime()), column("ends_at", UTCDateTime()),
                     column("location", String), column("status", String),
                     column("minutes_text", String), column("version", Integer))
    items = table("agenda_items", column("id", Integer), column("meeting_id", Integer),
                  column("position", Integer), column("title", String),
                  column("description", String), column("kind", String),
                  column("owner_name", String), column("directorate", String),
                  column("duration_minutes", Integer), column("version", Integer))
    requests = table("document_requests", column("agenda_item_id", Integer),
                     column("title", String), column("requested_from", String),
                     column("requested_from_email", String), column("due_at", UTCDateTime()),
                     column("status", String), column("version", Integer))
    with Session(engine) as s, s.begin():
        meeting_id = s.execute(insert(meetings).returning(meetings.c.id).values(
            title="MAT", starts_at=start, ends_at=start + timedelta(hours=2),
            location="Stadhuis", status="planned", minutes_text="", version=1)).scalar_one()
        item_id = s.execute(insert(items).returning(items.c.id).values(
            meeting_id=meeting_id, position=0, title="Jaarrekening 2026", description="",
            kind="discussion", owner_name="", directorate="", duration_minutes=15,
            version=1)).scalar_one()
        s.execute(insert(requests).values(
            agenda_item_id=item_id, title="Nota: Jaarrekening 2026", requested_from="",
            requested_from_email="", due_at=start - timedelta(days=4), status="requested",
            version=1))
    engine.dispose()

    store = open_store(url)
    try:
        hits = SearchService(store.session_factory, FixedClock(NOW)).search("stukken")
        assert [h.title for h in hits] == ["Nota: Jaarrekening 2026"]
    finally:
        store.close()
