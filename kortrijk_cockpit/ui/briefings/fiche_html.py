"""A fiche as clean HTML for the director: the header line first, then why he goes,
what to say, and the people worth meeting with an opener."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication

from kortrijk_cockpit.services.briefings import FicheText
from kortrijk_cockpit.services.briefs import STATE_LABELS
from kortrijk_cockpit.ui.formatting import LOCALE, local

STYLE = """<style>
h1 { font-size: 18pt; margin-bottom: 2px; }
h2 { font-size: 12pt; margin-top: 14px; margin-bottom: 2px; }
p.header { font-size: 11pt; color: #333333; }
p.state { color: #555555; }
p.comments { background: #fff4d6; padding: 6px; }
</style>"""


def paragraphs(text: str) -> str:
    return "".join(f"<p>{escape(line)}</p>" for line in text.splitlines() if line.strip())


def fiche_html(fiche: FicheText) -> str:
    header = []
    if fiche.starts_at is not None:
        at = local(fiche.starts_at)
        header.append(f"{LOCALE.toString(at.date(), 'dddd dd/MM/yyyy')} {at:%H:%M}")
    header += [x for x in (fiche.place, fiche.organiser) if x]
    if fiche.director_role:
        header.append(QCoreApplication.translate("FicheHtml", "your role: {role}")
                      .format(role=fiche.director_role))
    parts = [STYLE, f"<h1>{escape(fiche.title)}</h1>",
             f"<p class='header'><b>{escape(' · '.join(header))}</b></p>",
             "<p class='state'>" + escape(QCoreApplication.translate("FicheHtml", "Brief: {state}")
                                          .format(state=STATE_LABELS[fiche.status])) + "</p>"]
    if fiche.comments and fiche.status.value == "draft":
        parts.append("<p class='comments'>" + escape(QCoreApplication.translate(
            "FicheHtml", "Your comment: {comments}").format(comments=fiche.comments)) + "</p>")
    sections = [(QCoreApplication.translate("FicheHtml", "Objective"), fiche.objective),
                (QCoreApplication.translate("FicheHtml", "Key messages"), fiche.key_messages)]
    for title, text in sections:
        if text.strip():
            parts.append(f"<h2>{escape(title)}</h2>{paragraphs(text)}")
    if fiche.people:
        people = QCoreApplication.translate("FicheHtml", "People to meet")
        parts.append(f"<h2>{escape(people)}</h2><ul>")
        for p in fiche.people:
            who = ", ".join(x for x in (p.function, p.organisation, p.mandate) if x)
            item = f"<b>{escape(p.name)}</b>" + (f" — {escape(who)}" if who else "")
            if p.open_matters:
                item += "<br/>" + escape(QCoreApplication.translate(
                    "FicheHtml", "Open: {matters}").format(matters=p.open_matters))
            if p.opener:
                item += "<br/><i>" + escape(QCoreApplication.translate(
                    "FicheHtml", "Opener: {opener}").format(opener=p.opener)) + "</i>"
            parts.append(f"<li>{item}</li>")
        parts.append("</ul>")
    rest = [(QCoreApplication.translate("FicheHtml", "Position"), fiche.position),
            (QCoreApplication.translate("FicheHtml", "Asks and offers"), fiche.asks_offers),
            (QCoreApplication.translate("FicheHtml", "Sensitive topics"), fiche.sensitive_topics),
            (QCoreApplication.translate("FicheHtml", "Background"), fiche.background),
            (QCoreApplication.translate("FicheHtml", "Logistics"), fiche.logistics),
            (QCoreApplication.translate("FicheHtml", "Follow-up"), fiche.follow_up)]
    for title, text in rest:
        if text.strip():
            parts.append(f"<h2>{escape(title)}</h2>{paragraphs(text)}")
    return "\n".join(parts)
