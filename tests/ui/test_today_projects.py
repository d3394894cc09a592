"""Vandaag: "Mijn projecten" names the assistant's own projects with their next milestone
and follows the change feed; the window's Projecten area lists the demo's projects."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.config import Paths
from kortrijk_cockpit.services.projects import ProjectService
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.ui.main_window import MainWindow
from kortrijk_cockpit.ui.tasks import TaskRunner
from kortrijk_cockpit.ui.views.projects.area import ProjectsArea
from tests.ui.conftest import NOW, make_services


def test_my_projects_tile_and_the_projects_area(qtbot, app: QApplication, demo_store: Store,  # type: ignore[no-untyped-def]
                                                runner: TaskRunner, paths: Paths,
                                                unexpected: list[BaseException]) -> None:
    projects = ProjectService(demo_store.session_factory, FixedClock(NOW))
    window = MainWindow(runner, paths.config, report_unexpected=unexpected.append,
                        services=replace(make_services(demo_store), projects=projects))
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.dashboard_loaded, timeout=10_000):
        window.show()
    tile = window.today.tiles["own_projects"]
    assert tile.caption.text() == "Mijn projecten"
    assert tile.value.text() == "1"  # her own; the directors' projects are not hers
    assert tile.detail.text().splitlines() == [
        "Digitale parafeerroute voor nota's aan MAT en DC — 16/11 Analyse huidige route klaar",
        "1 mijlpaal over tijd"]
    assert tile.property("alert") is True

    own = projects.list(own_only=True)[0]
    assert own.next_milestone is not None
    with qtbot.waitSignal(window.dashboard_loaded, timeout=10_000):
        window.feed.publish(projects.set_done(own.next_milestone.id))
    assert tile.detail.text().splitlines() == [
        "Digitale parafeerroute voor nota's aan MAT en DC — 14/12 Pilot met twee directies"]
    assert tile.property("alert") is False

    with qtbot.waitSignal(window.today.area_requested) as asked:
        qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
    assert asked.args == ["projects"]
    window.show_area("projects")
    area = window.views["projects"]
    assert isinstance(area, ProjectsArea)
    qtbot.waitUntil(lambda: area.model.rowCount() == 3)
    qtbot.waitUntil(lambda: area.details.project_id == own.id  # first by name: chosen
                    and area.details.links.rowCount() == 1)
    assert area.details.links.link(0).title == "Budgetaanvraag digitalisering herbekijken"  # type: ignore[union-attr]
    assert not unexpected
