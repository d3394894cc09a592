"""The Send verslag confirmation: before anything leaves it shows who gets the full copy,
who gets the copy without the confidential items, which items are left out and who has
no address; Ctrl+Enter queues both mails; a version sent before is only sent again after
Yes; missing files come back as a Dutch error with Send available again."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from sqlalchemy import func, select

from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.domain import Meeting, MeetingStatus, MinutesDelivery, OutboxEntry
from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.services.verslag_sending import VerslagSendingService
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.ui.dialogs.send_verslag import SendVerslagDialog, send_verslag
from kortrijk_cockpit.ui.tasks import TaskRunner
from tests.integration.verslag_sending_world import NOW, SECRET_ITEM, seed


def texts(model: QStandardItemModel) -> list[str]:
    return [model.item(r).text() for r in range(model.rowCount())]


def opened(qtbot, store: Store, runner: TaskRunner,  # type: ignore[no-untyped-def]
           version_id: int) -> tuple[SendVerslagDialog, QWidget]:
    parent = QWidget()
    qtbot.addWidget(parent)
    service = VerslagSendingService(store.session_factory, FixedClock(NOW), "Hilde Vanthuyne")
    dialog = send_verslag(parent, runner, service, version_id)
    qtbot.waitUntil(lambda: dialog.recipients is not None, timeout=10_000)
    return dialog, parent  # the caller keeps the parent: the dialog lives as long


def count(store: Store, table: type) -> int:
    with store.session_factory() as s:
        return s.scalar(select(func.count()).select_from(table)) or 0


def test_it_shows_who_gets_which_copy_and_what_is_left_out(
        qtbot, app: QApplication, sqlite_store: Store, runner: TaskRunner,  # type: ignore[no-untyped-def]
        tmp_path: Path) -> None:
    world = seed(sqlite_store, tmp_path)
    dialog, _parent = opened(qtbot, sqlite_store, runner, world.version_id)
    assert dialog.windowTitle() == "Verslag versturen – Verslag MAT 17/11/2026, versie 1"
    assert texts(dialog.full_model) == [
        "Sofie Declercq <sofie.declercq@kortrijk.be>",
        "Koen Vandamme <koen.vandamme@kortrijk.be>"]
    assert texts(dialog.wider_model) == [
        "Secretariaat AD <secretariaat.ad@kortrijk.be>", "diensthoofden@kortrijk.be"]
    assert texts(dialog.left_out_model) == [SECRET_ITEM]
    status = dialog.status.text()
    assert "2 leden krijgen het volledige verslag." in status
    assert "Geen mailadres voor: Lies Zonderadres, Politiezone Vlas." in status
    assert dialog.send_button.isEnabled()


def test_ctrl_enter_queues_both_mails_and_closes(
        qtbot, app: QApplication, sqlite_store: Store, runner: TaskRunner,  # type: ignore[no-untyped-def]
        tmp_path: Path) -> None:
    world = seed(sqlite_store, tmp_path)
    dialog, _parent = opened(qtbot, sqlite_store, runner, world.version_id)
    dialog.activateWindow()
    with qtbot.waitSignal(dialog.sent, timeout=10_000) as blocker:
        qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert blocker.args[0].meetings.updated == {world.meeting_id}
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert count(sqlite_store, OutboxEntry) == 2  # pressed twice: sent once
    assert count(sqlite_store, MinutesDelivery) == 4
    with sqlite_store.session_factory() as s:
        meeting = s.get(Meeting, world.meeting_id)
        assert meeting is not None and meeting.status == MeetingStatus.MINUTES_SENT


def test_a_version_sent_before_goes_again_only_after_yes(
        qtbot, app: QApplication, sqlite_store: Store, runner: TaskRunner,  # type: ignore[no-untyped-def]
        tmp_path: Path) -> None:
    world = seed(sqlite_store, tmp_path)
    VerslagSendingService(sqlite_store.session_factory, FixedClock(NOW)).send(world.version_id)
    dialog, _parent = opened(qtbot, sqlite_store, runner, world.version_id)
    assert "Deze versie werd al 1 keer verstuurd." in dialog.status.text()

    dialog.send()
    box = dialog.again_question
    assert box is not None and box.isVisible()
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
    box.button(QMessageBox.StandardButton.No).click()
    assert dialog.isVisible() and count(sqlite_store, OutboxEntry) == 2

    dialog.send()
    box = dialog.again_question
    assert box is not None
    with qtbot.waitSignal(dialog.sent, timeout=10_000):
        box.button(QMessageBox.StandardButton.Yes).click()
    assert count(sqlite_store, OutboxEntry) == 4
    assert count(sqlite_store, MinutesDelivery) == 8  # logged again


def test_missing_files_are_reported_and_send_stays_available(
        qtbot, app: QApplication, sqlite_store: Store, runner: TaskRunner,  # type: ignore[no-untyped-def]
        tmp_path: Path) -> None:
    world = seed(sqlite_store, tmp_path)
    (tmp_path / "Verslag MAT 2026-11-17 v1.docx").unlink()
    dialog, _parent = opened(qtbot, sqlite_store, runner, world.version_id)
    with qtbot.waitSignal(dialog.failed, timeout=10_000) as blocker:
        dialog.send()
    assert isinstance(blocker.args[1], UserFacingError)
    assert "niet meer te vinden" in str(blocker.args[1])
    assert dialog.isVisible() and dialog.send_button.isEnabled()
    assert count(sqlite_store, OutboxEntry) == 0
