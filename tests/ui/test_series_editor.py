"""Overlegreeksen by keyboard: members by typing, sections reordered, saved to the store."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from kortrijk_cockpit.changes import Changes
from kortrijk_cockpit.domain import AgendaItemKind, Person
from kortrijk_cockpit.services.series import (
    STANDARD_SECTIONS,
    SeriesDraft,
    SeriesService,
    ThemeDraft,
)
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.ui.change_feed import ChangeFeed
from kortrijk_cockpit.ui.dialogs.series_editor import SeriesEditorDialog, open_series_editor
from kortrijk_cockpit.ui.dialogs.themes_editor import ThemesEditorDialog
from kortrijk_cockpit.ui.tasks import TaskRunner
from tests.integration.concurrent_edit import someone_else_edits_first

# The members' completer pops up: offscreen can neither raise it nor grab the keyboard for it.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard",
                                       "This plugin does not support raise")


def add_people(store: Store) -> dict[str, int]:
    with store.session_factory.begin() as s:
        people = [Person(full_name="Lieve Debaere", email="schepen.debaere@kortrijk.be",
                         function="schepen van Financiën"),
                  Person(full_name="Griet Callewaert", email="griet.callewaert@kortrijk.be",
                         function="secretaris MAT en DC"),
                  Person(full_name="Sofie Vandenbroucke", email="sofie@kortrijk.be",
                         function="financieel directeur")]
        s.add_all(people)
        s.flush()
        return {p.full_name: p.id for p in people}


def open_dialog(qtbot: QtBot, store: Store, runner: TaskRunner, feed: ChangeFeed,
                series_id: int | None = None) -> SeriesEditorDialog:
    dialog = SeriesEditorDialog(SeriesService(store.session_factory), runner, feed, series_id)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.series_loaded):
        dialog.show()
    dialog.activateWindow()  # window shortcuts (Ctrl+Up, Ctrl+S) need the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def test_a_new_series_is_made_by_keyboard(qtbot: QtBot, app: QApplication,
                                          sqlite_store: Store, runner: TaskRunner) -> None:
    people = add_people(sqlite_store)
    feed = ChangeFeed()
    announced: list[Changes] = []
    feed.changed.connect(lambda changes, _who: announced.append(changes))
    dialog = open_dialog(qtbot, sqlite_store, runner, feed)
    assert dialog.sections.texts() == list(STANDARD_SECTIONS)  # the template to start from

    qtbot.keyClicks(dialog.code, "BIL-FIN")
    qtbot.keyClicks(dialog.name, "Bilateraal schepen van Financien")
    for typed in ("Lieve", "griet callewaert"):
        dialog.member_input.setFocus()
        qtbot.keyClicks(dialog.member_input, typed)
        qtbot.keyClick(dialog.member_input, Qt.Key.Key_Return)
    assert dialog.isVisible()  # Enter added a member, it did not press Save
    assert dialog.members.texts() == ["Lieve Debaere", "Griet Callewaert"]
    assert dialog.distribution.toPlainText().splitlines() == [
        "Lieve Debaere <schepen.debaere@kortrijk.be>",
        "Griet Callewaert <griet.callewaert@kortrijk.be>"]
    dialog.chair.setCurrentIndex(dialog.chair.findData(people["Lieve Debaere"]))
    dialog.minute_taker.setCurrentIndex(dialog.minute_taker.findData(people["Griet Callewaert"]))

    # "BBC en rapportering" (4th) goes to the top with three Ctrl+Up; Del drops "Projecten".
    dialog.sections_view.setFocus()
    dialog.sections_view.setCurrentIndex(dialog.sections.index(3))
    for _ in range(3):
        qtbot.keyClick(dialog.sections_view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(dialog.sections_view, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.sections_view, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.sections_view, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.sections_view, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.sections_view, Qt.Key.Key_Delete)
    qtbot.keyClicks(dialog.closures, "2026-07-20/2026-08-14")
    dialog.close_days.setValue(2)
    dialog.stukken_days.setValue(5)

    with qtbot.waitSignal(dialog.saved) as saved:
        qtbot.keyClick(dialog.code, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    stored = SeriesService(sqlite_store.session_factory).series(saved.args[0])
    assert (stored.code, stored.name) == ("BIL-FIN", "Bilateraal schepen van Financien")
    assert stored.member_ids == (people["Lieve Debaere"], people["Griet Callewaert"])
    assert stored.chair_person_id == people["Lieve Debaere"]
    assert stored.minute_taker_person_id == people["Griet Callewaert"]
    assert stored.agenda_sections == (
        "BBC en rapportering", "Goedkeuring verslag vorige vergadering", "Opvolging actielijst",
        "Beslissingen en adviezen", "Informatie", "Vooruitblik")
    assert [str(c) for c in stored.closures] == ["2026-07-20/2026-08-14"]
    assert (stored.agenda_close_days, stored.stukken_lead_days) == (2, 5)
    assert [c.series.created for c in announced] == [frozenset({saved.args[0]})]


def test_a_wrong_series_gets_a_dutch_message_and_stays_open(
        qtbot: QtBot, app: QApplication, sqlite_store: Store, runner: TaskRunner) -> None:
    dialog = open_dialog(qtbot, sqlite_store, runner, ChangeFeed())
    qtbot.keyClicks(dialog.name, "Zonder code")
    qtbot.keyClick(dialog.name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "korte code" in dialog.message.text()
    assert dialog.isVisible()


def test_esc_asks_before_dropping_typed_changes(qtbot: QtBot, app: QApplication,
                                                sqlite_store: Store, runner: TaskRunner) -> None:
    dialog = open_dialog(qtbot, sqlite_store, runner, ChangeFeed())
    qtbot.keyClicks(dialog.name, "Netwerk Leiedal")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    assert isinstance(dialog.keep_question, QMessageBox)
    dialog.keep_question.done(QMessageBox.StandardButton.Discard.value)
    assert not dialog.isVisible()


def test_a_stale_save_offers_reload_and_shows_the_colleagues_version(
        qtbot: QtBot, app: QApplication, sqlite_store: Store, runner: TaskRunner) -> None:
    service = SeriesService(sqlite_store.session_factory)
    written = service.save(SeriesDraft(code="DC", name="Directiecomité"))
    dialog = open_dialog(qtbot, sqlite_store, runner, ChangeFeed(), written.series_id)
    assert dialog.name.text() == "Directiecomité"

    someone_else_edits_first(sqlite_store, "meeting_series", written.series_id,
                             name="Directiecomite (nieuw)")
    service.series(written.series_id)
    dialog.location.setFocus()
    qtbot.keyClicks(dialog.location, "Zaal Broel")
    qtbot.keyClick(dialog.location, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: getattr(dialog, "stale_box", None) is not None)
    box = dialog.stale_box
    assert "Iemand anders" in box.text()
    reload = next(b for b in box.buttons() if b.text() in ("Reload", "Opnieuw laden"))
    with qtbot.waitSignal(dialog.series_loaded):
        reload.click()
    assert dialog.name.text() == "Directiecomite (nieuw)"
    assert dialog.isVisible()


def test_delete_asks_and_keeps_the_meetings(qtbot: QtBot, app: QApplication,
                                            sqlite_store: Store, runner: TaskRunner) -> None:
    service = SeriesService(sqlite_store.session_factory)
    written = service.save(SeriesDraft(code="NET", name="Netwerk Leiedal"))
    dialog = open_dialog(qtbot, sqlite_store, runner, ChangeFeed(), written.series_id)
    qtbot.keyClick(dialog.delete_button, Qt.Key.Key_Space)
    assert service.all_series() != []  # nothing happens before she says yes
    with qtbot.waitSignal(dialog.deleted):
        dialog.delete_question.done(QMessageBox.StandardButton.Yes.value)
    assert service.all_series() == []


def test_themes_are_edited_and_reordered_by_keyboard(
        qtbot: QtBot, app: QApplication, sqlite_store: Store, runner: TaskRunner) -> None:
    service = SeriesService(sqlite_store.session_factory)
    written = service.save(SeriesDraft(code="MAT", name="Managementteam"))
    written = service.save_themes(written.series_id, written.version, [
        ThemeDraft("HR-dashboard", cadence_weeks=6)])
    feed = ChangeFeed()
    dialog = ThemesEditorDialog(service, runner, feed, written.series_id, written.version, "MAT")
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.themes_loaded):
        dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.view.setFocus()

    qtbot.keyClick(dialog.view, Qt.Key.Key_Insert)
    editor = QApplication.focusWidget()
    editor.selectAll()  # type: ignore[union-attr]
    qtbot.keyClicks(editor, "Jaarrekening 2026")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.view)
    model = dialog.model
    assert model.setData(model.index(1, model.KIND), "beslissing")
    assert model.setData(model.index(1, model.DEADLINE), "30/06/2027")
    assert model.setData(model.index(1, model.BBC), Qt.CheckState.Checked.value,
                         Qt.ItemDataRole.CheckStateRole)
    assert not model.setData(model.index(1, model.MINUTES), "een kwartier")
    qtbot.keyClick(dialog.view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)

    with qtbot.waitSignal(dialog.saved):
        qtbot.keyClick(dialog.view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    themes = service.themes(written.series_id)
    assert [(t.name, t.kind, t.deadline, t.is_bbc) for t in themes] == [
        ("Jaarrekening 2026", AgendaItemKind.DECISION, date(2027, 6, 30), True),
        ("HR-dashboard", AgendaItemKind.DISCUSSION, None, False)]


def test_open_series_editor_opens_on_the_asked_series(
        qtbot: QtBot, app: QApplication, sqlite_store: Store, runner: TaskRunner) -> None:
    service = SeriesService(sqlite_store.session_factory)
    service.save(SeriesDraft(code="DC", name="Directiecomité"))
    mat = service.save(SeriesDraft(code="MAT", name="Managementteam"))
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = open_series_editor(parent, service, runner, ChangeFeed(), mat.series_id)
    qtbot.waitUntil(lambda: dialog.code.text() == "MAT")
    assert dialog.series_box.currentData() == mat.series_id
    assert dialog.series_box.count() == 2
