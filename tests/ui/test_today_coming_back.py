"""Vandaag: what comes back at the next MAT and the next DC (count and first titles); a
click opens Opvolging filtered on that series."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.config import Paths
from kortrijk_cockpit.domain import ActionPoint
from kortrijk_cockpit.services.action_points import ActionPointService
from kortrijk_cockpit.services.carry_over import CarryOverService
from kortrijk_cockpit.services.followup_points import FollowupPointsService
from kortrijk_cockpit.services.visits import VisitService
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.ui.main_window import MainWindow
from kortrijk_cockpit.ui.tasks import TaskRunner
from kortrijk_cockpit.ui.views.followup.area import FollowupArea
from tests.integration.test_carry_over import plan_year
from tests.ui.conftest import NOW, make_services


def test_what_comes_back_at_the_next_mat_and_dc(qtbot, app: QApplication,  # type: ignore[no-untyped-def]
                                                sqlite_store: Store, runner: TaskRunner,
                                                paths: Paths,
                                                unexpected: list[BaseException]) -> None:
    plan_year(sqlite_store)  # the next MAT is 05/01/2027, the next DC 07/01/2027
    sessions, clock = sqlite_store.session_factory, FixedClock(NOW)
    carry = CarryOverService(sessions, clock)
    with sessions.begin() as s:
        points = [ActionPoint(title=t, owner_name="Els", due_date=date(2026, 12, d))
                  for t, d in (("Nota telewerk", 1), ("Budget jeugd", 2), ("Visienota", 3),
                               ("Verhuis", 4), ("Rapport DC", 5))]
        s.add_all(points)
        s.flush()
        ids = [p.id for p in points]
    for point in ids[:4]:
        carry.route(point, "MAT")
    carry.route(ids[4], "DC")
    services = replace(make_services(sqlite_store), visits=VisitService(sessions, clock),
                       carry_over=carry, action_points=ActionPointService(sessions, clock),
                       followup_points=FollowupPointsService(sessions, clock))
    window = MainWindow(runner, paths.config, report_unexpected=unexpected.append,
                        services=services)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.dashboard_loaded, timeout=10_000):
        window.show()

    mat, dc = window.today.back_tiles["MAT"], window.today.back_tiles["DC"]
    assert mat.caption.text() == "Terug op het volgende MAT"
    assert mat.value.text() == "4"
    assert mat.detail.text().splitlines()[1:] == ["Nota telewerk", "Budget jeugd", "Visienota"]
    assert "05/01/2027" in mat.detail.text().splitlines()[0]
    assert (dc.value.text(), dc.detail.text().splitlines()[1:]) == ("1", ["Rapport DC"])

    qtbot.mouseClick(mat, Qt.MouseButton.LeftButton)
    assert window.current_area() == "followup"
    area = window.views["followup"]
    assert isinstance(area, FollowupArea)
    qtbot.waitUntil(lambda: area.proxy.rowCount() == 4)
    assert area.filter_bar.series.currentData() == "MAT"
    assert not unexpected
