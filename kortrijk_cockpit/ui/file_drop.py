"""Dropping mail and calendar files on a widget (the main window) to import them.

An event filter, so any widget can take drops without subclassing it: files
with an extension the importer reads go to `on_files`; anything else (other
file types, web links) is refused with a Dutch status message.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QObject
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QWidget

IMPORTABLE = (".eml", ".msg", ".ics")  # as services/mail_import.py reads them


def split_drop(data: QMimeData) -> tuple[list[Path], list[str]]:
    """The importable local files, and the names of everything else that was dropped."""
    files: list[Path] = []
    refused: list[str] = []
    for url in data.urls():
        if url.isLocalFile() and Path(url.toLocalFile()).suffix.lower() in IMPORTABLE:
            files.append(Path(url.toLocalFile()))
        else:
            refused.append(url.fileName() or url.toDisplayString())
    return files, refused


class FileDropFilter(QObject):
    """Makes `target` accept dropped files; hands the importable ones to `on_files`."""

    def __init__(self, target: QWidget, on_files: Callable[[list[Path]], None],
                 on_refused: Callable[[str], None]) -> None:
        super().__init__(target)
        self._on_files = on_files
        self._on_refused = on_refused
        target.setAcceptDrops(True)
        target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if isinstance(event, QDragEnterEvent | QDragMoveEvent):
            # Any dropped URL is taken, so a refused file gets its message rather than
            # a silent "no entry" cursor.
            if event.mimeData().hasUrls():
                event.acceptProposedAction()
            else:
                event.ignore()
            return True
        if isinstance(event, QDropEvent):
            files, refused = split_drop(event.mimeData())
            if files:
                event.acceptProposedAction()
                self._on_files(files)
            else:
                event.ignore()
            if refused:
                self._on_refused(self.tr(
                    "Not imported (only .eml, .msg and .ics files): {names}").format(
                    names=", ".join(refused)))
            return True
        return super().eventFilter(watched, event)
