"""The Agenda's details panel: what the office has for the chosen appointment, each
record one click away, and its preparation block booked on a click (real store and
services, the panel read through the TaskRunner)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from sqlalchemy import select

from kortrijk_cockpit.changes import Changes, Kind
from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.domain import (
    ActionPoint,
    AgendaItem,
    Brief,
    BriefStatus,
    CalendarEvent,
    DocumentRequest,
    LinkKind,
    Mail,
    MailFolder,
    MailLink,
    Meeting,
    MeetingStatus,
    OutboxEntry,
    RequestStatus,
)
from kortrijk_cockpit.domain.mail import FolderKind
from kortrijk_cockpit.services.agenda import AgendaService
from kortrijk_cockpit.services.appointment_context import AppointmentContextService
from kortrijk_cockpit.services.appointment_details import AppointmentDetailsService
from kortrijk_cockpit.services.calendar import CalendarService
from kortrijk_cockpit.services.preparation import PreparationService
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.services.visits import VisitService
from kortrijk_cockpit.ui.change_feed import ChangeFeed
from kortrijk_cockpit.ui.tasks import TaskRunner
from kortrijk_cockpit.ui.views.agenda.details import DetailsPanel, LinkLabel
from kortrijk_cockpit.ui.views.agenda.details_controller import DetailsController
from tests.ui.conftest import NOW

MONDAY = NOW.replace(hour=0)  # Monday 23 November 2026, Brussels


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return (MONDAY + timedelta(days=day)).replace(hour=hour, minute=minute)


def details_service(store: Store) -> AppointmentDetailsService:
    sessions, clock = store.session_factory, FixedClock(NOW)
    appointments = AppointmentContextService(sessions, clock)
    hours = lambda: ("08:00", "18:00")  # noqa: E731
    return AppointmentDetailsService(
        sessions, AgendaService(sessions, clock), appointments,
        PreparationService(sessions, CalendarService(sessions), appointments,
                           minutes=lambda: 30, working_hours=hours), hours,
        VisitService(sessions, clock))


@pytest.fixture
def office(sqlite_store: Store) -> dict[str, int]:
    """A MAT with two agenda items, five stukken (two in, one late), a linked mail and
    an open action point; a visit with a fiche; a private appointment; a bare call."""
    with sqlite_store.session_factory.begin() as s:
        folder = MailFolder(exchange_id="inbox", display_name="Postvak IN",
                            kind=FolderKind.INBOX)
        meeting = Meeting(title="MAT 24/11", starts_at=at(1, 9), ends_at=at(1, 11),
                          status=MeetingStatus.AGENDA_SENT)
        s.add_all([folder, meeting])
        s.flush()
        first = AgendaItem(meeting_id=meeting.id, position=1, title="Begroting")
        second = AgendaItem(meeting_id=meeting.id, position=2, title="Personeel")
        s.add_all([first, second])
        s.flush()
        for n, status in enumerate([RequestStatus.RECEIVED, RequestStatus.RECEIVED,
                                    RequestStatus.REQUESTED, RequestStatus.REQUESTED,
                                    RequestStatus.REQUESTED]):
            due = at(-1, 12) if n == 2 else at(3, 12)  # one is late
            s.add(DocumentRequest(agenda_item_id=(first if n % 2 else second).id,
                                  title=f"Stuk {n}", due_at=due, status=status))
        action = ActionPoint(title="Nota parkeerbeleid", target_meeting_id=meeting.id)
        mail = Mail(folder_id=folder.id, subject="<b>Vraag</b> begroting", sender_name="Sofie",
                    sender_email="sofie@kortrijk.be", received_at=at(-3, 9))
        s.add_all([action, mail])
        s.flush()
        s.add(MailLink(mail_id=mail.id, target_kind=LinkKind.AGENDA_ITEM, target_id=first.id))
        attendees = [f"Collega {n} <collega{n}@kortrijk.be>" for n in range(7)]
        mat = CalendarEvent(subject="MAT", start_at=at(1, 9), end_at=at(1, 11),
                            location="Schepenzaal", organizer="Sofie Declercq",
                            attendees=attendees, meeting_id=meeting.id)
        call = CalendarEvent(subject="Telefoon gouverneur", start_at=at(1, 10, 30),
                             end_at=at(1, 10, 45))
        visit = CalendarEvent(subject="Bezoek Barco", start_at=at(2, 14), end_at=at(2, 16),
                              location="Barco, Kortrijk")
        private = CalendarEvent(subject="Privé", start_at=at(3, 12), end_at=at(3, 13),
                                is_private_block=True)
        s.add_all([mat, call, visit, private])
        s.flush()
        s.add(Brief(title="Bezoek Barco", calendar_event_id=visit.id,
                    status=BriefStatus.READY))
        return {"mat": mat.id, "call": call.id, "visit": visit.id, "private": private.id,
                "meeting": meeting.id, "mail": mail.id, "action": action.id}


@pytest.fixture
def panel(qtbot, app: QApplication, sqlite_store: Store, office: dict[str, int],  # type: ignore[no-untyped-def]
          runner: TaskRunner) -> Iterator[DetailsPanel]:
    panel = DetailsPanel()
    qtbot.addWidget(panel)
    panel.resize(360, 700)
    feed = ChangeFeed(panel)
    controller = DetailsController(panel, details_service(sqlite_store), runner, feed)
    panel.controller = controller  # type: ignore[attr-defined]
    panel.feed = feed  # type: ignore[attr-defined]
    panel.show()
    yield panel
    runner.wait_for_done()


def show(qtbot, panel: DetailsPanel, event_id: int | None) -> None:  # type: ignore[no-untyped-def]
    controller: DetailsController = panel.controller  # type: ignore[attr-defined]
    with qtbot.waitSignal(controller.shown):
        controller.show_event_id(event_id)


def link(panel: DetailsPanel, kind: str) -> LinkLabel:
    [button] = [b for b in panel.links() if b.objectName() == f"detailsLink_{kind}"]
    return button


def test_nothing_chosen_says_so(qtbot, panel: DetailsPanel) -> None:  # type: ignore[no-untyped-def]
    assert panel.texts() == ["Kies een afspraak"]


def test_an_overleg_shows_its_agenda_stukken_mails_action_points_and_conflicts(
        qtbot, panel: DetailsPanel, office: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    show(qtbot, panel, office["mat"])
    texts = panel.texts()
    assert texts[:5] == [
        "MAT", "di 24/11/2026 09:00–11:00", "Plaats: Schepenzaal",
        "Organisator: Sofie Declercq",
        "Deelnemers: Collega 0, Collega 1, Collega 2, Collega 3, Collega 4 +2"]
    assert "Overlapt met Telefoon gouverneur (10:30–10:45)" in texts
    assert "MAT 24/11 — 2 agendapunten, agenda verstuurd" in texts
    assert "2/5 stukken binnen, 1 te laat" in texts
    assert "<b>Vraag</b> begroting" in texts  # a subject from outside, shown literally
    assert "Nota parkeerbeleid" in texts
    assert "Voorstel: di 08:30–09:00" in texts  # before the MAT, inside working hours
    stukken = panel.findChild(QLabel, "detailsStukken")
    assert stukken is not None and "#c62828" in stukken.styleSheet()  # late: red
    for name in ("detailsSubject", "detailsStukken"):
        label = panel.findChild(QLabel, name)
        assert label.textFormat() == Qt.TextFormat.PlainText  # type: ignore[union-attr]


def test_each_record_is_one_click_away(qtbot, panel: DetailsPanel,  # type: ignore[no-untyped-def]
                                       office: dict[str, int]) -> None:
    show(qtbot, panel, office["mat"])
    for kind, ref in (("mail", office["mail"]), ("meeting", office["meeting"]),
                      ("action_point", office["action"])):
        with qtbot.waitSignal(panel.controller.open_record) as opened:  # type: ignore[attr-defined]
            qtbot.mouseClick(link(panel, kind), Qt.MouseButton.LeftButton)
        assert opened.args == [kind, ref]


def test_empty_and_private_states(qtbot, panel: DetailsPanel,  # type: ignore[no-untyped-def]
                                  office: dict[str, int]) -> None:
    show(qtbot, panel, office["private"])
    assert panel.texts() == ["Privé", "do 26/11/2026 12:00–13:00"]
    show(qtbot, panel, office["call"])
    assert "Niets van het kabinet voor deze afspraak" in panel.texts()
    assert [link.objectName() for link in panel.links()] == ["detailsVisit"]
    show(qtbot, panel, None)
    assert panel.texts() == ["Kies een afspraak"]


def test_a_stale_answer_for_an_earlier_appointment_is_dropped(
        qtbot, panel: DetailsPanel, office: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    controller: DetailsController = panel.controller  # type: ignore[attr-defined]
    seen: list[int | None] = []
    controller.shown.connect(lambda d: seen.append(d.event.id if d else None))
    controller.show_event_id(office["mat"])
    with qtbot.waitSignal(controller.shown):
        controller.show_event_id(office["visit"])
    panel.controller.runner.wait_for_done()  # type: ignore[attr-defined]
    qtbot.wait(0)
    assert seen == [office["visit"]]
    assert panel.texts()[0] == "Bezoek Barco"


def test_booking_the_preparation_writes_the_block_and_the_panel_says_booked(
        qtbot, panel: DetailsPanel, office: dict[str, int],  # type: ignore[no-untyped-def]
        sqlite_store: Store) -> None:
    show(qtbot, panel, office["visit"])
    assert "Fiche klaar ter goedkeuring" in " ".join(panel.texts())
    assert "Voorstel: wo 13:30–14:00" in panel.texts()
    controller: DetailsController = panel.controller  # type: ignore[attr-defined]
    published: list[Changes] = []
    panel.feed.changed.connect(lambda changes, _who: published.append(changes))  # type: ignore[attr-defined]
    assert panel.book_button is not None
    with qtbot.waitSignal(controller.booked):
        qtbot.mouseClick(panel.book_button, Qt.MouseButton.LeftButton)
        assert panel.book_button.text() == "Boeken…" and not panel.book_button.isEnabled()
    qtbot.waitUntil(lambda: "Voorbereiding geboekt (wo 13:30–14:00)" in panel.texts())
    assert published and published[0].touches_any({Kind.EVENT, Kind.OUTBOX})
    with sqlite_store.session() as s:
        block = s.scalars(select(CalendarEvent).where(
            CalendarEvent.subject == "Voorbereiding: Bezoek Barco")).one()
        entry = s.scalars(select(OutboxEntry)).one()
        assert entry.event_id == block.id and block.attendees == []


def test_a_change_elsewhere_refreshes_the_shown_appointment(
        qtbot, panel: DetailsPanel, office: dict[str, int],  # type: ignore[no-untyped-def]
        sqlite_store: Store) -> None:
    show(qtbot, panel, office["visit"])
    with sqlite_store.session_factory.begin() as s:
        brief = s.scalars(select(Brief)).one()
        brief.status = BriefStatus.APPROVED
        brief_id = brief.id
    controller: DetailsController = panel.controller  # type: ignore[attr-defined]
    with qtbot.waitSignal(controller.shown):
        panel.feed.publish(Changes.of(Kind.BRIEF, updated=[brief_id]))  # type: ignore[attr-defined]
    assert "Bezoek Barco — Fiche goedgekeurd" in panel.texts()


def test_the_visit_checklist_is_one_click_away(qtbot, panel: DetailsPanel,  # type: ignore[no-untyped-def]
                                               office: dict[str, int]) -> None:
    show(qtbot, panel, office["mat"])
    [checklist] = [link for link in panel.links() if link.objectName() == "detailsVisit"]
    with qtbot.waitSignal(panel.controller.visit_requested) as asked:  # type: ignore[attr-defined]
        qtbot.mouseClick(checklist, Qt.MouseButton.LeftButton)
    assert asked.args == [office["mat"]]


def test_a_visit_shows_how_far_its_checklist_is(qtbot, panel: DetailsPanel,  # type: ignore[no-untyped-def]
                                                 sqlite_store: Store,
                                                 office: dict[str, int]) -> None:
    from kortrijk_cockpit.domain.visits import VisitKind

    visits = VisitService(sqlite_store.session_factory, FixedClock(NOW))
    visits.mark(office["mat"], VisitKind.VISIT)
    items = visits.checklist(office["mat"]).items  # type: ignore[union-attr]
    visits.update_item(items[0].id, done=True)
    visits.update_item(items[1].id, due_date=NOW.date() - timedelta(days=2))
    items = visits.checklist(office["mat"]).items  # type: ignore[union-attr]
    late = sum(1 for i in items if not i.done and i.due_date < NOW.date())
    assert late >= 1  # the MAT is tomorrow: the items due before it are late by now
    show(qtbot, panel, office["mat"])
    [checklist] = [link for link in panel.links() if link.objectName() == "detailsVisit"]
    assert "Bezoek" in panel.texts()
    assert checklist.text() == f"Checklist: 1/{len(items)} afgewerkt, {late} te laat"
