"""The agendabundel: one PDF to read on a tablet, the agenda first and then every
received PDF stuk in agenda order, with a bookmark for the agenda and one per item.

Qt-free (pypdf). A stuk that is missing or not a readable PDF is left out and named
in `Bundle.skipped`, so the office sees what the bundle lacks instead of no bundle.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.errors import PyPdfError


@dataclass(frozen=True)
class BundleItem:
    title: str  # the bookmark: "3. Jaarrekening 2025"
    pdfs: tuple[Path, ...]


@dataclass(frozen=True)
class Bundle:
    content: bytes
    bookmarks: tuple[str, ...]  # in order, the agenda first
    skipped: tuple[str, ...]  # "Jaarrekening 2025: nota.pdf is geen leesbare PDF"


def make_bundle(agenda_pdf: bytes, items: Sequence[BundleItem], *,
                title: str = "") -> Bundle:
    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(agenda_pdf)))
    writer.add_outline_item(title="Agenda", page_number=0)
    bookmarks = ["Agenda"]
    skipped: list[str] = []
    for item in items:
        first_page: int | None = None
        for path in item.pdfs:
            try:
                reader = PdfReader(path)
                pages = len(reader.pages)
            except (OSError, PyPdfError, ValueError) as exc:
                skipped.append(f"{item.title}: {path.name} {_why(exc)}")
                continue
            if first_page is None:
                first_page = len(writer.pages)
            writer.append(reader)
            if not pages:
                skipped.append(f"{item.title}: {path.name} is leeg")
        if first_page is not None:
            writer.add_outline_item(title=item.title, page_number=first_page)
            bookmarks.append(item.title)
    if title:
        writer.add_metadata({"/Title": title, "/Creator": "Kortrijk Cockpit"})
    writer.page_mode = "/UseOutlines"  # the reader opens with the bookmarks shown
    out = io.BytesIO()
    writer.write(out)
    return Bundle(out.getvalue(), tuple(bookmarks), tuple(skipped))


def _why(exc: Exception) -> str:
    if isinstance(exc, FileNotFoundError):
        return "is niet gevonden"
    if isinstance(exc, OSError):
        return "kan niet worden gelezen"
    return "is geen leesbare PDF"
