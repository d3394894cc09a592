"""What the assistant does in the Agenda area arrives in the director's Outlook:
an appointment created, one occurrence of a series moved and another cancelled,
all from the UI (mouse and keys), pushed through the outbox to the sandbox.

Real exchangelib against the sandbox's EWS server; the store on SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.exchange.ews import EwsBackend
from kortrijk_cockpit.sandbox import Mailbox
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.ui.application import create_application
from kortrijk_cockpit.ui.dialogs.appointment import AppointmentDialog, CancelAppointmentDialog
from kortrijk_cockpit.ui.dialogs.series_choice import SeriesChoiceDialog
from kortrijk_cockpit.ui.tasks import TaskRunner
from tests.integration.exchange_fixtures import BXL, NOW
from tests.integration.test_calendar_writes import (
    JAN,
    pull,
    push_until_settled,
    server_times,
    weekly_mat,
)
from tests.ui.agenda_editing_world import World, make_world

pytestmark = pytest.mark.both_protocols

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def ui_runner(qapp: QApplication) -> Iterator[TaskRunner]:
    create_application([])
    runner = TaskRunner()
    yield runner
    runner.wait_for_done()


@pytest.fixture
def world(qtbot, store: Store, backend: EwsBackend, mailbox: Mailbox,  # type: ignore[no-untyped-def]
          clock: FixedClock, ui_runner: TaskRunner) -> Iterator[World]:
    weekly_mat(mailbox)
    pull(store, backend, clock)
    yield from make_world(qtbot, store, ui_runner, now=NOW)


def bxl(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11 if day > 20 else 12, day, hour, minute, tzinfo=BXL)


def opened(world: World, kind: type, count: int = 1) -> bool:
    return sum(isinstance(d, kind) for d in world.opened) >= count


def test_created_moved_and_cancelled_in_the_agenda_arrives_in_outlook(
        qtbot, world: World, store: Store, backend: EwsBackend,  # type: ignore[no-untyped-def]
        mailbox: Mailbox, clock: FixedClock) -> None:
    canvas = world.canvas
    # Created by drawing Wednesday 14:00-15:00, with Jan invited.
    start, end = canvas.time_point(bxl(25, 14, 5)), canvas.time_point(bxl(25, 14, 55))
    qtbot.mousePress(canvas, LEFT, pos=start)
    qtbot.mouseMove(canvas, QPoint(start.x(), (start.y() + end.y()) // 2))
    qtbot.mouseMove(canvas, end)
    qtbot.mouseRelease(canvas, LEFT, pos=end)
    dialog = world.last(AppointmentDialog)
    dialog.subject.setText("Overleg Leiedal")
    dialog.attendees.setText(f"{JAN[0]} <{JAN[1]}>")
    with qtbot.waitSignal(world.editor.written):
        dialog.request_save()
    # This Tuesday's MAT dragged to 14:00: only this occurrence.
    qtbot.waitUntil(lambda: canvas.event_at(canvas.time_point(bxl(25, 14, 30))) is not None)
    grab, drop = canvas.time_point(bxl(24, 9, 30)), canvas.time_point(bxl(24, 14, 30))
    qtbot.mousePress(canvas, LEFT, pos=grab)
    qtbot.mouseMove(canvas, QPoint(grab.x(), (grab.y() + drop.y()) // 2))
    qtbot.mouseMove(canvas, drop)
    qtbot.mouseRelease(canvas, LEFT, pos=drop)
    qtbot.waitUntil(lambda: opened(world, SeriesChoiceDialog))
    with qtbot.waitSignal(world.editor.written):
        world.last(SeriesChoiceDialog).this_one.click()
    # Next week's MAT cancelled by keyboard: only this occurrence, with a message.
    with qtbot.waitSignal(world.controller.loaded):
        qtbot.keyClick(canvas, Qt.Key.Key_Right)
    qtbot.mouseClick(canvas, LEFT, pos=canvas.time_point(bxl(1, 10)))
    qtbot.keyClick(canvas, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: opened(world, SeriesChoiceDialog, 2))
    world.last(SeriesChoiceDialog).this_one.click()
    qtbot.waitUntil(lambda: opened(world, CancelAppointmentDialog))
    confirm = world.last(CancelAppointmentDialog)
    confirm.message.setPlainText("Deze week geen MAT.")
    with qtbot.waitSignal(world.editor.written):
        confirm.confirm.click()

    push_until_settled(store, backend)

    assert server_times(backend, "Overleg Leiedal") == ["25/11 14:00-15:00"]
    assert server_times(backend, "MAT") == ["24/11 14:00-16:00", "08/12 09:00-11:00",
                                            "15/12 09:00-11:00", "22/12 09:00-11:00"]
    kinds = [(i.kind, i.subject) for i in mailbox.invitations]
    assert kinds == [("request", "Overleg Leiedal"), ("update", "MAT"),
                     ("cancellation", "MAT")]
    assert mailbox.invitations[-1].message == "Deze week geen MAT."
    assert [p.email for p in mailbox.invitations[0].recipients] == [JAN[1]]
    pull(store, backend, clock)
    assert server_times(backend, "Overleg Leiedal") == ["25/11 14:00-15:00"]
