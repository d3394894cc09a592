"""The fiche editor: its sections as fields, its people, the review and the versions.

What is typed stays in the fields until a save lands: a stale save is refused by the
store and the text is kept, so it can be saved again after a reload of the other side.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kortrijk_cockpit.domain import BriefStatus
from kortrijk_cockpit.services.brief_editing import EDITABLE, HEADER, FicheDraft
from kortrijk_cockpit.ui.views.briefs.models import PeopleModel

if TYPE_CHECKING:
    from kortrijk_cockpit.services.briefs import VersionLine

LINES = ("title", "place", "organiser", "director_role", "event_type")


class FicheEditor(QWidget):
    """Emits what the user asks; the area runs it on the task runner."""

    save_requested = Signal()
    review_requested = Signal(str)  # "submit", "approve", "send_back", "reopen"
    add_person_requested = Signal(str)  # the name typed
    remove_person_requested = Signal(int)  # BriefPerson row id
    move_person_requested = Signal(int, int)  # row id, step
    confirm_person_requested = Signal(int)  # person id
    paste_requested = Signal()
    publish_requested = Signal(int)  # brief id (part 4: "Publiceren…")
    version_requested = Signal(int)  # a BriefVersion id to show read-only

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.draft: FicheDraft | None = None
        self._saved: dict[str, str] = {}
        self.heading = QLabel()
        self.heading.setObjectName("viewHeading")
        self.state = QLabel()
        self.comments = QLabel()
        self.comments.setWordWrap(True)
        self.comments.setObjectName("directorComments")
        self.comments.setStyleSheet("background:#fff4ce;border:1px solid #e0b000;padding:8px;"
                                    "font-weight:bold;")
        self.comments.hide()
        self.fields: dict[str, QLineEdit | QPlainTextEdit] = {}
        labels = self._labels()
        form = QFormLayout()
        self._rows: dict[str, int] = {}
        for name in EDITABLE:
            edit: QLineEdit | QPlainTextEdit = QLineEdit() if name in LINES else QPlainTextEdit()
            if isinstance(edit, QPlainTextEdit):
                edit.setTabChangesFocus(True)
                edit.setFixedHeight(72)
            edit.setObjectName(f"fiche_{name}")
            self.fields[name] = edit
            form.addRow(labels[name], edit)
        self._form = form
        self.people = PeopleModel(self)
        self.people_table = QTableView()
        self.people_table.setModel(self.people)
        self.people_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.people_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Only open matters and the opener are editable (the model says which): F2 or
        # a double click.
        self.people_table.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed
                                          | QAbstractItemView.EditTrigger.DoubleClicked)
        self.people_table.verticalHeader().hide()
        self.people_table.horizontalHeader().setSectionResizeMode(
            PeopleModel.OPENER, QHeaderView.ResizeMode.Stretch)
        self.people_table.setMinimumHeight(140)
        self.add_name = QLineEdit()
        self.add_name.setPlaceholderText(self.tr("Add a person by name…"))
        self.names = QStringListModel(self)
        completer = QCompleter(self.names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.add_name.setCompleter(completer)
        self.add_name.returnPressed.connect(self._add)
        remove = QPushButton(self.tr("Remove"))
        remove.clicked.connect(self.remove_current)
        confirm = QPushButton(self.tr("Confirm person"))
        confirm.clicked.connect(self.confirm_current)
        paste = QPushButton(self.tr("Paste attendees…"))
        paste.clicked.connect(self.paste_requested.emit)
        people_bar = QHBoxLayout()
        for w in (self.add_name, remove, confirm, paste):
            people_bar.addWidget(w)
        self.people_box = QWidget()
        people_layout = QVBoxLayout(self.people_box)
        people_layout.setContentsMargins(0, 0, 0, 0)
        people_layout.addWidget(QLabel(self.tr("People worth meeting")))
        people_layout.addWidget(self.people_table)
        people_layout.addLayout(people_bar)
        self.buttons: dict[str, QPushButton] = {}
        review = QHBoxLayout()
        for key, text in (("save", self.tr("Save (Ctrl+S)")), ("submit", self.tr("Submit for review")),
                          ("approve", self.tr("Approve")),
                          ("send_back", self.tr("Back to draft with comments")),
                          ("reopen", self.tr("Reopen")), ("publish", self.tr("Publish…"))):
            button = QPushButton(text)
            self.buttons[key] = button
            review.addWidget(button)
        self.buttons["save"].clicked.connect(self.save_requested.emit)
        for key in ("submit", "approve", "send_back", "reopen"):
            self.buttons[key].clicked.connect(lambda _=False, k=key: self.review_requested.emit(k))
        self.buttons["publish"].clicked.connect(self._publish)
        self.versions = QStandardItemModel(self)
        self.versions_view = QListView()
        self.versions_view.setModel(self.versions)
        self.versions_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.versions_view.setMaximumHeight(100)
        self.versions_view.activated.connect(self._version)
        self.versions_view.doubleClicked.connect(self._version)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addLayout(form)
        body_layout.addWidget(self.people_box)
        body_layout.addWidget(QLabel(self.tr("Versions")))
        body_layout.addWidget(self.versions_view)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.state)
        layout.addWidget(self.comments)
        layout.addLayout(review)
        layout.addWidget(scroll, 1)
        for keys, slot in (("Ctrl+S", self.save_requested.emit),
                           ("Ctrl+Shift+P", self._publish),
                           ("Ctrl+Up", lambda: self._move(-1)),
                           ("Ctrl+Down", lambda: self._move(1))):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.setEnabled(False)

    def _labels(self) -> dict[str, str]:
        return {"title": self.tr("Event"), "place": self.tr("Place"),
                "organiser": self.tr("Organiser"), "director_role": self.tr("Director's role"),
                "logistics": self.tr("Logistics"), "event_type": self.tr("Event type"),
                "objective": self.tr("Objective (one sentence)"),
                "position": self.tr("Kortrijk's position"),
                "key_messages": self.tr("Key messages (3-5)"),
                "asks_offers": self.tr("Asks and offers"),
                "sensitive_topics": self.tr("Sensitive topics; what not to say"),
                "background": self.tr("Background"), "follow_up": self.tr("Follow-up")}

    # -- showing -----------------------------------------------------------------------
    def show_draft(self, draft: FicheDraft, keep_typed: bool = False) -> None:
        """A loaded fiche; with `keep_typed`, fields the user changed keep their text."""
        typed = self.typed() if keep_typed and self.draft and self.draft.id == draft.id else {}
        self.draft = draft
        self._saved = dict(draft.fields)
        for name, edit in self.fields.items():
            value = typed.get(name, draft.fields.get(name, ""))
            if _text(edit) != value:
                if isinstance(edit, QLineEdit):
                    edit.setText(value)
                else:
                    edit.setPlainText(value)
            shown = name in HEADER or name in draft.sections
            self._form.setRowVisible(edit, shown)
        self.people_box.setVisible("people" in draft.sections)
        current = self.current_person()
        self.people.set_people(draft.people)
        if current is not None and (row := self.people.row_of(current.row_id)) >= 0:
            self.people_table.selectRow(row)
        self.heading.setText(draft.fields.get("title", ""))
        self.state.setText(self.tr("State: %1").replace("%1", _state(self, draft.status)))
        sent_back = draft.status is BriefStatus.DRAFT and bool(draft.comments)
        self.comments.setVisible(sent_back)
        self.comments.setText(self.tr("Director's comments: %1").replace("%1", draft.comments))
        status = draft.status
        self.buttons["submit"].setEnabled(status is BriefStatus.DRAFT)
        self.buttons["approve"].setEnabled(status is not BriefStatus.APPROVED)
        self.buttons["send_back"].setEnabled(status is not BriefStatus.DRAFT)
        self.buttons["reopen"].setEnabled(status is not BriefStatus.DRAFT)
        self.setEnabled(True)

    def show_versions(self, lines: list[VersionLine]) -> None:
        self.versions.clear()
        for line in lines:
            item = QStandardItem(f"v{line.number} · {line.created_at:%d/%m/%Y %H:%M} · "
                                 f"{line.step} · {line.actor}")
            item.setData(line.id, Qt.ItemDataRole.UserRole)
            if line.comments:
                item.setToolTip(line.comments)
            self.versions.appendRow(item)

    def clear(self) -> None:
        self.draft = None
        self._saved = {}
        for edit in self.fields.values():
            edit.clear() if isinstance(edit, QLineEdit) else edit.setPlainText("")
        self.people.set_people([])
        self.versions.clear()
        self.heading.clear()
        self.state.clear()
        self.comments.hide()
        self.setEnabled(False)

    # -- what was typed ------------------------------------------------------------------
    def typed(self) -> dict[str, str]:
        """Fields that differ from what was last loaded or saved."""
        return {name: _text(edit) for name, edit in self.fields.items()
                if _text(edit) != self._saved.get(name, "")}

    def mark_saved(self, fields: dict[str, str], version: int) -> None:
        self._saved.update(fields)
        if self.draft is not None:
            from dataclasses import replace

            self.draft = replace(self.draft, version=version,
                                 fields={**self.draft.fields, **fields})

    def current_person(self) -> Any:
        index = self.people_table.currentIndex()
        return self.people.person_at(index.row()) if index.isValid() else None

    def remove_current(self) -> None:
        person = self.current_person()
        if person is not None:
            self.remove_person_requested.emit(person.row_id)

    def confirm_current(self) -> None:
        person = self.current_person()
        if person is not None and person.to_confirm:
            self.confirm_person_requested.emit(person.person_id)

    def _move(self, step: int) -> None:
        person = self.current_person()
        if person is not None:
            self.move_person_requested.emit(person.row_id, step)

    def _add(self) -> None:
        name = self.add_name.text().strip()
        if name:
            self.add_person_requested.emit(name)

    def _publish(self) -> None:
        if self.draft is not None:
            self.publish_requested.emit(self.draft.id)

    def _version(self, index: Any) -> None:
        version_id = index.data(Qt.ItemDataRole.UserRole)
        if version_id is not None:
            self.version_requested.emit(int(version_id))


def _text(edit: QLineEdit | QPlainTextEdit) -> str:
    return edit.text() if isinstance(edit, QLineEdit) else edit.toPlainText()


def _state(_widget: QWidget, status: BriefStatus) -> str:
    from kortrijk_cockpit.ui.views.briefs.models import state_label

    return state_label(status)


Callback = Callable[[], None]
