"""The office's outcomes: add, rename, remove, reorder, a key (1–9) and a colour
each. The edits stay in the dialog until Save writes the whole list at once."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.ui.models.outcome_list import OutcomeListModel
from kortrijk_cockpit.ui.tasks import Lane, TaskRunner

if TYPE_CHECKING:
    from kortrijk_cockpit.services.outcomes import Outcome, OutcomeService

KEYS = tuple(str(n) for n in range(1, 10))
NEW_COLOUR = "#566573"  # a quiet grey-blue until she picks one


def _swatch(colour: str) -> QIcon:
    pixmap = QPixmap(16, 16)
    pixmap.fill(QColor(colour) if QColor.isValidColorName(colour) else QColor("#d9d9d9"))
    return QIcon(pixmap)


def _comparable(outcomes: list[Outcome]) -> list[tuple[str, str, str]]:
    return [(o.name.strip(), o.shortcut, o.colour) for o in outcomes]


class OutcomesDialog(QDialog):
    saved = Signal(object)  # list[Outcome], as stored

    def __init__(self, outcomes: OutcomeService, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = outcomes
        self._runner = runner
        self._stored: list[Outcome] = []
        self._filling = False  # the form is being filled, not edited
        self._saving = False
        self._close_after_save = False  # Esc during a save: close once it has landed
        self.question: QMessageBox | None = None  # the open confirmation, if any
        self.colour_dialog: QColorDialog | None = None
        self.setWindowTitle(self.tr("Outcomes"))
        self.resize(720, 420)

        self.model = OutcomeListModel(self)
        self.view = QTableView()
        self.view.setObjectName("outcomeList")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setShowGrid(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(OutcomeListModel.NAME, QHeaderView.ResizeMode.Stretch)
        for column in (OutcomeListModel.KEY, OutcomeListModel.COLOUR):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.view.selectionModel().currentRowChanged.connect(self._show)

        self.name = QLineEdit()
        self.name.textEdited.connect(self._name_edited)
        self.key = QComboBox()
        self.key.currentIndexChanged.connect(self._key_chosen)
        self.colour = QPushButton(self.tr("C&olour…"))
        self.colour.clicked.connect(self.choose_colour)
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Key:"), self.key)
        form.addRow(self.tr("Colour:"), self.colour)
        hint = QLabel(self.tr("An outcome is an Outlook category: the director sees it in "
                              "Outlook. Its key handles a mail in the list."))
        hint.setObjectName("tileDetail")
        hint.setWordWrap(True)
        form.addRow(hint)

        self.add_button = QPushButton(self.tr("&Add"))
        self.remove_button = QPushButton(self.tr("&Remove…"))
        self.up_button = QPushButton(self.tr("Move &up"))
        self.down_button = QPushButton(self.tr("Move &down"))
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button.clicked.connect(lambda: self.move(1))
        edits = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            edits.addWidget(button)
        edits.addStretch(1)

        self.error = QLabel()
        self.error.setObjectName("searchError")  # the inline error's look
        self.error.setWordWrap(True)
        self.error.hide()
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        close = QPushButton(self.tr("Close"))
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        save_key = QAction(self)
        save_key.setShortcut(QKeySequence.StandardKey.Save)
        save_key.triggered.connect(self.save)
        self.addAction(save_key)
        bottom = QHBoxLayout()
        bottom.addWidget(self.error, 1)
        bottom.addWidget(self.save_button)
        bottom.addWidget(close)

        left = QVBoxLayout()
        left.addWidget(self.view, 1)
        left.addLayout(edits)
        top = QHBoxLayout()
        top.addLayout(left, 3)
        top.addLayout(form, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addLayout(bottom)
        self._enable()
        self.reload()

    # -- loading and the form -------------------------------------------------------------
    def reload(self) -> None:
        # The first read writes the defaults, so it takes the store lane too.
        self._runner.run(self.tr("Loading the outcomes"), lambda _ctx: self._service.outcomes(),
                         owner=self, lane=Lane.STORE, on_success=self._loaded,
                         on_failure=self._failed)

    def _loaded(self, outcomes: list[Outcome]) -> None:
        self._stored = list(outcomes)
        self.model.set_outcomes(outcomes)
        self._select(0)
        self.view.setFocus()

    def is_dirty(self) -> bool:
        return _comparable(self.model.outcomes()) != _comparable(self._stored)

    def current_row(self) -> int:
        index = self.view.currentIndex()
        return index.row() if index.isValid() else -1

    def _select(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.view.selectionModel().setCurrentIndex(
                self.model.index(row, OutcomeListModel.NAME),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
        else:
            self._show(QModelIndex(), QModelIndex())

    def _show(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._filling = True
        outcome = self.model.outcome(current.row()) if current.isValid() else None
        self.name.setText(outcome.name if outcome else "")
        self._fill_keys(outcome)
        self.colour.setIcon(_swatch(outcome.colour if outcome else ""))
        self._filling = False
        self._enable()

    def _fill_keys(self, outcome: Outcome | None) -> None:
        """"—" and 1–9, each taken key with the outcome that has it."""
        taken = {o.shortcut: o.name for o in self.model.outcomes() if o.shortcut}
        self.key.clear()
        self.key.addItem(self.tr("— (no key)"), "")
        for key in KEYS:
            holder = taken.get(key)
            self.key.addItem(f"{key} ({holder})" if holder and outcome is not None
                             and holder != outcome.name else key, key)
        self.key.setCurrentIndex(max(0, self.key.findData(outcome.shortcut if outcome else "")))

    def _enable(self) -> None:
        row = self.current_row()
        chosen = row >= 0
        for widget in (self.name, self.key, self.colour, self.remove_button):
            widget.setEnabled(chosen)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(chosen and row < self.model.rowCount() - 1)
        self.save_button.setEnabled(not self._saving)

    def _edit(self, **fields: str) -> None:
        row = self.current_row()
        if row < 0 or self._filling:
            return
        self.model.replace(row, replace(self.model.outcome(row), **fields))
        self.error.hide()

    def _name_edited(self, text: str) -> None:
        self._edit(name=text)

    def _key_chosen(self, _index: int) -> None:
        self._edit(shortcut=str(self.key.currentData() or ""))

    # -- editing the list -------------------------------------------------------------------
    def add(self) -> None:
        from kortrijk_cockpit.services.outcomes import Outcome

        used = {o.shortcut for o in self.model.outcomes()}
        free = next((k for k in KEYS if k not in used), "")
        row = self.model.rowCount()
        self.model.insert(row, Outcome("", free, NEW_COLOUR, row))
        self._select(row)
        self.name.setFocus()

    def remove(self) -> None:
        row = self.current_row()
        if row < 0:
            return
        doomed = self.model.outcome(row)
        box = QMessageBox(
            QMessageBox.Icon.Question, self.windowTitle(),
            self.tr("Remove the outcome “%1”?").replace("%1", doomed.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setInformativeText(self.tr("Mails that have it keep it as a category in Outlook; "
                                       "here it no longer has a key or a view of its own."))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.finished.connect(box.deleteLater)
        box.finished.connect(lambda result: self._remove_answered(result, doomed))
        self.question = box
        box.open()

    def _remove_answered(self, result: int, doomed: Outcome) -> None:
        self.question = None
        outcomes = self.model.outcomes()
        if result != QMessageBox.StandardButton.Yes.value or doomed not in outcomes:
            return
        row = outcomes.index(doomed)
        self.model.remove(row)
        self._select(min(row, self.model.rowCount() - 1))
        self.view.setFocus()  # the keys go on in the list

    def move(self, step: int) -> None:
        row = self.current_row()
        if self.model.move(row, step):
            self._select(row + step)

    def choose_colour(self) -> None:
        row = self.current_row()
        if row < 0:
            return
        dialog = QColorDialog(QColor(self.model.outcome(row).colour), self)
        dialog.setOption(QColorDialog.ColorDialogOption.DontUseNativeDialog)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.colorSelected.connect(lambda colour: self._colour_chosen(row, colour))
        self.colour_dialog = dialog
        dialog.open()

    def _colour_chosen(self, row: int, colour: QColor) -> None:
        self.colour_dialog = None
        if colour.isValid() and row == self.current_row():
            self._edit(colour=colour.name())
            self.colour.setIcon(_swatch(colour.name()))

    # -- saving and closing -------------------------------------------------------------------
    def save(self, *, then_close: bool = False) -> None:
        if self._saving:
            return
        self._close_after_save = then_close
        wanted = self.model.outcomes()
        self._saving = True
        self._enable()
        self._runner.run(self.tr("Saving the outcomes"),
                         lambda _ctx: self._service.save(wanted), owner=self, lane=Lane.STORE,
                         on_success=self._saved,
                         on_failure=self._failed)

    def _saved(self, stored: list[Outcome]) -> None:
        self._saving = False
        row = self.current_row()
        self._stored = list(stored)
        self.model.set_outcomes(stored)
        self._select(max(0, row))
        self.error.hide()
        self._enable()
        self.saved.emit(list(stored))
        if self._close_after_save:
            super().reject()

    def _failed(self, exc: BaseException) -> None:
        self._saving = False
        self._close_after_save = False  # she sees why, and decides again
        self._enable()
        if isinstance(exc, UserFacingError):
            self.error.setText(exc.user_message)  # beside Save: fix it and save again
            self.error.show()
        else:
            self._runner.report(self.windowTitle(), exc)

    def reject(self) -> None:
        """Esc or Close: with unsaved edits, ask first."""
        if self._saving:
            self._close_after_save = True  # the Mail area still hears of the save
            return
        if not self.is_dirty():
            super().reject()
            return
        if self.question is not None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.windowTitle(),
                          self.tr("Save the changes to the outcomes?"),
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, self)
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        box.finished.connect(box.deleteLater)
        box.finished.connect(self._close_answered)
        self.question = box
        box.open()

    def _close_answered(self, result: int) -> None:
        self.question = None
        if result == QMessageBox.StandardButton.Save.value:
            self.save(then_close=True)
        elif result == QMessageBox.StandardButton.Discard.value:
            super().reject()
