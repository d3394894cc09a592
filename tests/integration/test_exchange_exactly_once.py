"""Exactly once: Exchange carried a write out but its answer was lost (a VPN drop,
a timeout after the server committed). The retry must not write again: no second
appointment, no second mail to people outside the city, no second invitation.

Real exchangelib against the sandbox, whose `lose_answer` fault applies the
request and then closes the connection without answering.
"""

from __future__ import annotations

import base64
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.domain import (
    CalendarEvent,
    FlagStatus,
    Mail,
    MailFolder,
    OutboxEntry,
    OutboxStatus,
)
from kortrijk_cockpit.exchange.ews import EwsBackend
from kortrijk_cockpit.exchange.outbox import OutboxPusher, PushReport
from kortrijk_cockpit.exchange.outbox_kinds import OutboxKind, mail_values, queue
from kortrijk_cockpit.exchange.records import EventDraft, OutgoingAttachment, OutgoingMail
from kortrijk_cockpit.exchange.sync import SyncEngine
from kortrijk_cockpit.sandbox import Mailbox, SandboxServer
from kortrijk_cockpit.services.calendar import CalendarService
from kortrijk_cockpit.services.outbox import OutboxService
from kortrijk_cockpit.services.triage import TriageService
from kortrijk_cockpit.store import Store
from tests.integration.exchange_fixtures import NOW, server_id, stored_as

SENDER = ("Els Vandamme", "els.vandamme@kortrijk.be")


def push_until_settled(store: Store, backend: EwsBackend, start: datetime) -> list[PushReport]:
    """Push, and after each postponement push again once its back-off has passed."""
    clock, reports = FixedClock(start), []
    for _ in range(12):
        report = OutboxPusher(store.session_factory, backend, clock).push()
        reports.append(report)
        if report.retry_at is None:
            return reports
        clock = FixedClock(report.retry_at + timedelta(seconds=1))
    raise AssertionError("the outbox never settled")


def statuses(store: Store) -> list[OutboxStatus]:
    with store.session() as s:
        return list(s.scalars(select(OutboxEntry.status).order_by(OutboxEntry.id)))


def draft(subject: str, hours: int = 0, **extra: object) -> EventDraft:
    start = NOW + timedelta(days=2, hours=hours)
    return EventDraft(subject=subject, start_at=start, end_at=start + timedelta(hours=1),
                      location="Stadhuis", required=("jan.vercruysse@kortrijk.be",),
                      **extra)  # type: ignore[arg-type]


def calendar_subjects(mailbox: Mailbox) -> list[str]:
    return sorted(i.subject for i in mailbox.folder("calendar").items)


@pytest.mark.both_protocols
def test_three_appointments_with_lost_answers_end_as_three(
        store: Store, backend: EwsBackend, mailbox: Mailbox, sandbox: SandboxServer) -> None:
    calendar = CalendarService(store.session_factory)
    for n in range(3):
        calendar.create(draft(f"Probe {n}", hours=n))
    sandbox.faults.lose_answer(count=2, operation="CreateItem")

    reports = push_until_settled(store, backend, NOW)

    assert calendar_subjects(mailbox) == ["Probe 0", "Probe 1", "Probe 2"]
    assert [i.kind for i in mailbox.invitations] == ["request"] * 3
    assert statuses(store) == [OutboxStatus.DONE] * 3
    assert len(reports) > 1  # the answers really were lost: the round was postponed
    with store.session() as s:  # each local appointment points at its one server item
        ids = s.scalars(select(CalendarEvent.exchange_id)).all()
    assert sorted(mailbox.get(server_id(i)).subject for i in ids) == calendar_subjects(mailbox)


