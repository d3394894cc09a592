"""The agenda as PDF: HTML for QTextDocument, rendered by `documents/pdf.py`.

Qt-free itself (the renderer is imported when a PDF is made); same shape and same
texts as the Word agenda (`agenda_docx`), so both say the same thing.
"""

from __future__ import annotations

from html import escape

from kortrijk_cockpit.documents.agenda_docx import (
    CONFIDENTIAL_MARK,
    Agenda,
    Line,
    confidential_note,
    details_text,
    followup_details,
    footer_text,
    people_text,
)

ACCENT = "#004f7c"
GREY = "#5f6368"
RED = "#b3261e"
STYLE = f"""
body {{ font-family: 'Arial', 'DejaVu Sans', sans-serif; font-size: 9pt; color: #1f1f1f; }}
p.org {{ color: {GREY}; font-size: 7.5pt; margin: 0; }}
p.title {{ font-size: 15pt; font-weight: bold; color: {ACCENT}; margin-top: 4px;
           margin-bottom: 2px; }}
p.headline {{ font-size: 10.5pt; font-weight: bold; margin-top: 2px; margin-bottom: 4px; }}
p.people {{ color: {GREY}; margin: 0; }}
p.note {{ color: {RED}; font-weight: bold; margin-top: 4px; }}
p.section {{ font-size: 10.5pt; font-weight: bold; color: {ACCENT}; margin-top: 10px;
             margin-bottom: 3px; }}
th {{ background-color: #e8eef3; text-align: left; padding: 3px 5px; }}
td {{ padding: 4px 5px; vertical-align: top; border-bottom: 1px solid #d0d0d0; }}
td.time {{ font-weight: bold; white-space: nowrap; }}
span.small {{ color: {GREY}; font-size: 8pt; }}
span.confidential {{ color: {RED}; font-weight: bold; }}
p.point {{ margin-top: 0; margin-bottom: 2px; }}
p.footer {{ color: {GREY}; font-size: 7pt; margin-top: 12px; }}
"""


def to_html(agenda: Agenda) -> str:
    parts = [f"<html><head><meta charset='utf-8'><title>{escape(agenda.title)}</title>"
             f"<style>{STYLE}</style></head><body>",
             "<p class='org'>Stad Kortrijk · OCMW Kortrijk — Algemeen directeur</p>",
             f"<p class='title'>{escape(agenda.title)}</p>",
             f"<p class='headline'>{escape(agenda.headline)}</p>"]
    if people := people_text(agenda):
        parts.append(f"<p class='people'>{escape(people)}</p>")
    if note := confidential_note(agenda):
        parts.append(f"<p class='note'>{escape(note)}</p>")
    for section in agenda.sections:
        if section.title:
            parts.append(f"<p class='section'>{escape(section.title)}</p>")
        parts.append("<table width='100%' cellspacing='0' cellpadding='4'>"
                     "<tr><th width='9%'>Uur</th><th width='6%'>Nr.</th>"
                     "<th width='60%'>Agendapunt</th><th width='25%'>Indiener</th></tr>")
        parts.extend(_row(line) for line in section.lines)
        parts.append("</table>")
    if agenda.followup:
        parts.append("<p class='section'>Opvolging</p>")
        parts.extend(f"<p class='point'><b>{escape(p.title)}</b>"
                     f"<span class='small'>{escape(followup_details(p))}</span></p>"
                     for p in agenda.followup)
    parts.append(f"<p class='footer'>{escape(footer_text(agenda))}</p></body></html>")
    return "".join(parts)


def _row(line: Line) -> str:
    mark = (f"<span class='confidential'>{escape(CONFIDENTIAL_MARK)}</span>"
            if line.is_confidential else "")
    return (f"<tr><td class='time'>{escape(line.time_text)}</td><td>{line.number}.</td>"
            f"<td>{mark}<b>{escape(line.title)}</b><br/>"
            f"<span class='small'>{escape(details_text(line))}</span></td>"
            f"<td>{escape(line.who)}</td></tr>")


def to_pdf(agenda: Agenda) -> bytes:
    """Needs a QGuiApplication (fonts); any thread may call it."""
    from kortrijk_cockpit.documents.pdf import html_to_pdf

    return html_to_pdf(to_html(agenda), title=agenda.title)
