"""Agenda-instellingen by keyboard: saved to the settings file, the running app follows."""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kortrijk_cockpit.config import Paths, Settings
from kortrijk_cockpit.services.find_time import parse_protected_blocks
from kortrijk_cockpit.services.slot_finder import ProtectedBlock
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.ui.dialogs.agenda_settings import AgendaSettingsDialog
from kortrijk_cockpit.ui.main_window import MainWindow


def make_dialog(qtbot: QtBot, settings: Settings, paths: Paths) -> AgendaSettingsDialog:
    dialog = AgendaSettingsDialog(settings, lambda s: s.save(paths))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_settings_are_saved_and_the_running_app_follows(qtbot: QtBot, app: QApplication,
                                                           paths: Paths) -> None:
    # A hand-edited file: one good block among nonsense, which is dropped on the way.
    live = Settings(protected_blocks=[{"weekday": 4, "start": "14:00", "end": "16:00"},
                                      {"weekday": "vrijdag"}, "junk"])  # type: ignore[list-item]
    dialog = make_dialog(qtbot, live, paths)
    assert dialog.blocks.rowCount() == 1

    dialog.work_start.setFocus()
    dialog.work_start.setTime(QTime(8, 30))
    dialog.work_end.setTime(QTime(17, 0))
    dialog.preparation.selectAll()
    qtbot.keyClicks(dialog.preparation, "45")
    dialog.travel.selectAll()
    qtbot.keyClicks(dialog.travel, "20")
    dialog.block_day.setCurrentIndex(0)  # Monday
    dialog.block_start.setTime(QTime(12, 0))
    dialog.block_end.setTime(QTime(13, 30))
    qtbot.keyClick(dialog.add_block_button, Qt.Key.Key_Space)
    qtbot.mouseClick(dialog.overview_mail, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.overview_to, "ad@kortrijk.be")

    assert dialog.blocks.index(0, 0).data() == "maandag"
    assert dialog.blocks.index(0, 1).data() == "12:00"
    with qtbot.waitSignal(dialog.saved) as saved:
        qtbot.keyClick(dialog.overview_to, Qt.Key.Key_Return)

    assert saved.args[0] is live  # the object the services read, updated in place
    on_disk = Settings.load(paths)
    for settings in (live, on_disk):
        assert (settings.working_hours_start, settings.working_hours_end) == ("08:30", "17:00")
        assert (settings.preparation_minutes, settings.travel_minutes) == (45, 20)
        assert settings.protected_blocks == [{"weekday": 0, "start": "12:00", "end": "13:30"},
                                             {"weekday": 4, "start": "14:00", "end": "16:00"}]
        assert settings.day_overview_mail and settings.day_overview_to == "ad@kortrijk.be"
    assert parse_protected_blocks(on_disk.protected_blocks)[0] == \
        ProtectedBlock(0, time(12), time(13, 30))
    assert not dialog.isVisible()


