"""A list to pick one entry from by typing: the filter field keeps the focus,
Up/Down move through the list, Enter takes the selected entry. Esc first
clears a filter (only a search, nothing to lose), then closes."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

ITEM_ID = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class PickItem:
    id: int
    label: str
    detail: str = ""  # a date, a function: shown after the label


def matches(item: PickItem, text: str) -> bool:
    """Every typed word appears in the label or the detail, in any order and case."""
    haystack = f"{item.label} {item.detail}".casefold()
    return all(word in haystack for word in text.casefold().split())


class PickerDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModal(True)
        self.resize(480, 380)
        self.filter = QLineEdit()
        self.filter.setClearButtonEnabled(True)
        self.model = QStandardItemModel(self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setUniformItemSizes(True)
        self.list.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.list.activated.connect(self._take)
        self.empty = QLabel()
        self.empty.setObjectName("emptyText")
        self.empty.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.buttons)
        self.filter.textChanged.connect(self.refresh)
        self.filter.installEventFilter(self)
        self.list.installEventFilter(self)
        self.setTabOrder(self.filter, self.list)
        self.setTabOrder(self.list, self.buttons)

    def items(self, text: str) -> list[PickItem]:
        """The entries shown for the typed text, best first."""
        raise NotImplementedError

    def preselect(self, items: list[PickItem]) -> int:
        """The row selected when the list is shown."""
        return 0

    def refresh(self) -> None:
        items = self.items(self.filter.text().strip())
        self.model.clear()
        for item in items:
            row = QStandardItem(f"{item.label}  ·  {item.detail}" if item.detail else item.label)
            row.setData(item.id, ITEM_ID)
            row.setEditable(False)
            self.model.appendRow(row)
        if items:
            self.list.setCurrentIndex(self.model.index(self.preselect(items), 0))
        self.empty.setVisible(not items)
        self.ok_button.setEnabled(bool(items))

    def chosen_id(self) -> int | None:
        index = self.list.currentIndex()
        return index.data(ITEM_ID) if index.isValid() else None

    def accept(self) -> None:
        if self.chosen_id() is not None:
            super().accept()

    def reject(self) -> None:
        if self.filter.text():
            self.filter.clear()
            self.filter.setFocus()
            return
        super().reject()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.filter and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1,
                        Qt.Key.Key_PageDown: 10, Qt.Key.Key_PageUp: -10}[Qt.Key(key)]
                row = min(max(self.list.currentIndex().row() + step, 0), self.model.rowCount() - 1)
                if row >= 0:
                    self.list.setCurrentIndex(self.model.index(row, 0))
                return True
        return super().eventFilter(watched, event)

    def _take(self, index: QModelIndex) -> None:
        self.list.setCurrentIndex(index)
        self.accept()
