"""The sync worker thread, driven the way the window drives it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select

from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.domain import Mail
from kortrijk_cockpit.exchange.ews import EwsBackend
from kortrijk_cockpit.exchange.round import MailboxRound
from kortrijk_cockpit.sandbox import Mailbox, SandboxServer
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.ui.sync_worker import SyncController, SyncState, SyncWorker
from tests.integration.exchange_fixtures import NOW, settings_for


@pytest.fixture
def controller(sandbox: SandboxServer, mailbox: Mailbox, sqlite_store: Store,
               clock: FixedClock, app) -> Iterator[SyncController]:  # type: ignore[no-untyped-def]
    worker = SyncWorker(MailboxRound(
        lambda: EwsBackend(settings_for(sandbox, mailbox), sandbox.password),
        sqlite_store.session_factory, clock))
    ctl = SyncController(worker, interval_minutes=10)
    yield ctl
    ctl.shutdown()


def test_a_round_runs_off_the_gui_thread_and_reports(qtbot, controller: SyncController,
                                                     mailbox: Mailbox, sqlite_store: Store) -> None:
    mailbox.add_message("inbox", subject="Vanuit Exchange", sender=("Els", "els@kortrijk.be"),
                        received=NOW)
    with qtbot.waitSignal(controller.round_finished, timeout=30_000) as done:
        assert controller.sync_now()
    assert done.args[0].sync.created == 1
    with sqlite_store.session() as s:
        assert s.scalars(select(Mail.subject)).all() == ["Vanuit Exchange"]
    qtbot.waitUntil(lambda: not controller.busy)


def test_throttling_is_waited_out_and_shown(qtbot, controller: SyncController,
                                            sandbox: SandboxServer) -> None:
    sandbox.faults.server_busy(count=1, backoff_ms=300, operation="GetFolder")
    states: list[str] = []
    controller.state_changed.connect(lambda state, detail, wait: states.append(state))
    with qtbot.waitSignal(controller.round_finished, timeout=30_000):
        controller.sync_now()
    assert SyncState.THROTTLED in states


def test_an_unreachable_server_is_reported_offline(qtbot, controller: SyncController,
                                                   sandbox: SandboxServer) -> None:
    sandbox.stop()
    with qtbot.waitSignal(controller.state_changed, timeout=30_000,
                          check_params_cb=lambda state, *_: state == SyncState.OFFLINE) as got:
        controller.sync_now()
    assert "later verstuurd" in got.args[1]
    qtbot.waitUntil(lambda: not controller.busy)


def test_the_status_bar_counts_down_a_throttling_wait(qtbot, controller: SyncController,  # type: ignore[no-untyped-def]
                                                      window, sandbox: SandboxServer) -> None:
    window.show()
    window.attach_sync(controller)
    finished: list[object] = []
    controller.round_finished.connect(finished.append)
    sandbox.faults.server_busy(count=1, backoff_ms=3000, operation="GetFolder")
    with qtbot.waitSignal(controller.state_changed, timeout=30_000,
                          check_params_cb=lambda state, *_: state == SyncState.THROTTLED):
        controller.sync_now()
    assert window.sync_label.text() == "Exchange is druk: opnieuw over 3 s"
    assert window.sync_cancel.isVisible()  # the wait can be cut short
    qtbot.waitUntil(lambda: window.sync_label.text() == "Exchange is druk: opnieuw over 2 s",
                    timeout=3_000)
    qtbot.waitUntil(lambda: bool(finished), timeout=30_000)
    assert window.sync_label.text().startswith("Gesynchroniseerd om")
