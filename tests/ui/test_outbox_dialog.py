"""Uitgaand: pending, failed and conflicting changes, with retry and discard."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from sqlalchemy import select

from kortrijk_cockpit.domain import FolderKind, Mail, MailFolder, OutboxEntry, OutboxStatus
from kortrijk_cockpit.services.outbox import OutboxService
from kortrijk_cockpit.services.triage import TriageService
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.ui.dialogs.outbox import OutboxDialog
from kortrijk_cockpit.ui.models.outbox import OutboxModel


def seed(store: Store) -> int:
    with store.session_factory.begin() as s:
        folder = MailFolder(display_name="Postvak IN", kind=FolderKind.INBOX, exchange_id="f")
        s.add(folder)
        s.flush()
        mail = Mail(folder_id=folder.id, exchange_id="m1", change_key="ck1", subject="Nota BBC",
                    categories=["MAT"])
        s.add(mail)
        s.flush()
        return mail.id


def test_outbox_lists_waiting_changes_in_dutch_and_retries(qtbot, app, sqlite_store: Store) -> None:  # type: ignore[no-untyped-def]
    mail_id = seed(sqlite_store)
    TriageService(sqlite_store.session_factory).categorize(mail_id, ["DC"])
    with sqlite_store.session_factory.begin() as s:
        entry = s.scalars(select(OutboxEntry)).one()
        entry.status = OutboxStatus.CONFLICT
        entry.last_error = "Dit werd intussen ook in Outlook gewijzigd."
        entry.payload = {**entry.payload, "server": ["Gemeenteraad"]}
    dialog = OutboxDialog(OutboxService(sqlite_store.session_factory))
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


def test_discard_restores_what_exchange_has(qtbot, app, sqlite_store: Store) -> None:  # type: ignore[no-untyped-def]
    mail_id = seed(sqlite_store)
    TriageService(sqlite_store.session_factory).categorize(mail_id, ["DC"])
    dialog = OutboxDialog(OutboxService(sqlite_store.session_factory))
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
