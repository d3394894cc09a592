"""Agenderen op…: send an open action point to the next meeting of a series, or to one
specific coming meeting. Typing filters the list; Enter takes the highlighted choice."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from kortrijk_cockpit.ui.plain_text import plain_label

if TYPE_CHECKING:
    from kortrijk_cockpit.services.followup_points import RouteTarget

TargetRole = Qt.ItemDataRole.UserRole + 1


class RoutePointDialog(QDialog):
    def __init__(self, title: str, targets: Sequence[RouteTarget],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Put on the agenda of"))
        self.resize(420, 420)
        intro = plain_label(QLabel(self.tr("Where should \u201c{title}\u201d come back?")
                                   .format(title=title)))
        intro.setWordWrap(True)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Type to filter, e.g. DC"))
        self.search.setClearButtonEnabled(True)
        self.model = QStandardItemModel(self)
        for target in targets:
            item = QStandardItem(target.label)
            item.setData(target, TargetRole)
            item.setEditable(False)
            self.model.appendRow(item)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.list = QListView()
        self.list.setModel(self.proxy)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.doubleClicked.connect(self.accept)
        self.empty = QLabel(self.tr("No series or coming meeting matches."))
        self.empty.setObjectName("emptyText")
        self.empty.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.search.textChanged.connect(self._filter)
        self.search.installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.buttons)
        self._select_first()
        self.search.setFocus()

    def chosen(self) -> RouteTarget | None:
        index = self.list.currentIndex()
        return index.data(TargetRole) if index.isValid() else None

    def accept(self) -> None:
        if self.chosen() is not None:
            super().accept()

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self._select_first()

    def _select_first(self) -> None:
        has_rows = self.proxy.rowCount() > 0
        self.empty.setVisible(not has_rows)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(has_rows)
        if has_rows:
            self.list.setCurrentIndex(self.proxy.index(0, 0))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        # Up and Down move through the list while the filter keeps the focus.
        if watched is self.search and event.type() == QEvent.Type.KeyPress \
                and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            row = self.list.currentIndex().row() + (1 if event.key() == Qt.Key.Key_Down else -1)
            if 0 <= row < self.proxy.rowCount():
                self.list.setCurrentIndex(self.proxy.index(row, 0))
            return True
        return False
