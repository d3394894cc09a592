"""Nothing typed is lost: a dialog with changes asks "Bewaren / Niet bewaren /
Annuleren" before it closes."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QMessageBox


def ask_to_keep(dialog: QDialog, question: str, *, save: Callable[[], None],
                discard: Callable[[], None],
                answered: Callable[[], None] | None = None) -> QMessageBox:
    """Open (not exec) the question over `dialog`. Save runs `save` (which closes the
    dialog once saved), Niet bewaren runs `discard`, Annuleren leaves her where she was;
    `answered` runs first in every case (the caller forgets its open question)."""
    box = QMessageBox(QMessageBox.Icon.Question, dialog.windowTitle(), question,
                      QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                      | QMessageBox.StandardButton.Cancel, dialog)
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    box.finished.connect(box.deleteLater)

    def chosen(result: int) -> None:
        if answered is not None:
            answered()
        if result == QMessageBox.StandardButton.Save.value:
            save()
        elif result == QMessageBox.StandardButton.Discard.value:
            discard()

    box.finished.connect(chosen)
    box.open()
    return box
