"""The verslag of a MAT read back from its files (python-docx, pypdf) on SQLite and
PostgreSQL: the besluit and the action points are in it, the besluitenlijst has only
the decisions, the copy for the wider list has no trace of the confidential item, a
second version differs while the first one's files stay as they were, the approval item
lands once on the next meeting the year plan made, and locked minutes refuse."""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.domain import AgendaItem, AgendaItemKind, Meeting, MeetingStatus
from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.services.minutes import MinutesService
from kortrijk_cockpit.store import Store
from tests.integration.verslag_world import (
    BUDGET_ACTION,
    BUDGET_DECISION,
    BUDGET_NOTES,
    OLD_POINT,
    SECRET,
    SECRET_ACTION,
    SECRET_DECISION,
    seed,
    service,
)


LETTERHEAD = "Stad Kortrijk · OCMW Kortrijk — Algemeen directeur"


def words(text: str) -> str:
    # Qt's PDFs space words by position and set ligatures: compare normalised words.
    return " ".join(unicodedata.normalize("NFKC", text).split())


def docx_text(path: Path) -> str:
    document = Document(str(path))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append(" | ".join(cell.text for cell in row.cells))
    return words("\n".join(lines))


def pdf_text(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return words(" ".join(page.extract_text() for page in reader.pages))


def test_the_verslag_has_the_most_important_line_first_then_besluit_notes_and_actions(
        store: Store, clock: FixedClock, tmp_path: Path, qapp: QApplication) -> None:
    world = seed(store, clock)
    made = service(store, clock, tmp_path / "verslagen").finalise(world.meeting)
    assert made.number == 1
    assert made.files.docx.parent == tmp_path / "verslagen" / str(world.meeting)
    title = "Verslag MAT van dinsdag 5 januari 2027 — versie 1"
    for text in (docx_text(made.files.docx), pdf_text(made.files.pdf)):
        # The PDF starts with the city's letterhead line; the Word file has it as header.
        assert text.removeprefix(LETTERHEAD).lstrip().startswith(title), text[:200]
        assert "Aanwezig: Sofie Declercq, Koen Vandamme" in text
        assert "Verontschuldigd: Lies Maes" in text
        budget = text.index("Begrotingswijziging 2027")
        # Besluit first, then the notes, then the action points: wat, wie, tegen wanneer.
        assert budget < text.index(f"Besluit: {BUDGET_DECISION}") < text.index(BUDGET_NOTES) \
            < text.index(BUDGET_ACTION) < text.index("Koen Vandamme", text.index(BUDGET_ACTION)) \
            < text.index("15/01/2027")
        assert SECRET in text and SECRET_DECISION in text and SECRET_ACTION in text
        assert "vertrouwelijke punten" in text
        # The point from December that came back, and what became of it.
        opvolging = text.index("Opvolging")
        assert opvolging < text.index(OLD_POINT)
        assert "afgewerkt – offerte ontvangen" in text
    assert len(PdfReader(str(made.files.pdf)).pages) <= 2


def test_the_besluitenlijst_has_only_the_decisions(
        store: Store, clock: FixedClock, tmp_path: Path, qapp: QApplication) -> None:
    world = seed(store, clock)
    made = service(store, clock, tmp_path).finalise(world.meeting)
    for text in (docx_text(made.files.decisions_docx), pdf_text(made.files.decisions_pdf)):
        assert "Besluitenlijst MAT van dinsdag 5 januari 2027 — versie 1" in text
        assert BUDGET_DECISION in text and SECRET_DECISION in text
        assert BUDGET_NOTES not in text and BUDGET_ACTION not in text
        assert "Varia" not in text  # no besluit, not on the list
        assert OLD_POINT not in text


def test_confidential_items_are_missing_from_the_wider_copy_but_in_the_full_one(
        store: Store, clock: FixedClock, tmp_path: Path, qapp: QApplication) -> None:
    world = seed(store, clock)
    made = service(store, clock, tmp_path).finalise(world.meeting)
    wider = (docx_text(made.files.wider_docx), pdf_text(made.files.wider_pdf))
    full = (docx_text(made.files.docx), pdf_text(made.files.pdf))
    for text in wider:
        for secret in (SECRET, SECRET_DECISION, SECRET_ACTION, "VERTROUWELIJK",
                       "Besloten", "achter gesloten deuren"):
            assert secret not in text
        assert BUDGET_DECISION in text and BUDGET_ACTION in text and "Varia" in text
        assert "ruimere verdeellijst" in text
    for text in full:
        assert SECRET in text and SECRET_DECISION in text


def test_a_second_version_differs_and_the_first_ones_files_stay_as_they_were(
        store: Store, clock: FixedClock, tmp_path: Path, qapp: QApplication) -> None:
    world = seed(store, clock)
    verslag = service(store, clock, tmp_path)
    first = verslag.finalise(world.meeting)
    before = {p: p.read_bytes() for p in vars(first.files).values()}
    minutes = MinutesService(store.session_factory, clock)
    budget = minutes.load(world.meeting).items[0]
    minutes.save_item(budget.agenda_item_id, budget.notes, "Goedgekeurd mits aanpassing.",
                      budget.version)
    second = verslag.finalise(world.meeting)
    assert second.number == 2
    assert {p: p.read_bytes() for p in vars(first.files).values()} == before
    assert "Goedgekeurd mits aanpassing." in docx_text(second.files.docx)
    assert "Goedgekeurd mits aanpassing." in pdf_text(second.files.decisions_pdf)
    assert "versie 2" in docx_text(second.files.docx)
    assert BUDGET_DECISION in docx_text(first.files.docx)  # v1 still says what it said
    assert [v.number for v in verslag.versions(world.meeting)] == [2, 1]
    assert verslag.snapshot(first.version_id).items[0].decision == BUDGET_DECISION
    assert verslag.open_paths(first.version_id) == first.files


def test_the_approval_item_lands_first_on_the_next_meeting_once_and_it_was_held(
        store: Store, clock: FixedClock, tmp_path: Path, qapp: QApplication) -> None:
    world = seed(store, clock)
    verslag = service(store, clock, tmp_path)
    made = verslag.finalise(world.meeting)
    assert made.approval_meeting_id == world.next_meeting  # the cancelled one skipped
    verslag.finalise(world.meeting)
    with store.session_factory() as s:
        items = s.scalars(select(AgendaItem).where(AgendaItem.meeting_id == world.next_meeting)
                          .order_by(AgendaItem.position, AgendaItem.id)).all()
        assert [i.title for i in items] == ["Goedkeuring verslag MAT 05/01/2027",
                                            "Personeelsplan"]
        approval = items[0]
        assert (approval.kind, approval.approves_meeting_id, approval.section) == (
            AgendaItemKind.APPROVAL, world.meeting, "Verslag en opvolging")
        assert not s.scalars(select(AgendaItem).where(
            AgendaItem.meeting_id == world.cancelled)).all()
        meeting = s.get(Meeting, world.meeting)
        assert meeting is not None and meeting.status is MeetingStatus.HELD


def test_approved_minutes_refuse_a_new_version_in_dutch(
        store: Store, clock: FixedClock, tmp_path: Path, qapp: QApplication) -> None:
    world = seed(store, clock)
    verslag = service(store, clock, tmp_path)
    made = verslag.finalise(world.meeting)
    with store.session_factory() as s:
        approval = s.scalar(select(AgendaItem.id).where(
            AgendaItem.approves_meeting_id == world.meeting))
    assert approval is not None
    MinutesService(store.session_factory, clock).approve_verslag(approval)
    with pytest.raises(UserFacingError, match="goedgekeurd"):
        verslag.finalise(world.meeting)
    overview = verslag.overview(world.meeting)
    assert overview.locked and overview.banner.startswith("Goedgekeurd op 05/01/2027 in MAT "
                                                          "19/01/2027")
    [version] = overview.versions
    assert version.id == made.version_id and version.approved_in == "MAT 19/01/2027"
    assert sorted(p.name for p in (tmp_path / str(world.meeting)).iterdir()) == sorted(
        p.name for p in vars(made.files).values())  # nothing new written
