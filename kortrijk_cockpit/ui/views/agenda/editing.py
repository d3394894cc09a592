"""Creating, moving, resizing, editing and cancelling appointments from the Agenda.

Listens to the canvas's requests, asks what must be asked (the dialog, "deze keer
of de hele reeks", the confirmation), then writes through `CalendarService` on
the store lane; the change feed repaints the calendar. Ctrl+Z moves the last
moved or resized appointment back (a second outbox update).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QPoint, Signal
from PySide6.QtWidgets import QDialog, QMenu, QWidget

from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.ui.change_feed import ChangeFeed
from kortrijk_cockpit.ui.tasks import Lane, TaskRunner

if TYPE_CHECKING:
    from kortrijk_cockpit.services.agenda import AgendaEvent
    from kortrijk_cockpit.services.appointment_form import AppointmentDetails
    from kortrijk_cockpit.services.calendar import CalendarService, EventChanges
    from kortrijk_cockpit.ui.dialogs.appointment import AppointmentDialog, AppointmentValues
    from kortrijk_cockpit.ui.views.agenda.canvas import AgendaCanvas


@dataclass(frozen=True)
class _Undo:
    event_id: int
    start: datetime
    end: datetime
    whole_series: bool


class AgendaEditor(QObject):
    dialog_opened = Signal(object)  # every dialog it opens (tests and the lead's hooks)
    written = Signal()  # a write landed
    failed = Signal(str, object)  # label, exception: a Dutch message to show
    visit_requested = Signal(int)  # an appointment's bezoek/rondleiding checklist
    fiche_requested = Signal(int)  # external by hand: its discussiefiche in Fiches

    def __init__(self, canvas: AgendaCanvas, calendar: CalendarService, runner: TaskRunner,
                 feed: ChangeFeed, now: Callable[[], datetime]) -> None:
        super().__init__(canvas)
        self.canvas, self.calendar = canvas, calendar
        self.runner, self.feed, self.now = runner, feed, now
        self.undo: _Undo | None = None
        canvas.activated.connect(self.edit)
        canvas.new_requested.connect(self.new)
        canvas.create_requested.connect(lambda s, e: self.new(s, e))
        canvas.move_requested.connect(self.move)
        canvas.resize_requested.connect(self.resize)
        canvas.cancel_requested.connect(self.cancel)
        canvas.undo_requested.connect(self.undo_last)
        canvas.context_requested.connect(self.context_menu)

    # -- creating and editing ------------------------------------------------------
    def new(self, start: datetime | None = None, end: datetime | None = None) -> AppointmentDialog:
        """The dialog for a new appointment: at `start`, or the next free quarter."""
        from kortrijk_cockpit.ui.dialogs.appointment import AppointmentDialog
        from kortrijk_cockpit.ui.views.agenda.canvas import SNAP, snap

        if start is None:
            start = self._next_free(snap(self.now() + SNAP / 2))
        dialog = AppointmentDialog(start, end or start + timedelta(minutes=60),
                                   parent=self._parent())
        dialog.save_requested.connect(lambda values: self._create(dialog, values))
        return self._open(dialog)

    def _next_free(self, start: datetime) -> datetime:
        """The first quarter from `start` on when no shown appointment is running."""
        busy = [(e.start, e.end) for e in self.canvas.events
                if not e.is_all_day and not e.is_cancelled]
        for _ in range(4 * 24):
            if not any(s < start + timedelta(minutes=30) and e > start for s, e in busy):
                return start
            start += timedelta(minutes=15)
        return start

    def _create(self, dialog: AppointmentDialog, values: AppointmentValues) -> None:
        from kortrijk_cockpit.exchange.records import EventDraft

        draft = EventDraft(subject=values.subject, start_at=values.start, end_at=values.end,
                           location=values.location, body_html=_html(values.body),
                           required=values.attendees, is_all_day=values.is_all_day)
        self._write(self.tr("Creating the appointment"), lambda: self.calendar.create(draft),
                    dialog=dialog)

    def edit(self, event: AgendaEvent) -> None:
        """Read what the dialog shows (refused with the service's message for a private
        or cancelled appointment), then open it filled in."""
        self._details(event, lambda found: self._edit_dialog(found))

    def _edit_dialog(self, found: AppointmentDetails) -> None:
        from kortrijk_cockpit.ui.dialogs.appointment import AppointmentDialog

        dialog = AppointmentDialog(found.start, found.end, existing=found, parent=self._parent())
        dialog.save_requested.connect(lambda values: self._ask_series(
            found.is_recurring, found.subject, self.tr("Change"),
            lambda whole: self._save_edit(dialog, found, values, whole),
            on_cancel=lambda: dialog.show_error(self.tr("Nothing was saved."))))
        dialog.cancel_requested.connect(lambda: self._cancel_found(found, dialog))
        self._open(dialog)

    def _save_edit(self, dialog: AppointmentDialog, found: AppointmentDetails,
                   values: AppointmentValues, whole_series: bool) -> None:
        changes = changed_fields(found, values)
        self._write(self.tr("Saving the appointment"),
                    lambda: self.calendar.edit(found.id, changes, whole_series), dialog=dialog)

    # -- moving and resizing -------------------------------------------------------
    def move(self, event: AgendaEvent, new_start: datetime) -> None:
        self._details(event, lambda found: self._ask_series(
            found.is_recurring, found.subject, self.tr("Move"),
            lambda whole: self._shift(found, self.tr("Moving the appointment"), whole,
                                      lambda: self.calendar.move(found.id, new_start,
                                                                 whole_series=whole))))

    def resize(self, event: AgendaEvent, new_end: datetime) -> None:
        self._details(event, lambda found: self._ask_series(
            found.is_recurring, found.subject, self.tr("Change the end"),
            lambda whole: self._shift(found, self.tr("Changing the end of the appointment"),
                                      whole, lambda: self.calendar.resize(
                                          found.id, new_end, whole_series=whole))))

    def _shift(self, found: AppointmentDetails, label: str, whole: bool,
               work: Callable[[], Any]) -> None:
        undo = _Undo(found.id, found.start, found.end, whole)

        def done(_result: object) -> None:
            self.undo = undo
        self._write(label, work, on_success=done)

    def undo_last(self) -> None:
        """Ctrl+Z: the last move or resize back where it was."""
        from kortrijk_cockpit.services.calendar import EventChanges

        undo = self.undo
        if undo is None:
            return

        def done(_result: object) -> None:
            self.undo = None
        self._write(self.tr("Undoing the move"), lambda: self.calendar.edit(
            undo.event_id, EventChanges(start_at=undo.start, end_at=undo.end),
            undo.whole_series), on_success=done)

    # -- cancelling ----------------------------------------------------------------
    def cancel(self, event: AgendaEvent) -> None:
        self._details(event, lambda found: self._cancel_found(found, None))

    def _cancel_found(self, found: AppointmentDetails, editing: QDialog | None) -> None:
        from kortrijk_cockpit.ui.dialogs.appointment import CancelAppointmentDialog

        def confirm(whole: bool) -> None:
            dialog = CancelAppointmentDialog(found.subject, self._parent())

            def accepted() -> None:
                message = dialog.text()
                self._write(self.tr("Cancelling the appointment"), lambda: self.calendar.cancel(
                    found.id, whole_series=whole, message=message))
                if editing is not None:
                    editing.reject()
            dialog.accepted.connect(accepted)
            self._open(dialog)
        self._ask_series(found.is_recurring, found.subject, self.tr("Cancel"), confirm)

    # -- the context menu ----------------------------------------------------------
    def context_menu(self, event: AgendaEvent | None, moment: datetime | None,
                     where: QPoint) -> None:
        menu = self.menu_for(event, moment)
        menu.aboutToHide.connect(menu.deleteLater)
        menu.popup(where)

    def menu_for(self, event: AgendaEvent | None, moment: datetime | None) -> QMenu:
        """On an appointment: edit, cancel; on empty time: a new appointment there."""
        menu = QMenu(self.canvas)
        menu.setObjectName("agendaContextMenu")
        if event is not None:
            menu.addAction(self.tr("Edit…"), lambda: self.edit(event))
            menu.addAction(self.tr("Cancel appointment…"), lambda: self.cancel(event))
            if not event.is_private_block:
                menu.addSeparator()
                menu.addAction(self.tr("Visit or tour: checklist…"),
                               lambda: self.visit_requested.emit(event.id))
                menu.addAction(self.tr("External: brief…"),
                               lambda: self.fiche_requested.emit(event.id))
        else:
            menu.addAction(self.tr("New appointment here…"), lambda: self.new(moment))
        return menu

    # -- plumbing ------------------------------------------------------------------
    def _parent(self) -> QWidget:
        return self.canvas.window()

    def _open(self, dialog: Any) -> Any:
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.dialog_opened.emit(dialog)
        return dialog

    def _ask_series(self, recurring: bool, subject: str, action: str,
                    then: Callable[[bool], None], *,
                    on_cancel: Callable[[], None] | None = None) -> None:
        """Straight on for a single appointment; for an occurrence, ask first."""
        if not recurring:
            then(False)
            return
        from kortrijk_cockpit.ui.dialogs.series_choice import SeriesChoiceDialog

        dialog = SeriesChoiceDialog(subject, action, self._parent())
        dialog.accepted.connect(lambda: then(dialog.whole_series))
        if on_cancel is not None:
            dialog.rejected.connect(on_cancel)
        self._open(dialog)

    def _details(self, event: AgendaEvent, then: Callable[[AppointmentDetails], None]) -> None:
        calendar, label = self.calendar, self.tr("Opening the appointment")
        self.runner.run(label, lambda _ctx: calendar.details(event.id), owner=self.canvas,
                        on_success=then, on_failure=lambda exc: self._failed(label, exc))

    def _write(self, label: str, work: Callable[[], Any], *,
               dialog: AppointmentDialog | None = None,
               on_success: Callable[[Any], None] | None = None) -> None:
        """On the store lane; what it changed is announced even if the area is gone."""
        feed = self.feed

        def announce(result: object) -> None:
            from shiboken6 import isValid

            changes = getattr(result, "changes", None)
            if changes is not None and isValid(feed):
                feed.publish(changes, None)

        def succeeded(result: object) -> None:
            if dialog is not None:
                dialog.accept()
            if on_success is not None:
                on_success(result)
            self.written.emit()

        def refused(exc: BaseException) -> None:
            if dialog is not None and isinstance(exc, UserFacingError):
                dialog.show_error(exc.user_message)  # the dialog stays, with what was typed
            else:
                self._failed(label, exc)

        self.runner.run(label, lambda _ctx: work(), owner=self.canvas, lane=Lane.STORE,
                        on_landed=announce, on_success=succeeded, on_failure=refused)

    def _failed(self, label: str, exc: BaseException) -> None:
        if not isinstance(exc, UserFacingError):
            self.runner.report(label, exc)
            return
        from kortrijk_cockpit.ui.dialogs.messages import show_failure

        self.dialog_opened.emit(show_failure(self._parent(), label, exc))
        self.failed.emit(label, exc)


def changed_fields(found: AppointmentDetails, values: AppointmentValues) -> EventChanges:
    """Only what differs from the appointment as it was read."""
    from kortrijk_cockpit.services.calendar import EventChanges

    return EventChanges(
        subject=values.subject if values.subject != found.subject else None,
        location=values.location if values.location != found.location else None,
        start_at=values.start if values.start != found.start else None,
        end_at=values.end if values.end != found.end else None,
        attendees=values.attendees if values.attendees != found.attendees else None)


def _html(text: str) -> str:
    from html import escape

    return "".join(f"<p>{escape(line)}</p>" for line in text.splitlines() if line.strip())
