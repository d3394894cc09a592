"""The Mail area's left-hand tree: the triage views, one entry per outcome or
category, then the synced folders with their unread counts.

Each entry carries a key ("todo", "waiting", "follow_up", "category:<name>",
"folder:<id>"); `query_for` turns a key into the list's `MailQuery`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QStandardItem, QStandardItemModel

if TYPE_CHECKING:
    from kortrijk_cockpit.services.folders import FolderChoice
    from kortrijk_cockpit.services.mail_list import MailQuery, ViewCounts

KeyRole = Qt.ItemDataRole.UserRole + 1
TODO, WAITING, FOLLOW_UP = "todo", "waiting", "follow_up"



def query_for(key: str, base: MailQuery) -> MailQuery:
    """The list's query for a tree entry, keeping sort and grouping."""
    from kortrijk_cockpit.services.mail_list import MailView

    if key.startswith("category:"):
        return replace(base, view=MailView.CATEGORY, category=key.partition(":")[2],
                       folder_id=None, text="")
    if key.startswith("folder:"):
        return replace(base, view=MailView.FOLDER, folder_id=int(key.partition(":")[2]),
                       category=None, text="")
    view = {TODO: MailView.TODO, WAITING: MailView.WAITING,
            FOLLOW_UP: MailView.FOLLOW_UP}.get(key, MailView.TODO)
    return replace(base, view=view, folder_id=None, category=None, text="")


class MailViewTree(QStandardItemModel):
    """Rebuilt when its entries change (a new outcome, a folder synced), and
    otherwise only relabelled with fresh counts, so the chosen entry stays."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._labels: dict[str, str] = {}
        self._entries: list[tuple[str, ...]] = []

    def set_entries(self, categories: Sequence[str], folders: Sequence[FolderChoice],
                    counts: ViewCounts) -> None:
        from kortrijk_cockpit.domain import FolderKind

        shown = [f for f in folders if f.synced or f.kind == FolderKind.IMPORTED]
        # Imported mail comes last, under its own name: it is not a mailbox folder.
        shown.sort(key=lambda f: f.kind == FolderKind.IMPORTED)
        from kortrijk_cockpit.services.outcomes import WAITING_OUTCOME

        # "Wacht op antwoord" is a view of its own (with replies and dates), not a category.
        categories = [c for c in categories if c != WAITING_OUTCOME]
        extra = sorted(set(counts.per_category) - set(categories) - {WAITING_OUTCOME})
        entries = [(TODO, QCoreApplication.translate("MailViewTree", "To handle")),
                   (WAITING, QCoreApplication.translate("MailViewTree", "Waiting for reply")),
                   (FOLLOW_UP, QCoreApplication.translate("MailViewTree", "Follow up"))]
        entries += [(f"category:{name}", name) for name in [*categories, *extra]]
        folder_entries = [(f"folder:{f.folder_id}",
                           QCoreApplication.translate("MailViewTree", "Imported")
                           if f.kind == FolderKind.IMPORTED else f.name)
                          for f in shown]
        structure = [tuple(e[0] for e in entries), tuple(e[0] for e in folder_entries)]
        self._labels = dict(entries + folder_entries)
        if structure != self._entries:
            self._entries = structure
            self.clear()
            views = QStandardItem(QCoreApplication.translate("MailViewTree", "Views"))
            views.setSelectable(False)
            views.setFont(_bold())
            folder_root = QStandardItem(QCoreApplication.translate("MailViewTree", "Folders"))
            folder_root.setSelectable(False)
            folder_root.setFont(_bold())
            for key, _ in entries:
                views.appendRow(_item(key))
            for key, _ in folder_entries:
                folder_root.appendRow(_item(key))
            self.appendRow(views)
            if folder_entries:
                self.appendRow(folder_root)
        self.set_counts(counts)

    def set_counts(self, counts: ViewCounts) -> None:
        for item in self._items():
            key = item.data(KeyRole)
            label = self._labels.get(key, key)
            number = 0
            alert = False
            if key == TODO:
                number = counts.todo
            elif key == WAITING:
                number, alert = counts.waiting, counts.no_reply > 0
            elif key == FOLLOW_UP:
                number = counts.follow_up
            elif key.startswith("category:"):
                number = counts.per_category.get(key.partition(":")[2], 0)
            elif key.startswith("folder:"):
                number = counts.unread_per_folder.get(int(key.partition(":")[2]), 0)
            text = f"{label} ({number})" if number else label
            if alert:
                text += " !"
                item.setToolTip(QCoreApplication.translate(
                    "MailViewTree", "Some mails are past their date without a reply"))
            item.setText(text)
            item.setForeground(QBrush(QColor("#b91c1c")) if alert else QBrush())
            item.setFont(_bold() if number and key.startswith("folder:") else QFont())

    def index_of(self, key: str) -> QModelIndex:
        for item in self._items():
            if item.data(KeyRole) == key:
                return item.index()
        return QModelIndex()

    def keys(self) -> list[str]:
        return [item.data(KeyRole) for item in self._items()]

    def _items(self) -> list[QStandardItem]:
        found = []
        for top in range(self.rowCount()):
            parent = self.item(top)
            found += [parent.child(r) for r in range(parent.rowCount())]
        return found


def _item(key: str) -> QStandardItem:
    item = QStandardItem(key)
    item.setData(key, KeyRole)
    item.setEditable(False)
    return item


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font
