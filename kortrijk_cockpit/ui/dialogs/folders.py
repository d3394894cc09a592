"""Choose which of the director's mail folders are synchronised."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListView, QVBoxLayout, QWidget

from kortrijk_cockpit.ui.models.folders import FolderChoiceModel

if TYPE_CHECKING:
    from kortrijk_cockpit.services.folders import FolderService


class FoldersDialog(QDialog):
    def __init__(self, folders: FolderService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._folders = folders
        self.setWindowTitle(self.tr("Folders to synchronise"))
        self.resize(420, 420)
        intro = QLabel(self.tr("Inbox, Sent Items and the calendar are always synchronised. "
                               "Tick the other folders you want here too."))
        intro.setWordWrap(True)
        self.model = FolderChoiceModel(self)
        self.model.set_choices(folders.mail_folders())
        self.model.toggled.connect(folders.set_synced)
        self.view = QListView()
        self.view.setModel(self.model)
        self.empty = QLabel(self.tr("The folders appear after the first synchronisation."))
        self.empty.setObjectName("emptyText")
        self.empty.setVisible(self.model.rowCount() == 0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
