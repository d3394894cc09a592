"""The agenda's "Opvolging" section: the open points born at the first MAT are on the
Word and PDF agenda of a later MAT the year plan made long before, with owner, deadline
and origin; once done they are no longer. The agenda stays one page."""

from __future__ import annotations

import io
from datetime import date

from docx import Document
from pypdf import PdfReader
from PySide6.QtWidgets import QApplication

from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.documents import agenda_docx, agenda_pdf
from kortrijk_cockpit.domain import ActionStatus
from kortrijk_cockpit.services.action_points import ActionPointService
from kortrijk_cockpit.services.agenda_document import AgendaDocumentService
from kortrijk_cockpit.store import Store
from tests.integration.test_agenda_document import words
from tests.integration.test_carry_over import add_point, at, plan_year

FIRST, SECOND = date(2027, 1, 5), date(2027, 1, 12)


def docx_words(content: bytes) -> str:
    return words(" ".join(p.text for p in Document(io.BytesIO(content)).paragraphs))


def pdf_words(content: bytes) -> tuple[str, int]:
    reader = PdfReader(io.BytesIO(content))
    return words(" ".join(page.extract_text() for page in reader.pages)), len(reader.pages)


def test_opvolging_on_the_agenda_of_a_meeting_made_long_before(
        store: Store, clock: FixedClock, qapp: QApplication) -> None:
    meetings = plan_year(store)  # November 2026: all of 2027 generated in advance
    clock.moment = at(FIRST, 12)
    telewerk = add_point(store, "Nota telewerk herwerken", meetings["MAT"][FIRST],
                         owner="Sofie Declercq", due=date(2027, 1, 15))
    add_point(store, "Offerte drukwerk", meetings["MAT"][FIRST], status=ActionStatus.DONE)
    documents = AgendaDocumentService(store.session_factory, clock)

    agenda = documents.document(meetings["MAT"][SECOND])
    line = ("Nota telewerk herwerken – Sofie Declercq · deadline 15/01/2027 · "
            "uit MAT 05/01/2027")
    docx = docx_words(agenda_docx.render(agenda))
    assert "Opvolging" in docx and words(line) in docx
    assert "Offerte drukwerk" not in docx
    pdf, pages = pdf_words(agenda_pdf.to_pdf(agenda))
    assert "Opvolging" in pdf and words(line) in pdf
    assert pages == 1
    assert documents.document(meetings["DC"][date(2027, 1, 7)]).followup == ()

    ActionPointService(store.session_factory, clock).set_status(telewerk, ActionStatus.DONE)
    agenda = documents.document(meetings["MAT"][SECOND])
    assert agenda.followup == ()
    assert "Nota telewerk" not in docx_words(agenda_docx.render(agenda))
    assert "Opvolging" not in pdf_words(agenda_pdf.to_pdf(agenda))[0]
