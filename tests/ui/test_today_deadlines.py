"""Vandaag: "Deadlines komende twee weken" lists what falls due by day ("vandaag",
"morgen", "donderdag 26 november"), overdue first in red; Enter opens the area that holds
it; a new deadline appears through the change feed."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kortrijk_cockpit.changes import Changes, Kind
from kortrijk_cockpit.config import Paths
from kortrijk_cockpit.domain import (
    Deliverable,
    DeliverableStatus,
    Project,
    ProjectMilestone,
    ReportingCycle,
)
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.ui.main_window import MainWindow
from kortrijk_cockpit.ui.tasks import TaskRunner
from tests.ui.conftest import NOW, make_services


def lines(window: MainWindow) -> list[str]:
    model = window.today.deadlines.model
    return [str(model.data(model.index(r, 0))).strip() for r in range(model.rowCount())]


def test_deadlines_panel(qtbot, app: QApplication, sqlite_store: Store,  # type: ignore[no-untyped-def]
                         runner: TaskRunner, paths: Paths,
                         unexpected: list[BaseException]) -> None:
    today = NOW.date()  # Monday 23 November 2026
    with sqlite_store.session_factory.begin() as s:
        cycle = ReportingCycle(name="Jaarrekening", year=2026)
        cycle.deliverables = [
            Deliverable(title="Bijdrage Financiën", owner_name="Nathalie", due_date=today),
            Deliverable(title="Bijdrage Welzijn", owner_name="Bart",
                        due_date=today + timedelta(days=3),
                        status=DeliverableStatus.IN_PROGRESS)]
        project = Project(name="Parafeerbundel", owner_name="Nathalie Goethals", is_own=True)
        project.milestones = [ProjectMilestone(title="Testfase", due_on=date(2026, 11, 20))]
        s.add_all([cycle, project])
    window = MainWindow(runner, paths.config, report_unexpected=unexpected.append,
                        services=make_services(sqlite_store))
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.dashboard_loaded, timeout=10_000):
        window.show()
    panel = window.today.deadlines
    assert panel.caption.text() == "Deadlines komende twee weken"
    assert lines(window) == [
        "Te laat", "20/11 Projectmijlpaal: Parafeerbundel: Testfase (Nathalie Goethals)",
        "Vandaag", "Rapportering: Bijdrage Financiën (Jaarrekening) (Nathalie)",
        "Donderdag 26 november", "Rapportering: Bijdrage Welzijn (Jaarrekening) (Bart)"]
    model = panel.model
    assert model.data(model.index(1, 0), Qt.ItemDataRole.ForegroundRole) is not None
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsSelectable

    panel.view.setFocus()
    panel.view.setCurrentIndex(model.index(3, 0))
    with qtbot.waitSignal(window.today.area_requested) as asked:
        qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert asked.args == ["reporting"]

    with qtbot.waitSignal(window.dashboard_loaded, timeout=10_000):
        window.show_area("today")
    # Tomorrow's new part arrives through the change feed (Vandaag is shown).
    with sqlite_store.session_factory.begin() as s:
        s.add(Deliverable(cycle_id=cycle.id, title="Bijdrage ICT", owner_name="Karen",
                          due_date=today + timedelta(days=1)))
    with qtbot.waitSignal(window.dashboard_loaded, timeout=10_000):
        window.feed.publish(Changes.of(Kind.DELIVERABLE, created=[99]))
    assert "Morgen" in lines(window)
    assert not unexpected
