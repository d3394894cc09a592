"""The verslag and the besluitenlijst as PDF: HTML for QTextDocument, rendered by
`documents/pdf.py`. Same shape and texts as the Word files (`verslag_docx`).

Qt-free itself (the renderer is imported when a PDF is made).
"""

from __future__ import annotations

from html import escape

from kortrijk_cockpit.documents.agenda_pdf import ACCENT, GREY, RED
from kortrijk_cockpit.documents.verslag_docx import context
from kortrijk_cockpit.documents.verslag_model import Verslag

STYLE = f"""
body {{ font-family: 'Arial', 'DejaVu Sans', sans-serif; font-size: 9pt; color: #1f1f1f; }}
p.org {{ color: {GREY}; font-size: 7.5pt; margin: 0; }}
p.title {{ font-size: 13pt; font-weight: bold; color: {ACCENT}; margin-top: 4px;
           margin-bottom: 2px; }}
p.when {{ font-size: 10pt; font-weight: bold; margin-top: 2px; margin-bottom: 4px; }}
p.grey {{ color: {GREY}; margin: 0; }}
p.note {{ color: {RED}; font-weight: bold; margin-top: 2px; margin-bottom: 2px; }}
p.people {{ margin: 0; }}
p.item {{ font-size: 10.5pt; font-weight: bold; color: {ACCENT}; margin-top: 9px;
          margin-bottom: 2px; }}
p.decision {{ font-weight: bold; margin-top: 0; margin-bottom: 3px; }}
p.notes {{ margin-top: 0; margin-bottom: 3px; }}
th {{ background-color: #e8eef3; text-align: left; padding: 2px 4px; font-size: 8.5pt; }}
td {{ padding: 2px 4px; vertical-align: top; border-bottom: 1px solid #d0d0d0; }}
span.confidential {{ color: {RED}; }}
p.footer {{ color: {GREY}; font-size: 7pt; margin-top: 12px; }}
"""


def _head(title: str, values: dict[str, object]) -> list[str]:
    parts = [f"<html><head><meta charset='utf-8'><title>{escape(title)}</title>"
             f"<style>{STYLE}</style></head><body>",
             "<p class='org'>Stad Kortrijk · OCMW Kortrijk — Algemeen directeur</p>",
             f"<p class='title'>{escape(title)}</p>",
             f"<p class='when'>{escape(str(values['when']))}</p>"]
    if values["copy_note"]:
        parts.append(f"<p class='grey'>{escape(str(values['copy_note']))}</p>")
    if values["confidential_note"]:
        parts.append(f"<p class='note'>{escape(str(values['confidential_note']))}</p>")
    return parts


def _table(heads: tuple[tuple[str, int], ...], rows: list[tuple[str, ...]]) -> str:
    head = "".join(f"<th width='{w}%'>{escape(h)}</th>" for h, w in heads)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>"
                   for row in rows)
    return f"<table width='100%' cellspacing='0' cellpadding='3'><tr>{head}</tr>{body}</table>"


def _text(value: object) -> str:
    return escape(str(value)).replace("\n", "<br/>")


def to_html(verslag: Verslag) -> str:
    values = context(verslag)
    parts = _head(verslag.title, values)
    for key, label in (("present", "Aanwezig"), ("excused", "Verontschuldigd"),
                       ("absent", "Afwezig")):
        if values[key]:
            parts.append(f"<p class='people'><b>{label}:</b> {escape(str(values[key]))}</p>")
    for item in values["items"]:
        mark = f"<span class='confidential'>{escape(item['mark'])}</span>" if item["mark"] \
            else ""
        parts.append(f"<p class='item'>{item['number']}. {mark}{escape(item['title'])}</p>")
        if item["decision"]:
            parts.append(f"<p class='decision'>Besluit: {_text(item['decision'])}</p>")
        if item["notes"]:
            parts.append(f"<p class='notes'>{_text(item['notes'])}</p>")
        if item["actions"]:
            parts.append(_table((("Actiepunt", 58), ("Wie", 24), ("Tegen wanneer", 18)),
                                [(_text(a["what"]), _text(a["who"]), _text(a["due"]))
                                 for a in item["actions"]]))
    if values["followup"]:
        parts.append("<p class='item'>Opvolging</p>")
        parts.append(_table((("Actiepunt", 38), ("Van", 17), ("Wie", 20), ("Stand", 25)),
                            [(_text(f["title"]), _text(f["origin"]), _text(f["who"]),
                              _text(f["outcome"])) for f in values["followup"]]))
    parts.append(f"<p class='footer'>{escape(verslag.footer)}</p></body></html>")
    return "".join(parts)


def decisions_html(verslag: Verslag) -> str:
    values = context(verslag)
    parts = _head(verslag.decisions_title, values)
    if values["decisions"]:
        parts.append(_table((("Nr.", 7), ("Agendapunt", 38), ("Besluit", 55)), [
            (f"{d['number']}.", f"<span class='confidential'>{escape(d['mark'])}</span>"
             f"{escape(d['title'])}", _text(d["decision"]))
            for d in values["decisions"]]))
    else:
        parts.append("<p class='notes'>Op dit overleg werden geen besluiten genomen.</p>")
    parts.append(f"<p class='footer'>{escape(verslag.footer)}</p></body></html>")
    return "".join(parts)


def to_pdf(verslag: Verslag) -> bytes:
    """Needs a QGuiApplication (fonts); any thread may call it."""
    from kortrijk_cockpit.documents.pdf import html_to_pdf

    return html_to_pdf(to_html(verslag), title=verslag.title)


def decisions_pdf(verslag: Verslag) -> bytes:
    from kortrijk_cockpit.documents.pdf import html_to_pdf

    return html_to_pdf(decisions_html(verslag), title=verslag.decisions_title)
