"""One feed of what changed: lists update the rows named, in place; a hidden
view only marks itself stale. A sync round no longer reloads everything."""

from __future__ import annotations

from sqlalchemy import select

from kortrijk_cockpit.changes import Changes, Kind
from kortrijk_cockpit.domain import FolderKind, Mail, MailFolder, OutboxEntry, OutboxStatus
from kortrijk_cockpit.exchange.ews import EwsBackend
from kortrijk_cockpit.exchange.round import MailboxRound
from kortrijk_cockpit.sandbox import Mailbox, SandboxServer
from kortrijk_cockpit.services.outbox import OutboxService
from kortrijk_cockpit.services.triage import TriageService
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.ui.change_feed import ChangeFeed
from kortrijk_cockpit.ui.dialogs.outbox import OutboxDialog
from kortrijk_cockpit.ui.sync_worker import SyncController, SyncWorker
from tests.integration.exchange_fixtures import NOW, settings_for
from tests.seeding import inbox_mails


def seed_mails(store: Store, count: int) -> list[int]:
    return inbox_mails(store, *(f"Nota {n}" for n in range(count)))


def test_uitgaand_updates_its_rows_in_place_and_keeps_the_selection(
        qtbot, app, sqlite_store: Store, runner) -> None:  # type: ignore[no-untyped-def]
    mail_ids = seed_mails(sqlite_store, 4)
    triage = TriageService(sqlite_store.session_factory)
    for mail_id in mail_ids[:3]:
        triage.categorize(mail_id, ["MAT"])
    feed = ChangeFeed()
    dialog = OutboxDialog(OutboxService(sqlite_store.session_factory), runner, feed)
    qtbot.addWidget(dialog)
    dialog.show()
    model = dialog.model
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    chosen = model.item(2).entry_id
    dialog.table.selectRow(2)

    # The first entry reached Exchange (what a round's push reports).
    with sqlite_store.session_factory.begin() as s:
        first = s.scalars(select(OutboxEntry).order_by(OutboxEntry.id)).first()
        assert first is not None
        first.status = OutboxStatus.DONE
        first_id = first.id
    with qtbot.waitSignal(model.rowsRemoved):
        feed.publish(Changes.of(Kind.OUTBOX, updated=[first_id]) |
                     Changes.of(Kind.MAIL, updated=mail_ids))
    assert model.rowCount() == 2
    assert dialog._selected() is not None and dialog._selected().entry_id == chosen

    # A new change elsewhere in the app arrives as one inserted row.
    with qtbot.waitSignal(model.rowsInserted):
        feed.publish(triage.mark_read(mail_ids[3]).changes)
    assert [model.index(r, 1).data() for r in range(model.rowCount())] == \
        ["Categorieën: MAT", "Categorieën: MAT", "Markeren als gelezen"]
    assert dialog._selected().entry_id == chosen
    assert not resets  # never a reset: the scroll position and selection stay


def test_vandaag_reloads_once_per_burst_and_only_while_shown(
        qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.show()
    loads: list[object] = []
    window.dashboard_loaded.connect(loads.append)
    qtbot.waitUntil(lambda: len(loads) == 1)  # the first load after attach
    watch = window.today_watch

    for n in range(5):  # five pages of a sync round
        window.feed.publish(Changes.of(Kind.MAIL, created=[n]))
    with qtbot.waitSignal(window.dashboard_loaded):
        pass
    assert len(loads) == 2

    window.show_area("mail")
    qtbot.waitUntil(lambda: window._runner.active_count == 0)  # the Mail area's own counts
    window.feed.publish(Changes.of(Kind.ACTION_POINT, updated=[1]))
    assert watch.stale and window._runner.active_count == 0  # hidden: nothing loads

    with qtbot.waitSignal(window.dashboard_loaded):
        window.show_area("today")
    qtbot.waitUntil(lambda: not watch._timer.isActive())
    assert len(loads) == 3 and not watch.stale


def test_a_round_reaches_the_feed_page_by_page(
        qtbot, app, sandbox: SandboxServer, mailbox: Mailbox, sqlite_store: Store,
        clock) -> None:  # type: ignore[no-untyped-def]
    for n in range(5):
        mailbox.add_message("inbox", subject=f"Nota {n}", sender=("Els", "els@kortrijk.be"),
                            received=NOW)
    from kortrijk_cockpit.exchange.sync import SyncOptions

    worker = SyncWorker(MailboxRound(
        lambda: EwsBackend(settings_for(sandbox, mailbox), sandbox.password),
        sqlite_store.session_factory, clock, SyncOptions(page_size=2)))
    controller = SyncController(worker, interval_minutes=10)
    heard: list[Changes] = []
    controller.changed.connect(heard.append)
    try:
        with qtbot.waitSignal(controller.round_finished, timeout=30_000) as done:
            controller.sync_now()
    finally:
        controller.shutdown()
    created = [c.mails.created for c in heard if c.mails.created]
    assert [len(c) for c in created] == [2, 2, 1]  # one announcement per committed page
    with sqlite_store.session() as s:
        assert set().union(*created) == set(s.scalars(select(Mail.id)))
    assert done.args[0].changes.mails.created == set().union(*created)


def test_the_mail_area_counts_what_a_round_brought_in_while_it_is_shown(
        qtbot, window, demo_store: Store) -> None:  # type: ignore[no-untyped-def]
    window.show()
    window.show_area("mail")
    area = window.mail_area()
    controller = area.controller
    qtbot.waitUntil(lambda: controller.counts is not None)
    before = controller.counts.todo
    with demo_store.session_factory.begin() as s:  # what a sync page writes
        inbox = s.scalar(select(MailFolder).where(MailFolder.kind == FolderKind.INBOX))
        assert inbox is not None
        mail = Mail(folder_id=inbox.id, exchange_id="nieuw", change_key="ck", subject="Nieuw",
                    received_at=NOW)
        s.add(mail)
        s.flush()
        new_id = mail.id
    window.feed.publish(Changes.of(Kind.MAIL, created=[new_id]))
    qtbot.waitUntil(lambda: controller.counts.todo == before + 1)
    # The newest, on top of Te behandelen (its ids come from the runner too).
    qtbot.waitUntil(lambda: controller.model.row_of(new_id) == 0)
    todo = area.tree_model.index_of("todo").data()
    assert todo == f"Te behandelen ({before + 1})"