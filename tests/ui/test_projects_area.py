"""Projecten: the timeline strip paints the span, the milestones (overdue red, done filled)
and today at their dates' x, with Dutch month ticks; the keys on a milestone (Ins, Space,
F2, Del after a question) reach the store."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QMessageBox

from kortrijk_cockpit.clock import BRUSSELS, FixedClock
from kortrijk_cockpit.domain import ActionPoint, ProjectMilestone
from kortrijk_cockpit.services.projects import MilestoneView, ProjectDraft, ProjectService
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.ui.change_feed import ChangeFeed
from kortrijk_cockpit.ui.tasks import TaskRunner
from kortrijk_cockpit.ui.views.projects.area import ProjectsArea
from kortrijk_cockpit.ui.views.projects.dialogs import LinkChooser, MilestoneDialog, ProjectDialog
from kortrijk_cockpit.ui.views.projects.timeline import (
    DONE,
    OVERDUE,
    TODAY,
    TimelineStrip,
)

NOW = datetime(2026, 3, 10, 9, 0, tzinfo=BRUSSELS)
TODAY_DATE = NOW.date()


def pixel(image: QImage, x: float, y: float) -> QColor:
    ratio = image.devicePixelRatio()
    return image.pixelColor(round(x * ratio), round(y * ratio))


def test_the_strip_paints_milestones_at_their_dates(qtbot, app: QApplication) -> None:  # type: ignore[no-untyped-def]
    strip = TimelineStrip()
    qtbot.addWidget(strip)
    strip.resize(720, 96)
    milestones = [
        MilestoneView(1, "Startvergadering", date(2026, 1, 15), date(2026, 1, 15), False),
        MilestoneView(2, "Analyse klaar", date(2026, 2, 20), None, True),
        MilestoneView(3, "Pilot", date(2026, 4, 20), None, False),
    ]
    strip.set_project(date(2026, 1, 5), date(2026, 5, 29), milestones, TODAY_DATE)
    image = strip.grab().toImage()
    y = strip.bar_y()

    assert pixel(image, strip.x_of(date(2026, 2, 20)), y) == OVERDUE
    assert pixel(image, strip.x_of(date(2026, 1, 15)), y) == DONE
    open_fill = pixel(image, strip.x_of(date(2026, 4, 20)), y)
    assert open_fill not in (OVERDUE, DONE) and open_fill.lightness() > 200  # not filled
    assert pixel(image, strip.x_of(TODAY_DATE), strip.height() - 8) == TODAY
    assert strip.x_of(date(2026, 1, 15)) < strip.x_of(date(2026, 2, 20)) \
        < strip.x_of(TODAY_DATE) < strip.x_of(date(2026, 4, 20))
    assert [label for _x, label in strip.month_ticks()] == [
        "jan 2026", "feb", "mrt", "apr", "mei"]
    assert strip.milestone_at(strip.x_of(date(2026, 2, 20)) + 2, y) == 2


def seed(store: Store) -> tuple[ProjectService, int]:
    projects = ProjectService(store.session_factory, FixedClock(NOW))
    project_id, _ = projects.create(ProjectDraft(
        "Digitale parafeerroute", owner_name="Sarah", starts_on=date(2026, 1, 5),
        ends_on=date(2026, 6, 30), is_own=True))
    projects.add_milestone(project_id, "Analyse klaar", date(2026, 2, 20))
    projects.add_milestone(project_id, "Pilot", date(2026, 4, 20))
    return projects, project_id


def milestones(store: Store) -> list[tuple[str, date, date | None]]:
    with store.session() as s:
        return [(m.title, m.due_on, m.done_on) for m in s.query(ProjectMilestone)
                .order_by(ProjectMilestone.due_on)]


def test_keys_on_milestones_reach_the_store(qtbot, app: QApplication, sqlite_store: Store,  # type: ignore[no-untyped-def]
                                            runner: TaskRunner) -> None:
    projects, project_id = seed(sqlite_store)
    area = ProjectsArea(projects, runner, ChangeFeed())
    qtbot.addWidget(area)
    area.resize(1200, 700)
    with qtbot.waitSignal(area.detail_shown, check_params_cb=lambda i: i == project_id):
        area.show()
    assert area.model.rowCount() == 1
    details = area.details
    assert details.title.text() == "Digitale parafeerroute"
    strip_image = details.strip.grab().toImage()
    assert pixel(strip_image, details.strip.x_of(date(2026, 2, 20)), details.strip.bar_y()) \
        == OVERDUE
    table = details.milestone_table
    details.select_milestone(details.milestones.milestone(0).id)  # type: ignore[union-attr]

    qtbot.keyClick(table, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: details.milestones.milestone(0).done_on == TODAY_DATE)  # type: ignore[union-attr]
    assert milestones(sqlite_store)[0] == ("Analyse klaar", date(2026, 2, 20), TODAY_DATE)
    assert details.current_milestone() == details.milestones.milestone(0)  # still chosen

    with qtbot.waitSignal(area.dialog_opened) as opened:
        qtbot.keyClick(table, Qt.Key.Key_F2)
    dialog = opened.args[0]
    assert isinstance(dialog, MilestoneDialog)
    dialog.title.setText("Analyse afgerond")
    dialog.accept()
    qtbot.waitUntil(lambda: details.milestones.milestone(0).title == "Analyse afgerond")  # type: ignore[union-attr]
    assert milestones(sqlite_store)[0][0] == "Analyse afgerond"

    with qtbot.waitSignal(area.dialog_opened) as opened:
        qtbot.keyClick(table, Qt.Key.Key_Insert)
    dialog = opened.args[0]
    dialog.title.setText("Evaluatie")
    dialog.due_on.setDate(date(2026, 6, 15))
    dialog.accept()
    qtbot.waitUntil(lambda: details.milestones.rowCount() == 3)
    assert [m[0] for m in milestones(sqlite_store)] == ["Analyse afgerond", "Pilot", "Evaluatie"]

    with qtbot.waitSignal(area.dialog_opened) as opened:
        qtbot.keyClick(table, Qt.Key.Key_Delete)
    box = opened.args[0]
    assert isinstance(box, QMessageBox) and "Analyse afgerond" in box.text()
    qtbot.keyClick(box, Qt.Key.Key_Escape)  # Esc keeps it
    runner.wait_for_done()
    assert len(milestones(sqlite_store)) == 3
    with qtbot.waitSignal(area.dialog_opened) as opened:
        qtbot.keyClick(table, Qt.Key.Key_Delete)
    box = opened.args[0]
    remove = next(b for b in box.buttons()
                  if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole)
    remove.click()
    qtbot.waitUntil(lambda: details.milestones.rowCount() == 2)
    assert [m[0] for m in milestones(sqlite_store)] == ["Pilot", "Evaluatie"]


def test_projects_are_made_linked_and_removed_from_the_area(  # type: ignore[no-untyped-def]
        qtbot, app: QApplication, sqlite_store: Store, runner: TaskRunner) -> None:
    with sqlite_store.session_factory.begin() as s:
        s.add(ActionPoint(title="Budget parafeerroute vragen", owner_name="Els",
                          due_date=date(2026, 3, 31)))
    projects = ProjectService(sqlite_store.session_factory, FixedClock(NOW))
    area = ProjectsArea(projects, runner, ChangeFeed())
    qtbot.addWidget(area)
    with qtbot.waitSignal(area.loaded):
        area.show()
    assert area.empty.isVisible() and "Ctrl+N" in area.empty.text()

    with qtbot.waitSignal(area.dialog_opened) as opened:
        area.new_project()
    form = opened.args[0]
    assert isinstance(form, ProjectDialog)
    form.accept()  # without a name: said in the form, nothing saved, nothing lost
    assert form.isVisible() and "naam" in form.error.text()
    form.name.setText("Digitale parafeerroute")
    form.is_own.setChecked(True)
    form.accept()
    qtbot.waitUntil(lambda: area.details.title.text() == "Digitale parafeerroute")
    assert [(r.name, r.is_own) for r in projects.list()] == [("Digitale parafeerroute", True)]

    with qtbot.waitSignal(area.dialog_opened) as opened:
        area.details.link_action_point.emit()
    chooser = opened.args[0]
    assert isinstance(chooser, LinkChooser)
    qtbot.keyClicks(chooser.filter, "budget")
    chooser.accept()
    qtbot.waitUntil(lambda: area.details.links.rowCount() == 1)
    assert area.details.links.index(0, 1).data() == "Budget parafeerroute vragen"

    with qtbot.waitSignal(area.dialog_opened) as opened:
        qtbot.keyClick(area.table, Qt.Key.Key_Delete)
    box = opened.args[0]
    assert isinstance(box, QMessageBox) and "Digitale parafeerroute" in box.text()
    next(b for b in box.buttons()
         if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole).click()
    qtbot.waitUntil(lambda: area.model.rowCount() == 0)
    assert projects.list() == [] and area.empty.isVisible()
    with sqlite_store.session() as s:  # the action point itself stays
        assert s.query(ActionPoint).count() == 1
