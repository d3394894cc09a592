"""The agenda as a Word document, from a docxtpl template the office edits in Word itself.

Qt-free, and it knows the agenda only by shape (`documents` does not import `services`):
`services/agenda_document.py`'s `AgendaDocument` fits `Agenda`. The template sees plain
strings only (`context`), so a city template can use any of them where it likes:
title, headline, people, confidential_note, footer, `sections`, each with a title
and `lines` (time, number, mark, title, details, who, confidential), and `followup`
(the open points that come back here: title, details, owner, due, origin).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from kortrijk_cockpit.config import resources_dir
from kortrijk_cockpit.documents.word_template import render_template

CONFIDENTIAL_MARK = "VERTROUWELIJK – "


class Line(Protocol):
    @property
    def number(self) -> int: ...
    @property
    def time_text(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def description(self) -> str: ...
    @property
    def kind_text(self) -> str: ...
    @property
    def who(self) -> str: ...
    @property
    def duration_minutes(self) -> int: ...
    @property
    def is_confidential(self) -> bool: ...
    @property
    def stukken_text(self) -> str: ...


class Section(Protocol):
    @property
    def title(self) -> str: ...
    @property
    def lines(self) -> Sequence[Line]: ...


class Agenda(Protocol):
    @property
    def title(self) -> str: ...
    @property
    def headline(self) -> str: ...
    @property
    def chair(self) -> str: ...
    @property
    def minute_taker(self) -> str: ...
    @property
    def confidential_count(self) -> int: ...
    @property
    def sections(self) -> Sequence[Section]: ...
    @property
    def followup(self) -> Sequence[FollowupPoint]: ...
    @property
    def made_at(self) -> datetime: ...


def default_template() -> Path:
    return resources_dir() / "templates" / "agenda.docx"


def people_text(agenda: Agenda) -> str:
    parts = []
    if agenda.chair:
        parts.append(f"Voorzitter: {agenda.chair}")
    if agenda.minute_taker:
        parts.append(f"Verslag: {agenda.minute_taker}")
    return " · ".join(parts)


def confidential_note(agenda: Agenda) -> str:
    count = agenda.confidential_count
    if not count:
        return ""
    points = "punt is" if count == 1 else "punten zijn"
    return f"{count} {points} vertrouwelijk: niet verder verspreiden."


class FollowupPoint(Protocol):
    @property
    def title(self) -> str: ...
    @property
    def owner(self) -> str: ...
    @property
    def due_text(self) -> str: ...
    @property
    def origin(self) -> str: ...


def followup_details(point: FollowupPoint) -> str:
    """' – Sofie Declercq · deadline 15/01/2027 · uit MAT 05/01/2027'."""
    parts = [point.owner, f"deadline {point.due_text}" if point.due_text else "",
             f"uit {point.origin}" if point.origin else ""]
    text = " · ".join(p for p in parts if p)
    return f" – {text}" if text else ""


def details_text(line: Line) -> str:
    parts = [line.kind_text, f"{line.duration_minutes} min."]
    if line.description:
        parts.append(line.description)
    if line.stukken_text:
        parts.append(f"Stukken: {line.stukken_text}")
    return " · ".join(p for p in parts if p)


def footer_text(agenda: Agenda) -> str:
    return f"Opgemaakt op {agenda.made_at:%d/%m/%Y om %H:%M} door Kortrijk Cockpit."


def context(agenda: Agenda) -> dict[str, Any]:
    return {
        "title": agenda.title,
        "headline": agenda.headline,
        "people": people_text(agenda),
        "confidential_note": confidential_note(agenda),
        "footer": footer_text(agenda),
        "sections": [{
            "title": section.title,
            "lines": [{
                "time": line.time_text,
                "number": line.number,
                "mark": CONFIDENTIAL_MARK if line.is_confidential else "",
                "title": line.title,
                "details": details_text(line),
                "who": line.who,
                "confidential": line.is_confidential,
            } for line in section.lines],
        } for section in agenda.sections],
        "followup": [{
            "title": point.title,
            "details": followup_details(point),
            "owner": point.owner,
            "due": point.due_text,
            "origin": point.origin,
        } for point in agenda.followup],
    }


def render(agenda: Agenda, template: Path | None = None) -> bytes:
    """The agenda as .docx bytes; `template` is the city's own, or ours when None."""
    return render_template(template or default_template(), context(agenda), "de agenda")
