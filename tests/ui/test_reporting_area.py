"""The Rapportering area: a year's cycles with their milestones (the moved one marked),
the matrix's traffic lights, a key setting a part's status, creating a year after a
confirmation, and the empty states."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from kortrijk_cockpit.clock import BRUSSELS, FixedClock
from kortrijk_cockpit.domain import Deliverable, DeliverableStatus
from kortrijk_cockpit.services.reporting import ReportingService, Team
from kortrijk_cockpit.services.reporting_plan import PlanRules, parse_periods
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.ui.change_feed import ChangeFeed
from kortrijk_cockpit.ui.tasks import TaskRunner
from kortrijk_cockpit.ui.views.reporting.area import ReportingArea
from kortrijk_cockpit.ui.views.reporting.models import (
    CycleModel,
    LightRole,
    MilestoneModel,
    RowRole,
)

NOW = datetime(2026, 2, 2, 9, 0, tzinfo=BRUSSELS)  # a Monday
TEAMS = (Team("Financiën", "Financiën", "Nathalie Claeys"),
         Team("Omgeving", "Ruimtelijke planning", "Annelies Verhaeghe"))


def _service(store: Store) -> ReportingService:
    rules = PlanRules(closures=parse_periods(["2026-07-20/2026-08-14"]))
    return ReportingService(store.session_factory, FixedClock(NOW), rules, TEAMS)


def _area(qtbot, service: ReportingService, runner: TaskRunner,  # type: ignore[no-untyped-def]
          feed: ChangeFeed) -> ReportingArea:
    area = ReportingArea(service, runner, feed, 2026)
    qtbot.addWidget(area)
    area.resize(1300, 850)
    with qtbot.waitSignal(area.loaded):
        area.show()
    return area


def _cycle_names(area: ReportingArea) -> list[str]:
    m = area.cycle_model
    return [m.index(r, CycleModel.NAME).data() for r in range(m.rowCount())]


def test_the_year_cycles_and_milestones_with_the_move_marked(qtbot, sqlite_store: Store,  # type: ignore[no-untyped-def]
                                                             runner: TaskRunner) -> None:
    service = _service(sqlite_store)
    service.create_year(2026)
    area = _area(qtbot, service, runner, ChangeFeed())

    names = _cycle_names(area)
    assert len(names) == 8 and names[0] == "Overdracht investeringskredieten 2026"
    assert area.cycle_pages.currentWidget() is area.cycle_table
    open_parts = area.cycle_model.index(0, CycleModel.OPEN).data()
    assert "2" in open_parts

    row = names.index("Jaarrekening 2025")
    area.cycle_table.setCurrentIndex(area.cycle_model.index(row, 0))
    m = area.milestone_model
    shown = [(m.index(r, MilestoneModel.KIND).data(), m.index(r, MilestoneModel.WHEN).data(),
              m.index(r, MilestoneModel.NOTE).data()) for r in range(m.rowCount())]
    dates = [m.index(r, 0).data(RowRole).due_on for r in range(m.rowCount())]
    assert dates == sorted(dates)  # oldest first
    council = next(s for s in shown if s[1] == "maandag 8 juni 2026")
    assert council[2] == ""
    college = next(s for s in shown if "Pinkstermaandag" in s[2])
    assert college[1] == "dinsdag 26 mei 2026"  # the college meets a day late that week
    assert m.index(shown.index(college), MilestoneModel.NOTE).data(
        Qt.ItemDataRole.ForegroundRole) is not None  # marked


def test_the_matrix_lights_and_a_key_sets_the_status(qtbot, sqlite_store: Store,  # type: ignore[no-untyped-def]
                                                     runner: TaskRunner) -> None:
    service = _service(sqlite_store)
    service.create_year(2026)
    feed = ChangeFeed()
    area = _area(qtbot, service, runner, feed)
    model = area.matrix_model
    assert model.rowCount() == 2 and model.columnCount() == 8
    assert model.headerData(0, Qt.Orientation.Vertical) == "Financiën"
    # 2 February: the draft date of the 1 March transfer is near, the rest not yet due.
    first = model.index(0, 0)
    due = first.data(RowRole).due_date
    assert service.days.working_days_before(due, 5) <= NOW.date() <= due
    assert first.data(LightRole) == "orange"
    assert model.index(0, 7).data(LightRole) == "grey"
    assert "Nathalie Claeys" in first.data(Qt.ItemDataRole.ToolTipRole)
    assert "0/2" in model.headerData(0, Qt.Orientation.Horizontal)

    area.matrix_table.setFocus()
    area.matrix_table.setCurrentIndex(first)
    with qtbot.waitSignal(area.loaded):
        qtbot.keyClick(area.matrix_table, Qt.Key.Key_R)
    with sqlite_store.session() as s:
        part = s.get(Deliverable, first.data(RowRole).deliverable_id)
        assert part is not None and part.status == DeliverableStatus.RECEIVED
    assert model.index(0, 0).data(LightRole) == "green"
    assert "1/2" in model.headerData(0, Qt.Orientation.Horizontal)
    assert area.matrix_table.currentIndex() == model.index(0, 0)  # stays on the cell

    with qtbot.waitSignal(area.loaded):
        qtbot.keyClick(area.matrix_table, Qt.Key.Key_O)
    assert model.index(0, 0).data(LightRole) == "orange"
    with sqlite_store.session() as s:
        statuses = set(s.scalars(select(Deliverable.status)))
        assert DeliverableStatus.IN_PROGRESS in statuses


def test_an_empty_year_is_created_after_a_confirmation_once(qtbot, sqlite_store: Store,  # type: ignore[no-untyped-def]
                                                            runner: TaskRunner) -> None:
    service = _service(sqlite_store)
    area = _area(qtbot, service, runner, ChangeFeed())
    assert area.cycle_pages.currentWidget() is area.cycles_empty
    assert "2026" in area.cycles_empty.text()
    assert area.matrix_pages.currentWidget() is area.matrix_empty

    area.create_action.trigger()
    qtbot.waitUntil(lambda: area.controller.confirm_box is not None
                    and area.controller.confirm_box.isVisible())
    box = area.controller.confirm_box
    assert box is not None
    assert "Jaarrekening 2025" in box.informativeText()
    assert "2 team" in box.informativeText()
    create = next(b for b in box.buttons()
                  if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    with qtbot.waitSignal(area.loaded):
        create.click()
    assert len(_cycle_names(area)) == 8
    assert area.matrix_model.rowCount() == 2

    messages: list[str] = []
    area.message.connect(messages.append)
    area.create_action.trigger()
    qtbot.waitUntil(lambda: bool(messages))
    assert "2026" in messages[0]  # made before: not made twice
    assert len(_cycle_names(area)) == 8


def test_f5_reloads_and_another_year_is_empty(qtbot, sqlite_store: Store,  # type: ignore[no-untyped-def]
                                              runner: TaskRunner) -> None:
    service = _service(sqlite_store)
    area = _area(qtbot, service, runner, ChangeFeed())
    service.create_year(2026)  # behind the area's back: F5 shows it
    with qtbot.waitSignal(area.loaded):
        qtbot.keyClick(area.cycle_table, Qt.Key.Key_F5)
    assert len(_cycle_names(area)) == 8
    with qtbot.waitSignal(area.loaded):
        area.year.setValue(2027)
    assert _cycle_names(area) == []
    assert "2027" in area.cycles_empty.text()


def test_the_window_shows_rapportering_for_this_year(qtbot, app, demo_store: Store,  # type: ignore[no-untyped-def]
                                                     runner: TaskRunner, paths,
                                                     unexpected: list[BaseException]) -> None:
    from dataclasses import replace

    from kortrijk_cockpit.ui.main_window import MainWindow
    from tests.ui.conftest import make_services

    service = _service(demo_store)
    service.create_year(2026)  # the window's clock says November 2026
    window = MainWindow(runner, paths.config, report_unexpected=unexpected.append,
                        services=replace(make_services(demo_store), reporting=service))
    qtbot.addWidget(window)
    window.show()
    window.show_area("reporting")
    area = window.views["reporting"]
    assert isinstance(area, ReportingArea)
    assert area.year.value() == 2026
    qtbot.waitUntil(lambda: area.cycle_model.rowCount() == 8, timeout=10_000)
    assert unexpected == []
