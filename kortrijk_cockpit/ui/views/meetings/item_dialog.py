"""An agenda item by hand: title, type, indiener, directie, minutes, section, confidential.

Returns a plain `ItemDraft`; the controller writes it. Esc with typed text asks first.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kortrijk_cockpit.domain.meetings import AgendaItemKind
from kortrijk_cockpit.ui.dialogs.hand_on_common import GuardedDialog
from kortrijk_cockpit.ui.views.meetings.models import kind_label

if TYPE_CHECKING:
    from kortrijk_cockpit.services.meeting_agenda import ItemDraft


class ItemDialog(GuardedDialog):
    def __init__(self, sections: Sequence[str], draft: ItemDraft | None = None, *,
                 editing: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from kortrijk_cockpit.services.meeting_agenda import ItemDraft

        first = draft or ItemDraft("")
        self._first = first
        self.setWindowTitle(self.tr("Edit agenda item") if editing else self.tr("New agenda item"))
        self.resize(520, 0)
        self.title = QLineEdit(first.title)
        self.kind = QComboBox()
        for kind in AgendaItemKind:
            self.kind.addItem(kind_label(kind), kind.value)
        self.kind.setCurrentIndex(self.kind.findData(first.kind.value))
        self.owner = QLineEdit(first.owner_name)
        self.directorate = QLineEdit(first.directorate)
        self.minutes = QSpinBox()
        self.minutes.setRange(1, 600)
        self.minutes.setSingleStep(5)
        self.minutes.setValue(first.duration_minutes)
        self.minutes.setSuffix(self.tr(" min"))
        self.section = QComboBox()
        self.section.addItem(self.tr("(no section)"), "")
        for name in sections:
            self.section.addItem(name, name)
        if first.section and self.section.findData(first.section) < 0:
            self.section.addItem(first.section, first.section)
        self.section.setCurrentIndex(max(self.section.findData(first.section), 0))
        self.confidential = QCheckBox(self.tr("Confidential"))
        self.confidential.setChecked(first.is_confidential)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&Title"), self.title)
        form.addRow(self.tr("T&ype"), self.kind)
        form.addRow(self.tr("Submitted &by"), self.owner)
        form.addRow(self.tr("&Directorate"), self.directorate)
        form.addRow(self.tr("&Minutes"), self.minutes)
        form.addRow(self.tr("&Section"), self.section)
        form.addRow("", self.confidential)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.title.textChanged.connect(self._validate)
        self._validate()
        self.title.setFocus()

    def draft(self) -> ItemDraft:
        from kortrijk_cockpit.services.meeting_agenda import ItemDraft

        return ItemDraft(self.title.text().strip(), AgendaItemKind(self.kind.currentData()),
                         self.owner.text().strip(), self.directorate.text().strip(),
                         self.minutes.value(), str(self.section.currentData() or ""),
                         self.confidential.isChecked(), self._first.description)

    def has_typed_text(self) -> bool:
        return self.draft() != self._first

    def accept(self) -> None:
        if self.title.text().strip():
            super().accept()

    def _validate(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            bool(self.title.text().strip()))
