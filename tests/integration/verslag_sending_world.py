"""A held MAT with a finalised verslag (v1) on disk, as part B's finalising leaves it:
the full copy (with the confidential item) and the copy for the wider list (without),
each as real DOCX and PDF. Shared by the verslag sending tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from docx import Document

from kortrijk_cockpit.clock import BRUSSELS
from kortrijk_cockpit.documents.pdf import html_to_pdf
from kortrijk_cockpit.domain import (
    Meeting,
    MeetingSeries,
    MeetingStatus,
    MinutesVersion,
    Person,
    SeriesMember,
)
from kortrijk_cockpit.store import Store

HELD = datetime(2026, 11, 17, 9, 0, tzinfo=BRUSSELS)
NOW = datetime(2026, 11, 20, 14, 0, tzinfo=BRUSSELS)
OPEN_ITEM = "Begrotingswijziging 2026"
SECRET_ITEM = "Tuchtdossier dienst Wegen"
MEMBERS = (("Sofie Declercq", "sofie.declercq@kortrijk.be"),
           ("Koen Vandamme", "koen.vandamme@kortrijk.be"),
           ("Lies Zonderadres", ""))
WIDER = ("Secretariaat AD <secretariaat.ad@kortrijk.be>",
         "diensthoofden@kortrijk.be",
         "Koen Vandamme <koen.vandamme@kortrijk.be>",  # a member: gets the full copy only
         "Politiezone Vlas")  # no address


@dataclass(frozen=True)
class VerslagWorld:
    meeting_id: int
    version_id: int
    folder: Path


def write_copy(folder: Path, stem: str, titles: tuple[str, ...]) -> tuple[Path, Path]:
    """A real Word and PDF verslag listing `titles` (the PDF needs a QGuiApplication)."""
    folder.mkdir(parents=True, exist_ok=True)
    document = Document()
    document.add_heading("Verslag MAT 17/11/2026", level=1)
    for number, title in enumerate(titles, 1):
        document.add_paragraph(f"{number}. {title}")
        document.add_paragraph("Besluit: goedgekeurd.")
    docx = folder / f"{stem}.docx"
    document.save(str(docx))
    pdf = folder / f"{stem}.pdf"
    pdf.write_bytes(html_to_pdf(
        "<h1>Verslag MAT 17/11/2026</h1>"
        + "".join(f"<p>{n}. {t}</p><p>Besluit: goedgekeurd.</p>"
                  for n, t in enumerate(titles, 1)), title="Verslag MAT"))
    return docx, pdf


def seed(store: Store, folder: Path, *, wider_files: bool = True) -> VerslagWorld:
    full_docx, full_pdf = write_copy(folder, "Verslag MAT 2026-11-17 v1",
                                     (OPEN_ITEM, SECRET_ITEM))
    snapshot: dict[str, object] = {"confidential_titles": [SECRET_ITEM]}
    if wider_files:
        wider_docx, wider_pdf = write_copy(folder, "Verslag MAT 2026-11-17 v1 verdeellijst",
                                           (OPEN_ITEM,))
        snapshot |= {"wider_docx": str(wider_docx), "wider_pdf": str(wider_pdf)}
    with store.session_factory.begin() as s:
        people = [Person(full_name=name, email=email, is_internal=True)
                  for name, email in MEMBERS]
        s.add_all(people)
        series = MeetingSeries(code="MAT", name="Managementteam", distribution=list(WIDER))
        s.add(series)
        s.flush()
        s.add_all(SeriesMember(series_id=series.id, person_id=p.id, position=i)
                  for i, p in enumerate(people))
        meeting = Meeting(series_id=series.id, title="MAT", starts_at=HELD,
                          ends_at=HELD + timedelta(hours=2), status=MeetingStatus.HELD)
        s.add(meeting)
        s.flush()
        version = MinutesVersion(meeting_id=meeting.id, number=1, created_at=NOW,
                                 docx_path=str(full_docx), pdf_path=str(full_pdf),
                                 snapshot=snapshot)
        s.add(version)
        s.flush()
        return VerslagWorld(meeting.id, version.id, folder)


def docx_text(content: bytes) -> str:
    import io

    return "\n".join(p.text for p in Document(io.BytesIO(content)).paragraphs)


def pdf_text(content: bytes) -> str:
    import io

    from pypdf import PdfReader

    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    return " ".join(text.split())  # Qt's PDFs come back with tabs between words
