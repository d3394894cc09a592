"""The checklist dialog by keyboard: mark an appointment as a bezoek, tick an item off
with Space, type an owner, and each change is in the store and on the feed at once;
unmarking a filled-in checklist asks first."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from kortrijk_cockpit.changes import Kind
from kortrijk_cockpit.clock import BRUSSELS, FixedClock
from kortrijk_cockpit.domain import CalendarEvent, Person
from kortrijk_cockpit.services.calendar import CalendarService
from kortrijk_cockpit.services.visits import VisitService
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.ui.change_feed import ChangeFeed
from kortrijk_cockpit.ui.dialogs.visit_checklist import (
    ChecklistModel,
    VisitChecklistDialog,
    open_visit_checklist,
)
from kortrijk_cockpit.ui.tasks import Lane, TaskRunner

# The owner's completer pops up: offscreen cannot raise it or grab the keyboard for it.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard",
                                       r"This plugin does not support raise\(\)")
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
START = datetime(2026, 12, 3, 14, 0, tzinfo=BRUSSELS)


def add_event(store: Store) -> int:
    with store.session_factory.begin() as s:
        event = CalendarEvent(subject="Bezoek delegatie Tournai", start_at=START,
                              end_at=START + timedelta(hours=2), exchange_id="AAMk-1")
        s.add(event)
        s.flush()
        return event.id


def active(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    """Keys go to the dialog (the window manager's part offscreen)."""
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)


def key(qtbot, k: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, k)


def test_mark_tick_off_and_type_an_owner_by_keyboard(
        qtbot, app: QApplication, sqlite_store: Store, runner: TaskRunner) -> None:  # type: ignore[no-untyped-def]
    event_id = add_event(sqlite_store)
    with sqlite_store.session_factory.begin() as s:
        s.add(Person(full_name="Els Vandamme"))
    visits = VisitService(sqlite_store.session_factory, FixedClock(NOW))
    feed = ChangeFeed()
    dialog = VisitChecklistDialog(None, visits, runner, feed, event_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.kind.currentIndex() == 0 and dialog.isVisible())
    assert dialog.model.rowCount() == 0

    active(qtbot, dialog)
    dialog.kind.setFocus()
    with qtbot.waitSignal(feed.changed) as announced:
        key(qtbot, Qt.Key.Key_Down)  # "Bezoek"
    assert announced.args[0].rows(Kind.VISIT_ITEM).created
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 8)
    assert dialog.model.item(1).label == "catering"
    assert dialog.model.index(1, ChecklistModel.DUE).data() == "30/11/2026"

    dialog.table.setFocus()
    dialog.table.setCurrentIndex(dialog.model.index(1, ChecklistModel.DONE))
    with qtbot.waitSignal(dialog.saved):
        key(qtbot, Qt.Key.Key_Space)
    assert visits.checklist(event_id).items[1].done  # type: ignore[union-attr]

    dialog.table.setCurrentIndex(dialog.model.index(1, ChecklistModel.OWNER))
    key(qtbot, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor.completer().model().stringList() == ["Els Vandamme"]  # type: ignore[union-attr]
    qtbot.keyClicks(editor, "Els Vandamme")
    with qtbot.waitSignal(feed.changed):
        dialog.close()  # the open editor's text is kept, not lost
    catering = visits.checklist(event_id).items[1]  # type: ignore[union-attr]
    assert catering.owner_name == "Els Vandamme" and catering.owner_person_id is not None


def test_unmarking_a_filled_in_checklist_asks_first_and_a_cancelled_one_says_so(
        qtbot, app: QApplication, sqlite_store: Store, runner: TaskRunner) -> None:  # type: ignore[no-untyped-def]
    event_id = add_event(sqlite_store)
    visits = VisitService(sqlite_store.session_factory, FixedClock(NOW))
    visits.update_item(visits.mark(event_id, "bezoek").changes.rows(Kind.VISIT_ITEM)  # type: ignore[arg-type]
                       .created.__iter__().__next__(), note="zaal 2 gereserveerd")
    CalendarService(sqlite_store.session_factory).cancel(event_id)
    feed = ChangeFeed()
    dialog = open_visit_checklist(None, visits, runner, feed, event_id)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 8)
    assert dialog.cancelled.isVisible()

    active(qtbot, dialog)
    dialog.kind.setFocus()
    key(qtbot, Qt.Key.Key_Up)  # "Geen bezoek of rondleiding"
    qtbot.waitUntil(lambda: dialog.question is not None and dialog.question.isVisible())
    dialog.question.button(QMessageBox.StandardButton.No).click()  # type: ignore[union-attr]
    assert dialog.kind.currentIndex() == 1 and visits.checklist(event_id) is not None

    active(qtbot, dialog)
    dialog.kind.setFocus()
    key(qtbot, Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: dialog.question is not None and dialog.question.isVisible())
    with qtbot.waitSignal(feed.changed):
        dialog.question.button(QMessageBox.StandardButton.Yes).click()  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 0)
    assert visits.checklist(event_id) is None


