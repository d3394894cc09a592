"""Vandaag: "Externe afspraken" names the coming week's external appointments with their
fiche's state, alerts when one within three days has no approved fiche, carries the
director's comment on a fiche he sent back, and a click opens Fiches."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.config import Paths
from kortrijk_cockpit.domain import CalendarEvent
from kortrijk_cockpit.services.briefings import BriefingService
from kortrijk_cockpit.services.briefs import BriefService
from kortrijk_cockpit.services.dashboard import DashboardService
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.ui.main_window import MainWindow
from kortrijk_cockpit.ui.tasks import TaskRunner
from tests.ui.conftest import NOW, make_services


def add_event(store: Store, subject: str, start_hours: float) -> int:
    start = NOW + timedelta(hours=start_hours)
    with store.session_factory.begin() as s:
        event = CalendarEvent(subject=subject, start_at=start, end_at=start + timedelta(hours=1),
                              organizer="Jan <jan@voka.be>")
        s.add(event)
        s.flush()
        return event.id


def open_today(qtbot, store: Store, runner: TaskRunner, paths: Paths,  # type: ignore[no-untyped-def]
               unexpected: list[BaseException]) -> MainWindow:
    clock = FixedClock(NOW)
    briefings = BriefingService(store.session_factory, clock,
                                BriefService(store.session_factory, clock))
    services = dataclasses.replace(
        make_services(store),
        dashboard=DashboardService(store.session_factory, clock, external=briefings.outlook))
    window = MainWindow(runner, paths.config, report_unexpected=unexpected.append,
                        services=services)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.dashboard_loaded, timeout=10_000):
        window.show()
    return window


def test_external_appointments_tile(qtbot, app: QApplication, sqlite_store: Store,  # type: ignore[no-untyped-def]
                                    runner: TaskRunner, paths: Paths,
                                    unexpected: list[BaseException]) -> None:
    # NOW is Monday 23/11 10:00: Tuesday 14:00 is within three days, Friday is not.
    voka = add_event(sqlite_store, "Voka-receptie", 28)
    leiedal = add_event(sqlite_store, "Werkbezoek Leiedal", 4 * 24)
    add_event(sqlite_store, "Over tien dagen", 10 * 24)
    assistant = BriefService(sqlite_store.session_factory, FixedClock(NOW), actor="annelies")
    director = BriefService(sqlite_store.session_factory, FixedClock(NOW), actor="hilde")
    leiedal_brief, _ = assistant.create_for_event(leiedal)
    assistant.submit(leiedal_brief)
    director.send_back(leiedal_brief, "Wie zit er aan tafel?")

    window = open_today(qtbot, sqlite_store, runner, paths, unexpected)
    tile = window.today.tiles["external"]
    assert tile.caption.text() == "Externe afspraken"
    assert tile.value.text() == "2"
    assert tile.detail.text().splitlines() == [
        "Voka-receptie di 14:00 — geen fiche",
        "Werkbezoek Leiedal vr 10:00 — concept",
        "1 binnen 3 dagen zonder goedgekeurde fiche",
        "Opmerking van de directeur bij Werkbezoek Leiedal: Wie zit er aan tafel?"]
    assert tile.property("alert") is True
    with qtbot.waitSignal(window.today.area_requested) as asked:
        qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
    assert asked.args == ["briefs"]

    # Both approved (he approves the concept at once): no alert, no comment left.
    voka_brief, _ = assistant.create_for_event(voka)
    director.approve(voka_brief)
    director.approve(leiedal_brief)
    window.close()
    window = open_today(qtbot, sqlite_store, runner, paths, unexpected)
    tile = window.today.tiles["external"]
    assert tile.detail.text().splitlines() == [
        "Voka-receptie di 14:00 — goedgekeurd", "Werkbezoek Leiedal vr 10:00 — goedgekeurd"]
    assert tile.property("alert") is False
    assert not unexpected
