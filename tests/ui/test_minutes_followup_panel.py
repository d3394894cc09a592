"""The Opvolging during the meeting, by keyboard: D and L change a point's status with
this meeting in its history, a point settled here stays in this meeting's list, O opens
it again, F2 gives a new deadline and N notes that it was discussed."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog

from kortrijk_cockpit.domain import ActionEventKind, ActionPointEvent
from kortrijk_cockpit.domain.meetings import ActionPoint, ActionStatus
from kortrijk_cockpit.services.action_points import ActionPointService
from kortrijk_cockpit.services.minutes import MinutesService
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.ui.change_feed import ChangeFeed
from kortrijk_cockpit.ui.tasks import TaskRunner
from kortrijk_cockpit.ui.views.minutes.action_dialog import ActionDialog
from kortrijk_cockpit.ui.views.minutes.followup_panel import FollowupPanel
from tests.ui.minutes_world import FIRST_DAY, SECOND_DAY, at, clock_at, make_minutes_world


def events(store: Store, point_id: int) -> list[tuple[ActionEventKind, str, int | None]]:
    with store.session_factory() as s:
        return [(e.kind, e.new_value, e.meeting_id) for e in s.query(ActionPointEvent)
                .filter(ActionPointEvent.action_point_id == point_id)
                .order_by(ActionPointEvent.id)]


def status(store: Store, point_id: int) -> ActionStatus:
    with store.session_factory() as s:
        point = s.get(ActionPoint, point_id)
        assert point is not None
        return point.status


def test_points_are_settled_by_key_and_stay_in_this_meetings_list(
        qtbot, app: QApplication, sqlite_store: Store,  # type: ignore[no-untyped-def]
        runner: TaskRunner) -> None:
    world = make_minutes_world(sqlite_store)
    clock = clock_at(FIRST_DAY)
    minutes = MinutesService(sqlite_store.session_factory, clock)
    reserves = minutes.add_action(world.budget, "Reserves uitzoeken", owner_name="Lies Maes",
                                  due_date=date(2027, 1, 8)).id
    nota = minutes.add_action(world.budget, "Nota opmaken", owner_name="Koen Vandamme",
                              due_date=date(2027, 1, 11)).id
    clock.moment = at(SECOND_DAY, 10)  # during the next MAT, where both come back
    panel = FollowupPanel(minutes, ActionPointService(sqlite_store.session_factory, clock),
                          runner, ChangeFeed(), lambda: SECOND_DAY)
    qtbot.addWidget(panel)
    opened: list[object] = []
    panel.dialog_opened.connect(opened.append)
    panel.resize(1000, 400)
    panel.show()
    qtbot.waitExposed(panel)
    panel.show_meeting(world.second)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2)
    assert not panel.empty.isVisible()
    model = panel.model
    assert [model.index(r, model.WHAT).data() for r in range(2)] == [
        "Reserves uitzoeken", "Nota opmaken"]
    assert model.index(0, model.ORIGIN).data() == "MAT van 05/01/2027"
    assert model.index(0, model.ROUTE).data() == "opvolging MAT"

    # D: afgewerkt, recorded with this meeting; the point stays listed, marked as here.
    panel.table.setCurrentIndex(model.index(0, 0))
    with qtbot.waitSignal(panel.written):
        qtbot.keyClick(panel.table, Qt.Key.Key_D)
    assert status(sqlite_store, reserves) is ActionStatus.DONE
    assert events(sqlite_store, reserves)[-1] == (ActionEventKind.STATUS, "done", world.second)
    qtbot.waitUntil(lambda: model.index(1, model.STATUS).data() == "afgewerkt (hier)")
    assert [model.index(r, model.WHAT).data() for r in range(2)] == [
        "Nota opmaken", "Reserves uitzoeken"]  # open first, settled below

    # L on the other: lopend, also with this meeting.
    panel.table.setCurrentIndex(model.index(0, 0))
    with qtbot.waitSignal(panel.written):
        qtbot.keyClick(panel.table, Qt.Key.Key_L)
    assert status(sqlite_store, nota) is ActionStatus.IN_PROGRESS
    assert events(sqlite_store, nota)[-1] == (ActionEventKind.STATUS, "in_progress",
                                              world.second)
    qtbot.waitUntil(lambda: model.index(0, model.STATUS).data() == "lopend")

    # O: the settled one open again; it is an ordinary open point of this meeting again.
    panel.table.setCurrentIndex(model.index(1, 0))
    with qtbot.waitSignal(panel.written):
        qtbot.keyClick(panel.table, Qt.Key.Key_O)
    assert status(sqlite_store, reserves) is ActionStatus.OPEN
    qtbot.waitUntil(lambda: "open" == model.index(
        model.row_of(reserves), model.STATUS).data())

    # F2: a new deadline typed in words.
    panel.table.setCurrentIndex(model.index(model.row_of(nota), 0))
    qtbot.keyClick(panel.table, Qt.Key.Key_F2)
    dialog = opened[-1]
    assert isinstance(dialog, ActionDialog)
    assert dialog.owner.text() == "Koen Vandamme"
    dialog.due.edit.setText("vr")
    assert dialog.due.understood.text() == "vrijdag 15/01/2027"
    with qtbot.waitSignal(panel.written):
        dialog.accept()
    with sqlite_store.session_factory() as s:
        assert s.get(ActionPoint, nota).due_date == date(2027, 1, 15)  # type: ignore[union-attr]
    assert events(sqlite_store, nota)[-1] == (ActionEventKind.DEADLINE, "15/01/2027",
                                              world.second)

    # N: a short note that it was discussed.
    qtbot.keyClick(panel.table, Qt.Key.Key_N)
    note = opened[-1]
    assert isinstance(note, QInputDialog)
    note.setTextValue("Wacht op advies financiën")
    with qtbot.waitSignal(panel.written):
        note.accept()
    assert events(sqlite_store, nota)[-1] == (
        ActionEventKind.DISCUSSED, "Wacht op advies financiën", world.second)
