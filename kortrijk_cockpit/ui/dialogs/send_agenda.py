"""Send a meeting's agenda: who gets it and what is attached, then Send (through the
outbox), or save the Word or PDF agenda, or make the agendabundel.

The agenda is read and rendered (DOCX and PDF) on the task runner once; Send queues
those very files on the store lane, so what she previewed is what leaves. Entry points
for the Overleg area: `open_send_agenda` (send_agenda_requested) and `save_bundle`
(bundle_requested).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, Signal
from PySide6.QtGui import QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kortrijk_cockpit.ui.tasks import Lane

if TYPE_CHECKING:
    from kortrijk_cockpit.config import Settings
    from kortrijk_cockpit.documents.bundle import Bundle
    from kortrijk_cockpit.services.agenda_document import (
        AgendaDocument,
        AgendaDocumentService,
        Recipient,
    )
    from kortrijk_cockpit.services.agenda_sending import AgendaFiles, AgendaSendingService
    from kortrijk_cockpit.ui.tasks import TaskRunner


@dataclass(frozen=True)
class Prepared:
    agenda: AgendaDocument
    recipients: tuple[Recipient, ...]
    files: AgendaFiles


@dataclass(frozen=True)
class SavedBundle:
    path: Path
    bookmarks: tuple[str, ...]
    skipped: tuple[str, ...]


def _tr(text: str) -> str:
    """The dialog's translation context, for the functions outside it."""
    return QCoreApplication.translate("SendAgendaDialog", text)


def _documents_folder() -> Path:
    return Path(QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation))


def write_bundle(documents: AgendaDocumentService, meeting_id: int, path: Path) -> SavedBundle:
    """Read the agenda, render its PDF and write the bundle (any thread but the GUI's)."""
    from kortrijk_cockpit.documents.agenda_pdf import to_pdf
    from kortrijk_cockpit.documents.bundle import make_bundle
    from kortrijk_cockpit.services.agenda_document import bundle_items

    agenda = documents.document(meeting_id)
    bundle: Bundle = make_bundle(to_pdf(agenda), bundle_items(agenda), title=agenda.title)
    path.write_bytes(bundle.content)
    return SavedBundle(path, bundle.bookmarks, bundle.skipped)


def save_bundle(parent: QWidget, runner: TaskRunner, documents: AgendaDocumentService,
                meeting_id: int, *, path: Path | None = None,
                on_saved: Any = None, on_failure: Any = None) -> int | None:
    """Ask where (unless `path` is given) and write the agendabundel on the runner.
    `on_saved(SavedBundle)`, `on_failure(label, exc)`; None when she cancelled."""
    label = _tr("Making the agenda bundle")
    if path is None:
        chosen, _filter = QFileDialog.getSaveFileName(
            parent, _tr("Save the agenda bundle"),
            str(_documents_folder() / "Agendabundel.pdf"), _tr("PDF files (*.pdf)"))
        if not chosen:
            return None
        path = Path(chosen)
    target = path
    return runner.run(label, lambda _ctx: write_bundle(documents, meeting_id, target),
                      owner=parent, on_success=on_saved,
                      on_failure=(lambda exc: on_failure(label, exc)) if on_failure
                      else (lambda exc: runner.report(label, exc)))


