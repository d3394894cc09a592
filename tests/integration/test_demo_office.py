"""`--demo` holds together: the sandbox mailbox, read by real exchangelib and synced into the
store, and the store's demo office tell the same story (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import time, timedelta

import exchangelib
import holidays
import pytest
from exchangelib import Message
from sqlalchemy import select

from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.demo_office import DC, MAT, OWNER, briefing_events
from kortrijk_cockpit.domain import (
    ActionPoint,
    AgendaItem,
    Attachment,
    Brief,
    CalendarEvent,
    Deliverable,
    DeliverableStatus,
    DocumentRequest,
    FlagStatus,
    Mail,
    Meeting,
    Person,
    ReportingCycle,
)
from kortrijk_cockpit.exchange.ews import EwsBackend
from kortrijk_cockpit.exchange.sync import SyncEngine, SyncOptions
from kortrijk_cockpit.sandbox import SandboxServer, demo_mailbox
from kortrijk_cockpit.services.deadlines import DeadlineService
from kortrijk_cockpit.services.demo_data import link_demo_reporting, seed_demo
from kortrijk_cockpit.services.mail_list import MailListService, MailQuery, MailView, TriageState
from kortrijk_cockpit.store import Store
from tests.demo_checks import MENTIONS_FILE, file_text, glued
from tests.integration.exchange_fixtures import NOW, settings_for
from tests.integration.sandbox_fixtures import BXL, make_account

MORNING = NOW.replace(hour=8)  # what --demo builds the mailbox for: today 08:00


@pytest.fixture
def demo_server() -> Iterator[SandboxServer]:
    with SandboxServer(demo_mailbox(mails=150, events=60, now=MORNING)) as server:
        yield server
    exchangelib.close_connections()


@pytest.fixture
def demo_store(store: Store, demo_server: SandboxServer) -> Store:
    """The store as `--demo` fills it: the office seeded, mail and calendar synced."""
    seed_demo(store.session_factory, NOW.date(), with_mailbox=False)
    backend = EwsBackend(settings_for(demo_server, demo_server.mailbox), demo_server.password)
    try:
        SyncEngine(store.session_factory, backend, FixedClock(NOW), SyncOptions()).sync()
    finally:
        backend.close()
    assert demo_server.errors == []
    return store


def test_demo_meetings_and_the_synced_calendar_agree(demo_store: Store) -> None:
    with demo_store.session() as s:
        meetings = s.scalars(select(Meeting)).all()
        events = s.scalars(select(CalendarEvent)).all()
    calendar = {(e.subject, e.start_at, e.end_at) for e in events}
    assert len(meetings) > 20
    for meeting in meetings:
        slot = MAT if meeting.title.startswith("MAT ") else DC
        assert (slot.subject, meeting.starts_at, meeting.ends_at) in calendar, meeting.title
        local = meeting.starts_at.astimezone(BXL)
        assert (local.weekday(), local.time()) == (slot.weekday, slot.start)
    # ...and every MAT/DC in the calendar of those weeks is one of the office's meetings.
    first, last = min(m.starts_at for m in meetings), max(m.starts_at for m in meetings)
    planned = {(m.starts_at, m.ends_at) for m in meetings}
    for event in events:
        if event.subject in (MAT.subject, DC.subject) and first <= event.start_at <= last:
            assert (event.start_at, event.end_at) in planned, event.subject


def test_everyone_named_in_the_office_is_a_person_with_function_and_organisation(
        demo_store: Store) -> None:
    with demo_store.session() as s:
        people = {p.full_name: p for p in s.scalars(select(Person))}
        named = {
            *s.scalars(select(Mail.sender_name)),
            *s.scalars(select(ActionPoint.owner_name)),
            *s.scalars(select(AgendaItem.owner_name).where(AgendaItem.owner_name != "")),
            *s.scalars(select(DocumentRequest.requested_from)),
            *s.scalars(select(Deliverable.owner_name)),
            *(bp.person.full_name for b in s.scalars(select(Brief)) for bp in b.people),
            *(a.split(" <")[0] for e in s.scalars(select(CalendarEvent)) for a in e.attendees),
        }
        organisations = {p.full_name: p.organisation.name for p in people.values()
                         if p.organisation is not None}
    named.discard(OWNER.name)  # the director herself is no contact of hers
    assert len(named) > 20
    for name in named:
        assert name in people, f"{name} is not in the demo's people"
        assert people[name].function and organisations.get(name), name


def test_synced_mail_reads_as_dutch_sentences_with_its_files_and_triage_history(
        demo_store: Store) -> None:
    with demo_store.session() as s:
        mails = s.scalars(select(Mail)).all()
        signers = {p.full_name: (p.function, p.organisation.name)
                   for p in s.scalars(select(Person)) if p.organisation is not None}
        signers[OWNER.name] = (OWNER.function, OWNER.organisation)
        files = {m.id: [a.name for a in s.scalars(select(Attachment).where(
            Attachment.mail_id == m.id))] for m in mails}
    assert len(mails) > 100
    for mail in mails:
        assert not glued(mail.body_text), glued(mail.body_text)
        # The signature: a closing line, then the name, function and organisation.
        closing, name, function, organisation = mail.body_text.split("\n\n")[-1].splitlines()
        assert closing in ("Met vriendelijke groet,", "Vriendelijke groeten,", "Groeten,")
        assert name in signers and (function, organisation) == signers[name], mail.body_text
        assert bool(MENTIONS_FILE.search(mail.body_text)) == bool(files[mail.id]), mail.subject
        sent = mail.sent_at.astimezone(BXL)  # type: ignore[union-attr]
        assert sent.weekday() < 5 and time(7, 30) <= sent.time() <= time(18, 30)
        assert sent.date() not in holidays.country_holidays("BE", years=sent.year)
    older = [m for m in mails if NOW - m.received_at > timedelta(days=7)]  # type: ignore[operator]
    newer = [m for m in mails if NOW - m.received_at < timedelta(days=7)]  # type: ignore[operator]
    assert sum(bool(m.categories) for m in older) > 40
    assert any(m.flag_status != FlagStatus.NONE for m in older)
    assert newer and not any(m.categories for m in newer)


def test_demo_waiting_mail_comes_back_without_a_reply_and_leaves_with_one(
        demo_store: Store) -> None:
    """Marked "Wacht op antwoord" in the mailbox (no date from triage here): the one
    without a reply is back in Te behandelen, marked; the answered one left the view."""
    service = MailListService(demo_store.session_factory, FixedClock(NOW))
    with demo_store.session() as s:
        marked = s.scalars(select(Mail.id).where(Mail.waiting_due_at.is_(None))).all()
    rows = service.rows(marked)
    waiting = [r for r in rows.values() if "Wacht op antwoord" in r.categories]
    assert sorted(r.state for r in waiting) == [TriageState.NO_REPLY, TriageState.REPLIED]
    no_reply = next(r for r in waiting if r.state == TriageState.NO_REPLY)
    assert no_reply.outcome == "Wacht op antwoord"
    assert no_reply.id in service.ids(MailQuery(MailView.TODO))
    assert service.ids(MailQuery(MailView.WAITING)) == [no_reply.id]
    assert service.counts().no_reply == 1


def test_the_briefs_are_about_the_external_events_in_the_calendar(demo_store: Store) -> None:
    with demo_store.session() as s:
        briefs = {b.title: (b.starts_at, b.place) for b in s.scalars(select(Brief))}
        events = {e.subject: (e.start_at, e.location, e.attendees)
                  for e in s.scalars(select(CalendarEvent))}
    assert len(briefs) == 2
    for title, (starts_at, place) in briefs.items():
        start, location, attendees = events[title]
        assert (starts_at, place) == (start, location)
        assert len(attendees) >= 4
    assert all(len(events[e.subject][2]) == len(e.attendees) for e in briefing_events(NOW.date()))


def test_demo_attachments_open_when_fetched_through_exchangelib(
        demo_server: SandboxServer) -> None:
    account = make_account(demo_server)
    messages = [m for m in account.inbox.all().only("subject", "body", "attachments",
                                                      "datetime_sent")
                if isinstance(m, Message)]
    with_files = [m for m in messages if m.attachments]
    assert len(messages) > 50 and len(with_files) > 5
    for message in messages:
        assert bool(MENTIONS_FILE.search(str(message.body))) == bool(message.attachments)
        sent = message.datetime_sent.astimezone(BXL)
        assert sent.weekday() < 5 and time(7, 30) <= sent.time() <= time(18, 30)
    for message in with_files:
        for attachment in message.attachments:
            assert file_text(attachment.name, attachment.content).strip(), attachment.name


def test_the_store_only_demo_holds_the_same_mail_and_calendar(store: Store) -> None:
    """`seed_demo` with its own mailbox (tests, benchmarks) tells the sandbox's story."""
    seed_demo(store.session_factory, NOW.date(), mails=150)
    box = demo_mailbox(mails=150, events=60, now=MORNING)
    sandbox_mails = {(i.subject, i.sent) for f in box.folders if f.key != "calendar"
                     for i in f.items if i.sensitivity != "Private"}
    with store.session() as s:
        stored = {(m.subject, m.sent_at) for m in s.scalars(select(Mail))}
        meetings = s.scalars(select(Meeting)).all()
        events = {(e.subject, e.start_at) for e in s.scalars(select(CalendarEvent))}
    assert stored == sandbox_mails
    assert all(((MAT if m.title.startswith("MAT") else DC).subject, m.starts_at) in events
               for m in meetings)
    voka = next(e for e in briefing_events(NOW.date()) if e.key == "voka")
    assert (voka.subject, voka.start) in events


def test_demo_reporting_is_this_years_cycles_with_parts_in_every_status(
        demo_store: Store) -> None:
    # After the first sync the window links a received part to its owner's mail.
    assert link_demo_reporting(demo_store.session_factory)
    assert not link_demo_reporting(demo_store.session_factory)  # once
    with demo_store.session() as s:
        cycles = [(c.year, len(c.milestones)) for c in s.scalars(select(ReportingCycle))]
        parts = s.scalars(select(Deliverable)).all()
        linked = [(p.owner_name, p.document_name, s.get(Mail, p.document_mail_id))
                  for p in parts if p.document_mail_id]
    assert {year for year, _ in cycles} == {NOW.year} and len(cycles) == 8
    assert all(milestones >= 2 for _, milestones in cycles)
    assert {p.status for p in parts} == set(DeliverableStatus)
    assert len(parts) == 8 * 5
    [(owner, name, mail)] = linked
    assert mail is not None and mail.sender_name == owner and name
    rows = DeadlineService(demo_store.session_factory, FixedClock(NOW)).coming()
    assert {"Rapportering", "Gevraagd stuk", "Vergadering"} <= {r.kind for r in rows}
