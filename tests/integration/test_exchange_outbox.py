"""Push to the director's mailbox: local change + outbox entry, pushed in order,
conflicts never silently overwritten. Real exchangelib against the sandbox."""

from __future__ import annotations

import pytest

import base64
from datetime import timedelta

from sqlalchemy import select

from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.domain import FlagStatus, Mail, MailFolder, OutboxEntry, OutboxStatus
from kortrijk_cockpit.exchange.ews import EwsBackend
from kortrijk_cockpit.exchange.outbox import OutboxPusher
from kortrijk_cockpit.exchange.sync import SyncEngine
from kortrijk_cockpit.sandbox import Mailbox, SandboxServer
from kortrijk_cockpit.services.outbox import OutboxService
from kortrijk_cockpit.services.triage import TriageService
from kortrijk_cockpit.store import Store
from tests.integration.exchange_fixtures import NOW, server_id, stored_as

SENDER = ("Els Vandamme", "els.vandamme@kortrijk.be")


def synced_mail(store: Store, backend: EwsBackend, mailbox: Mailbox, clock: FixedClock,
                **fields: object) -> tuple[str, int]:
    item = mailbox.add_message("inbox", subject="Nota BBC", sender=SENDER, received=NOW, **fields)
    SyncEngine(store.session_factory, backend, clock).sync()
    with store.session() as s:
        mail_id = s.scalar(select(Mail.id).where(Mail.exchange_id.in_(stored_as(item))))
    assert mail_id is not None
    return item, mail_id


def entries(store: Store) -> list[OutboxEntry]:
    with store.session() as s:
        return list(s.scalars(select(OutboxEntry).order_by(OutboxEntry.id)))


@pytest.mark.both_protocols
def test_triage_changes_show_locally_and_reach_exchange_in_order(
        store: Store, backend: EwsBackend, mailbox: Mailbox, clock: FixedClock) -> None:
    item, mail_id = synced_mail(store, backend, mailbox, clock)
    triage = TriageService(store.session_factory)
    due = NOW + timedelta(days=3)
    triage.categorize(mail_id, ["MAT", "Opvolgen"])
    triage.categorize(mail_id, ["MAT"])  # the waiting entry is updated, not doubled
    triage.set_flag(mail_id, FlagStatus.FLAGGED, due)
    triage.mark_read(mail_id)
    assert [e.kind for e in entries(store)] == ["set_categories", "set_flag", "set_read"]

    report = OutboxPusher(store.session_factory, backend, clock).push()

    assert report.pushed == 3
    server = mailbox.get(item)
    assert server.categories == ["MAT"]
    assert server.is_read
    assert server.flag_status == "Flagged" and server.flag_due == due
    with store.session() as s:
        mail = s.get(Mail, mail_id)
        assert mail is not None and mail.change_key == server.change_key
    assert {e.status for e in entries(store)} == {OutboxStatus.DONE}


@pytest.mark.both_protocols
def test_a_change_in_outlook_to_another_field_is_kept_and_ours_applied(
        store: Store, backend: EwsBackend, mailbox: Mailbox, clock: FixedClock) -> None:
    item, mail_id = synced_mail(store, backend, mailbox, clock)
    TriageService(store.session_factory).categorize(mail_id, ["DC"])
    mailbox.update_item(item, subject="Nota BBC (herzien)")  # stale change key now

    report = OutboxPusher(store.session_factory, backend, clock).push()

    assert report.pushed == 1 and report.conflicts == 0
    server = mailbox.get(item)
    assert (server.subject, server.categories) == ("Nota BBC (herzien)", ["DC"])


@pytest.mark.both_protocols
def test_the_same_field_changed_in_outlook_becomes_a_conflict_never_an_overwrite(
        store: Store, backend: EwsBackend, mailbox: Mailbox, clock: FixedClock) -> None:
    item, mail_id = synced_mail(store, backend, mailbox, clock, categories=["MAT"])
    TriageService(store.session_factory).categorize(mail_id, ["DC"])
    mailbox.update_item(item, categories=["Gemeenteraad"])

    report = OutboxPusher(store.session_factory, backend, clock).push()

    assert report.conflicts == 1
    assert mailbox.get(item).categories == ["Gemeenteraad"]
    outbox = OutboxService(store.session_factory)
    [waiting] = outbox.open_entries()
    assert waiting.status == OutboxStatus.CONFLICT and "Outlook" in waiting.last_error

    outbox.discard(waiting.entry_id)  # Outlook's version wins
    with store.session() as s:
        mail = s.get(Mail, mail_id)
        assert mail is not None and mail.categories == ["Gemeenteraad"]
    assert outbox.open_entries() == []


