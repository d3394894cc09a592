"""The verslag and the besluitenlijst as Word documents, from docxtpl templates the office
edits in Word itself (`resources/templates/verslag.docx`, `besluitenlijst.docx`, made by
`.ci/make_verslag_template.py`).

Qt-free. The templates see plain strings only (`context`): title, when, copy_note,
confidential_note, present, excused, absent, footer, `items` (number, mark, title, kind,
decision, notes, `actions` with what, who, due), `decisions` (the items with a besluit)
and `followup` (title, origin, who, due, outcome). The copy for the wider list is the
same template with the confidential items already left out of the values
(`Verslag.for_wider_list`), so no template can show them by mistake.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kortrijk_cockpit.config import resources_dir
from kortrijk_cockpit.documents.verslag_model import Verslag
from kortrijk_cockpit.documents.word_template import render_template


def default_template() -> Path:
    return resources_dir() / "templates" / "verslag.docx"


def decisions_template(verslag_template: Path | None = None) -> Path:
    """The office's own besluitenlijst.docx beside its verslag template, else ours."""
    if verslag_template is not None:
        own = verslag_template.with_name("besluitenlijst.docx")
        if own.is_file():
            return own
    return resources_dir() / "templates" / "besluitenlijst.docx"


def names(people: tuple[str, ...]) -> str:
    return ", ".join(people)


def context(verslag: Verslag) -> dict[str, Any]:
    return {
        "title": verslag.title,
        "decisions_title": verslag.decisions_title,
        "when": f"{verslag.date_text[:1].upper()}{verslag.date_text[1:]}, {verslag.when_text}",
        "copy_note": verslag.copy_note,
        "confidential_note": verslag.confidential_note,
        "present": names(verslag.present),
        "excused": names(verslag.excused),
        "absent": names(verslag.absent),
        "footer": verslag.footer,
        "items": [{
            "number": item.number,
            "mark": item.mark,
            "title": item.title,
            "kind": item.kind,
            "decision": item.decision.strip(),
            "notes": item.notes.strip(),
            "actions": [{"what": a.what, "who": a.who, "due": a.due} for a in item.actions],
        } for item in verslag.items],
        "decisions": [{"number": i.number, "mark": i.mark, "title": i.title,
                       "decision": i.decision.strip()} for i in verslag.decisions],
        "followup": [{"title": f.title, "origin": f.origin, "who": f.who, "due": f.due,
                      "outcome": f.outcome} for f in verslag.followup],
    }


def render(verslag: Verslag, template: Path | None = None) -> bytes:
    """The verslag as .docx bytes; `template` is the city's own, or ours when None."""
    return _render(verslag, template or default_template(), "het verslag")


def render_decisions(verslag: Verslag, template: Path | None = None) -> bytes:
    """The besluitenlijst: per item with a besluit, its number, title and besluit only."""
    return _render(verslag, decisions_template(template), "de besluitenlijst")


def _render(verslag: Verslag, path: Path, what: str) -> bytes:
    return render_template(path, context(verslag), what)
