"""The agenda of a MAT as Word, as PDF and as agendabundel, read back (python-docx,
pypdf), and sent through the sandbox with real exchangelib: one mail in Sent Items to
the members and the distribution list, with both files attached."""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader
from PySide6.QtWidgets import QApplication

from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.documents import agenda_docx, agenda_pdf
from kortrijk_cockpit.documents.bundle import BundleItem, make_bundle
from kortrijk_cockpit.domain import Meeting, MeetingStatus, OutboxEntry
from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.exchange.ews import EwsBackend
from kortrijk_cockpit.exchange.outbox import OutboxPusher
from kortrijk_cockpit.sandbox import Mailbox
from kortrijk_cockpit.services.agenda_document import AgendaDocumentService, bundle_items
from kortrijk_cockpit.services.agenda_sending import AgendaFiles, AgendaSendingService
from kortrijk_cockpit.store import Store
from tests.integration.agenda_document_world import NOW, TIMES, TITLES, seed


def words(text: str) -> str:
    # Qt's PDFs space words by position and set ligatures: compare normalised words.
    return " ".join(unicodedata.normalize("NFKC", text).split())


def docx_text(content: bytes) -> str:
    document = Document(io.BytesIO(content))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(lines)


def in_order(text: str, parts: list[str]) -> bool:
    positions = [text.index(p) for p in parts]
    return positions == sorted(positions)


def test_the_agenda_model_has_the_items_in_order_with_start_times(
        store: Store, tmp_path: Path) -> None:
    world = seed(store, tmp_path / "stukken")
    agenda = AgendaDocumentService(store.session_factory, FixedClock(NOW)).document(
        world.meeting_id)
    assert [line.title for line in agenda.lines] == TITLES
    assert [line.time_text for line in agenda.lines] == TIMES
    assert [line.is_confidential for line in agenda.lines] == [False, False, False, True, False]
    assert [s.title for s in agenda.sections] == [
        "Verslag en opvolging", "Ter beslissing", "Informatie"]
    assert agenda.title == "Agenda MAT dinsdag 1 december 2026"
    assert agenda.headline == (
        "Dinsdag 1 december 2026, 09:00–11:00, Stadhuis, zaal Broel – 5 agendapunten")
    assert (agenda.chair, agenda.minute_taker) == ("Hilde Vanthuyne", "Sofie Vandenbroucke")


def test_the_recipients_are_the_list_and_the_members_each_once(
        store: Store, tmp_path: Path) -> None:
    world = seed(store, tmp_path / "stukken")
    recipients = AgendaDocumentService(store.session_factory, FixedClock(NOW)).recipients(
        world.meeting_id)
    assert [r.text for r in recipients] == [
        "Secretariaat AD <secretariaat.ad@kortrijk.be>",
        "pieter.declercq@kortrijk.be",
        "Hilde Vanthuyne <algemeen.directeur@kortrijk.be>",
        "Jan Zonderadres (geen mailadres)",
    ]


def test_the_word_agenda_holds_the_items_in_order_with_times_and_marks(
        sqlite_store: Store, tmp_path: Path) -> None:
    world = seed(sqlite_store, tmp_path / "stukken")
    agenda = AgendaDocumentService(sqlite_store.session_factory, FixedClock(NOW)).document(
        world.meeting_id)
    text = docx_text(agenda_docx.render(agenda))

    paragraphs = text.splitlines()
    # The most important lines first: what and when.
    assert paragraphs[0] == "Agenda MAT dinsdag 1 december 2026"
    assert paragraphs[1].startswith("Dinsdag 1 december 2026, 09:00–11:00")
    assert "{{" not in text and "{%" not in text
    rows = [line for line in paragraphs if " | " in line and line[:2].isdigit()]
    assert [row.split(" | ")[0] for row in rows] == TIMES
    assert in_order(text, TITLES)
    confidential = next(row for row in rows if TITLES[3] in row)
    assert "VERTROUWELIJK – " + TITLES[3] in confidential
    assert sum("VERTROUWELIJK" in row for row in rows) == 1
    assert "Pieter Declercq (Financiën)" in text
    assert "ter beslissing · 45 min. · Stukken: Nota jaarrekening" in text
    assert "Stukken: Nota personeel (volgt)" in text
    assert "Voorzitter: Hilde Vanthuyne · Verslag: Sofie Vandenbroucke" in text
    assert "1 punt is vertrouwelijk" in text
    assert in_order(text, ["Verslag en opvolging", "Ter beslissing", "Informatie"])


