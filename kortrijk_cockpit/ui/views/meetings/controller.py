"""Wires the Overleg area to `MeetingAgendaService`.

Reads and writes both go through the TaskRunner's store lane, so answers land in
the order of the writes they follow. Every write is announced on the change feed;
the area reloads from the feed (Kind.MEETING, Kind.ACTION_POINT), never on a timer,
and a hidden area only marks itself stale.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, SignalInstance
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QMessageBox

from kortrijk_cockpit.changes import Changes, Kind
from kortrijk_cockpit.ui.tasks import Lane
from kortrijk_cockpit.ui.views.meetings.item_dialog import ItemDialog
from kortrijk_cockpit.ui.views.meetings.models import RowRole

if TYPE_CHECKING:
    from kortrijk_cockpit.services.meeting_agenda import (
        AgendaRow,
        ItemDraft,
        MeetingAgenda,
        MeetingAgendaService,
        MeetingRow,
        RemovedItem,
        SeriesRow,
    )
    from kortrijk_cockpit.ui.change_feed import ChangeFeed
    from kortrijk_cockpit.ui.tasks import TaskRunner
    from kortrijk_cockpit.ui.views.meetings.area import MeetingsArea


class MeetingsController(QObject):
    def __init__(self, area: MeetingsArea, agenda: MeetingAgendaService, runner: TaskRunner,
                 feed: ChangeFeed) -> None:
        super().__init__(area)
        self.area = area
        self._agenda = agenda
        self._runner = runner
        self._feed = feed
        self.series_id: int | None = None
        self.meeting_id: int | None = None
        self.shown: MeetingAgenda | None = None
        self._undo: list[RemovedItem | tuple[int, int]] = []  # removals, moves (item, place)
        self._stale = False
        self.dialog: ItemDialog | None = None
        area.series_list.selectionModel().currentChanged.connect(self._series_chosen)
        area.meeting_table.selectionModel().currentChanged.connect(self._meeting_chosen)
        area.agenda_model.move_requested.connect(self._dragged)
        area.agenda_table.doubleClicked.connect(lambda _i: self.edit_item())
        area.offered_table.doubleClicked.connect(lambda _i: self.add_offered())
        for table in (area.agenda_table, area.offered_table):
            table.installEventFilter(self)
        area.installEventFilter(self)
        for model, pages in ((area.series_model, area.series_pages),
                             (area.meeting_model, area.meeting_pages),
                             (area.offered_model, area.offered_pages),
                             (area.missing_model, area.missing_pages)):
            model.modelReset.connect(lambda m=model, p=pages: p.setCurrentIndex(
                1 if m.rowCount() else 0))
        feed.changed.connect(self._on_changed)

    def start(self) -> None:
        self.area.agenda_pages.setCurrentWidget(self.area.no_meeting)
        self._enable()
        self.reload()

    # -- reading -----------------------------------------------------------------
    def reload(self) -> None:
        """Series, then the meetings of the chosen one, then the chosen meeting's agenda."""
        self._stale = False
        agenda = self._agenda
        self._read(lambda: agenda.series(), self._series_loaded)

    def _read(self, fn: Any, then: Any) -> None:
        self._runner.run(self.tr("Loading meetings"), lambda _c: fn(), owner=self.area,
                         lane=Lane.STORE, on_success=then,
                         on_failure=lambda exc: self.area.failed.emit(
                             self.tr("Loading meetings"), exc))

    def _series_loaded(self, rows: list[SeriesRow]) -> None:
        area = self.area
        area.series_model.set_rows(rows)
        area.series_pages.setCurrentIndex(1 if rows else 0)
        if not rows:
            self._show_agenda(None)
            return
        at = area.series_model.row_of(self.series_id) if self.series_id is not None else -1
        index = area.series_model.index(max(at, 0), 0)
        if area.series_list.currentIndex() != index:
            area.series_list.setCurrentIndex(index)  # -> _series_chosen
        else:
            self._load_meetings()

    def _series_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row: SeriesRow | None = current.data(RowRole) if current.isValid() else None
        self.series_id = row.id if row is not None else None
        self._load_meetings()

    def _load_meetings(self) -> None:
        agenda, series_id = self._agenda, self.series_id
        if series_id is None:
            return
        self._read(lambda: agenda.meetings(series_id), self._meetings_loaded)

    def _meetings_loaded(self, rows: list[MeetingRow]) -> None:
        area = self.area
        if rows and rows[0].series_id != self.series_id:
            return  # an answer for a series she already left
        area.meeting_model.set_rows(rows)
        area.meeting_pages.setCurrentIndex(1 if rows else 0)
        if not rows:
            self.meeting_id = None
            self._show_agenda(None)
            return
        at = area.meeting_model.row_of(self.meeting_id) if self.meeting_id is not None else -1
        index = area.meeting_model.index(max(at, 0), 0)
        if area.meeting_table.currentIndex().row() != index.row():
            area.meeting_table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)  # -> _meeting_chosen
        else:
            self._meeting_chosen(index, QModelIndex())

    def _meeting_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row: MeetingRow | None = current.data(RowRole) if current.isValid() else None
        self.meeting_id = row.id if row is not None else None
        self._load_agenda()

    def _load_agenda(self) -> None:
        agenda, meeting_id = self._agenda, self.meeting_id
        if meeting_id is None:
            self._show_agenda(None)
            return
        self._read(lambda: agenda.agenda(meeting_id), self._show_agenda)

    def _show_agenda(self, read: MeetingAgenda | None) -> None:
        area = self.area
        if read is not None and read.meeting.id != self.meeting_id:
            return
        current = self.current_item()
        self.shown = read
        if read is None:
            area.meeting_heading.setText("")
            area.meeting_info.setText("")
            area.agenda_model.set_rows([])
            area.offered_model.set_rows([])
            area.missing_model.set_rows([])
            area.agenda_pages.setCurrentWidget(area.no_meeting)
            self._enable()
            area.loaded.emit()
            return
        from kortrijk_cockpit.ui.formatting import local, long_date

        m = read.meeting
        start, end = local(m.starts_at), local(m.ends_at)
        area.meeting_heading.setText(f"{read.series_code or m.title} — {long_date(start.date())} "
                                     f"{start:%H:%M}–{end:%H:%M}")
        area.meeting_heading.setToolTip(m.title)
        length = int((m.ends_at - m.starts_at).total_seconds() // 60)
        parts = [self.tr("{planned} of {length} minutes planned").format(
            planned=read.planned_minutes, length=length)]
        if read.closes_at is not None:
            parts.append(self.tr("agenda closes {when}").format(
                when=f"{local(read.closes_at):%d/%m/%Y %H:%M}"))
        late = sum(1 for s in read.missing if s.state == "te laat")
        if late:
            parts.append(self.tr("{n} document(s) late").format(n=late))
        area.meeting_info.setText(" · ".join(parts))
        area.agenda_model.set_rows(list(read.items))
        area.offered_model.set_rows(list(read.offered))
        area.missing_model.set_rows(list(read.missing))
        area.agenda_pages.setCurrentWidget(area.agenda_table if read.items else area.agenda_empty)
        area.offered_pages.setCurrentIndex(1 if read.offered else 0)
        area.missing_pages.setCurrentIndex(1 if read.missing else 0)
        self._select_item(current.id if current is not None else None)
        self._enable()
        area.loaded.emit()

    def _select_item(self, item_id: int | None) -> None:
        model = self.area.agenda_model
        if not model.rowCount():
            return
        at = model.row_of(item_id) if item_id is not None else -1
        self.area.agenda_table.selectionModel().setCurrentIndex(
            model.index(max(at, 0), 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)

    def _enable(self) -> None:
        area, has = self.area, self.meeting_id is not None
        for action in (area.remind_action, area.request_action, area.send_action,
                       area.bundle_action, area.add_action, area.add_point_action):
            action.setEnabled(has)
        for action in (area.year_plan_action, area.series_action):
            action.setEnabled(self.series_id is not None)

    # -- the change feed ---------------------------------------------------------
    def _on_changed(self, changes: Changes, _initiator: object) -> None:
        touched = (Kind.MEETING in changes.wholesale or Kind.ACTION_POINT in changes.wholesale
                   or bool(changes.rows(Kind.MEETING)) or bool(changes.rows(Kind.ACTION_POINT)))
        if not touched:
            return
        if not self.area.isVisible():
            self._stale = True
            return
        self.reload()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.area and event.type() == QEvent.Type.Show and self._stale:
            self.reload()
        elif event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            if watched is self.area.agenda_table:
                self.edit_item()
                return True
            if watched is self.area.offered_table:
                self.add_offered()
                return True
        return False

    # -- writing -----------------------------------------------------------------
    def _write(self, label: str, fn: Any, *, on_success: Any = None,
               on_failure: Any = None) -> None:
        feed = self._feed
        area = self.area

        def landed(result: Any) -> None:
            changes = result if isinstance(result, Changes) else getattr(result, "changes", None)
            if changes is not None:
                feed.publish(changes, area)

        def failed(exc: BaseException) -> None:
            if on_failure is not None:
                on_failure(exc)
            area.failed.emit(label, exc)
            self._load_agenda()  # what the store holds, after an optimistic move

        self._runner.run(label, lambda _c: fn(), owner=area, lane=Lane.STORE,
                         on_landed=landed, on_success=on_success, on_failure=failed)

    def current_item(self) -> AgendaRow | None:
        index = self.area.agenda_table.currentIndex()
        return index.data(RowRole) if index.isValid() else None

    def add_item(self) -> None:
        self._add_item(None)

    def edit_item(self) -> None:
        self._edit_item(None)

    # (QAction.triggered would hand a parameter its bool: the slots above take none.)
    def _add_item(self, draft: ItemDraft | None) -> None:
        if self.meeting_id is None or self.shown is None:
            self.area.message.emit(self.tr("Choose a meeting first."))
            return
        meeting_id, agenda = self.meeting_id, self._agenda
        current = self.current_item()
        # Ins puts it below the chosen item; a retry after a refused save at the end.
        at = None if current is None or draft is not None else current.position
        dialog = self._open_dialog(draft, editing=False)

        def accepted() -> None:
            typed = dialog.draft()
            self._write(self.tr("Saving the agenda"),
                        lambda: agenda.add_item(meeting_id, typed, at_position=at),
                        on_success=lambda w: self._select_after_load(w.item_id),
                        on_failure=lambda _e: self._reopen(lambda: self._add_item(typed)))

        dialog.accepted.connect(accepted)

    def _edit_item(self, draft: ItemDraft | None) -> None:
        row = self.current_item()
        if row is None:
            return
        from kortrijk_cockpit.services.meeting_agenda import ItemDraft

        first = draft or ItemDraft(row.title, row.kind, row.owner_name, row.directorate,
                                   row.duration_minutes, row.section, row.is_confidential,
                                   row.description)
        agenda, item_id, version = self._agenda, row.id, row.version
        dialog = self._open_dialog(first, editing=True)

        def accepted() -> None:
            typed = dialog.draft()
            self._write(self.tr("Saving the agenda"),
                        lambda: agenda.update_item(item_id, typed, version=version),
                        on_failure=lambda _e: self._reopen(lambda: self._edit_item(typed)))

        dialog.accepted.connect(accepted)

    def _open_dialog(self, draft: ItemDraft | None, *, editing: bool) -> ItemDialog:
        sections = self.shown.sections if self.shown is not None else ()
        dialog = ItemDialog(sections, draft, editing=editing, parent=self.area)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.finished.connect(lambda _r: self.area.agenda_table.setFocus())
        dialog.open()
        return dialog

    def _reopen(self, again: Any) -> None:
        """A refused save: the dialog comes back with what she typed."""
        again()

    def _select_after_load(self, item_id: int) -> None:
        def select() -> None:
            self.area.loaded.disconnect(select)
            self._select_item(item_id)

        self.area.loaded.connect(select)

    def remove_item(self) -> None:
        row = self.current_item()
        if row is None:
            return
        if row.stukken:
            # Its stukken go with it and do not come back with Ctrl+Z: ask first.
            box = QMessageBox(QMessageBox.Icon.Question, self.tr("Remove agenda item"),
                              self.tr("Remove “{title}” and its {n} requested document(s)?")
                              .format(title=row.title, n=len(row.stukken)),
                              QMessageBox.StandardButton.NoButton, self.area)
            remove = box.addButton(self.tr("Remove"), QMessageBox.ButtonRole.DestructiveRole)
            keep = box.addButton(self.tr("Keep"), QMessageBox.ButtonRole.RejectRole)
            box.setDefaultButton(keep)
            box.setEscapeButton(keep)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.finished.connect(lambda _r: box.clickedButton() is remove
                                 and self._remove(row))
            self.confirm_box = box
            box.open()
            return
        self._remove(row)

    def _remove(self, row: AgendaRow) -> None:
        agenda = self._agenda
        self._write(self.tr("Removing the agenda item"), lambda: agenda.remove_item(row.id),
                    on_success=self._removed)

    def _removed(self, removed: RemovedItem) -> None:
        self._undo.append(removed)
        self.area.message.emit(self.tr("“{title}” removed. Ctrl+Z puts it back.")
                               .format(title=removed.draft.title))

    def undo(self) -> None:
        if not self._undo:
            self.area.message.emit(self.tr("Nothing to undo."))
            return
        last = self._undo.pop()
        agenda = self._agenda
        if isinstance(last, tuple):
            item_id, place = last
            self._write(self.tr("Saving the agenda"), lambda: agenda.move_item(item_id, place))
            return
        self._write(self.tr("Saving the agenda"), lambda: agenda.restore_item(last),
                    on_success=lambda w: self._select_after_load(w.item_id))

    def move_current(self, delta: int) -> None:
        row = self.current_item()
        if row is None:
            return
        at = self.area.agenda_model.row_of(row.id)
        to = at + delta
        if not 0 <= to < self.area.agenda_model.rowCount():
            return
        self.area.agenda_model.move(row.id, to)
        self._select_item(row.id)
        self._move(row.id, to, at)

    def _dragged(self, item_id: int, to: int) -> None:
        before = next((r.position - 1 for r in (self.shown.items if self.shown else ())
                       if r.id == item_id), to)
        self._select_item(item_id)
        self._move(item_id, to, before)

    def _move(self, item_id: int, to: int, before: int) -> None:
        agenda = self._agenda
        self._undo.append((item_id, before))
        self._write(self.tr("Saving the agenda"), lambda: agenda.move_item(item_id, to))

    def add_offered(self) -> None:
        index = self.area.offered_table.currentIndex()
        if not index.isValid():
            index = self.area.offered_model.index(0, 0)
        point = index.data(RowRole) if index.isValid() else None
        if point is None or self.meeting_id is None:
            self.area.message.emit(self.tr("No action point to add."))
            return
        agenda, meeting_id = self._agenda, self.meeting_id
        self._write(self.tr("Saving the agenda"),
                    lambda: agenda.add_action_point(meeting_id, point.id),
                    on_success=lambda w: self._select_after_load(w.item_id))

    def open_mail(self) -> None:
        row = self.current_item()
        if row is None or row.source_mail_id is None:
            self.area.message.emit(self.tr("This item did not come from a mail."))
            return
        self.area.record_requested.emit("mail", row.source_mail_id)

    # -- what the window wires ---------------------------------------------------
    def emit_for_meeting(self, signal: SignalInstance) -> None:
        if self.meeting_id is None:
            self.area.message.emit(self.tr("Choose a meeting first."))
            return
        signal.emit(self.meeting_id)

    def emit_for_series(self, signal: SignalInstance) -> None:
        if self.series_id is None:
            self.area.message.emit(self.tr("Choose a series first."))
            return
        signal.emit(self.series_id)