class SendAgendaDialog(QDialog):
    """Recipients and attachments of the agenda mail; Ctrl+Enter sends it."""

    loaded = Signal()
    sent = Signal(object)  # Changes: the outbox entry and the meeting (agenda verstuurd)
    saved = Signal(object)  # Path
    bundled = Signal(object)  # SavedBundle
    failed = Signal(str, object)  # label, exception

    def __init__(self, documents: AgendaDocumentService, sending: AgendaSendingService,
                 runner: TaskRunner, meeting_id: int, *, template: Path | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.documents, self.sending, self.runner = documents, sending, runner
        self.meeting_id, self.template = meeting_id, template
        self.prepared: Prepared | None = None
        self.setWindowTitle(self.tr("Send agenda"))
        self.headline = QLabel(self.tr("Reading the agenda…"))
        self.headline.setTextFormat(Qt.TextFormat.PlainText)  # titles are what people typed
        font = self.headline.font()
        font.setBold(True)
        self.headline.setFont(font)
        self.recipient_model = QStandardItemModel(self)
        self.recipient_view = QListView()
        self.recipient_view.setModel(self.recipient_model)
        self.recipient_view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.attachment_model = QStandardItemModel(self)
        self.attachment_view = QListView()
        self.attachment_view.setModel(self.attachment_model)
        self.attachment_view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.attachment_view.setMaximumHeight(60)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.send_button = QPushButton(self.tr("Send"))
        self.send_button.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Return))
        self.send_button.setToolTip(self.tr("Send the agenda to everyone listed (Ctrl+Enter)"))
        self.save_docx_button = QPushButton(self.tr("Save Word…"))
        self.save_docx_button.setShortcut(QKeySequence.StandardKey.Save)
        self.save_docx_button.setToolTip(self.tr("Save the agenda as Word (Ctrl+S)"))
        self.save_pdf_button = QPushButton(self.tr("Save PDF…"))
        self.save_pdf_button.setShortcut(QKeySequence(
            Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_S))
        self.save_pdf_button.setToolTip(self.tr("Save the agenda as PDF (Ctrl+Shift+S)"))
        self.bundle_button = QPushButton(self.tr("Make bundle…"))
        self.bundle_button.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_B))
        self.bundle_button.setToolTip(self.tr(
            "One PDF with the agenda and every received document, for a tablet (Ctrl+B)"))
        for button in (self.send_button, self.save_docx_button, self.save_pdf_button,
                       self.bundle_button):
            button.setEnabled(False)
            button.setAutoDefault(False)
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.send_button.clicked.connect(lambda: self.send())
        self.save_docx_button.clicked.connect(lambda: self.save_file("docx"))
        self.save_pdf_button.clicked.connect(lambda: self.save_file("pdf"))
        self.bundle_button.clicked.connect(lambda: self.make_bundle())
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(QLabel(self.tr("To:")))
        layout.addWidget(self.recipient_view, 1)
        layout.addWidget(QLabel(self.tr("Attachments:")))
        layout.addWidget(self.attachment_view)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(560, 460)
        self._load()

    # -- reading and rendering ------------------------------------------------------
    def _load(self) -> None:
        documents, meeting_id, template = self.documents, self.meeting_id, self.template
        label = self.tr("Reading the agenda")

        def read(_ctx: Any) -> Prepared:
            from kortrijk_cockpit.documents import agenda_docx, agenda_pdf
            from kortrijk_cockpit.services.agenda_sending import AgendaFiles

            agenda = documents.document(meeting_id)
            return Prepared(agenda, documents.recipients(meeting_id),
                            AgendaFiles(agenda_docx.render(agenda, template),
                                        agenda_pdf.to_pdf(agenda)))

        def failed(exc: BaseException) -> None:
            self.headline.setText(self.tr("The agenda could not be made."))
            self.failed.emit(label, exc)

        self.runner.run(label, read, owner=self, on_success=self._show_prepared,
                        on_failure=failed)

    def _show_prepared(self, prepared: Prepared) -> None:
        from kortrijk_cockpit.services.agenda_sending import addresses, attachment_names

        self.prepared = prepared
        agenda = prepared.agenda
        self.setWindowTitle(self.tr("Send agenda – {name}").format(name=agenda.title))
        self.headline.setText(f"{agenda.title}\n{agenda.headline}")
        self.recipient_model.clear()
        for recipient in prepared.recipients:
            item = QStandardItem(recipient.text)
            if not recipient.address:
                item.setEnabled(False)  # shown, greyed: she sees who will miss it
            self.recipient_model.appendRow(item)
        self.attachment_model.clear()
        for name in attachment_names(agenda):
            self.attachment_model.appendRow(QStandardItem(name))
        missing = [r.name for r in prepared.recipients if not r.address]
        count = len(addresses(prepared.recipients))
        notes = [self.tr("%n recipient(s).", "", count)]
        if missing:
            notes.append(self.tr("No mail address for: {names}.").format(
                names=", ".join(missing)))
        if agenda.confidential_count:
            notes.append(self.tr("Confidential items are marked on the agenda."))
        self.status.setText("\n".join(notes))  # one line each: no wrapped label clipped
        self.send_button.setEnabled(count > 0)
        for button in (self.save_docx_button, self.save_pdf_button, self.bundle_button):
            button.setEnabled(True)
        self.loaded.emit()

    # -- actions --------------------------------------------------------------------
    def send(self) -> None:
        prepared = self.prepared
        if prepared is None or not self.send_button.isEnabled():
            return
        self.send_button.setEnabled(False)  # one mail, however often she presses
        sending = self.sending
        label = self.tr("Sending the agenda")

        def done(changes: object) -> None:
            self.sent.emit(changes)
            self.accept()

        def failed(exc: BaseException) -> None:
            self.send_button.setEnabled(True)
            self.failed.emit(label, exc)

        self.runner.run(label, lambda _ctx: sending.queue_agenda(
            prepared.agenda, prepared.recipients, prepared.files),
            owner=self, lane=Lane.STORE, on_success=done, on_failure=failed)

    def save_file(self, kind: str, path: Path | None = None) -> None:
        """Save the Word ("docx") or PDF ("pdf") agenda; a test passes `path`."""
        prepared = self.prepared
        if prepared is None:
            return
        content = prepared.files.docx if kind == "docx" else prepared.files.pdf
        if path is None:
            name = f"{prepared.agenda.file_stem}.{kind}"
            file_filter = (self.tr("Word documents (*.docx)") if kind == "docx"
                           else self.tr("PDF files (*.pdf)"))
            chosen, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Save the agenda"), str(_documents_folder() / name), file_filter)
            if not chosen:
                return
            path = Path(chosen)
        target = path
        label = self.tr("Saving the agenda")

        def write(_ctx: Any) -> Path:
            target.write_bytes(content)
            return target

        self.runner.run(label, write, owner=self, on_success=self.saved.emit,
                        on_failure=lambda exc: self.failed.emit(label, exc))

    def make_bundle(self, path: Path | None = None) -> None:
        if self.prepared is None:
            return
        if path is None:
            name = self.prepared.agenda.file_stem.replace("Agenda", "Agendabundel", 1)
            chosen, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Save the agenda bundle"), str(_documents_folder() / f"{name}.pdf"),
                self.tr("PDF files (*.pdf)"))
            if not chosen:
                return
            path = Path(chosen)
        save_bundle(self, self.runner, self.documents, self.meeting_id, path=path,
                    on_saved=self._bundle_saved, on_failure=self.failed.emit)

    def _bundle_saved(self, result: SavedBundle) -> None:
        text = self.tr("Bundle saved with %n bookmark(s).", "", len(result.bookmarks))
        if result.skipped:
            text += "\n" + self.tr("Left out: {items}").format(
                items="\n".join(result.skipped))
        self.status.setText(text)
        self.bundled.emit(result)


def template_path(settings: Settings) -> Path | None:
    """The city's own Word template when the setting names one, else ours (None)."""
    text = settings.agenda_template_path.strip()
    return Path(text) if text else None


def open_send_agenda(parent: QWidget, runner: TaskRunner, documents: AgendaDocumentService,
                     sending: AgendaSendingService, meeting_id: int, *,
                     template: Path | None = None) -> SendAgendaDialog:
    """Open (not exec) the dialog for `meeting_id`. The caller connects `sent` to the
    change feed and `failed` to its error route."""
    dialog = SendAgendaDialog(documents, sending, runner, meeting_id, template=template,
                              parent=parent)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
