"""Appointments written from the app land in the director's calendar: created with
invitations, one occurrence of a weekly series or the whole series moved or cancelled,
exactly once through a dropped line or a lost answer, and the next pull agrees.

Real exchangelib against the sandbox's EWS server; the store on SQLite and PostgreSQL.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from kortrijk_cockpit.changes import Kind
from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.domain import CalendarEvent, OutboxEntry, OutboxStatus
from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.exchange.ews import EwsBackend
from kortrijk_cockpit.exchange.outbox import OutboxPusher, PushReport
from kortrijk_cockpit.exchange.outbox_kinds import describe
from kortrijk_cockpit.exchange.records import EventDraft
from kortrijk_cockpit.exchange.sync import SyncEngine, SyncOptions
from kortrijk_cockpit.sandbox import Mailbox, SandboxServer, recurrence
from kortrijk_cockpit.services.calendar import CalendarService, EventChanges
from kortrijk_cockpit.store import Store
from tests.integration.exchange_fixtures import BXL, NOW

pytestmark = pytest.mark.both_protocols

JAN = ("Jan Vercruysse", "jan.vercruysse@kortrijk.be")
ELS = ("Els Vandamme", "els.vandamme@kortrijk.be")
TUESDAY = datetime(2026, 11, 24, 9, 0, tzinfo=BXL)  # NOW is Monday 23/11/2026


def push_until_settled(store: Store, backend: EwsBackend) -> list[PushReport]:
    """Push, and after each postponement push again once its back-off has passed."""
    clock, reports = FixedClock(NOW), []
    for _ in range(12):
        report = OutboxPusher(store.session_factory, backend, clock).push()
        reports.append(report)
        if report.retry_at is None:
            return reports
        clock = FixedClock(report.retry_at + timedelta(seconds=1))
    raise AssertionError("the outbox never settled")


def pull(store: Store, backend: EwsBackend, clock: FixedClock) -> None:
    SyncEngine(store.session_factory, backend, clock, SyncOptions()).sync()


def statuses(store: Store) -> list[OutboxStatus]:
    with store.session() as s:
        return list(s.scalars(select(OutboxEntry.status).order_by(OutboxEntry.id)))


def local(store: Store, subject: str) -> list[CalendarEvent]:
    with store.session() as s:
        return list(s.scalars(select(CalendarEvent).where(CalendarEvent.subject == subject)
                              .order_by(CalendarEvent.start_at)))


def local_times(store: Store, subject: str) -> list[str]:
    return [f"{e.start_at.astimezone(BXL):%d/%m %H:%M}-{e.end_at.astimezone(BXL):%H:%M}"
            + (" geannuleerd" if e.is_cancelled else "") for e in local(store, subject)]


def server_times(backend: EwsBackend, subject: str) -> list[str]:
    """What Outlook shows: the calendar view as Exchange serves it."""
    return [f"{e.start_at.astimezone(BXL):%d/%m %H:%M}-{e.end_at.astimezone(BXL):%H:%M}"
            for e in backend.calendar_view(NOW - timedelta(days=1), NOW + timedelta(days=40))
            if e.subject == subject]


def weekly_mat(mailbox: Mailbox) -> str:
    """The Tuesday MAT, 9:00-11:00, five weeks, with two attendees."""
    return mailbox.add_event("MAT", TUESDAY, TUESDAY.replace(hour=11), attendees=[JAN, ELS],
                             location="Schepenzaal",
                             recurrence_weekly_until=date(2026, 12, 22))


def occurrence_on(store: Store, day: int, month: int = 12) -> CalendarEvent:
    return next(e for e in local(store, "MAT")
                if e.start_at.astimezone(BXL).date() == date(2026, month, day))


WEEKS = ["24/11", "01/12", "08/12", "15/12", "22/12"]


def test_a_new_appointment_with_attendees_invites_them_and_comes_back_in_the_pull(
        store: Store, backend: EwsBackend, mailbox: Mailbox, clock: FixedClock) -> None:
    start = NOW + timedelta(days=3)
    written = CalendarService(store.session_factory).create(EventDraft(
        subject="Overleg Leiedal", start_at=start, end_at=start + timedelta(hours=1),
        location="Stadhuis", required=(f"{JAN[0]} <{JAN[1]}>",), optional=(ELS[1],)))

    push_until_settled(store, backend)

    [invitation] = mailbox.invitations
    assert (invitation.kind, invitation.subject, invitation.start) == \
        ("request", "Overleg Leiedal", start)
    assert sorted(p.email for p in invitation.recipients) == sorted([JAN[1], ELS[1]])
    pull(store, backend, clock)
    [row] = local(store, "Overleg Leiedal")
    assert row.id == written.event_id and row.exchange_id
    assert sorted(a.rpartition("<")[2].rstrip(">") for a in row.attendees) == \
        sorted([JAN[1], ELS[1]])


def test_moving_one_occurrence_moves_only_that_date_in_outlook_and_after_the_pull(
        store: Store, backend: EwsBackend, mailbox: Mailbox, clock: FixedClock) -> None:
    weekly_mat(mailbox)
    pull(store, backend, clock)
    second = occurrence_on(store, 1)

    written = CalendarService(store.session_factory).move(
        second.id, datetime(2026, 12, 1, 14, 0, tzinfo=BXL))

    assert written.event_id == second.id
    assert local_times(store, "MAT")[1] == "01/12 14:00-16:00"  # shown at once
    push_until_settled(store, backend)
    expected = ["24/11 09:00-11:00", "01/12 14:00-16:00", "08/12 09:00-11:00",
                "15/12 09:00-11:00", "22/12 09:00-11:00"]
    assert server_times(backend, "MAT") == expected
    [update] = mailbox.invitations
    assert (update.kind, update.start) == ("update", datetime(2026, 12, 1, 14, tzinfo=BXL))
    pull(store, backend, clock)
    assert local_times(store, "MAT") == expected
    assert occurrence_on(store, 1).id == second.id  # the same appointment, not a new one


def test_moving_and_resizing_the_whole_series_keeps_its_days(
        store: Store, backend: EwsBackend, mailbox: Mailbox, clock: FixedClock) -> None:
    weekly_mat(mailbox)
    pull(store, backend, clock)
    calendar = CalendarService(store.session_factory)

    calendar.move(occurrence_on(store, 8).id, datetime(2026, 12, 8, 10, 0, tzinfo=BXL),
                  whole_series=True)
    calendar.edit(occurrence_on(store, 8).id,
                  EventChanges(end_at=datetime(2026, 12, 8, 11, 30, tzinfo=BXL),
                               location="Raadzaal"), whole_series=True)

    expected = [f"{week} 10:00-11:30" for week in WEEKS]
    assert local_times(store, "MAT") == expected  # every occurrence, at once
    push_until_settled(store, backend)
    assert server_times(backend, "MAT") == expected
    pull(store, backend, clock)
    assert local_times(store, "MAT") == expected
    assert {e.location for e in local(store, "MAT")} == {"Raadzaal"}


def test_cancelling_the_whole_series_tells_the_attendees_once_and_empties_the_agenda(
        store: Store, backend: EwsBackend, mailbox: Mailbox, clock: FixedClock) -> None:
    weekly_mat(mailbox)
    pull(store, backend, clock)

    written = CalendarService(store.session_factory).cancel(
        occurrence_on(store, 8).id, whole_series=True,
        message="De MAT gaat voortaan op donderdag door.")

    assert written.changes.rows(Kind.EVENT).updated == {e.id for e in local(store, "MAT")}
    assert local_times(store, "MAT") == [f"{w} 09:00-11:00 geannuleerd" for w in WEEKS]
    with store.session() as s:
        entry = s.scalars(select(OutboxEntry)).one()
        assert describe(entry.kind, entry.payload) == "Afspraak annuleren: MAT (hele reeks)"
    push_until_settled(store, backend)
    assert server_times(backend, "MAT") == []
    [cancellation] = mailbox.invitations
    assert cancellation.kind == "cancellation"
    assert cancellation.message == "De MAT gaat voortaan op donderdag door."
    pull(store, backend, clock)
    assert local(store, "MAT") == []


def test_cancelling_one_occurrence_leaves_the_others(
        store: Store, backend: EwsBackend, mailbox: Mailbox, clock: FixedClock) -> None:
    weekly_mat(mailbox)
    pull(store, backend, clock)

    CalendarService(store.session_factory).cancel(occurrence_on(store, 15).id)
    push_until_settled(store, backend)

    kept = ["24/11 09:00-11:00", "01/12 09:00-11:00", "08/12 09:00-11:00",
            "22/12 09:00-11:00"]
    assert server_times(backend, "MAT") == kept
    [cancellation] = mailbox.invitations
    assert (cancellation.kind, cancellation.start) == \
        ("cancellation", datetime(2026, 12, 15, 9, tzinfo=BXL))
    pull(store, backend, clock)
    assert local_times(store, "MAT") == kept


def test_several_occurrences_changed_before_the_next_pull_all_land(
        store: Store, backend: EwsBackend, mailbox: Mailbox, clock: FixedClock) -> None:
    """Exchange gives the whole series a new change key when one occurrence changes:
    the next ones, still holding the old key, must not end as conflicts."""
    weekly_mat(mailbox)
    pull(store, backend, clock)
    calendar = CalendarService(store.session_factory)
    calendar.move(occurrence_on(store, 1).id, datetime(2026, 12, 1, 14, 0, tzinfo=BXL))
    push_until_settled(store, backend)

    calendar.cancel(occurrence_on(store, 15).id)
    calendar.resize(occurrence_on(store, 8).id, datetime(2026, 12, 8, 10, 0, tzinfo=BXL))
    push_until_settled(store, backend)

    assert statuses(store) == [OutboxStatus.DONE] * 3
    assert server_times(backend, "MAT") == [
        "24/11 09:00-11:00", "01/12 14:00-16:00", "08/12 09:00-10:00", "22/12 09:00-11:00"]


def test_an_occurrence_changed_in_outlook_meanwhile_is_a_conflict(
        store: Store, backend: EwsBackend, mailbox: Mailbox, clock: FixedClock) -> None:
    master = weekly_mat(mailbox)
    pull(store, backend, clock)
    calendar = CalendarService(store.session_factory)
    calendar.move(occurrence_on(store, 1).id, datetime(2026, 12, 1, 14, 0, tzinfo=BXL))
    item = mailbox.get(master)
    occurrence = next(o for o in recurrence.occurrences(item)
                      if o.original_date == date(2026, 12, 1))
    mailbox.change_occurrence(item, occurrence, {"start": datetime(2026, 12, 1, 8, tzinfo=BXL)})

    push_until_settled(store, backend)

    assert statuses(store) == [OutboxStatus.CONFLICT]
    assert server_times(backend, "MAT")[1] == "01/12 08:00-11:00"  # Outlook's stays


def test_offline_then_online_every_series_change_lands_exactly_once(
        store: Store, backend: EwsBackend, mailbox: Mailbox, sandbox: SandboxServer,
        clock: FixedClock) -> None:
    weekly_mat(mailbox)
    pull(store, backend, clock)
    calendar = CalendarService(store.session_factory)
    calendar.move(occurrence_on(store, 1).id, datetime(2026, 12, 1, 14, 0, tzinfo=BXL))
    push_until_settled(store, backend)
    pull(store, backend, clock)

    # The whole series half an hour later: the line drops, then the answer is lost
    # (Exchange did it). Shifting twice would put it at 10:00.
    calendar.move(occurrence_on(store, 8).id, datetime(2026, 12, 8, 9, 30, tzinfo=BXL),
                  whole_series=True)
    sandbox.faults.drop_connection(operation="UpdateItem")
    sandbox.faults.lose_answer(operation="UpdateItem")
    reports = push_until_settled(store, backend)
    assert len(reports) == 3  # offline, uncertain, settled

    assert server_times(backend, "MAT") == [
        "24/11 09:30-11:30", "01/12 14:00-16:00", "08/12 09:30-11:30", "15/12 09:30-11:30",
        "22/12 09:30-11:30"]
    assert [i.kind for i in mailbox.invitations] == ["update", "update"]

    pull(store, backend, clock)
    calendar.cancel(occurrence_on(store, 15).id)
    sandbox.faults.lose_answer(operation="DeleteItem")
    push_until_settled(store, backend)
    assert [i.kind for i in mailbox.invitations] == ["update", "update", "cancellation"]
    assert statuses(store) == [OutboxStatus.DONE] * 3
    pull(store, backend, clock)
    assert local_times(store, "MAT") == [
        "24/11 09:30-11:30", "01/12 14:00-16:00", "08/12 09:30-11:30", "22/12 09:30-11:30"]


def test_changes_the_delegate_may_not_make_are_refused_in_dutch(
        store: Store, backend: EwsBackend, mailbox: Mailbox, clock: FixedClock) -> None:
    weekly_mat(mailbox)
    mailbox.add_event("Tandarts", NOW.replace(hour=16), NOW.replace(hour=17),
                      sensitivity="Private")
    mailbox.add_event("Voka netwerkavond", NOW.replace(hour=18), NOW.replace(hour=20))
    pull(store, backend, clock)
    calendar = CalendarService(store.session_factory)
    [private] = local(store, "Privé")
    [single] = local(store, "Voka netwerkavond")
    tuesday = occurrence_on(store, 24, month=11)

    refusals = [
        lambda: calendar.move(private.id, NOW.replace(hour=15)),
        lambda: calendar.cancel(private.id),
        lambda: calendar.move(tuesday.id, TUESDAY + timedelta(days=1), whole_series=True),
        lambda: calendar.cancel(single.id, whole_series=True),
        lambda: calendar.resize(single.id, single.start_at),
    ]
    messages = []
    for refused in refusals:
        with pytest.raises(UserFacingError) as caught:
            refused()
        messages.append(caught.value.user_message)

    assert messages == [
        "Een privé-afspraak kan alleen in Outlook worden gewijzigd.",
        "Een privé-afspraak kan alleen in Outlook worden gewijzigd.",
        "Een hele reeks kan hier alleen binnen dezelfde dag verschuiven. Kies een andere dag "
        "voor de reeks in Outlook, of verplaats alleen deze keer.",
        "Deze afspraak hoort niet bij een reeks.",
        "Het einde van de afspraak moet na het begin liggen.",
    ]
    assert statuses(store) == []  # nothing queued
