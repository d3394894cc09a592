"""A visit's or tour's checklist: mark the appointment, then keep each item by keyboard.

Every edit is saved at once on the store lane and announced on the change feed,
so nothing typed is lost when the dialog closes. The lead wires
`open_visit_checklist` into the appointment's details panel and context menu.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    QStringListModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kortrijk_cockpit.changes import Changes, Kind
from kortrijk_cockpit.ui.formatting import format_datetime
from kortrijk_cockpit.ui.models.headed_table import HeadedTableModel
from kortrijk_cockpit.ui.tasks import Lane

if TYPE_CHECKING:
    from kortrijk_cockpit.services.visits import Checklist, ChecklistItem, VisitService
    from kortrijk_cockpit.ui.change_feed import ChangeFeed
    from kortrijk_cockpit.ui.tasks import TaskRunner

Index = QModelIndex | QPersistentModelIndex


class ChecklistModel(HeadedTableModel):
    """The items; an edit changes the row at once and asks for a save (`edited`)."""

    DONE, ITEM, OWNER, DUE, NOTE = range(5)
    edited = Signal(int, str, object)  # item id, field, value

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[ChecklistItem] = []

    def set_items(self, items: tuple[ChecklistItem, ...]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def item(self, row: int) -> ChecklistItem:
        return self._items[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._items)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.DONE:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if index.column() in (self.OWNER, self.DUE, self.NOTE):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Done"), self.tr("Item"), self.tr("Owner"), self.tr("Date"),
                self.tr("Note"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        column = index.column()
        if column == self.DONE and role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if item.done else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ForegroundRole and item.done:
            return QBrush(QColor("#707070"))
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return None
        if column == self.ITEM:
            return item.label
        if column == self.OWNER:
            return item.owner_name
        if column == self.DUE:
            return QDate(item.due_date) if role == Qt.ItemDataRole.EditRole \
                else item.due_date.strftime("%d/%m/%Y")
        if column == self.NOTE:
            return item.note
        return None

    def setData(self, index: Index, value: Any,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        from dataclasses import replace

        item = self._items[index.row()]
        column = index.column()
        if column == self.DONE and role == Qt.ItemDataRole.CheckStateRole:
            done = Qt.CheckState(value) == Qt.CheckState.Checked
            fresh, field, wanted = replace(item, done=done), "done", done
        elif role != Qt.ItemDataRole.EditRole:
            return False
        elif column == self.OWNER:
            fresh, field, wanted = replace(item, owner_name=str(value).strip()), "owner_name", \
                str(value).strip()
        elif column == self.NOTE:
            fresh, field, wanted = replace(item, note=str(value)), "note", str(value)
        elif column == self.DUE:
            day: date = value.toPython() if isinstance(value, QDate) else value
            fresh, field, wanted = replace(item, due_date=day, due_is_chosen=True), "due_date", day
        else:
            return False
        if fresh == item:
            return False
        self._items[index.row()] = fresh
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), 4))
        self.edited.emit(item.id, field, wanted)
        return True


class OwnerDelegate(QStyledItemDelegate):
    """The owner column completes the office's people (free text stays allowed)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.names = QStringListModel(self)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                     index: Index) -> QWidget:
        editor = super().createEditor(parent, option, index)
        if index.column() == ChecklistModel.OWNER and isinstance(editor, QLineEdit):
            completer = QCompleter(self.names, editor)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            editor.setCompleter(completer)
        return editor


