"""Team mode: someone else saved an item's minutes first. Both versions side by side,
and the user chooses; nothing is overwritten without them seeing it.

"Keep my text" and "Merge" return the texts to save on the other's version; "Take
their text" returns None (their text is already stored). Closing the dialog is no
choice: it stays until one is made, so neither text disappears unseen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kortrijk_cockpit.services.minutes import MinutesConflict
from kortrijk_cockpit.ui.formatting import format_datetime

MERGE_LINE = "\n\n--------\n"  # theirs above, mine below


def merged(theirs: str, mine: str) -> str:
    """Their text, then mine below a line; one of them alone when the other is empty
    or the same."""
    if not theirs.strip() or theirs.strip() == mine.strip():
        return mine
    if not mine.strip() or mine.strip() in theirs:
        return theirs
    return theirs.rstrip() + MERGE_LINE + mine.lstrip()


class MinutesConflictDialog(QDialog):
    def __init__(self, conflict: MinutesConflict, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.conflict = conflict
        self.choice: tuple[str, str] | None = None
        self.setWindowTitle(self.tr("Minutes changed by someone else"))
        self.setMinimumWidth(900)
        intro = QLabel(self.tr("\u201c%1\u201d was saved by someone else while you were "
                               "typing. Your text was not saved yet: choose what stays.")
                       .replace("%1", conflict.item_title), self)
        intro.setWordWrap(True)
        who = conflict.theirs_by or self.tr("someone else")
        self.mine_box = self._side(self.tr("Your text"), *conflict.mine)
        self.theirs_box = self._side(
            self.tr("Their text (%1, %2)").replace("%1", who)
            .replace("%2", format_datetime(conflict.theirs_at)), *conflict.theirs)
        sides = QHBoxLayout()
        sides.addWidget(self.theirs_box)
        sides.addWidget(self.mine_box)

        # The merge: editable before it is saved.
        self.merge_box = QGroupBox(self.tr("Merged (edit before saving)"), self)
        self.merge_notes = QPlainTextEdit(merged(conflict.theirs[0], conflict.mine[0]), self)
        self.merge_decision = QPlainTextEdit(
            merged(conflict.theirs[1], conflict.mine[1]), self)
        grid = QGridLayout(self.merge_box)
        grid.addWidget(QLabel(self.tr("Notes"), self), 0, 0)
        grid.addWidget(self.merge_notes, 1, 0)
        grid.addWidget(QLabel(self.tr("Decision"), self), 0, 1)
        grid.addWidget(self.merge_decision, 1, 1)
        self.merge_box.hide()

        self.keep_mine = QPushButton(self.tr("&Keep my text"), self)
        self.take_theirs = QPushButton(self.tr("&Take their text"), self)
        self.merge = QPushButton(self.tr("&Merge"), self)
        self.save_merge = QPushButton(self.tr("&Save merged text"), self)
        self.save_merge.hide()
        self.keep_mine.clicked.connect(lambda: self._choose(self.conflict.mine))
        self.take_theirs.clicked.connect(lambda: self._choose(None))
        self.merge.clicked.connect(self._start_merge)
        self.save_merge.clicked.connect(lambda: self._choose(
            (self.merge_notes.toPlainText(), self.merge_decision.toPlainText())))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.keep_mine, self.take_theirs, self.merge, self.save_merge):
            b.setAutoDefault(False)
            buttons.addWidget(b)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(sides, 1)
        layout.addWidget(self.merge_box, 1)
        layout.addLayout(buttons)

    def _side(self, title: str, notes: str, decision: str) -> QGroupBox:
        box = QGroupBox(title, self)
        layout = QVBoxLayout(box)
        for label, text in ((self.tr("Notes"), notes), (self.tr("Decision"), decision)):
            layout.addWidget(QLabel(label, box))
            view = QPlainTextEdit(text, box)
            view.setReadOnly(True)
            view.setObjectName("conflictText")
            layout.addWidget(view)
        return box

    def shown_texts(self) -> list[str]:
        """Every text on screen, for a test to read what the user sees."""
        return [v.toPlainText() for v in self.findChildren(QPlainTextEdit) if v.isVisible()]

    def _start_merge(self) -> None:
        self.merge_box.show()
        self.save_merge.show()
        self.save_merge.setDefault(True)
        self.merge.setEnabled(False)
        self.merge_notes.setFocus()
        self.merge_notes.moveCursor(self.merge_notes.textCursor().MoveOperation.End)

    def _choose(self, texts: tuple[str, str] | None) -> None:
        self.choice = texts
        self.accept()

    def reject(self) -> None:
        """Escape or the close button is no choice: both texts stay on screen."""
        self.take_theirs.setFocus(Qt.FocusReason.OtherFocusReason)


def ask_conflict(parent: QWidget | None, conflict: MinutesConflict) -> tuple[str, str] | None:
    """The (notes, decision) to save on `conflict.theirs_version`, or None to take theirs."""
    dialog = MinutesConflictDialog(conflict, parent)
    try:
        dialog.exec()
        return dialog.choice
    finally:
        dialog.deleteLater()
