"""The verslag's send log: who got which version, which copy, when it was queued and what
the outbox says now. It follows the change feed, so "in de outbox" turns "verstuurd"
when the pusher is done, without a timer.

Entry point for the lead's wiring: `show_send_log` (the verslag window's
`log_requested(int meeting_id)`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kortrijk_cockpit.changes import Kind
from kortrijk_cockpit.clock import BRUSSELS
from kortrijk_cockpit.domain import DeliveryCopy
from kortrijk_cockpit.services.verslag_sending import DeliveryLine, DeliveryState
from kortrijk_cockpit.ui.change_feed import StaleWatch
from kortrijk_cockpit.ui.models.headed_table import HeadedTableModel, Index

if TYPE_CHECKING:
    from kortrijk_cockpit.services.verslag_sending import VerslagSendingService
    from kortrijk_cockpit.ui.change_feed import ChangeFeed
    from kortrijk_cockpit.ui.tasks import TaskRunner

LINE_ROLE = Qt.ItemDataRole.UserRole + 1


class SendLogModel(HeadedTableModel):
    """One row per recipient per send, newest first (as the service orders them)."""

    VERSION, RECIPIENT, COPY, QUEUED, STATE = range(5)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lines: list[DeliveryLine] = []

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Version"), self.tr("Recipient"), self.tr("Copy"),
                self.tr("Queued"), self.tr("State"))

    def set_lines(self, lines: list[DeliveryLine]) -> None:
        if [(x.delivery_id, x.number) for x in lines] \
                == [(x.delivery_id, x.number) for x in self._lines]:
            self._lines = lines  # same rows, newer states: repaint the state column only
            if lines:
                self.dataChanged.emit(self.index(0, self.STATE),
                                      self.index(len(lines) - 1, self.STATE))
            return
        self.beginResetModel()
        self._lines = lines
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._lines)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line = self._lines[index.row()]
        if role == LINE_ROLE:
            return line
        if role == Qt.ItemDataRole.ForegroundRole and line.state in (
                DeliveryState.FAILED, DeliveryState.GONE):
            return QBrush(QApplication.palette().color(QPalette.ColorRole.PlaceholderText)) \
                if line.state == DeliveryState.GONE else QBrush(Qt.GlobalColor.red)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == self.VERSION:
            return self.tr("v{number}").format(number=line.number)
        if column == self.RECIPIENT:
            return f"{line.name} <{line.recipient}>" if line.name else line.recipient
        if column == self.COPY:
            return self.tr("full") if line.copy == DeliveryCopy.FULL \
                else self.tr("without confidential items")
        if column == self.QUEUED:
            return line.queued_at.astimezone(BRUSSELS).strftime("%d/%m/%Y %H:%M")
        if column == self.STATE:
            return line.state_text  # Dutch from the service, like every Qt-free message
        return None


class SendLogDialog(QDialog):
    loaded = Signal()
    failed = Signal(str, object)  # label, exception

    def __init__(self, sending: VerslagSendingService, runner: TaskRunner, feed: ChangeFeed,
                 meeting_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sending, self.runner, self.meeting_id = sending, runner, meeting_id
        self._reading = False
        self._again = False
        self.setWindowTitle(self.tr("Verslag send log"))
        self.model = SendLogModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(
            SendLogModel.RECIPIENT, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel(self.tr("This verslag has not been sent yet."))
        self.empty.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        self.resize(720, 380)
        self.watch = StaleWatch(self, feed, (Kind.OUTBOX, Kind.MEETING), self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Read the log on the runner; a refresh asked for meanwhile runs after it."""
        self.watch.mark_fresh()
        if self._reading:
            self._again = True
            return
        self._reading = True
        sending, meeting_id = self.sending, self.meeting_id
        label = self.tr("Reading the send log")

        def finish() -> None:
            self._reading = False
            if self._again:
                self._again = False
                self.refresh()

        def shown(lines: list[DeliveryLine]) -> None:
            self.model.set_lines(lines)
            self.empty.setVisible(not lines)
            self.view.setVisible(bool(lines))
            finish()
            self.loaded.emit()

        def failed(exc: BaseException) -> None:
            finish()
            self.failed.emit(label, exc)

        self.runner.run(label, lambda _ctx: sending.log(meeting_id), owner=self,
                        on_success=shown, on_failure=failed)


def show_send_log(parent: QWidget, runner: TaskRunner, feed: ChangeFeed,
                  sending: VerslagSendingService, meeting_id: int) -> SendLogDialog:
    """Show (not exec: she keeps working while it follows the outbox) the send log of
    `meeting_id`. The caller connects `failed` to its error route."""
    dialog = SendLogDialog(sending, runner, feed, meeting_id, parent=parent)
    dialog.finished.connect(dialog.deleteLater)
    dialog.show()
    return dialog
