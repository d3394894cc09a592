"""One mail in its own window (Enter on the list): the reading pane, nothing else."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kortrijk_cockpit.ui.views.mail.reading_pane import ReadingPane

if TYPE_CHECKING:
    from kortrijk_cockpit.services.mail_list import MailDetail


class ReaderWindow(QWidget):
    def __init__(self, detail: MailDetail, parent: QWidget | None = None, *,
                 prepare: Callable[[ReadingPane], None] | None = None) -> None:
        """`prepare` wires the pane (runner, colours, image policy) before the mail shows."""
        super().__init__(parent, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(detail.subject or self.tr("(no subject)"))
        self.resize(900, 760)
        self.pane = ReadingPane()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pane)
        if prepare is not None:
            prepare(self.pane)
        self.pane.show_mail(detail)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, activated=self.close)
