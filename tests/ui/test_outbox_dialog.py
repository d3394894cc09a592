"""Uitgaand: pending, failed and conflicting changes, with retry and discard."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from kortrijk_cockpit.domain import Mail, OutboxEntry, OutboxStatus
from kortrijk_cockpit.services.outbox import OutboxService
from kortrijk_cockpit.services.triage import TriageService
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.ui.dialogs.outbox import OutboxDialog
from kortrijk_cockpit.ui.models.outbox import OutboxModel
from kortrijk_cockpit.ui.tasks import TaskRunner
from tests.integration.concurrent_edit import someone_else_edits_first
from tests.seeding import inbox_mails
from tests.ui.store_lock import write_lock_held


def seed(store: Store) -> int:
    return inbox_mails(store, "Nota BBC", categories=("MAT",))[0]


def test_outbox_lists_waiting_changes_in_dutch_and_retries(qtbot, app, sqlite_store: Store,  # type: ignore[no-untyped-def]
                                                          runner: TaskRunner) -> None:
    mail_id = seed(sqlite_store)
    TriageService(sqlite_store.session_factory).categorize(mail_id, ["DC"])
    with sqlite_store.session_factory.begin() as s:
        entry = s.scalars(select(OutboxEntry)).one()
        entry.status = OutboxStatus.CONFLICT
        entry.last_error = "Dit werd intussen ook in Outlook gewijzigd."
        entry.payload = {**entry.payload, "server": ["Gemeenteraad"]}
    dialog = OutboxDialog(OutboxService(sqlite_store.session_factory), runner)
    qtbot.addWidget(dialog)
    dialog.show()
    model = dialog.model
    assert model.rowCount() == 1
    row = [model.index(0, c).data() for c in range(model.columnCount())]
    assert row[1:] == ["Categorieën: DC", "Nota BBC", "Conflict",
                       "Dit werd intussen ook in Outlook gewijzigd."]
    assert dialog.windowTitle() == "Uitgaand"

    with qtbot.waitSignal(dialog.changed):
        qtbot.mouseClick(dialog.retry_button, Qt.MouseButton.LeftButton)
    [item] = OutboxService(sqlite_store.session_factory).open_entries()
    assert item.status == OutboxStatus.PENDING
    assert model.index(0, 3).data() == "Wacht"


def test_discard_restores_what_exchange_has(qtbot, app, sqlite_store: Store,  # type: ignore[no-untyped-def]
                                            runner: TaskRunner) -> None:
    mail_id = seed(sqlite_store)
    TriageService(sqlite_store.session_factory).categorize(mail_id, ["DC"])
    dialog = OutboxDialog(OutboxService(sqlite_store.session_factory), runner)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.changed):
        dialog.discard_selected(confirm=False)
    assert dialog.model.rowCount() == 0
    assert dialog.empty.isVisibleTo(dialog)
    with sqlite_store.session() as s:
        mail = s.get(Mail, mail_id)
        assert mail is not None and mail.categories == ["MAT"]


def test_outbox_model(qtmodeltester, app, sqlite_store: Store) -> None:  # type: ignore[no-untyped-def]
    mail_id = seed(sqlite_store)
    triage = TriageService(sqlite_store.session_factory)
    triage.mark_read(mail_id)
    with sqlite_store.session_factory.begin() as s:
        s.add(OutboxEntry(kind="send_mail", payload={"subject": "Agenda MAT"},
                          next_attempt_at=datetime(2026, 11, 23, 9, 0, tzinfo=UTC)))
    model = OutboxModel()
    model.set_items(OutboxService(sqlite_store.session_factory).open_entries())
    qtmodeltester.check(model)
    assert model.index(1, 2).data() == "Agenda MAT"
    assert model.index(1, 4).data() == "Volgende poging 23/11/2026 10:00"
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Wijziging"


def test_retry_waits_for_the_write_lock_without_freezing_the_window(  # type: ignore[no-untyped-def]
        qtbot, app, sqlite_store: Store, runner: TaskRunner) -> None:
    mail_id = seed(sqlite_store)
    TriageService(sqlite_store.session_factory).categorize(mail_id, ["DC"])
    with sqlite_store.session_factory.begin() as s:
        s.scalars(select(OutboxEntry)).one().status = OutboxStatus.FAILED
    outbox = OutboxService(sqlite_store.session_factory)
    dialog = OutboxDialog(outbox, runner)
    qtbot.addWidget(dialog)
    ticks = QTimer(dialog)
    ticks.setInterval(10)
    ticks.start()

    with write_lock_held(sqlite_store):  # the sync worker is writing a page
        qtbot.mouseClick(dialog.retry_button, Qt.MouseButton.LeftButton)
        with qtbot.waitSignal(ticks.timeout, timeout=1000):
            pass  # the GUI thread runs on while the retry waits for the lock
        assert [i.status for i in outbox.open_entries()] == [OutboxStatus.FAILED]
        assert dialog.model.index(0, 3).data() == "Mislukt"
    qtbot.waitUntil(lambda: dialog.model.index(0, 3).data() == "Wacht")
    assert [i.status for i in outbox.open_entries()] == [OutboxStatus.PENDING]


def test_a_change_made_by_someone_else_first_offers_to_reload(  # type: ignore[no-untyped-def]
        qtbot, app, sqlite_store: Store, runner: TaskRunner) -> None:
    mail_id = seed(sqlite_store)
    TriageService(sqlite_store.session_factory).categorize(mail_id, ["DC"])
    unexpected: list[object] = []
    runner.error.connect(lambda *args: unexpected.append(args))
    dialog = OutboxDialog(OutboxService(sqlite_store.session_factory), runner)
    qtbot.addWidget(dialog)
    dialog.show()

    someone_else_edits_first(sqlite_store, "mails", mail_id, subject="Nota BBC (herzien)")
    dialog.discard_selected(confirm=False)
    qtbot.waitUntil(lambda: dialog.findChild(QMessageBox) is not None)
    box = dialog.findChild(QMessageBox)
    assert box.text().startswith("Iemand anders heeft dit intussen gewijzigd.")
    reload = next(b for b in box.buttons() if b.text() == "Opnieuw laden")
    assert dialog.model.index(0, 2).data() == "Nota BBC"  # what she saw when she chose
    qtbot.mouseClick(reload, Qt.MouseButton.LeftButton)
    assert dialog.model.index(0, 2).data() == "Nota BBC (herzien)"  # the newest version
    assert unexpected == []  # no crash dialog
