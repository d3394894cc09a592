"""Send a verslag version: before anything leaves she sees who gets the full copy, who
gets the copy without the confidential items, which items are left out of it and who
has no mail address. Ctrl+Enter queues both mails through the outbox; a version sent
before is only sent again after she says so.

Entry point for the lead's wiring: `send_verslag` (the verslag window's
`send_requested(int version_id)`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListView,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kortrijk_cockpit.ui.tasks import Lane

if TYPE_CHECKING:
    from kortrijk_cockpit.services.agenda_document import Recipient
    from kortrijk_cockpit.services.verslag_sending import Recipients, VerslagSendingService
    from kortrijk_cockpit.ui.tasks import TaskRunner


def _list_view(model: QStandardItemModel) -> QListView:
    view = QListView()
    view.setModel(model)
    view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
    return view


class SendVerslagDialog(QDialog):
    """Who gets which copy of one verslag version; Ctrl+Enter sends."""

    loaded = Signal()
    sent = Signal(object)  # Changes: the two outbox entries and the meeting
    failed = Signal(str, object)  # label, exception

    def __init__(self, sending: VerslagSendingService, runner: TaskRunner, version_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sending, self.runner, self.version_id = sending, runner, version_id
        self.recipients: Recipients | None = None
        self.again_question: QMessageBox | None = None
        self.setWindowTitle(self.tr("Send verslag"))
        self.headline = QLabel(self.tr("Reading the recipients…"))
        self.headline.setTextFormat(Qt.TextFormat.PlainText)
        font = self.headline.font()
        font.setBold(True)
        self.headline.setFont(font)
        self.full_model = QStandardItemModel(self)
        self.wider_model = QStandardItemModel(self)
        self.left_out_model = QStandardItemModel(self)
        self.full_label = QLabel(self.tr("Full copy (members):"))
        self.wider_label = QLabel(
            self.tr("Copy without confidential items (distribution list, Bcc):"))
        self.left_out_label = QLabel(self.tr("Left out of that copy:"))
        self.left_out_view = _list_view(self.left_out_model)
        self.left_out_view.setMaximumHeight(70)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.send_button = QPushButton(self.tr("Send"))
        self.send_button.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Return))
        self.send_button.setToolTip(self.tr("Queue both mails in the outbox (Ctrl+Enter)"))
        self.send_button.setEnabled(False)
        self.send_button.setAutoDefault(False)
        buttons.addButton(self.send_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.send_button.clicked.connect(lambda: self.send())
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.full_label)
        layout.addWidget(_list_view(self.full_model), 1)
        layout.addWidget(self.wider_label)
        layout.addWidget(_list_view(self.wider_model), 1)
        layout.addWidget(self.left_out_label)
        layout.addWidget(self.left_out_view)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(560, 520)
        self._load()

    def _load(self) -> None:
        sending, version_id = self.sending, self.version_id
        label = self.tr("Reading the recipients")

        def failed(exc: BaseException) -> None:
            self.headline.setText(self.tr("The recipients could not be read."))
            self.failed.emit(label, exc)

        self.runner.run(label, lambda _ctx: sending.recipients(version_id), owner=self,
                        on_success=self._show, on_failure=failed)

    @staticmethod
    def _fill(model: QStandardItemModel, recipients: tuple[Recipient, ...]) -> None:
        model.clear()
        for recipient in recipients:
            model.appendRow(QStandardItem(recipient.text))

    def _show(self, who: Recipients) -> None:
        self.recipients = who
        title = self.tr("{title}, version {number}").format(title=who.title, number=who.number)
        self.setWindowTitle(self.tr("Send verslag – {title}").format(title=title))
        self.headline.setText(title)
        self._fill(self.full_model, who.full)
        self._fill(self.wider_model, who.wider)
        self.left_out_model.clear()
        for text in who.confidential_titles:
            self.left_out_model.appendRow(QStandardItem(text))
        if not who.confidential_titles:
            nothing = self.tr("(nothing: no confidential items)")
            self.left_out_model.appendRow(QStandardItem(nothing))
        notes = [self.tr("%n member(s) get the full copy.", "", len(who.full)),
                 self.tr("%n address(es) on the distribution list get the copy without "
                         "confidential items.", "", len(who.wider))]
        if who.without_address:
            notes.append(self.tr("No mail address for: {names}. They get nothing.").format(
                names=", ".join(who.without_address)))
        if who.sent_before:
            notes.append(self.tr("This version was sent %n time(s) already.", "",
                                 who.sent_before))
        self.status.setText("\n".join(notes))
        self.send_button.setEnabled(bool(who.full or who.wider))
        self.loaded.emit()

    def send(self) -> None:
        who = self.recipients
        if who is None or not self.send_button.isEnabled():
            return
        if who.sent_before:
            self._ask_again()
            return
        self._queue()

    def _ask_again(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Send again"),
                          self.tr("This version of the verslag was sent before. "
                                  "Send it again to everyone listed?"),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.No)  # a slip of Enter sends nothing
        yes = box.button(QMessageBox.StandardButton.Yes)

        def answered(_result: int) -> None:
            if box.clickedButton() is yes:
                self._queue()
            box.deleteLater()

        box.finished.connect(answered)
        self.again_question = box
        box.open()

    def _queue(self) -> None:
        self.send_button.setEnabled(False)  # two mails, however often she presses
        sending, version_id = self.sending, self.version_id
        label = self.tr("Sending the verslag")

        def done(result: Any) -> None:
            self.sent.emit(result.changes)
            self.accept()

        def failed(exc: BaseException) -> None:
            self.send_button.setEnabled(True)
            self.failed.emit(label, exc)

        self.runner.run(label, lambda _ctx: sending.send(version_id), owner=self,
                        lane=Lane.STORE, on_success=done, on_failure=failed)


def send_verslag(parent: QWidget, runner: TaskRunner, sending: VerslagSendingService,
                 version_id: int) -> SendVerslagDialog:
    """Open (not exec) the confirmation for `version_id`. The caller connects `sent` to the
    change feed (and a sync) and `failed` to its error route."""
    dialog = SendVerslagDialog(sending, runner, version_id, parent=parent)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
