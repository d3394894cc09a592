"""Choosing which mail folders are synchronised."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer

from kortrijk_cockpit.domain import FolderKind, MailFolder
from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.services.folders import FolderService
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.ui.dialogs.folders import FoldersDialog
from kortrijk_cockpit.ui.tasks import TaskRunner
from tests.ui.store_lock import write_lock_held


def seed(store: Store) -> None:
    with store.session_factory.begin() as s:
        s.add_all([
            MailFolder(display_name="Postvak IN", kind=FolderKind.INBOX, exchange_id="i"),
            MailFolder(display_name="Verzonden items", kind=FolderKind.SENT, exchange_id="s"),
            MailFolder(display_name="Behandeld", kind=FolderKind.CUSTOM, exchange_id="b",
                       sync_enabled=False),
            MailFolder(display_name="Agenda", kind=FolderKind.CALENDAR, exchange_id="c"),
            MailFolder(display_name="Geïmporteerd", kind=FolderKind.IMPORTED),
        ])


def test_ticking_a_folder_keeps_it_in_sync(qtbot, app, sqlite_store: Store, qtmodeltester,  # type: ignore[no-untyped-def]
                                           runner: TaskRunner) -> None:
    seed(sqlite_store)
    service = FolderService(sqlite_store.session_factory)
    dialog = FoldersDialog(service, runner)
    qtbot.addWidget(dialog)
    model = dialog.model
    qtmodeltester.check(model)
    names = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert names == ["Postvak IN", "Verzonden items", "Behandeld"]  # not the imported mail
    inbox, _sent, done = (model.index(r, 0) for r in range(3))
    assert not model.flags(inbox) & Qt.ItemFlag.ItemIsEnabled  # always synced
    assert inbox.data(Qt.ItemDataRole.ToolTipRole) == "Altijd gesynchroniseerd"
    assert done.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked

    assert model.setData(done, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    qtbot.waitUntil(lambda: done.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked)
    assert [c.synced for c in service.mail_folders()] == [True, True, True]
    assert not model.setData(inbox, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert not dialog.empty.isVisibleTo(dialog)


def test_a_tick_waits_for_the_write_lock_without_freezing_the_window(  # type: ignore[no-untyped-def]
        qtbot, app, sqlite_store: Store, runner: TaskRunner) -> None:
    seed(sqlite_store)
    service = FolderService(sqlite_store.session_factory)
    dialog = FoldersDialog(service, runner)
    qtbot.addWidget(dialog)
    done = dialog.model.index(2, 0)
    ticks = QTimer(dialog)
    ticks.setInterval(10)
    ticks.start()

    with write_lock_held(sqlite_store):  # the sync worker is writing a page
        assert dialog.model.setData(done, Qt.CheckState.Checked.value,
                                    Qt.ItemDataRole.CheckStateRole)
        with qtbot.waitSignal(ticks.timeout, timeout=1000):
            pass  # the GUI thread runs on while the write waits for the lock
        assert [c.synced for c in service.mail_folders()] == [True, True, False]
        assert done.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    qtbot.waitUntil(lambda: done.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked)
    assert [c.synced for c in service.mail_folders()] == [True, True, True]


def test_imported_mail_is_listed_for_the_mail_tree_but_never_synced(sqlite_store: Store) -> None:
    seed(sqlite_store)
    service = FolderService(sqlite_store.session_factory)
    imported = next(c for c in service.mail_folders(include_local=True)
                    if c.kind == FolderKind.IMPORTED)
    assert (imported.name, imported.synced, imported.fixed) == ("Geïmporteerd", False, True)

    with pytest.raises(UserFacingError, match="alleen hier"):
        service.set_synced(imported.folder_id, True)
