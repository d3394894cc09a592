"""Publish a fiche: before anything is made she sees which PDF goes onto which of the
director's appointments (and that it replaces an earlier version there), and may have
it mailed to him as well. Ctrl+Enter publishes; the dialog shows the progress and then
the result (the version made, that the outbox takes it to Exchange).

Entry point for the lead's wiring: `publish_brief` (part 3's `publish_requested(int)`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.ui.tasks import Lane

if TYPE_CHECKING:
    from kortrijk_cockpit.services.brief_publish import BriefPublisher, Published, PublishPlan
    from kortrijk_cockpit.ui.change_feed import ChangeFeed
    from kortrijk_cockpit.ui.tasks import TaskRunner


def _label(bold: bool = False) -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if bold:
        font = label.font()
        font.setBold(True)
        label.setFont(font)
    return label


class PublishBriefDialog(QDialog):
    loaded = Signal()
    published = Signal(object)  # Published
    failed = Signal(str, object)  # label, exception

    def __init__(self, publisher: BriefPublisher, runner: TaskRunner, brief_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.publisher, self.runner, self.brief_id = publisher, runner, brief_id
        self.plan: PublishPlan | None = None
        self.result: Published | None = None
        self.setWindowTitle(self.tr("Publish fiche"))
        self.headline = _label(bold=True)
        self.headline.setText(self.tr("Reading the fiche…"))
        self.what = _label()
        self.state = _label()
        self.mail_box = QCheckBox(self.tr("Also mail it to the director"))
        self.mail_box.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: making Word and PDF takes a moment
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.status = _label()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.publish_button = QPushButton(self.tr("Publish"))
        self.publish_button.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Return))
        self.publish_button.setToolTip(
            self.tr("Make Word and PDF and attach the PDF to the appointment (Ctrl+Enter)"))
        self.publish_button.setEnabled(False)
        self.publish_button.setAutoDefault(False)
        self.buttons.addButton(self.publish_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.publish_button.clicked.connect(lambda: self.publish())
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        for widget in (self.headline, self.what, self.state, self.mail_box, self.progress,
                       self.status):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.resize(520, 260)
        self._load()

    def _load(self) -> None:
        publisher, brief_id = self.publisher, self.brief_id
        label = self.tr("Reading the fiche")

        def failed(exc: BaseException) -> None:
            self.headline.setText(self.tr("This fiche cannot be published."))
            self._failed(label, exc)

        self.runner.run(label, lambda _ctx: publisher.plan(brief_id), owner=self,
                        on_success=self._show, on_failure=failed)

    def _show(self, plan: PublishPlan) -> None:
        self.plan = plan
        self.setWindowTitle(self.tr("Publish fiche – {title}").format(title=plan.title))
        self.headline.setText(plan.title)
        when = plan.event_start.strftime("%d/%m/%Y %H:%M")
        lines = [self.tr("The PDF \"{name}\" is attached to the director's appointment "
                         "\"{subject}\" of {when}.").format(
            name=plan.attachment_name, subject=plan.event_subject, when=when)]
        if plan.replaces:
            lines.append(self.tr("It replaces the earlier version on that appointment."))
        self.what.setText("\n".join(lines))
        self.state.setText(self.tr("State of the fiche: {state}").format(
            state=plan.status_text))
        self.mail_box.setEnabled(bool(plan.director))
        if not plan.director:
            self.mail_box.setToolTip(self.tr("The director's mail address is not set."))
        self.publish_button.setEnabled(True)
        self.loaded.emit()

    def publish(self) -> None:
        if self.plan is None or not self.publish_button.isEnabled():
            return
        self.publish_button.setEnabled(False)  # one version, however often she presses
        self.mail_box.setEnabled(False)
        self.progress.show()
        self.status.setText(self.tr("Making Word and PDF…"))
        publisher, brief_id, mail = self.publisher, self.brief_id, self.mail_box.isChecked()
        label = self.tr("Publishing the fiche")

        def failed(exc: BaseException) -> None:
            self.progress.hide()
            self.publish_button.setEnabled(True)
            self.mail_box.setEnabled(bool(self.plan and self.plan.director))
            self._failed(label, exc)

        self.runner.run(label, lambda _ctx: publisher.publish(brief_id, mail), owner=self,
                        lane=Lane.STORE, on_success=self._done, on_failure=failed)

    def _failed(self, label: str, exc: BaseException) -> None:
        """A Dutch refusal is shown here; anything else takes the error route as well."""
        if isinstance(exc, UserFacingError):
            self.status.setText(exc.user_message)
        else:
            self.status.setText(self.tr("Something went wrong; see the message."))
            self.failed.emit(label, exc)

    def _done(self, result: Published) -> None:
        self.result = result
        self.progress.hide()
        lines = [self.tr("Version {number} is made.").format(number=result.number),
                 self.tr("The PDF goes onto the appointment with the next synchronisation "
                         "(see Outbox).")]
        if result.mailed_to:
            lines.append(self.tr("A mail with the PDF goes to {address}.").format(
                address=result.mailed_to))
        self.status.setText("\n".join(lines))
        self.buttons.clear()
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.clicked.connect(self.accept)
        close.setFocus()
        self.published.emit(result)


def publish_brief(parent: QWidget, runner: TaskRunner, feed: ChangeFeed,
                  publisher: BriefPublisher, brief_id: int) -> PublishBriefDialog:
    """Open (not exec) the confirmation for `brief_id`. What it publishes goes to the change
    feed (the fiche and the outbox); failures take the runner's error route."""
    dialog = PublishBriefDialog(publisher, runner, brief_id, parent=parent)
    dialog.published.connect(lambda result: feed.publish(result.changes, dialog))
    dialog.failed.connect(runner.report)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
