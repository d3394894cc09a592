"""Minutes by keyboard: attendance keys land in the store, typed notes and besluit are
saved by the autosave (also while she keeps typing), Ctrl+PgDn/PgUp walk the items,
and approved minutes are read-only."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.config import Paths
from kortrijk_cockpit.domain import Attendance, AttendanceStatus, ItemMinutes, Meeting
from kortrijk_cockpit.services.minutes import MinutesService
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.ui.change_feed import ChangeFeed
from kortrijk_cockpit.ui.tasks import TaskRunner
from kortrijk_cockpit.ui.views.minutes.window import MinutesWindow, saved_resume_point
from tests.minutes_world import MinutesWorld, at, seed_minutes_world


def open_window(qtbot: QtBot, store: Store, runner: TaskRunner, world: MinutesWorld,
                state: QSettings | None = None) -> MinutesWindow:
    clock = FixedClock(at(date(2027, 1, 5), 9))
    window = MinutesWindow(MinutesService(store.session_factory, clock), runner, ChangeFeed(),
                           world.meeting_id, state)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.controller.loaded):
        window.show()
    return window


def stored_texts(store: Store) -> dict[int, tuple[str, str]]:
    with store.session() as s:
        return {m.agenda_item_id: (m.notes, m.decision) for m in s.scalars(select(ItemMinutes))}


def attendance(store: Store, meeting_id: int) -> dict[str, AttendanceStatus]:
    with store.session() as s:
        return {a.name: a.status for a in s.scalars(
            select(Attendance).where(Attendance.meeting_id == meeting_id))}


def test_minutes_are_taken_by_keyboard(app: QApplication, qtbot: QtBot, sqlite_store: Store,
                                       runner: TaskRunner, paths: Paths) -> None:
    world = seed_minutes_world(sqlite_store.session_factory)
    state = QSettings(str(paths.config / "state.ini"), QSettings.Format.IniFormat)
    window = open_window(qtbot, sqlite_store, runner, world, state)
    assert window.windowTitle() == "Notulen MAT 05/01/2027"
    assert window.item_title.text() == "1. Begrotingswijziging"
    assert window.notes.hasFocus()

    # Attendance: F6 to the list, one key per member (the cursor moves on), Space cycles.
    qtbot.keyClick(window.notes, Qt.Key.Key_F6)  # notes -> attendance
    assert window.attendance_view.hasFocus()
    qtbot.keyClick(window.attendance_view, Qt.Key.Key_A)
    qtbot.keyClick(window.attendance_view, Qt.Key.Key_V)  # Koen Vandamme: excused
    qtbot.keyClick(window.attendance_view, Qt.Key.Key_Space)  # Lies Maes: present -> excused
    qtbot.keyClick(window.attendance_view, Qt.Key.Key_Space)  # ... -> absent
    qtbot.waitUntil(lambda: attendance(sqlite_store, world.meeting_id) == {
        "Sofie Declercq": AttendanceStatus.PRESENT, "Koen Vandamme": AttendanceStatus.EXCUSED,
        "Lies Maes": AttendanceStatus.ABSENT})
    qtbot.waitUntil(lambda: window.attendance_model.index(2, 1).data() == "afwezig")

    # Typing: the first autosave comes while she keeps on typing (no pause needed).
    qtbot.keyClick(window.attendance_view, Qt.Key.Key_F6)  # -> agenda items
    qtbot.keyClick(window.items_view, Qt.Key.Key_F6)  # -> notes
    assert window.notes.hasFocus()
    typed = ""
    for word in ("Toelichting ", "door ", "Sofie. "):
        qtbot.keyClicks(window.notes, word)
        typed += word
    qtbot.waitUntil(lambda: stored_texts(sqlite_store).get(world.item_ids[0], ("", ""))[0]
                    == typed, timeout=6000)
    # The store has it first; the line says so once the save task has landed.
    qtbot.waitUntil(lambda: window.status.text().startswith("Bewaard om"))
    qtbot.keyClick(window.notes, Qt.Key.Key_Tab)  # to the besluit
    qtbot.keyClicks(window.decision, "Goedgekeurd.")
    # Ctrl+PgDn saves the item she leaves at once and opens the next one.
    with qtbot.waitSignal(window.item_changed) as changed:
        qtbot.keyClick(window.decision, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert changed.args == [world.item_ids[1]]
    assert window.item_title.text() == "2. Personeel  ·  vertrouwelijk"
    assert window.decision.hasFocus() and window.decision.toPlainText() == ""
    qtbot.waitUntil(lambda: stored_texts(sqlite_store).get(world.item_ids[0])
                    == (typed, "Goedgekeurd."))
    assert window.items_model.index(0, 3).data() == "✎"  # the item shows it has minutes
    assert window.items_model.index(1, 4).data() == "ja"  # Personeel is confidential
    qtbot.keyClick(window.decision, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert window.item_title.text() == "1. Begrotingswijziging"
    assert window.decision.toPlainText() == "Goedgekeurd."

    # The window state knows where she is; closing the window forgets it.
    window.save_now()
    assert saved_resume_point(state) is not None
    assert saved_resume_point(state)[0] == world.meeting_id  # type: ignore[index]
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)  # qtbot closes it too
    window.close()
    assert saved_resume_point(state) is None


def test_a_guest_is_added_and_removed_after_confirmation(
        app: QApplication, qtbot: QtBot, sqlite_store: Store, runner: TaskRunner) -> None:
    world = seed_minutes_world(sqlite_store.session_factory)
    window = open_window(qtbot, sqlite_store, runner, world)
    window.attendance_view.setFocus()
    qtbot.keyClick(window.attendance_view, Qt.Key.Key_Insert)
    qtbot.waitUntil(lambda: window.question is not None and window.question.isVisible())
    dialog = window.question
    dialog.setTextValue("Jan Gast")  # type: ignore[union-attr]
    with qtbot.waitSignal(window.controller.loaded):
        dialog.accept()  # type: ignore[union-attr]
    assert attendance(sqlite_store, world.meeting_id)["Jan Gast"] is AttendanceStatus.PRESENT
    window.attendance_view.setCurrentIndex(window.attendance_model.index(3, 0))
    qtbot.keyClick(window.attendance_view, Qt.Key.Key_Delete)
    box = window.question
    assert isinstance(box, QMessageBox) and "Jan Gast" in box.text()
    with qtbot.waitSignal(window.controller.loaded):
        box.button(QMessageBox.StandardButton.Yes).click()
    assert "Jan Gast" not in attendance(sqlite_store, world.meeting_id)
    assert window.attendance_model.rowCount() == 3


def test_approved_minutes_are_read_only(app: QApplication, qtbot: QtBot, sqlite_store: Store,
                                        runner: TaskRunner) -> None:
    world = seed_minutes_world(sqlite_store.session_factory)
    with sqlite_store.session_factory.begin() as s:
        s.get(Meeting, world.meeting_id).minutes_locked_at = at(date(2027, 1, 12), 10)  # type: ignore[union-attr]
    window = open_window(qtbot, sqlite_store, runner, world)
    assert window.banner.isVisible() and "vergrendeld" in window.banner.text()
    assert window.notes.isReadOnly() and window.decision.isReadOnly()
    qtbot.keyClicks(window.notes, "Nog iets")
    assert window.notes.toPlainText() == "" and not window.timer.isActive()
    window.attendance_view.setFocus()
    qtbot.keyClick(window.attendance_view, Qt.Key.Key_X)
    assert window.controller.busy is False and stored_texts(sqlite_store) == {}
    assert attendance(sqlite_store, world.meeting_id) == {}  # locked: never seeded either


def test_another_sessions_save_shows_and_a_stale_save_keeps_the_typed_text(
        app: QApplication, qtbot: QtBot, sqlite_store: Store, runner: TaskRunner) -> None:
    world = seed_minutes_world(sqlite_store.session_factory)
    window = open_window(qtbot, sqlite_store, runner, world)
    feed = window.controller.feed
    other = MinutesService(sqlite_store.session_factory, FixedClock(at(date(2027, 1, 5), 9)),
                           actor="Bart")
    budget = world.item_ids[0]
    # Not being typed here: another session's text shows when the feed says so.
    saved = other.save_item(budget, "Bart noteert.", "", None)
    feed.publish(saved.changes, None)
    qtbot.waitUntil(lambda: window.notes.toPlainText() == "Bart noteert.")

    # She types on the version she has while Bart saves again: the save is refused, her
    # text stays on screen with a Dutch message, Bart's stays in the store.
    other.save_item(budget, "Bart noteert meer.", "", saved.version)
    window.notes.setFocus()
    qtbot.keyClicks(window.notes, " En ik ook.")
    window.save_now()
    qtbot.waitUntil(lambda: isinstance(window.question, QMessageBox))
    assert "Bart" in window.question.text()  # type: ignore[union-attr]
    assert window.notes.toPlainText() == "Bart noteert. En ik ook."
    assert stored_texts(sqlite_store)[budget] == ("Bart noteert meer.", "")
    assert window.status.text().startswith("Niet bewaard")
    window.question.close()  # type: ignore[union-attr]

    # With a choice dialog (part A2's): "keep mine" saves her text over Bart's version.
    window._held.clear()
    window.conflict_handler = lambda conflict: conflict.mine
    other.save_item(budget, "Bart nog eens.", "",
                    other.load(world.meeting_id).items[0].version)
    qtbot.keyClicks(window.notes, "!")
    window.save_now()
    qtbot.waitUntil(lambda: stored_texts(sqlite_store)[budget]
                    == ("Bart noteert. En ik ook.!", ""))
