"""Unexpected errors: log them, write a redacted crash report, show it.

`faulthandler` writes hard crashes (segfaults in Qt) to a file in the log
folder; Python exceptions reaching the top go to `sys.excepthook`, which
writes `crash-<time>.txt` and opens the crash dialog with a copyable report.
"""

from __future__ import annotations

import faulthandler
import logging
import sys
import traceback
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import IO

from PySide6.QtCore import QObject, QTimer, Signal

from kortrijk_cockpit import __version__
from kortrijk_cockpit.logging_setup import redact

log = logging.getLogger(__name__)


def format_report(exc_type: type[BaseException], exc: BaseException,
                  tb: TracebackType | str | None) -> str:
    import platform  # only when a report is written, not at start-up

    trace = tb if isinstance(tb, str) else "".join(traceback.format_exception(exc_type, exc, tb))
    header = (
        f"Kortrijk Cockpit {__version__}\n"
        f"Python {platform.python_version()} op {platform.platform()}\n"
        f"Tijdstip: {datetime.now().isoformat(timespec='seconds')}\n\n"
    )
    return redact(header + trace)


class CrashHandler(QObject):
    """Owns the excepthook. In smoke-test mode it records instead of showing."""

    crashed = Signal(str, str)  # report, path of the crash file

    def __init__(self, log_dir: Path, *, interactive: bool = True) -> None:
        super().__init__()
        self._log_dir = log_dir
        self._interactive = interactive
        self._fault_file: IO[str] | None = None
        self.reports: list[str] = []
        self._previous_hook = sys.excepthook

    def install(self) -> None:
        self._fault_file = open(self._log_dir / "faulthandler.log", "a", encoding="utf-8")  # noqa: SIM115
        faulthandler.enable(self._fault_file)
        sys.excepthook = self.handle

    def uninstall(self) -> None:
        sys.excepthook = self._previous_hook
        if self._fault_file:
            faulthandler.disable()
            self._fault_file.close()
            self._fault_file = None

    def handle(self, exc_type: type[BaseException], exc: BaseException,
               tb: TracebackType | str | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self._previous_hook(exc_type, exc, tb if not isinstance(tb, str) else None)
            return
        report = format_report(exc_type, exc, tb)
        self.reports.append(report)
        path = self._write(report)
        log.error("unexpected error, report in %s\n%s", path, report)
        if self._interactive:
            # Never open a modal dialog from inside whatever code raised.
            QTimer.singleShot(0, lambda: self.crashed.emit(report, str(path)))
        else:
            print(report, file=sys.stderr)

    def _write(self, report: str) -> Path:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        path = self._log_dir / f"crash-{stamp}.txt"
        try:
            path.write_text(report, encoding="utf-8")
        except OSError:
            log.exception("could not write crash report")
        return path
