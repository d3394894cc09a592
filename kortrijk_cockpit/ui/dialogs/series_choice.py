"""One occurrence of a recurring series, or the whole series?"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget


class SeriesChoiceDialog(QDialog):
    """Accepted with `whole_series` set; rejected: nothing changes."""

    def __init__(self, subject: str, action: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("seriesChoiceDialog")
        self.setWindowTitle(self.tr("Recurring appointment"))
        self.whole_series = False
        text = QLabel(self.tr("“{subject}” is part of a series. {action}: only this occurrence "
                              "or the whole series?").format(subject=subject, action=action))
        text.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.this_one = QPushButton(self.tr("Only this occurrence"))
        self.series = QPushButton(self.tr("The whole series"))
        buttons.addButton(self.this_one, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.series, QDialogButtonBox.ButtonRole.AcceptRole)
        self.this_one.setDefault(True)
        self.this_one.clicked.connect(lambda: self._choose(False))
        self.series.clicked.connect(lambda: self._choose(True))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)

    def _choose(self, whole_series: bool) -> None:
        self.whole_series = whole_series
        self.accept()