@pytest.mark.both_protocols
@pytest.mark.parametrize("in_outbox", [False, True], ids=["submitted", "waiting-in-outbox"])
def test_a_mail_whose_answer_was_lost_is_sent_once(
        store: Store, backend: EwsBackend, mailbox: Mailbox, sandbox: SandboxServer,
        in_outbox: bool) -> None:
    outgoing = OutgoingMail(
        subject="Uitnodiging netwerkmoment Leiedal", body_html="<p>In bijlage het programma.</p>",
        to=("partner@leiedal.be",),
        attachments=(OutgoingAttachment("Programma.pdf", b"%PDF-1.4 programma",
                                        "application/pdf"),))
    with store.session_factory.begin() as s:
        queue(s, OutboxKind.SEND_MAIL, mail_values(outgoing))
    sandbox.faults.lose_answer(operation="CreateItem")
    sandbox.faults.hold_in_outbox = in_outbox  # transport has not taken it at the retry

    push_until_settled(store, backend, NOW)
    mailbox.submit_outbox()

    assert [m.subject for m in mailbox.sent] == ["Uitnodiging netwerkmoment Leiedal"]
    assert [m.attachments for m in mailbox.sent] == [[("Programma.pdf", b"%PDF-1.4 programma")]]
    assert [i.subject for i in mailbox.folder("sentitems").items] == \
        ["Uitnodiging netwerkmoment Leiedal"]
    assert statuses(store) == [OutboxStatus.DONE]


@pytest.mark.both_protocols
def test_a_send_queued_without_a_marker_gets_one_before_its_first_write(
        store: Store, backend: EwsBackend, mailbox: Mailbox, sandbox: SandboxServer) -> None:
    """Entries queued by an older version carry no marker: the pusher gives them one."""
    with store.session_factory.begin() as s:
        s.add(OutboxEntry(kind="send_mail", payload={
            "subject": "Agenda MAT", "body_html": "<p>Agenda</p>", "to": ["mat@kortrijk.be"],
            "attachments": [{"name": "a.txt", "content": base64.b64encode(b"a").decode()}]}))
    sandbox.faults.lose_answer(operation="CreateItem")
    push_until_settled(store, backend, NOW)
    assert [m.subject for m in mailbox.sent] == ["Agenda MAT"]


def _synced_mail(store: Store, backend: EwsBackend, mailbox: Mailbox) -> tuple[str, int]:
    item = mailbox.add_message("inbox", subject="Nota BBC", sender=SENDER, received=NOW)
    SyncEngine(store.session_factory, backend, FixedClock(NOW)).sync()
    with store.session() as s:
        mail_id = s.scalar(select(Mail.id).where(Mail.exchange_id.in_(stored_as(item))))
    assert mail_id is not None
    return item, mail_id


@pytest.mark.both_protocols
@pytest.mark.parametrize("kind", ["categories", "read", "flag"])
def test_a_field_change_whose_answer_was_lost_is_no_conflict(
        kind: str, store: Store, backend: EwsBackend, mailbox: Mailbox,
        sandbox: SandboxServer) -> None:
    item, mail_id = _synced_mail(store, backend, mailbox)
    triage = TriageService(store.session_factory)
    due = NOW + timedelta(days=3)
    {"categories": lambda: triage.categorize(mail_id, ["MAT"]),
     "read": lambda: triage.mark_read(mail_id),
     "flag": lambda: triage.set_flag(mail_id, FlagStatus.FLAGGED, due)}[kind]()
    sandbox.faults.lose_answer(operation="UpdateItem")

    push_until_settled(store, backend, NOW)

    server = mailbox.get(item)
    assert {"categories": server.categories == ["MAT"], "read": server.is_read,
            "flag": server.flag_status == "Flagged" and server.flag_due == due}[kind]
    assert statuses(store) == [OutboxStatus.DONE]  # not a conflict with our own write
    with store.session() as s:
        mail = s.get(Mail, mail_id)
        assert mail is not None and mail.change_key == server.change_key


