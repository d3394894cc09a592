"""Publishing a fiche through the sandbox (real exchangelib over HTTP): the PDF arrives on
the director's appointment and is read back; a republish replaces it; a retry after a lost
answer attaches once; a server fault keeps the entry with a Dutch reason. SQLite and
PostgreSQL."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from kortrijk_cockpit.clock import BRUSSELS, FixedClock
from kortrijk_cockpit.domain import (
    AuditEntry,
    Brief,
    BriefPerson,
    BriefStatus,
    BriefVersion,
    CalendarEvent,
    Organisation,
    OutboxEntry,
    OutboxStatus,
    Person,
)
from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.exchange.ews import EwsBackend
from kortrijk_cockpit.exchange.outbox import OutboxPusher
from kortrijk_cockpit.sandbox import Mailbox
from kortrijk_cockpit.services.brief_publish import BriefPublisher
from kortrijk_cockpit.store import Store
from tests.integration.exchange_fixtures import backend_id, server_id
from tests.integration.fiche_world import (
    OBJECTIVE,
    PERSON,
    ROLE,
    SENSITIVE,
    docx_lines,
    pdf_pages,
)

START = datetime(2026, 12, 3, 18, 0, tzinfo=BRUSSELS)
SUBJECT = "Voka netwerkavond"
DIRECTOR = "algemeen.directeur@kortrijk.be"
BUSY = {"ews": "Exchange-server is druk", "graph": "Microsoft 365 is druk"}


def seed(store: Store, mailbox: Mailbox, protocol: str = "ews", *,
         event_type: str = "") -> tuple[int, str]:
    """An appointment in the director's calendar (also in the store, as a sync leaves it)
    and its approved fiche with one person worth meeting."""
    ews_id = mailbox.add_event(SUBJECT, START, START + timedelta(hours=2),
                               location="Kortrijk Xpo", organizer=("Voka", "events@voka.be"))
    exchange_id = backend_id(protocol, ews_id)
    item = mailbox.find(ews_id)
    assert item is not None
    with store.session_factory.begin() as s:
        event = CalendarEvent(subject=SUBJECT, start_at=START, end_at=START + timedelta(hours=2),
                              location="Kortrijk Xpo", organizer="events@voka.be",
                              exchange_id=exchange_id, change_key=item.change_key)
        voka = Organisation(name="Voka West-Vlaanderen")
        person = Person(full_name=PERSON, function="Gedelegeerd bestuurder", organisation=voka,
                        last_contact_at=datetime(2026, 10, 12, 10, tzinfo=BRUSSELS))
        s.add_all([event, voka, person])
        s.flush()
        brief = Brief(title=SUBJECT, calendar_event_id=event.id, starts_at=START,
                      place="Kortrijk Xpo", director_role=ROLE, objective=OBJECTIVE,
                      sensitive_topics=SENSITIVE, key_messages="- Eén\n- Twee\n- Drie",
                      status=BriefStatus.APPROVED, approved_at=START - timedelta(days=2),
                      approved_by="hilde", event_type=event_type)
        brief.people.append(BriefPerson(person=person, open_matters="Opleidingscampus",
                                        opener="Hoe loopt de campus?"))
        s.add(brief)
        s.flush()
        return brief.id, exchange_id


def publisher(store: Store, clock: FixedClock, tmp_path: Path, **kwargs: object) -> BriefPublisher:
    return BriefPublisher(store.session_factory, clock, tmp_path / "fiches", None, "annelies",
                          director=DIRECTOR, **kwargs)  # type: ignore[arg-type]


def pdfs_on(mailbox: Mailbox, exchange_id: str) -> list[str]:
    item = mailbox.find(server_id(exchange_id))
    assert item is not None
    return [a.name for a in item.attachments]


@pytest.mark.both_protocols
def test_the_pdf_arrives_on_the_appointment_and_is_read_back(
        store: Store, mailbox: Mailbox, backend: EwsBackend, clock: FixedClock,
        protocol: str, tmp_path: Path, qapp: QApplication) -> None:
    brief_id, exchange_id = seed(store, mailbox, protocol)
    service = publisher(store, clock, tmp_path)
    plan = service.plan(brief_id)
    assert (plan.event_subject, plan.attachment_name, plan.replaces) == (
        SUBJECT, f"Fiche {brief_id} v1 - {SUBJECT}.pdf", False)

    made = service.publish(brief_id, mail_to_director=True)
    assert made.docx.is_file() and made.pdf.is_file()
    assert made.docx.parent == tmp_path / "fiches" / str(brief_id)
    assert docx_lines(made.docx.read_bytes())[0].startswith(f"{SUBJECT} · Donderdag 3 december")
    assert OutboxPusher(store.session_factory, backend, clock).push().pushed == 2

    # Read back through exchangelib (GetItem, GetAttachment), as Outlook would show it.
    files = backend.event_files(exchange_id)
    assert files is not None
    assert [f.name for f in files.files] == [made.attachment_name]
    pages = pdf_pages(backend.fetch_attachment(files.files[0].exchange_id))
    assert len(pages) <= 2 and pages[0].startswith(f"{SUBJECT} · Donderdag 3 december 2026")
    assert PERSON in " ".join(pages) and "goedgekeurd door hilde" in " ".join(pages)
    mail = mailbox.sent[-1]
    assert [a.email for a in mail.to] == [DIRECTOR]
    assert [a.name for a in mail.attachments] == [made.attachment_name]

    with store.session() as s:
        version = s.get(BriefVersion, made.version_id)
        assert version is not None
        assert (version.step, version.pdf_path, version.docx_path) == (
            "gepubliceerd", str(made.pdf), str(made.docx))
        event = s.scalars(select(CalendarEvent)).one()
        assert event.change_key == files.change_key  # the next change to it is not stale
        assert s.scalars(select(AuditEntry.actor).where(
            AuditEntry.action == "brief_published")).all() == ["annelies"]


@pytest.mark.both_protocols
def test_a_republish_replaces_the_earlier_version_on_the_appointment(
        store: Store, mailbox: Mailbox, backend: EwsBackend, clock: FixedClock,
        protocol: str, tmp_path: Path, qapp: QApplication) -> None:
    brief_id, exchange_id = seed(store, mailbox, protocol)
    mailbox.add_attachment(mailbox.find(server_id(exchange_id)),
                           ("Routebeschrijving.pdf", b"%PDF-1.4"))
    service = publisher(store, clock, tmp_path)
    first = service.publish(brief_id)
    pusher = OutboxPusher(store.session_factory, backend, clock)
    pusher.push()
    assert service.plan(brief_id).replaces
    second = service.publish(brief_id)
    assert second.number == first.number + 1 and first.pdf.is_file()  # kept, not overwritten
    pusher.push()
    assert pdfs_on(mailbox, exchange_id) == ["Routebeschrijving.pdf", second.attachment_name]


@pytest.mark.both_protocols
def test_a_retry_after_a_lost_answer_attaches_once(
        store: Store, mailbox: Mailbox, backend: EwsBackend, clock: FixedClock,
        protocol: str, tmp_path: Path, sandbox,  # type: ignore[no-untyped-def]
        qapp: QApplication) -> None:
    brief_id, exchange_id = seed(store, mailbox, protocol)
    made = publisher(store, clock, tmp_path).publish(brief_id)
    sandbox.faults.lose_answer(operation="CreateAttachment")
    pusher = OutboxPusher(store.session_factory, backend, clock)
    report = pusher.push()
    assert report.pushed == 0 and report.retry_at is not None
    assert pdfs_on(mailbox, exchange_id) == [made.attachment_name]  # it did land
    clock.moment = report.retry_at + timedelta(seconds=1)
    assert pusher.push().pushed == 1
    assert pdfs_on(mailbox, exchange_id) == [made.attachment_name]
    with store.session() as s:
        assert s.scalars(select(OutboxEntry.status)).all() == [OutboxStatus.DONE]


@pytest.mark.both_protocols
def test_a_server_fault_keeps_the_entry_with_a_dutch_reason(
        store: Store, mailbox: Mailbox, backend: EwsBackend, clock: FixedClock,
        protocol: str, tmp_path: Path, sandbox,  # type: ignore[no-untyped-def]
        qapp: QApplication) -> None:
    brief_id, exchange_id = seed(store, mailbox, protocol)
    publisher(store, clock, tmp_path).publish(brief_id)
    sandbox.faults.server_busy(operation="CreateAttachment")
    OutboxPusher(store.session_factory, backend, clock).push()
    with store.session() as s:
        entry = s.scalars(select(OutboxEntry)).one()
        assert entry.status == OutboxStatus.PENDING
        assert BUSY[protocol] in entry.last_error
    assert pdfs_on(mailbox, exchange_id) == []

    mailbox.delete_item(server_id(exchange_id))  # he removed the appointment in Outlook meanwhile
    clock.moment = clock.now() + timedelta(hours=2)
    OutboxPusher(store.session_factory, backend, clock).push()
    with store.session() as s:
        entry = s.scalars(select(OutboxEntry)).one()
        assert entry.status == OutboxStatus.FAILED
        assert entry.last_error.startswith("De afspraak bestaat niet meer in Exchange")


def test_a_fiche_without_an_appointment_is_refused_in_dutch(
        store: Store, mailbox: Mailbox, clock: FixedClock, tmp_path: Path,
        qapp: QApplication) -> None:
    brief_id, _ = seed(store, mailbox)
    with store.session_factory.begin() as s:
        s.scalars(select(CalendarEvent)).one().is_cancelled = True
        s.add(Brief(title="Losse fiche"))
    service = publisher(store, clock, tmp_path)
    with pytest.raises(UserFacingError, match="bestaat niet meer in de agenda"):
        service.publish(brief_id)
    with store.session() as s:
        loose = s.scalars(select(Brief.id).where(Brief.title == "Losse fiche")).one()
    with pytest.raises(UserFacingError, match="hoort bij geen afspraak"):
        service.plan(loose)
    assert not (tmp_path / "fiches").exists() or not any((tmp_path / "fiches").rglob("*.pdf"))


def test_the_sections_of_the_event_type_decide_what_is_published(
        store: Store, mailbox: Mailbox, clock: FixedClock, tmp_path: Path,
        qapp: QApplication) -> None:
    brief_id, _ = seed(store, mailbox, event_type="receptie")
    made = publisher(store, clock, tmp_path,
                     sections=lambda: {"receptie": ["objective", "people"]}).publish(brief_id)
    text = " ".join(pdf_pages(made.pdf.read_bytes()))
    assert PERSON in text and SENSITIVE not in text
