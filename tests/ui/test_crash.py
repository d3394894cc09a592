"""Unexpected errors: a redacted report on disk and a dialog to copy it from."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from kortrijk_cockpit.logging_setup import register_secret
from kortrijk_cockpit.ui.crash import CrashHandler
from kortrijk_cockpit.ui.dialogs.crash_dialog import CrashDialog


def raise_and_capture() -> tuple[type[BaseException], BaseException, object]:
    try:
        raise RuntimeError("sync failed for wachtwoord=Zomer2026! at item 17")
    except RuntimeError:
        return sys.exc_info()  # type: ignore[return-value]


def test_unexpected_error_writes_a_redacted_report_and_asks_for_the_dialog(
        qtbot, app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    register_secret("Zomer2026!")
    handler = CrashHandler(tmp_path, interactive=True)
    handler.install()
    try:
        with qtbot.waitSignal(handler.crashed, timeout=5000) as crashed:
            sys.excepthook(*raise_and_capture())  # type: ignore[arg-type]
    finally:
        handler.uninstall()
    report, path = crashed.args
    assert "RuntimeError" in report and "item 17" in report
    assert "Zomer2026!" not in report
    assert Path(path).read_text(encoding="utf-8") == report
    assert sys.excepthook is not handler.handle


def test_crash_dialog_copies_the_report(qtbot, app) -> None:  # type: ignore[no-untyped-def]
    dialog = CrashDialog("Traceback: KeyError 'x'", "/tmp/crash.txt", "/tmp/cockpit.log")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Onverwachte fout"
    assert dialog.copy_button.text() == "Verslag kopiëren"
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "Traceback: KeyError 'x'"


