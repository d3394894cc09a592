"""The action points typed under one agenda item, while people talk.

An entry row (what, owner, deadline) adds a point with Enter and stays ready for the
next; the table below lists the item's points. F2 changes the chosen one, Del takes
back one typed by mistake (after a question; Ctrl+Z brings it back). On a
"Goedkeuring verslag" item, "Approve minutes" (Ctrl+G) approves and locks the earlier
meeting's verslag.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kortrijk_cockpit.changes import Kind
from kortrijk_cockpit.services.carry_over import STATUS_LABELS
from kortrijk_cockpit.services.minutes import MinutesAction, MinutesItem, MinutesService
from kortrijk_cockpit.ui.change_feed import ChangeFeed, StaleWatch
from kortrijk_cockpit.ui.formatting import format_date
from kortrijk_cockpit.ui.models.keyed_rows import KeyedTableModel
from kortrijk_cockpit.ui.tasks import TaskRunner
from kortrijk_cockpit.ui.views.minutes.action_dialog import ActionDialog
from kortrijk_cockpit.ui.views.minutes.due_entry import DueEdit, OwnerEdit
from kortrijk_cockpit.ui.views.minutes.panel_base import KeyTable, WritingPanel

Index = QModelIndex | QPersistentModelIndex
NO_MODS = Qt.KeyboardModifier.NoModifier


class ActionsModel(KeyedTableModel):
    """An item's action points in the order they were typed."""

    WHAT, OWNER, DUE, STATUS = range(4)
    ActionRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(lambda a: a.id, parent)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("What"), self.tr("Who"), self.tr("Deadline"), self.tr("Status"))

    def action(self, row: int) -> MinutesAction | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        a = self.action(index.row()) if index.isValid() else None
        if a is None:
            return None
        if role == self.ActionRole:
            return a
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (a.title, a.owner_name, format_date(a.due_date),
                    STATUS_LABELS[a.status])[index.column()]
        return None


@dataclass(frozen=True)
class _Removed:
    agenda_item_id: int
    title: str
    owner_name: str
    owner_person_id: int | None
    due_date: date | None


