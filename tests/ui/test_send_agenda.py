"""The Send agenda dialog: it shows who gets the agenda and what is attached, Ctrl+Enter
queues one mail with the Word and PDF agenda and marks the meeting sent, and it saves
the agenda and the agendabundel (read back with python-docx and pypdf)."""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.domain import Meeting, MeetingStatus, OutboxEntry
from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.exchange.outbox_kinds import Payload, outgoing_mail
from kortrijk_cockpit.services.agenda_document import AgendaDocumentService
from kortrijk_cockpit.services.agenda_sending import AgendaSendingService
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.ui.dialogs.send_agenda import (
    SendAgendaDialog,
    open_send_agenda,
    save_bundle,
    template_path,
)
from kortrijk_cockpit.ui.tasks import TaskRunner
from tests.integration.agenda_document_world import NOW, TITLES, seed


def rows(dialog: SendAgendaDialog) -> list[tuple[str, bool]]:
    model = dialog.recipient_model
    return [(model.item(r).text(), model.item(r).isEnabled()) for r in range(model.rowCount())]


def opened(qtbot, store: Store, runner: TaskRunner, tmp_path: Path,  # type: ignore[no-untyped-def]
           **seeding: object) -> tuple[SendAgendaDialog, int, QWidget]:
    world = seed(store, tmp_path / "stukken", **seeding)  # type: ignore[arg-type]
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = open_send_agenda(parent, runner,
                              AgendaDocumentService(store.session_factory, FixedClock(NOW)),
                              AgendaSendingService(store.session_factory), world.meeting_id)
    qtbot.waitUntil(lambda: dialog.prepared is not None, timeout=10_000)
    return dialog, world.meeting_id, parent


def test_it_lists_the_recipients_and_the_two_attachments(
        qtbot, app: QApplication, sqlite_store: Store, runner: TaskRunner,  # type: ignore[no-untyped-def]
        tmp_path: Path) -> None:
    dialog, _meeting, _parent = opened(qtbot, sqlite_store, runner, tmp_path)
    assert dialog.windowTitle() == "Agenda versturen – Agenda MAT dinsdag 1 december 2026"
    assert rows(dialog) == [
        ("Secretariaat AD <secretariaat.ad@kortrijk.be>", True),
        ("pieter.declercq@kortrijk.be", True),
        ("Hilde Vanthuyne <algemeen.directeur@kortrijk.be>", True),
        ("Jan Zonderadres (geen mailadres)", False),
    ]
    model = dialog.attachment_model
    assert [model.item(r).text() for r in range(model.rowCount())] == [
        "Agenda MAT 2026-12-01.docx", "Agenda MAT 2026-12-01.pdf"]
    assert "3 ontvangers." in dialog.status.text()
    assert "Geen mailadres voor: Jan Zonderadres." in dialog.status.text()
    assert "5 agendapunten" in dialog.headline.text()
    assert dialog.send_button.isEnabled()


def test_ctrl_enter_queues_one_mail_with_word_and_pdf_and_marks_the_meeting_sent(
        qtbot, app: QApplication, sqlite_store: Store, runner: TaskRunner,  # type: ignore[no-untyped-def]
        tmp_path: Path) -> None:
    dialog, meeting_id, _parent = opened(qtbot, sqlite_store, runner, tmp_path)
    dialog.activateWindow()
    with qtbot.waitSignal(dialog.sent, timeout=10_000) as blocker:
        qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert blocker.args[0].meetings.updated == {meeting_id}
    qtbot.waitUntil(lambda: not dialog.isVisible())
    with sqlite_store.session_factory() as s:
        entries = s.query(OutboxEntry).all()
        assert s.get(Meeting, meeting_id).status == MeetingStatus.AGENDA_SENT
    assert len(entries) == 1  # pressed twice, queued once
    mail = outgoing_mail(Payload.load(entries[0].payload))  # what the pusher will send
    assert mail.subject == "Agenda MAT dinsdag 1 december 2026"
    assert mail.to == ("secretariaat.ad@kortrijk.be", "pieter.declercq@kortrijk.be",
                       "algemeen.directeur@kortrijk.be")
    docx_file, pdf_file = (a.content for a in mail.attachments)
    text = "\n".join(c.text for t in Document(io.BytesIO(docx_file)).tables
                     for r in t.rows for c in r.cells)
    positions = [text.index(title) for title in TITLES]
    assert positions == sorted(positions)
    assert len(PdfReader(io.BytesIO(pdf_file)).pages) == 1