def test_mistakes_are_named_in_dutch_and_nothing_is_saved(qtbot: QtBot, app: QApplication,
                                                          paths: Paths) -> None:
    live = Settings()
    dialog = make_dialog(qtbot, live, paths)
    dialog.work_start.setTime(QTime(18, 0))
    dialog.work_end.setTime(QTime(9, 0))

    qtbot.keyClick(dialog.preparation, Qt.Key.Key_Return)

    assert dialog.message.text() == "De werkdag moet eindigen na het begin."
    assert dialog.isVisible() and live.working_hours_start == "08:00"
    assert not (paths.config / "settings.json").exists()

    dialog.work_start.setTime(QTime(9, 0))
    dialog.work_end.setTime(QTime(17, 0))
    qtbot.keyClicks(dialog.overview_to, "de directeur")
    qtbot.keyClick(dialog.preparation, Qt.Key.Key_Return)
    assert dialog.message.text() == "'de directeur' is geen mailadres."

    dialog.block_start.setTime(QTime(16, 0))
    dialog.block_end.setTime(QTime(14, 0))
    qtbot.mouseClick(dialog.add_block_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "Een beschermd blok moet eindigen na het begin."
    assert dialog.blocks.rowCount() == 0


def test_delete_removes_a_protected_block(qtbot: QtBot, app: QApplication, paths: Paths) -> None:
    live = Settings(protected_blocks=[{"weekday": 0, "start": "12:00", "end": "13:00"},
                                      {"weekday": 4, "start": "14:00", "end": "16:00"}])
    dialog = make_dialog(qtbot, live, paths)
    dialog.block_table.setFocus()
    dialog.block_table.selectRow(0)

    qtbot.keyClick(dialog.block_table, Qt.Key.Key_Delete)

    assert [b.weekday for b in dialog.blocks.blocks()] == [4]


def test_the_window_offers_it_and_announces_the_change(qtbot: QtBot, window: MainWindow,
                                                       paths: Paths) -> None:
    services = window._services
    assert services is not None
    live = Settings()
    from dataclasses import replace

    window.attach(replace(services, settings=live, save_settings=lambda s: s.save(paths)))
    assert window.agenda_settings_action.text() == "Agenda-instellingen…"

    window.agenda_settings_action.trigger()
    dialog = window.findChild(AgendaSettingsDialog)
    assert dialog is not None
    dialog.travel.setValue(25)
    with qtbot.waitSignal(window.settings_changed) as changed:
        qtbot.keyClick(dialog.travel, Qt.Key.Key_Return)

    assert changed.args[0] is live and live.travel_minutes == 25


def test_new_working_hours_reach_the_open_agenda_at_once(
        qtbot: QtBot, window: MainWindow, paths: Paths, demo_store: Store) -> None:
    from dataclasses import replace

    from kortrijk_cockpit.clock import FixedClock
    from kortrijk_cockpit.services.agenda import AgendaService

    services = window._services
    assert services is not None
    live = Settings()
    window.attach(replace(services, settings=live, save_settings=lambda s: s.save(paths),
                          agenda=AgendaService(demo_store.session_factory,
                                               FixedClock(services.clock.now()))))
    window.show_area("calendar")
    agenda = window.agenda_area()
    assert agenda is not None
    assert agenda.canvas.working_hours[0] == time(8)

    window.agenda_settings_action.trigger()
    dialog = window.findChild(AgendaSettingsDialog)
    assert dialog is not None
    dialog.work_start.setTime(QTime(7, 30))
    with qtbot.waitSignal(window.settings_changed):
        qtbot.keyClick(dialog.travel, Qt.Key.Key_Return)

    assert agenda.canvas.working_hours[0] == time(7, 30)


def test_closing_with_changes_asks_first(qtbot: QtBot, app: QApplication, paths: Paths) -> None:
    from PySide6.QtWidgets import QMessageBox

    settings = Settings()
    saved: list[Settings] = []
    dialog = AgendaSettingsDialog(settings, saved.append)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.preparation.setValue(45)

    dialog.reject()  # Esc
    assert dialog.isVisible() and dialog.keep_question is not None
    dialog.keep_question.button(QMessageBox.StandardButton.Cancel).click()
    assert dialog.isVisible() and dialog.preparation.value() == 45

    dialog.reject()
    assert dialog.keep_question is not None
    dialog.keep_question.button(QMessageBox.StandardButton.Save).click()
    assert not dialog.isVisible()
    assert [s.preparation_minutes for s in saved] == [45] and settings.preparation_minutes == 45


def test_the_citys_word_template_is_a_setting(qtbot: QtBot, app: QApplication, paths: Paths,
                                              tmp_path) -> None:  # type: ignore[no-untyped-def]
    settings = Settings()
    saved: list[Settings] = []
    dialog = AgendaSettingsDialog(settings, saved.append)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.template_path.setText(str(tmp_path / "missing.docx"))
    dialog.save()
    assert "Word-bestand" in dialog.message.text() and saved == []  # refused, kept

    template = tmp_path / "Agenda huisstijl.docx"
    template.write_bytes(b"PK")
    dialog.template_path.setText(str(template))
    dialog.save()
    assert [s.agenda_template_path for s in saved] == [str(template)]
    assert settings.agenda_template_path == str(template)


def test_the_verslag_template_is_a_setting_beside_the_agendas(
        qtbot: QtBot, app: QApplication, paths: Paths, tmp_path) -> None:  # type: ignore[no-untyped-def]
    settings = Settings()
    saved: list[Settings] = []
    dialog = AgendaSettingsDialog(settings, saved.append)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.verslag_template_path.setText(str(tmp_path / "weg.docx"))
    dialog.save()
    assert "Word-bestand" in dialog.message.text() and saved == []

    template = tmp_path / "Verslag huisstijl.docx"
    template.write_bytes(b"PK")
    dialog.verslag_template_path.setText(str(template))
    dialog.save()
    assert settings.verslag_template_path == str(template)
    assert settings.agenda_template_path == ""
