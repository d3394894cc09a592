"""Mail writes over Microsoft Graph where Graph differs from EWS: If-Match on PATCH,
upload sessions for large files, and meeting answers that cannot carry our marker.
The real Graph client over HTTP against the sandbox's Graph front-end."""

from __future__ import annotations

from datetime import timedelta

import pytest
import requests
from sqlalchemy import select

from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.domain import FlagStatus, Mail, OutboxStatus
from kortrijk_cockpit.exchange.errors import ItemConflict
from kortrijk_cockpit.exchange.graph.backend import GraphBackend
from kortrijk_cockpit.exchange.graph.mail_writing import upload
from kortrijk_cockpit.exchange.outbox import OutboxPusher
from kortrijk_cockpit.exchange.outbox_kinds import OutboxKind, answer_meeting, mail_values, queue
from kortrijk_cockpit.exchange.records import (
    FlagUpdate,
    OutgoingAttachment,
    OutgoingMail,
    ResponseKind,
)
from kortrijk_cockpit.exchange.sync import SyncEngine
from kortrijk_cockpit.sandbox import Mailbox, SandboxServer
from kortrijk_cockpit.sandbox.graph.ids import to_rest
from kortrijk_cockpit.services.outbox import OutboxService
from kortrijk_cockpit.services.triage import TriageService
from kortrijk_cockpit.store import Store
from tests.integration.exchange_fixtures import NOW, make_backend, stored_as
from tests.integration.test_exchange_exactly_once import push_until_settled, statuses

pytestmark = pytest.mark.parametrize("protocol", ["graph"], indirect=True)