def test_saving_word_pdf_and_the_bundle(
        qtbot, app: QApplication, sqlite_store: Store, runner: TaskRunner,  # type: ignore[no-untyped-def]
        tmp_path: Path) -> None:
    dialog, _meeting, _parent = opened(qtbot, sqlite_store, runner, tmp_path)
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        dialog.save_file("docx", tmp_path / "agenda.docx")
    assert Document(str(tmp_path / "agenda.docx")).paragraphs[0].text == (
        "Agenda MAT dinsdag 1 december 2026")
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        dialog.save_file("pdf", tmp_path / "agenda.pdf")
    assert PdfReader(tmp_path / "agenda.pdf").pages[0].extract_text()
    with qtbot.waitSignal(dialog.bundled, timeout=10_000):
        dialog.make_bundle(tmp_path / "bundel.pdf")
    reader = PdfReader(tmp_path / "bundel.pdf")
    assert [m.title for m in reader.outline] == ["Agenda", f"3. {TITLES[2]}", f"5. {TITLES[4]}"]
    assert dialog.status.text() == "Bundel bewaard met 3 bladwijzers."
    with sqlite_store.session_factory() as s:
        assert s.query(OutboxEntry).count() == 0  # saving sends nothing


def test_without_addresses_send_stays_off(
        qtbot, app: QApplication, sqlite_store: Store, runner: TaskRunner,  # type: ignore[no-untyped-def]
        tmp_path: Path) -> None:
    world = seed(sqlite_store, tmp_path / "stukken", distribution=[])
    with sqlite_store.session_factory.begin() as s:
        from kortrijk_cockpit.domain import SeriesMember

        s.query(SeriesMember).delete()
    dialog = SendAgendaDialog(AgendaDocumentService(sqlite_store.session_factory, FixedClock(NOW)),
                              AgendaSendingService(sqlite_store.session_factory), runner,
                              world.meeting_id)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.prepared is not None, timeout=10_000)
    assert not dialog.send_button.isEnabled()
    assert dialog.save_docx_button.isEnabled()


def test_a_missing_city_template_is_reported_in_dutch(
        qtbot, app: QApplication, sqlite_store: Store, runner: TaskRunner,  # type: ignore[no-untyped-def]
        tmp_path: Path) -> None:
    world = seed(sqlite_store, tmp_path / "stukken")
    dialog = SendAgendaDialog(AgendaDocumentService(sqlite_store.session_factory, FixedClock(NOW)),
                              AgendaSendingService(sqlite_store.session_factory), runner,
                              world.meeting_id, template=tmp_path / "weg.docx")
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.failed, timeout=10_000) as blocker:
        pass
    assert isinstance(blocker.args[1], UserFacingError)
    assert "niet gevonden" in blocker.args[1].user_message
    assert not dialog.send_button.isEnabled()


def test_the_bundle_on_its_own_for_the_overleg_area(
        qtbot, app: QApplication, sqlite_store: Store, runner: TaskRunner,  # type: ignore[no-untyped-def]
        tmp_path: Path) -> None:
    world = seed(sqlite_store, tmp_path / "stukken")
    parent = QWidget()
    qtbot.addWidget(parent)
    saved: list[object] = []
    save_bundle(parent, runner, AgendaDocumentService(sqlite_store.session_factory,
                                                      FixedClock(NOW)),
                world.meeting_id, path=tmp_path / "b.pdf", on_saved=saved.append)
    qtbot.waitUntil(lambda: bool(saved), timeout=10_000)
    assert len(PdfReader(tmp_path / "b.pdf").outline) == 3


def test_the_setting_points_to_the_city_template() -> None:
    from kortrijk_cockpit.config import Settings

    assert template_path(Settings()) is None
    assert template_path(Settings(agenda_template_path=" C:/Stad/agenda.docx ")) == Path(
        "C:/Stad/agenda.docx")
