"""The Projecten area's dialogs: a project's form, a milestone (title and date) and the
chooser for an action point or mail to link."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from kortrijk_cockpit.domain.reporting import ProjectStatus
from kortrijk_cockpit.ui.dialogs.picker import PickerDialog, PickItem, matches

if TYPE_CHECKING:
    from kortrijk_cockpit.services.projects import LinkChoice, ProjectDraft


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class _DateField(QWidget):
    """A date that may be left empty: a check box beside a date edit."""

    def __init__(self, day: date | None, fallback: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.known = QCheckBox()
        self.edit = QDateEdit(_qdate(day or fallback))
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("dd/MM/yyyy")
        self.known.setChecked(day is not None)
        self.edit.setEnabled(day is not None)
        self.known.toggled.connect(self.edit.setEnabled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.known)
        layout.addWidget(self.edit, 1)

    def value(self) -> date | None:
        return _day(self.edit.date()) if self.known.isChecked() else None


class ProjectDialog(QDialog):
    def __init__(self, draft: ProjectDraft, today: date, parent: QWidget | None = None,
                 *, new: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New project") if new else self.tr("Edit project"))
        self.resize(520, 480)
        self._draft = draft
        self.name = QLineEdit(draft.name)
        self.owner = QLineEdit(draft.owner_name)
        self.status = QComboBox()
        for status, label in ((ProjectStatus.PLANNED, self.tr("Planned")),
                              (ProjectStatus.RUNNING, self.tr("Running")),
                              (ProjectStatus.ON_HOLD, self.tr("On hold")),
                              (ProjectStatus.DONE, self.tr("Done"))):
            self.status.addItem(label, status.value)
        self.status.setCurrentIndex(self.status.findData(draft.status.value))
        self.starts_on = _DateField(draft.starts_on, today)
        self.ends_on = _DateField(draft.ends_on, today)
        self.is_own = QCheckBox(self.tr("I run this project myself"))
        self.is_own.setChecked(draft.is_own)
        self.goal = QPlainTextEdit(draft.goal)
        self.goal.setTabChangesFocus(True)
        self.notes = QPlainTextEdit(draft.notes)
        self.notes.setTabChangesFocus(True)
        form = QFormLayout()
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("&Owner"), self.owner)
        form.addRow(self.tr("&Status"), self.status)
        form.addRow(self.tr("Starts on"), self.starts_on)
        form.addRow(self.tr("Ends on"), self.ends_on)
        form.addRow("", self.is_own)
        form.addRow(self.tr("&Goal"), self.goal)
        form.addRow(self.tr("N&otes"), self.notes)
        self.error = QLabel()
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def draft(self) -> ProjectDraft:
        return replace(self._draft, name=self.name.text().strip(),
                       owner_name=self.owner.text().strip(),
                       status=ProjectStatus(self.status.currentData()),
                       starts_on=self.starts_on.value(), ends_on=self.ends_on.value(),
                       is_own=self.is_own.isChecked(), goal=self.goal.toPlainText(),
                       notes=self.notes.toPlainText())

    def accept(self) -> None:
        draft = self.draft()
        problem = (self.tr("Give the project a name.") if not draft.name
                   else self.tr("The project cannot end before it starts.")
                   if draft.starts_on and draft.ends_on and draft.ends_on < draft.starts_on
                   else "")
        if problem:  # said here, so nothing typed is lost to a failed save
            self.error.setText(problem)
            self.error.show()
            return
        super().accept()


class MilestoneDialog(QDialog):
    def __init__(self, title: str, due_on: date, parent: QWidget | None = None,
                 *, new: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New milestone") if new else self.tr("Edit milestone"))
        self.title = QLineEdit(title)
        self.due_on = QDateEdit(_qdate(due_on))
        self.due_on.setCalendarPopup(True)
        self.due_on.setDisplayFormat("dd/MM/yyyy")
        form = QFormLayout()
        form.addRow(self.tr("&Title"), self.title)
        form.addRow(self.tr("&Date"), self.due_on)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(title.strip()))
        self.title.textChanged.connect(lambda text: ok.setEnabled(bool(text.strip())))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def values(self) -> tuple[str, date]:
        return self.title.text().strip(), _day(self.due_on.date())


class LinkChooser(PickerDialog):
    """An open action point (from Opvolging) or a recent mail to link to the project."""

    def __init__(self, choices: list[LinkChoice], *, mail: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items = [PickItem(c.ref_id, c.title or "—", c.detail) for c in choices]
        if mail:
            self.setWindowTitle(self.tr("Link a mail"))
            self.intro.setText(self.tr("Type to find the mail that belongs to the project."))
            self.empty.setText(self.tr("No mail matches."))
        else:
            self.setWindowTitle(self.tr("Link an action point"))
            self.intro.setText(self.tr("Type to find the open action point that belongs to "
                                       "the project."))
            self.empty.setText(self.tr("No open action point matches."))
        self.refresh()

    def items(self, text: str) -> list[PickItem]:
        return [item for item in self._items if matches(item, text)]