@pytest.mark.both_protocols
def test_a_move_whose_answer_was_lost_adopts_the_moved_item(
        store: Store, backend: EwsBackend, mailbox: Mailbox, sandbox: SandboxServer) -> None:
    item, mail_id = _synced_mail(store, backend, mailbox)
    with store.session() as s:
        done = s.scalar(select(MailFolder.id).where(MailFolder.display_name == "Behandeld"))
    assert done is not None
    TriageService(store.session_factory).move(mail_id, done)
    sandbox.faults.lose_answer(operation="MoveItem")

    push_until_settled(store, backend, NOW)

    assert [i.subject for i in mailbox.folder("behandeld").items] == ["Nota BBC"]
    assert mailbox.folder("inbox").items == []
    assert statuses(store) == [OutboxStatus.DONE]
    SyncEngine(store.session_factory, backend, FixedClock(NOW)).sync()
    with store.session() as s:  # the same local mail, now pointing at the moved item
        rows = s.scalars(select(Mail)).all()
    assert [(m.id, m.folder_id, m.subject) for m in rows] == [(mail_id, done, "Nota BBC")]
    assert server_id(rows[0].exchange_id) == mailbox.folder("behandeld").items[0].id


@pytest.mark.both_protocols
def test_an_update_and_a_cancellation_whose_answers_were_lost_go_out_once(
        store: Store, backend: EwsBackend, mailbox: Mailbox, sandbox: SandboxServer) -> None:
    calendar = CalendarService(store.session_factory)
    event_id = calendar.create(draft("Bilateraal schepen Financiën")).event_id
    push_until_settled(store, backend, NOW)
    moved = draft("Bilateraal schepen Financiën", hours=2)

    calendar.update(event_id, moved)
    sandbox.faults.lose_answer(operation="UpdateItem")
    push_until_settled(store, backend, NOW)
    with store.session() as s:
        exchange_id = s.get(CalendarEvent, event_id).exchange_id  # type: ignore[union-attr]
    assert exchange_id and mailbox.get(server_id(exchange_id)).start == moved.start_at
    assert [i.kind for i in mailbox.invitations] == ["request", "update"]

    calendar.cancel(event_id)
    sandbox.faults.lose_answer(operation="DeleteItem")
    push_until_settled(store, backend, NOW)
    assert [i.kind for i in mailbox.invitations] == ["request", "update", "cancellation"]
    assert statuses(store) == [OutboxStatus.DONE] * 3  # the cancel did not "fail"


@pytest.mark.both_protocols
def test_discarding_a_conflict_stored_by_an_older_version_restores_exchange_s_value(
        store: Store, backend: EwsBackend, mailbox: Mailbox) -> None:
    _, mail_id = _synced_mail(store, backend, mailbox)
    TriageService(store.session_factory).categorize(mail_id, ["DC"])
    with store.session_factory.begin() as s:
        entry = s.scalars(select(OutboxEntry)).one()
        entry.status = OutboxStatus.CONFLICT
        entry.payload = {**entry.payload, "server": ["Gemeenteraad"]}  # the old list form
    outbox = OutboxService(store.session_factory)
    outbox.discard(outbox.open_entries()[0].entry_id)
    with store.session() as s:
        assert s.get(Mail, mail_id).categories == ["Gemeenteraad"]  # type: ignore[union-attr]


def _folders(store: Store) -> dict[str, int]:
    with store.session() as s:
        return {f.display_name: f.id for f in s.scalars(select(MailFolder))}


@pytest.mark.both_protocols
def test_a_second_move_after_a_lost_answer_ends_where_she_chose(
        store: Store, backend: EwsBackend, mailbox: Mailbox, sandbox: SandboxServer) -> None:
    mailbox.add_folder("Archief")
    item, mail_id = _synced_mail(store, backend, mailbox)
    folders = _folders(store)
    triage = TriageService(store.session_factory)
    triage.move(mail_id, folders["Behandeld"])
    sandbox.faults.lose_answer(operation="MoveItem")
    OutboxPusher(store.session_factory, backend, FixedClock(NOW)).push()  # landed, unheard
    triage.move(mail_id, folders["Archief"])  # she changes her mind meanwhile

    push_until_settled(store, backend, NOW + timedelta(hours=1))
    SyncEngine(store.session_factory, backend, FixedClock(NOW)).sync()

    assert [i.subject for i in mailbox.folder("archief").items] == ["Nota BBC"]
    assert mailbox.folder("behandeld").items == []
    assert set(statuses(store)) == {OutboxStatus.DONE}
    with store.session() as s:  # still her mail, where she put it, pointing at the server's
        mail = s.get(Mail, mail_id)
        assert mail is not None and mail.folder_id == folders["Archief"]
        assert server_id(mail.exchange_id) == mailbox.folder("archief").items[0].id


