"""Overleg in the window: the real area replaces the placeholder once the store is open,
and an item's mail opens in the Mail area."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QApplication

from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.config import Paths
from kortrijk_cockpit.services.meeting_agenda import MeetingAgendaService
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.ui.main_window import MainWindow
from kortrijk_cockpit.ui.tasks import TaskRunner
from kortrijk_cockpit.ui.views.meetings.area import MeetingsArea
from tests.ui.conftest import NOW, make_services


def test_overleg_shows_the_demo_agenda(qtbot, app: QApplication, demo_store: Store,  # type: ignore[no-untyped-def]
                                       runner: TaskRunner, paths: Paths,
                                       unexpected: list[BaseException]) -> None:
    services = replace(make_services(demo_store), meeting_agenda=MeetingAgendaService(
        demo_store.session_factory, FixedClock(NOW)))
    window = MainWindow(runner, paths.config, report_unexpected=unexpected.append,
                        services=services)
    qtbot.addWidget(window)
    window.show()
    window.show_area("meetings")
    area = window.meetings_area()
    assert isinstance(area, MeetingsArea)
    qtbot.waitUntil(lambda: area.controller.shown is not None, timeout=10_000)
    assert area.series_model.rowCount() >= 2  # MAT and DC
    assert area.meeting_model.rowCount() > 0
    assert unexpected == []
