"""Attachments that run code are warned about (Outlook's Level-1 list, also behind
invisible characters), and what we save or open carries the Mark of the Web on
Windows, so Office opens it in Protected View."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from kortrijk_cockpit.services.mail_list import AttachmentInfo
from kortrijk_cockpit.ui.views.mail.attachment_actions import AttachmentActions, is_executable
from kortrijk_cockpit.ui.views.mail.zone_mark import INTERNET_ZONE, mark_from_internet


@pytest.mark.parametrize("name", [
    "handleiding.chm", "addin.xll", "factuur.iso", "schijf.img", "disk.vhd", "disk.vhdx",
    "x.scf", "x.sct", "x.wsc", "x.msh", "x.msh1xml", "start.appref-ms",
    "a.settingcontent-ms", "b.library-ms", "notities.one", "link.website", "hulp.hlp",
    "pakket.cab", "script.py", "script.pyw", "x.pyc", "x.pyz", "x.ps1xml", "x.psc1",
    "x.gadget", "x.application", "x.appx", "x.msix", "x.msp", "x.mst", "x.url", "x.inf",
    "x.ins", "x.isp", "x.mde", "db.mdb", "cert.cer",
    "FACTUUR.PDF.EXE", "script.js. ", "factuur\u202efdp.exe", "nota.pdf\u200b.exe",
])
def test_programs_and_scripts_are_warned_about(name: str) -> None:
    assert is_executable(name)


@pytest.mark.parametrize("name", ["nota.pdf", "begroting.xlsx", "verslag.docx", "foto.jpg",
                                  "factuur\u202eexe.pdf", "readme"])
def test_documents_open_without_a_warning(name: str) -> None:
    assert not is_executable(name)


def test_the_mark_of_the_web_is_the_internet_zone_on_windows_only(tmp_path: Path) -> None:
    written: list[tuple[str, str]] = []
    path = tmp_path / "nota.docm"
    assert mark_from_internet(path, platform="win32",
                              write=lambda target, text: written.append((target, text)))
    assert written == [(f"{path}:Zone.Identifier", "[ZoneTransfer]\r\nZoneId=3\r\n")]
    assert not mark_from_internet(path, platform="linux",
                                  write=lambda target, text: written.append((target, text)))
    assert len(written) == 1


@pytest.mark.skipif(sys.platform != "win32", reason="alternate data streams are NTFS's")
def test_the_mark_of_the_web_lands_in_the_alternate_stream(tmp_path: Path) -> None:
    path = tmp_path / "nota.docm"
    path.write_bytes(b"PK")
    assert mark_from_internet(path)
    with open(f"{path}:Zone.Identifier", encoding="ascii", newline="") as stream:
        assert stream.read() == INTERNET_ZONE
    assert path.read_bytes() == b"PK"  # the content itself is untouched


def test_opened_and_saved_attachments_are_marked(qtbot, app: QApplication,  # type: ignore[no-untyped-def]
                                                 tmp_path: Path) -> None:
    source = tmp_path / "cache" / "nota.docm"
    source.parent.mkdir()
    source.write_bytes(b"PK\x03\x04")
    target = tmp_path / "Downloads" / "nota.docm"
    target.parent.mkdir()
    marked: list[Path] = []
    opened: list[Path] = []
    actions = AttachmentActions(None, open_file=lambda p: opened.append(p) or True,
                                ask_save_path=lambda _name: str(target), mark=marked.append)
    info = AttachmentInfo(1, "nota.docm", "application/vnd.ms-word", 4, False, None, str(source))
    actions.open(info)
    actions.save(info)
    assert opened == [source]
    assert marked == [source, target] and target.read_bytes() == b"PK\x03\x04"
