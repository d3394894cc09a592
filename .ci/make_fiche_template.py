"""Writes resources/templates/fiche.docx: the discussiefiche, one or two pages with the
most important line first, in the sober house style of the verslag
(`make_verslag_template.py`), with docxtpl (Jinja) tags the office can move and restyle.

Run it again after changing it: `.venv/bin/python .ci/make_fiche_template.py`.
The tags it uses are the context of `kortrijk_cockpit/documents/fiche_docx.py`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentType
from docx.shared import Cm, Pt

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_agenda_template import ACCENT, FONT, GREY, RED, para, run
from make_verslag_template import save


def page(document: DocumentType) -> None:
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.top_margin = section.bottom_margin = Cm(1.5)
    section.left_margin = section.right_margin = Cm(2.0)
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(10)
    run(section.footer.paragraphs[0],
        "Stad Kortrijk · OCMW Kortrijk — {{ footer }}", size=7, color=GREY)


def heading(document: DocumentType, text: str) -> None:
    para(document, text, size=10.5, bold=True, color=ACCENT, before=8, after=2)


def section(document: DocumentType, key: str, label: str, *, color: object = None) -> None:
    """A heading and its text, only when the section is shown and filled in."""
    para(document, f"{{%p if show.{key} and {key} %}}", after=0)
    heading(document, label)
    style = {"color": color} if color is not None else {}
    para(document, f"{{{{ {key} }}}}", after=2, **style)  # type: ignore[arg-type]
    para(document, "{%p endif %}", after=0)


def fiche() -> None:
    document = Document()
    page(document)
    # The most important line first: what, when, where; then his role and the objective.
    para(document, "{{ headline }}", size=14, bold=True, color=ACCENT, after=2)
    para(document, "{%p if role %}", after=0)
    line = para(document, after=1)
    run(line, "Rol van de algemeen directeur: ", size=10.5, bold=True)
    run(line, "{{ role }}", size=10.5)
    para(document, "{%p endif %}", after=0)
    para(document, "{%p if organiser %}", after=0)
    line = para(document, after=1)
    run(line, "Organisator: ", size=9.5, bold=True, color=GREY)
    run(line, "{{ organiser }}", size=9.5, color=GREY)
    para(document, "{%p endif %}", after=0)
    para(document, "{%p if show.logistics and logistics %}", after=0)
    line = para(document, after=1)
    run(line, "Praktisch: ", size=9.5, bold=True, color=GREY)
    run(line, "{{ logistics }}", size=9.5, color=GREY)
    para(document, "{%p endif %}", after=0)
    para(document, "{%p if show.objective and objective %}", after=0)
    line = para(document, before=6, after=2)
    run(line, "Doel: ", size=11, bold=True)
    run(line, "{{ objective }}", size=11, bold=True)
    para(document, "{%p endif %}", after=0)

    para(document, "{%p if show.position and (position or key_messages) %}", after=0)
    heading(document, "Standpunt van Kortrijk en kernboodschappen")
    para(document, "{%p if position %}", after=0)
    para(document, "{{ position }}", after=2)
    para(document, "{%p endif %}", after=0)
    para(document, "{%p for message in key_messages %}", after=0)
    para(document, "•  {{ message }}", after=1)
    para(document, "{%p endfor %}", after=0)
    para(document, "{%p endif %}", after=0)

    section(document, "asks_offers", "Vragen en aanbod")
    section(document, "sensitive_topics", "Gevoelige onderwerpen — niet zeggen", color=RED)

    para(document, "{%p if show.people and people %}", after=0)
    heading(document, "Wie ontmoeten")
    para(document, "{%p for p in people %}", after=0)
    line = para(document, before=3, after=0)
    run(line, "{{ p.name }}", bold=True)
    run(line, "{% if p.role_line %} — {{ p.role_line }}{% endif %}")
    para(document, "{%p if p.last_contact %}", after=0)
    para(document, "Laatste contact met Kortrijk: {{ p.last_contact }}", size=9, color=GREY,
         after=0)
    para(document, "{%p endif %}", after=0)
    para(document, "{%p if p.open_matters %}", after=0)
    para(document, "Lopende dossiers: {{ p.open_matters }}", size=9.5, after=0)
    para(document, "{%p endif %}", after=0)
    para(document, "{%p if p.opener %}", after=0)
    para(document, "Opener: {{ p.opener }}", size=9.5, after=0)
    para(document, "{%p endif %}", after=0)
    para(document, "{%p endfor %}", after=0)
    para(document, "{%p endif %}", after=0)

    section(document, "background", "Achtergrond")
    section(document, "follow_up", "Opvolging")
    save(document, "fiche.docx")


if __name__ == "__main__":
    fiche()
