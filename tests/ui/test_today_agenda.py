"""Vandaag: today's and the next working day's appointments, their conflicts and
missing preparation; a click opens the Agenda on that day."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kortrijk_cockpit.changes import Changes, Kind
from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.config import Paths
from kortrijk_cockpit.domain import CalendarEvent
from kortrijk_cockpit.services.agenda import AgendaService
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.ui.main_window import MainWindow
from kortrijk_cockpit.ui.tasks import TaskRunner
from kortrijk_cockpit.ui.views.agenda.period import ViewMode
from tests.ui.conftest import NOW, make_services


def agenda_window(qtbot, store: Store, runner: TaskRunner, paths: Paths,  # type: ignore[no-untyped-def]
                  unexpected: list[BaseException]) -> MainWindow:
    services = dataclasses.replace(make_services(store),
                                   agenda=AgendaService(store.session_factory, FixedClock(NOW)))
    win = MainWindow(runner, paths.config, report_unexpected=unexpected.append, services=services)
    qtbot.addWidget(win)
    return win


def test_day_tiles_show_appointments_conflicts_and_missing_preparation(
        qtbot, app: QApplication, demo_store: Store, runner: TaskRunner, paths: Paths,  # type: ignore[no-untyped-def]
        unexpected: list[BaseException]) -> None:
    with demo_store.session_factory.begin() as s:  # clashes with the demo's College at 16:00
        s.add(CalendarEvent(subject="Persmoment jeugdhuis", start_at=NOW.replace(hour=17),
                            end_at=NOW.replace(hour=18, minute=30), location="Jeugdhuis"))
    window = agenda_window(qtbot, demo_store, runner, paths, unexpected)
    with qtbot.waitSignal(window.dashboard_loaded, timeout=10_000):
        window.show()
    today, tomorrow = window.today.day_tiles
    assert today.caption.text() == "Vandaag: 4 afspraken"
    assert tomorrow.caption.text() == "Morgen: 1 afspraak"
    text = today.lines.text()
    assert "14:00–14:45" in text and "Werkgroep organisatiebeheersing" in text
    assert "Overlapt met College van burgemeester en schepenen" in text
    assert "#b91c1c" in text  # conflicts in red
    assert "MAT (managementteam)" in tomorrow.lines.text()
    assert "geen voorbereiding geboekt" in tomorrow.lines.text()

    qtbot.mouseClick(tomorrow, Qt.MouseButton.LeftButton)
    assert window.current_area() == "calendar"
    controller = window.agenda_area().controller  # type: ignore[union-attr]
    assert (controller.anchor, controller.mode) == (date(2026, 11, 24), ViewMode.DAY)
    assert not unexpected


def test_day_tiles_follow_the_change_feed(
        qtbot, app: QApplication, demo_store: Store, runner: TaskRunner, paths: Paths,  # type: ignore[no-untyped-def]
        unexpected: list[BaseException]) -> None:
    window = agenda_window(qtbot, demo_store, runner, paths, unexpected)
    with qtbot.waitSignal(window.dashboard_loaded, timeout=10_000):
        window.show()
    start = datetime.combine(date(2026, 11, 24), NOW.timetz()).replace(hour=13)
    with demo_store.session_factory.begin() as s:
        event = CalendarEvent(subject="Bezoek gouverneur", start_at=start,
                              end_at=start + timedelta(hours=1), location="Stadhuis")
        s.add(event)
        s.flush()
        created = event.id
    with qtbot.waitSignal(window.dashboard_loaded, timeout=10_000):
        window.feed.publish(Changes.of(Kind.EVENT, created=[created]))
    assert window.today.day_tiles[1].caption.text() == "Morgen: 2 afspraken"
    assert "Bezoek gouverneur" in window.today.day_tiles[1].lines.text()
