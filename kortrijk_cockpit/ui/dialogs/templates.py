"""The office's standard texts for replies, and the director's signature: list,
add, edit, delete (after a confirmation)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QSignalBlocker, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
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
    from kortrijk_cockpit.services.compose import ComposeService, Template

_TEMPLATE = Qt.ItemDataRole.UserRole + 1


class TemplatesDialog(QDialog):
    def __init__(self, compose: ComposeService, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._compose = compose
        self._runner = runner
        self.delete_question: QMessageBox | None = None
        self.keep_question: QMessageBox | None = None
        self.setWindowTitle(self.tr("Standard texts"))
        self.resize(720, 480)
        self.model = QStandardItemModel(self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.view.selectionModel().currentChanged.connect(self._show)
        self.name = QLineEdit()
        self.body = QPlainTextEdit()
        hint = QLabel(self.tr("Placeholders: {naam} {voornaam} {datum} {vergadering} {onderwerp}"))
        hint.setWordWrap(True)
        self.new_button = QPushButton(self.tr("&New"))
        self.save_button = QPushButton(self.tr("&Save"))
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.new_button.clicked.connect(self._new)
        self.save_button.clicked.connect(lambda: self.save())
        self.delete_button.clicked.connect(self.delete)
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Text:"), self.body)
        form.addRow(hint)
        actions = QHBoxLayout()
        for button in (self.new_button, self.save_button, self.delete_button):
            actions.addWidget(button)
        actions.addStretch(1)
        form.addRow(actions)
        top = QHBoxLayout()
        top.addWidget(self.view, 1)
        top.addLayout(form, 2)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addWidget(buttons)
        self._editing: Template | None = None
        self.reload()

    def reload(self, select_id: int | None = None) -> None:
        def load(_ctx: object) -> list[Template]:
            from kortrijk_cockpit.services.compose import SIGNATURE_KIND

            return [*self._compose.templates(), *self._compose.templates(SIGNATURE_KIND)]

        self._runner.run(self.tr("Loading the standard texts"), load, owner=self,
                         lane=Lane.STORE, on_success=lambda found: self._fill(found, select_id))

    def _fill(self, templates: list[Template], select_id: int | None) -> None:
        self.model.clear()
        for template in templates:
            item = QStandardItem(template.name)
            item.setData(template, _TEMPLATE)
            self.model.appendRow(item)
        rows = [r for r in range(self.model.rowCount())
                if self._template(self.model.index(r, 0)).id == select_id]
        if rows or self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(rows[0] if rows else 0, 0))

    def _template(self, index: QModelIndex) -> Template:
        return index.data(_TEMPLATE)

    # -- nothing typed is lost ------------------------------------------------------
    def is_dirty(self) -> bool:
        """Whether the fields differ from the text as loaded (or from empty, for a new one)."""
        base = self._editing
        return (self.name.text(), self.body.toPlainText()) != \
            ((base.name, base.body) if base else ("", ""))

    def _ask_to_keep(self, then: Callable[[bool], None]) -> None:
        """Bewaren / Niet bewaren / Annuleren; `then(saved)` runs unless she cancels."""
        name = self.name.text().strip() or self.tr("the new text")
        box = QMessageBox(QMessageBox.Icon.Question, self.windowTitle(),
                          self.tr("Save the changes to “%1”?").replace("%1", name),
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        box.finished.connect(box.deleteLater)

        def answered(result: int) -> None:
            self.keep_question = None
            if result == QMessageBox.StandardButton.Save.value:
                self.save(after=lambda: then(True))
            elif result == QMessageBox.StandardButton.Discard.value:
                then(False)

        box.finished.connect(answered)
        self.keep_question = box
        box.open()

    def reject(self) -> None:
        if self.is_dirty() and self.keep_question is None:
            self._ask_to_keep(lambda _saved: super(TemplatesDialog, self).reject())
            return
        super().reject()

    def _show(self, current: QModelIndex, previous: QModelIndex) -> None:
        if previous != current and self.is_dirty():
            wanted = self._template(current).id if current.isValid() else None
            with QSignalBlocker(self.view.selectionModel()):
                self.view.setCurrentIndex(previous)  # stay till she has answered
            self._ask_to_keep(lambda _saved: self._select(wanted))
            return
        self._editing = self._template(current) if current.isValid() else None
        self.name.setText(self._editing.name if self._editing else "")
        self.body.setPlainText(self._editing.body if self._editing else "")
        self.delete_button.setEnabled(self._editing is not None)

    def _select(self, template_id: int | None) -> None:
        rows = [r for r in range(self.model.rowCount())
                if self._template(self.model.index(r, 0)).id == template_id]
        if rows:
            self._editing = None  # what was typed is saved or dropped by now
            self.name.clear()
            self.body.clear()
            self.view.setCurrentIndex(self.model.index(rows[0], 0))

    def _new(self) -> None:
        if self.is_dirty():
            self._ask_to_keep(lambda _saved: self._new())
            return
        self.view.clearSelection()
        self._editing = None
        self.name.clear()
        self.body.clear()
        self.name.setFocus()
        self.delete_button.setEnabled(False)

    def save(self, after: Callable[[], None] | None = None) -> None:
        from kortrijk_cockpit.services.compose import REPLY_KIND, Template

        base = self._editing
        template = Template(base.id if base else 0, self.name.text(),
                            base.kind if base else REPLY_KIND, self.body.toPlainText(),
                            base.position if base else 0)
        self._runner.run(self.tr("Saving the standard text"),
                         lambda _ctx: self._compose.save_template(template), owner=self,
                         lane=Lane.STORE, on_success=lambda saved: self._saved(saved, after),
                         on_failure=self._failed)

    def _saved(self, saved: Template, after: Callable[[], None] | None) -> None:
        self._editing = saved  # the fields hold what is stored now
        self.reload(saved.id)
        if after is not None:
            after()

    def delete(self) -> None:
        if self._editing is None:
            return
        doomed = self._editing
        box = QMessageBox(QMessageBox.Icon.Question, self.windowTitle(),
                          self.tr("Delete the standard text “%1”?").replace("%1", doomed.name),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.finished.connect(box.deleteLater)
        box.finished.connect(lambda result: self._delete_answered(result, doomed.id))
        self.delete_question = box
        box.open()

    def _delete_answered(self, result: int, template_id: int) -> None:
        self.delete_question = None
        if result != QMessageBox.StandardButton.Yes.value:
            return
        self._runner.run(self.tr("Deleting the standard text"),
                         lambda _ctx: self._compose.delete_template(template_id), owner=self,
                         lane=Lane.STORE, on_success=lambda _none: self.reload(),
                         on_failure=self._failed)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, UserFacingError):
            show_failure(self, self.windowTitle(), exc)
        else:
            self._runner.report(self.windowTitle(), exc)
