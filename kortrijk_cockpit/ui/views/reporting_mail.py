"""The Rapportering area's hooks for request and reminder mails and for putting the MAT/DC
milestones on the agenda: reads and writes on the task runner, a preview (who gets what)
before anything is queued, the changes published on the feed."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from kortrijk_cockpit.services.reporting_agenda import Placement, ReportingAgendaService
from kortrijk_cockpit.services.reporting_requests import (
    MailKind,
    MailPreview,
    ReportingRequestService,
    Sent,
)
from kortrijk_cockpit.ui.change_feed import ChangeFeed
from kortrijk_cockpit.ui.tasks import Lane, TaskRunner


class MailPreviewDialog(QDialog):
    """Who gets what; Send queues exactly these parts (those that still qualify)."""

    def __init__(self, preview: MailPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview = preview
        self.setWindowTitle(self.tr("Request mails") if preview.kind is MailKind.REQUEST
                            else self.tr("Reminder mails"))
        self.model = QStandardItemModel(self)
        self.model.setHorizontalHeaderLabels([self.tr("Owner and parts")])
        for mail in preview.mails:
            owner = QStandardItem(f"{mail.owner_name} <{mail.email}>")
            owner.appendRows([QStandardItem(p.line) for p in mail.parts])
            self.model.appendRow(owner)
        for missing in preview.without_address:
            owner = QStandardItem(self.tr("{name} (no address: not mailed)").format(
                name=missing.owner_name))
            owner.appendRows([QStandardItem(p.line) for p in missing.parts])
            self.model.appendRow(owner)
        self.view = QTreeView()
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.expandAll()
        count = len(preview.mails)
        self.summary = QLabel(
            self.tr("%n mail(s) will be queued in the outbox.", "", count) if count
            else self.tr("Nothing to send: every open part was asked or reminded already."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.send_button = buttons.addButton(self.tr("&Send"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        self.send_button.setEnabled(count > 0)
        self.send_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.view)
        layout.addWidget(buttons)
        self.resize(640, 420)


class ReportingMailActions(QObject):
    """Call `mail(kind)` and `place_milestones()` from the area; `message` carries the
    status bar's text, `failed` the task's label and error (the window shows it)."""

    message = Signal(str)
    failed = Signal(str, object)

    def __init__(self, runner: TaskRunner, feed: ChangeFeed, requests: ReportingRequestService,
                 agenda: ReportingAgendaService, parent: QWidget) -> None:
        super().__init__(parent)
        self._runner, self._feed = runner, feed
        self._requests, self._agenda = requests, agenda
        self._parent = parent
        self.dialog: MailPreviewDialog | None = None

    def mail(self, kind: MailKind, cycle_ids: Sequence[int] | None = None) -> None:
        """The preview first (off the GUI thread), then on Send the mails."""
        label = self.tr("Preparing the mails")
        requests = self._requests
        self._runner.run(label, lambda _ctx: requests.preview(kind, cycle_ids), owner=self,
                         on_success=self._show,
                         on_failure=lambda exc: self.failed.emit(label, exc))

    def _show(self, preview: MailPreview) -> None:
        dialog = MailPreviewDialog(preview, self._parent)
        dialog.accepted.connect(lambda: self._send(preview))
        self.dialog = dialog
        dialog.open()

    def _send(self, preview: MailPreview) -> None:
        label = self.tr("Queueing the mails")
        requests, ids = self._requests, preview.deliverable_ids

        def landed(sent: Sent) -> None:
            self._feed.publish(sent.changes, self)
            text = self.tr("Mails queued: {count}.").format(count=len(sent.owners))
            if sent.without_address:
                text += " " + self.tr("No address for: {names}.").format(
                    names=", ".join(sent.without_address))
            self.message.emit(text)
        self._runner.run(label, lambda _ctx: requests.send(preview.kind, ids), owner=self,
                         lane=Lane.STORE, on_success=landed,
                         on_failure=lambda exc: self.failed.emit(label, exc))

    def place_milestones(self, cycle_ids: Sequence[int] | None = None) -> None:
        label = self.tr("Putting the milestones on the MAT/DC agenda")
        agenda = self._agenda

        def landed(placement: Placement) -> None:
            self._feed.publish(placement.changes, self)
            text = self.tr("Milestones put on an agenda: {count}.").format(
                count=len(placement.placed))
            if placement.unplaced:
                text += " " + " ".join(placement.unplaced)  # Dutch from the service
            self.message.emit(text)
        self._runner.run(label, lambda _ctx: agenda.place_milestones(cycle_ids), owner=self,
                         lane=Lane.STORE, on_success=landed,
                         on_failure=lambda exc: self.failed.emit(label, exc))
