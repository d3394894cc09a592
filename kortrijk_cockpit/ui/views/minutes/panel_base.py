"""What the minutes' panels share: a table that hands its keys to the panel, and one
way to write through the runner and announce the result on the change feed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QMessageBox, QTableView, QWidget

from kortrijk_cockpit.changes import Changes
from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.ui.change_feed import ChangeFeed
from kortrijk_cockpit.ui.tasks import Lane, TaskRunner


class KeyTable(QTableView):
    """A read-only table whose single keys (D, L, F2, Del, ...) act on the current row."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.keys: dict[tuple[int, Qt.KeyboardModifier], Callable[[], None]] = {}
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        self.horizontalHeader().setStretchLastSection(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        action = self.keys.get((event.key(), mods))
        if action is not None and not event.isAutoRepeat():
            action()
            event.accept()
            return
        super().keyPressEvent(event)


class WritingPanel(QWidget):
    """A panel that writes through the runner's store lane and publishes what changed."""

    written = Signal(object)  # Changes, once a write landed
    failed = Signal(object)  # the exception, after the user was told
    dialog_opened = Signal(object)  # every dialog or question it opens (for tests)

    def __init__(self, runner: TaskRunner, feed: ChangeFeed,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._feed = feed

    def _write(self, label: str, fn: Callable[[], Changes | Any],
               on_success: Callable[[Any], None] | None = None,
               on_failure: Callable[[BaseException], None] | None = None) -> None:
        feed = self._feed  # the landing must not refer to self (it may be gone)

        def landed(result: Any) -> None:
            feed.publish(_changes(result), None)

        def succeeded(result: Any) -> None:
            if on_success is not None:
                on_success(result)
            self.written.emit(_changes(result))

        def failed(exc: BaseException) -> None:
            if on_failure is not None:
                on_failure(exc)
            self._tell(label, exc)

        self._runner.run(label, lambda _ctx: fn(), owner=self, lane=Lane.STORE,
                         on_success=succeeded, on_failure=failed, on_landed=landed)

    def _tell(self, label: str, exc: BaseException) -> None:
        if isinstance(exc, UserFacingError):
            box = QMessageBox(QMessageBox.Icon.Warning, label, str(exc),
                              QMessageBox.StandardButton.Ok, self)
            self._open(box)
        else:
            self._runner.report(label, exc)
        self.failed.emit(exc)

    def _ask(self, title: str, question: str, yes_text: str,
             then: Callable[[], None]) -> QMessageBox:
        """A confirmation that does not block: `then` runs only on the yes button."""
        box = QMessageBox(QMessageBox.Icon.Question, title, question,
                          QMessageBox.StandardButton.Cancel, self)
        yes = box.addButton(yes_text, QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)  # Enter never destroys
        box.buttonClicked.connect(lambda b: then() if b is yes else None)
        self._open(box)
        return box

    def _open(self, dialog: Any) -> None:
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.dialog_opened.emit(dialog)


def _changes(result: Any) -> Changes:
    if isinstance(result, Changes):
        return result
    return getattr(result, "changes", Changes())
