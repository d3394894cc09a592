"""Attachment names from strangers become harmless file names."""

from __future__ import annotations

from pathlib import Path

import pytest

from kortrijk_cockpit.exchange.attachments import safe_filename, unique_path


@pytest.mark.parametrize(("hostile", "safe"), [
    ("../../etc/passwd", "passwd"),
    ("..\\..\\Windows\\system32\\drivers.sys", "drivers.sys"),
    ("Nota ../../rapport:2026?.pdf", "rapport_2026_.pdf"),
    ("CON.docx", "_CON.docx"),
    ("lpt1", "_lpt1"),
    ("com3.txt", "_com3.txt"),
    ("verslag MAT. . .", "verslag MAT"),
    ("bijlage\x00met\x1fcontrole.pdf", "bijlage_met_controle.pdf"),
    ("   ", "bijlage"),
    ("..", "bijlage"),
    ("Begroting 2027 – 'eerste' lezing.xlsx", "Begroting 2027 – 'eerste' lezing.xlsx"),
    # Invisible format characters: RIGHT-TO-LEFT OVERRIDE makes "…\u202egpj.exe" read as
    # "…exe.jpg"; zero-width and bidi marks hide a name's real ending.
    ("factuur\u202egpj.exe", "factuurgpj.exe"),
    ("nota\u200b.pdf\u2066.exe", "nota.pdf.exe"),
    ("\ufeffverslag\u200d.docx", "verslag.docx"),
    # Windows opens COM¹ to LPT³ (superscript digits) as devices too.
    ("COM\u00b9.txt", "_COM\u00b9.txt"),
    ("lpt\u00b3", "_lpt\u00b3"),
    ("com\u00b2 .docx", "_com\u00b2 .docx"),
])
def test_hostile_names_are_made_safe(hostile: str, safe: str) -> None:
    assert safe_filename(hostile) == safe


def test_long_names_keep_their_extension() -> None:
    name = safe_filename("a" * 400 + ".pdf")
    assert len(name) == 150 and name.endswith(".pdf")


def test_existing_files_are_not_overwritten(tmp_path: Path) -> None:
    (tmp_path / "nota.pdf").write_bytes(b"1")
    assert unique_path(tmp_path, "nota.pdf").name == "nota (2).pdf"
