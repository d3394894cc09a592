"""Action points typed under an agenda item by keyboard: the deadline in words becomes
the right date in the store, the owner completes from the members, Enter adds and stays
in the row; F2, Del (with Ctrl+Z) and approving the earlier minutes."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from kortrijk_cockpit.domain import Meeting
from kortrijk_cockpit.domain.meetings import ActionPoint
from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.services.minutes import MinutesService
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.ui.change_feed import ChangeFeed
from kortrijk_cockpit.ui.tasks import TaskRunner
from kortrijk_cockpit.ui.views.minutes.action_dialog import ActionDialog
from kortrijk_cockpit.ui.views.minutes.actions_panel import ActionsPanel
from tests.ui.minutes_world import FIRST_DAY, SECOND_DAY, clock_at, make_minutes_world


def points(store: Store) -> list[tuple[str, str, date | None]]:
    with store.session_factory() as s:
        return [(p.title, p.owner_name, p.due_date)
                for p in s.query(ActionPoint).order_by(ActionPoint.id)]


@pytest.fixture
def panel_for(qtbot, app: QApplication, sqlite_store: Store,  # type: ignore[no-untyped-def]
              runner: TaskRunner):
    def make(minutes: MinutesService, today: date) -> ActionsPanel:
        panel = ActionsPanel(minutes, runner, ChangeFeed(), lambda: today)
        qtbot.addWidget(panel)
        panel.resize(900, 400)
        panel.show()
        qtbot.waitExposed(panel)
        panel.activateWindow()  # a line edit completes only while it has the focus
        qtbot.waitUntil(panel.isActiveWindow)
        panel.opened = []  # type: ignore[attr-defined]
        panel.dialog_opened.connect(panel.opened.append)  # type: ignore[attr-defined]
        return panel
    return make


# The completion popup on the offscreen platform: it cannot raise or grab the keyboard.
@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing the keyboard")
def test_typed_actions_land_with_the_dates_and_owner_meant(
        qtbot, sqlite_store: Store, panel_for) -> None:  # type: ignore[no-untyped-def]
    world = make_minutes_world(sqlite_store)
    minutes = MinutesService(sqlite_store.session_factory, clock_at(FIRST_DAY))
    panel: ActionsPanel = panel_for(minutes, FIRST_DAY)
    [item] = minutes.load(world.first).items
    panel.show_item(world.first, item, locked=False)
    assert panel.empty.isVisible() and not panel.approve.isVisible()
    qtbot.waitUntil(lambda: len(panel.owner.names()) == 4)

    panel.what.setFocus()
    qtbot.keyClicks(panel.what, "Reserves uitzoeken")
    qtbot.keyClick(panel.what, Qt.Key.Key_Tab)
    assert panel.owner.hasFocus()
    qtbot.keyClicks(panel.owner, "koen")  # a member and a non-member match
    popup = panel.owner.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    completions = panel.owner.completer().completionModel()
    assert [completions.index(r, 0).data() for r in range(completions.rowCount())] == [
        "Koen Vandamme", "Koenraad Peeters"]  # the member first
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert panel.owner.text() == "Koen Vandamme"
    assert points(sqlite_store) == []  # picking a name did not add the point yet
    qtbot.keyClick(panel.owner, Qt.Key.Key_Tab)
    assert panel.due.edit.hasFocus()
    qtbot.keyClicks(panel.due.edit, "vr")
    assert panel.due.understood.text() == "vrijdag 08/01/2027"  # typed on Tuesday 5/1
    with qtbot.waitSignal(panel.written):
        qtbot.keyClick(panel.due.edit, Qt.Key.Key_Return)
    assert panel.what.hasFocus()  # ready for the next one
    assert (panel.what.text(), panel.owner.text(), panel.due.edit.text()) == ("", "", "")

    # The next one by keyboard only; Enter from the description field.
    qtbot.keyClicks(panel.due.edit, "xyz")
    assert "Niet begrepen" in panel.due.understood.text()
    panel.due.edit.clear()
    qtbot.keyClicks(panel.due.edit, "15/3")
    assert panel.due.understood.text() == "maandag 15/03/2027"
    qtbot.keyClicks(panel.owner, "Lies Maes")
    qtbot.keyClicks(panel.what, "Nota opmaken")
    with qtbot.waitSignal(panel.written):
        qtbot.keyClick(panel.what, Qt.Key.Key_Return)
    assert points(sqlite_store) == [
        ("Reserves uitzoeken", "Koen Vandamme", date(2027, 1, 8)),
        ("Nota opmaken", "Lies Maes", date(2027, 3, 15))]
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2)  # the feed refreshed the table
    assert not panel.empty.isVisible()
    assert panel.model.index(1, panel.model.DUE).data() == "15/03/2027"

    # F2: a new deadline on the first.
    panel.table.setCurrentIndex(panel.model.index(0, 0))
    qtbot.keyClick(panel.table, Qt.Key.Key_F2)
    dialog = panel.opened[-1]
    assert isinstance(dialog, ActionDialog)
    dialog.due.edit.setText("+2w")
    with qtbot.waitSignal(panel.written):
        dialog.accept()
    assert points(sqlite_store)[0] == ("Reserves uitzoeken", "Koen Vandamme", date(2027, 1, 19))

    # Del asks first; Cancel keeps it, the remove button removes it, Ctrl+Z brings it back.
    panel.table.setCurrentIndex(panel.model.index(1, 0))
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    box = panel.opened[-1]
    assert isinstance(box, QMessageBox) and "Nota opmaken" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert len(points(sqlite_store)) == 2
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    box = panel.opened[-1]
    [remove] = [b for b in box.buttons()
                if box.buttonRole(b) is QMessageBox.ButtonRole.AcceptRole]
    with qtbot.waitSignal(panel.written):
        remove.click()
    assert [p[0] for p in points(sqlite_store)] == ["Reserves uitzoeken"]
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    with qtbot.waitSignal(panel.written):
        qtbot.keyClick(panel.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert points(sqlite_store)[1] == ("Nota opmaken", "Lies Maes", date(2027, 3, 15))


def test_approving_the_verslag_locks_the_earlier_minutes(
        qtbot, sqlite_store: Store, panel_for) -> None:  # type: ignore[no-untyped-def]
    world = make_minutes_world(sqlite_store)
    minutes = MinutesService(sqlite_store.session_factory, clock_at(SECOND_DAY))
    panel: ActionsPanel = panel_for(minutes, SECOND_DAY)
    approval = next(i for i in minutes.load(world.second).items
                    if i.agenda_item_id == world.approval)
    panel.show_item(world.second, approval, locked=False)
    assert panel.approve.isVisible() and panel.approve.isEnabled()
    panel.approve.click()
    box = panel.opened[-1]
    assert "vergrendeld" in box.text()  # says the earlier minutes will be locked
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert not minutes.load(world.first).locked
    panel.approve.click()
    box = panel.opened[-1]
    [yes] = [b for b in box.buttons() if box.buttonRole(b) is QMessageBox.ButtonRole.AcceptRole]
    with qtbot.waitSignal(panel.written):
        yes.click()
    assert minutes.load(world.first).locked
    with sqlite_store.session_factory() as s:
        assert s.get(Meeting, world.first).minutes_locked_at is not None  # type: ignore[union-attr]
    assert not panel.approve.isEnabled()
    with pytest.raises(UserFacingError):
        minutes.save_item(world.budget, "Te laat.", "", None)


def test_locked_minutes_take_no_new_or_changed_actions(
        qtbot, sqlite_store: Store, panel_for) -> None:  # type: ignore[no-untyped-def]
    world = make_minutes_world(sqlite_store)
    minutes = MinutesService(sqlite_store.session_factory, clock_at(FIRST_DAY))
    minutes.add_action(world.budget, "Reserves uitzoeken")
    panel: ActionsPanel = panel_for(minutes, FIRST_DAY)
    [item] = minutes.load(world.first).items
    panel.show_item(world.first, item, locked=True)
    assert not panel.what.isEnabled() and not panel.due.isEnabled()
    panel.table.setCurrentIndex(panel.model.index(0, 0))
    qtbot.keyClick(panel.table, Qt.Key.Key_F2)
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    assert panel.opened == []  # nothing to confirm: the verslag is approved
    assert [p[0] for p in points(sqlite_store)] == ["Reserves uitzoeken"]
