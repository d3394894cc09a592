"""The Mail area feeds its reading pane: the outcomes' colours on the chips, what
else is in the agenda during a meeting request, a suggestion that never holds up
the next mail, and "read" once a mail has been shown for a moment."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import QApplication, QLabel
from sqlalchemy import select

from kortrijk_cockpit.config import Paths
from kortrijk_cockpit.domain import CalendarEvent, Mail, OutboxEntry
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.ui.tasks import TaskRunner
from tests.integration.mail_world import NOW, folders, mail
from tests.ui.test_mail_area import new_window, open_mail, settled


def test_a_chip_has_its_outcomes_colour(
        qtbot, app: QApplication, store: Store, runner: TaskRunner, paths: Paths) -> None:  # type: ignore[no-untyped-def]
    f = folders(store)
    chosen = mail(store, f.inbox, "Begroting", categories=["Actie AD"])
    window = new_window(qtbot, store, runner, paths)
    area, controller = open_mail(qtbot, window)
    controller.choose_view(f"folder:{f.inbox}")
    qtbot.waitUntil(lambda: area.pane.mail_id() == chosen)
    colour = next(o.colour for o in controller.outcomes if o.name == "Actie AD")
    [chip] = [c for c in area.pane.chips.findChildren(QLabel) if c.text() == "Actie AD"]
    assert colour.lower() in chip.styleSheet().lower()


def test_a_meeting_request_lists_what_else_is_in_the_agenda_then(
        qtbot, app: QApplication, store: Store, runner: TaskRunner, paths: Paths) -> None:  # type: ignore[no-untyped-def]
    f = folders(store)
    start = NOW + timedelta(days=1)  # Tuesday 24/11 10:00-11:00
    mail(store, f.inbox, "Stuurgroep Leiedal", item_class="IPM.Schedule.Meeting.Request",
         meeting={"start": start.isoformat(), "end": (start + timedelta(hours=1)).isoformat(),
                  "location": "Leiedal", "organizer": "Pieter Declercq"})
    with store.session_factory.begin() as s:
        s.add_all([
            CalendarEvent(subject="MAT", start_at=start - timedelta(hours=1),
                          end_at=start + timedelta(hours=1)),
            CalendarEvent(subject="Stuurgroep Leiedal", start_at=start,  # its own, tentative
                          end_at=start + timedelta(hours=1)),
            CalendarEvent(subject="Geannuleerd overleg", start_at=start, is_cancelled=True,
                          end_at=start + timedelta(hours=1)),
            CalendarEvent(subject="Lunch", start_at=start + timedelta(hours=1),  # just after
                          end_at=start + timedelta(hours=2)),
        ])
    window = new_window(qtbot, store, runner, paths)
    area, _controller = open_mail(qtbot, window)
    card = area.pane.meeting
    qtbot.waitUntil(card.conflicts.isVisible)  # asked off the GUI thread
    assert card.conflicts.text() == "Ook in de agenda op dat moment: MAT 09:00 – 11:00"


def test_the_suggestion_is_asked_off_the_gui_thread_and_a_late_one_is_dropped(
        qtbot, app: QApplication, store: Store, runner: TaskRunner, paths: Paths) -> None:  # type: ignore[no-untyped-def]
    f = folders(store)
    for n in range(3):  # how Jan's earlier mails were handled
        mail(store, f.inbox, f"Agendapunt {n}", hours_ago=48 + n, categories=["Agenderen MAT"],
             sender_email="jan.peeters@kortrijk.be")
    from_jan = mail(store, f.inbox, "Nog een punt", hours_ago=2,
                    sender_email="jan.peeters@kortrijk.be")
    newest = mail(store, f.inbox, "Iets anders", hours_ago=1, sender_email="els@voorbeeld.be")
    window = new_window(qtbot, store, runner, paths)
    area, controller = open_mail(qtbot, window)
    assert area.pane.mail_id() == newest
    qtbot.waitUntil(lambda: runner.active_count == 0)
    assert area.suggestion.isHidden()

    controller.select_id(from_jan)
    assert area.pane.mail_id() == from_jan  # the mail at once; its suggestion follows
    assert area.suggestion.isHidden()
    qtbot.waitUntil(area.suggestion.isVisible)
    assert area.suggestion_text.full_text().startswith("Voorstel: Agenderen MAT — 3 van de 3")

    controller.select_id(newest)
    controller.select_id(from_jan)
    controller.select_id(newest)  # Jan's answers land after she moved on: dropped
    qtbot.waitUntil(lambda: runner.active_count == 0)
    assert area.suggestion.isHidden() and controller.suggestion is None


def test_a_mail_shown_for_a_moment_becomes_read_in_outlook_too(
        qtbot, app: QApplication, store: Store, runner: TaskRunner, paths: Paths) -> None:  # type: ignore[no-untyped-def]
    f = folders(store)
    glanced = mail(store, f.inbox, "Even gezien", hours_ago=2)
    read = mail(store, f.inbox, "Gelezen", hours_ago=1)
    window = new_window(qtbot, store, runner, paths)
    area, controller = open_mail(qtbot, window)
    assert area.pane.mail_id() == read
    controller.select_id(glanced)  # passed by before its moment
    controller.select_id(read)

    def is_read(mail_id: int) -> bool:
        with store.session() as s:
            return bool(s.scalar(select(Mail.is_read).where(Mail.id == mail_id)))
    qtbot.waitUntil(lambda: is_read(read), timeout=5_000)
    assert not is_read(glanced)
    with store.session() as s:
        assert s.scalar(select(OutboxEntry.kind).where(OutboxEntry.mail_id == read)) == "set_read"
    settled(qtbot, controller)
    assert controller.actions.undo_stack == []  # reading is no step to undo
