"""The Dagoverzicht from the window: Ctrl+P, saved as PDF and printed (both read back),
and the daily mail queued once when its time has come."""

from __future__ import annotations

import dataclasses
import io
import unicodedata
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.config import Paths, Settings
from kortrijk_cockpit.domain import OutboxEntry
from kortrijk_cockpit.services.day_overview import DayOverviewService
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.ui.day_overview import DayOverviewDialog
from kortrijk_cockpit.ui.main_window import MainWindow
from kortrijk_cockpit.ui.tasks import TaskRunner
from tests.ui.conftest import NOW, make_services


def words(pdf: bytes) -> str:
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    return " ".join(unicodedata.normalize("NFKC", text).split())


def overview_window(qtbot, store: Store, runner: TaskRunner, paths: Paths,  # type: ignore[no-untyped-def]
                    settings: Settings | None = None) -> MainWindow:
    services = dataclasses.replace(
        make_services(store), settings=settings or Settings(),
        day_overview=DayOverviewService(store.session_factory, FixedClock(NOW)))
    win = MainWindow(runner, paths.config, report_unexpected=lambda exc: None, services=services)
    qtbot.addWidget(win)
    return win


def test_ctrl_p_opens_the_overview_that_saves_and_prints_the_next_working_day(
        qtbot, app: QApplication, demo_store: Store, runner: TaskRunner, paths: Paths,  # type: ignore[no-untyped-def]
        tmp_path: Path) -> None:
    window = overview_window(qtbot, demo_store, runner, paths)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(DayOverviewDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.day_choice.text() == "Volgende werkdag (dinsdag 24 november 2026)"
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled())
    assert "MAT (managementteam)" in dialog.preview.toPlainText()

    target = tmp_path / "Dagoverzicht 2026-11-24.pdf"
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        dialog.save_pdf(target)
    text = words(target.read_bytes())
    assert "Dinsdag 24 november 2026: 1 afspraak, eerste om 09:00" in text
    assert "Geen voorbereiding geboekt" in text

    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    assert dialog.print_overview(printer)
    del printer
    assert "MAT (managementteam)" in words(printed.read_bytes())

    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.week_choice.setChecked(True)
    assert "Weekoverzicht vanaf maandag 23 november 2026" in dialog.preview.toPlainText()


def test_the_daily_mail_is_queued_once_after_its_time(
        qtbot, app: QApplication, demo_store: Store, runner: TaskRunner, paths: Paths) -> None:  # type: ignore[no-untyped-def]
    settings = Settings(day_overview_mail=True, day_overview_time="09:00",
                        day_overview_to="sofie.vandenbroucke@kortrijk.be")

    def mails() -> int:
        with demo_store.session() as s:
            return int(s.scalar(select(func.count()).select_from(OutboxEntry)
                                .where(OutboxEntry.kind == "send_mail")) or 0)

    before = mails()
    window = overview_window(qtbot, demo_store, runner, paths, settings)
    mailer = window.day_overview_mailer
    assert mailer is not None
    qtbot.waitUntil(lambda: mails() == before + 1, timeout=10_000)
    qtbot.waitUntil(lambda: mailer.timer.isActive())
    # A restart the same day: the store remembers, nothing more is queued.
    again = overview_window(qtbot, demo_store, runner, paths, settings)
    assert again.day_overview_mailer is not None
    qtbot.waitUntil(lambda: again.day_overview_mailer.timer.isActive(), timeout=10_000)  # type: ignore[union-attr]
    assert mails() == before + 1
