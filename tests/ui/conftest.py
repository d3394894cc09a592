"""A main window over a demo store, with the Dutch translations loaded."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtWidgets import QApplication

from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.config import Paths
from kortrijk_cockpit.services.dashboard import DashboardService
from kortrijk_cockpit.services.demo_data import seed_demo
from kortrijk_cockpit.services.folders import FolderService
from kortrijk_cockpit.services.handing_on import HandOnService
from kortrijk_cockpit.services.mail_list import MailListService
from kortrijk_cockpit.services.outcomes import OutcomeService
from kortrijk_cockpit.services.records import RecordService
from kortrijk_cockpit.services.search import SearchService
from kortrijk_cockpit.services.suggestions import SuggestionService
from kortrijk_cockpit.services.triage import TriageService
from kortrijk_cockpit.services.trusted_senders import TrustedSenders
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.ui.application import create_application
from kortrijk_cockpit.ui.main_window import MainWindow, MainWindowServices
from kortrijk_cockpit.ui.tasks import TaskRunner

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=ZoneInfo("Europe/Brussels"))


@pytest.fixture
def app(qapp: QApplication) -> QApplication:
    return create_application([])


@pytest.fixture
def demo_store(sqlite_store: Store) -> Store:
    seed_demo(sqlite_store.session_factory, NOW.date())
    return sqlite_store


def make_services(store: Store) -> MainWindowServices:
    clock = FixedClock(NOW)
    return MainWindowServices(
        dashboard=DashboardService(store.session_factory, clock),
        search=SearchService(store.session_factory, clock),
        records=RecordService(store.session_factory),
        clock=clock,
        store_dialect=store.dialect,
        store_location=store.location,
        folders=FolderService(store.session_factory),
        mail_list=MailListService(store.session_factory, clock),
        triage=TriageService(store.session_factory, clock),
        outcomes=OutcomeService(store.session_factory),
        trusted_senders=TrustedSenders(store.session_factory),
        handing_on=HandOnService(store.session_factory, clock),
        suggestions=SuggestionService(store.session_factory),
    )


@pytest.fixture
def runner(app: QApplication) -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.wait_for_done()


@pytest.fixture
def unexpected() -> list[BaseException]:
    return []


@pytest.fixture
def window(qtbot, app: QApplication, demo_store: Store, runner: TaskRunner, paths: Paths,
           unexpected: list[BaseException]) -> MainWindow:  # type: ignore[no-untyped-def]
    win = MainWindow(runner, paths.config, report_unexpected=unexpected.append,
                     services=make_services(demo_store))
    qtbot.addWidget(win)
    return win
