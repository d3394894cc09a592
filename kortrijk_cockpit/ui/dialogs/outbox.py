"""Uitgaand: what has not reached Exchange yet, with retry and discard."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kortrijk_cockpit.errors import ConcurrentEditError, UserFacingError
from kortrijk_cockpit.ui.dialogs.messages import show_failure
from kortrijk_cockpit.ui.models.outbox import OutboxModel
from kortrijk_cockpit.ui.tasks import Lane, TaskRunner

if TYPE_CHECKING:
    from kortrijk_cockpit.services.outbox import OutboxItem, OutboxService


class OutboxDialog(QDialog):
    changed = Signal()  # retry or discard: time for a sync round

    def __init__(self, outbox: OutboxService, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._outbox = outbox
        self._runner = runner
        self.setWindowTitle(self.tr("Outgoing"))
        self.resize(900, 420)
        self.model = OutboxModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.empty = QLabel(self.tr("Everything has reached Exchange."))
        self.empty.setObjectName("emptyText")
        self.retry_button = QPushButton(self.tr("&Retry"))
        self.retry_button.setShortcut(QKeySequence("Ctrl+R"))
        self.retry_button.setToolTip(self.tr("Try again now; for a conflict: keep my change (Ctrl+R)"))
        self.discard_button = QPushButton(self.tr("&Discard"))
        self.discard_button.setShortcut(QKeySequence.StandardKey.Delete)
        self.discard_button.setToolTip(self.tr("Drop my change; Outlook's version stays (Del)"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.retry_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.discard_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.retry_button.clicked.connect(self.retry_selected)
        self.discard_button.clicked.connect(self.discard_selected)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1, Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(buttons)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.reload()

    def reload(self) -> None:
        self.model.set_items(self._outbox.open_entries())
        has_rows = self.model.rowCount() > 0
        self.table.setVisible(has_rows)
        self.empty.setVisible(not has_rows)
        if has_rows:
            self.table.selectRow(0)
        self._update_buttons()

    def _selected(self) -> OutboxItem | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.item(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        chosen = self._selected() is not None
        self.retry_button.setEnabled(chosen)
        self.discard_button.setEnabled(chosen)

    def retry_selected(self) -> None:
        item = self._selected()
        if item is not None:
            self._act(self.tr("Retrying a change"), lambda: self._outbox.retry(item.entry_id))

    def discard_selected(self, *, confirm: bool = True) -> None:
        item = self._selected()
        if item is None:
            return
        if confirm and QMessageBox.question(
            self, self.tr("Discard change"),
            self.tr("Discard this change? The mail keeps what Exchange has now."),
        ) != QMessageBox.StandardButton.Yes:
            return
        self._act(self.tr("Discarding a change"), lambda: self._outbox.discard(item.entry_id))

    def _act(self, label: str, action: Callable[[], None]) -> None:
        # A write: on the store lane, never on the GUI thread (it may wait on a lock).
        self._runner.run(label, lambda _ctx: action(), owner=self, lane=Lane.STORE,
                         on_success=lambda _result: self._acted(),
                         on_failure=lambda exc: self._act_failed(label, exc))

    def _acted(self) -> None:
        self.reload()
        self.changed.emit()

    def _act_failed(self, label: str, exc: BaseException) -> None:
        if not isinstance(exc, UserFacingError):
            self._runner.report(label, exc)
            return
        if isinstance(exc, ConcurrentEditError):
            show_failure(self, self.windowTitle(), exc, reload=self.reload)  # she chooses
            return
        show_failure(self, self.windowTitle(), exc)
        self._acted()