def test_a_city_template_of_its_own_is_used(sqlite_store: Store, tmp_path: Path) -> None:
    from docxtpl import DocxTemplate  # noqa: F401  (the office's template is plain Word)

    own = tmp_path / "stad.docx"
    document = Document()
    document.add_paragraph("Huisstijl Kortrijk: {{ title }}")
    document.add_paragraph("{%p for section in sections %}")
    document.add_paragraph("{%p for line in section.lines %}")
    document.add_paragraph("{{ line.time }} {{ line.mark }}{{ line.title }}")
    document.add_paragraph("{%p endfor %}")
    document.add_paragraph("{%p endfor %}")
    document.save(str(own))
    world = seed(sqlite_store, tmp_path / "stukken")
    agenda = AgendaDocumentService(sqlite_store.session_factory, FixedClock(NOW)).document(
        world.meeting_id)
    text = docx_text(agenda_docx.render(agenda, own)).splitlines()
    assert text[0] == "Huisstijl Kortrijk: Agenda MAT dinsdag 1 december 2026"
    assert text[1:] == [f"{t} {'VERTROUWELIJK – ' if i == 3 else ''}{title}"
                        for i, (t, title) in enumerate(zip(TIMES, TITLES, strict=True))]


def test_the_pdf_agenda_is_one_page_with_the_items_in_order(
        sqlite_store: Store, tmp_path: Path, qapp: QApplication) -> None:
    world = seed(sqlite_store, tmp_path / "stukken")
    agenda = AgendaDocumentService(sqlite_store.session_factory, FixedClock(NOW)).document(
        world.meeting_id)
    reader = PdfReader(io.BytesIO(agenda_pdf.to_pdf(agenda)))
    text = words(" ".join(page.extract_text() for page in reader.pages))

    assert len(reader.pages) == 1
    assert text.index("Agenda MAT dinsdag 1 december 2026") < text.index(TITLES[0])
    assert "Dinsdag 1 december 2026, 09:00–11:00, Stadhuis, zaal Broel – 5 agendapunten" in text
    assert in_order(text, TITLES)
    assert in_order(text, [f"{t} {n}." for n, t in enumerate(TIMES, start=1)])
    assert f"VERTROUWELIJK – {TITLES[3]}" in text
    assert text.count("VERTROUWELIJK") == 1


def test_the_bundle_has_the_agenda_first_and_a_bookmark_per_item_with_stukken(
        sqlite_store: Store, tmp_path: Path, qapp: QApplication) -> None:
    world = seed(sqlite_store, tmp_path / "stukken")
    agenda = AgendaDocumentService(sqlite_store.session_factory, FixedClock(NOW)).document(
        world.meeting_id)
    agenda_file = agenda_pdf.to_pdf(agenda)
    bundle = make_bundle(agenda_file, bundle_items(agenda), title=agenda.title)

    reader = PdfReader(io.BytesIO(bundle.content))
    assert len(reader.pages) == 1 + 3 + 2
    marks = [(m.title, reader.get_destination_page_number(m)) for m in reader.outline]
    assert marks == [("Agenda", 0), (f"3. {TITLES[2]}", 1), (f"5. {TITLES[4]}", 4)]
    assert "Agenda MAT" in words(reader.pages[0].extract_text())
    assert bundle.skipped == ()


def test_a_stuk_that_is_gone_or_broken_is_named_not_fatal(
        sqlite_store: Store, tmp_path: Path, qapp: QApplication) -> None:
    world = seed(sqlite_store, tmp_path / "stukken")
    world.stukken[TITLES[2]].write_bytes(b"geen pdf")
    world.stukken[TITLES[4]].unlink()
    agenda = AgendaDocumentService(sqlite_store.session_factory, FixedClock(NOW)).document(
        world.meeting_id)
    bundle = make_bundle(agenda_pdf.to_pdf(agenda), bundle_items(agenda))
    assert [m.title for m in PdfReader(io.BytesIO(bundle.content)).outline] == ["Agenda"]
    assert bundle.skipped == (f"3. {TITLES[2]}: jaarrekening.pdf is geen leesbare PDF",
                              f"5. {TITLES[4]}: vooruitblik.pdf is niet gevonden")


