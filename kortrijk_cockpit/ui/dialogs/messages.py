"""Expected failures shown as a message, never as the crash dialog.

A stale save (someone else changed the record first) offers "Reload", which
refreshes the view the user works in so she can redo her change on the newest
version.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from kortrijk_cockpit.errors import ConcurrentEditError, UserFacingError


def show_failure(parent: QWidget, title: str, exc: UserFacingError, *,
                 reload: Callable[[], None] | None = None) -> QMessageBox:
    """Open (not exec: the GUI keeps running) a warning with the Dutch message."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, exc.user_message,
                      QMessageBox.StandardButton.Close, parent)
    # The message may quote a mail ("geen geldig mailadres: <img src=file://…>"): never
    # rich text, or Qt would load what a sender wrote (on Windows: a UNC path, NTLM).
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.finished.connect(box.deleteLater)  # WA_DeleteOnClose crashed PySide 6.11 here
    if reload is not None and isinstance(exc, ConcurrentEditError):
        button = box.addButton(QCoreApplication.translate("Messages", "Reload"),
                               QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(button)
        button.clicked.connect(lambda *_: reload())
    box.open()
    return box
