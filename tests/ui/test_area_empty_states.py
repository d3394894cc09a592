"""Mail and Agenda tell the truth about what is kept locally."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from kortrijk_cockpit.config import Paths
from kortrijk_cockpit.domain import CalendarEvent, FolderKind, Mail, MailFolder, SyncState
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.ui.main_window import MainWindow
from kortrijk_cockpit.ui.tasks import TaskRunner
from kortrijk_cockpit.ui.views.area import AreaView
from kortrijk_cockpit.ui.views.mail.area import MailArea
from tests.ui.conftest import NOW, make_services


def texts(qtbot, window: MainWindow, key: str) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    window.show_area(key)
    view = window.views[key]
    if isinstance(view, MailArea):  # the real area: its list's empty state
        assert view.is_empty_shown()
        return view.empty_title.text(), view.empty_text.text()
    assert isinstance(view, AreaView) and view.empty_state.isVisibleTo(window)
    return view.empty_title.text(), view.empty_text.text()


def open_window(qtbot, store: Store, runner: TaskRunner, paths: Paths) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(runner, paths.config, report_unexpected=lambda e: None,
                        services=make_services(store))
    qtbot.addWidget(window)
    return window


def test_synchronised_mail_is_counted_not_promised(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow, demo_store: Store) -> None:
    with demo_store.session() as s:
        stored = s.scalar(select(func.count()).select_from(Mail))
    assert stored and stored > 100
    with qtbot.waitSignal(window.dashboard_loaded, timeout=10_000) as loaded:
        window.show()
    assert loaded.args[0].mails_stored == stored
    window.show_area("mail")  # the synchronised mail itself, no promise
    area = window.mail_area()
    assert area is not None and not area.is_empty_shown()
    qtbot.waitUntil(lambda: area.list.model().rowCount() > 0)  # the ids come from the runner
    assert not area.is_empty_shown()


def test_nothing_yet_and_never_connected_keeps_the_promise(  # type: ignore[no-untyped-def]
        qtbot, app: QApplication, sqlite_store: Store, runner: TaskRunner, paths: Paths) -> None:
    window = open_window(qtbot, sqlite_store, runner, paths)
    with qtbot.waitSignal(window.dashboard_loaded, timeout=10_000):
        window.show()
    assert texts(qtbot, window, "mail")[0] == "Nog geen mail"
    assert "zodra de verbinding met Exchange is ingesteld" in texts(qtbot, window, "mail")[1]
    assert texts(qtbot, window, "calendar")[0] == "Nog geen afspraken"


def test_after_a_sync_the_calendar_says_how_many_and_when(  # type: ignore[no-untyped-def]
        qtbot, app: QApplication, sqlite_store: Store, runner: TaskRunner, paths: Paths) -> None:
    with sqlite_store.session_factory.begin() as s:
        inbox = MailFolder(display_name="Postvak IN", kind=FolderKind.INBOX, exchange_id="i")
        agenda = MailFolder(display_name="Agenda", kind=FolderKind.CALENDAR, exchange_id="c")
        s.add_all([inbox, agenda])
        s.flush()
        s.add_all([SyncState(folder_id=inbox.id, last_synced_at=NOW - timedelta(minutes=5)),
                   SyncState(folder_id=agenda.id, last_synced_at=NOW - timedelta(minutes=4))])
        s.add_all([CalendarEvent(subject=f"Overleg {n}", start_at=NOW + timedelta(days=n),
                                 end_at=NOW + timedelta(days=n, hours=1)) for n in range(3)])
    window = open_window(qtbot, sqlite_store, runner, paths)
    window.show_area("calendar")  # built before the overview arrives: updated when it does
    with qtbot.waitSignal(window.dashboard_loaded, timeout=10_000):
        window.show()
    title, text = texts(qtbot, window, "calendar")
    assert title == "3 afspraken gesynchroniseerd"
    assert text.startswith("Laatst gesynchroniseerd op 23/11/2026 09:56.")
    title, text = texts(qtbot, window, "mail")  # synchronised, and really empty
    assert title == "Geen mail in de gesynchroniseerde mappen"
    assert text.startswith("Laatst gesynchroniseerd op 23/11/2026 09:55.")