def test_queueing_the_agenda_marks_the_meeting_sent_in_the_same_go(
        store: Store, tmp_path: Path) -> None:
    world = seed(store, tmp_path / "stukken")
    documents = AgendaDocumentService(store.session_factory, FixedClock(NOW))
    agenda = documents.document(world.meeting_id)
    changes = AgendaSendingService(store.session_factory).queue_agenda(
        agenda, documents.recipients(world.meeting_id), AgendaFiles(b"docx", b"%PDF"))
    assert changes.meetings.updated == {world.meeting_id}
    with store.session_factory() as s:
        assert s.get(Meeting, world.meeting_id).status == MeetingStatus.AGENDA_SENT
        assert len(s.query(OutboxEntry).all()) == 1


def test_without_any_address_nothing_is_queued(store: Store, tmp_path: Path) -> None:
    world = seed(store, tmp_path / "stukken", distribution=[])
    with store.session_factory.begin() as s:
        from kortrijk_cockpit.domain import SeriesMember

        s.query(SeriesMember).delete()
    documents = AgendaDocumentService(store.session_factory, FixedClock(NOW))
    with pytest.raises(UserFacingError, match="geen leden of verdeellijst"):
        AgendaSendingService(store.session_factory).queue_agenda(
            documents.document(world.meeting_id), documents.recipients(world.meeting_id),
            AgendaFiles(b"", b""))
    with store.session_factory() as s:
        assert s.get(Meeting, world.meeting_id).status == MeetingStatus.PLANNED
        assert s.query(OutboxEntry).count() == 0


def test_the_sent_agenda_arrives_with_word_and_pdf_to_the_right_people(
        sqlite_store: Store, tmp_path: Path, backend: EwsBackend, mailbox: Mailbox,
        qapp: QApplication) -> None:
    world = seed(sqlite_store, tmp_path / "stukken")
    documents = AgendaDocumentService(sqlite_store.session_factory, FixedClock(NOW))
    agenda = documents.document(world.meeting_id)
    files = AgendaFiles(agenda_docx.render(agenda), agenda_pdf.to_pdf(agenda))
    AgendaSendingService(sqlite_store.session_factory).queue_agenda(
        agenda, documents.recipients(world.meeting_id), files)

    report = OutboxPusher(sqlite_store.session_factory, backend, FixedClock(NOW)).push()

    assert (report.pushed, report.failed) == (1, 0)
    sent = {i.subject: i for i in mailbox.folder("sentitems").items}
    mail = sent["Agenda MAT dinsdag 1 december 2026"]
    assert sorted(a.email for a in mail.to) == [
        "algemeen.directeur@kortrijk.be", "pieter.declercq@kortrijk.be",
        "secretariaat.ad@kortrijk.be"]
    assert [a.name for a in mail.attachments] == [
        "Agenda MAT 2026-12-01.docx", "Agenda MAT 2026-12-01.pdf"]
    docx_file, pdf_file = (a.content for a in mail.attachments)
    assert in_order(docx_text(docx_file), TITLES)
    assert in_order(words(PdfReader(io.BytesIO(pdf_file)).pages[0].extract_text()), TITLES)
    assert "5 agendapunten" in mail.body_html


def test_a_broken_or_missing_city_template_says_so_in_dutch(
        sqlite_store: Store, tmp_path: Path) -> None:
    world = seed(sqlite_store, tmp_path / "stukken")
    agenda = AgendaDocumentService(sqlite_store.session_factory, FixedClock(NOW)).document(
        world.meeting_id)
    with pytest.raises(UserFacingError, match="niet gevonden"):
        agenda_docx.render(agenda, tmp_path / "weg.docx")
    broken = tmp_path / "kapot.docx"
    document = Document()
    document.add_paragraph("{{ title ")
    document.save(str(broken))
    with pytest.raises(UserFacingError, match="kan niet worden gebruikt"):
        agenda_docx.render(agenda, broken)


def test_a_title_with_markup_characters_stays_text(sqlite_store: Store, tmp_path: Path) -> None:
    world = seed(sqlite_store, tmp_path / "stukken")
    with sqlite_store.session_factory.begin() as s:
        from kortrijk_cockpit.domain import AgendaItem

        item = s.query(AgendaItem).filter_by(title=TITLES[1]).one()
        item.title = "Raad & college <vertrouwelijk?>"
    agenda = AgendaDocumentService(sqlite_store.session_factory, FixedClock(NOW)).document(
        world.meeting_id)
    assert "Raad & college <vertrouwelijk?>" in docx_text(agenda_docx.render(agenda))
