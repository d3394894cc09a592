"""The status bar says which way the director's mailbox is reached: EWS or Microsoft 365
over Graph (EWS ends in Exchange Online on 1 April 2027)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from kortrijk_cockpit.config import Paths
from kortrijk_cockpit.exchange.ews import EwsSettings
from kortrijk_cockpit.exchange.graph.settings import GraphSettings
from kortrijk_cockpit.exchange.round import MailboxRound
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.ui.main_window import MainWindow
from kortrijk_cockpit.ui.sync_worker import SyncController, SyncWorker
from kortrijk_cockpit.ui.tasks import TaskRunner
from tests.ui.conftest import make_services

DIRECTOR = "algemeen.directeur@kortrijk.be"


def never() -> object:
    raise AssertionError("no round runs in this test")


def window_with(qtbot: QtBot, store: Store, runner: TaskRunner, paths: Paths,
                profile: EwsSettings | GraphSettings | None) -> tuple[MainWindow, SyncController]:
    services = make_services(store)
    window = MainWindow(runner, paths.config, report_unexpected=lambda e: None,
                        services=services)
    qtbot.addWidget(window)
    worker = SyncWorker(MailboxRound(never, store.session_factory,  # type: ignore[arg-type]
                                     services.clock))
    controller = SyncController(worker, interval_minutes=10, profile=profile)
    window.attach_sync(controller)
    return window, controller


def test_the_status_bar_names_graph_or_ews(  # type: ignore[no-untyped-def]
        qtbot: QtBot, app, demo_store: Store, runner: TaskRunner, paths: Paths) -> None:
    unconnected = MainWindow(runner, paths.config, report_unexpected=lambda e: None)
    qtbot.addWidget(unconnected)
    assert unconnected.protocol_label.isHidden()  # no mailbox yet: nothing to name
    graph, controller = window_with(qtbot, demo_store, runner, paths,
                                    GraphSettings(mailbox=DIRECTOR))
    try:
        assert graph.protocol_label.text() == "Microsoft 365 (Graph)"
        assert graph.protocol_label.toolTip() == DIRECTOR and not graph.protocol_label.isHidden()
    finally:
        controller.shutdown()
    ews, controller = window_with(qtbot, demo_store, runner, paths,
                                  EwsSettings(endpoint="https://mail.kortrijk.be/EWS/Exchange.asmx",
                                              mailbox=DIRECTOR, username="assistent"))
    try:
        assert ews.protocol_label.text() == "Exchange (EWS)"
    finally:
        controller.shutdown()
