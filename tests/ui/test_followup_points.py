"""Opvolging works action points by keyboard: Space afgewerkt, L lopend, F2 owner and
deadline ("vr"), Ctrl+Shift+G "Agenderen op…" with the route shown in the history pane;
the status filter, overdue in red, and filters remembered by a new area."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.domain import ActionStatus
from kortrijk_cockpit.services.action_points import ActionPointService
from kortrijk_cockpit.services.carry_over import CarryOverService
from kortrijk_cockpit.services.followup_points import FollowupPointsService
from kortrijk_cockpit.services.visits import VisitService
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.ui.change_feed import ChangeFeed
from kortrijk_cockpit.ui.tasks import TaskRunner
from kortrijk_cockpit.ui.views.followup.area import FollowupArea
from kortrijk_cockpit.ui.views.followup.model import LATE, FollowupModel
from tests.integration.test_carry_over import add_point, at, plan_year

FIRST_MAT, DC = date(2027, 1, 5), date(2027, 1, 14)


def make_area(store: Store, clock: FixedClock, runner: TaskRunner, feed: ChangeFeed,
              state: QSettings) -> FollowupArea:
    sessions = store.session_factory
    return FollowupArea(VisitService(sessions, clock), runner, feed,
                        points=ActionPointService(sessions, clock, "Lien"),
                        carry_over=CarryOverService(sessions, clock),
                        targets=FollowupPointsService(sessions, clock), state=state)


def select(area: FollowupArea, title: str) -> None:
    for r in range(area.proxy.rowCount()):
        if area.proxy.index(r, FollowupModel.WHAT).data() == title:
            area.table.setCurrentIndex(area.proxy.index(r, 0))
            return
    raise AssertionError(f"{title} not shown")


def status_of(area: FollowupArea, title: str) -> ActionStatus | None:
    for row in area.proxy.shown_rows():
        if row.what == title:
            return row.status
    return None


def test_action_points_worked_by_keyboard(qtbot, app: QApplication, sqlite_store: Store,  # type: ignore[no-untyped-def]
                                          runner: TaskRunner, tmp_path) -> None:
    clock = FixedClock(at(FIRST_MAT, 12))  # the first MAT of 2027 is over
    meetings = plan_year(sqlite_store)
    add_point(sqlite_store, "Nota telewerk", meetings["MAT"][FIRST_MAT], owner="Els Vandamme",
              due=date(2027, 1, 4))
    add_point(sqlite_store, "Budget jeugdwerking", meetings["MAT"][FIRST_MAT],
              owner="Jan Peeters", due=date(2027, 1, 20))
    state = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    feed = ChangeFeed()
    area = make_area(sqlite_store, clock, runner, feed, state)
    qtbot.addWidget(area)
    with qtbot.waitSignal(area.loaded):
        area.show()
    area.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is area)
    area.table.setFocus()

    # Overdue stands out; the origin is in the row and the route in the pane.
    select(area, "Nota telewerk")
    late = area.proxy.index(area.table.currentIndex().row(), FollowupModel.DUE)
    assert late.data() == "04/01/2027 (te laat)"
    assert late.data(Qt.ItemDataRole.ForegroundRole).color() == LATE
    assert "uit MAT 05/01/2027" in area.proxy.index(late.row(), FollowupModel.FOR).data()
    qtbot.waitUntil(lambda: "komt terug op MAT 12/01/2027" in area.history.route.text())
    assert area.history.route.text().startswith("ontstaan op MAT 05/01/2027")

    # Ctrl+Shift+G: "Agenderen op" the DC of 14/01, typed into the dialog's filter.
    with qtbot.waitSignal(area.dialog_opened) as opened:
        qtbot.keyClick(area.table, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier
                       | Qt.KeyboardModifier.ShiftModifier)
    dialog = opened.args[0]
    assert dialog.proxy.index(0, 0).data() == "volgende DC"
    qtbot.keyClicks(dialog.search, "DC 14/01")
    assert dialog.chosen().target == meetings["DC"][DC]
    with qtbot.waitSignal(feed.changed):
        qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: area.history.route.text() == (
        "ontstaan op MAT 05/01/2027 \u2192 agenderen op DC 14/01/2027 \u2192 "
        "komt terug op DC 14/01/2027"))

    # L: lopend; Space: afgewerkt (struck through, Space again reopens); both in the history.
    area.table.setFocus()
    with qtbot.waitSignal(feed.changed):
        qtbot.keyClick(area.table, Qt.Key.Key_L)
    qtbot.waitUntil(lambda: status_of(area, "Nota telewerk") is ActionStatus.IN_PROGRESS)
    with qtbot.waitSignal(feed.changed):
        qtbot.keyClick(area.table, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: status_of(area, "Nota telewerk") is ActionStatus.DONE)
    assert area.current().what == "Nota telewerk"  # type: ignore[union-attr]
    assert area.table.currentIndex().data(Qt.ItemDataRole.FontRole).strikeOut()
    qtbot.waitUntil(lambda: area.history.lines.stringList()[-1].endswith(
        "status lopend \u2192 afgewerkt \u2013 Lien"))
    assert "komt terug" not in area.history.route.text()
    with qtbot.waitSignal(feed.changed):
        qtbot.keyClick(area.table, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: status_of(area, "Nota telewerk") is ActionStatus.OPEN)

    # F2: owner and a deadline typed as "vr" (the Friday after Tuesday 05/01/2027).
    select(area, "Budget jeugdwerking")
    with qtbot.waitSignal(area.dialog_opened) as opened:
        qtbot.keyClick(area.table, Qt.Key.Key_F2)
    edit = opened.args[0]
    edit.owner.setText("Sofie Declercq")
    edit.due.setText("vr")
    assert edit.meaning.text() == "08/01/2027"
    with qtbot.waitSignal(feed.changed):
        qtbot.keyClick(edit.due, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: any(r.what == "Budget jeugdwerking" and r.owner == "Sofie Declercq"
                                and r.due_date == date(2027, 1, 8)
                                for r in area.proxy.shown_rows()))

    # The status filter, remembered: a new area shows only lopende points.
    area.filter_bar.status.setCurrentIndex(area.filter_bar.status.findData("in_progress"))
    area.filter_bar.owner.setText("sofie")
    assert area.proxy.rowCount() == 0
    select_status = area.filter_bar.status.findData("open")
    area.filter_bar.status.setCurrentIndex(select_status)
    assert [r.what for r in area.proxy.shown_rows()] == ["Budget jeugdwerking"]
    area.filter_bar.series.setCurrentIndex(area.filter_bar.series.findData("MAT"))
    again = make_area(sqlite_store, clock, runner, feed, state)
    qtbot.addWidget(again)
    with qtbot.waitSignal(again.loaded):
        again.show()
    assert again.filter_bar.owner.text() == "sofie"
    assert again.filter_bar.status.currentData() == "open"
    assert again.filter_bar.series.currentData() == "MAT"
    assert [r.what for r in again.proxy.shown_rows()] == ["Budget jeugdwerking"]