class ActionsPanel(WritingPanel):
    def __init__(self, minutes: MinutesService, runner: TaskRunner, feed: ChangeFeed,
                 today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(runner, feed, parent)
        self._minutes = minutes
        self._today = today
        self._meeting_id: int | None = None
        self._item: MinutesItem | None = None
        self._locked = False
        self._names_for: int | None = None  # the meeting whose names the owner completes
        self._undo: _Removed | None = None

        self.model = ActionsModel(self)
        self.table = KeyTable(self)
        self.table.setObjectName("minutesActions")
        self.table.setModel(self.model)
        self.table.keys = {(Qt.Key.Key_F2, NO_MODS): self.edit_current,
                           (Qt.Key.Key_Delete, NO_MODS): self.remove_current,
                           (Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier): self.undo}
        self.empty = QLabel(self.tr("No action points yet: type one below and press Enter."),
                            self)
        self.empty.setObjectName("emptyState")

        self.what = QLineEdit(self)
        self.what.setObjectName("actionWhat")
        self.what.setPlaceholderText(self.tr("New action point"))
        self.owner = OwnerEdit(self)
        self.owner.setObjectName("actionOwner")
        self.due = DueEdit(today, self)
        self.due.edit.setObjectName("actionDue")
        for edit in (self.what, self.owner, self.due.edit):
            edit.returnPressed.connect(self.add)
        self.approve = QPushButton(self.tr("Approve minutes"), self)
        self.approve.setObjectName("approveMinutes")
        self.approve.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_G))
        self.approve.setToolTip(self.tr("Approve the earlier meeting's minutes (Ctrl+G)"))
        self.approve.clicked.connect(self.ask_approve)
        self.approve.hide()

        entry = QHBoxLayout()
        entry.addWidget(self.what, 3)
        entry.addWidget(self.owner, 2)
        entry.addWidget(self.due, 3)  # the day it understood shows beside it
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.approve, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(entry)
        # Only action points: the autosave of the notes (MEETING) every few seconds must
        # not reload this list each time.
        self._watch = StaleWatch(self, feed, (Kind.ACTION_POINT,), self.reload)
        self.model.modelReset.connect(self._show_empty)
        self.model.rowsInserted.connect(self._show_empty)
        self.model.rowsRemoved.connect(self._show_empty)
        self._show_empty()

    # -- showing -------------------------------------------------------------------

    def show_item(self, meeting_id: int, item: MinutesItem, locked: bool) -> None:
        changed_item = self._item is None or self._item.agenda_item_id != item.agenda_item_id
        self._meeting_id, self._item, self._locked = meeting_id, item, locked
        if changed_item:
            self._undo = None
            self.model.set_rows(item.actions)
        else:
            self._apply(item)
        for widget in (self.what, self.owner, self.due):
            widget.setEnabled(not locked)
        self.approve.setVisible(item.approves_meeting_id is not None)
        self.approve.setEnabled(not locked)
        self.approve.setText(self.tr("Approve minutes"))
        if self._names_for != meeting_id:
            self._names_for = meeting_id
            self._runner.run(self.tr("Loading names"),
                             lambda _ctx: self._minutes.owner_names(meeting_id),
                             owner=self, on_success=self.owner.set_names)

    def reload(self) -> None:
        meeting_id, item = self._meeting_id, self._item
        if meeting_id is None or item is None:
            return

        def loaded(minutes: Any) -> None:
            if self._item is None or self._item.agenda_item_id != item.agenda_item_id:
                return  # another item is shown by now
            fresh = next((i for i in minutes.items
                          if i.agenda_item_id == item.agenda_item_id), None)
            if fresh is not None:
                self.show_item(meeting_id, fresh, minutes.locked)
        self._runner.run(self.tr("Loading the minutes"),
                         lambda _ctx: self._minutes.load(meeting_id), owner=self,
                         on_success=loaded)

    def _apply(self, item: MinutesItem) -> None:
        fresh: dict[int, MinutesAction | None] = {a.id: a for a in item.actions}
        for key in self.model.keys():
            fresh.setdefault(key, None)
        self.model.apply(fresh)

    def _show_empty(self) -> None:
        self.empty.setVisible(self.model.rowCount() == 0)

    # -- the entry row -------------------------------------------------------------

    def add(self) -> None:
        item = self._item
        if item is None or self._locked:
            return
        title = self.what.text().strip()
        if not title:
            self.what.setFocus()
            return
        if not self.due.is_valid():
            self.due.edit.setFocus()  # the hint beside it says why
            return
        owner, due, typed_due = self.owner.text().strip(), self.due.value(), self.due.edit.text()
        self.what.clear()
        self.owner.clear()
        self.due.clear()
        self.what.setFocus()

        def restore(_exc: BaseException) -> None:
            if not self.what.text() and not self.owner.text() and not self.due.edit.text():
                self.what.setText(title)  # nothing typed is lost
                self.owner.setText(owner)
                self.due.edit.setText(typed_due)
        self._write(self.tr("Adding the action point"), lambda: self._minutes.add_action(
            item.agenda_item_id, title, owner_name=owner, due_date=due), on_failure=restore)

    # -- on the chosen action ------------------------------------------------------

    def current(self) -> MinutesAction | None:
        return self.model.action(self.table.currentIndex().row())

    def edit_current(self) -> None:
        action = self.current()
        if action is None or self._locked:
            return
        dialog = ActionDialog(self._today, self.owner.names(), title=action.title,
                              owner_name=action.owner_name, due_date=action.due_date,
                              with_title=True, parent=self)

        def accepted() -> None:
            f = dialog.fields()
            self._write(self.tr("Changing the action point"), lambda: self._minutes.edit_action(
                action.id, title=f.title, owner_name=f.owner_name,
                owner_person_id=action.owner_person_id if f.owner_name == action.owner_name
                else None, due_date=f.due_date, version=action.version))
        dialog.accepted.connect(accepted)
        self._open(dialog)

    def remove_current(self) -> None:
        action, item = self.current(), self._item
        if action is None or item is None or self._locked:
            return

        def remove() -> None:
            self._undo = _Removed(item.agenda_item_id, action.title, action.owner_name,
                                  action.owner_person_id, action.due_date)
            self._write(self.tr("Removing the action point"),
                        lambda: self._minutes.remove_action(action.id))
        self._ask(self.tr("Remove action point"),
                  self.tr("Remove the action point \u201c%1\u201d? "
                          "Ctrl+Z brings it back.").replace("%1", action.title),
                  self.tr("Remove"), remove)

    def undo(self) -> None:
        undo = self._undo
        if undo is None or self._locked:
            return
        self._undo = None
        self._write(self.tr("Restoring the action point"), lambda: self._minutes.add_action(
            undo.agenda_item_id, undo.title, owner_name=undo.owner_name,
            owner_person_id=undo.owner_person_id, due_date=undo.due_date))

    # -- approving the earlier minutes ----------------------------------------------

    def ask_approve(self) -> None:
        item = self._item
        if item is None or item.approves_meeting_id is None or self._locked:
            return

        def approve() -> None:
            def done(_result: object) -> None:
                self.approve.setEnabled(False)
                self.approve.setText(self.tr("Minutes approved"))
            self._write(self.tr("Approving the minutes"),
                        lambda: self._minutes.approve_verslag(item.agenda_item_id),
                        on_success=done)
        self._ask(self.tr("Approve minutes"),
                  self.tr("Approve the minutes of the earlier meeting? They will then be "
                          "locked: nobody can change them any more."),
                  self.tr("Approve"), approve)
