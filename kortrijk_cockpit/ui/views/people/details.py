"""One person's fields, edited in place, and their timeline below.

The pane knows whether what it shows differs from what was loaded (`is_dirty`), so
the area never throws away what was typed: a stale save leaves the text as typed and
shows the Dutch message above the fields.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QDate, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kortrijk_cockpit.clock import BRUSSELS

if TYPE_CHECKING:
    from kortrijk_cockpit.services.people import PersonDetails, PersonFields
    from kortrijk_cockpit.services.person_timeline import PersonTimeline, TimelineEntry

Index = QModelIndex | QPersistentModelIndex
# Timeline kinds that open as a record (MainWindow.open_record's kinds).
RECORD_KINDS = {"mail": "mail", "fiche": "brief", "actiepunt": "action_point"}


class TimelineModel(QAbstractListModel):
    EntryRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entries: list[TimelineEntry] = []

    def set_entries(self, entries: list[TimelineEntry]) -> None:
        self.beginResetModel()
        self._entries = entries
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self._entries[index.row()]
        if role == self.EntryRole:
            return entry
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        when = f"{entry.at.astimezone(BRUSSELS):%d/%m/%Y}" if entry.at else "—"
        detail = f" ({entry.detail})" if entry.detail else ""
        return f"{when}  {entry.kind}: {entry.title}{detail}"


class PersonDetailsPane(QWidget):
    save_requested = Signal()
    edited = Signal()
    timeline_shown = Signal(int)  # the person whose timeline is shown now
    record_requested = Signal(str, int)  # a timeline line opened: record kind, id
    reload_requested = Signal(int)  # after a stale save: show what is stored now

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loaded: PersonDetails | None = None
        self._loaded_fields: PersonFields | None = None
        self._filling = False
        self.banner = QLabel()
        self.banner.setObjectName("warningBanner")
        self.banner.setWordWrap(True)
        self.reload_button = QPushButton(self.tr("Reload"))
        self.reload_button.setToolTip(self.tr("Show what is stored now; what you typed here "
                                              "is dropped"))
        self.reload_button.clicked.connect(
            lambda: self.reload_requested.emit(self.person_id() or 0))
        self.problem = QWidget()
        problem = QHBoxLayout(self.problem)
        problem.setContentsMargins(0, 0, 0, 0)
        problem.addWidget(self.banner, 1)
        problem.addWidget(self.reload_button)
        self.problem.hide()
        self.name = QLineEdit()
        self.function = QLineEdit()
        self.organisation = QComboBox()
        self.organisation.setEditable(True)
        self.organisation.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.email = QLineEdit()
        self.phone = QLineEdit()
        self.mandate = QLineEdit()
        self.internal = QCheckBox(self.tr("Internal (city or OCMW)"))
        self.to_confirm = QCheckBox(self.tr("To confirm"))
        self.tags = QLineEdit()
        self.tags.setPlaceholderText(self.tr("Comma separated"))
        self.purpose = QLineEdit()
        self.retain_until = QDateEdit()
        self.retain_until.setCalendarPopup(True)
        self.retain_until.setDisplayFormat("dd/MM/yyyy")
        # The minimum date stands for "no date": say so rather than show 01/01/2000.
        self.retain_until.setSpecialValueText(self.tr("not set"))
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(90)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        self.save_button.clicked.connect(self.save_requested.emit)
        self.save_button.setEnabled(False)
        self.source = QLabel()
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Function"), self.function)
        form.addRow(self.tr("Organisation"), self.organisation)
        form.addRow(self.tr("Mandate"), self.mandate)
        form.addRow(self.tr("E-mail"), self.email)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("Tags"), self.tags)
        checks = QHBoxLayout()
        checks.addWidget(self.internal)
        checks.addWidget(self.to_confirm)
        checks.addStretch(1)
        form.addRow("", checks)
        form.addRow(self.tr("Kept because"), self.purpose)
        form.addRow(self.tr("Keep until"), self.retain_until)
        form.addRow(self.tr("Notes"), self.notes)
        self.glance = QLabel()
        self.glance.setObjectName("personGlance")
        self.timeline_model = TimelineModel(self)
        self.timeline = QListView()
        self.timeline.setModel(self.timeline_model)
        self.timeline.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.timeline.activated.connect(self._open_entry)  # double-click or Enter
        buttons = QHBoxLayout()
        buttons.addWidget(self.source, 1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.problem)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.glance)
        layout.addWidget(self.timeline, 1)
        for line in (self.name, self.function, self.email, self.phone, self.mandate,
                     self.tags, self.purpose):
            line.textEdited.connect(self._changed)
        self.organisation.editTextChanged.connect(self._changed)
        self.notes.textChanged.connect(self._changed)
        self.internal.toggled.connect(self._changed)
        self.to_confirm.toggled.connect(self._changed)
        self.retain_until.dateChanged.connect(self._changed)
        self.setEnabled(False)

    # -- what it shows ---------------------------------------------------------
    def person_id(self) -> int | None:
        return self._loaded.id if self._loaded else None

    def version(self) -> int | None:
        return self._loaded.version if self._loaded else None

    def set_organisations(self, names: list[str]) -> None:
        text = self.organisation.currentText()
        self._filling = True
        self.organisation.clear()
        self.organisation.addItems(names)
        self.organisation.setEditText(text)
        self._filling = False

    def show_person(self, details: PersonDetails) -> None:
        self._loaded = details
        self._loaded_fields = details.fields
        self._filling = True
        f = details.fields
        self.name.setText(f.full_name)
        self.function.setText(f.function)
        self.organisation.setEditText(f.organisation)
        self.email.setText(f.email)
        self.phone.setText(f.phone)
        self.mandate.setText(f.mandate)
        self.tags.setText(", ".join(f.tags))
        self.internal.setChecked(f.is_internal)
        self.to_confirm.setChecked(f.to_confirm)
        self.purpose.setText(f.purpose)
        day = f.retain_until
        self.retain_until.setDate(QDate(day.year, day.month, day.day) if day
                                  else self.retain_until.minimumDate())
        self.notes.setPlainText(f.notes)
        self.source.setText(self.tr("Source: {source}").format(source=details.source or "—"))
        self._filling = False
        self.problem.hide()
        self.save_button.setEnabled(False)
        self.setEnabled(True)

    def saved(self, details: PersonDetails) -> None:
        """A save landed: what is shown is now what is stored (keep the cursor)."""
        if self.fields() == details.fields:
            self._loaded, self._loaded_fields = details, details.fields
            self.problem.hide()
            self.save_button.setEnabled(False)
        else:
            self._loaded = details  # typed on meanwhile: still dirty, newer version

    def clear(self) -> None:
        self._loaded = self._loaded_fields = None
        self._filling = True
        for line in (self.name, self.function, self.email, self.phone, self.mandate,
                     self.tags, self.purpose):
            line.clear()
        self.organisation.setEditText("")
        self.notes.clear()
        self._filling = False
        self.timeline_model.set_entries([])
        self.glance.clear()
        self.problem.hide()
        self.setEnabled(False)

    def show_timeline(self, timeline: PersonTimeline) -> None:
        if timeline.person_id != self.person_id():
            return
        self.glance.setText(timeline.glance)
        self.timeline_model.set_entries(list(timeline.entries))
        self.timeline_shown.emit(timeline.person_id)

    def show_problem(self, message: str, *, stale: bool = False) -> None:
        self.banner.setText(message)
        self.banner.show()
        self.reload_button.setVisible(stale)
        self.problem.show()

    # -- what was typed --------------------------------------------------------
    def fields(self) -> PersonFields:
        from kortrijk_cockpit.services.people import PersonFields

        qdate = self.retain_until.date()
        keep: date | None = None
        if qdate != self.retain_until.minimumDate():
            keep = date(qdate.year(), qdate.month(), qdate.day())
        return PersonFields(
            full_name=self.name.text(), function=self.function.text(),
            organisation=self.organisation.currentText(), email=self.email.text(),
            phone=self.phone.text(), mandate=self.mandate.text(),
            is_internal=self.internal.isChecked(), notes=self.notes.toPlainText(),
            purpose=self.purpose.text(), retain_until=keep,
            tags=tuple(t.strip() for t in self.tags.text().split(",") if t.strip()),
            to_confirm=self.to_confirm.isChecked())

    def is_dirty(self) -> bool:
        return self._loaded_fields is not None and self.fields() != self._loaded_fields

    def _changed(self, *_args: object) -> None:
        if self._filling:
            return
        self.save_button.setEnabled(self.is_dirty())
        self.edited.emit()

    def _open_entry(self, index: QModelIndex) -> None:
        entry = index.data(TimelineModel.EntryRole)
        kind = RECORD_KINDS.get(entry.kind) if entry is not None else None
        if kind is not None:
            self.record_requested.emit(kind, entry.ref_id)

    def start_editing(self) -> None:
        """F2: into the fields, the name selected."""
        if self.isEnabled():
            self.name.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.name.selectAll()