@pytest.mark.both_protocols
def test_a_newer_change_after_a_lost_answer_is_no_conflict(
        store: Store, backend: EwsBackend, mailbox: Mailbox, sandbox: SandboxServer) -> None:
    item, mail_id = _synced_mail(store, backend, mailbox)
    triage = TriageService(store.session_factory)
    triage.categorize(mail_id, ["MAT"])
    sandbox.faults.lose_answer(operation="UpdateItem")
    OutboxPusher(store.session_factory, backend, FixedClock(NOW)).push()
    triage.categorize(mail_id, ["DC"])

    push_until_settled(store, backend, NOW + timedelta(hours=1))

    assert mailbox.get(item).categories == ["DC"]
    assert set(statuses(store)) == {OutboxStatus.DONE}  # not "changed in Outlook too"


@pytest.mark.both_protocols
def test_an_uncertain_update_that_never_landed_still_invites_the_new_attendee(
        store: Store, backend: EwsBackend, mailbox: Mailbox, sandbox: SandboxServer) -> None:
    calendar = CalendarService(store.session_factory)
    first = draft("Overleg")
    event_id = calendar.create(first).event_id
    push_until_settled(store, backend, NOW)
    more = EventDraft(subject=first.subject, start_at=first.start_at, end_at=first.end_at,
                      location=first.location,
                      required=("jan.vercruysse@kortrijk.be", "els.vandamme@kortrijk.be"))
    calendar.update(event_id, more)
    sandbox.faults.http_status(503, operation="UpdateItem")  # refused: nothing was applied
    sandbox.faults.drop_connection(operation="UpdateItem")  # then a drop: uncertain
    push_until_settled(store, backend, NOW)
    assert [i.kind for i in mailbox.invitations] == ["request", "update"]
    assert statuses(store) == [OutboxStatus.DONE] * 2


@pytest.mark.both_protocols
def test_a_mail_sent_while_the_store_failed_to_record_it_is_not_sent_again(
        store: Store, backend: EwsBackend, mailbox: Mailbox, sandbox: SandboxServer,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Exchange took the mail, then recording that failed (the store locked or full):
    the next round finds the sent mail by its marker instead of sending it twice."""
    from kortrijk_cockpit.errors import StoreLockedError

    outgoing = OutgoingMail(subject="Dagoverzicht maandag", body_html="<p>In bijlage.</p>",
                            to=("directeur@kortrijk.be",))
    with store.session_factory.begin() as s:
        queue(s, OutboxKind.SEND_MAIL, mail_values(outgoing))
    finish = OutboxPusher._finish
    calls = []

    def store_fails_once(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        if len(calls) == 1:
            raise StoreLockedError("De databank is vergrendeld.")
        return finish(self, *args, **kwargs)

    monkeypatch.setattr(OutboxPusher, "_finish", store_fails_once)
    with pytest.raises(StoreLockedError):
        OutboxPusher(store.session_factory, backend, FixedClock(NOW)).push()
    assert statuses(store) == [OutboxStatus.PENDING]

    push_until_settled(store, backend, NOW + timedelta(minutes=1))
    mailbox.submit_outbox()
    assert [m.subject for m in mailbox.sent] == ["Dagoverzicht maandag"]
    assert statuses(store) == [OutboxStatus.DONE]
