"""The discussiefiche as Word and PDF, read back: the event first, the people there, a
section the event type hides absent, at most two pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from kortrijk_cockpit.documents import fiche_docx, fiche_pdf
from kortrijk_cockpit.documents.fiche_model import FichePerson, key_messages, sections_for
from kortrijk_cockpit.errors import UserFacingError
from tests.integration.fiche_world import (
    BACKGROUND,
    OBJECTIVE,
    OTHER,
    PERSON,
    ROLE,
    SENSITIVE,
    TITLE,
    docx_lines,
    fiche,
    pdf_pages,
)

RECEPTION = {"receptie": ["objective", "people"]}


def test_the_word_fiche_starts_with_the_event_then_role_and_objective() -> None:
    lines = docx_lines(fiche_docx.render(fiche()))
    assert lines[0] == f"{TITLE} · Donderdag 3 december 2026, 18:00–20:30 · Kortrijk Xpo, Hal 3"
    assert lines[1] == f"Rol van de algemeen directeur: {ROLE}"
    assert f"Doel: {OBJECTIVE}" in lines
    assert f"{PERSON} — Gedelegeerd bestuurder, Voka West-Vlaanderen" in lines
    assert "Laatste contact met Kortrijk: 12/10/2026" in lines
    assert f"{OTHER} — Burgemeester, Stad Menen (mandaat: burgemeester)" in lines
    assert "•  Eén loket voor investeerders" in lines
    assert SENSITIVE in lines
    assert not any("{{" in line or "{%" in line for line in lines)


def test_the_pdf_fiche_starts_with_the_event_and_fits_two_pages(qapp: QApplication) -> None:
    pages = pdf_pages(fiche_pdf.to_pdf(fiche()))
    assert len(pages) <= 2
    assert pages[0].startswith(f"{TITLE} · Donderdag 3 december 2026, 18:00–20:30")
    text = " ".join(pages)
    for expected in (ROLE, OBJECTIVE, PERSON, OTHER, "Hoe loopt de nieuwe opleidingscampus?",
                     SENSITIVE, BACKGROUND):
        assert expected in text


def test_a_section_the_event_type_hides_is_left_out_of_both(qapp: QApplication) -> None:
    shown = sections_for("Receptie", RECEPTION)
    assert shown == ("objective", "people")
    brief = fiche(event_type="receptie").with_sections(shown)
    word = "\n".join(docx_lines(fiche_docx.render(brief)))
    pdf = " ".join(pdf_pages(fiche_pdf.to_pdf(brief)))
    for text in (word, pdf):
        assert PERSON in text and OBJECTIVE in text
        assert SENSITIVE not in text and "Gevoelige onderwerpen" not in text
        assert BACKGROUND not in text and "Achtergrond" not in text
    assert sections_for("netwerkevent", RECEPTION) == sections_for("", {})  # not listed: all


def test_many_people_still_fit_two_pages(qapp: QApplication) -> None:
    crowd = tuple(FichePerson(f"Persoon {n}", "Schepen", f"Gemeente {n}", "schepen",
                              "01/10/2026", "Een lopend dossier over de fietsbrug",
                              "Vraag naar de fietsbrug") for n in range(8))
    assert len(pdf_pages(fiche_pdf.to_pdf(fiche(people=crowd)))) <= 2


def test_markup_characters_stay_text_and_a_missing_template_says_so(tmp_path: Path) -> None:
    lines = docx_lines(fiche_docx.render(fiche(title="Bouw & <Wonen> beurs")))
    assert lines[0].startswith("Bouw & <Wonen> beurs · ")
    with pytest.raises(UserFacingError, match="sjabloon voor de fiche is niet gevonden"):
        fiche_docx.render(fiche(), tmp_path / "weg.docx")


def test_key_messages_are_one_a_line_without_bullets() -> None:
    assert key_messages("- Eén\n\n2. Twee\n• Drie\n") == ("Eén", "Twee", "Drie")
