"""Text from a mail (a subject, a sender's name, an attachment's name) shown as text.

Qt renders a label's text, a tooltip or a message box as HTML when it looks
like HTML ("Re: <img src=file://host/x.png>"), and then loads what it names:
on Windows a file://host/ address is a UNC path, and the connection hands the
user's NTLM hash to that host. Labels get `PlainText`; tooltips, which have no
format setting, get the text escaped inside `<qt>`.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox


def plain_tooltip(text: str) -> str:
    """A tooltip that shows `text` literally ("" stays "": no tooltip)."""
    return f"<qt>{html.escape(text)}</qt>" if text else ""


def plain_label(label: QLabel) -> QLabel:
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def plain_box(box: QMessageBox) -> QMessageBox:
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box
