"""Reply, reply all and forward on behalf of the director, through the outbox: the
sent copy lands in his Sent Items, in the original's conversation, exactly once.
Real exchangelib against the sandbox."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.domain import Mail, OutboxEntry, OutboxStatus
from kortrijk_cockpit.exchange.ews import EwsBackend
from kortrijk_cockpit.exchange.outbox import OutboxPusher
from kortrijk_cockpit.exchange.outbox_kinds import OutboxKind, describe, queue
from kortrijk_cockpit.exchange.sync import SyncEngine
from kortrijk_cockpit.sandbox import Mailbox, SandboxServer
from kortrijk_cockpit.store import Store
from tests.integration.exchange_fixtures import NOW, stored_as
from tests.integration.test_exchange_exactly_once import push_until_settled

ELS = ("Els Vandamme", "els.vandamme@kortrijk.be")
JAN = ("Jan Vercruysse", "jan.vercruysse@kortrijk.be")
LEIEDAL = ("Partner Leiedal", "partner@leiedal.be")
OWNER = "algemeen.directeur@kortrijk.be"
MARKER_KEY = "{00020329-0000-0000-c000-000000000046}/KortrijkCockpitOutboxMarker"


def synced(store: Store, backend: EwsBackend, mailbox: Mailbox, **fields: object) -> tuple[str, int]:
    item = mailbox.add_message("inbox", "Nota BBC", sender=ELS, received=NOW - timedelta(hours=2),
                               body_html="<p>Hierbij de nota.</p>", **fields)  # type: ignore[arg-type]
    SyncEngine(store.session_factory, backend, FixedClock(NOW)).sync()
    with store.session() as s:
        mail_id = s.scalar(select(Mail.id).where(Mail.exchange_id.in_(stored_as(item))))
    assert mail_id is not None
    return item, mail_id


def queue_reply(store: Store, mail_id: int, kind: OutboxKind, to: list[str],
                cc: list[str] | None = None, subject: str = "Antw: Nota BBC") -> None:
    with store.session_factory.begin() as s:
        mail = s.get(Mail, mail_id)
        queue(s, kind, {"subject": subject, "body_html": "<p>Dank u, Els.</p><hr><p>Hierbij</p>",
                        "to": to, "cc": cc or []}, mail=mail)


def sent_items(mailbox: Mailbox) -> list:  # type: ignore[type-arg]
    return mailbox.folder("sentitems").items


@pytest.mark.both_protocols
def test_a_reply_lands_in_sent_items_in_the_original_conversation(
        store: Store, backend: EwsBackend, mailbox: Mailbox) -> None:
    item, mail_id = synced(store, backend, mailbox)
    queue_reply(store, mail_id, OutboxKind.REPLY, ["Els Vandamme <els.vandamme@kortrijk.be>"])

    report = OutboxPusher(store.session_factory, backend, FixedClock(NOW)).push()

    assert report.pushed == 1
    original = mailbox.get(item)
    [copy] = sent_items(mailbox)
    assert copy.subject == "Antw: Nota BBC"
    assert copy.to == [ELS] and copy.cc == []
    assert copy.body_html == "<p>Dank u, Els.</p><hr><p>Hierbij</p>"
    assert copy.author is not None and copy.author.email == OWNER
    assert copy.conversation_id == original.conversation_id
    assert copy.in_reply_to == original.internet_message_id
    assert copy.extended_properties.get(MARKER_KEY, "").startswith("kc-")
    assert [m.sender.email for m in mailbox.sent] == [mailbox.delegate]  # sent on his behalf
    assert mailbox.folder("drafts").items == []
    with store.session() as s:
        assert s.scalars(select(OutboxEntry.status)).all() == [OutboxStatus.DONE]


@pytest.mark.both_protocols
def test_reply_all_and_forward_go_to_whom_she_chose(
        store: Store, backend: EwsBackend, mailbox: Mailbox) -> None:
    _, mail_id = synced(store, backend, mailbox, to=[("Hilde Vanthuyne", OWNER), JAN])
    queue_reply(store, mail_id, OutboxKind.REPLY_ALL,
                ["Els Vandamme <els.vandamme@kortrijk.be>", "jan.vercruysse@kortrijk.be"])
    queue_reply(store, mail_id, OutboxKind.FORWARD, ["Partner Leiedal <partner@leiedal.be>"],
                cc=["jan.vercruysse@kortrijk.be"], subject="Doorst: Nota BBC")

    OutboxPusher(store.session_factory, backend, FixedClock(NOW)).push()

    by_subject = {i.subject: i for i in sent_items(mailbox)}
    assert [a.email for a in by_subject["Antw: Nota BBC"].to] == [ELS[1], JAN[1]]
    forward = by_subject["Doorst: Nota BBC"]
    assert forward.to == [LEIEDAL] and [a.email for a in forward.cc] == [JAN[1]]
    assert forward.in_reply_to == ""  # a forward answers no one


@pytest.mark.both_protocols
@pytest.mark.parametrize("operation", ["SendItem", "UpdateItem", "CreateItem"])
def test_a_reply_whose_answer_was_lost_is_sent_once(
        store: Store, backend: EwsBackend, mailbox: Mailbox, sandbox: SandboxServer,
        operation: str) -> None:
    _, mail_id = synced(store, backend, mailbox)
    queue_reply(store, mail_id, OutboxKind.REPLY, ["Els Vandamme <els.vandamme@kortrijk.be>"])
    sandbox.faults.lose_answer(operation=operation)

    reports = push_until_settled(store, backend, NOW)

    assert len(reports) > 1  # the answer really was lost
    assert [m.subject for m in mailbox.sent] == ["Antw: Nota BBC"]
    assert [i.subject for i in sent_items(mailbox)] == ["Antw: Nota BBC"]
    with store.session() as s:
        assert s.scalars(select(OutboxEntry.status)).all() == [OutboxStatus.DONE]


@pytest.mark.both_protocols
def test_a_reply_to_a_mail_gone_from_exchange_fails_with_a_dutch_reason(
        store: Store, backend: EwsBackend, mailbox: Mailbox) -> None:
    item, mail_id = synced(store, backend, mailbox)
    queue_reply(store, mail_id, OutboxKind.REPLY, ["els.vandamme@kortrijk.be"])
    mailbox.delete_item(item)

    OutboxPusher(store.session_factory, backend, FixedClock(NOW)).push()

    assert mailbox.sent == []
    with store.session() as s:
        entry = s.scalars(select(OutboxEntry)).one()
    assert entry.status == OutboxStatus.FAILED
    assert "bestaat niet meer" in entry.last_error


def test_uitgaand_names_whom_a_reply_goes_to() -> None:
    assert describe("reply", {"subject": "Antw: Nota BBC",
                              "to": ["Els Vandamme <els.vandamme@kortrijk.be>"]}) == \
        "Antwoord aan Els Vandamme: Antw: Nota BBC"
    assert describe("forward", {"subject": "Doorst: Nota", "to": ["partner@leiedal.be"]}) == \
        "Doorgestuurd aan partner@leiedal.be: Doorst: Nota"
    assert describe("meeting_response", {"response": "decline", "subject": "Overleg Leiedal"}) \
        == "Uitnodiging weigeren: Overleg Leiedal"


@pytest.mark.both_protocols
def test_reply_all_goes_exactly_to_whom_she_kept_in_the_dialog(
        store: Store, backend: EwsBackend, mailbox: Mailbox) -> None:
    pieter = ("Pieter Declercq", "pieter.declercq@kortrijk.be")
    _, mail_id = synced(store, backend, mailbox, to=[("Hilde Vanthuyne", OWNER), JAN],
                        cc=[pieter, LEIEDAL])
    # She removed Leiedal from Cc in the dialog (Exchange's own reply all keeps it).
    queue_reply(store, mail_id, OutboxKind.REPLY_ALL,
                ["Els Vandamme <els.vandamme@kortrijk.be>", "Jan Vercruysse <jan.vercruysse@kortrijk.be>"],
                cc=["Pieter Declercq <pieter.declercq@kortrijk.be>"])

    OutboxPusher(store.session_factory, backend, FixedClock(NOW)).push()

    [copy] = sent_items(mailbox)
    [sent] = mailbox.sent
    for message in (copy, sent):
        assert message.to == [ELS, JAN]  # nobody twice
        assert message.cc == [pieter]  # Leiedal does not get it
        assert OWNER not in [a.email for a in (*message.to, *message.cc)]


def drafts(mailbox: Mailbox) -> list:  # type: ignore[type-arg]
    return mailbox.folder("drafts").items


@pytest.mark.both_protocols
def test_a_reply_waiting_in_the_outbox_when_the_answer_was_lost_is_not_sent_again(
        store: Store, backend: EwsBackend, mailbox: Mailbox, sandbox: SandboxServer) -> None:
    _, mail_id = synced(store, backend, mailbox)
    queue_reply(store, mail_id, OutboxKind.REPLY, ["Els Vandamme <els.vandamme@kortrijk.be>"])
    sandbox.faults.hold_in_outbox = True  # transport has not taken it yet at the retry
    sandbox.faults.lose_answer(operation="SendItem")

    reports = push_until_settled(store, backend, NOW)
    assert mailbox.submit_outbox() >= 1

    assert len(reports) > 1
    assert [m.subject for m in mailbox.sent] == ["Antw: Nota BBC"]
    assert [i.subject for i in sent_items(mailbox)] == ["Antw: Nota BBC"]
    assert drafts(mailbox) == [] and mailbox.folder("outbox").items == []
    with store.session() as s:
        assert s.scalars(select(OutboxEntry.status)).all() == [OutboxStatus.DONE]


@pytest.mark.both_protocols
@pytest.mark.parametrize("operation", ["UpdateItem", "SendItem"])
def test_a_busy_server_after_the_draft_was_made_leaves_no_draft_behind(
        store: Store, backend: EwsBackend, mailbox: Mailbox, sandbox: SandboxServer,
        operation: str) -> None:
    _, mail_id = synced(store, backend, mailbox)
    queue_reply(store, mail_id, OutboxKind.REPLY, ["Els Vandamme <els.vandamme@kortrijk.be>"])
    sandbox.faults.server_busy(count=2, operation=operation)

    reports = push_until_settled(store, backend, NOW)

    assert len(reports) == 3  # twice throttled, then sent
    assert [m.subject for m in mailbox.sent] == ["Antw: Nota BBC"]
    assert drafts(mailbox) == []  # not one draft per retry in the director's Drafts
    with store.session() as s:
        assert s.scalars(select(OutboxEntry.status)).all() == [OutboxStatus.DONE]


@pytest.mark.both_protocols
def test_discarding_a_reply_whose_sending_failed_removes_its_draft(
        store: Store, backend: EwsBackend, mailbox: Mailbox, sandbox: SandboxServer) -> None:
    from kortrijk_cockpit.services.outbox import OutboxService

    _, mail_id = synced(store, backend, mailbox)
    mailbox.add_message("drafts", "Zijn eigen concept", is_draft=True)  # the director's: stays
    queue_reply(store, mail_id, OutboxKind.REPLY, ["Els Vandamme <els.vandamme@kortrijk.be>"])
    sandbox.faults.server_busy(operation="SendItem")
    report = OutboxPusher(store.session_factory, backend, FixedClock(NOW)).push()
    assert report.retry_at is not None and len(drafts(mailbox)) == 2  # ours, marked

    outbox = OutboxService(store.session_factory)
    [waiting] = outbox.open_entries()
    outbox.discard(waiting.entry_id)
    assert [i.description for i in outbox.open_entries()] == ["Concept verwijderen: Antw: Nota BBC"]
    push_until_settled(store, backend, NOW + timedelta(minutes=1))

    assert mailbox.sent == []
    assert [d.subject for d in drafts(mailbox)] == ["Zijn eigen concept"]
    assert outbox.open_entries() == []
