"""`?` over the mail list: every key of the Mail area, on a translucent card.

`mail_shortcuts()` is also what the window's shortcut dialog (F1) lists.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget


def mail_shortcuts() -> list[tuple[str, str]]:
    """(keys, what they do) for the mail list."""
    return [
        ("1–9", QCoreApplication.translate(
            "MailShortcuts", "Outcome with that key (Actie AD, Ter info, …)")),
        ("A", QCoreApplication.translate(
            "MailShortcuts", "Accept the suggestion")),
        ("J / K", QCoreApplication.translate(
            "MailShortcuts", "Next / previous mail")),
        ("Enter", QCoreApplication.translate(
            "MailShortcuts", "Open the mail in its own window")),
        ("V", QCoreApplication.translate(
            "MailShortcuts", "File to a folder")),
        ("L", QCoreApplication.translate(
            "MailShortcuts", "Later: back in To handle on a chosen day")),
        ("I", QCoreApplication.translate(
            "MailShortcuts", "Flag with a due date")),
        ("Shift+I", QCoreApplication.translate(
            "MailShortcuts", "Clear the flag")),
        ("U", QCoreApplication.translate(
            "MailShortcuts", "Read / unread")),
        ("T", QCoreApplication.translate(
            "MailShortcuts", "Make action point")),
        ("G", QCoreApplication.translate(
            "MailShortcuts", "Put on the agenda of")),
        ("B", QCoreApplication.translate(
            "MailShortcuts", "For a brief")),
        ("P", QCoreApplication.translate(
            "MailShortcuts", "Link to a person")),
        ("O", QCoreApplication.translate(
            "MailShortcuts", "A reporting part received with this mail")),
        ("R", QCoreApplication.translate(
            "MailShortcuts", "Reply")),
        ("Shift+R", QCoreApplication.translate(
            "MailShortcuts", "Reply all")),
        ("Shift+F", QCoreApplication.translate(
            "MailShortcuts", "Forward")),
        ("Ctrl+Z", QCoreApplication.translate(
            "MailShortcuts", "Undo the last triage step")),
        ("Ctrl+F", QCoreApplication.translate(
            "MailShortcuts", "Search in mail")),
        ("Esc", QCoreApplication.translate(
            "MailShortcuts", "Clear the search")),
        ("?", QCoreApplication.translate(
            "MailShortcuts", "Show or hide these keys")),
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
            f"<tr><td valign='middle' style='padding-right:18px'><b>{escape(keys)}</b></td>"
            f"<td valign='middle'>{escape(what)}</td></tr>"
            for keys, what in mail_shortcuts())
        title = escape(self.tr("Keys in the mail list"))
        self.card.setText(f"<h3>{title}</h3><table cellspacing='4'>{rows}</table>")
        # Its own look (not app.qss): a dimmed area under a white card.
        self.setStyleSheet("QFrame#shortcutOverlay { background: rgba(17, 24, 39, 110); }"
                           "QLabel#shortcutCard { background: white; color: #111827;"
                           " border: 1px solid #d1d5db; border-radius: 8px; padding: 18px 24px;"
                           " font-size: 10.5pt; }")
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
