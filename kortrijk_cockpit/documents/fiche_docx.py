"""The discussiefiche as a Word document, from a docxtpl template the office edits in
Word itself (`resources/templates/fiche.docx`, made by `.ci/make_fiche_template.py`;
`Settings.fiche_template_path` points to the office's own).

Qt-free. The template sees plain strings only (`context`): headline, title, when,
place, organiser, role, objective, logistics, position, key_messages (list), asks_offers,
sensitive_topics, background, follow_up, `people` (name, role_line, last_contact,
open_matters, opener), `show` (section key -> bool) and footer. Hidden sections are
empty already (`Fiche.with_sections`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kortrijk_cockpit.config import resources_dir
from kortrijk_cockpit.documents.fiche_model import SECTIONS, Fiche
from kortrijk_cockpit.documents.word_template import render_template


def default_template() -> Path:
    return resources_dir() / "templates" / "fiche.docx"


def context(fiche: Fiche) -> dict[str, Any]:
    return {
        "headline": fiche.headline,
        "title": fiche.title,
        "when": fiche.when,
        "place": fiche.place,
        "organiser": fiche.organiser,
        "role": fiche.director_role,
        "logistics": fiche.logistics.strip(),
        "objective": fiche.objective.strip(),
        "position": fiche.position.strip(),
        "key_messages": list(fiche.key_messages),
        "asks_offers": fiche.asks_offers.strip(),
        "sensitive_topics": fiche.sensitive_topics.strip(),
        "background": fiche.background.strip(),
        "follow_up": fiche.follow_up.strip(),
        "people": [{"name": p.name, "role_line": p.role_line, "last_contact": p.last_contact,
                    "open_matters": p.open_matters.strip(), "opener": p.opener.strip()}
                   for p in fiche.people],
        "show": {key: key in fiche.shown for key in SECTIONS},
        "footer": fiche.footer,
    }


def render(fiche: Fiche, template: Path | None = None) -> bytes:
    """The fiche as .docx bytes; `template` is the office's own, or ours when None."""
    return render_template(template or default_template(), context(fiche), "de fiche")
