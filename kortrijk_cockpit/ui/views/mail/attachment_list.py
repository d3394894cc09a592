"""The mail's attachments in one row: name, size and a type icon; open or save."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QAction, QIcon, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QListView, QMenu, QStyle, QWidget

from kortrijk_cockpit.ui.plain_text import plain_tooltip
from kortrijk_cockpit.ui.views.mail.mail_format import format_size

if TYPE_CHECKING:
    from kortrijk_cockpit.services.mail_list import AttachmentInfo

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class AttachmentList(QListView):
    open_requested = Signal(int)
    save_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attachmentList")
        self.model_ = QStandardItemModel(self)
        self.setModel(self.model_)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setUniformItemSizes(False)
        self.setSpacing(4)
        self.setIconSize(QSize(20, 20))
        self.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        self.activated.connect(self._activated)  # double-click, or Enter
        self.setMaximumHeight(64)

    def show_attachments(self, attachments: tuple[AttachmentInfo, ...]) -> None:
        self.model_.clear()
        for info in attachments:
            item = QStandardItem(self._icon(info), f"{info.name} ({format_size(info.size)})")
            item.setData(info.id, ID_ROLE)
            item.setToolTip(plain_tooltip(info.name))
            item.setEditable(False)
            self.model_.appendRow(item)
        self.setVisible(bool(attachments))

    def attachment_ids(self) -> list[int]:
        return [self.model_.item(row).data(ID_ROLE) for row in range(self.model_.rowCount())]

    def menu_for(self, row: int) -> QMenu:
        """The context menu of one attachment (also what a right-click shows)."""
        attachment_id = int(self.model_.item(row).data(ID_ROLE))
        menu = QMenu(self)
        open_action = QAction(self.tr("Open"), menu)
        open_action.triggered.connect(lambda: self.open_requested.emit(attachment_id))
        save_action = QAction(self.tr("Save as…"), menu)
        save_action.triggered.connect(lambda: self.save_requested.emit(attachment_id))
        menu.addAction(open_action)
        menu.addAction(save_action)
        return menu

    def _menu(self, position: QPoint) -> None:
        index = self.indexAt(position)
        if index.isValid():
            menu = self.menu_for(index.row())
            menu.exec(self.viewport().mapToGlobal(position))
            menu.deleteLater()

    def _activated(self, index: QModelIndex) -> None:
        self.open_requested.emit(int(index.data(ID_ROLE)))

    def _icon(self, info: AttachmentInfo) -> QIcon:
        from PySide6.QtCore import QMimeDatabase

        mime = QMimeDatabase().mimeTypeForFile(info.name, QMimeDatabase.MatchMode.MatchExtension)
        if mime.isDefault():
            mime = QMimeDatabase().mimeTypeForName(info.content_type)
        fallback = self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        if not mime.isValid():
            return fallback
        return QIcon.fromTheme(mime.iconName(), QIcon.fromTheme(mime.genericIconName(), fallback))
