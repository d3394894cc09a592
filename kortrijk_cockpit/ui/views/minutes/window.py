"""The minutes window of one meeting, made for typing fast while people talk.

Three panes: attendance (one key per member), the agenda items, and the chosen item's
notes and besluit. Text is saved `AUTOSAVE_MS` after the first keystroke (a single-shot
timer that typing does not restart, so continuous typing still saves every interval),
and at once on switching item or closing. Which item, field and cursor position is
open is kept in the window state, so a restart after a kill opens the minutes there.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kortrijk_cockpit.domain import AttendanceStatus
from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.services.minutes import AUTOSAVE_MS
from kortrijk_cockpit.ui.change_feed import ChangeFeed
from kortrijk_cockpit.ui.dialogs.messages import show_failure
from kortrijk_cockpit.ui.tasks import TaskRunner
from kortrijk_cockpit.ui.views.minutes.controller import MinutesController
from kortrijk_cockpit.ui.views.minutes.models import ROW_ROLE, AgendaItemsModel, AttendanceModel

if TYPE_CHECKING:
    from kortrijk_cockpit.services.action_points import ActionPointService
    from kortrijk_cockpit.services.minutes import (
        AttendanceLine,
        Minutes,
        MinutesConflict,
        MinutesItem,
        MinutesService,
    )

STATE_GROUP = "minutes"  # in the main window's QSettings: the minutes open at a kill
NOTES, DECISION = "notes", "decision"
NEXT_STATUS = {AttendanceStatus.PRESENT: AttendanceStatus.EXCUSED,
               AttendanceStatus.EXCUSED: AttendanceStatus.ABSENT,
               AttendanceStatus.ABSENT: AttendanceStatus.PRESENT}
STATUS_KEYS = {Qt.Key.Key_A: AttendanceStatus.PRESENT, Qt.Key.Key_V: AttendanceStatus.EXCUSED,
               Qt.Key.Key_X: AttendanceStatus.ABSENT}

ConflictHandler = Callable[["MinutesConflict"], "tuple[str, str] | None"]


@dataclass(frozen=True)
class ResumePoint:
    """Where typing was: the item, the field and the cursor in it."""

    agenda_item_id: int
    field: str = NOTES
    cursor: int = 0


def saved_resume_point(state: QSettings) -> tuple[int, ResumePoint | None] | None:
    """The meeting whose minutes were open when the app last stopped, if any."""
    meeting = _int(state.value(f"{STATE_GROUP}/meeting"))
    if meeting is None:
        return None
    item = _int(state.value(f"{STATE_GROUP}/item"))
    if item is None:
        return meeting, None
    field = str(state.value(f"{STATE_GROUP}/field", NOTES))
    return meeting, ResumePoint(item, field if field in (NOTES, DECISION) else NOTES,
                                _int(state.value(f"{STATE_GROUP}/cursor")) or 0)


def _int(value: object) -> int | None:
    try:
        return int(str(value)) if value is not None else None
    except ValueError:
        return None


class AttendanceView(QTableView):
    """A aanwezig, V verontschuldigd, X afwezig, Space the next status, Ins a guest,
    Del removes a guest."""

    status_pressed = Signal(int, object)  # row, AttendanceStatus (None: cycle)
    add_pressed = Signal()
    remove_pressed = Signal(int)  # row

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        row = self.currentIndex().row()
        key = Qt.Key(event.key())
        plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier,
                                      Qt.KeyboardModifier.KeypadModifier)
        if plain and key in STATUS_KEYS and row >= 0:
            self.status_pressed.emit(row, STATUS_KEYS[key])
            if row + 1 < self.model().rowCount():  # on to the next member
                self.setCurrentIndex(self.model().index(row + 1, 0))
        elif plain and key == Qt.Key.Key_Space and row >= 0:
            self.status_pressed.emit(row, None)
        elif plain and key == Qt.Key.Key_Insert:
            self.add_pressed.emit()
        elif plain and key == Qt.Key.Key_Delete and row >= 0:
            self.remove_pressed.emit(row)
        else:
            super().keyPressEvent(event)


class MinutesWindow(QWidget):
    """Non-modal, one per meeting; `actions_slot` and `followup_slot` take the inline
    action points and the Opvolging panels."""

    failed = Signal(str, object)  # label, exception
    item_changed = Signal(int)  # the agenda item now in the editor (for the actions panel)

    def __init__(self, service: MinutesService, runner: TaskRunner, feed: ChangeFeed,
                 meeting_id: int, state: QSettings | None = None,
                 resume: ResumePoint | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.meeting_id = meeting_id
        self.runner, self.state, self.feed, self.service = runner, state, feed, service
        self.controller = MinutesController(service, runner, feed, meeting_id, self)
        self.conflict_handler: ConflictHandler = self.keep_on_screen
        self.minutes: Minutes | None = None
        self.item_id: int | None = None
        self.locked = False
        self.question: QWidget | None = None  # the open confirmation or guest dialog
        self._resume = resume
        self._keep_resume = False  # closed with the app: reopen at the next start
        self._dirty = False  # the editor holds text not yet handed to the controller
        self._setting_text = False
        self._screen: dict[int, tuple[str, str]] = {}  # typed, not yet known to be saved
        self._held: set[int] = set()  # items in conflict: not saved until she chooses
        self.setWindowTitle(self.tr("Minutes"))
        self.resize(1440, 860)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(AUTOSAVE_MS)
        self.timer.timeout.connect(self.save_now)

        self.attendance_model = AttendanceModel(self)
        self.attendance_view = AttendanceView()
        self.attendance_view.setObjectName("attendance")
        self._table(self.attendance_view, self.attendance_model)
        self.attendance_view.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents)  # "verontschuldigd" in full
        self.attendance_view.status_pressed.connect(self._attendance_key)
        self.attendance_view.add_pressed.connect(self.add_guest)
        self.attendance_view.remove_pressed.connect(self.remove_guest)

        self.items_model = AgendaItemsModel(self)
        self.items_view = QTableView()
        self.items_view.setObjectName("agendaItems")
        self._table(self.items_view, self.items_model)
        header = self.items_view.horizontalHeader()
        for column in range(self.items_model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(AgendaItemsModel.TITLE, QHeaderView.ResizeMode.Stretch)
        # The section is in the item's title above the editor: the list keeps its width
        # for the titles.
        self.items_view.setColumnHidden(AgendaItemsModel.SECTION, True)
        self.items_view.setWordWrap(False)
        self.items_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.items_view.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._item_chosen(current.row()))

        self.item_title = QLabel()
        self.item_title.setObjectName("itemTitle")
        font = self.item_title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.item_title.setFont(font)
        self.item_title.setWordWrap(True)
        self.notes = self._editor("notes", self.tr("Notes: what was said"))
        self.decision = self._editor("decision", self.tr("Decision (besluit)"))
        # The two slots the action point and follow-up panels go in.
        self.actions_slot = QVBoxLayout()
        self.actions_placeholder = QLabel(self.tr("Action points of this item appear here."))
        self.actions_slot.addWidget(self.actions_placeholder)
        self.followup_slot = QVBoxLayout()
        self.followup_placeholder = QLabel(self.tr("Open points that come back here appear "
                                                   "here."))
        self.followup_slot.addWidget(self.followup_placeholder)
        self.lower_tabs = QTabWidget()
        for slot, title in ((self.actions_slot, self.tr("Action points")),
                            (self.followup_slot, self.tr("Follow-up"))):
            page = QWidget()
            page.setLayout(slot)
            self.lower_tabs.addTab(page, title)

        editor = QWidget()
        editor_layout = QVBoxLayout(editor)
        editor_layout.addWidget(self.item_title)
        editor_layout.addWidget(QLabel(self.tr("Notes")))
        editor_layout.addWidget(self.notes, 3)
        editor_layout.addWidget(QLabel(self.tr("Decision")))
        editor_layout.addWidget(self.decision, 1)
        editor_layout.addWidget(self.lower_tabs, 2)

        self.splitter = QSplitter()
        self.splitter.addWidget(self._pane(self.tr("Attendance"), self.attendance_view))
        self.splitter.addWidget(self._pane(self.tr("Agenda"), self.items_view))
        self.splitter.addWidget(editor)
        self.splitter.setSizes([290, 440, 710])

        self.banner = QLabel(self.tr("The minutes report was approved: these minutes are "
                                     "locked and can only be read."))
        self.banner.setObjectName("lockedBanner")
        self.banner.setStyleSheet("background: #fff4ce; padding: 6px;")
        self.banner.hide()
        self.status = QLabel(self.tr("Reading the minutes…"))
        self.status.setObjectName("minutesStatus")
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.status)

        self.shortcuts: list[tuple[str, str]] = []
        self._key("Ctrl+PgDown", self.tr("Next agenda item"), lambda: self.step(1))
        self._key("Ctrl+PgUp", self.tr("Previous agenda item"), lambda: self.step(-1))
        self._key("F6", self.tr("Next pane"), self.next_pane)
        self._key("F1", self.tr("Keyboard shortcuts"), self.show_keys)
        self.shortcuts += [("A", self.tr("Attendance: present")),
                           ("V", self.tr("Attendance: excused")),
                           ("X", self.tr("Attendance: absent")),
                           (self.tr("Space"), self.tr("Attendance: next status")),
                           ("Ins", self.tr("Attendance: add a guest")),
                           ("Del", self.tr("Attendance: remove a guest")),
                           ("Tab", self.tr("From the notes to the decision"))]

        self.controller.loaded.connect(self._loaded)
        self.controller.item_saved.connect(self._saved)
        self.controller.save_conflict.connect(self._conflict)
        self.controller.save_failed.connect(self._save_failed)
        self.controller.failed.connect(self._failed)
        app = QCoreApplication.instance()
        if app is not None:  # quitting with the window open: save, keep it to reopen
            app.aboutToQuit.connect(self.save_now)
        self._remember()
        self.controller.load()

    # -- building ----------------------------------------------------------------------
    def _table(self, view: QTableView, model: AttendanceModel | AgendaItemsModel) -> None:
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.verticalHeader().hide()
        view.horizontalHeader().setStretchLastSection(False)
        view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def _editor(self, name: str, placeholder: str) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        edit.setTabChangesFocus(True)
        edit.textChanged.connect(self._typed)
        edit.cursorPositionChanged.connect(self._cursor_moved)
        return edit

    def _pane(self, title: str, view: QWidget) -> QWidget:
        pane = QWidget()
        layout = QVBoxLayout(pane)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(title))
        layout.addWidget(view)
        return pane

    def _key(self, keys: str, what: str, slot: Callable[[], None]) -> None:
        shortcut = QShortcut(QKeySequence(keys), self)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(slot)
        self.shortcuts.append((QKeySequence(keys).toString(
            QKeySequence.SequenceFormat.NativeText), what))

    # -- the minutes as stored ---------------------------------------------------------
    def _loaded(self, minutes: Minutes) -> None:
        first = self.minutes is None
        self.minutes = minutes
        self.setWindowTitle(self.tr("Minutes {title} {day}").format(title=minutes.title,
                                                                    day=minutes.day))
        self._set_locked(minutes.locked)
        self.attendance_model.set_rows(minutes.attendance)
        self.items_model.set_rows(minutes.items)
        if first:
            if self.attendance_model.rowCount():
                self.attendance_view.setCurrentIndex(self.attendance_model.index(0, 0))
            self._open_first(minutes)
            return
        current = self._item(self.item_id)
        if current is None:
            if self.item_id is not None and self._dirty:
                return  # its item is gone: the text stays on screen (saving tells her)
            self._open_first(minutes)
            return
        if self._dirty or self.item_id in self._screen or self.item_id in self._held \
                or self.item_id in self.controller.pending:
            return  # she is typing here: her text stays, the next save decides
        if (self.notes.toPlainText(), self.decision.toPlainText()) != (current.notes,
                                                                       current.decision):
            self._show_texts(current.notes, current.decision, keep_cursor=True)

    def install_panels(self, action_points: ActionPointService,
                       today: Callable[[], date]) -> None:
        """Put the inline action points and the Opvolging panels in their slots, and let a
        refused stale save ask which text stays (both versions side by side)."""
        from kortrijk_cockpit.ui.dialogs.minutes_conflict import ask_conflict
        from kortrijk_cockpit.ui.views.minutes.actions_panel import ActionsPanel
        from kortrijk_cockpit.ui.views.minutes.followup_panel import FollowupPanel

        self.actions_panel = ActionsPanel(self.service, self.runner, self.feed, today)
        self.followup_panel = FollowupPanel(self.service, action_points, self.runner, self.feed,
                                            today)
        for slot, placeholder, panel in (
                (self.actions_slot, self.actions_placeholder, self.actions_panel),
                (self.followup_slot, self.followup_placeholder, self.followup_panel)):
            slot.removeWidget(placeholder)
            placeholder.deleteLater()
            slot.addWidget(panel)
            panel.failed.connect(lambda exc: self.failed.emit(self.windowTitle(), exc))
        self.item_changed.connect(self._show_actions)
        self.controller.loaded.connect(self._panels_loaded)
        if self.minutes is not None:
            self._panels_loaded(self.minutes)
        self.conflict_handler = lambda conflict: ask_conflict(self, conflict)

    def _panels_loaded(self, minutes: Minutes) -> None:
        self.followup_panel.show_minutes(minutes)
        self.lower_tabs.setTabText(1, self.tr("Follow-up ({count})").format(
            count=len(minutes.followup)))
        self._show_actions(self.item_id)

    def _show_actions(self, agenda_item_id: int | None) -> None:
        item = self._item(agenda_item_id)
        if item is not None and self.minutes is not None:
            self.actions_panel.show_item(self.minutes.meeting_id, item, self.minutes.locked)

    def _open_first(self, minutes: Minutes) -> None:
        resume = self._resume
        self._resume = None
        target = resume.agenda_item_id if resume and self._item(resume.agenda_item_id) else (
            minutes.items[0].agenda_item_id if minutes.items else None)
        if target is None:
            self.item_title.setText(self.tr("This meeting has no agenda items yet."))
            self._set_status(self.tr("Nothing to minute yet."))
            return
        self.items_view.setCurrentIndex(self.items_model.index(self.items_model.row_of(target),
                                                               0))
        edit = self.decision if resume and resume.field == DECISION else self.notes
        if resume is not None and resume.agenda_item_id == target:
            cursor = edit.textCursor()
            cursor.setPosition(min(resume.cursor, len(edit.toPlainText())))
            edit.setTextCursor(cursor)
        edit.setFocus()
        self._set_status(self.tr("Locked.") if self.locked else self.tr("Ready."))

    def _item(self, agenda_item_id: int | None) -> MinutesItem | None:
        if self.minutes is None or agenda_item_id is None:
            return None
        return next((i for i in self.minutes.items if i.agenda_item_id == agenda_item_id), None)

    def _set_locked(self, locked: bool) -> None:
        self.locked = locked
        self.banner.setVisible(locked)
        self.notes.setReadOnly(locked)
        self.decision.setReadOnly(locked)

    # -- choosing an item --------------------------------------------------------------
    def _item_chosen(self, row: int) -> None:
        item: MinutesItem | None = self.items_model.index(row, 0).data(ROW_ROLE)
        if item is None or item.agenda_item_id == self.item_id:
            return
        self.save_now()  # the item she leaves is saved at once
        self.item_id = item.agenda_item_id
        self.item_title.setText(f"{item.number}. {item.title}"
                                + (f"  ·  {item.section}" if item.section else "")
                                + ("  ·  " + self.tr("confidential") if item.is_confidential
                                   else ""))
        notes, decision = self._screen.get(item.agenda_item_id, (item.notes, item.decision))
        self._show_texts(notes, decision, keep_cursor=False)
        self._remember()
        self.item_changed.emit(item.agenda_item_id)

    def step(self, by: int) -> None:
        row = self.items_view.currentIndex().row() + by
        if 0 <= row < self.items_model.rowCount():
            had_decision = self.decision.hasFocus()
            self.items_view.setCurrentIndex(self.items_model.index(row, 0))
            if self.notes.hasFocus() or had_decision or not self.items_view.hasFocus():
                (self.decision if had_decision else self.notes).setFocus()

    def _show_texts(self, notes: str, decision: str, *, keep_cursor: bool) -> None:
        # A cursor at the end stays at the end (she was adding to it); else where it was.
        positions = [None if e.textCursor().atEnd() else e.textCursor().position()
                     for e in (self.notes, self.decision)]
        self._setting_text = True
        try:
            for edit, text, at in ((self.notes, notes, positions[0]),
                                   (self.decision, decision, positions[1])):
                edit.setPlainText(text)
                cursor = edit.textCursor()
                cursor.setPosition(min(at, len(text)) if keep_cursor and at is not None
                                   else len(text))
                edit.setTextCursor(cursor)
        finally:
            self._setting_text = False

    # -- typing and saving -------------------------------------------------------------
    def _typed(self) -> None:
        if self._setting_text or self.locked or self.item_id is None:
            return
        self._dirty = True
        self._screen[self.item_id] = (self.notes.toPlainText(), self.decision.toPlainText())
        if self.item_id in self._held:
            return
        if not self.timer.isActive():  # not restarted per key: typing on still saves
            self.timer.start()
            self._set_status(self.tr("Saving…"))

    def save_now(self) -> None:
        """Hand what is typed to the controller (the autosave, a switch, closing)."""
        self.timer.stop()
        if self._dirty and self.item_id is not None and self.item_id not in self._held:
            self._dirty = False
            self.controller.save(self.item_id, self.notes.toPlainText(),
                                 self.decision.toPlainText())
            self._set_status(self.tr("Saving…"))
        elif self.controller.pending:
            self.controller.retry()
        self._remember()

    def _saved(self, agenda_item_id: int, version: int, notes: str, decision: str) -> None:
        if self._screen.get(agenda_item_id) == (notes, decision):
            del self._screen[agenda_item_id]
        item = self._item(agenda_item_id)
        if item is not None and self.minutes is not None:
            fresh = replace(item, notes=notes, decision=decision, version=version)
            self.minutes = replace(self.minutes, items=tuple(
                fresh if i.agenda_item_id == agenda_item_id else i for i in self.minutes.items))
            self.items_model.set_rows(self.minutes.items)
        if not self._dirty and not self.controller.busy:
            self._set_status(self.tr("Saved at {time}").format(
                time=QTime.currentTime().toString("HH:mm:ss")))

    def _save_failed(self, agenda_item_id: int, exc: BaseException) -> None:
        self._set_status(self.tr("Not saved: your text stays on screen and is saved with the "
                                 "next change."))
        self._failed(self.tr("Saving the minutes"), exc)

    def _conflict(self, agenda_item_id: int, conflict: MinutesConflict) -> None:
        chosen = self.conflict_handler(conflict)
        if agenda_item_id in self._held:
            return  # kept on screen, not saved
        self.controller.bases[agenda_item_id] = conflict.theirs_version
        if chosen is None:  # theirs stays: show it
            self._screen.pop(agenda_item_id, None)
            if agenda_item_id == self.item_id:
                self._dirty = False
                self._show_texts(*conflict.theirs, keep_cursor=True)
            return
        self._screen[agenda_item_id] = chosen
        if agenda_item_id == self.item_id:
            self._show_texts(*chosen, keep_cursor=True)
            self._dirty = False
        self.controller.save(agenda_item_id, *chosen)

    def keep_on_screen(self, conflict: MinutesConflict) -> tuple[str, str] | None:
        """Without a choice dialog: say so in Dutch, keep the typed text, save nothing."""
        item = next((i for i in (self.minutes.items if self.minutes else ())
                     if i.title == conflict.item_title), None)
        if item is not None:
            self._held.add(item.agenda_item_id)
        self._set_status(self.tr("Not saved: someone else changed this item."))
        self.question = show_failure(self, self.windowTitle(), conflict)
        return None

    def _failed(self, label: str, exc: BaseException) -> None:
        if isinstance(exc, UserFacingError):
            self.question = show_failure(self, self.windowTitle(), exc)
        else:
            self.failed.emit(label, exc)

    def _set_status(self, text: str) -> None:
        self.status.setText(text)

    # -- attendance --------------------------------------------------------------------
    def _line(self, row: int) -> AttendanceLine | None:
        line: AttendanceLine | None = self.attendance_model.row_at(row)
        return line

    def _attendance_key(self, row: int, status: AttendanceStatus | None) -> None:
        line = self._line(row)
        if line is None or self.locked:
            return
        status = status or NEXT_STATUS[line.status]
        self.attendance_model.set_status(row, status)
        self.controller.set_attendance(line.name, status, line.person_id)

    def add_guest(self) -> None:
        if self.locked:
            return
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Add a guest"))
        dialog.setLabelText(self.tr("Name of the guest:"))
        dialog.finished.connect(dialog.deleteLater)
        dialog.textValueSelected.connect(
            lambda name: self.controller.set_attendance(name, AttendanceStatus.PRESENT)
            if name.strip() else None)
        self.question = dialog
        dialog.open()

    def remove_guest(self, row: int) -> None:
        line = self._line(row)
        if line is None or self.locked:
            return
        if line.person_id is not None:
            self._set_status(self.tr("{name} is a member: mark them excused or absent "
                                     "instead.").format(name=line.name))
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Remove a guest"),
                          self.tr("Remove {name} from the attendance?").format(name=line.name),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.finished.connect(box.deleteLater)
        name = line.name
        box.accepted.connect(lambda: self.controller.remove_attendee(name))
        self.question = box
        box.open()

    # -- keys, panes, state ------------------------------------------------------------
    def next_pane(self) -> None:
        panes: list[QWidget] = [self.attendance_view, self.items_view, self.notes]
        focus = self.focusWidget()
        at = next((n for n, p in enumerate(panes) if p is focus
                   or (p is self.notes and focus is self.decision)), -1)
        panes[(at + 1) % len(panes)].setFocus()

    def show_keys(self) -> None:
        from kortrijk_cockpit.ui.dialogs.shortcuts import ShortcutsDialog

        dialog = ShortcutsDialog(self.shortcuts, self)
        dialog.finished.connect(dialog.deleteLater)
        self.question = dialog
        dialog.open()

    def _cursor_moved(self) -> None:
        if not self._setting_text and not self._dirty:
            self._remember(sync=False)

    def _remember(self, *, sync: bool = True) -> None:
        """The window state says which minutes are open and where: a restart after a
        kill opens them there."""
        if self.state is None:
            return
        field = DECISION if self.decision.hasFocus() else NOTES
        edit = self.decision if field == DECISION else self.notes
        self.state.setValue(f"{STATE_GROUP}/meeting", self.meeting_id)
        if self.item_id is not None:
            self.state.setValue(f"{STATE_GROUP}/item", self.item_id)
            self.state.setValue(f"{STATE_GROUP}/field", field)
            self.state.setValue(f"{STATE_GROUP}/cursor", edit.textCursor().position())
        if sync:
            self.state.sync()

    def close_with_app(self) -> None:
        """The app is closing: save and close, but open here again at the next start."""
        self._keep_resume = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.save_now()
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.disconnect(self.save_now)
        if self._keep_resume:
            self._remember()
        elif self.state is not None:  # closed on purpose: nothing to reopen
            self.state.remove(STATE_GROUP)
            self.state.sync()
        super().closeEvent(event)


def open_minutes_window(parent: QWidget, service: MinutesService, runner: TaskRunner,
                        feed: ChangeFeed, meeting_id: int, state: QSettings | None = None,
                        resume: ResumePoint | None = None, *,
                        on_failure: Callable[[str, object], None] | None = None,
                        action_points: ActionPointService | None = None,
                        today: Callable[[], date] | None = None,
                        ) -> MinutesWindow:
    """The minutes of this meeting: the open window when there is one, else a new one."""
    for window in parent.findChildren(MinutesWindow):
        if window.meeting_id == meeting_id and window.isVisible():
            window.showNormal()
            window.raise_()
            window.activateWindow()
            return window
    window = MinutesWindow(service, runner, feed, meeting_id, state, resume, parent)
    if on_failure is not None:
        window.failed.connect(on_failure)
    if action_points is not None:
        window.install_panels(action_points, today or date.today)
    window.show()
    return window


def reopen_minutes(parent: QWidget, service: MinutesService, runner: TaskRunner,
                   feed: ChangeFeed, state: QSettings, *,
                   on_failure: Callable[[str, object], None] | None = None,
                   action_points: ActionPointService | None = None,
                   today: Callable[[], date] | None = None,
                   ) -> MinutesWindow | None:
    """At start-up: the minutes that were open when the app stopped, where they were."""
    saved = saved_resume_point(state)
    if saved is None:
        return None
    meeting_id, resume = saved
    return open_minutes_window(parent, service, runner, feed, meeting_id, state, resume,
                               on_failure=on_failure, action_points=action_points, today=today)
