"""Zoek een moment by keyboard: colleagues' free/busy read by the real sync worker from the
sandbox (the demo office, "now" Wednesday 25 March 2026), proposals in a list, Enter books."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kortrijk_cockpit.changes import Changes, Kind
from kortrijk_cockpit.clock import BRUSSELS, FixedClock
from kortrijk_cockpit.config import Settings
from kortrijk_cockpit.demo_office import member
from kortrijk_cockpit.domain import CalendarEvent, OutboxEntry
from kortrijk_cockpit.exchange.ews import EwsBackend
from kortrijk_cockpit.exchange.round import MailboxRound
from kortrijk_cockpit.sandbox import Mailbox, SandboxServer
from kortrijk_cockpit.sandbox.demo import demo_mailbox
from kortrijk_cockpit.services.calendar import CalendarService
from kortrijk_cockpit.services.find_time import FindTimeService
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.ui.dialogs.find_time import FindTimeDialog
from kortrijk_cockpit.ui.sync_worker import SyncController, SyncWorker
from kortrijk_cockpit.ui.tasks import TaskRunner
from tests.integration.exchange_fixtures import settings_for

if TYPE_CHECKING:
    from pytestqt.modeltest import ModelTester

    from kortrijk_cockpit.ui.main_window import MainWindow

NOW = datetime(2026, 3, 25, 8, 0, tzinfo=BRUSSELS)
THURSDAY = date(2026, 3, 26)
SOFIE = member("Sofie Vandenbroucke")  # in the DC, Thursday 09:00-11:30
BART = member("Bart Vanneste")
DIRECTOR = "algemeen.directeur@kortrijk.be"


@pytest.fixture
def mailbox() -> Mailbox:
    return demo_mailbox(mails=0, events=60, now=NOW)


@pytest.fixture
def controller(sandbox: SandboxServer, mailbox: Mailbox, sqlite_store: Store,
               app: QApplication) -> Iterator[SyncController]:
    worker = SyncWorker(MailboxRound(
        lambda: EwsBackend(settings_for(sandbox, mailbox), sandbox.password),
        sqlite_store.session_factory, FixedClock(NOW)))
    ctl = SyncController(worker, interval_minutes=10)
    yield ctl
    ctl.shutdown()


@pytest.fixture
def announced() -> list[Changes]:
    return []


def make_dialog(qtbot: QtBot, store: Store, runner: TaskRunner, sync: SyncController | None,
                announced: list[Changes]) -> FindTimeDialog:
    settings = Settings(working_hours_start="09:00", working_hours_end="17:00",
                        preparation_minutes=0, travel_minutes=0)
    service = FindTimeService(store.session_factory, FixedClock(NOW),
                              CalendarService(store.session_factory), lambda: settings, DIRECTOR)
    dialog = FindTimeDialog(service, runner, sync, today=NOW.date(), announce=announced.append)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog._known.rowCount() > 0)
    return dialog


def fill(qtbot: QtBot, dialog: FindTimeDialog, *attendees: str) -> None:
    qtbot.keyClicks(dialog.subject, "Overleg zorgstrategie")
    qtbot.keyClicks(dialog.location, "Stadhuis")
    for attendee in attendees:
        qtbot.keyClicks(dialog.attendee, attendee)
        qtbot.keyClick(dialog.attendee, Qt.Key.Key_Return)
    dialog.duration.setValue(90)
    dialog.first_day.setDate(QDate(2026, 3, 26))
    dialog.last_day.setDate(QDate(2026, 3, 27))


def test_the_first_free_times_are_proposed_and_enter_books_one(
        qtbot: QtBot, sqlite_store: Store, runner: TaskRunner, controller: SyncController,
        announced: list[Changes]) -> None:
    dialog = make_dialog(qtbot, sqlite_store, runner, controller, announced)
    fill(qtbot, dialog, "Sofie Vandenb", BART.email)

    assert dialog.attendees.stringList() == [f"{SOFIE.name} <{SOFIE.email}>", BART.email]
    assert dialog.attendee.text() == ""
    with qtbot.waitSignal(dialog.proposals_shown, timeout=30_000):
        qtbot.keyClick(dialog.duration, Qt.Key.Key_Return)  # Enter in the form searches

    first = dialog.proposals.proposal(0)
    assert first is not None
    # Thursday's DC (09:00-11:30) keeps both colleagues: nothing before 11:30 that day.
    assert first.start.date() == THURSDAY and first.start.hour >= 11
    assert not (first.start < datetime(2026, 3, 26, 11, 30, tzinfo=BRUSSELS))
    assert dialog.proposals.index(0, 2).data() == "iedereen vrij"
    assert dialog.focusWidget() is dialog.table

    with qtbot.waitSignal(dialog.booked, timeout=10_000):
        qtbot.keyClick(dialog.table, Qt.Key.Key_Return)

    with sqlite_store.session() as s:
        [event] = s.scalars(select(CalendarEvent)).all()
        assert (event.subject, event.location) == ("Overleg zorgstrategie", "Stadhuis")
        assert event.start_at == first.start
        assert event.attendees == [f"{SOFIE.name} <{SOFIE.email}>",
                                   f"{BART.name} <{BART.email}>"]
        assert s.scalars(select(OutboxEntry.kind)).all() == ["create_event"]
    qtbot.waitUntil(lambda: len(announced) == 1)
    assert announced[0].touched(Kind.EVENT)


def test_without_exchange_it_says_so_and_keeps_what_was_typed(
        qtbot: QtBot, sqlite_store: Store, runner: TaskRunner,
        announced: list[Changes]) -> None:
    dialog = make_dialog(qtbot, sqlite_store, runner, None, announced)
    fill(qtbot, dialog, SOFIE.email)

    with qtbot.waitSignal(dialog.failed) as failed:
        qtbot.mouseClick(dialog.search_button, Qt.MouseButton.LeftButton)

    assert "Niet verbonden met Exchange" in failed.args[0]
    assert dialog.message.text() == failed.args[0]
    assert dialog.subject.text() == "Overleg zorgstrategie"
    assert dialog.attendees.stringList() == [SOFIE.email]
    assert dialog.proposals.rowCount() == 0


def test_offline_exchange_is_a_dutch_message_and_the_search_can_be_retried(
        qtbot: QtBot, sqlite_store: Store, runner: TaskRunner, controller: SyncController,
        sandbox: SandboxServer, announced: list[Changes]) -> None:
    dialog = make_dialog(qtbot, sqlite_store, runner, controller, announced)
    fill(qtbot, dialog, SOFIE.email)
    sandbox.stop()

    with qtbot.waitSignal(dialog.failed, timeout=30_000) as failed:
        qtbot.mouseClick(dialog.search_button, Qt.MouseButton.LeftButton)

    assert "verbinding" in failed.args[0]
    assert dialog.search_button.isEnabled() and dialog.progress.isHidden()
    assert dialog.subject.text() == "Overleg zorgstrategie"


def test_a_stopped_search_drops_its_late_answer(
        qtbot: QtBot, sqlite_store: Store, runner: TaskRunner, controller: SyncController,
        announced: list[Changes]) -> None:
    dialog = make_dialog(qtbot, sqlite_store, runner, controller, announced)
    fill(qtbot, dialog, SOFIE.email)
    qtbot.mouseClick(dialog.search_button, Qt.MouseButton.LeftButton)
    assert dialog.progress.isVisible()

    with qtbot.waitSignal(controller.free_busy_ready, timeout=30_000):
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)

    assert dialog.progress.isHidden() and dialog.search_button.isEnabled()
    assert dialog.proposals.rowCount() == 0
    assert dialog.message.text() == "Zoeken gestopt."


def test_bad_input_is_named_in_dutch(qtbot: QtBot, sqlite_store: Store, runner: TaskRunner,
                                     announced: list[Changes]) -> None:
    dialog = make_dialog(qtbot, sqlite_store, runner, None, announced)
    qtbot.keyClicks(dialog.attendee, "iemand onbekend")
    qtbot.keyClick(dialog.attendee, Qt.Key.Key_Return)
    assert "geen gekende collega" in dialog.message.text()
    assert dialog.attendee.text() == "iemand onbekend"  # kept to correct

    dialog.attendee.clear()
    dialog.last_day.setDate(QDate(2026, 3, 20))
    with qtbot.waitSignal(dialog.failed) as failed:
        qtbot.mouseClick(dialog.search_button, Qt.MouseButton.LeftButton)
    assert failed.args[0] == "De einddatum ligt voor de begindatum."


def test_delete_removes_an_attendee(qtbot: QtBot, sqlite_store: Store, runner: TaskRunner,
                                    announced: list[Changes]) -> None:
    dialog = make_dialog(qtbot, sqlite_store, runner, None, announced)
    fill(qtbot, dialog, SOFIE.email, BART.email)
    dialog.attendee_list.setFocus()
    dialog.attendee_list.setCurrentIndex(dialog.attendees.index(0))

    qtbot.keyClick(dialog.attendee_list, Qt.Key.Key_Delete)

    assert dialog.attendees.stringList() == [BART.email]
    assert timedelta(minutes=dialog.duration.value()) == timedelta(minutes=90)


def test_down_chooses_among_the_matching_colleagues(qtbot: QtBot, sqlite_store: Store,
                                                     runner: TaskRunner,
                                                     announced: list[Changes]) -> None:
    dialog = make_dialog(qtbot, sqlite_store, runner, None, announced)
    qtbot.keyClicks(dialog.attendee, "van")  # no address: several colleagues match
    assert dialog.matches.rowCount() > 1

    qtbot.keyClick(dialog.attendee, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.attendee, Qt.Key.Key_Down)
    second = dialog.matches.index(1, 0).data()
    qtbot.keyClick(dialog.attendee, Qt.Key.Key_Return)

    assert dialog.attendees.stringList() == [second]
    assert dialog.attendee.text() == ""


def test_the_models_hold_up(qtmodeltester: ModelTester, app: QApplication) -> None:
    from kortrijk_cockpit.services.find_time import Proposal
    from kortrijk_cockpit.services.slot_finder import ProtectedBlock
    from kortrijk_cockpit.ui.models.proposals import ProposalModel
    from kortrijk_cockpit.ui.models.protected_blocks import ProtectedBlocksModel

    proposals = ProposalModel()
    start = datetime(2026, 3, 26, 11, 30, tzinfo=BRUSSELS)
    proposals.set_proposals([Proposal(start, start + timedelta(hours=1))])
    qtmodeltester.check(proposals)
    assert proposals.index(0, 1).data() == "11:30-12:30"
    blocks = ProtectedBlocksModel([ProtectedBlock(4, datetime(2026, 1, 1, 14).time(),
                                                  datetime(2026, 1, 1, 16).time())])
    qtmodeltester.check(blocks)


def test_the_window_opens_it_with_ctrl_shift_t(qtbot: QtBot, window: MainWindow,
                                               sqlite_store: Store) -> None:
    from dataclasses import replace

    services = window._services
    settings = Settings()
    window.attach(replace(services, find_time=FindTimeService(
        sqlite_store.session_factory, FixedClock(NOW),
        CalendarService(sqlite_store.session_factory), lambda: settings, DIRECTOR)))
    window.show()
    qtbot.waitExposed(window)

    window.find_time_action.trigger()

    dialog = window.findChild(FindTimeDialog)
    assert dialog is not None and dialog.windowTitle() == "Zoek een moment"
    assert window.find_time_action.shortcut().toString() == "Ctrl+Shift+T"
