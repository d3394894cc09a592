"""The director's Briefings window: his external appointments of this and next week with
their fiche's state, the chosen fiche rendered beside them, approve in one click (or Enter
after a confirmation), a comment that sends the fiche back to concept."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import select

from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.domain import (
    AuditEntry,
    Brief,
    BriefPerson,
    BriefStatus,
    CalendarEvent,
    Person,
)
from kortrijk_cockpit.services.briefings import BriefingService
from kortrijk_cockpit.services.briefs import BriefService
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.store.database import STALE_MESSAGE
from kortrijk_cockpit.ui.briefings.comment_dialog import CommentDialog
from kortrijk_cockpit.ui.briefings.window import BriefingsServices, BriefingsWindow
from kortrijk_cockpit.ui.tasks import TaskRunner
from tests.ui.conftest import NOW


def add_event(store: Store, subject: str, hours: float, organizer: str = "jan@voka.be") -> int:
    start = NOW + timedelta(hours=hours)
    with store.session_factory.begin() as s:
        event = CalendarEvent(subject=subject, start_at=start, end_at=start + timedelta(hours=1),
                              organizer=organizer)
        s.add(event)
        s.flush()
        return event.id


@pytest.fixture
def office(store: Store) -> dict[str, int]:
    """NOW is Monday 23/11 10:00: a reception tomorrow with a fiche ter nazicht, a visit
    next week without one, an internal meeting and one three weeks on (not listed)."""
    voka = add_event(store, "Voka-receptie", 28)
    add_event(store, "Werkbezoek Leiedal", 8 * 24)
    add_event(store, "MAT", 2, "els@kortrijk.be")
    add_event(store, "Over drie weken", 21 * 24)
    assistant = BriefService(store.session_factory, FixedClock(NOW), actor="annelies")
    brief_id, _ = assistant.create_for_event(voka)
    with store.session_factory.begin() as s:
        brief = s.get(Brief, brief_id)
        assert brief is not None
        brief.objective = "Steun vragen voor de Ring"
        brief.key_messages = "Kortrijk investeert in de binnenstad."
        brief.director_role = "spreker"
        s.add(BriefPerson(brief=brief, person=Person(full_name="Jan Peeters",
                                                     function="voorzitter"),
                          opener="Proficiat met de award"))
    assistant.submit(brief_id)
    return {"brief": brief_id}


@pytest.fixture
def window(qtbot, app: QApplication, store: Store, runner: TaskRunner,  # type: ignore[no-untyped-def]
           unexpected: list[BaseException], office: dict[str, int]) -> Iterator[BriefingsWindow]:
    clock = FixedClock(NOW)
    briefs = BriefService(store.session_factory, clock, actor="hilde")
    win = BriefingsWindow(runner, unexpected.append)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.fiche_shown, timeout=10_000):
        win.attach(BriefingsServices(BriefingService(store.session_factory, clock,
                                                     briefs), briefs))
    yield win
    assert not unexpected


def cells(win: BriefingsWindow) -> list[list[str]]:
    model = win.model
    return [[model.index(r, c).data() for c in range(model.columnCount())]
            for r in range(model.rowCount())]


def audit(store: Store) -> list[tuple[str, str]]:
    with store.session() as s:
        return [(a.action, a.actor) for a in s.scalars(
            select(AuditEntry).where(AuditEntry.entity == "brief").order_by(AuditEntry.id))]


def status(store: Store, brief_id: int) -> tuple[BriefStatus, str]:
    with store.session() as s:
        brief = s.get(Brief, brief_id)
        assert brief is not None
        return brief.status, brief.comments


def test_lists_his_external_appointments_and_renders_the_fiche(
        window: BriefingsWindow) -> None:
    assert window.windowTitle() == "Kortrijk Cockpit — Briefings"
    assert cells(window) == [["di 24/11 14:00", "Voka-receptie", "ter nazicht"],
                             ["di 01/12 10:00", "Werkbezoek Leiedal", "geen fiche"]]
    text = window.pane.toPlainText()
    assert text.startswith("Voka-receptie\ndinsdag 24/11/2026 14:00 · jan@voka.be · "
                           "uw rol: spreker")
    assert text.index("Steun vragen") < text.index("Kortrijk investeert") \
        < text.index("Jan Peeters — voorzitter") < text.index("Openingszin: Proficiat")
    assert window.approve_button.text() == "&Goedkeuren"
    assert window.comment_button.text() == "&Opmerking…"
    assert window.approve_button.isEnabled() and window.comment_button.isEnabled()


def test_approve_is_one_click_and_audited_with_his_name(
        qtbot, window: BriefingsWindow, store: Store,  # type: ignore[no-untyped-def]
        office: dict[str, int]) -> None:
    with qtbot.waitSignal(window.rows_loaded, timeout=10_000):
        qtbot.mouseClick(window.approve_button, Qt.MouseButton.LeftButton)
    assert status(store, office["brief"])[0] is BriefStatus.APPROVED
    assert audit(store)[-1] == ("brief_approved", "hilde")
    qtbot.waitUntil(lambda: cells(window)[0][2] == "goedgekeurd")
    qtbot.waitUntil(lambda: not window.approve_button.isEnabled())
    assert window.message.text() == "Goedgekeurd: Voka-receptie"


def test_enter_approves_after_a_confirmation(qtbot, window: BriefingsWindow,  # type: ignore[no-untyped-def]
                                             store: Store,
                                             office: dict[str, int]) -> None:
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    box = window.findChild(QMessageBox)
    assert box is not None and "Voka-receptie" in box.text()
    box.button(QMessageBox.StandardButton.No).click()
    assert status(store, office["brief"])[0] is BriefStatus.READY
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    box = next(b for b in window.findChildren(QMessageBox) if b.isVisible())
    with qtbot.waitSignal(window.reviewed, timeout=10_000):
        box.button(QMessageBox.StandardButton.Yes).click()
    assert status(store, office["brief"])[0] is BriefStatus.APPROVED


def test_a_comment_sends_it_back_to_concept(qtbot, window: BriefingsWindow,  # type: ignore[no-untyped-def]
                                            store: Store,
                                            office: dict[str, int]) -> None:
    qtbot.keyClick(window.table, Qt.Key.Key_C)
    dialog = window.findChild(CommentDialog)
    assert dialog is not None and not dialog.send.isEnabled()  # nothing typed, nothing sent
    dialog.text.setPlainText("Wie van de schepenen")
    dialog.reject()  # what he typed stays for the next try
    qtbot.waitUntil(lambda: window.findChild(CommentDialog) is None)
    qtbot.mouseClick(window.comment_button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(CommentDialog)
    assert dialog is not None and dialog.text.toPlainText() == "Wie van de schepenen"
    dialog.text.setPlainText("Wie van de schepenen komt mee?")
    with qtbot.waitSignal(window.reviewed, timeout=10_000):
        dialog.send.click()
    assert status(store, office["brief"]) == (BriefStatus.DRAFT,
                                                      "Wie van de schepenen komt mee?")
    assert audit(store)[-1] == ("brief_sent_back", "hilde")
    qtbot.waitUntil(lambda: cells(window)[0][2] == "concept")
    qtbot.waitUntil(lambda: "Uw opmerking: Wie van de schepenen komt mee?"
                    in window.pane.toPlainText())


def test_an_appointment_without_fiche_has_nothing_to_approve(
        qtbot, window: BriefingsWindow) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.fiche_shown, timeout=10_000) as shown:
        qtbot.keyClick(window.table, Qt.Key.Key_Down)
    assert shown.args == [None]
    assert "Nog geen fiche voor \"Werkbezoek Leiedal\"" in window.pane.toPlainText()
    assert not window.approve_button.isEnabled() and not window.comment_button.isEnabled()


def test_a_fiche_changed_meanwhile_is_not_approved_unseen(
        qtbot, window: BriefingsWindow, store: Store,  # type: ignore[no-untyped-def]
        office: dict[str, int]) -> None:
    with store.session_factory.begin() as s:  # the assistant, on the shared store
        brief = s.get(Brief, office["brief"])
        assert brief is not None
        brief.objective = "Steun vragen voor de Ring en de Leie"
    with qtbot.waitSignal(window.fiche_shown, timeout=10_000):
        qtbot.mouseClick(window.approve_button, Qt.MouseButton.LeftButton)
    assert window.message.text() == STALE_MESSAGE
    assert status(store, office["brief"])[0] is BriefStatus.READY
    assert "de Ring en de Leie" in window.pane.toPlainText()  # he now sees what changed
