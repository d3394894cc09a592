"""The Dagoverzicht in the window: a dialog to save it as PDF or print it, and the
mailer that sends the next working day's overview at the set time.

The overview is read and rendered on the task runner (QTextDocument and QPdfWriter
are reentrant); only the print dialog and the printing itself stay on the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QStandardPaths, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QPushButton,
    QRadioButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kortrijk_cockpit.ui.tasks import Lane

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from kortrijk_cockpit.changes import Changes
    from kortrijk_cockpit.clock import Clock
    from kortrijk_cockpit.config import Settings
    from kortrijk_cockpit.services.day_overview import DayOverview, DayOverviewService
    from kortrijk_cockpit.ui.tasks import TaskRunner

log = logging.getLogger(__name__)
# However far the next due moment is, look again after this long: the settings may
# have changed, the machine may have slept.
MAX_WAIT_MS = 15 * 60 * 1000


class DayOverviewDialog(QDialog):
    """Shows the overview of the next working day (or its week); Ctrl+S saves it as
    PDF, Ctrl+P prints it."""

    loaded = Signal()
    saved = Signal(object)  # Path
    failed = Signal(str, object)  # label, exception

    def __init__(self, service: DayOverviewService, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from kortrijk_cockpit.services.day_overview import dutch_date

        self.service, self.runner = service, runner
        self.overview: DayOverview | None = None
        self.html = ""
        self._generation = 0
        self.setWindowTitle(self.tr("Day overview"))
        day = service.next_day()
        self.day_choice = QRadioButton(self.tr("Next working day ({day})").format(
            day=dutch_date(day)))
        self.week_choice = QRadioButton(self.tr("The week of that day"))
        self.day_choice.setChecked(True)
        self.day_choice.toggled.connect(lambda _on: self.reload())
        self.preview = QTextBrowser()
        self.preview.setMinimumSize(640, 480)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.save_button.setToolTip(self.tr("Save as PDF (Ctrl+S)"))
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setShortcut(QKeySequence.StandardKey.Print)
        self.print_button.setToolTip(self.tr("Print (Ctrl+P)"))
        for button in (self.save_button, self.print_button):
            button.setEnabled(False)
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.clicked.connect(lambda: self.save_pdf())
        self.print_button.clicked.connect(lambda: self.print_overview())
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.day_choice)
        layout.addWidget(self.week_choice)
        layout.addWidget(self.preview, 1)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        from kortrijk_cockpit.documents.day_overview import to_html

        self._generation += 1
        generation, service = self._generation, self.service
        week = self.week_choice.isChecked()

        def read(_ctx: Any) -> tuple[DayOverview, str]:
            day = service.next_day()
            overview = service.week(day) if week else service.overview(day)
            return overview, to_html(overview)

        def done(result: tuple[DayOverview, str]) -> None:
            if generation != self._generation:
                return  # an older choice
            self.overview, self.html = result
            self.preview.setHtml(self.html)
            self.save_button.setEnabled(True)
            self.print_button.setEnabled(True)
            self.loaded.emit()

        self.runner.run(self.tr("Reading the day overview"), read, owner=self, on_success=done,
                        on_failure=lambda exc: self.failed.emit(
                            self.tr("Reading the day overview"), exc))

    def save_pdf(self, path: Path | None = None) -> None:
        overview, html = self.overview, self.html
        if overview is None:
            return
        if path is None:
            folder = QStandardPaths.writableLocation(
                QStandardPaths.StandardLocation.DocumentsLocation)
            chosen, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Save the day overview"), str(Path(folder) / overview.file_name),
                self.tr("PDF files (*.pdf)"))
            if not chosen:
                return
            path = Path(chosen)
        target = path

        def write(_ctx: Any) -> Path:
            from kortrijk_cockpit.documents.pdf import html_to_pdf

            target.write_bytes(html_to_pdf(html, title=overview.title))
            return target

        self.runner.run(self.tr("Saving the day overview"), write, owner=self,
                        on_success=self.saved.emit,
                        on_failure=lambda exc: self.failed.emit(
                            self.tr("Saving the day overview"), exc))

    def print_overview(self, printer: QPrinter | None = None) -> bool:
        """Print through the print dialog; a test passes its own `printer` instead."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from kortrijk_cockpit.documents.pdf import print_to, text_document

        if self.overview is None:
            return False
        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setDocName(self.overview.title)
            dialog = QPrintDialog(printer, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
        print_to(text_document(self.html), printer)
        return True


class DayOverviewMailer(QObject):
    """At `day_overview_time` on working days, queue the next working day's overview
    as a PDF mail (once a day: `DayOverviewService.queue_mail` remembers it)."""

    queued = Signal(object)  # Changes: for the change feed
    failed = Signal(str, object)

    def __init__(self, service: DayOverviewService, clock: Clock,
                 settings: Callable[[], Settings | None], runner: TaskRunner,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service, self.clock, self.runner = service, clock, runner
        self._settings = settings
        self.mailbox = ""  # the director's address, once a connection is known
        self._busy = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.check)

    def set_mailbox(self, address: str) -> None:
        """The director's mailbox, known once connected: the default address."""
        changed = address.strip() != self.mailbox
        self.mailbox = address.strip()
        if changed:
            self.check()

    def check(self) -> None:
        """Queue the mail if it is due now, then wait for the next due moment."""
        from kortrijk_cockpit.services.day_overview import parse_time

        settings = self._settings()
        if settings is None or not settings.day_overview_mail or self._busy:
            self._arm(None)
            return
        at = parse_time(settings.day_overview_time)
        to = settings.day_overview_to.strip() or self.mailbox or settings.exchange_mailbox
        if not to:
            log.info("Dagoverzicht: no address yet (no connection); not mailed")
            self._arm(None)
            return
        service, clock = self.service, self.clock

        def send(_ctx: Any) -> Changes | None:
            from kortrijk_cockpit.documents.day_overview import to_html
            from kortrijk_cockpit.documents.pdf import html_to_pdf
            from kortrijk_cockpit.services.day_overview import mail_due, next_working_day

            day = mail_due(clock.now(), at, service.last_mailed())
            if day is None:
                return None
            overview = service.overview(next_working_day(day))
            pdf = html_to_pdf(to_html(overview), title=overview.title)
            return service.queue_mail(overview, pdf, to, day)

        def done(changes: Changes | None) -> None:
            self._busy = False
            if changes is not None:
                self.queued.emit(changes)
            self._arm(at)

        def failed(exc: BaseException) -> None:
            self._busy = False
            self.failed.emit(self.tr("Mailing the day overview"), exc)
            self._arm(at)

        self._busy = True
        self.runner.run(self.tr("Mailing the day overview"), send, owner=self, lane=Lane.STORE,
                        on_success=done, on_failure=failed)

    def _arm(self, at: Any) -> None:
        from kortrijk_cockpit.services.day_overview import seconds_until_due

        wait = MAX_WAIT_MS if at is None else \
            min(MAX_WAIT_MS, int(seconds_until_due(self.clock.now(), at) * 1000) + 1000)
        self.timer.start(wait)
