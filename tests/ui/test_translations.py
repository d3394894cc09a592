"""Every source string has a finished Dutch translation, and the .qm is current."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from kortrijk_cockpit.config import resources_dir

ROOT = Path(__file__).resolve().parents[2]
TS = resources_dir() / "translations" / "kortrijk_cockpit_nl.ts"


def test_every_string_has_a_finished_dutch_translation() -> None:
    unfinished = []
    for message in ET.parse(TS).iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        forms = [f.text for f in translation.findall("numerusform")] or [translation.text]
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not all(forms):
            unfinished.append(source)
    assert unfinished == []


def test_translation_files_match_the_sources() -> None:
    """Fails when a tr() string was added or changed without updating the .ts and .qm."""
    result = subprocess.run([sys.executable, str(ROOT / ".ci" / "update_translations.py"),
                             "--check"], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_qt_own_strings_are_dutch_too(app) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QDialogButtonBox

    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Annuleren"
