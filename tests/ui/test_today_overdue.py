"""Vandaag: "Achterstallige actiepunten" counts the overdue points and names the three
oldest; a click opens Opvolging."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kortrijk_cockpit.config import Paths
from kortrijk_cockpit.domain import ActionPoint, ActionStatus
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.ui.main_window import MainWindow
from kortrijk_cockpit.ui.tasks import TaskRunner
from tests.ui.conftest import NOW, make_services


def test_overdue_action_points_tile(qtbot, app: QApplication, sqlite_store: Store,  # type: ignore[no-untyped-def]
                                    runner: TaskRunner, paths: Paths,
                                    unexpected: list[BaseException]) -> None:
    today = NOW.date()
    with sqlite_store.session_factory.begin() as s:
        s.add_all([
            ActionPoint(title="Nota personeelsplan", owner_name="Els", due_date=date(2026, 10, 1)),
            ActionPoint(title="Budget", owner_name="Jan", due_date=date(2026, 10, 15)),
            ActionPoint(title="Visienota", owner_name="", due_date=date(2026, 11, 2)),
            ActionPoint(title="Jongste", owner_name="An", due_date=date(2026, 11, 10),
                        status=ActionStatus.IN_PROGRESS),
            ActionPoint(title="Afgewerkt", owner_name="An", due_date=date(2026, 9, 1),
                        status=ActionStatus.DONE),
            ActionPoint(title="Nog tijd", owner_name="An", due_date=today.replace(year=2027)),
        ])
    window = MainWindow(runner, paths.config, report_unexpected=unexpected.append,
                        services=make_services(sqlite_store))
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.dashboard_loaded, timeout=10_000):
        window.show()
    tile = window.today.tiles["overdue"]
    assert tile.caption.text() == "Achterstallige actiepunten"
    assert tile.value.text() == "4"
    assert tile.detail.text().splitlines() == ["01/10 Nota personeelsplan (Els)",
                                               "15/10 Budget (Jan)", "02/11 Visienota"]
    assert tile.property("alert") is True
    with qtbot.waitSignal(window.today.area_requested) as asked:
        qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
    assert asked.args == ["followup"]
    assert not unexpected
