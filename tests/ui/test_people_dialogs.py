"""The duplicates and privacy dialogs: pairs side by side, a merge after a confirmation
that says who is kept, "geen dubbel"; expired people with the reason, extend, export as a
UTF-8 JSON file, erase after a confirmation that names the person."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from sqlalchemy import select

from kortrijk_cockpit.changes import Changes
from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.domain import Person
from kortrijk_cockpit.services.person_merge import PersonMergeService
from kortrijk_cockpit.services.privacy import PrivacyService
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.ui.change_feed import ChangeFeed
from kortrijk_cockpit.ui.dialogs.duplicates import DuplicatesModel, show_duplicates
from kortrijk_cockpit.ui.dialogs.privacy import PrivacyModel, show_privacy
from kortrijk_cockpit.ui.tasks import TaskRunner
from tests.integration.people_world import NOW, seed


def column(model: DuplicatesModel | PrivacyModel, number: int) -> list[str]:
    return [model.index(r, number).data() for r in range(model.rowCount())]


def names(store: Store) -> set[str]:
    with store.session() as s:
        return set(s.scalars(select(Person.full_name)))


def confirm(box: QMessageBox | None) -> None:
    assert box is not None
    button = box.button(QMessageBox.StandardButton.Yes)
    button.click()


def test_duplicates_merge_after_saying_who_is_kept_and_not_a_duplicate_stays_away(
        qtbot, app: QApplication, sqlite_store: Store, runner: TaskRunner,  # type: ignore[no-untyped-def]
        qtmodeltester) -> None:
    world = seed(sqlite_store)
    feed = ChangeFeed()
    published: list[Changes] = []
    feed.changed.connect(lambda changes, _who: published.append(changes))
    parent = QWidget()
    qtbot.addWidget(parent)
    service = PersonMergeService(sqlite_store.session_factory, FixedClock(NOW), actor="annelies")
    dialog = show_duplicates(parent, runner, feed, service)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 3, timeout=10_000)
    qtmodeltester.check(dialog.model)
    assert column(dialog.model, DuplicatesModel.LEFT_NAME) == [
        "Jan Peeters", "Jan Peeters", "Peeters Jan"]
    assert column(dialog.model, DuplicatesModel.RIGHT_NAME) == [
        "Peeters Jan", "Jan Peeters (Voka)", "Jan Peeters (Voka)"]
    assert column(dialog.model, DuplicatesModel.REASON)[1] == "zelfde e-mailadres"
    assert not dialog.keep_left.isEnabled()  # nothing chosen yet

    dialog.view.selectRow(0)
    dialog.keep_left.click()
    text = dialog.confirmation.text() if dialog.confirmation else ""
    assert text.startswith("Jan Peeters · Directeur · Voka · jan.peeters@voka.be behouden")
    assert "Peeters Jan · Voka · 056 11 22 33" in text
    with qtbot.waitSignal(dialog.acted, timeout=10_000):
        confirm(dialog.confirmation)
    assert "Peeters Jan" not in names(sqlite_store)
    assert world.peeters in published[-1].people.removed
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1 and not dialog._reading,
                    timeout=10_000)  # the feed brought a fresh list

    dialog.view.selectRow(0)
    with qtbot.waitSignal(dialog.acted, timeout=10_000):
        dialog.not_duplicate.click()
    qtbot.waitUntil(lambda: dialog.empty.isVisible(), timeout=10_000)
    assert dialog.empty.text() == "Geen mogelijke dubbels."
    assert not service.candidates()


def test_privacy_lists_expired_people_and_extends_exports_and_erases(
        qtbot, app: QApplication, sqlite_store: Store, runner: TaskRunner,  # type: ignore[no-untyped-def]
        qtmodeltester, tmp_path: Path) -> None:
    world = seed(sqlite_store)
    feed = ChangeFeed()
    parent = QWidget()
    qtbot.addWidget(parent)
    service = PrivacyService(sqlite_store.session_factory, FixedClock(NOW), lambda: 24,
                             actor="annelies")
    dialog = show_privacy(parent, runner, feed, service, person_id=world.jan)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2, timeout=10_000)
    qtmodeltester.check(dialog.model)
    # Jan is not expired, but asked for from Personen: listed and selected.
    assert column(dialog.model, PrivacyModel.NAME) == ["Jan Peeters", "Griet Lambrecht"]
    assert column(dialog.model, PrivacyModel.UNTIL) == ["01/06/2027", "04/11/2026"]
    assert column(dialog.model, PrivacyModel.REASON)[1].endswith("+ 24 maanden")
    assert dialog.selected() is not None and dialog.selected().id == world.jan

    dialog.view.selectRow(1)
    target = tmp_path / "griet.json"
    with qtbot.waitSignal(dialog.exported, timeout=10_000):
        dialog.export_selected(target)
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["person"]["full_name"] == "Griet Lambrecht"

    dialog.view.setFocus()
    qtbot.keyClick(dialog.view, Qt.Key.Key_Delete)  # the same as Erase…: it asks first
    text = dialog.confirmation.text() if dialog.confirmation else ""
    assert text.startswith("Griet Lambrecht · Unizo · griet.lambrecht@unizo.be overal wissen?")
    assert "kan niet ongedaan gemaakt worden" in text
    with qtbot.waitSignal(dialog.acted, timeout=10_000):
        confirm(dialog.confirmation)
    assert "Griet Lambrecht" not in names(sqlite_store)
    qtbot.waitUntil(lambda: column(dialog.model, PrivacyModel.NAME) == ["Jan Peeters"]
                    and not dialog._reading, timeout=10_000)

    dialog.view.selectRow(0)
    dialog.until.setDate(dialog.until.date().addYears(1))
    with qtbot.waitSignal(dialog.acted, timeout=10_000):
        dialog.extend_button.click()
    with sqlite_store.session() as s:
        jan = s.get(Person, world.jan)
        assert jan is not None and jan.retain_until is not None and jan.retain_until.year == 2029