class VisitChecklistDialog(QDialog):
    """Opened with the appointment's id; `saved` after each edit has landed."""

    saved = Signal()

    def __init__(self, parent: QWidget | None, visits: VisitService, runner: TaskRunner,
                 feed: ChangeFeed, event_id: int | None, *, visit_id: int | None = None) -> None:
        super().__init__(parent)
        self._visits = visits
        self._runner = runner
        self._feed = feed
        self._event_id = event_id
        self._visit_id = visit_id  # without an appointment (it is gone): by the visit
        self._checklist: Checklist | None = None
        self._pending = 0
        # Who made a change, for the feed: not the dialog itself, which may be gone
        # by the time a write lands.
        self.token = object()
        self.question: QMessageBox | None = None
        self._stale = False
        self.setWindowTitle(self.tr("Visit or tour"))
        self.resize(760, 420)

        self.appointment = QLabel()
        self.appointment.setTextFormat(Qt.TextFormat.PlainText)
        self.cancelled = QLabel(self.tr("Appointment cancelled"))
        self.cancelled.setObjectName("cancelledNote")
        self.cancelled.setStyleSheet("color: #b00020; font-weight: bold;")
        self.cancelled.hide()
        self.kind = QComboBox()
        self.kind.addItem(self.tr("No visit or tour"), None)
        self.kind.addItem(self.tr("Visit (bezoek)"), "bezoek")
        self.kind.addItem(self.tr("Tour (rondleiding)"), "rondleiding")
        self.kind.activated.connect(self._kind_chosen)
        form = QFormLayout()
        form.addRow(self.tr("Appointment:"), self.appointment)
        label = QLabel(self.tr("&Kind:"))
        label.setBuddy(self.kind)
        form.addRow(label, self.kind)

        self.model = ChecklistModel(self)
        self.model.edited.connect(self._save)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.owners = OwnerDelegate(self.table)
        self.table.setItemDelegate(self.owners)
        self.owners.closeEditor.connect(lambda *_: self._catch_up())
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(
            ChecklistModel.NOTE, QHeaderView.ResizeMode.Stretch)
        self.table.setTabKeyNavigation(False)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.cancelled)
        layout.addWidget(self.table)
        hint = QLabel(self.tr("Space ticks an item off; F2 or typing edits owner, date or note. "
                              "Every change is saved at once."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        feed.changed.connect(self._on_changed)
        self._runner.run(self.tr("Loading the checklist"), lambda _c: visits.people_names(),
                         owner=self, on_success=self.owners.names.setStringList)
        self.reload()

    # -- loading ---------------------------------------------------------------
    def reload(self) -> None:
        visits, event_id, visit_id = self._visits, self._event_id, self._visit_id
        self._runner.run(self.tr("Loading the checklist"),
                         lambda _ctx: visits.checklist(event_id) if event_id is not None
                         else visits.checklist_of_visit(visit_id or 0), owner=self,
                         lane=Lane.STORE, on_success=self._show)  # after the writes before it

    def _show(self, checklist: Checklist | None) -> None:
        if self.table.state() == QAbstractItemView.State.EditingState:
            self._stale = True  # she started typing meanwhile: catch up afterwards
            return
        self._checklist = checklist
        row = self.table.currentIndex()
        self.model.set_items(checklist.items if checklist else ())
        self.kind.setCurrentIndex(0 if checklist is None
                                  else self.kind.findData(checklist.kind.value))
        if checklist is not None:
            self.appointment.setText(f"{checklist.subject} — "
                                     f"{format_datetime(checklist.start_at)}")
        self.cancelled.setVisible(checklist is not None and checklist.cancelled)
        self.kind.setEnabled(self._event_id is not None)  # a gone appointment: kept as it is
        if self.model.rowCount():
            at = row.row() if row.isValid() and row.row() < self.model.rowCount() else 0
            self.table.setCurrentIndex(self.model.index(at, ChecklistModel.DONE))
        self.saved.emit()

    def _on_changed(self, changes: Changes, initiator: object) -> None:
        if initiator is self.token or not changes.touches_any((Kind.VISIT_ITEM, Kind.EVENT)):
            return
        if self._pending or self.table.state() == QAbstractItemView.State.EditingState:
            self._stale = True  # a reload now would drop what she is typing
            return
        self.reload()  # someone else (or the sync) changed it

    # -- writes ----------------------------------------------------------------
    def _save(self, item_id: int, field: str, value: object) -> None:
        visits, feed, token = self._visits, self._feed, self.token
        self._pending += 1

        def write(_ctx: object) -> Changes:
            return visits.update_item(item_id, **{field: value})  # type: ignore[arg-type]

        self._runner.run(self.tr("Saving the checklist"), write, owner=self, lane=Lane.STORE,
                         on_landed=lambda changes: feed.publish(changes, token),
                         on_success=lambda _c: self._landed(),
                         on_failure=self._failed)

    def _landed(self) -> None:
        self._pending -= 1
        self.saved.emit()
        self._catch_up()

    def _catch_up(self) -> None:
        """A change that came in while she typed or saved: shown now."""
        if self._stale and not self._pending \
                and self.table.state() != QAbstractItemView.State.EditingState:
            self._stale = False
            self.reload()

    def _failed(self, exc: BaseException) -> None:
        self._pending -= 1
        self._runner.report(self.tr("Saving the checklist"), exc)
        self.reload()

    def _kind_chosen(self, index: int) -> None:
        wanted = self.kind.itemData(index)
        current = self._checklist
        if wanted == (current.kind.value if current else None):
            return
        if wanted is None and current is not None and current.has_progress:
            self._ask_unmark(current.kind.value)
            return
        self._write_kind(wanted)

    def _ask_unmark(self, kind: str) -> None:
        """Items already filled in are not thrown away without a question."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("No longer a visit or tour"),
                          self.tr("Part of this checklist is already filled in. Remove the "
                                  "checklist anyway?"),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.question = box

        def answered(result: int) -> None:
            self.question = None
            if result == QMessageBox.StandardButton.Yes:
                self._write_kind(None)
            else:
                self.kind.setCurrentIndex(self.kind.findData(kind))

        box.finished.connect(answered)
        box.open()

    def _write_kind(self, wanted: str | None) -> None:
        visits, feed, token = self._visits, self._feed, self.token
        event_id = self._event_id
        assert event_id is not None  # the kind is only offered with the appointment
        if wanted is None:
            write = lambda _ctx: visits.unmark(event_id)  # noqa: E731
        else:
            from kortrijk_cockpit.domain.visits import VisitKind

            kind = VisitKind(wanted)
            write = lambda _ctx: visits.mark(event_id, kind).changes  # noqa: E731
        self._runner.run(self.tr("Saving the checklist"), write, owner=self, lane=Lane.STORE,
                         on_landed=lambda changes: feed.publish(changes, token),
                         on_success=lambda _c: self.reload(), on_failure=self._failed_kind)

    def _failed_kind(self, exc: BaseException) -> None:
        self._runner.report(self.tr("Saving the checklist"), exc)
        self.reload()

    def done(self, result: int) -> None:
        """An editor still open keeps what she typed: commit it before closing."""
        editor = QApplication.focusWidget()
        if editor is not None and self.table.isAncestorOf(editor) and editor is not self.table:
            self.table.commitData(editor)
        super().done(result)


def open_visit_checklist(parent: QWidget | None, visits: VisitService, runner: TaskRunner,
                         feed: ChangeFeed, event_id: int | None, *,
                         visit_id: int | None = None) -> VisitChecklistDialog:
    """The entry point for the appointment's details panel and context menu (by its
    event id); Opvolging opens one whose appointment is gone by `visit_id`."""
    dialog = VisitChecklistDialog(parent, visits, runner, feed, event_id, visit_id=visit_id)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