@pytest.mark.both_protocols
def test_keeping_mine_after_a_conflict_overwrites_on_request(
        store: Store, backend: EwsBackend, mailbox: Mailbox, clock: FixedClock) -> None:
    item, mail_id = synced_mail(store, backend, mailbox, clock, categories=["MAT"])
    TriageService(store.session_factory).categorize(mail_id, ["DC"])
    mailbox.update_item(item, categories=["Gemeenteraad"])
    pusher = OutboxPusher(store.session_factory, backend, clock)
    pusher.push()
    outbox = OutboxService(store.session_factory)
    outbox.retry(outbox.open_entries()[0].entry_id)
    assert pusher.push().pushed == 1
    assert mailbox.get(item).categories == ["DC"]


@pytest.mark.both_protocols
def test_nothing_is_lost_while_exchange_is_down(
        store: Store, backend: EwsBackend, mailbox: Mailbox, sandbox: SandboxServer,
        clock: FixedClock) -> None:
    item, mail_id = synced_mail(store, backend, mailbox, clock)
    triage = TriageService(store.session_factory)
    triage.categorize(mail_id, ["MAT"])
    triage.mark_read(mail_id)
    sandbox.faults.http_status(503, count=1)

    report = OutboxPusher(store.session_factory, backend, clock).push()

    assert report.pushed == 0 and report.retry_at is not None
    first, second = entries(store)
    assert (first.status, first.attempts) == (OutboxStatus.PENDING, 1)
    assert (second.status, second.attempts) == (OutboxStatus.PENDING, 0)  # order kept
    assert mailbox.get(item).categories == []

    later = FixedClock(report.retry_at + timedelta(seconds=1))
    assert OutboxPusher(store.session_factory, backend, later).push().pushed == 2
    assert mailbox.get(item).categories == ["MAT"] and mailbox.get(item).is_read


@pytest.mark.both_protocols
def test_filing_a_mail_moves_it_without_a_duplicate_after_the_next_sync(
        store: Store, backend: EwsBackend, mailbox: Mailbox, clock: FixedClock) -> None:
    item, mail_id = synced_mail(store, backend, mailbox, clock)
    with store.session() as s:
        done = s.scalar(select(MailFolder.id).where(MailFolder.display_name == "Behandeld"))
    assert done is not None
    TriageService(store.session_factory).move(mail_id, done)
    OutboxPusher(store.session_factory, backend, clock).push()
    SyncEngine(store.session_factory, backend, clock).sync()
    with store.session() as s:
        rows = s.scalars(select(Mail)).all()
    assert [(m.id, m.folder_id) for m in rows] == [(mail_id, done)]
    assert server_id(rows[0].exchange_id) != item


