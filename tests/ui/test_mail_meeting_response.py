"""A meeting request answered from the reading pane: the answer waits in the outbox,
a real push sends it, and the director's calendar in Exchange follows."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import select, update

from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.config import Paths
from kortrijk_cockpit.domain import Mail, OutboxEntry
from kortrijk_cockpit.exchange.ews import EwsBackend
from kortrijk_cockpit.exchange.outbox import OutboxPusher
from kortrijk_cockpit.exchange.sync import SyncEngine
from kortrijk_cockpit.sandbox import Mailbox
from kortrijk_cockpit.services.compose import ComposeService
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.ui.tasks import TaskRunner
from tests.ui.conftest import NOW
from tests.ui.test_mail_triage_keys import ready

PROVINCIE = ("Griet Maes", "griet.maes@west-vlaanderen.be")
SUBJECT = "Overleg mobiliteitsplan regio Kortrijk"


def test_accepting_from_the_pane_answers_the_organiser_and_books_his_calendar(
        qtbot, app: QApplication, store: Store, runner: TaskRunner, paths: Paths,  # type: ignore[no-untyped-def]
        backend: EwsBackend, mailbox: Mailbox) -> None:
    clock = FixedClock(NOW)
    start = NOW + timedelta(days=3, hours=4)  # Thursday 14:00
    request, event = mailbox.deliver_meeting_request(
        SUBJECT, start, start + timedelta(hours=2), organizer=PROVINCIE,
        location="Provinciehuis Boeverbos, Brugge", body_html="<p>Graag uw aanwezigheid.</p>",
        received=NOW - timedelta(hours=1))
    SyncEngine(store.session_factory, backend, clock).sync()
    with store.session_factory.begin() as s:  # read already: "read after 1.5 s" queues nothing
        s.execute(update(Mail).values(is_read=True))
    _window, area, controller = ready(qtbot, store, runner, paths)
    # As app.py wires it: the director's mailbox, never answered to himself.
    controller.set_compose(ComposeService(store.session_factory, clock, mailbox.owner,
                                          director_name="Algemeen directeur"))
    card = area.pane.meeting
    assert card.isVisible() and card.answer.isVisible()
    assert card.where.text() == "Waar: Provinciehuis Boeverbos, Brugge"

    qtbot.keyClicks(card.message, "Ik kom graag.")
    qtbot.mouseClick(card.buttons["accept"], Qt.MouseButton.LeftButton)
    assert card.status.text() == "Aanvaard: wordt vastgelegd…"  # at once; no claim it went
    qtbot.waitUntil(lambda: _entries(store) == ["meeting_response"])
    qtbot.waitUntil(lambda: card.status.text().startswith("Aanvaard op "))  # once it landed
    qtbot.waitUntil(lambda: runner.active_count == 0)
    assert card.status.isVisible() and not card.answer.isVisible()

    assert OutboxPusher(store.session_factory, backend, clock).push().pushed == 1
    appointment = mailbox.get(event)
    assert (appointment.response, appointment.free_busy) == ("Accept", "Busy")
    [sent] = mailbox.folder("sentitems").items
    assert sent.subject == f"Geaccepteerd: {SUBJECT}"
    assert sent.to == [PROVINCIE] and "Ik kom graag." in sent.body_html
    assert mailbox.find(request) is None  # Exchange moved the request to Deleted Items


def test_an_answer_that_could_not_be_recorded_offers_the_buttons_again(
        qtbot, app: QApplication, store: Store, runner: TaskRunner, paths: Paths,  # type: ignore[no-untyped-def]
        backend: EwsBackend, mailbox: Mailbox) -> None:
    clock = FixedClock(NOW)
    start = NOW + timedelta(days=3, hours=4)
    mailbox.deliver_meeting_request(SUBJECT, start, start + timedelta(hours=2),
                                    organizer=PROVINCIE, received=NOW - timedelta(hours=1))
    SyncEngine(store.session_factory, backend, clock).sync()
    _window, area, controller = ready(qtbot, store, runner, paths)
    controller.set_compose(ComposeService(store.session_factory, clock, mailbox.owner))
    card = area.pane.meeting
    mail_id = area.pane.mail_id()
    with store.session_factory.begin() as s:  # an invitation imported from a file
        imported = s.get(Mail, mail_id)
        assert imported is not None
        imported.exchange_id, imported.imported_from = None, "uitnodiging.eml"

    qtbot.keyClicks(card.message, "Ik kom graag.")
    qtbot.mouseClick(card.buttons["decline"], Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: card.answer.isVisible())  # the answers again…
    assert card.message.text() == "Ik kom graag."  # …with her message kept
    assert _entries(store) == []
    box = area.findChild(QMessageBox)
    assert box is not None and "geïmporteerde uitnodiging" in box.text()
    box.close()


def _entries(store: Store) -> list[str]:
    with store.session() as s:
        return list(s.scalars(select(OutboxEntry.kind).order_by(OutboxEntry.id)))


def test_an_answer_from_a_reader_window_shows_there_once_it_landed(
        qtbot, app: QApplication, store: Store, runner: TaskRunner, paths: Paths,  # type: ignore[no-untyped-def]
        backend: EwsBackend, mailbox: Mailbox) -> None:
    clock = FixedClock(NOW)
    start = NOW + timedelta(days=3, hours=4)
    mailbox.deliver_meeting_request(
        SUBJECT, start, start + timedelta(hours=2), organizer=PROVINCIE,
        location="Provinciehuis Boeverbos, Brugge", received=NOW - timedelta(hours=1))
    SyncEngine(store.session_factory, backend, clock).sync()
    with store.session_factory.begin() as s:
        s.execute(update(Mail).values(is_read=True))
    _window, _area, controller = ready(qtbot, store, runner, paths)
    controller.set_compose(ComposeService(store.session_factory, clock, mailbox.owner,
                                          director_name="Algemeen directeur"))
    reader = controller.open_reader()
    assert reader is not None
    card = reader.pane.meeting
    qtbot.mouseClick(card.buttons["tentative"], Qt.MouseButton.LeftButton)
    assert card.status.text().endswith("wordt vastgelegd…")
    qtbot.waitUntil(lambda: _entries(store) == ["meeting_response"])
    qtbot.waitUntil(lambda: card.status.text().startswith("Voorlopig aanvaard op "))
    reader.close()
