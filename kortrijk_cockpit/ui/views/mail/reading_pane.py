"""The reading pane: one mail's headers, its sanitised body, attachments,
what it was handed on to, and a meeting request's answer buttons."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from kortrijk_cockpit.services.mail_list import MailDetail


class ReadingPane(QWidget):
    open_attachment = Signal(int)  # attachment id
    save_attachment = Signal(int)  # attachment id
    allow_images = Signal(str)  # the sender's address or "@domain"
    meeting_response = Signal(int, str, str)  # mail id, "accept"|"tentative"|"decline", message
    link_activated = Signal(str, int)  # LinkKind value, target id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._mail_id: int | None = None
        self._subject = QLabel()
        self._subject.setWordWrap(True)
        self._body = QTextBrowser()
        self._body.setOpenLinks(False)
        self._empty = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self._subject)
        layout.addWidget(self._body, 1)
        layout.addWidget(self._empty)
        self.clear()

    def mail_id(self) -> int | None:
        return self._mail_id

    def show_mail(self, detail: MailDetail) -> None:
        self._mail_id = detail.id
        self._empty.hide()
        self._subject.setText(detail.subject)
        self._subject.show()
        self._body.setPlainText(detail.body_text)
        self._body.show()

    def clear(self, message: str = "") -> None:
        self._mail_id = None
        self._subject.hide()
        self._body.clear()
        self._body.hide()
        self._empty.setText(message)
        self._empty.show()