@pytest.mark.both_protocols
def test_sending_on_behalf_of_the_director_with_attachments(
        store: Store, backend: EwsBackend, mailbox: Mailbox, clock: FixedClock) -> None:
    with store.session_factory.begin() as s:
        s.add(OutboxEntry(kind="send_mail", payload={
            "subject": "Agenda MAT 24/11", "body_html": "<p>In bijlage de agenda.</p>",
            "to": ["mat@kortrijk.be"],
            "attachments": [{"name": "Agenda MAT.docx", "content_type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                             "content": base64.b64encode(b"PK docx").decode()}],
        }))
    assert OutboxPusher(store.session_factory, backend, clock).push().pushed == 1
    [sent] = mailbox.sent
    assert sent.subject == "Agenda MAT 24/11"
    assert sent.author is not None and sent.author.email == mailbox.owner
    assert sent.sender.email == mailbox.delegate  # sent on behalf, by the assistant
    assert sent.attachments == [("Agenda MAT.docx", b"PK docx")]
    assert sent.saved_item_id is not None  # a copy in Sent Items


@pytest.mark.both_protocols
def test_send_as_denied_fails_the_entry_with_a_dutch_reason(
        store: Store, backend: EwsBackend, sandbox: SandboxServer, clock: FixedClock) -> None:
    sandbox.faults.send_as_denied = True
    with store.session_factory.begin() as s:
        s.add(OutboxEntry(kind="send_mail", payload={"subject": "x", "body_html": "x",
                                                     "to": ["a@kortrijk.be"]}))
    report = OutboxPusher(store.session_factory, backend, clock).push()
    assert report.failed == 1
    [entry] = OutboxService(store.session_factory).open_entries()
    assert entry.status == OutboxStatus.FAILED and "namens" in entry.last_error


def test_appointments_made_in_the_app_invite_update_and_cancel_in_exchange(
        store: Store, backend: EwsBackend, mailbox: Mailbox, clock: FixedClock) -> None:
    from kortrijk_cockpit.domain import CalendarEvent
    from kortrijk_cockpit.exchange.records import EventDraft
    from kortrijk_cockpit.services.calendar import CalendarService

    calendar = CalendarService(store.session_factory)
    start = NOW + timedelta(days=2)
    draft = EventDraft(subject="Bilateraal schepen Financiën", start_at=start,
                       end_at=start + timedelta(hours=1), location="Kabinet",
                       required=("jan.vercruysse@kortrijk.be",))
    event_id = calendar.create(draft).event_id
    pusher = OutboxPusher(store.session_factory, backend, clock)
    assert pusher.push().pushed == 1
    with store.session() as s:
        event = s.get(CalendarEvent, event_id)
        assert event is not None and event.exchange_id
        exchange_id = event.exchange_id
    assert mailbox.get(exchange_id).subject == "Bilateraal schepen Financiën"
    assert [(i.kind, [r.email for r in i.recipients]) for i in mailbox.invitations] == [
        ("request", ["jan.vercruysse@kortrijk.be"])]

    later = EventDraft(**{**draft.__dict__, "start_at": start + timedelta(hours=2),
                          "end_at": start + timedelta(hours=3)})
    calendar.update(event_id, later)
    assert pusher.push().pushed == 1
    assert mailbox.get(exchange_id).start == start + timedelta(hours=2)

    assert [i.kind for i in mailbox.invitations] == ["request", "update"]
    calendar.cancel(event_id)
    assert pusher.push().pushed == 1
    assert [i.kind for i in mailbox.invitations] == ["request", "update", "cancellation"]
    SyncEngine(store.session_factory, backend, clock).refresh_calendar()
    with store.session() as s:
        assert s.get(CalendarEvent, event_id) is None


class UserActsDuringPush:
    """The real backend; the user makes another change while the first one is in flight."""

    def __init__(self, backend: EwsBackend, act: object) -> None:
        self._backend, self._act = backend, act

    def __getattr__(self, name: str) -> object:
        return getattr(self._backend, name)

    def set_categories(self, exchange_id: str, change_key: str, categories: list[str]) -> str:
        key = self._backend.set_categories(exchange_id, change_key, categories)
        act, self._act = self._act, None
        if act is not None:
            act()  # type: ignore[operator]
        return key


@pytest.mark.both_protocols
def test_a_change_made_while_the_previous_one_is_pushed_is_not_lost(
        store: Store, backend: EwsBackend, mailbox: Mailbox, clock: FixedClock) -> None:
    item, mail_id = synced_mail(store, backend, mailbox, clock)
    triage = TriageService(store.session_factory)
    triage.categorize(mail_id, ["MAT"])
    racing = UserActsDuringPush(backend, lambda: triage.categorize(mail_id, ["DC"]))

    report = OutboxPusher(store.session_factory, racing, clock).push()  # type: ignore[arg-type]

    assert mailbox.get(item).categories == ["DC"]
    assert (report.pushed, report.conflicts) == (2, 0)
    assert [e.status for e in entries(store)] == [OutboxStatus.DONE]


def test_a_waiting_move_and_appointment_change_survive_a_pull(
        store: Store, backend: EwsBackend, mailbox: Mailbox, clock: FixedClock) -> None:
    """Until pushed, her change is what she sees: a pull must not put the mail back in
    the inbox, nor the appointment back at its old time."""
    from kortrijk_cockpit.domain import CalendarEvent, SyncState
    from kortrijk_cockpit.exchange.records import EventDraft
    from kortrijk_cockpit.services.calendar import CalendarService

    _, mail_id = synced_mail(store, backend, mailbox, clock)
    start = NOW + timedelta(days=1)
    event_item = mailbox.add_event("Bilateraal", start, start + timedelta(hours=1))
    engine = SyncEngine(store.session_factory, backend, clock)
    engine.sync()
    with store.session() as s:
        done = s.scalar(select(MailFolder.id).where(MailFolder.display_name == "Behandeld"))
        event_id = s.scalar(select(CalendarEvent.id).where(CalendarEvent.exchange_id == event_item))
    assert done is not None and event_id is not None
    TriageService(store.session_factory).move(mail_id, done)
    later = EventDraft(subject="Bilateraal (verzet)", start_at=start + timedelta(hours=3),
                       end_at=start + timedelta(hours=4))
    CalendarService(store.session_factory).update(event_id, later)
    mailbox.add_event("College", start, start + timedelta(hours=2))  # the calendar changed

    engine.sync()
    with store.session_factory.begin() as s:  # and a full resync of every folder
        s.execute(SyncState.__table__.delete())
    engine.sync()

    with store.session() as s:
        mail = s.get(Mail, mail_id)
        event = s.get(CalendarEvent, event_id)
        assert mail is not None and mail.folder_id == done
        assert event is not None and event.subject == "Bilateraal (verzet)"
    assert OutboxPusher(store.session_factory, backend, clock).push().pushed == 2
    assert mailbox.get(event_item).subject == "Bilateraal (verzet)"


def test_keeping_mine_settles_an_appointment_conflict(
        store: Store, backend: EwsBackend, mailbox: Mailbox, clock: FixedClock) -> None:
    from kortrijk_cockpit.domain import CalendarEvent
    from kortrijk_cockpit.exchange.records import EventDraft
    from kortrijk_cockpit.services.calendar import CalendarService

    calendar = CalendarService(store.session_factory)
    start = NOW + timedelta(days=2)
    event_id = calendar.create(EventDraft(subject="Overleg", start_at=start,
                                          end_at=start + timedelta(hours=1))).event_id
    pusher = OutboxPusher(store.session_factory, backend, clock)
    pusher.push()
    with store.session() as s:
        exchange_id = s.get(CalendarEvent, event_id).exchange_id  # type: ignore[union-attr]
    assert exchange_id
    calendar.update(event_id, EventDraft(subject="Overleg (verzet)",
                                         start_at=start + timedelta(hours=2),
                                         end_at=start + timedelta(hours=3)))
    mailbox.update_item(exchange_id, categories=["MAT"])  # Outlook touched it meanwhile
    assert pusher.push().conflicts == 1
    SyncEngine(store.session_factory, backend, clock).sync()  # her change stays shown

    outbox = OutboxService(store.session_factory)
    outbox.retry(outbox.open_entries()[0].entry_id)  # "keep mine"
    assert pusher.push().pushed == 1
    assert mailbox.get(exchange_id).subject == "Overleg (verzet)"
    assert outbox.open_entries() == []


@pytest.mark.both_protocols
def test_a_discard_while_the_entry_is_pushed_ends_the_round_normally(
        store: Store, backend: EwsBackend, mailbox: Mailbox, clock: FixedClock) -> None:
    from kortrijk_cockpit.exchange.round import MailboxRound, RoundStatus
    from kortrijk_cockpit.task_context import TaskContext

    _, mail_id = synced_mail(store, backend, mailbox, clock)
    TriageService(store.session_factory).categorize(mail_id, ["MAT"])
    outbox = OutboxService(store.session_factory)
    racing = UserActsDuringPush(backend, lambda: outbox.discard(outbox.open_entries()[0].entry_id))

    outcome = MailboxRound(lambda: racing, store.session_factory,  # type: ignore[arg-type,return-value]
                           clock).run(TaskContext())

    assert outcome.status is RoundStatus.SYNCED
    assert entries(store) == []
