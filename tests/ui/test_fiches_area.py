"""Fiches by keyboard: external appointments with their state (a close one without an
approved fiche stands out), Enter makes a prefilled fiche, typed text is saved (and
kept when the save is stale), the review buttons, the director's comments shown."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication

from kortrijk_cockpit.clock import BRUSSELS, FixedClock
from kortrijk_cockpit.domain import Brief, CalendarEvent, Person
from kortrijk_cockpit.services.brief_editing import BriefEditing
from kortrijk_cockpit.services.brief_prefill import BriefPrefill
from kortrijk_cockpit.services.briefs import BriefService
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.ui.change_feed import ChangeFeed
from kortrijk_cockpit.ui.tasks import TaskRunner
from kortrijk_cockpit.ui.views.briefs.area import FichesArea
from kortrijk_cockpit.ui.views.briefs.models import LATE, FicheListModel

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=BRUSSELS)  # Monday


def state(text: str) -> str:
    """A state as the office reads it, in Dutch."""
    return {"no brief": "geen fiche", "draft": "concept", "for review": "ter nazicht",
            "approved": "goedgekeurd"}[text]


def seed(store: Store) -> None:
    with store.session_factory.begin() as s:
        s.add(Person(full_name="Evelien Soenen", email="evelien@voka.be",
                     function="Netwerkmanager"))
        s.add_all([
            CalendarEvent(subject="Netwerkavond Voka", start_at=NOW + timedelta(days=1),
                          end_at=NOW + timedelta(days=1, hours=2),
                          organizer="Evelien Soenen <evelien@voka.be>",
                          attendees=["Nora Claeys <nora@vives.be>"]),
            CalendarEvent(subject="Werkbezoek Leiedal", start_at=NOW + timedelta(days=10),
                          end_at=NOW + timedelta(days=10, hours=1), organizer="info@leiedal.be"),
            CalendarEvent(subject="MAT", start_at=NOW + timedelta(days=1),
                          end_at=NOW + timedelta(days=1, hours=2),
                          organizer="els@kortrijk.be")])


def test_fiches_by_keyboard(qtbot, app: QApplication, sqlite_store: Store,  # type: ignore[no-untyped-def]
                            runner: TaskRunner) -> None:
    seed(sqlite_store)
    clock = FixedClock(NOW)
    sessions = sqlite_store.session_factory
    briefs = BriefService(sessions, clock, actor="annelies")
    editing = BriefEditing(sessions, clock)
    feed = ChangeFeed()
    area = FichesArea(briefs, BriefPrefill(sessions, clock), editing, runner, feed, clock)
    qtbot.addWidget(area)
    with qtbot.waitSignal(area.loaded):
        area.show()
    model = area.model
    assert [(model.index(r, FicheListModel.SUBJECT).data(),
             model.index(r, FicheListModel.STATE).data()) for r in range(model.rowCount())] == [
        ("Netwerkavond Voka", state("no brief")), ("Werkbezoek Leiedal", state("no brief"))]
    assert model.index(0, FicheListModel.STATE).data(Qt.ItemDataRole.ForegroundRole).color() \
        == LATE  # tomorrow, no approved fiche
    assert model.index(1, FicheListModel.STATE).data(Qt.ItemDataRole.ForegroundRole) is None
    assert not area.editor.isEnabled()

    area.activateWindow()
    qtbot.waitUntil(area.isActiveWindow)
    area.table.setFocus()
    area.table.setCurrentIndex(model.index(0, 0))
    with qtbot.waitSignal(area.draft_shown, timeout=10_000):
        qtbot.keyClick(area.table, Qt.Key.Key_Return)
    assert "2 personen, 1 te bevestigen" in area.notice.text()
    assert model.index(0, FicheListModel.STATE).data() == state("draft")
    editor = area.editor
    assert editor.fields["title"].text() == "Netwerkavond Voka"
    people = editor.people
    assert [people.person_at(r).name for r in range(people.rowCount())] == [
        "Evelien Soenen", "Nora Claeys"]
    assert people.index(1, 0).data().endswith(
        QCoreApplication.translate("PeopleModel", " (to confirm)"))
    assert people.person_at(0).opener

    # Typed text is saved with Ctrl+S.
    editor.fields["objective"].setPlainText("Voka overtuigen van de woonstudie.")
    brief_id = editor.draft.id
    editor.fields["objective"].setFocus()
    qtbot.keyClick(editor.fields["objective"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: editing.load(brief_id).fields["objective"]
                    == "Voka overtuigen van de woonstudie.")
    qtbot.waitUntil(lambda: area.notice.text() == QCoreApplication.translate("FichesArea", "Brief saved."))

    # Someone else saved meanwhile: ours is refused and what was typed stays.
    other = editing.load(brief_id)
    editing.save(brief_id, other.version, {"objective": "Hun tekst."})
    editor.fields["objective"].setPlainText("Mijn nieuwe tekst.")
    area.save()
    qtbot.waitUntil(lambda: "Iemand anders" in area.notice.text())
    assert editor.fields["objective"].toPlainText() == "Mijn nieuwe tekst."

    # Ctrl+Down moves the chosen person; the confirm button confirms Nora.
    editor.people_table.setFocus()
    editor.people_table.setCurrentIndex(people.index(0, 0))
    qtbot.keyClick(editor.people_table, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: people.person_at(1).name == "Evelien Soenen")

    # Her own opener for Evelien: F2 in the table, typed, Enter; it is stored.
    opener = people.index(1, people.OPENER)
    editor.people_table.setCurrentIndex(opener)
    qtbot.keyClick(editor.people_table, Qt.Key.Key_F2)
    field = QApplication.focusWidget()
    assert field is not None and field is not editor.people_table
    field.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClicks(field, "Proficiat met de nieuwe campus")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: [p.opener for p in editing.load(brief_id).people
                             if p.name == "Evelien Soenen"] == ["Proficiat met de nieuwe campus"])

    # Review: submit, the director sends it back, his comments stand out.
    editor.fields["objective"].setPlainText("Hun tekst.")  # take theirs: nothing to save
    editor.buttons["submit"].click()
    qtbot.waitUntil(lambda: editor.draft.status.value == "ready")
    qtbot.waitUntil(lambda: model.index(0, FicheListModel.STATE).data() == state("for review"))
    assert not editor.comments.isVisible()
    area.send_back("Voeg de schepen van Economie toe.")
    qtbot.waitUntil(editor.comments.isVisible)
    assert "Voeg de schepen van Economie toe." in editor.comments.text()
    editor.buttons["approve"].click()
    qtbot.waitUntil(lambda: model.index(0, FicheListModel.STATE).data() == state("approved"))
    assert model.index(0, FicheListModel.STATE).data(Qt.ItemDataRole.ForegroundRole) is None
    qtbot.waitUntil(lambda: editor.versions.rowCount() == 3)
    assert not editor.comments.isVisible()

    editor.fields["title"].setFocus()
    with qtbot.waitSignal(area.publish_requested) as published:
        qtbot.keyClick(editor.fields["title"], Qt.Key.Key_P,
                       Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert published.args == [brief_id]

    # Pasted attendees; "Niet extern" takes an appointment off the list.
    area.import_attendees("Lien Vermeersch, Schepen, Stad Menen")
    qtbot.waitUntil(lambda: people.rowCount() == 3)
    assert "1 deelnemer toegevoegd" in area.notice.text()
    area.table.setCurrentIndex(model.index(1, 0))
    area.mark_not_external()
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    with sqlite_store.session() as s:
        assert s.get(Brief, brief_id) is not None
