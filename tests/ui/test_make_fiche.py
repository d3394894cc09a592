"""An appointment the rules do not see as external gets a fiche by hand from the Agenda:
it is marked external, the fiche is made and prefilled, and Fiches opens on it."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.config import Paths
from kortrijk_cockpit.domain import Brief, CalendarEvent
from kortrijk_cockpit.services.brief_editing import BriefEditing
from kortrijk_cockpit.services.brief_prefill import BriefPrefill
from kortrijk_cockpit.services.briefs import BriefService
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.ui.main_window import MainWindow
from kortrijk_cockpit.ui.tasks import TaskRunner
from kortrijk_cockpit.ui.views.briefs.area import FichesArea
from tests.ui.conftest import NOW, make_services


def test_external_by_hand_makes_the_fiche_and_opens_it(
        qtbot: QtBot, app: QApplication, sqlite_store: Store, runner: TaskRunner,
        paths: Paths) -> None:
    start = NOW + timedelta(days=2)
    with sqlite_store.session_factory.begin() as s:
        event = CalendarEvent(subject="Lunch met de gouverneur", start_at=start,
                              end_at=start + timedelta(hours=1), organizer="")
        s.add(event)
        s.flush()
        event_id = event.id
    clock = FixedClock(NOW)
    sessions = sqlite_store.session_factory
    services = replace(make_services(sqlite_store), briefs=BriefService(sessions, clock),
                       brief_prefill=BriefPrefill(sessions, clock),
                       brief_editing=BriefEditing(sessions, clock))
    window = MainWindow(runner, paths.config, report_unexpected=lambda exc: None,
                        services=services)
    qtbot.addWidget(window)
    window.show()

    window.make_fiche(event_id)
    qtbot.waitUntil(lambda: window.current_area() == "briefs")
    fiches = window.views["briefs"]
    assert isinstance(fiches, FichesArea)
    qtbot.waitUntil(lambda: fiches.editor.draft is not None, timeout=8000)
    with sqlite_store.session() as s:
        brief = s.scalars(select(Brief)).one()
        assert brief.calendar_event_id == event_id and brief.title == "Lunch met de gouverneur"
        assert s.get(CalendarEvent, event_id).external_mark is True  # type: ignore[union-attr]
    assert fiches.editor.draft.id == brief.id
