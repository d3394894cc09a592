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
    from kortrijk_cockpit.changes import Changes
    from kortrijk_cockpit.services.outbox import OutboxItem, OutboxService
    from kortrijk_cockpit.ui.change_feed import ChangeFeed


class OutboxDialog(QDialog):
    changed = Signal()  # retry or discard: time for a sync round

    def __init__(self, outbox: OutboxService, runner: TaskRunner,
                 feed: ChangeFeed | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._outbox = outbox
        self._runner = runner
        self._feed = feed
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
        self.model.rowsInserted.connect(self._update_visibility)
        self.model.rowsRemoved.connect(self._update_visibility)
        if feed is not None:
            feed.changed.connect(self._on_changed)
        self.reload()

    def _on_changed(self, changes: Changes, _initiator: object) -> None:
        """Pushed, failed or discarded entries: just those rows, the selection stays."""
        touched = changes.outbox.all
        if not touched:
            return
        fresh = {item.entry_id: item for item in self._outbox.entries(touched)}
        self.model.apply({entry_id: fresh.get(entry_id) for entry_id in touched})
        self._update_buttons()

    def _update_visibility(self) -> None:
        has_rows = self.model.rowCount() > 0
        self.table.setVisible(has_rows)
        self.empty.setVisible(not has_rows)

    def reload(self) -> None:
        self.model.set_items(self._outbox.open_entries())
        self._update_visibility()
        if self.model.rowCount() > 0:
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

    def _act(self, label: str, action: Callable[[], Changes]) -> None:
        # A write: on the store lane, never on the GUI thread (it may wait on a lock).
        feed = self._feed
        # Announced even if she closes Uitgaand before the write lands (Vandaag counts it).
        announce = (lambda changes: feed.publish(changes)) if feed is not None else None
        self._runner.run(label, lambda _ctx: action(), owner=self, lane=Lane.STORE,
                         on_landed=announce, on_success=self._acted,
                         on_failure=lambda exc: self._act_failed(label, exc))

    def _acted(self, _changes: Changes | None = None) -> None:
        if self._feed is None:
            self.reload()  # without a feed nothing else updates the rows
        if self.model.rowCount() and not self._selected():
            self.table.selectRow(0)
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
