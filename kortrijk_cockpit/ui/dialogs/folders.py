"""Choose which of the director's mail folders are synchronised."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListView, QVBoxLayout, QWidget

from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.ui.dialogs.messages import show_failure
from kortrijk_cockpit.ui.models.folders import FolderChoiceModel
from kortrijk_cockpit.ui.tasks import Lane, TaskRunner

if TYPE_CHECKING:
    from kortrijk_cockpit.services.folders import FolderService


class FoldersDialog(QDialog):
    def __init__(self, folders: FolderService, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._folders = folders
        self._runner = runner
        self.setWindowTitle(self.tr("Folders to synchronise"))
        self.resize(420, 420)
        intro = QLabel(self.tr("Inbox, Sent Items and the calendar are always synchronised. "
                               "Tick the other folders you want here too."))
        intro.setWordWrap(True)
        self.model = FolderChoiceModel(self)
        self.model.toggled.connect(self._toggle)
        self.view = QListView()
        self.view.setModel(self.model)
        self.empty = QLabel(self.tr("The folders appear after the first synchronisation."))
        self.empty.setObjectName("emptyText")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        self.model.set_choices(self._folders.mail_folders())
        self.empty.setVisible(self.model.rowCount() == 0)

    def _toggle(self, folder_id: int, synced: bool) -> None:
        # A write: on the store lane, never on the GUI thread (it may wait on a lock).
        label = self.tr("Saving the folders to synchronise")
        self._runner.run(
            label, lambda _ctx: self._folders.set_synced(folder_id, synced),
            owner=self, lane=Lane.STORE,
            on_success=lambda _result: self.model.set_synced(folder_id, synced),
            on_failure=lambda exc: self._failed(label, exc))

    def _failed(self, label: str, exc: BaseException) -> None:
        if not isinstance(exc, UserFacingError):
            self._runner.report(label, exc)
            return
        show_failure(self, self.windowTitle(), exc)
        self.reload()  # the ticks show what the store holds
