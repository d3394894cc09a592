"""Writes resources/templates/agenda.docx: the agenda of an overleg in a sober city house
style, with docxtpl (Jinja) tags the office can move and restyle in Word.

Run it again after changing it: `.venv/bin/python .ci/make_agenda_template.py`.
The tags it uses are the context of `kortrijk_cockpit/documents/agenda_docx.py`.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import _Cell
from docx.text.paragraph import Paragraph

TARGET = Path(__file__).resolve().parent.parent / "resources" / "templates" / "agenda.docx"
INK = RGBColor(0x1F, 0x1F, 0x1F)
GREY = RGBColor(0x5F, 0x63, 0x68)
ACCENT = RGBColor(0x00, 0x4F, 0x7C)  # a restrained city blue
RED = RGBColor(0xB3, 0x26, 0x1E)
FONT = "Arial"
WIDTHS = (Cm(1.5), Cm(1.0), Cm(10.0), Cm(3.5))


def run(paragraph: Paragraph, text: str, *, size: float = 10, bold: bool = False,
        color: RGBColor = INK) -> None:
    r = paragraph.add_run(text)
    r.font.name, r.font.size, r.font.bold, r.font.color.rgb = FONT, Pt(size), bold, color


def para(container: object, text: str = "", *, size: float = 10, bold: bool = False,
         color: RGBColor = INK, after: float = 2, before: float = 0) -> Paragraph:
    p: Paragraph = container.add_paragraph()  # type: ignore[attr-defined]
    p.paragraph_format.space_after = Pt(after)
    p.paragraph_format.space_before = Pt(before)
    if text:
        run(p, text, size=size, bold=bold, color=color)
    return p


def shade(cell: _Cell, fill: str) -> None:
    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    properties.append(shading)


def repeat_as_header(row: object) -> None:
    properties = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def cell_text(cell: _Cell, text: str, **style: object) -> Paragraph:
    p = cell.paragraphs[0]
    p.paragraph_format.space_after = Pt(0)
    run(p, text, **style)  # type: ignore[arg-type]
    return p


def build() -> None:
    document = Document()
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.top_margin = section.bottom_margin = Cm(1.8)
    section.left_margin = section.right_margin = Cm(2.0)
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(10)

    header = section.header.paragraphs[0]
    run(header, "Stad Kortrijk · OCMW Kortrijk — Algemeen directeur", size=8, color=GREY)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.LEFT
    run(footer, "{{ footer }}", size=7, color=GREY)

    para(document, "{{ title }}", size=16, bold=True, color=ACCENT, after=2)
    # The most important line first: when, where, how much.
    para(document, "{{ headline }}", size=11, bold=True, after=4)
    para(document, "{{ people }}", size=9, color=GREY, after=2)
    para(document, "{%p if confidential_note %}", after=0)
    para(document, "{{ confidential_note }}", size=9, bold=True, color=RED, after=6)
    para(document, "{%p endif %}", after=0)

    para(document, "{%p for section in sections %}", after=0)
    para(document, "{%p if section.title %}", after=0)
    para(document, "{{ section.title }}", size=11, bold=True, color=ACCENT, before=8, after=3)
    para(document, "{%p endif %}", after=0)

    table = document.add_table(rows=4, cols=4)
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.style = document.styles["Table Grid"]
    for column, width in zip(table.columns, WIDTHS, strict=True):
        for cell in column.cells:
            cell.width = width
    head = table.rows[0]
    repeat_as_header(head)
    for cell, text in zip(head.cells, ("Uur", "Nr.", "Agendapunt", "Indiener"), strict=True):
        cell_text(cell, text, size=9, bold=True)
        shade(cell, "E8EEF3")
    table.rows[1].cells[0].merge(table.rows[1].cells[3])
    cell_text(table.rows[1].cells[0], "{%tr for line in section.lines %}", size=8)
    item = table.rows[2].cells
    cell_text(item[0], "{{ line.time }}", size=10, bold=True)
    cell_text(item[1], "{{ line.number }}.", size=10)
    title = cell_text(item[2], "{{ line.mark }}", size=9, bold=True, color=RED)
    run(title, "{{ line.title }}", size=10, bold=True)
    details = item[2].add_paragraph()
    details.paragraph_format.space_after = Pt(0)
    run(details, "{{ line.details }}", size=8.5, color=GREY)
    cell_text(item[3], "{{ line.who }}", size=9)
    table.rows[3].cells[0].merge(table.rows[3].cells[3])
    cell_text(table.rows[3].cells[0], "{%tr endfor %}", size=8)

    para(document, "{%p endfor %}", after=0)

    # Opvolging: the open points that come back here, one compact line each.
    para(document, "{%p if followup %}", after=0)
    para(document, "Opvolging", size=11, bold=True, color=ACCENT, before=8, after=3)
    para(document, "{%p for point in followup %}", after=0)
    point = para(document, "{{ point.title }}", size=9.5, bold=True, after=1)
    run(point, "{{ point.details }}", size=8.5, color=GREY)
    para(document, "{%p endfor %}", after=0)
    para(document, "{%p endif %}", after=0)
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(TARGET))
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    build()
