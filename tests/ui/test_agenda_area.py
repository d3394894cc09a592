"""The Agenda area paints the director's week and moves through it by keyboard."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kortrijk_cockpit.changes import Changes, Kind
from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.config import Paths
from kortrijk_cockpit.domain import CalendarEvent
from kortrijk_cockpit.services.agenda import AgendaService
from kortrijk_cockpit.services.outcomes import OutcomeService
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.ui.change_feed import ChangeFeed
from kortrijk_cockpit.ui.main_window import MainWindow
from kortrijk_cockpit.ui.tasks import TaskRunner
from kortrijk_cockpit.ui.views.agenda.area import AgendaArea
from kortrijk_cockpit.ui.views.agenda.canvas import CONFLICT_COLOUR
from kortrijk_cockpit.ui.views.agenda.controller import AgendaController, AgendaServices
from kortrijk_cockpit.ui.views.agenda.period import ViewMode, days_shown, period_label
from tests.ui.conftest import NOW, make_services

MONDAY = NOW.replace(hour=0)  # Monday 23 November 2026, Brussels


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return (MONDAY + timedelta(days=day)).replace(hour=hour, minute=minute)


def add(store: Store, subject: str, start: datetime, end: datetime, **extra: object) -> int:
    with store.session_factory.begin() as s:
        row = CalendarEvent(subject=subject, start_at=start, end_at=end, **extra)
        s.add(row)
        s.flush()
        return row.id


@pytest.fixture
def week(sqlite_store: Store) -> dict[str, int]:
    store = sqlite_store
    return {
        "mat": add(store, "MAT", at(1, 9), at(1, 11), location="Stadhuis",
                   categories=["Agenderen MAT"]),
        "call": add(store, "Telefoon gouverneur", at(1, 10, 30), at(1, 10, 45)),
        "private": add(store, "Privé", at(2, 12), at(2, 13), is_private_block=True),
        "cancelled": add(store, "Bezoek school", at(3, 14), at(3, 15), is_cancelled=True),
        "leave": add(store, "Verlof", at(4, 0), at(5, 0), is_all_day=True),
        "next": add(store, "Volgende week", at(8, 10), at(8, 11)),
    }


@pytest.fixture
def area(qtbot, app: QApplication, sqlite_store: Store,  # type: ignore[no-untyped-def]
         week: dict[str, int], runner: TaskRunner) -> Iterator[AgendaArea]:
    area = AgendaArea()
    qtbot.addWidget(area)
    area.resize(1000, 700)
    clock = FixedClock(NOW)
    feed = ChangeFeed(area)
    controller = AgendaController(area, AgendaServices(
        agenda=AgendaService(sqlite_store.session_factory, clock),
        outcomes=OutcomeService(sqlite_store.session_factory)), runner, feed)
    area.controller = controller  # type: ignore[attr-defined]
    area.feed = feed  # type: ignore[attr-defined]
    area.show()
    qtbot.waitUntil(lambda: bool(area.canvas.events))
    area.canvas.setFocus()
    yield area
    runner.wait_for_done()


def test_the_work_week_is_shown_with_its_appointments_in_place(area: AgendaArea,
                                                              week: dict[str, int]) -> None:
    canvas = area.canvas
    assert area.period.text() == "23 – 27 november 2026"
    assert canvas.days == [date(2026, 11, 23) + timedelta(days=n) for n in range(5)]
    mat = canvas.event_at(canvas.time_point(at(1, 9, 15), 0.25))
    assert mat is not None and mat.subject == "MAT"
    assert canvas.event_at(canvas.time_point(at(0, 9, 15), 0.25)) is None  # Monday is free
    assert canvas.event_at(canvas.time_point(at(1, 11, 30), 0.25)) is None  # after the MAT
    # The call overlaps the MAT: they share the Tuesday, side by side.
    call = canvas.event_at(canvas.time_point(at(1, 10, 35), 0.75))
    assert call is not None and call.subject == "Telefoon gouverneur"
    assert canvas.event_at(canvas.time_point(at(1, 10, 35), 0.25)) == mat
    assert canvas.event_at(canvas.time_point(at(1, 9, 15), 0.75)) is None
    # All day: on Friday, in the strip above the hours.
    leave = canvas.event_at(canvas.day_point(date(2026, 11, 27)))
    assert leave is not None and leave.subject == "Verlof"
    assert canvas.box_of(week["leave"]).bottom() < canvas.time_point(at(4, 7)).y()


def test_a_private_appointment_says_prive(area: AgendaArea) -> None:
    private = area.canvas.event_at(area.canvas.time_point(at(2, 12, 30)))
    assert private is not None and private.subject == "Privé"
    assert area.canvas.tooltip_text(private).startswith("Privé\n")


def test_a_conflict_is_marked_red_and_explained_in_dutch(area: AgendaArea,
                                                         week: dict[str, int]) -> None:
    canvas = area.canvas
    call = next(e for e in canvas.events if e.id == week["call"])
    assert "⚠ Overlapt met MAT (09:00–11:00)" in canvas.tooltip_text(call)
    image = canvas.grab().toImage()
    box = canvas.box_of(week["call"])
    assert box is not None
    edge = image.pixelColor(int(box.right()) - 2, int(box.center().y()))
    assert edge == CONFLICT_COLOUR
    quiet = canvas.box_of(week["next"])
    assert quiet is None  # next week is not painted


def test_keys_move_the_week_switch_views_and_come_back_today(  # type: ignore[no-untyped-def]
        qtbot, area: AgendaArea) -> None:
    canvas = area.canvas
    controller: AgendaController = area.controller  # type: ignore[attr-defined]
    with qtbot.waitSignal(controller.loaded):
        qtbot.keyClick(canvas, Qt.Key.Key_Right)
    assert area.period.text() == "30 november – 4 december 2026"
    nxt = canvas.event_at(canvas.time_point(at(8, 10, 30)))
    assert nxt is not None and nxt.subject == "Volgende week"
    with qtbot.waitSignal(controller.loaded):
        qtbot.keyClick(canvas, Qt.Key.Key_PageUp)
    assert area.period.text() == "23 – 27 november 2026"
    with qtbot.waitSignal(controller.loaded):
        qtbot.keyClick(canvas, Qt.Key.Key_7)
    assert len(canvas.days) == 7 and area.mode_buttons[controller.mode].isChecked()
    with qtbot.waitSignal(controller.loaded):
        qtbot.keyClick(canvas, Qt.Key.Key_M)
    assert area.period.text() == "november 2026"
    assert canvas.days[0] == date(2026, 10, 26) and canvas.days[-1] == date(2026, 12, 6)
    with qtbot.waitSignal(controller.loaded):
        qtbot.keyClick(canvas, Qt.Key.Key_PageDown)
    assert area.period.text() == "december 2026"
    with qtbot.waitSignal(controller.loaded):
        qtbot.keyClick(canvas, Qt.Key.Key_1)
    with qtbot.waitSignal(controller.loaded):
        qtbot.keyClick(canvas, Qt.Key.Key_T)
    assert area.period.text() == "maandag 23 november 2026"
    with qtbot.waitSignal(controller.loaded):
        qtbot.keyClick(canvas, Qt.Key.Key_5)
    assert area.period.text() == "23 – 27 november 2026"


def test_every_view_paints(qtbot, area: AgendaArea) -> None:  # type: ignore[no-untyped-def]
    controller: AgendaController = area.controller  # type: ignore[attr-defined]
    for key in (Qt.Key.Key_1, Qt.Key.Key_7, Qt.Key.Key_M):
        with qtbot.waitSignal(controller.loaded):
            qtbot.keyClick(area.canvas, key)
        assert not area.canvas.grab().isNull()
    cancelled = next(e for e in area.canvas.events if e.is_cancelled)
    assert area.canvas.box_of(cancelled.id) is not None  # in its month cell
    assert "Geannuleerd" in area.canvas.tooltip_text(cancelled)


def test_a_new_appointment_appears_when_the_feed_says_so(  # type: ignore[no-untyped-def]
        qtbot, area: AgendaArea, sqlite_store: Store) -> None:
    controller: AgendaController = area.controller  # type: ignore[attr-defined]
    new = add(sqlite_store, "Bezoek minister", at(0, 14), at(0, 15))
    with qtbot.waitSignal(controller.loaded):
        area.feed.publish(Changes.of(Kind.EVENT, created=[new]))  # type: ignore[attr-defined]
    hit = area.canvas.event_at(area.canvas.time_point(at(0, 14, 30)))
    assert hit is not None and hit.subject == "Bezoek minister"


def test_hidden_it_only_marks_itself_stale(qtbot, area: AgendaArea,  # type: ignore[no-untyped-def]
                                           sqlite_store: Store) -> None:
    controller: AgendaController = area.controller  # type: ignore[attr-defined]
    area.hide()
    new = add(sqlite_store, "Bezoek minister", at(0, 14), at(0, 15))
    area.feed.publish(Changes.of(Kind.EVENT, created=[new]))  # type: ignore[attr-defined]
    assert controller.watch.stale
    assert area.canvas.event_at(area.canvas.time_point(at(0, 14, 30))) is None
    with qtbot.waitSignal(controller.loaded):
        area.show()
    assert area.canvas.event_at(area.canvas.time_point(at(0, 14, 30))) is not None


def test_the_window_shows_the_agenda_area(  # type: ignore[no-untyped-def]
        qtbot, app: QApplication, sqlite_store: Store, week: dict[str, int],
        runner: TaskRunner, paths: Paths, unexpected: list[BaseException]) -> None:
    services = dataclasses.replace(
        make_services(sqlite_store),
        agenda=AgendaService(sqlite_store.session_factory, FixedClock(NOW)))
    window = MainWindow(runner, paths.config, report_unexpected=unexpected.append,
                        services=services)
    qtbot.addWidget(window)
    window.show()
    window.show_area("calendar")
    area = window.agenda_area()
    assert area is not None and window.stack.currentWidget() is area
    qtbot.waitUntil(lambda: bool(area.canvas.events))
    assert area.canvas.colours["Agenderen MAT"] == "#1e8449"  # the outcome's colour
    assert not unexpected


def test_at_the_weekend_the_work_week_is_the_coming_one() -> None:
    saturday = date(2026, 11, 28)
    assert days_shown(ViewMode.WORK_WEEK, saturday)[0] == date(2026, 11, 30)
    assert period_label(ViewMode.WORK_WEEK, saturday) == "30 november – 4 december 2026"
    assert days_shown(ViewMode.WEEK, saturday)[0] == date(2026, 11, 23)
    assert period_label(ViewMode.DAY, saturday) == "zaterdag 28 november 2026"
