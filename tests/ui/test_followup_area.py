"""Opvolging by keyboard: open checklist items and action points by due date, overdue
ones red and "te laat"; Space ticks one off (and back), Enter opens its checklist;
a change elsewhere arrives through the change feed; an honest empty state."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kortrijk_cockpit.changes import Kind
from kortrijk_cockpit.clock import BRUSSELS, FixedClock
from kortrijk_cockpit.domain import ActionPoint, CalendarEvent, VisitKind
from kortrijk_cockpit.services.visits import VisitService
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.ui.change_feed import ChangeFeed
from kortrijk_cockpit.ui.tasks import TaskRunner
from kortrijk_cockpit.ui.views.followup.area import FollowupArea
from kortrijk_cockpit.ui.views.followup.model import LATE, FollowupModel

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=BRUSSELS)  # Monday


def add_event(store: Store, subject: str, start: datetime) -> int:
    with store.session_factory.begin() as s:
        event = CalendarEvent(subject=subject, start_at=start, end_at=start + timedelta(hours=1),
                              exchange_id=f"AAMk-{subject}")
        s.add(event)
        s.flush()
        return event.id


def shown(area: FollowupArea) -> list[tuple[str, str]]:
    proxy = area.proxy
    return [(proxy.index(r, FollowupModel.WHAT).data(), proxy.index(r, FollowupModel.DUE).data())
            for r in range(proxy.rowCount())]


def test_opvolging_by_keyboard(qtbot, app: QApplication, sqlite_store: Store,  # type: ignore[no-untyped-def]
                               runner: TaskRunner) -> None:
    visits = VisitService(sqlite_store.session_factory, FixedClock(NOW))
    feed = ChangeFeed()
    area = FollowupArea(visits, runner, feed)
    qtbot.addWidget(area)
    with qtbot.waitSignal(area.loaded):
        area.show()
    assert area.pages.currentWidget() is area.empty
    assert "bezoek" in area.empty.text().lower()

    soon = add_event(sqlite_store, "Bezoek burgemeester Lille", datetime(2026, 11, 25, 10, tzinfo=BRUSSELS))
    feed.publish(visits.mark(soon, VisitKind.VISIT).changes)
    qtbot.waitUntil(lambda: area.model.rowCount() == 8)
    assert area.pages.currentWidget() is area.table
    with sqlite_store.session_factory.begin() as s:
        s.add(ActionPoint(title="Nota personeelsplan", owner_name="Els", due_date=date(2026, 11, 1)))
    area.reload()  # the action point came in without a change of its own
    qtbot.waitUntil(lambda: area.model.rowCount() == 9)

    rows = shown(area)
    assert rows[0] == ("Nota personeelsplan", "01/11/2026 (te laat)")
    assert rows[1] == ("zaal", "10/11/2026 (te laat)")  # 11/11 is a public holiday
    assert area.proxy.index(1, 0).data(Qt.ItemDataRole.ForegroundRole).color() == LATE
    assert rows[-1] == ("opvolgmail", "26/11/2026")
    assert area.proxy.index(8, 0).data(Qt.ItemDataRole.ForegroundRole) is None

    area.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is area)
    area.table.setFocus()
    area.table.setCurrentIndex(area.proxy.index(1, 0))
    with qtbot.waitSignal(feed.changed) as announced:
        qtbot.keyClick(area.table, Qt.Key.Key_Space)
    assert announced.args[0].rows(Kind.VISIT_ITEM).updated
    qtbot.waitUntil(lambda: area.current() is not None and area.current().done)  # type: ignore[union-attr]
    assert area.current().what == "zaal"  # type: ignore[union-attr]
    assert "te laat" not in area.proxy.index(area.table.currentIndex().row(), FollowupModel.DUE).data()
    assert visits.checklist(soon).items[0].done  # type: ignore[union-attr]
    with qtbot.waitSignal(feed.changed):
        qtbot.keyClick(area.table, Qt.Key.Key_Space)  # and back
    qtbot.waitUntil(lambda: not area.current().done)  # type: ignore[union-attr]

    with qtbot.waitSignal(area.checklist_requested) as requested:
        qtbot.keyClick(area.table, Qt.Key.Key_Return)
    assert requested.args == [soon]


def test_a_moved_appointment_moves_its_items_in_opvolging_and_the_window_has_the_area(
        qtbot, app: QApplication, sqlite_store: Store, runner: TaskRunner, paths,  # type: ignore[no-untyped-def]
        qtmodeltester) -> None:
    from kortrijk_cockpit.services.calendar import CalendarService
    from kortrijk_cockpit.ui.dialogs.visit_checklist import VisitChecklistDialog
    from kortrijk_cockpit.ui.main_window import MainWindow
    from tests.ui.conftest import make_services

    event_id = add_event(sqlite_store, "Rondleiding stadhuis", datetime(2026, 12, 3, 14, tzinfo=BRUSSELS))
    clock = FixedClock(NOW)
    visits = VisitService(sqlite_store.session_factory, clock)
    visits.mark(event_id, VisitKind.TOUR)
    services = replace(make_services(sqlite_store), visits=visits)
    window = MainWindow(runner, paths.config, report_unexpected=lambda e: None, services=services)
    qtbot.addWidget(window)
    window.show()
    window.show_area("followup")
    area = window.views["followup"]
    assert isinstance(area, FollowupArea)
    qtbot.waitUntil(lambda: area.model.rowCount() == 8)
    qtmodeltester.check(area.model)
    assert ("catering", "30/11/2026") in shown(area)

    moved = CalendarService(sqlite_store.session_factory).move(
        event_id, datetime(2026, 12, 10, 14, tzinfo=BRUSSELS))
    window.feed.publish(moved.changes)
    qtbot.waitUntil(lambda: ("catering", "07/12/2026") in shown(area))

    area.table.setCurrentIndex(area.proxy.index(0, 0))
    area.table.doubleClicked.emit(area.table.currentIndex())
    qtbot.waitUntil(lambda: any(isinstance(w, VisitChecklistDialog) and w.isVisible()
                                for w in QApplication.topLevelWidgets()))
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, VisitChecklistDialog))
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 8)
    qtmodeltester.check(dialog.model)
    dialog.close()
