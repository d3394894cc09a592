"""Attachments fetched on demand on the sync worker's thread, through real EWS, then
opened or saved; executables only after a warning."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import select

from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.config import Paths
from kortrijk_cockpit.demo_office.files import DemoFile, render
from kortrijk_cockpit.domain import Attachment
from kortrijk_cockpit.exchange.ews import EwsBackend
from kortrijk_cockpit.exchange.round import MailboxRound
from kortrijk_cockpit.sandbox import Mailbox, SandboxServer
from kortrijk_cockpit.services.mail_list import AttachmentInfo
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.ui.sync_worker import SyncController, SyncWorker
from kortrijk_cockpit.ui.views.mail.attachment_actions import AttachmentActions, is_executable
from tests.integration.exchange_fixtures import NOW, settings_for

NOTA = DemoFile("Nota personeelsplan.docx", "Personeelsplan 2027",
                ("Voorstel aan het MAT.", "Drie extra functies in de dienst Wonen."))


def make_round(sandbox: SandboxServer, mailbox: Mailbox, store: Store, clock: FixedClock,
               paths: Paths) -> MailboxRound:
    return MailboxRound(lambda: EwsBackend(settings_for(sandbox, mailbox), sandbox.password),
                        store.session_factory, clock, attachments_root=paths.attachments)


@pytest.fixture
def synced(sandbox: SandboxServer, mailbox: Mailbox, sqlite_store: Store, clock: FixedClock,
           paths: Paths) -> Iterator[MailboxRound]:
    mailbox.add_message("inbox", "Personeelsplan", sender=("Sofie", "sofie@kortrijk.be"),
                        received=NOW, attachments=[
                            (NOTA.name, render(NOTA), NOTA.content_type),
                            ("factuur.pdf.exe", b"MZ\x90\x00", "application/octet-stream")])
    mailbox_round = make_round(sandbox, mailbox, sqlite_store, clock, paths)
    from kortrijk_cockpit.task_context import TaskContext

    assert mailbox_round.run(TaskContext()).ok
    yield mailbox_round
    mailbox_round.close()


def infos(store: Store) -> dict[str, AttachmentInfo]:
    with store.session() as s:
        rows = s.scalars(select(Attachment)).all()
        return {r.name: AttachmentInfo(r.id, r.name, r.content_type, r.size, r.is_inline,
                                       r.content_id, r.saved_path) for r in rows}


def test_the_round_fetches_a_real_docx_on_its_own_session(
        synced: MailboxRound, sqlite_store: Store, sandbox: SandboxServer, paths: Paths) -> None:
    assert "GetAttachment" not in sandbox.requests
    path = synced.fetch_attachment(infos(sqlite_store)[NOTA.name].id)
    assert path.is_relative_to(paths.attachments)
    text = [p.text for p in docx.Document(str(path)).paragraphs]
    assert "Drie extra functies in de dienst Wonen." in text
    assert infos(sqlite_store)[NOTA.name].saved_path == str(path)


@pytest.fixture
def controller(synced: MailboxRound, qapp: QApplication) -> Iterator[SyncController]:
    ctl = SyncController(SyncWorker(synced), interval_minutes=10)
    yield ctl
    ctl.shutdown()


def test_open_fetches_on_the_worker_then_opens_and_save_copies(
        qtbot, controller: SyncController, sqlite_store: Store, sandbox: SandboxServer,
        tmp_path: Path) -> None:
    opened: list[Path] = []
    statuses: list[str] = []
    actions = AttachmentActions(controller, open_file=lambda p: opened.append(p) or True,
                                ask_save_path=lambda name: str(tmp_path / f"kopie van {name}"),
                                show_error=pytest.fail)
    actions.status.connect(statuses.append)
    nota = infos(sqlite_store)[NOTA.name]

    actions.open(nota)
    # "wordt opgehaald…" (English when no earlier test loaded the translations)
    assert len(statuses) == 1 and "Nota personeelsplan.docx" in statuses[0]
    qtbot.waitUntil(lambda: bool(opened), timeout=30_000)
    assert statuses[-1] == ""
    assert docx.Document(str(opened[0])).paragraphs[0].text == "Personeelsplan 2027"
    fetched = sandbox.requests.count("GetAttachment")
    assert fetched == 1

    actions.save(infos(sqlite_store)[NOTA.name])  # now on disk: no second fetch
    copy = tmp_path / "kopie van Nota personeelsplan.docx"
    assert copy.read_bytes() == opened[0].read_bytes()
    assert sandbox.requests.count("GetAttachment") == fetched


def test_a_failed_fetch_says_why_in_dutch(qtbot, controller: SyncController, sqlite_store: Store,
                                          sandbox: SandboxServer) -> None:
    errors: list[str] = []
    sandbox.stop()
    actions = AttachmentActions(controller, open_file=lambda p: pytest.fail("opened"),
                                show_error=errors.append)
    actions.open(infos(sqlite_store)[NOTA.name])
    qtbot.waitUntil(lambda: bool(errors), timeout=30_000)
    assert "weigert de verbinding" in errors[0]
    assert not actions.pending()


def test_an_executable_is_opened_only_after_a_warning(
        qtbot, controller: SyncController, sqlite_store: Store, sandbox: SandboxServer) -> None:
    opened: list[Path] = []
    actions = AttachmentActions(controller, open_file=lambda p: opened.append(p) or True,
                                show_error=pytest.fail)
    invoice = infos(sqlite_store)["factuur.pdf.exe"]
    warned: list[str] = []

    def answer(button: QMessageBox.StandardButton) -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox) and box.objectName() == "executableWarning"
        warned.append(box.text())
        assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
        box.button(button).click()

    QTimer.singleShot(0, lambda: answer(QMessageBox.StandardButton.Cancel))
    actions.open(invoice)
    assert len(warned) == 1 and "factuur.pdf.exe" in warned[0]
    assert not actions.pending() and "GetAttachment" not in sandbox.requests

    QTimer.singleShot(0, lambda: answer(QMessageBox.StandardButton.Open))
    actions.open(invoice)
    qtbot.waitUntil(lambda: bool(opened), timeout=30_000)
    assert opened[0].read_bytes() == b"MZ\x90\x00"


@pytest.mark.parametrize("name, executable", [
    ("factuur.pdf.exe", True), ("SETUP.EXE", True), ("script.js. ", True), ("a.ps1", True),
    ("snelkoppeling.lnk", True), ("rapport.pdf", False), ("begroting.xlsx", False),
    ("exe", False), ("nota.docx", False), ("macro.vbs", True), ("lib.dll", True),
])
def test_which_names_count_as_executable(name: str, executable: bool) -> None:
    assert is_executable(name) is executable
