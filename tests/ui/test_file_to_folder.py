"""Filing a mail: type part of a folder name, Enter; the last folders used come first."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt

from kortrijk_cockpit.domain import Mail
from kortrijk_cockpit.services.folders import FolderService
from kortrijk_cockpit.services.triage import TriageService
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.ui.dialogs.file_to_folder import FolderPickerDialog
from tests.ui.hand_on_world import seed


@pytest.fixture(autouse=True)
def fresh_memory() -> Iterator[None]:
    FolderPickerDialog.recent = []
    yield
    FolderPickerDialog.recent = []


def pick(qtbot, store: Store, typed: str, *, current: int | None = None) -> FolderPickerDialog:  # type: ignore[no-untyped-def]
    dialog = FolderPickerDialog(FolderService(store.session_factory).mail_folders(),
                                current_folder_id=current)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.filter, typed)
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)
    return dialog


def names(dialog: FolderPickerDialog) -> list[str]:
    return [dialog.model.index(r, 0).data() for r in range(dialog.model.rowCount())]


def test_type_to_filter_and_the_last_used_come_first(qtbot, app, sqlite_store: Store) -> None:  # type: ignore[no-untyped-def]
    world = seed(sqlite_store)
    dialog = FolderPickerDialog(FolderService(sqlite_store.session_factory).mail_folders(),
                                current_folder_id=world.inbox)
    qtbot.addWidget(dialog)
    # Only synced folders, not the one the mail is in.
    assert names(dialog) == ["Archief", "Projecten stadhuis"]
    assert dialog.windowTitle() == "Archiveren in map"

    assert pick(qtbot, sqlite_store, "stad", current=world.inbox).folder_id() == world.projects
    again = FolderPickerDialog(FolderService(sqlite_store.session_factory).mail_folders())
    qtbot.addWidget(again)
    assert names(again) == ["Projecten stadhuis  ·  recent gebruikt", "Postvak IN", "Archief"]
    assert again.chosen_id() == world.projects  # Enter at once files it there again


def test_esc_clears_the_filter_before_it_closes(qtbot, app, sqlite_store: Store) -> None:  # type: ignore[no-untyped-def]
    seed(sqlite_store)
    dialog = FolderPickerDialog(FolderService(sqlite_store.session_factory).mail_folders())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.filter, "zzz")
    assert names(dialog) == [] and dialog.empty.isVisible()
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)  # nothing to take: stays open
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Escape)
    assert dialog.isVisible() and dialog.filter.text() == ""
    with qtbot.waitSignal(dialog.rejected, timeout=1000):
        qtbot.keyClick(dialog.filter, Qt.Key.Key_Escape)


def test_the_chosen_folder_is_where_the_mail_goes(qtbot, app, store: Store) -> None:  # type: ignore[no-untyped-def]
    world = seed(store)
    folder_id = pick(qtbot, store, "arch", current=world.inbox).folder_id()
    TriageService(store.session_factory).file([world.mat_mail], folder_id)
    with store.session_factory() as s:
        mail = s.get(Mail, world.mat_mail)
        assert mail is not None and mail.folder.display_name == "Archief"
