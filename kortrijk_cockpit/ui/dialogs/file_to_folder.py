"""File a mail (move it) to one of the synced folders, the last used on top."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from PySide6.QtWidgets import QWidget

from kortrijk_cockpit.ui.dialogs.picker import PickerDialog, PickItem, matches

if TYPE_CHECKING:
    from kortrijk_cockpit.services.folders import FolderChoice

RECENT_COUNT = 5


class FolderPickerDialog(PickerDialog):
    # The last folders filed to, newest first; kept for the session, shared by every picker.
    recent: ClassVar[list[int]] = []

    def __init__(self, folders: list[FolderChoice], parent: QWidget | None = None, *,
                 current_folder_id: int | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("File to folder"))
        self.intro.setText(self.tr("Type part of a folder name; Enter moves the mail there."))
        self.filter.setPlaceholderText(self.tr("Filter folders…"))
        self.empty.setText(self.tr("No synchronised folder matches."))
        usable = [f for f in folders if f.synced and f.folder_id != current_folder_id]
        rank = {folder_id: n for n, folder_id in enumerate(self.recent)}
        usable.sort(key=lambda f: rank.get(f.folder_id, RECENT_COUNT))  # stable: else as given
        recent_text = self.tr("recently used")
        self._items = [PickItem(f.folder_id, f.name, recent_text if f.folder_id in rank else "")
                       for f in usable]
        self.ok_button.setText(self.tr("Move"))
        self.refresh()

    def items(self, text: str) -> list[PickItem]:
        # The name only: "recently used" is a note, not part of the folder's name.
        return [item for item in self._items if matches(PickItem(item.id, item.label), text)]

    def folder_id(self) -> int:
        folder_id = self.chosen_id()
        assert folder_id is not None, "folder_id() before a folder was chosen"
        return folder_id

    def accept(self) -> None:
        folder_id = self.chosen_id()
        if folder_id is None:
            return
        FolderPickerDialog.recent = [folder_id, *(f for f in self.recent if f != folder_id)][
            :RECENT_COUNT]
        super().accept()
