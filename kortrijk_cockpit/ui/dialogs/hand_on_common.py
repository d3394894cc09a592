"""What the hand-on dialogs share: a title from the subject, Esc that never
loses typed text, and a name field completed from the office's people."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QDialog, QLineEdit, QMessageBox, QWidget

if TYPE_CHECKING:
    from kortrijk_cockpit.services.handing_on import HandOnService, PersonChoice

# Reply and forward prefixes in Dutch, English, German and French Outlook, repeated or numbered.
_PREFIX = re.compile(r"^\s*(?:(?:re|antw|aw|fw|fwd|doorst|wg|tr)(?:\[\d+\])?\s*:\s*)+", re.IGNORECASE)
PERSON_ID = Qt.ItemDataRole.UserRole + 1
PERSON_NAME = Qt.ItemDataRole.UserRole + 2  # what a chosen completion puts in the field


def clean_subject(subject: str) -> str:
    """'RE: Antw: FW: Nota mobiliteit' -> 'Nota mobiliteit'."""
    return _PREFIX.sub("", subject).strip()


class GuardedDialog(QDialog):
    """Esc (or closing the window) with typed text asks first: nothing typed is lost by
    accident. Subclasses say what counts as typed in `has_typed_text`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModal(True)
        self.discard_box: QMessageBox | None = None

    def has_typed_text(self) -> bool:
        return False

    def reject(self) -> None:
        if self.discard_box is not None:
            return
        if not self.has_typed_text():
            super().reject()
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.windowTitle(),
                          self.tr("Discard your changes?"), QMessageBox.StandardButton.NoButton, self)
        discard = box.addButton(self.tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("Keep editing"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)  # Enter keeps the work; only a deliberate choice discards
        box.setEscapeButton(keep)
        self.discard_box = box

        def finished() -> None:
            self.discard_box = None
            box.deleteLater()
            if box.clickedButton() is discard:
                QDialog.reject(self)

        box.finished.connect(finished)
        box.open()


class PeopleField(QLineEdit):
    """A name, completed from the office's people as she types; remembers which person
    was chosen (None for a name typed freely)."""

    def __init__(self, choices: HandOnService, first: PersonChoice | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._choices = choices
        self._first = first
        self._chosen: PersonChoice | None = None
        self._shown: dict[int, PersonChoice] = {}
        self._model = QStandardItemModel(self)
        completer = QCompleter(self._model, self)
        # The service already matched name, function and organisation: show its list as is.
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionRole(PERSON_NAME)
        completer.activated[QModelIndex].connect(self._activated)
        self.setCompleter(completer)
        self.textEdited.connect(self._refill)
        self._refill("")

    def person_id(self) -> int | None:
        if self._chosen is not None and self._chosen.full_name == self.text().strip():
            return self._chosen.id
        typed = self.text().strip().casefold()
        exact = [p for p in self._shown.values() if p.full_name.casefold() == typed]
        return exact[0].id if len(exact) == 1 else None

    def choose(self, person: PersonChoice) -> None:
        self._chosen = person
        self._shown.setdefault(person.id, person)
        self.setText(person.full_name)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        # Down shows the suggestions before anything is typed (the sender first).
        completer = self.completer()
        if event.key() == Qt.Key.Key_Down and not completer.popup().isVisible():
            self._refill(self.text())
            completer.setCompletionPrefix(self.text())
            completer.complete()
            return
        super().keyPressEvent(event)

    def _refill(self, text: str) -> None:
        people = list(self._choices.people(text.strip()))
        first = self._first
        if first is not None and (not text.strip() or any(p.id == first.id for p in people)):
            people = [first, *(p for p in people if p.id != first.id)]  # the sender on top
        self._shown = {p.id: p for p in people}
        self._model.clear()
        for person in people:
            extra = " · ".join(x for x in (person.function, person.organisation) if x)
            item = QStandardItem(f"{person.full_name} — {extra}" if extra else person.full_name)
            item.setData(person.id, PERSON_ID)
            item.setData(person.full_name, PERSON_NAME)
            item.setEditable(False)
            self._model.appendRow(item)

    def _activated(self, index: QModelIndex) -> None:
        person = self._shown.get(index.data(PERSON_ID))
        if person is not None:
            self.choose(person)
