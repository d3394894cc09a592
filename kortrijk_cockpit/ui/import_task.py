"""Importing files in the background: the store lane, progress in the status bar,
then the report (failures and remarks in a message box, success in the status bar).

What landed is always announced: a bad file is one line of the report, and even
the whole import failing (not a file's fault) refreshes the views it may have touched.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow, QMessageBox

from kortrijk_cockpit.changes import Changes, Kind
from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.ui.change_feed import ChangeFeed
from kortrijk_cockpit.ui.file_drop import FileDropFilter
from kortrijk_cockpit.ui.tasks import Lane, TaskContext, TaskRunner

if TYPE_CHECKING:  # SQLAlchemy loads only after the window shows
    from kortrijk_cockpit.services.mail_import import ImportReport, MailImporter
    from kortrijk_cockpit.ui.main_window import MainWindow

STATUS_MS = 10_000


class ImportTask(QObject):
    """Runs `MailImporter` for one window and tells the user how it went."""

    def __init__(self, window: QMainWindow, runner: TaskRunner, importer: MailImporter,
                 feed: ChangeFeed) -> None:
        super().__init__(window)
        self._window = window
        self._runner = runner
        self._importer = importer
        self._feed = feed
        self.box: QMessageBox | None = None  # the latest failure report, for tests

    def start(self, paths: Sequence[Path]) -> int:
        files = list(paths)

        def work(ctx: TaskContext) -> ImportReport:
            return self._importer.import_files(files, ctx)

        return self._runner.run(self.tr("Importing files"), work, owner=self._window,
                                lane=Lane.STORE, on_success=self._done,
                                on_failure=self._failed)

    def status(self, text: str) -> None:
        self._window.statusBar().showMessage(text, STATUS_MS)

    def _done(self, report: ImportReport) -> None:
        self._feed.publish(report.changes, self)
        if not report.failures and not report.noted:
            self.status(report.summary)
            return
        lines: list[str] = []
        if report.failures:
            lines += [self.tr("These files could not be imported:"), "",
                      *(f.line for f in report.failures)]
        if report.noted:
            lines += [*([""] if lines else []), self.tr("Imported with remarks:"), "",
                      *(i.line for i in report.noted)]
        self._show("\n".join(lines), report.summary)

    def _failed(self, exc: BaseException) -> None:
        # Not one file's fault (those are lines of the report): files imported before
        # it stay, so the views reload whatever an import can touch.
        self._feed.publish(Changes.everything(Kind.MAIL, Kind.EVENT, Kind.FOLDER), self)
        detail = exc.user_message if isinstance(exc, UserFacingError) \
            else self.tr("The details are in the log file.")
        self._show(self.tr("The import stopped before all files were read; "
                           "the files imported until then are kept."), detail)

    def _show(self, text: str, informative: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Import"), text,
                          QMessageBox.StandardButton.Close, self._window)
        box.setInformativeText(informative)
        box.finished.connect(box.deleteLater)  # WA_DeleteOnClose crashed PySide 6.11 here
        box.open()
        self.box = box


def install_file_drop(window: MainWindow, runner: TaskRunner,
                      importer: MailImporter) -> ImportTask:
    """Files dropped on the window are imported and announced on its change feed.

    One call once the store is open (app.py, `core_ready`):
    `install_file_drop(window, runner, mail_importer(built))`.
    """
    task = ImportTask(window, runner, importer, window.feed)
    FileDropFilter(window, task.start, task.status)
    return task
