"""The window wires the Mail area to replies and to dropped files: R opens a
reply that reaches Sent Items; an .eml dropped on the window lands in Te behandelen."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.config import Paths
from kortrijk_cockpit.domain import Mail, OutboxEntry
from kortrijk_cockpit.exchange.ews import EwsBackend
from kortrijk_cockpit.exchange.outbox import OutboxPusher
from kortrijk_cockpit.exchange.sync import SyncEngine
from kortrijk_cockpit.sandbox import Mailbox
from kortrijk_cockpit.services.compose import ComposeService
from kortrijk_cockpit.services.mail_import import MailImporter
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.ui.dialogs.compose import ComposeDialog
from kortrijk_cockpit.ui.main_window import MainWindow
from kortrijk_cockpit.ui.tasks import TaskRunner
from kortrijk_cockpit.ui.views.mail.area import MailArea
from tests.integration.test_mail_import import OFFERTE
from tests.ui.conftest import NOW, make_services
from tests.ui.test_file_drop import drop, local, mime

OWNER = "algemeen.directeur@kortrijk.be"
ELS = ("Els Vandamme", "els.vandamme@kortrijk.be")


def mail_window(qtbot, store: Store, runner: TaskRunner, paths: Paths,  # type: ignore[no-untyped-def]
                ) -> tuple[MainWindow, MailArea]:
    clock = FixedClock(NOW)
    services = replace(
        make_services(store),
        compose=ComposeService(store.session_factory, clock, OWNER,
                               director_name="Hilde Vanthuyne"),
        importer=MailImporter(store.session_factory, clock, paths.attachments),
    )
    window = MainWindow(runner, paths.config, report_unexpected=lambda e: None,
                        services=services)
    qtbot.addWidget(window)
    window.resize(1600, 900)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.show_area("mail")
    area = window.mail_area()
    assert area is not None
    return window, area


def test_r_on_a_mail_opens_a_reply_that_reaches_sent_items(
        qtbot, app: QApplication, store: Store, runner: TaskRunner, paths: Paths,  # type: ignore[no-untyped-def]
        backend: EwsBackend, mailbox: Mailbox) -> None:
    mailbox.add_message("inbox", "Nota BBC", sender=ELS, to=[("Hilde Vanthuyne", OWNER)],
                        received=NOW - timedelta(hours=1), body_html="<p>Hierbij.</p>",
                        is_read=True)  # read already: the pane's "read after 1.5 s" queues nothing
    SyncEngine(store.session_factory, backend, FixedClock(NOW)).sync()
    window, area = mail_window(qtbot, store, runner, paths)
    qtbot.waitUntil(lambda: area.pane.mail_id() is not None)
    area.list.setFocus()
    qtbot.waitUntil(area.list.hasFocus)

    qtbot.keyClick(area.list, Qt.Key.Key_R)
    qtbot.waitUntil(lambda: isinstance(window.compose_dialog, ComposeDialog)
                    and window.compose_dialog.isVisible())
    dialog = window.compose_dialog
    assert isinstance(dialog, ComposeDialog)
    assert dialog.subject.text() == "Antw: Nota BBC"
    assert "Hilde Vanthuyne" in dialog.body.toPlainText()  # signed for the director
    dialog.body.moveCursor(dialog.body.textCursor().MoveOperation.Start)
    qtbot.keyClicks(dialog.body, "Dank je, Els.")
    with qtbot.waitSignal(window.feed.changed):  # Uitgaand and the other views hear of it
        qtbot.keyClick(dialog.body, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    with store.session() as s:
        assert s.scalar(select(OutboxEntry.kind)) == "reply"

    OutboxPusher(store.session_factory, backend, FixedClock(NOW)).push()
    [copy] = mailbox.folder("sentitems").items
    assert copy.subject == "Antw: Nota BBC" and copy.to == [ELS]
    assert "Dank je, Els." in copy.body_html


def test_an_eml_dropped_on_the_window_appears_in_te_behandelen(
        qtbot, app: QApplication, store: Store, runner: TaskRunner, paths: Paths,  # type: ignore[no-untyped-def]
        tmp_path: Path) -> None:
    window, area = mail_window(qtbot, store, runner, paths)
    file = tmp_path / "offerte.eml"
    file.write_bytes(OFFERTE)

    assert drop(window, mime(local(file)))

    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Geïmporteerd"))
    with store.session() as s:
        mail_id = s.scalars(select(Mail.id).where(Mail.imported_from == "offerte.eml")).one()
    model = area.controller.model  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: model.row_of(mail_id) != -1)
    qtbot.waitUntil(lambda: any(text.startswith("Geïmporteerd") for text in tree_texts(area)))


def tree_texts(area: MailArea) -> list[str]:
    model = area.tree_model
    texts = []
    for top in range(model.rowCount()):
        parent = model.index(top, 0)
        texts += [str(model.index(row, 0, parent).data()) for row in range(model.rowCount(parent))]
    return texts


def test_after_a_reply_is_closed_with_esc_the_triage_keys_work_again(
        qtbot, app: QApplication, store: Store, runner: TaskRunner, paths: Paths,  # type: ignore[no-untyped-def]
        backend: EwsBackend, mailbox: Mailbox) -> None:
    mailbox.add_message("inbox", "Vraag voor het MAT", sender=ELS,
                        to=[("Hilde Vanthuyne", OWNER)], received=NOW - timedelta(hours=1),
                        body_html="<p>Kan dit op het MAT?</p>", is_read=True)
    SyncEngine(store.session_factory, backend, FixedClock(NOW)).sync()
    window, area = mail_window(qtbot, store, runner, paths)
    qtbot.waitUntil(lambda: area.pane.mail_id() is not None)
    area.list.setFocus()
    qtbot.waitUntil(area.list.hasFocus)
    qtbot.keyClick(area.list, Qt.Key.Key_R)
    qtbot.waitUntil(lambda: isinstance(window.compose_dialog, ComposeDialog)
                    and window.compose_dialog.isVisible())
    dialog = window.compose_dialog
    assert dialog is not None
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    # The window is active again with the list in focus, so G puts the mail on the
    # agenda instead of jumping to a mail starting with "g".
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window and area.list.hasFocus())
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_G)
    triage = area.controller.actions  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: triage.dialog is not None and triage.dialog.isVisible())
    triage.dialog.reject()
