"""The director's short comment when he sends a fiche back."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)


class CommentDialog(QDialog):
    def __init__(self, title: str, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Comment"))
        self.setMinimumWidth(460)
        label = QLabel(self.tr("What should change in the brief for \"{title}\"? "
                               "It goes back to concept with your comment.").format(title=title))
        label.setWordWrap(True)
        self.text = QPlainTextEdit(text)
        self.text.setPlaceholderText(self.tr("A short comment"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.send = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.send.setText(self.tr("Send back"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.text.textChanged.connect(self._enable)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.text)
        layout.addWidget(self.buttons)
        self._enable()

    def comment(self) -> str:
        return self.text.toPlainText().strip()

    def _enable(self) -> None:
        self.send.setEnabled(bool(self.comment()))
