"""The Verslag window: Ctrl+Enter makes the next version on the runner and shows it,
its files open in Word and as PDF, Send and the send log are asked for, an approval
made elsewhere locks it through the change feed, and the Overleg area opens it (once
per meeting)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.config import Paths
from kortrijk_cockpit.domain import AgendaItem
from kortrijk_cockpit.services.meeting_agenda import MeetingAgendaService
from kortrijk_cockpit.services.minutes import MinutesService
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.ui.change_feed import ChangeFeed
from kortrijk_cockpit.ui.dialogs.verslag import VerslagWindow
from kortrijk_cockpit.ui.main_window import MainWindow
from kortrijk_cockpit.ui.tasks import TaskRunner
from kortrijk_cockpit.ui.views.meetings.area import MeetingsArea
from tests.integration.verslag_world import World, seed, service
from tests.ui.conftest import NOW, make_services


def opened(qtbot, store: Store, runner: TaskRunner, tmp_path: Path,  # type: ignore[no-untyped-def]
           ) -> tuple[VerslagWindow, World, list[Path], ChangeFeed, FixedClock]:
    clock = FixedClock(NOW)
    world = seed(store, clock)
    feed, shown = ChangeFeed(), []
    window = VerslagWindow(service(store, clock, tmp_path / "verslagen"), runner, feed,
                           world.meeting, opener=lambda path: shown.append(path) or True)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.loaded, timeout=10_000):
        window.show()
    return window, world, shown, feed, clock


def cells(window: VerslagWindow) -> list[list[str]]:
    model = window.model
    return [[model.index(r, c).data() for c in range(model.columnCount())]
            for r in range(model.rowCount())]


def test_ctrl_enter_makes_a_version_that_opens_in_word_and_as_pdf(
        qtbot, app: QApplication, sqlite_store: Store, runner: TaskRunner,  # type: ignore[no-untyped-def]
        tmp_path: Path) -> None:
    window, world, shown, _feed, _clock = opened(qtbot, sqlite_store, runner, tmp_path)
    assert window.windowTitle() == "Verslag – MAT van dinsdag 5 januari 2027"
    assert window.empty.isVisibleTo(window) and not window.word_button.isEnabled()
    assert window.new_button.text() == "Nieuwe versie maken"
    with qtbot.waitActive(window):
        window.activateWindow()
    with qtbot.waitSignal(window.made, timeout=20_000) as made:
        qtbot.keyClick(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=10_000)
    assert cells(window) == [["v1", "05/01/2027 14:00", "Annelies", ""]]  # one version only
    assert window.status.text() == "Versie 1 is klaar."
    files = made.args[0].files
    assert [b.shortcut().toString() for b in (window.word_button, window.pdf_button)] == [
        "Ctrl+O", "Ctrl+Shift+O"]
    window.word_button.click()
    window.pdf_button.click()
    window.decisions_button.click()
    assert shown == [files.docx, files.pdf, files.decisions_pdf]
    assert all(path.is_file() for path in shown)

    assert window.send_button.shortcut().toString() == "Ctrl+Shift+E"
    assert window.send_button.text() == "Versturen…"
    with qtbot.waitSignal(window.send_requested) as send:
        window.send_button.click()
    assert send.args == [made.args[0].version_id]
    with qtbot.waitSignal(window.log_requested) as log:
        window.log_button.click()
    assert log.args == [world.meeting]

    # A second version comes on top, selected; v1 stays listed.
    with qtbot.waitSignal(window.made, timeout=20_000):
        window.new_button.click()
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=10_000)
    assert [row[0] for row in cells(window)] == ["v2", "v1"]
    assert window.selected() is not None and window.selected().number == 2


def test_an_approval_made_elsewhere_locks_the_window_through_the_feed(
        qtbot, app: QApplication, sqlite_store: Store, runner: TaskRunner,  # type: ignore[no-untyped-def]
        tmp_path: Path) -> None:
    window, world, _shown, feed, clock = opened(qtbot, sqlite_store, runner, tmp_path)
    with qtbot.waitSignal(window.made, timeout=20_000):
        window.new_button.click()
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=10_000)
    assert not window.banner.isVisibleTo(window) and window.new_button.isEnabled()
    with sqlite_store.session_factory() as s:
        approval = s.scalar(select(AgendaItem.id).where(
            AgendaItem.approves_meeting_id == world.meeting))
    assert approval is not None
    changes = MinutesService(sqlite_store.session_factory, clock).approve_verslag(approval)
    with qtbot.waitSignal(window.loaded, timeout=10_000):
        feed.publish(changes)
    assert window.banner.isVisibleTo(window)
    assert window.banner.text().startswith("Goedgekeurd op 05/01/2027 in MAT 19/01/2027")
    assert not window.new_button.isEnabled()
    assert cells(window)[0][3] == "05/01/2027 14:00 – MAT 19/01/2027"
    assert window.pdf_button.isEnabled()  # an approved version still opens


def test_the_overleg_area_opens_one_verslag_window_per_meeting(
        qtbot, app: QApplication, sqlite_store: Store, runner: TaskRunner,  # type: ignore[no-untyped-def]
        paths: Paths, tmp_path: Path, unexpected: list[BaseException]) -> None:
    clock = FixedClock(NOW)
    world = seed(sqlite_store, clock)
    services = replace(make_services(sqlite_store),
                       meeting_agenda=MeetingAgendaService(sqlite_store.session_factory, clock),
                       verslag=service(sqlite_store, clock, tmp_path))
    window = MainWindow(runner, paths.config, report_unexpected=unexpected.append,
                        services=services)
    qtbot.addWidget(window)
    window.show()
    window.show_area("meetings")
    area = window.meetings_area()
    assert isinstance(area, MeetingsArea)
    area.verslag_requested.emit(world.meeting)
    qtbot.waitUntil(lambda: window.findChild(VerslagWindow) is not None)
    first = window.findChild(VerslagWindow)
    area.verslag_requested.emit(world.meeting)
    assert window.findChildren(VerslagWindow) == [first]
    qtbot.waitUntil(lambda: first.overview is not None, timeout=10_000)
    first.close()
    runner.wait_for_done()
    assert unexpected == []
