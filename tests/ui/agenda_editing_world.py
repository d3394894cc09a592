"""An Agenda area that writes: real store, real services, the editor wired."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.domain import CalendarEvent, OutboxEntry
from kortrijk_cockpit.services.agenda import AgendaService
from kortrijk_cockpit.services.calendar import CalendarService
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.ui.change_feed import ChangeFeed
from kortrijk_cockpit.ui.tasks import TaskRunner
from kortrijk_cockpit.ui.views.agenda.area import AgendaArea
from kortrijk_cockpit.ui.views.agenda.controller import AgendaController, AgendaServices
from kortrijk_cockpit.ui.views.agenda.editing import AgendaEditor
from tests.ui.conftest import NOW

MONDAY = NOW.replace(hour=0)  # Monday 23 November 2026, Brussels


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return (MONDAY + timedelta(days=day)).replace(hour=hour, minute=minute)


def add(store: Store, subject: str, start: datetime, end: datetime, **extra: object) -> int:
    with store.session_factory.begin() as s:
        row = CalendarEvent(subject=subject, start_at=start, end_at=end, **extra)
        s.add(row)
        s.flush()
        return row.id


def row(store: Store, event_id: int) -> CalendarEvent:
    with store.session() as s:
        found = s.get(CalendarEvent, event_id)
        assert found is not None
        s.expunge(found)
        return found


def outbox(store: Store) -> list[tuple[str, dict[str, Any]]]:
    with store.session() as s:
        return [(e.kind, dict(e.payload))
                for e in s.scalars(select(OutboxEntry).order_by(OutboxEntry.id))]


@dataclass
class World:
    area: AgendaArea
    controller: AgendaController
    editor: AgendaEditor
    store: Store
    runner: TaskRunner
    opened: list[Any] = field(default_factory=list)  # every dialog and menu the editor opens

    @property
    def canvas(self):  # type: ignore[no-untyped-def]
        return self.area.canvas

    def last(self, kind: type) -> Any:
        return next(d for d in reversed(self.opened) if isinstance(d, kind))


def make_world(qtbot: Any, store: Store, runner: TaskRunner,
               now: datetime = NOW) -> Iterator[World]:
    area = AgendaArea()
    qtbot.addWidget(area)
    area.resize(1000, 700)
    feed = ChangeFeed(area)
    controller = AgendaController(area, AgendaServices(
        agenda=AgendaService(store.session_factory, FixedClock(now)),
        calendar=CalendarService(store.session_factory)), runner, feed)
    assert controller.editor is not None
    world = World(area, controller, controller.editor, store, runner)
    controller.editor.dialog_opened.connect(world.opened.append)
    area.show()
    qtbot.waitUntil(lambda: bool(area.canvas.events))
    area.canvas.setFocus()
    yield world
    for dialog in world.opened:
        from shiboken6 import isValid

        if isValid(dialog):
            dialog.close()
    runner.wait_for_done()


@pytest.fixture
def week(sqlite_store: Store) -> dict[str, int]:
    store = sqlite_store
    return {
        "mat": add(store, "MAT", at(1, 9), at(1, 11), location="Stadhuis",
                   attendees=["Jan Vercruysse <jan.vercruysse@kortrijk.be>"]),
        "call": add(store, "Telefoon gouverneur", at(1, 14), at(1, 14, 30)),
        "private": add(store, "Privé", at(2, 12), at(2, 13), is_private_block=True),
        "cancelled": add(store, "Bezoek school", at(3, 14), at(3, 15), is_cancelled=True),
        "series_1": add(store, "Kabinet", at(0, 16), at(0, 17), series_exchange_id="S1",
                        exchange_id="occ-1"),
        "series_2": add(store, "Kabinet", at(7, 16), at(7, 17), series_exchange_id="S1",
                        exchange_id="occ-2"),
    }


@pytest.fixture
def world(qtbot, app: QApplication, sqlite_store: Store, week: dict[str, int],  # type: ignore[no-untyped-def]
          runner: TaskRunner) -> Iterator[World]:
    yield from make_world(qtbot, sqlite_store, runner)
