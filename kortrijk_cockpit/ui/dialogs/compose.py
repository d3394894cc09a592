"""Reply, reply all or forward on behalf of the director.

The dialog edits a `Draft` (from `ComposeService.draft`): recipients, subject and
the body, which already holds the signature and the quoted original. A standard
text is inserted at the cursor with its placeholders filled. Ctrl+Enter sends
(queues it in the outbox); Esc asks before throwing away anything typed. Nothing
typed is lost: a send that fails leaves the dialog open with every word in it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.ui.dialogs.messages import show_failure
from kortrijk_cockpit.ui.tasks import Lane, TaskRunner

if TYPE_CHECKING:
    from kortrijk_cockpit.changes import Changes
    from kortrijk_cockpit.services.compose import ComposeService, Draft, Template


def _people(text: str) -> tuple[str, ...]:
    """Recipients typed as "Naam <adres>" or "adres", separated by ";" or ",". A comma
    inside quotes or <> separates nothing, and a part without an address before a comma
    is the start of a name with a comma in it ("Vandamme, Els <els@kortrijk.be>")."""
    parts: list[tuple[str, str]] = []  # (text, the separator after it)
    current, quoted, angled = "", False, False
    for char in text:
        if char == '"':
            quoted = not quoted
        elif char == "<" and not quoted:
            angled = True
        elif char == ">" and not quoted:
            angled = False
        if char == ";" or (char == "," and not quoted and not angled):
            parts.append((current.strip(), char))
            current = ""
        else:
            current += char
    parts.append((current.strip(), ";"))
    people: list[str] = []
    name = ""  # a name cut at its comma, waiting for the rest
    for part, separator in parts:
        if not part:
            continue
        part = f"{name}, {part}" if name else part
        name = part if separator == "," and "@" not in part else ""
        if not name:
            people.append(part)
    if name:
        people.append(name)  # no address came: sending names it as no valid address
    return tuple(people)


class ComposeDialog(QDialog):
    sent = Signal(object)  # the Changes of the queued entry

    def __init__(self, compose: ComposeService, runner: TaskRunner, draft: Draft,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._compose = compose
        self._runner = runner
        self._draft = draft
        self._sending = False
        self.discard_question: QMessageBox | None = None
        titles = {"reply": self.tr("Reply"), "reply_all": self.tr("Reply all"),
                  "forward": self.tr("Forward")}
        self.setWindowTitle(titles.get(draft.mode.value, self.tr("Reply")))
        self.resize(760, 640)
        self.to = QLineEdit("; ".join(draft.to))
        self.cc = QLineEdit("; ".join(draft.cc))
        self.subject = QLineEdit(draft.subject)
        self.templates = QComboBox()
        self.templates.setPlaceholderText(self.tr("Standard text…"))
        self.insert_button = QPushButton(self.tr("&Insert"))
        self.insert_button.setEnabled(False)
        self.insert_button.clicked.connect(self._insert)
        self.edit_templates = QPushButton(self.tr("Standard &texts…"))
        self.edit_templates.clicked.connect(self._open_templates)
        picker = QHBoxLayout()
        picker.addWidget(self.templates, 1)
        picker.addWidget(self.insert_button)
        picker.addWidget(self.edit_templates)
        self.body = QPlainTextEdit(draft.body)
        self.body.setTabChangesFocus(True)
        form = QFormLayout()
        form.addRow(self.tr("&To:"), self.to)
        form.addRow(self.tr("&Cc:"), self.cc)
        form.addRow(self.tr("&Subject:"), self.subject)
        form.addRow(self.tr("Standard text:"), picker)
        buttons = QDialogButtonBox()
        self.send_button = buttons.addButton(self.tr("&Send (Ctrl+Enter)"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.send)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.body, 1)
        layout.addWidget(buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self.send)
        self._initial = self._texts()
        self.body.setFocus()
        self._load_templates()

    # -- standard texts -------------------------------------------------------------------
    def _load_templates(self) -> None:
        # The first call writes the default texts: on the store lane.
        self._runner.run(self.tr("Loading the standard texts"),
                         lambda _ctx: self._compose.templates(), owner=self, lane=Lane.STORE,
                         on_success=self._show_templates)

    def _show_templates(self, templates: list[Template]) -> None:
        current = self.templates.currentData()
        self.templates.clear()
        for template in templates:
            self.templates.addItem(template.name, template.id)
        if current is not None and self.templates.findData(current) >= 0:
            self.templates.setCurrentIndex(self.templates.findData(current))
        self.insert_button.setEnabled(bool(templates))

    def _insert(self) -> None:
        template_id = self.templates.currentData()
        if template_id is None:
            return
        self._runner.run(self.tr("Filling in the standard text"),
                         lambda _ctx: self._compose.fill_template(self._draft.mail_id,
                                                                  int(template_id)),
                         owner=self, on_success=self._insert_text)

    def _insert_text(self, text: str) -> None:
        self.body.insertPlainText(text)
        self.body.setFocus()

    def _open_templates(self) -> None:
        from kortrijk_cockpit.ui.dialogs.templates import TemplatesDialog

        editor = TemplatesDialog(self._compose, self._runner, self)
        editor.finished.connect(lambda _result: self._load_templates())
        editor.finished.connect(editor.deleteLater)
        editor.open()

    # -- sending ---------------------------------------------------------------------------
    def _texts(self) -> tuple[str, str, str, str]:
        return (self.to.text(), self.cc.text(), self.subject.text(), self.body.toPlainText())

    def current_draft(self) -> Draft:
        return replace(self._draft, to=_people(self.to.text()), cc=_people(self.cc.text()),
                       subject=self.subject.text().strip(), body=self.body.toPlainText())

    def send(self) -> None:
        if self._sending:
            return
        self._sending = True
        self.send_button.setEnabled(False)
        draft = self.current_draft()
        self._runner.run(self.tr("Queueing the mail"), lambda _ctx: self._compose.send(draft),
                         owner=self, lane=Lane.STORE, on_success=self._sent,
                         on_failure=self._failed)

    def _sent(self, changes: Changes) -> None:
        self._sending = False
        self.sent.emit(changes)
        self.done(QDialog.DialogCode.Accepted)

    def _failed(self, exc: BaseException) -> None:
        self._sending = False
        self.send_button.setEnabled(True)  # every typed word is still here
        if isinstance(exc, UserFacingError):
            show_failure(self, self.windowTitle(), exc)
        else:
            self._runner.report(self.windowTitle(), exc)

    # -- leaving ----------------------------------------------------------------------------
    def reject(self) -> None:
        """Esc or Cancel: ask first when she typed something. Not while it is being
        queued: that can no longer be undone here, and the dialog closes by itself."""
        if self._sending:
            return
        if self._texts() == self._initial:
            super().reject()
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.windowTitle(),
                          self.tr("Throw away this text?"),
                          QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                          self)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.finished.connect(box.deleteLater)
        box.finished.connect(lambda result: self._discard_answered(result))
        self.discard_question = box
        box.open()

    def _discard_answered(self, result: int) -> None:
        self.discard_question = None
        if result == QMessageBox.StandardButton.Discard.value:
            super().reject()
