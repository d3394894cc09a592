"""Writes resources/templates/verslag.docx and besluitenlijst.docx: the verslag of an
overleg and its list of decisions, in the sober house style of the agenda
(`make_agenda_template.py`), with docxtpl (Jinja) tags the office can move and restyle.

Run it again after changing it: `.venv/bin/python .ci/make_verslag_template.py`.
The tags it uses are the context of `kortrijk_cockpit/documents/verslag_docx.py`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentType
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.shared import Cm, Pt

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_agenda_template import (  # noqa: E402  (a sibling script, not a package)
    ACCENT,
    FONT,
    GREY,
    RED,
    cell_text,
    para,
    repeat_as_header,
    run,
    shade,
)

FOLDER = Path(__file__).resolve().parent.parent / "resources" / "templates"


def page(document: DocumentType) -> None:
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.top_margin = section.bottom_margin = Cm(1.8)
    section.left_margin = section.right_margin = Cm(2.0)
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(10)
    run(section.header.paragraphs[0], "Stad Kortrijk · OCMW Kortrijk — Algemeen directeur",
        size=8, color=GREY)
    run(section.footer.paragraphs[0], "{{ footer }}", size=7, color=GREY)


def when_it_matters(document: DocumentType, key: str, size: float, **style: object) -> None:
    """A line shown only when its value is not empty."""
    para(document, f"{{%p if {key} %}}", after=0)
    para(document, f"{{{{ {key} }}}}", size=size, after=4, **style)  # type: ignore[arg-type]
    para(document, "{%p endif %}", after=0)


def table(document: DocumentType, heads: tuple[str, ...], widths: tuple[Cm, ...],
          loop: str, cells: tuple[str, ...]) -> None:
    """A header row, then one row per element of `loop` ('a in item.actions')."""
    grid = document.add_table(rows=4, cols=len(heads))
    grid.alignment = WD_TABLE_ALIGNMENT.LEFT
    grid.style = document.styles["Table Grid"]
    for column, width in zip(grid.columns, widths, strict=True):
        for cell in column.cells:
            cell.width = width
    repeat_as_header(grid.rows[0])
    for cell, text in zip(grid.rows[0].cells, heads, strict=True):
        cell_text(cell, text, size=8.5, bold=True)
        shade(cell, "E8EEF3")
    grid.rows[1].cells[0].merge(grid.rows[1].cells[-1])
    cell_text(grid.rows[1].cells[0], f"{{%tr for {loop} %}}", size=8)
    for cell, text in zip(grid.rows[2].cells, cells, strict=True):
        cell_text(cell, text, size=9)
    grid.rows[3].cells[0].merge(grid.rows[3].cells[-1])
    cell_text(grid.rows[3].cells[0], "{%tr endfor %}", size=8)


def verslag() -> None:
    document = Document()
    page(document)
    # The most important line first: which verslag, which version.
    para(document, "{{ title }}", size=15, bold=True, color=ACCENT, after=2)
    para(document, "{{ when }}", size=10.5, bold=True, after=4)
    when_it_matters(document, "copy_note", 9, color=GREY)
    when_it_matters(document, "confidential_note", 9, bold=True, color=RED)
    for key, label in (("present", "Aanwezig"), ("excused", "Verontschuldigd"),
                       ("absent", "Afwezig")):
        para(document, f"{{%p if {key} %}}", after=0)
        line = para(document, after=1)
        run(line, f"{label}: ", size=9.5, bold=True)
        run(line, f"{{{{ {key} }}}}", size=9.5)
        para(document, "{%p endif %}", after=0)

    para(document, "{%p for item in items %}", after=0)
    heading = para(document, before=10, after=2)
    run(heading, "{{ item.number }}. ", size=11, bold=True, color=ACCENT)
    run(heading, "{{ item.mark }}", size=11, bold=True, color=RED)
    run(heading, "{{ item.title }}", size=11, bold=True, color=ACCENT)
    para(document, "{%p if item.decision %}", after=0)
    decision = para(document, after=3)
    run(decision, "Besluit: ", bold=True)
    run(decision, "{{ item.decision }}", bold=True)
    para(document, "{%p endif %}", after=0)
    para(document, "{%p if item.notes %}", after=0)
    para(document, "{{ item.notes }}", after=3)
    para(document, "{%p endif %}", after=0)
    para(document, "{%p if item.actions %}", after=0)
    table(document, ("Actiepunt", "Wie", "Tegen wanneer"), (Cm(10.0), Cm(4.0), Cm(3.0)),
          "a in item.actions", ("{{ a.what }}", "{{ a.who }}", "{{ a.due }}"))
    para(document, "{%p endif %}", after=0)
    para(document, "{%p endfor %}", after=0)

    para(document, "{%p if followup %}", after=0)
    para(document, "Opvolging", size=11, bold=True, color=ACCENT, before=12, after=3)
    table(document, ("Actiepunt", "Van", "Wie", "Stand"),
          (Cm(7.0), Cm(3.2), Cm(3.3), Cm(3.5)), "f in followup",
          ("{{ f.title }}", "{{ f.origin }}", "{{ f.who }}", "{{ f.outcome }}"))
    para(document, "{%p endif %}", after=0)
    save(document, "verslag.docx")


def besluitenlijst() -> None:
    document = Document()
    page(document)
    para(document, "{{ decisions_title }}", size=15, bold=True, color=ACCENT, after=2)
    para(document, "{{ when }}", size=10.5, bold=True, after=4)
    when_it_matters(document, "confidential_note", 9, bold=True, color=RED)
    para(document, "{%p if decisions %}", after=0)
    table(document, ("Nr.", "Agendapunt", "Besluit"), (Cm(1.2), Cm(6.3), Cm(9.5)),
          "d in decisions", ("{{ d.number }}.", "{{ d.mark }}{{ d.title }}",
                             "{{ d.decision }}"))
    para(document, "{%p else %}", after=0)
    para(document, "Op dit overleg werden geen besluiten genomen.", after=2)
    para(document, "{%p endif %}", after=0)
    save(document, "besluitenlijst.docx")


def save(document: DocumentType, name: str) -> None:
    FOLDER.mkdir(parents=True, exist_ok=True)
    target = FOLDER / name
    document.save(str(target))
    print(f"wrote {target}")


if __name__ == "__main__":
    verslag()
    besluitenlijst()
