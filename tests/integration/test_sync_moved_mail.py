"""A mail the director files in Outlook gets a new Exchange id; the sync keeps its row, so
what it was handed on to and its local state stay. Real exchangelib against the sandbox,
on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import func, select, update

from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.domain import ActionPoint, LinkKind, Mail, MailFolder
from kortrijk_cockpit.exchange.ews import EwsBackend
from kortrijk_cockpit.exchange.sync import SyncEngine
from kortrijk_cockpit.sandbox import Mailbox
from kortrijk_cockpit.services.handing_on import HandOnService
from kortrijk_cockpit.services.triage import TriageService
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.task_context import TaskContext
from tests.integration.exchange_fixtures import NOW

SENDER = ("Els Vandamme", "els.vandamme@kortrijk.be")


def _sync(store: Store, backend: EwsBackend, clock: FixedClock) -> None:
    SyncEngine(store.session_factory, backend, clock).sync()


def _folder(store: Store, name: str) -> int:
    with store.session_factory.begin() as s:  # the user ticks the folder for syncing
        s.execute(update(MailFolder).where(MailFolder.display_name == name)
                  .values(sync_enabled=True))
        folder_id = s.scalar(select(MailFolder.id).where(MailFolder.display_name == name))
    assert folder_id is not None
    return folder_id


def _row(store: Store, mail_id: int) -> Mail:
    with store.session() as s:
        row = s.get(Mail, mail_id)
        assert row is not None
        s.expunge(row)
        return row


def _handed_on(store: Store, backend: EwsBackend, mailbox: Mailbox,
               clock: FixedClock) -> tuple[str, int, int]:
    item = mailbox.add_message("inbox", subject="Nota fietsbeleid", sender=SENDER,
                               received=NOW - timedelta(hours=1))
    _sync(store, backend, clock)
    with store.session() as s:
        mail_id = s.scalar(select(Mail.id).where(Mail.exchange_id == item))
    assert mail_id is not None
    handed = HandOnService(store.session_factory, clock).make_action_point(
        mail_id, title="Nota nalezen", owner_name="Jan Peeters", due_date=date(2026, 12, 4))
    TriageService(store.session_factory, clock).apply_outcome([mail_id], "Wacht op antwoord")
    return item, mail_id, handed.link.target_id


def _still_linked(store: Store, clock: FixedClock, mail_id: int, point_id: int) -> None:
    service = HandOnService(store.session_factory, clock)
    assert [(link.kind, link.target_id) for link in service.links(mail_id)] == [
        (LinkKind.ACTION_POINT, point_id)]
    assert [m.id for m in service.mails_linked_to(LinkKind.ACTION_POINT, point_id)] == [mail_id]
    with store.session() as s:
        assert s.scalar(select(ActionPoint.source_mail_id)) == mail_id
        assert s.scalar(select(func.count()).select_from(Mail)) == 1


def test_a_mail_filed_in_outlook_keeps_its_row_links_and_local_state(
        store: Store, backend: EwsBackend, mailbox: Mailbox, clock: FixedClock) -> None:
    item, mail_id, point_id = _handed_on(store, backend, mailbox, clock)
    handled = _folder(store, "Behandeld")
    waiting_due = _row(store, mail_id).waiting_due_at
    assert waiting_due is not None
    spam = mailbox.add_message("inbox", subject="Reclame", sender=SENDER, received=NOW)
    _sync(store, backend, clock)

    moved = mailbox.move_item(item, "Behandeld")  # the director files it in Outlook
    mailbox.delete_item(spam)  # and deletes another for good
    _sync(store, backend, clock)  # Inbox says removed, then Behandeld says new

    row = _row(store, mail_id)
    assert (row.folder_id, row.exchange_id, row.waiting_due_at) == (handled, moved, waiting_due)
    assert row.internet_message_id == mailbox.get(moved).internet_message_id
    assert row.body_html  # fetched again for the new id (attachment ids change with it)
    _still_linked(store, clock, mail_id, point_id)  # and the deleted one is gone


def test_a_mail_moved_back_to_a_folder_synced_earlier_keeps_its_row(
        store: Store, backend: EwsBackend, mailbox: Mailbox, clock: FixedClock) -> None:
    item, mail_id, point_id = _handed_on(store, backend, mailbox, clock)
    _folder(store, "Behandeld")
    filed = mailbox.move_item(item, "Behandeld")
    _sync(store, backend, clock)
    with store.session() as s:
        inbox = s.scalar(select(Mail.folder_id).where(Mail.id == mail_id))

    back = mailbox.move_item(filed, "inbox")  # Inbox syncs first: new there, then removed
    _sync(store, backend, clock)

    row = _row(store, mail_id)
    assert row.exchange_id == back and row.folder_id != inbox
    with store.session() as s:
        assert s.scalar(select(MailFolder.display_name).where(
            MailFolder.id == row.folder_id)) == "Postvak IN"
    _still_linked(store, clock, mail_id, point_id)


def test_a_round_stopped_between_the_two_folders_leaves_the_move_to_the_next(
        store: Store, backend: EwsBackend, mailbox: Mailbox, clock: FixedClock) -> None:
    item, mail_id, point_id = _handed_on(store, backend, mailbox, clock)
    handled = _folder(store, "Behandeld")
    moved = mailbox.move_item(item, "Behandeld")

    def progress(done: int, total: int, folder: str) -> None:
        if folder == "Verzonden items":  # Inbox is done: she presses Cancel
            ctx.cancel()

    ctx = TaskContext(progress)
    SyncEngine(store.session_factory, backend, clock, ctx=ctx).sync()
    assert _row(store, mail_id).exchange_id == item  # removed from Inbox, kept for now
    _sync(store, backend, clock)

    row = _row(store, mail_id)
    assert (row.folder_id, row.exchange_id) == (handled, moved)
    _still_linked(store, clock, mail_id, point_id)


def test_a_mail_stored_before_message_ids_were_kept_is_known_by_how_it_looks(
        store: Store, backend: EwsBackend, mailbox: Mailbox, clock: FixedClock) -> None:
    item, mail_id, point_id = _handed_on(store, backend, mailbox, clock)
    handled = _folder(store, "Behandeld")
    with store.session_factory.begin() as s:
        s.execute(update(Mail).values(internet_message_id=None))

    mailbox.move_item(item, "Behandeld")
    _sync(store, backend, clock)

    assert _row(store, mail_id).folder_id == handled
    _still_linked(store, clock, mail_id, point_id)