def test_a_change_from_elsewhere_waits_until_she_has_finished_typing(
        qtbot, app: QApplication, sqlite_store: Store, runner: TaskRunner) -> None:  # type: ignore[no-untyped-def]
    event_id = add_event(sqlite_store)
    visits = VisitService(sqlite_store.session_factory, FixedClock(NOW))
    items = sorted(visits.mark(event_id, "bezoek").changes.rows(Kind.VISIT_ITEM).created)  # type: ignore[arg-type]
    feed = ChangeFeed()
    dialog = VisitChecklistDialog(None, visits, runner, feed, event_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 8)
    active(qtbot, dialog)
    dialog.table.setFocus()
    dialog.table.setCurrentIndex(dialog.model.index(0, ChecklistModel.NOTE))
    key(qtbot, Qt.Key.Key_F2)
    qtbot.keyClicks(QApplication.focusWidget(), "Schepenzaal")

    editor = QApplication.focusWidget()
    feed.publish(visits.update_item(items[1], done=True), object())  # Opvolging, meanwhile
    behind: list[object] = []  # the store lane is FIFO: a reload would have landed before this
    runner.run("sync point", lambda _c: None, lane=Lane.STORE, on_success=behind.append)
    qtbot.waitUntil(lambda: len(behind) == 1)
    assert dialog.table.state() == dialog.table.State.EditingState  # her editor stays
    with qtbot.waitSignal(feed.changed):
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.model.item(1).done)  # caught up once she was done
    assert dialog.model.item(0).note == "Schepenzaal"
    assert visits.checklist(event_id).items[0].note == "Schepenzaal"  # type: ignore[union-attr]


def test_a_checklist_whose_appointment_is_gone_still_opens_from_opvolging(
        qtbot, app: QApplication, sqlite_store: Store, runner: TaskRunner) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import delete

    from kortrijk_cockpit.ui.views.followup.area import FollowupArea

    event_id = add_event(sqlite_store)
    visits = VisitService(sqlite_store.session_factory, FixedClock(NOW))
    visits.mark(event_id, "bezoek")  # type: ignore[arg-type]
    CalendarService(sqlite_store.session_factory).cancel(event_id)
    with sqlite_store.session_factory.begin() as s:  # the next pull removes it from the calendar
        s.execute(delete(CalendarEvent).where(CalendarEvent.id == event_id))
    feed = ChangeFeed()
    area = FollowupArea(visits, runner, feed)
    qtbot.addWidget(area)
    with qtbot.waitSignal(area.loaded):
        area.show()
    assert "afspraak geannuleerd" in area.proxy.index(0, 1).data()
    with qtbot.waitSignal(area.gone_checklist_requested) as requested:
        area.table.doubleClicked.emit(area.proxy.index(0, 0))

    dialog = open_visit_checklist(None, visits, runner, feed, None, visit_id=requested.args[0])
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 8)
    assert dialog.cancelled.isVisible() and not dialog.kind.isEnabled()
    assert "Bezoek delegatie Tournai" in dialog.appointment.text()
