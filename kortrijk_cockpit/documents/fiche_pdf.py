"""The discussiefiche as PDF: HTML for QTextDocument, rendered by `documents/pdf.py`.
Same shape and texts as the Word file (`fiche_docx`): the most important line first.

Qt-free itself (the renderer is imported when a PDF is made).
"""

from __future__ import annotations

from html import escape
from typing import Any

from kortrijk_cockpit.documents.agenda_pdf import ACCENT, GREY, RED
from kortrijk_cockpit.documents.fiche_docx import context
from kortrijk_cockpit.documents.fiche_model import Fiche

STYLE = f"""
body {{ font-family: 'Arial', 'DejaVu Sans', sans-serif; font-size: 9.5pt; color: #1f1f1f; }}
p.headline {{ font-size: 13pt; font-weight: bold; color: {ACCENT}; margin-top: 0;
              margin-bottom: 3px; }}
p.role {{ font-size: 10pt; margin: 0; }}
p.grey {{ color: {GREY}; font-size: 8.5pt; margin: 0; }}
p.objective {{ font-size: 10.5pt; font-weight: bold; margin-top: 6px; margin-bottom: 2px; }}
p.head {{ font-size: 10pt; font-weight: bold; color: {ACCENT}; margin-top: 8px;
          margin-bottom: 2px; }}
p.text {{ margin-top: 0; margin-bottom: 2px; }}
p.sensitive {{ color: {RED}; margin-top: 0; margin-bottom: 2px; }}
p.person {{ margin-top: 4px; margin-bottom: 0; }}
p.detail {{ margin: 0; font-size: 9pt; }}
p.footer {{ color: {GREY}; font-size: 7pt; margin-top: 12px; }}
"""


def _text(value: object) -> str:
    return escape(str(value)).replace("\n", "<br/>")


def _section(values: dict[str, Any], key: str, label: str, css: str = "text") -> list[str]:
    if not (values["show"][key] and values[key]):
        return []
    return [f"<p class='head'>{escape(label)}</p>", f"<p class='{css}'>{_text(values[key])}</p>"]


def to_html(fiche: Fiche) -> str:
    values = context(fiche)
    parts = [(f"<html><head><meta charset='utf-8'><title>{escape(fiche.title)}</title>"
              f"<style>{STYLE}</style></head><body>"),
             f"<p class='headline'>{escape(values['headline'])}</p>"]
    if values["role"]:
        parts.append(f"<p class='role'><b>Rol van de algemeen directeur:</b> "
                     f"{escape(values['role'])}</p>")
    if values["organiser"]:
        parts.append(f"<p class='grey'><b>Organisator:</b> {escape(values['organiser'])}</p>")
    if values["show"]["logistics"] and values["logistics"]:
        parts.append(f"<p class='grey'><b>Praktisch:</b> {_text(values['logistics'])}</p>")
    if values["show"]["objective"] and values["objective"]:
        parts.append(f"<p class='objective'>Doel: {_text(values['objective'])}</p>")
    if values["show"]["position"] and (values["position"] or values["key_messages"]):
        parts.append("<p class='head'>Standpunt van Kortrijk en kernboodschappen</p>")
        if values["position"]:
            parts.append(f"<p class='text'>{_text(values['position'])}</p>")
        if values["key_messages"]:
            parts.append("<ul>" + "".join(f"<li>{_text(m)}</li>"
                                         for m in values["key_messages"]) + "</ul>")
    parts += _section(values, "asks_offers", "Vragen en aanbod")
    parts += _section(values, "sensitive_topics", "Gevoelige onderwerpen — niet zeggen",
                      "sensitive")
    if values["show"]["people"] and values["people"]:
        parts.append("<p class='head'>Wie ontmoeten</p>")
        for p in values["people"]:
            role = f" — {escape(p['role_line'])}" if p["role_line"] else ""
            parts.append(f"<p class='person'><b>{escape(p['name'])}</b>{role}</p>")
            if p["last_contact"]:
                parts.append(f"<p class='grey'>Laatste contact met Kortrijk: "
                             f"{escape(p['last_contact'])}</p>")
            if p["open_matters"]:
                parts.append(f"<p class='detail'>Lopende dossiers: {_text(p['open_matters'])}</p>")
            if p["opener"]:
                parts.append(f"<p class='detail'>Opener: {_text(p['opener'])}</p>")
    parts += _section(values, "background", "Achtergrond")
    parts += _section(values, "follow_up", "Opvolging")
    parts.append(f"<p class='footer'>Stad Kortrijk · OCMW Kortrijk — "
                 f"{escape(values['footer'])}</p></body></html>")
    return "".join(parts)


def to_pdf(fiche: Fiche) -> bytes:
    """Needs a QGuiApplication (fonts); any thread may call it."""
    from kortrijk_cockpit.documents.pdf import html_to_pdf

    return html_to_pdf(to_html(fiche), title=fiche.title)
