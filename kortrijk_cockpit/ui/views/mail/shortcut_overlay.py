"""`?` over the mail list: every key of the Mail area, on a translucent card.

`mail_shortcuts()` is also what the window's shortcut dialog (F1) lists.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget


def _tr(text: str) -> str:
    return QCoreApplication.translate("MailShortcuts", text)


def mail_shortcuts() -> list[tuple[str, str]]:
    """(keys, what they do) for the mail list."""
    return [
        ("1–9", _tr("Outcome with that key (Actie AD, Ter info, …)")),
        ("A", _tr("Accept the suggestion")),
        ("J / K", _tr("Next / previous mail")),
        ("Enter", _tr("Open the mail in its own window")),
        ("V", _tr("File to a folder")),
        ("L", _tr("Later: back in To handle on a chosen day")),
        ("I", _tr("Flag with a due date")),
        ("U", _tr("Read / unread")),
        ("T", _tr("Make action point")),
        ("G", _tr("Put on the agenda of")),
        ("B", _tr("For a brief")),
        ("P", _tr("Link to a person")),
        ("R", _tr("Reply")),
        ("Shift+R", _tr("Reply all")),
        ("Shift+F", _tr("Forward")),
        ("Ctrl+Z", _tr("Undo the last triage step")),
        ("Ctrl+F", _tr("Search in mail")),
        ("Esc", _tr("Clear the search")),
        ("?", _tr("Show or hide these keys")),
    ]


class ShortcutOverlay(QFrame):
    """Covers its parent; any key or click hides it again."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutOverlay")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.card = QLabel()
        self.card.setObjectName("shortcutCard")
        self.card.setTextFormat(Qt.TextFormat.RichText)
        rows = "".join(
            f"<tr><td style='padding:3px 18px 3px 0'><b>{escape(keys)}</b></td>"
            f"<td style='padding:3px 0'>{escape(what)}</td></tr>"
            for keys, what in mail_shortcuts())
        title = escape(self.tr("Keys in the mail list"))
        self.card.setText(f"<h3>{title}</h3><table>{rows}</table>")
        layout = QVBoxLayout(self)
        layout.addWidget(self.card, 0, Qt.AlignmentFlag.AlignCenter)
        self.hide()
        self._return_focus: QWidget | None = None
        self.installEventFilter(self)

    def fit(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())

    def toggle(self, return_focus: QWidget | None = None) -> None:
        if self.isVisible():
            self.close_overlay()
            return
        self._return_focus = return_focus
        self.fit()
        self.raise_()
        self.show()
        self.setFocus()

    def close_overlay(self) -> None:
        self.hide()
        if self._return_focus is not None:
            self._return_focus.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self and (isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress
                                or event.type() == QEvent.Type.MouseButtonPress):
            self.close_overlay()
            return True
        return False
