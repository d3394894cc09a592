"""The compose dialog sends a reply that ends in the director's Sent Items; nothing
typed is lost on a failed send or an Esc; the standard texts editor."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.domain import Mail, OutboxEntry
from kortrijk_cockpit.exchange.ews import EwsBackend
from kortrijk_cockpit.exchange.outbox import OutboxPusher
from kortrijk_cockpit.exchange.sync import SyncEngine
from kortrijk_cockpit.sandbox import Mailbox
from kortrijk_cockpit.services.compose import ComposeMode, ComposeService
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.ui.dialogs.compose import ComposeDialog
from kortrijk_cockpit.ui.dialogs.templates import TemplatesDialog
from kortrijk_cockpit.ui.tasks import TaskRunner
from tests.ui.conftest import NOW

OWNER = "algemeen.directeur@kortrijk.be"
ELS = ("Els Vandamme", "els.vandamme@kortrijk.be")


def compose_for(store: Store) -> ComposeService:
    return ComposeService(store.session_factory, FixedClock(NOW), OWNER,
                          director_name="Hilde Vanthuyne")


def synced_mail(store: Store, backend: EwsBackend, mailbox: Mailbox) -> tuple[str, int]:
    item = mailbox.add_message("inbox", "Nota BBC", sender=ELS, to=[("Hilde Vanthuyne", OWNER)],
                               received=NOW - timedelta(hours=1), body_html="<p>Hierbij.</p>")
    SyncEngine(store.session_factory, backend, FixedClock(NOW)).sync()
    with store.session() as s:
        return item, s.scalars(select(Mail.id).where(Mail.exchange_id == item)).one()


def open_dialog(qtbot, compose: ComposeService, runner: TaskRunner, mail_id: int,  # type: ignore[no-untyped-def]
                mode: ComposeMode = ComposeMode.REPLY) -> ComposeDialog:
    dialog = ComposeDialog(compose, runner, compose.draft(mail_id, mode))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.templates.count() == 5)
    return dialog


def test_a_reply_typed_in_the_dialog_reaches_sent_items(  # type: ignore[no-untyped-def]
        qtbot, app, sqlite_store: Store, backend: EwsBackend, mailbox: Mailbox,
        runner: TaskRunner) -> None:
    item, mail_id = synced_mail(sqlite_store, backend, mailbox)
    dialog = open_dialog(qtbot, compose_for(sqlite_store), runner, mail_id)
    assert dialog.to.text() == "Els Vandamme <els.vandamme@kortrijk.be>"
    assert dialog.subject.text() == "Antw: Nota BBC"
    assert "Grote Markt 54, 8500 Kortrijk" in dialog.body.toPlainText()  # the signature

    dialog.templates.setCurrentIndex(0)  # Ontvangstbevestiging
    qtbot.mouseClick(dialog.insert_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.body.toPlainText().startswith("Beste Els,"))
    qtbot.keyClick(dialog.body, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.body, "Tot dinsdag op het MAT.")
    with qtbot.waitSignal(dialog.sent):
        qtbot.keyClick(dialog.body, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible()

    OutboxPusher(sqlite_store.session_factory, backend, FixedClock(NOW)).push()

    [copy] = mailbox.folder("sentitems").items
    assert copy.subject == "Antw: Nota BBC" and copy.to == [ELS]
    assert "Beste Els," in copy.body_html and "Tot dinsdag op het MAT." in copy.body_html
    assert copy.conversation_id == mailbox.get(item).conversation_id


def test_a_failed_send_keeps_every_word_and_esc_asks_first(  # type: ignore[no-untyped-def]
        qtbot, app, sqlite_store: Store, backend: EwsBackend, mailbox: Mailbox,
        runner: TaskRunner) -> None:
    _, mail_id = synced_mail(sqlite_store, backend, mailbox)
    dialog = open_dialog(qtbot, compose_for(sqlite_store), runner, mail_id, ComposeMode.FORWARD)
    qtbot.keyClicks(dialog.body, "Ter info, zie hieronder.")
    typed = dialog.body.toPlainText()

    qtbot.keyClick(dialog.body, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: any(b.isVisible() for b in dialog.findChildren(QMessageBox)))
    [warning] = [b for b in dialog.findChildren(QMessageBox) if b.isVisible()]
    assert "ontvanger" in warning.text()
    warning.close()
    assert dialog.isVisible() and dialog.body.toPlainText() == typed
    with sqlite_store.session() as s:
        assert s.scalars(select(OutboxEntry)).all() == []

    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.discard_question is not None and dialog.isVisible()
    dialog.discard_question.button(QMessageBox.StandardButton.Cancel).click()
    assert dialog.isVisible() and dialog.body.toPlainText() == typed
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.discard_question is not None
    dialog.discard_question.button(QMessageBox.StandardButton.Discard).click()
    assert not dialog.isVisible()


def test_esc_on_an_untouched_draft_closes_at_once(  # type: ignore[no-untyped-def]
        qtbot, app, sqlite_store: Store, backend: EwsBackend, mailbox: Mailbox,
        runner: TaskRunner) -> None:
    _, mail_id = synced_mail(sqlite_store, backend, mailbox)
    dialog = open_dialog(qtbot, compose_for(sqlite_store), runner, mail_id)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.discard_question is None and not dialog.isVisible()


def test_the_standard_texts_editor_adds_edits_and_deletes_after_asking(  # type: ignore[no-untyped-def]
        qtbot, app, sqlite_store: Store, runner: TaskRunner, qtmodeltester) -> None:
    compose = compose_for(sqlite_store)
    dialog = TemplatesDialog(compose, runner)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 6)  # five texts and the signature
    qtmodeltester.check(dialog.model)
    assert dialog.name.text() == "Ontvangstbevestiging"

    qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.name, "Felicitaties")
    qtbot.keyClicks(dialog.body, "Proficiat, {voornaam}!")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 7)
    assert dialog.name.text() == "Felicitaties"  # the new one is selected

    dialog.name.setText("Felicitaties (kort)")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Felicitaties (kort)" in [t.name for t in compose.templates()])

    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert dialog.delete_question is not None
    dialog.delete_question.button(QMessageBox.StandardButton.No).click()
    assert dialog.model.rowCount() == 7
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    dialog.delete_question.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 6)
    assert "Felicitaties (kort)" not in [t.name for t in compose.templates()]


def test_the_standard_texts_editor_never_drops_what_she_typed(  # type: ignore[no-untyped-def]
        qtbot, app, sqlite_store: Store, runner: TaskRunner) -> None:
    compose = compose_for(sqlite_store)
    dialog = TemplatesDialog(compose, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 6)
    first = dialog.name.text()
    dialog.body.setPlainText("Bedankt, {voornaam}. Ik kom erop terug.")

    # Another text: she is asked first; Cancel keeps her where she was, text and all.
    dialog.view.setCurrentIndex(dialog.model.index(1, 0))
    assert dialog.keep_question is not None
    dialog.keep_question.button(QMessageBox.StandardButton.Cancel).click()
    assert dialog.name.text() == first
    assert dialog.body.toPlainText() == "Bedankt, {voornaam}. Ik kom erop terug."
    assert dialog.view.currentIndex().row() == 0

    # Closing asks too; Save stores it, then closes.
    dialog.reject()
    assert dialog.isVisible() and dialog.keep_question is not None
    dialog.keep_question.button(QMessageBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert "Bedankt, {voornaam}. Ik kom erop terug." in \
        [t.body for t in compose.templates() if t.name == first]


def test_names_with_a_comma_stay_one_recipient(  # type: ignore[no-untyped-def]
        qtbot, app, sqlite_store: Store, backend: EwsBackend, mailbox: Mailbox,
        runner: TaskRunner) -> None:
    els = ("Vandamme, Els", "els.vandamme@kortrijk.be")
    pieter = ("Declercq, Pieter", "pieter.declercq@kortrijk.be")
    mailbox.add_message("inbox", "Nota BBC", sender=els, to=[("Hilde Vanthuyne", OWNER), pieter],
                        received=NOW - timedelta(hours=1), body_html="<p>Hierbij.</p>")
    SyncEngine(sqlite_store.session_factory, backend, FixedClock(NOW)).sync()
    with sqlite_store.session() as s:
        mail_id = s.scalars(select(Mail.id)).one()
    dialog = open_dialog(qtbot, compose_for(sqlite_store), runner, mail_id, ComposeMode.REPLY_ALL)
    assert dialog.to.text() == ("Vandamme, Els <els.vandamme@kortrijk.be>; "
                                "Declercq, Pieter <pieter.declercq@kortrijk.be>")
    qtbot.keyClicks(dialog.cc, '"Soenen, Evelien" <evelien.soenen@voka.be>, jan@kortrijk.be')

    with qtbot.waitSignal(dialog.sent):
        qtbot.keyClick(dialog.body, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    with sqlite_store.session() as s:
        entry = s.scalars(select(OutboxEntry)).one()
    assert entry.payload["to"] == ["Vandamme, Els <els.vandamme@kortrijk.be>",
                                   "Declercq, Pieter <pieter.declercq@kortrijk.be>"]
    assert entry.payload["cc"] == ['"Soenen, Evelien" <evelien.soenen@voka.be>',
                                   "jan@kortrijk.be"]
    OutboxPusher(sqlite_store.session_factory, backend, FixedClock(NOW)).push()
    [sent] = mailbox.sent
    assert sent.to == [els, pieter]
    assert sent.cc == [("Soenen, Evelien", "evelien.soenen@voka.be"), ("jan@kortrijk.be", "jan@kortrijk.be")]
