"""Pull from the director's mailbox: real exchangelib over HTTP to the sandbox, real store."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.domain import (
    ActionPoint,
    Attachment,
    CalendarEvent,
    FlagStatus,
    FolderKind,
    Mail,
    MailFolder,
    SyncState,
)
from kortrijk_cockpit.exchange.errors import Throttled
from kortrijk_cockpit.exchange.ews import EwsBackend
from kortrijk_cockpit.exchange.sync import SyncEngine, SyncOptions
from kortrijk_cockpit.sandbox import Mailbox, SandboxServer
from kortrijk_cockpit.store import Store
from tests.integration.exchange_fixtures import NOW

pytestmark = pytest.mark.both_protocols
SENDER = ("Els Vandamme", "els.vandamme@kortrijk.be")


def engine(store: Store, backend: EwsBackend, clock: FixedClock, **options: object) -> SyncEngine:
    return SyncEngine(store.session_factory, backend, clock, SyncOptions(**options))  # type: ignore[arg-type]


def mails(store: Store) -> dict[str, Mail]:
    with store.session() as s:
        return {m.subject: m for m in s.scalars(select(Mail))}


def test_first_sync_brings_mail_bodies_attachments_and_calendar(
        store: Store, backend: EwsBackend, mailbox: Mailbox, clock: FixedClock) -> None:
    mailbox.add_message("inbox", subject="Stukken MAT: personeelsplan", sender=SENDER,
                        body_html="<p>Graag de <b>nota</b> tegen vrijdag.</p><script>x()</script>",
                        categories=["MAT"], received=NOW - timedelta(hours=2),
                        attachments=[("nota.pdf", b"%PDF-1.4 nota", "application/pdf")])
    mailbox.add_message("inbox", subject="Privé: medische afspraak", sender=SENDER,
                        sensitivity="Private", received=NOW - timedelta(hours=1))
    mailbox.add_message("sentitems", subject="Re: Voka netwerkavond", sender=SENDER,
                        received=NOW - timedelta(days=1))
    mailbox.add_event("MAT", NOW.replace(hour=9) + timedelta(days=1),
                      NOW.replace(hour=11) + timedelta(days=1),
                      recurrence_weekly_until=(NOW + timedelta(days=29)).date())
    mailbox.add_event("Tandarts", NOW.replace(hour=12), NOW.replace(hour=13),
                      sensitivity="Private", location="Kortrijk centrum")

    report = engine(store, backend, clock).sync()

    got = mails(store)
    assert set(got) == {"Stukken MAT: personeelsplan", "Re: Voka netwerkavond"}
    inbox_mail = got["Stukken MAT: personeelsplan"]
    assert inbox_mail.categories == ["MAT"] and inbox_mail.sender_email == SENDER[1]
    assert "Graag de nota tegen vrijdag." in inbox_mail.body_text
    assert "x()" not in inbox_mail.body_text
    assert report.bodies == 2
    with store.session() as s:
        attachment = s.scalars(select(Attachment)).one()
        assert (attachment.name, attachment.size) == ("nota.pdf", len(b"%PDF-1.4 nota"))
        folders = {f.kind for f in s.scalars(select(MailFolder))}
        assert {FolderKind.INBOX, FolderKind.SENT, FolderKind.CALENDAR} <= folders
        events = s.scalars(select(CalendarEvent).order_by(CalendarEvent.start_at)).all()
    occurrences = [e for e in events if e.subject == "MAT"]
    assert len(occurrences) == 5  # weekly, tomorrow until four weeks later
    private = [e for e in events if e.is_private_block]
    assert [(e.subject, e.location) for e in private] == [("Privé", "")]
    assert not any("Tandarts" in e.subject for e in events)


def test_changes_in_outlook_arrive_in_the_next_sync(
        store: Store, backend: EwsBackend, mailbox: Mailbox, clock: FixedClock) -> None:
    first = mailbox.add_message("inbox", subject="Eerste", sender=SENDER, received=NOW)
    second = mailbox.add_message("inbox", subject="Tweede", sender=SENDER, received=NOW)
    sync = engine(store, backend, clock)
    sync.sync()

    mailbox.update_item(first, categories=["DC"], flag_status="Flagged",
                        flag_due=NOW + timedelta(days=2))
    mailbox.update_item(second, is_read=True)
    mailbox.add_message("inbox", subject="Derde", sender=SENDER, received=NOW)
    report = sync.sync()

    got = mails(store)
    assert set(got) == {"Eerste", "Tweede", "Derde"}
    assert got["Eerste"].categories == ["DC"]
    assert got["Eerste"].flag_status == FlagStatus.FLAGGED
    assert got["Eerste"].flag_due_at == NOW + timedelta(days=2)
    assert got["Tweede"].is_read
    assert report.created == 1

    mailbox.delete_item(second)
    sync.sync()
    assert set(mails(store)) == {"Eerste", "Derde"}


def test_pages_commit_with_their_sync_state(
        store: Store, backend: EwsBackend, mailbox: Mailbox, sandbox: SandboxServer,
        clock: FixedClock) -> None:
    for i in range(23):
        mailbox.add_message("inbox", subject=f"Mail {i:02d}", sender=SENDER, received=NOW)
    engine(store, backend, clock, page_size=5).sync()
    assert sandbox.requests.count("SyncFolderItems") >= 5
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(Mail)) == 23
        assert s.scalar(select(func.count(func.distinct(Mail.exchange_id)))) == 23


def test_an_expired_sync_state_resyncs_the_folder_and_keeps_local_work(
        store: Store, backend: EwsBackend, mailbox: Mailbox, sandbox: SandboxServer,
        clock: FixedClock) -> None:
    keep = mailbox.add_message("inbox", subject="Blijft", sender=SENDER, received=NOW)
    gone = mailbox.add_message("inbox", subject="Verdwijnt", sender=SENDER, received=NOW)
    sync = engine(store, backend, clock)
    sync.sync()
    with store.session_factory.begin() as s:
        mail_id = s.scalar(select(Mail.id).where(Mail.subject == "Blijft"))
        s.add(ActionPoint(title="Antwoorden", source_mail_id=mail_id))

    mailbox.delete_item(gone)
    mailbox.update_item(keep, subject="Blijft (gewijzigd)")
    sandbox.faults.invalid_sync_state(folder="inbox")
    report = sync.sync()

    assert len(report.full_resyncs) == 1
    with store.session() as s:
        mail = s.get(Mail, mail_id)
        assert mail is not None and mail.subject == "Blijft (gewijzigd)"
        assert s.scalar(select(ActionPoint.source_mail_id)) == mail_id
        assert s.scalar(select(func.count()).select_from(Mail)) == 1


def test_a_delegate_without_rights_on_the_mailbox_root_still_syncs(
        store: Store, backend: EwsBackend, mailbox: Mailbox, sandbox: SandboxServer,
        clock: FixedClock) -> None:
    sandbox.faults.deny_root = True
    mailbox.add_message("inbox", subject="Alleen postvak", sender=SENDER, received=NOW)
    engine(store, backend, clock).sync()
    assert set(mails(store)) == {"Alleen postvak"}


def test_throttling_surfaces_with_the_servers_wait(
        store: Store, backend: EwsBackend, mailbox: Mailbox, sandbox: SandboxServer,
        clock: FixedClock) -> None:
    mailbox.add_message("inbox", subject="Later", sender=SENDER, received=NOW)
    sandbox.faults.server_busy(count=1, backoff_ms=2500, operation="SyncFolderItems")
    sync = engine(store, backend, clock)
    with pytest.raises(Throttled) as busy:
        sync.sync()
    assert busy.value.wait_seconds == pytest.approx(2.5)
    assert "druk" in busy.value.user_message
    sync.sync()
    assert set(mails(store)) == {"Later"}


def test_a_mail_made_private_in_outlook_is_forgotten(
        store: Store, backend: EwsBackend, mailbox: Mailbox, clock: FixedClock) -> None:
    item = mailbox.add_message("inbox", subject="Gevoelig", sender=SENDER, received=NOW)
    sync = engine(store, backend, clock)
    sync.sync()
    mailbox.update_item(item, sensitivity="Private")
    sync.sync()
    assert mails(store) == {}


def test_calendar_is_not_reread_when_nothing_changed(
        store: Store, backend: EwsBackend, mailbox: Mailbox, sandbox: SandboxServer,
        clock: FixedClock) -> None:
    mailbox.add_event("College", NOW.replace(hour=16), NOW.replace(hour=18))
    sync = engine(store, backend, clock)
    sync.sync()
    sandbox.requests.clear()
    report = sync.sync()
    assert "FindItem" not in sandbox.requests
    assert report.events == 0


def test_sync_state_is_stored_per_folder(
        store: Store, backend: EwsBackend, mailbox: Mailbox, clock: FixedClock) -> None:
    mailbox.add_message("inbox", subject="a", sender=SENDER, received=NOW)
    engine(store, backend, clock).sync()
    with store.session() as s:
        states = s.execute(select(MailFolder.kind, SyncState.state)
                           .join(SyncState, SyncState.folder_id == MailFolder.id)).all()
    kinds = {k for k, state in states if state}
    assert {FolderKind.INBOX, FolderKind.SENT, FolderKind.CALENDAR} <= kinds


def test_a_dropped_connection_is_offline_and_the_next_sync_recovers(
        store: Store, backend: EwsBackend, mailbox: Mailbox, sandbox: SandboxServer,
        clock: FixedClock) -> None:
    from kortrijk_cockpit.exchange.errors import Offline

    mailbox.add_message("inbox", subject="Na de storing", sender=SENDER, received=NOW)
    sandbox.faults.drop_connection(count=1, operation="SyncFolderItems")
    sync = engine(store, backend, clock)
    with pytest.raises(Offline, match="niet op tijd|niet bereikbaar"):
        sync.sync()
    sync.sync()
    assert set(mails(store)) == {"Na de storing"}


@pytest.mark.parametrize(("granted", "opted_in", "readable"),
                         [(False, True, False), (True, False, False), (True, True, True)])
def test_private_items_need_both_the_directors_grant_and_the_users_opt_in(
        store: Store, backend: EwsBackend, mailbox: Mailbox, clock: FixedClock,
        granted: bool, opted_in: bool, readable: bool) -> None:
    mailbox.view_private_items = granted
    mailbox.add_message("inbox", subject="Persoonlijk", sender=SENDER, sensitivity="Private",
                        received=NOW)
    mailbox.add_event("Dokter", NOW.replace(hour=12), NOW.replace(hour=13), sensitivity="Private")
    engine(store, backend, clock, show_private=opted_in).sync()
    with store.session() as s:
        event = s.scalars(select(CalendarEvent)).one()
    assert ("Persoonlijk" in mails(store)) is readable
    assert (event.subject, event.is_private_block) == (
        ("Dokter", False) if readable else ("Privé", True))


def test_a_server_that_keeps_rejecting_the_sync_state_ends_the_round_with_a_message(
        store: Store, backend: EwsBackend, mailbox: Mailbox, sandbox: SandboxServer,
        clock: FixedClock) -> None:
    from kortrijk_cockpit.exchange.errors import SyncStateInvalid

    mailbox.add_message("inbox", subject="x", sender=SENDER, received=NOW)
    sync = engine(store, backend, clock)
    sync.sync()
    sandbox.faults.invalid_sync_state(folder="inbox", count=5)
    with pytest.raises(SyncStateInvalid, match="opnieuw opgehaald"):
        sync.sync()


def test_a_full_disk_ends_the_round_in_dutch_and_loses_nothing(
        sqlite_store: Store, backend: EwsBackend, mailbox: Mailbox, clock: FixedClock) -> None:
    from sqlalchemy import event, text

    from kortrijk_cockpit.errors import StoreError

    for i in range(60):
        mailbox.add_message("inbox", subject=f"Mail {i}", sender=SENDER, received=NOW,
                            body_html="<p>" + "Begroting en meerjarenplan. " * 200 + "</p>")
    engine_ = sqlite_store.engine
    with engine_.connect() as conn:
        pages_now = conn.execute(text("PRAGMA page_count")).scalar_one()

    def disk_nearly_full(dbapi_conn, _record):  # type: ignore[no-untyped-def]
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages_now + 40}")

    engine_.dispose()
    event.listen(engine_, "connect", disk_nearly_full)
    sync = engine(sqlite_store, backend, clock, page_size=10)
    with pytest.raises(StoreError, match="schijf is vol"):
        sync.sync()
    with sqlite_store.session() as s:  # the round stopped part-way: a page is whole or absent
        stored = s.scalar(select(func.count()).select_from(Mail))
    assert stored is not None and stored < 60

    event.remove(engine_, "connect", disk_nearly_full)
    engine_.dispose()  # space freed: connections without the limit
    sync.sync()
    with sqlite_store.session() as s:
        assert s.scalar(select(func.count()).select_from(Mail)) == 60
        assert s.scalar(select(func.count()).select_from(Mail).where(Mail.body_html.is_(None))) == 0
