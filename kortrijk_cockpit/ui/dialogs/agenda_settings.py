"""Agenda-instellingen: the director's working hours, his buffers, his protected blocks
and the Dagoverzicht mail.

Saved to the settings file, then copied onto the settings object the running app
shares, so "Zoek een moment" and the Agenda follow without a restart; `saved`
tells whoever draws with them (the Agenda canvas's working hours).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, QTime, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from kortrijk_cockpit.services.find_time import parse_protected_blocks, parse_time
from kortrijk_cockpit.services.slot_finder import ProtectedBlock
from kortrijk_cockpit.ui.dialogs.keep_changes import ask_to_keep
from kortrijk_cockpit.ui.models.protected_blocks import ProtectedBlocksModel

if TYPE_CHECKING:
    from kortrijk_cockpit.config import Settings

# What this dialog owns of the settings: copied onto the live object after a save.
AGENDA_FIELDS = ("working_hours_start", "working_hours_end", "preparation_minutes",
                 "travel_minutes", "protected_blocks", "day_overview_mail",
                 "day_overview_time", "day_overview_to", "agenda_template_path",
                 "verslag_template_path")


def _qtime(moment: time) -> QTime:
    return QTime(moment.hour, moment.minute)


def _time(edit: QTimeEdit) -> time:
    value = edit.time()
    return time(value.hour(), value.minute())


def _time_edit(moment: time) -> QTimeEdit:
    edit = QTimeEdit(_qtime(moment))
    edit.setDisplayFormat("HH:mm")
    return edit


def _minutes(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


class AgendaSettingsDialog(QDialog):
    saved = Signal(object)  # the (live) Settings, after the file was written

    def __init__(self, settings: Settings, save_settings: Callable[[Settings], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Agenda settings"))
        self.setObjectName("agendaSettingsDialog")
        self._settings = settings
        self._save_settings = save_settings

        self.work_start = _time_edit(parse_time(settings.working_hours_start, time(8)))
        self.work_end = _time_edit(parse_time(settings.working_hours_end, time(18)))
        hours = QHBoxLayout()
        hours.addWidget(self.work_start)
        hours.addWidget(QLabel(self.tr("until")))
        hours.addWidget(self.work_end)
        hours.addStretch(1)
        self.preparation = self._minutes_box(settings.preparation_minutes)
        self.travel = self._minutes_box(settings.travel_minutes)
        form = QFormLayout()
        form.addRow(self.tr("&Working hours:"), hours)
        form.addRow(self.tr("&Preparation before appointments:"), self.preparation)
        form.addRow(self.tr("&Travel after appointments:"), self.travel)

        self.blocks = ProtectedBlocksModel(parse_protected_blocks(settings.protected_blocks), self)
        self.block_table = QTableView()
        self.block_table.setObjectName("protectedBlocks")
        self.block_table.setModel(self.blocks)
        self.block_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.block_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.block_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.block_table.verticalHeader().hide()
        self.block_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.block_table.installEventFilter(self)
        self.block_day = QComboBox()
        for weekday in range(7):
            self.block_day.addItem(QLocale().dayName(weekday + 1), weekday)
        self.block_start = _time_edit(time(14))
        self.block_end = _time_edit(time(16))
        self.add_block_button = QPushButton(self.tr("&Add"))
        self.add_block_button.setAutoDefault(False)
        self.add_block_button.clicked.connect(self.add_block)
        self.remove_block_button = QPushButton(self.tr("&Remove"))
        self.remove_block_button.setAutoDefault(False)
        self.remove_block_button.clicked.connect(self.remove_block)
        adding = QHBoxLayout()
        for widget in (self.block_day, self.block_start, QLabel(self.tr("until")),
                       self.block_end, self.add_block_button, self.remove_block_button):
            adding.addWidget(widget)
        protected = QGroupBox(self.tr("Protected blocks (kept free every week)"))
        protected_layout = QVBoxLayout(protected)
        protected_layout.addWidget(self.block_table)
        protected_layout.addLayout(adding)

        self.overview_mail = QCheckBox(self.tr("&Mail the Dagoverzicht every working day"))
        self.overview_mail.setChecked(bool(settings.day_overview_mail))
        self.overview_time = _time_edit(parse_time(settings.day_overview_time, time(16)))
        self.overview_to = QLineEdit(str(settings.day_overview_to or ""))
        self.overview_to.setPlaceholderText(self.tr("the director's own mailbox"))
        overview = QGroupBox(self.tr("Dagoverzicht"))
        overview_form = QFormLayout(overview)
        overview_form.addRow(self.overview_mail)
        overview_form.addRow(self.tr("At:"), self.overview_time)
        overview_form.addRow(self.tr("To:"), self.overview_to)

        # The overleg agenda's and the verslag's Word templates: the city's own, or ours
        # when empty.
        self.template_path = QLineEdit(str(settings.agenda_template_path or ""))
        self.verslag_template_path = QLineEdit(str(settings.verslag_template_path or ""))
        documents = QGroupBox(self.tr("Overleg agenda and verslag"))
        documents_form = QFormLayout(documents)
        for label, edit in ((self.tr("Agenda template:"), self.template_path),
                            (self.tr("Verslag template:"), self.verslag_template_path)):
            edit.setPlaceholderText(self.tr("the standard template"))
            browse = QPushButton(self.tr("Choose…"))
            browse.clicked.connect(lambda _checked=False, e=edit: self._choose_template(e))
            template_row = QHBoxLayout()
            template_row.addWidget(edit, 1)
            template_row.addWidget(browse)
            documents_form.addRow(label, template_row)

        self.keep_question: QMessageBox | None = None
        self.message = QLabel()
        self.message.setObjectName("settingsMessage")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(protected, 1)
        layout.addWidget(overview)
        layout.addWidget(documents)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def _minutes_box(self, value: object) -> QSpinBox:
        box = QSpinBox()
        box.setRange(0, 240)
        box.setSingleStep(5)
        box.setSuffix(self.tr(" minutes"))
        box.setValue(_minutes(value))
        return box

    # -- protected blocks ------------------------------------------------------
    def add_block(self) -> None:
        start, end = _time(self.block_start), _time(self.block_end)
        if start >= end:
            self.message.setText(self.tr("A protected block must end after it starts."))
            return
        block = ProtectedBlock(int(self.block_day.currentData()), start, end)
        if block in self.blocks.blocks():
            return
        row = self.blocks.add(block)
        self.block_table.selectRow(row)
        self.message.clear()

    def remove_block(self) -> None:
        self.blocks.remove(self.block_table.currentIndex().row())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.block_table and event.type() == QEvent.Type.KeyPress \
                and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Delete:
            self.remove_block()
            return True
        return super().eventFilter(watched, event)

    # -- saving ----------------------------------------------------------------
    def problem(self) -> str:
        """What keeps these settings from being saved (translated); "" when nothing does."""
        if _time(self.work_start) >= _time(self.work_end):
            return self.tr("The working day must end after it starts.")
        address = self.overview_to.text().strip()
        if address and ("@" not in address or " " in address):
            return self.tr("'{address}' is not a mail address.").format(address=address)
        for edit in (self.template_path, self.verslag_template_path):
            template = edit.text().strip()
            if template and (not template.lower().endswith(".docx")
                             or not Path(template).is_file()):
                return self.tr("'{path}' is not a Word file (.docx) that can be found.").format(
                    path=template)
        return ""

    def _choose_template(self, edit: QLineEdit) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, self.tr("The city's Word template"), edit.text(),
            self.tr("Word documents (*.docx)"))
        if chosen:
            edit.setText(chosen)

    def wanted(self) -> Settings:
        """The settings as the dialog shows them now."""
        return replace(
            self._settings,
            working_hours_start=f"{_time(self.work_start):%H:%M}",
            working_hours_end=f"{_time(self.work_end):%H:%M}",
            preparation_minutes=self.preparation.value(),
            travel_minutes=self.travel.value(),
            protected_blocks=[{"weekday": b.weekday, "start": f"{b.start:%H:%M}",
                               "end": f"{b.end:%H:%M}"} for b in self.blocks.blocks()],
            day_overview_mail=self.overview_mail.isChecked(),
            day_overview_time=f"{_time(self.overview_time):%H:%M}",
            day_overview_to=self.overview_to.text().strip(),
            agenda_template_path=self.template_path.text().strip(),
            verslag_template_path=self.verslag_template_path.text().strip())

    def is_dirty(self) -> bool:
        wanted = self.wanted()
        return any(getattr(wanted, name) != getattr(self._settings, name)
                   for name in AGENDA_FIELDS)

    def reject(self) -> None:
        """Esc or Cancel: ask first when something was changed."""
        if not self.is_dirty() or self.keep_question is not None:
            super().reject()
            return
        self.keep_question = ask_to_keep(
            self, self.tr("Save the changed agenda settings?"), save=self.save,
            discard=lambda: super(AgendaSettingsDialog, self).reject(),
            answered=lambda: setattr(self, "keep_question", None))

    def save(self) -> None:
        problem = self.problem()
        if problem:
            self.message.setText(problem)
            return
        wanted = self.wanted()
        try:
            self._save_settings(wanted)
        except OSError as exc:
            self.message.setText(self.tr("The settings could not be saved ({reason}). "
                                         "Nothing was changed.").format(reason=exc.strerror or exc))
            return
        for name in AGENDA_FIELDS:
            setattr(self._settings, name, getattr(wanted, name))
        self.saved.emit(self._settings)
        self.accept()
