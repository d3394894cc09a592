"""The minutes window as the main window opens it: the item's action points and the
meeting's Opvolging sit in the lower tabs, follow the item in the editor, and a stale save
asks which text stays."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.domain import ActionPoint
from kortrijk_cockpit.services.action_points import ActionPointService
from kortrijk_cockpit.services.minutes import MinutesService
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.ui.change_feed import ChangeFeed
from kortrijk_cockpit.ui.dialogs.minutes_conflict import MinutesConflictDialog
from kortrijk_cockpit.ui.tasks import TaskRunner
from kortrijk_cockpit.ui.views.minutes.window import open_minutes_window
from tests.minutes_world import at, seed_minutes_world


def test_action_points_follow_the_item_and_the_followup_tab_counts(
        app: QApplication, qtbot: QtBot, sqlite_store: Store, runner: TaskRunner) -> None:
    world = seed_minutes_world(sqlite_store.session_factory)
    clock = FixedClock(at(date(2027, 1, 5), 9))
    parent = QWidget()
    qtbot.addWidget(parent)
    minutes = MinutesService(sqlite_store.session_factory, clock)
    window = open_minutes_window(parent, minutes, runner, ChangeFeed(), world.meeting_id,
                                 action_points=ActionPointService(sqlite_store.session_factory,
                                                                  clock),
                                 today=lambda: date(2027, 1, 5))
    qtbot.waitUntil(lambda: window.minutes is not None)
    panel = window.actions_panel
    assert window.lower_tabs.widget(0).isAncestorOf(panel)
    assert window.lower_tabs.tabText(1).startswith("Opvolging (")

    # Typed under the first item: owner and a Friday deadline in words.
    qtbot.keyClicks(panel.what, "Reserves uitzoeken")
    panel.owner.setText("Lies Maes")  # completion itself: test_minutes_actions_panel
    qtbot.keyClicks(panel.due.edit, "vr")
    qtbot.keyClick(panel.due.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _points(sqlite_store) == 1)
    with sqlite_store.session() as s:
        point = s.scalars(select(ActionPoint)).one()
        assert (point.origin_agenda_item_id, point.due_date, point.owner_name) == (
            world.item_ids[0], date(2027, 1, 8), "Lies Maes")
    qtbot.waitUntil(lambda: panel.table.model().rowCount() == 1)

    window.step(1)  # the next item has none of its own
    qtbot.waitUntil(lambda: panel.table.model().rowCount() == 0)
    assert window.conflict_handler is not window.keep_on_screen


def test_a_stale_save_in_the_window_opens_the_choice_with_both_texts(
        app: QApplication, qtbot: QtBot, sqlite_store: Store, runner: TaskRunner) -> None:
    world = seed_minutes_world(sqlite_store.session_factory)
    clock = FixedClock(at(date(2027, 1, 5), 9))
    parent = QWidget()
    qtbot.addWidget(parent)
    mine = MinutesService(sqlite_store.session_factory, clock, actor="annelies")
    window = open_minutes_window(parent, mine, runner, ChangeFeed(), world.meeting_id,
                                 action_points=ActionPointService(sqlite_store.session_factory,
                                                                  clock))
    qtbot.waitUntil(lambda: window.minutes is not None)
    # Someone else saves the same item first (another workstation: no feed between them).
    MinutesService(sqlite_store.session_factory, clock, actor="bart").save_item(
        world.item_ids[0], "Tekst van Bart.", "", None)
    seen: list[list[str]] = []

    def answer_when_asked() -> None:
        dialog = next((w for w in QApplication.topLevelWidgets()
                       if isinstance(w, MinutesConflictDialog) and w.isVisible()), None)
        if dialog is not None and not seen:
            seen.append(dialog.shown_texts())
            dialog.keep_mine.click()

    # The choice is a modal dialog: answer it from the event loop it runs.
    poll = QTimer()
    poll.setInterval(20)
    poll.timeout.connect(answer_when_asked)
    poll.start()
    qtbot.keyClicks(window.notes, "Mijn tekst.")
    window.save_now()
    qtbot.waitUntil(lambda: bool(seen), timeout=8000)
    poll.stop()
    assert "Tekst van Bart." in seen[0] and "Mijn tekst." in seen[0]  # both versions shown
    qtbot.waitUntil(lambda: _notes(sqlite_store) == "Mijn tekst.", timeout=8000)


def _points(store: Store) -> int:
    with store.session() as s:
        return len(s.scalars(select(ActionPoint.id)).all())


def _notes(store: Store) -> str:
    from kortrijk_cockpit.domain import ItemMinutes

    with store.session() as s:
        return s.scalar(select(ItemMinutes.notes)) or ""


def test_closing_the_main_window_closes_the_minutes_and_keeps_where_they_were(
        app: QApplication, qtbot: QtBot, sqlite_store: Store, runner: TaskRunner,
        tmp_path: object) -> None:
    from pathlib import Path

    from PySide6.QtCore import QSettings

    from kortrijk_cockpit.ui.main_window import MainWindow
    from kortrijk_cockpit.ui.views.minutes.window import saved_resume_point

    assert isinstance(tmp_path, Path)
    world = seed_minutes_world(sqlite_store.session_factory)
    clock = FixedClock(at(date(2027, 1, 5), 9))
    main = MainWindow(runner, tmp_path, report_unexpected=lambda exc: None)
    qtbot.addWidget(main)
    main.show()
    state = QSettings(str(tmp_path / "minutes.ini"), QSettings.Format.IniFormat)
    window = open_minutes_window(main, MinutesService(sqlite_store.session_factory, clock),
                                 runner, ChangeFeed(), world.meeting_id, state)
    qtbot.waitUntil(lambda: window.minutes is not None)
    main.close()
    assert not window.isVisible()  # nothing keeps the app running
    assert saved_resume_point(state) is not None  # and the minutes open again next time
