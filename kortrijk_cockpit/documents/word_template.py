"""A Word document from a docxtpl template the office can edit itself, or a Dutch reason
why the template cannot be used (missing, not a .docx, or a broken field)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from kortrijk_cockpit.errors import UserFacingError


def render_template(path: Path, context: Mapping[str, Any], what: str) -> bytes:
    """`context` rendered into the template at `path` as .docx bytes; `what` names the
    document in the Dutch messages ("de agenda", "het verslag", ...)."""
    from docxtpl import DocxTemplate
    from jinja2 import TemplateError

    if not path.is_file():
        raise UserFacingError(
            f"Het Word-sjabloon voor {what} is niet gevonden: {path}. "
            "Kies een ander sjabloon bij de instellingen of maak het veld leeg.")
    try:
        document = DocxTemplate(str(path))
        # autoescape: titles with "&" or "<" stay text, never broken XML.
        document.render(dict(context), autoescape=True)
    except (TemplateError, zipfile.BadZipFile, KeyError) as exc:
        raise UserFacingError(
            f"Het Word-sjabloon voor {what} ({path.name}) kan niet worden gebruikt: "
            f"{exc}. Controleer de velden tussen {{{{ }}}} en {{% %}} in Word.",
            detail=repr(exc)) from exc
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
