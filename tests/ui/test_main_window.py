"""The shell: every area renders in Dutch, navigation, tiles, quick search, window state."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kortrijk_cockpit.config import Paths
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.ui.dialogs.quick_search import QuickSearchDialog
from kortrijk_cockpit.ui.dialogs.shortcuts import ShortcutsDialog
from kortrijk_cockpit.ui.main_window import MainWindow
from kortrijk_cockpit.ui.tasks import TaskRunner
from kortrijk_cockpit.ui.views.agenda.canvas import agenda_shortcuts
from kortrijk_cockpit.ui.views.area import AreaView
from kortrijk_cockpit.ui.views.followup.area import followup_shortcuts
from kortrijk_cockpit.ui.views.mail.area import MailArea
from kortrijk_cockpit.ui.views.mail.shortcut_overlay import mail_shortcuts
from kortrijk_cockpit.ui.views.meetings.area import meetings_shortcuts
from kortrijk_cockpit.ui.views.people.area import people_shortcuts
from kortrijk_cockpit.ui.views.projects.area import projects_shortcuts
from kortrijk_cockpit.ui.views.reporting.area import reporting_shortcuts
from tests.ui.conftest import make_services

AREAS_NL = ["Vandaag", "Mail", "Agenda", "Overleg", "Opvolging", "Fiches", "Personen",
            "Rapportering", "Projecten"]


def test_every_area_renders_in_dutch_without_qt_warnings(qtbot, window: MainWindow,
                                                         tmp_path: Path) -> None:
    window.resize(1920, 1080)
    with qtbot.waitSignal(window.dashboard_loaded, timeout=10_000):
        window.show()
    labels = [window.nav_model.index(r, 0).data() for r in range(window.nav_model.rowCount())]
    assert labels == AREAS_NL
    for row, key in enumerate(["today", "mail", "calendar", "meetings", "followup", "briefs",
                               "people", "reporting", "projects"]):
        window.show_area(key)
        assert window.stack.currentIndex() == row
        if key == "mail":  # its list's ids come from the task runner: painted with rows
            qtbot.waitUntil(lambda: window.views["mail"].list.model().rowCount() > 0)
        image = window.grab()
        assert not image.isNull() and image.width() >= 1900
        image.save(str(tmp_path / f"{key}.png"))
        if key == "mail":  # the real area, on the demo's inbox
            mail = window.views[key]
            assert isinstance(mail, MailArea) and mail.list.isVisible()
            assert mail.list.model().rowCount() > 0
        elif key != "today":
            view = window.views[key]
            assert isinstance(view, AreaView)
            assert view.empty_state.isVisible()
            assert "Ctrl+K" in view.empty_text.text()
    assert window.menuBar().actions()[0].text() == "&Bestand"


def test_tiles_show_the_demo_office_and_open_their_area(qtbot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.dashboard_loaded, timeout=10_000) as loaded:
        window.show()
    snap = loaded.args[0]
    tiles = window.today.tiles
    assert tiles["unread"].value.text() == str(snap.unread_mails)
    assert tiles["unread"].caption.text() == "Ongelezen mail"
    assert window.today.overleg_tiles["MAT"].value.text() == "24/11/2026 09:00"
    assert "events" not in tiles and "next_meeting" not in tiles  # shown above already
    assert tiles["actions"].detail.text().endswith("over tijd")
    assert window.today.subheading.text() == "maandag 23/11/2026"

    qtbot.mouseClick(tiles["briefs"], Qt.MouseButton.LeftButton)
    assert window.current_area() == "briefs"


def show_active(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Window shortcuts only fire in the active window."""
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def test_keyboard_switches_areas(qtbot, window: MainWindow) -> None:
    show_active(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.current_area() == "followup"
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.current_area() == "today"


def test_quick_search_jumps_to_the_hit(qtbot, window: MainWindow) -> None:
    show_active(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(QuickSearchDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.query, "Vanhoutte")
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0)
    assert dialog.model.index(0, 0).data() == "Persoon: Wim Vanhoutte — gedelegeerd bestuurder"
    qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
    assert window.current_area() == "people"
    view = window.views["people"]
    assert isinstance(view, AreaView)
    assert view.record.isVisible() and view.record_title.text() == "Wim Vanhoutte"
    assert not view.empty_state.isVisible()


def test_quick_search_says_when_nothing_is_found(qtbot, window: MainWindow) -> None:
    dialog = window.open_quick_search()
    assert dialog is not None
    qtbot.keyClicks(dialog.query, "zzqqxx")
    qtbot.waitUntil(lambda: "Niets gevonden" in dialog.hint.text())
    assert dialog.model.rowCount() == 0
    qtbot.keyClick(dialog.query, Qt.Key.Key_Return)  # nothing to open: stays put
    assert dialog.isVisible()


def test_window_remembers_size_and_area(qtbot, app: QApplication, demo_store: Store,
                                        runner: TaskRunner, paths: Paths) -> None:
    first = MainWindow(runner, paths.config, report_unexpected=lambda e: None,
                       services=make_services(demo_store))
    qtbot.addWidget(first)
    first.resize(1234, 777)
    first.show()
    first.show_area("people")
    first.close()

    second = MainWindow(runner, paths.config, report_unexpected=lambda e: None,
                        services=make_services(demo_store))
    qtbot.addWidget(second)
    assert second.current_area() == "people"
    assert (second.width(), second.height()) == (1234, 777)


def test_status_bar_says_where_the_data_lives(qtbot, app: QApplication, store: Store,  # type: ignore[no-untyped-def]
                                              runner: TaskRunner, paths: Paths) -> None:
    from kortrijk_cockpit.store import open_store

    if store.dialect != "sqlite":  # as a team signs in to its shared store
        store = open_store(store.url.set(password="Geheim-123"),
                           backups=paths.backups)
    window = MainWindow(runner, paths.config, report_unexpected=lambda e: None,
                        services=make_services(store))
    qtbot.addWidget(window)
    label = window.store_label
    if store.dialect == "sqlite":
        assert label.text() == "Lokale databank"
        assert label.toolTip() == store.url.database  # the full path, on hover
    else:
        assert label.text() == f"Gedeelde databank: 127.0.0.1/{store.url.database}"
        assert "postgres" not in label.text() + label.toolTip()  # the user name
        assert "Geheim-123" not in label.text() + label.toolTip()
    qtbot.waitUntil(lambda: runner.active_count == 0)
    if store.dialect != "sqlite":
        store.close()


def test_shortcut_overview_lists_every_shortcut(qtbot, window: MainWindow) -> None:
    show_active(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window.findChild(ShortcutsDialog)
    assert dialog is not None and dialog.isVisible()
    rows = dialog.model.stringList()
    assert any(r.startswith("Ctrl+K") and "Snel zoeken" in r for r in rows)
    assert any(r.startswith("Ctrl+8") and "Rapportering" in r for r in rows)
    assert any(r.startswith("F5") and "Synchroniseren" in r for r in rows)
    assert any(r.startswith("Ctrl+Shift+U") and "Uitgaand" in r for r in rows)
    assert any(r.startswith("Ctrl+,") and "Verbinding" in r for r in rows)
    assert any(r.startswith("Ctrl+Z") and "Maillijst" in r for r in rows)
    assert any(r.startswith("Shift+I") and "Opvolgmarkering wissen" in r for r in rows)
    assert any(r.startswith("M") and "Agenda: Maandweergave" in r for r in rows)
    assert any(r.startswith("Ctrl+Shift+T") and "Zoek een moment" in r for r in rows)
    assert any(r.startswith("Ctrl+P") and "Dagoverzicht" in r for r in rows)
    assert any(r.startswith("Space") and "Opvolging: Punt of actiepunt afvinken" in r for r in rows)
    assert any(r.startswith("Ctrl+Shift+G") and "Opvolging: Actiepunt agenderen" in r
               for r in rows)
    assert any(r.startswith("Ctrl+F") and "Opvolging: Filteren op eigenaar" in r for r in rows)
    assert any(r.startswith("Ctrl+Shift+X") and "De vergadering annuleren" in r for r in rows)
    assert any(r.startswith("Ctrl+N") and "Personen: Nieuwe persoon" in r for r in rows)
    assert any(r.startswith("Ins") and "Projecten: Nieuwe mijlpaal" in r for r in rows)
    assert len(rows) == 18 + len(mail_shortcuts()) + len(agenda_shortcuts()) \
        + len(followup_shortcuts()) \
        + len(meetings_shortcuts()) + len(people_shortcuts()) + len(reporting_shortcuts()) \
        + len(projects_shortcuts())
    assert any(r.startswith("R") and "Rapportering: De gekozen bijdrage op ontvangen" in r
               for r in rows)


def test_window_shows_before_the_store_is_open_and_fills_in_after(
        qtbot, app: QApplication, demo_store: Store, runner: TaskRunner, paths: Paths) -> None:
    win = MainWindow(runner, paths.config, report_unexpected=lambda e: None)
    qtbot.addWidget(win)
    win.show()
    assert win.store_label.text() == "Gegevensbank wordt geopend…"
    assert win.today.status.text() == "Overzicht wordt geladen…"
    assert win.open_quick_search() is None
    assert win.statusBar().currentMessage() == "De gegevensbank wordt nog geopend…"

    with qtbot.waitSignal(win.dashboard_loaded, timeout=10_000):
        win.attach(make_services(demo_store))
    assert win.store_label.text() == "Lokale databank"
    assert win.today.status.isHidden()
    assert win.open_quick_search() is not None


def test_without_a_connection_the_status_bar_leads_to_the_connection_dialog(
        qtbot, app: QApplication, demo_store: Store, runner: TaskRunner,  # type: ignore[no-untyped-def]
        paths: Paths) -> None:
    from dataclasses import replace

    from kortrijk_cockpit.config import Settings
    from kortrijk_cockpit.ui.dialogs.connection import ConnectionDialog

    services = replace(make_services(demo_store), settings=Settings(),
                       save_settings=lambda s: s.save(paths))
    window = MainWindow(runner, paths.config, report_unexpected=lambda e: None,
                        services=services)
    qtbot.addWidget(window)
    assert window.sync_label.text().startswith("Niet verbonden met Exchange")
    assert "Verbinding…" in window.sync_label.text()
    window.sync_label.linkActivated.emit("connection")
    dialog = window.findChild(ConnectionDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.reject()