ELS = ("Els Vandamme", "els.vandamme@kortrijk.be")
PROVINCIE = ("Griet Maes", "griet.maes@west-vlaanderen.be")
FIVE_MB = bytes(range(256)) * (5 * 1024 * 1024 // 256)


def synced(store: Store, backend: GraphBackend, mailbox: Mailbox, **fields: object) -> tuple[str, int]:
    item = mailbox.add_message("inbox", "Nota BBC", sender=ELS, received=NOW, **fields)  # type: ignore[arg-type]
    SyncEngine(store.session_factory, backend, FixedClock(NOW)).sync()
    with store.session() as s:
        mail_id = s.scalar(select(Mail.id).where(Mail.exchange_id.in_(stored_as(item))))
    assert mail_id is not None
    return item, mail_id


def test_a_change_made_in_outlook_between_sync_and_push_is_not_overwritten(
        store: Store, backend: GraphBackend, mailbox: Mailbox, sandbox: SandboxServer) -> None:
    item, mail_id = synced(store, backend, mailbox, categories=["MAT"])
    TriageService(store.session_factory).categorize(mail_id, ["DC"])
    mailbox.update_item(item, categories=["Gemeenteraad"])  # Outlook, after our sync

    report = OutboxPusher(store.session_factory, backend, FixedClock(NOW)).push()

    assert report.conflicts == 1
    assert mailbox.get(item).categories == ["Gemeenteraad"]
    [waiting] = OutboxService(store.session_factory).open_entries()
    assert waiting.status == OutboxStatus.CONFLICT and "Outlook" in waiting.last_error
    assert "UpdateItem" in sandbox.requests  # the PATCH went, and If-Match refused it


def test_if_match_names_the_change_key_read_and_none_overwrites(
        backend: GraphBackend, mailbox: Mailbox) -> None:
    item = mailbox.add_message("inbox", "Nota", sender=ELS, received=NOW, categories=["MAT"])
    read = mailbox.get(item).change_key
    mailbox.update_item(item, is_read=True)
    mailbox.update_item(item, subject="Nota (herzien)")

    with pytest.raises(ItemConflict):
        backend.set_categories(to_rest(item), read, ["DC"])
    assert mailbox.get(item).categories == ["MAT"]

    new_key = backend.set_categories(to_rest(item), "", ["DC"])  # "keep mine"
    assert mailbox.get(item).categories == ["DC"] and new_key == mailbox.get(item).change_key


def test_a_flag_set_over_graph_reads_back_the_same_over_ews(
        backend: GraphBackend, mailbox: Mailbox, sandbox: SandboxServer) -> None:
    item = mailbox.add_message("inbox", "Nota", sender=ELS, received=NOW)
    due = NOW + timedelta(days=3)
    key = backend.set_flag(to_rest(item), mailbox.get(item).change_key,
                           FlagUpdate(FlagStatus.FLAGGED, due))
    ews = make_backend("ews", sandbox, mailbox)
    try:
        seen = ews.item_summary(item)
        assert seen is not None
        assert (seen.flag_status, seen.flag_due_at) == (FlagStatus.FLAGGED, due)
        backend.set_flag(to_rest(item), key, FlagUpdate(FlagStatus.FLAGGED))  # no due date now
        seen = ews.item_summary(item)
        assert seen is not None and (seen.flag_status, seen.flag_due_at) == (FlagStatus.FLAGGED, None)
    finally:
        ews.close()


def queue_big_mail(store: Store) -> None:
    outgoing = OutgoingMail(subject="Begroting 2027", body_html="<p>In bijlage.</p>",
                            to=("partner@leiedal.be",),
                            attachments=(OutgoingAttachment("Begroting.pdf", FIVE_MB,
                                                            "application/pdf"),
                                         OutgoingAttachment("Nota.txt", b"nota", "text/plain")))
    with store.session_factory.begin() as s:
        queue(s, OutboxKind.SEND_MAIL, mail_values(outgoing))


def test_a_5_mb_attachment_arrives_whole_through_an_upload_session(
        store: Store, backend: GraphBackend, mailbox: Mailbox, sandbox: SandboxServer) -> None:
    queue_big_mail(store)

    assert OutboxPusher(store.session_factory, backend, FixedClock(NOW)).push().pushed == 1

    [sent] = mailbox.sent
    assert sent.attachments == [("Begroting.pdf", FIVE_MB), ("Nota.txt", b"nota")]
    assert sandbox.requests.count("UploadChunk") >= 2  # in chunks, each under Graph's 4 MB
    assert mailbox.folder("drafts").items == []
    [copy] = mailbox.folder("sentitems").items
    assert [a.content for a in copy.attachments] == [FIVE_MB, b"nota"]


def test_graph_refuses_a_5_mb_file_inside_one_request(
        backend: GraphBackend, mailbox: Mailbox, sandbox: SandboxServer) -> None:
    from kortrijk_cockpit.exchange.errors import BackendError
    from kortrijk_cockpit.exchange.graph.mail_writing import file_attachment

    with pytest.raises(BackendError, match="RequestBodyTooLarge"):
        backend._client.call("POST", "/sendMail", json={"message": {
            "subject": "x", "toRecipients": [{"emailAddress": {"address": "a@kortrijk.be"}}],
            "attachments": [file_attachment(OutgoingAttachment("big.pdf", FIVE_MB))]}})
    assert mailbox.sent == []


@pytest.mark.parametrize("operation", ["CreateItem", "UploadChunk", "SendItem"])
def test_a_large_mail_whose_answer_was_lost_is_sent_once(
        store: Store, backend: GraphBackend, mailbox: Mailbox, sandbox: SandboxServer,
        operation: str) -> None:
    queue_big_mail(store)
    sandbox.faults.lose_answer(operation=operation)

    reports = push_until_settled(store, backend, NOW)

    assert len(reports) > 1  # the answer really was lost
    assert [m.attachments for m in mailbox.sent] == [[("Begroting.pdf", FIVE_MB),
                                                      ("Nota.txt", b"nota")]]
    assert mailbox.folder("drafts").items == [] and statuses(store) == [OutboxStatus.DONE]


def test_a_lost_send_mail_answer_sends_once(
        store: Store, backend: GraphBackend, mailbox: Mailbox, sandbox: SandboxServer) -> None:
    with store.session_factory.begin() as s:
        queue(s, OutboxKind.SEND_MAIL, mail_values(OutgoingMail(
            subject="Uitnodiging", body_html="<p>x</p>", to=("partner@leiedal.be",))))
    sandbox.faults.lose_answer(operation="CreateItem")

    reports = push_until_settled(store, backend, NOW)

    assert len(reports) > 1
    assert [m.subject for m in mailbox.sent] == ["Uitnodiging"]
    assert sandbox.requests.count("CreateItem") == 1  # found by its marker, not sent again


def test_an_upload_session_url_needs_no_token_and_puts_a_file_on_an_appointment(
        backend: GraphBackend, mailbox: Mailbox, sandbox: SandboxServer) -> None:
    event = mailbox.add_event("Gemeenteraad", NOW + timedelta(days=1), NOW + timedelta(days=1, hours=3))
    upload(backend._client, f"/events/{to_rest(event)}",
           OutgoingAttachment("Agenda.pdf", FIVE_MB, "application/pdf"))
    files = backend.event_files(to_rest(event))
    assert files is not None and [(f.name, f.size) for f in files.files] == [("Agenda.pdf", len(FIVE_MB))]
    assert backend.fetch_attachment(files.files[0].exchange_id) == FIVE_MB

    gone = requests.put(f"{sandbox.origin}/graph-upload/unknown", data=b"x", timeout=10,
                        headers={"Content-Range": "bytes 0-0/1"})
    assert gone.status_code == 404


# -- meeting answers: the request message is marked, the event answered ----------------------
def invited(store: Store, backend: GraphBackend, mailbox: Mailbox) -> tuple[str, str, int]:
    start = NOW + timedelta(days=3)
    request, event = mailbox.deliver_meeting_request(
        "Overleg mobiliteitsplan", start, start + timedelta(hours=2), organizer=PROVINCIE,
        received=NOW - timedelta(hours=1))
    SyncEngine(store.session_factory, backend, FixedClock(NOW)).sync()
    with store.session() as s:
        mail_id = s.scalar(select(Mail.id).where(Mail.exchange_id.in_(stored_as(request))))
    assert mail_id is not None
    with store.session_factory.begin() as s:
        row = s.get(Mail, mail_id)
        assert row is not None
        answer_meeting(s, row, ResponseKind.ACCEPT, "Ik kom graag.")
    return request, event, mail_id


@pytest.mark.parametrize("operation", ["CreateItem", "UpdateItem"])
def test_a_meeting_answer_whose_reply_was_lost_is_sent_once_even_after_a_restart(
        store: Store, backend: GraphBackend, mailbox: Mailbox, sandbox: SandboxServer,
        operation: str) -> None:
    _, event, _ = invited(store, backend, mailbox)
    sandbox.faults.lose_answer(operation=operation)
    first = OutboxPusher(store.session_factory, backend, FixedClock(NOW)).push()
    assert first.retry_at is not None  # the answer was lost
    backend.close()

    restarted = make_backend("graph", sandbox, mailbox)  # a new session: only the marker kept
    try:
        push_until_settled(store, restarted, first.retry_at + timedelta(seconds=1))
    finally:
        restarted.close()

    assert [m.subject for m in mailbox.sent] == ["Geaccepteerd: Overleg mobiliteitsplan"]
    assert mailbox.get(event).response == "Accept"
    assert statuses(store) == [OutboxStatus.DONE]
