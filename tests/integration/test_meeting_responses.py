"""Meeting requests in the director's inbox: synced as readable events, answered on
his behalf through the outbox, and his calendar in Exchange follows. Real
exchangelib against the sandbox."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.domain import CalendarEvent, Mail, OutboxEntry, OutboxStatus
from kortrijk_cockpit.exchange.ews import EwsBackend
from kortrijk_cockpit.exchange.outbox import OutboxPusher
from kortrijk_cockpit.exchange.outbox_kinds import answer_meeting
from kortrijk_cockpit.exchange.records import ResponseKind
from kortrijk_cockpit.exchange.sync import SyncEngine
from kortrijk_cockpit.sandbox import Mailbox, SandboxServer
from kortrijk_cockpit.services.outbox import OutboxService
from kortrijk_cockpit.store import Store
from tests.integration.exchange_fixtures import NOW, stored_as
from tests.integration.test_exchange_exactly_once import push_until_settled

PROVINCIE = ("Griet Maes", "griet.maes@west-vlaanderen.be")
START = NOW + timedelta(days=3, hours=4)  # Thursday 14:00 Brussels
REQUEST = "IPM.Schedule.Meeting.Request"


def sync(store: Store, backend: EwsBackend, at: datetime = NOW) -> None:
    SyncEngine(store.session_factory, backend, FixedClock(at)).sync()


def invited(store: Store, backend: EwsBackend, mailbox: Mailbox) -> tuple[str, str, int]:
    request, event = mailbox.deliver_meeting_request(
        "Overleg mobiliteitsplan regio Kortrijk", START, START + timedelta(hours=2),
        organizer=PROVINCIE, location="Provinciehuis Boeverbos, Brugge",
        body_html="<p>Graag uw aanwezigheid.</p>", received=NOW - timedelta(hours=1))
    sync(store, backend)
    with store.session() as s:
        mail_id = s.scalar(select(Mail.id).where(Mail.exchange_id.in_(stored_as(request))))
    assert mail_id is not None
    return request, event, mail_id


def mail(store: Store, mail_id: int) -> Mail:
    with store.session() as s:
        found = s.get(Mail, mail_id)
        assert found is not None
        return found


def answer(store: Store, mail_id: int, response: ResponseKind, message: str = "") -> None:
    with store.session_factory.begin() as s:
        row = s.get(Mail, mail_id)
        assert row is not None
        answer_meeting(s, row, response, message)


def calendar_subjects(store: Store) -> list[str]:
    with store.session() as s:
        return list(s.scalars(select(CalendarEvent.subject).where(
            CalendarEvent.is_cancelled.is_(False))))


@pytest.mark.both_protocols
def test_a_meeting_request_syncs_as_a_readable_event(
        store: Store, backend: EwsBackend, mailbox: Mailbox) -> None:
    request, _, mail_id = invited(store, backend, mailbox)
    mailbox.add_message("inbox", "Gewone mail", sender=PROVINCIE, received=NOW)
    sync(store, backend)

    row = mail(store, mail_id)
    assert row.item_class == REQUEST
    assert row.meeting == {
        "start": START.astimezone(UTC).isoformat(),
        "end": (START + timedelta(hours=2)).astimezone(UTC).isoformat(),
        "location": "Provinciehuis Boeverbos, Brugge",
        "organizer": "Griet Maes <griet.maes@west-vlaanderen.be>",
        "is_all_day": False, "is_cancellation": False,
    }
    with store.session() as s:
        plain = s.scalars(select(Mail).where(Mail.subject == "Gewone mail")).one()
        assert (plain.item_class, plain.meeting) == ("IPM.Note", None)
    assert "Overleg mobiliteitsplan regio Kortrijk" in calendar_subjects(store)  # tentative

    mailbox.deliver_meeting_cancellation(request, received=NOW)
    sync(store, backend)
    with store.session() as s:
        cancel = s.scalars(select(Mail).where(Mail.item_class.like("%Canceled"))).one()
    assert cancel.meeting is not None and cancel.meeting["is_cancellation"] is True
    assert cancel.meeting["organizer"] == "Griet Maes <griet.maes@west-vlaanderen.be>"


@pytest.mark.both_protocols
def test_accepting_makes_the_appointment_busy_and_answers_the_organiser(
        store: Store, backend: EwsBackend, mailbox: Mailbox) -> None:
    request, event, mail_id = invited(store, backend, mailbox)
    answer(store, mail_id, ResponseKind.ACCEPT, "Ik kom graag.")
    assert mail(store, mail_id).meeting["response"] == "accept"  # type: ignore[index]

    report = OutboxPusher(store.session_factory, backend, FixedClock(NOW)).push()

    assert report.pushed == 1
    appointment = mailbox.get(event)
    assert (appointment.response, appointment.free_busy) == ("Accept", "Busy")
    [sent] = mailbox.folder("sentitems").items
    assert sent.subject == "Geaccepteerd: Overleg mobiliteitsplan regio Kortrijk"
    assert sent.to == [PROVINCIE] and "Ik kom graag." in sent.body_html
    assert sent.author is not None and sent.author.email == mailbox.owner
    assert mailbox.find(request) is None  # Exchange moved the request to Deleted Items
    meeting = mail(store, mail_id).meeting
    assert meeting is not None and meeting["response"] == "accept"
    assert datetime.fromisoformat(str(meeting["responded_at"])) == NOW

    sync(store, backend, NOW + timedelta(hours=1))
    assert "Overleg mobiliteitsplan regio Kortrijk" in calendar_subjects(store)
    with store.session() as s:  # the request followed Exchange to Deleted Items, answered
        moved = s.scalars(select(Mail).where(Mail.item_class == REQUEST)).one()
    assert moved.meeting is not None and moved.meeting["response"] == "accept"


@pytest.mark.both_protocols
def test_tentative_stays_tentative_and_decline_removes_it(
        store: Store, backend: EwsBackend, mailbox: Mailbox) -> None:
    _, event, mail_id = invited(store, backend, mailbox)
    other_request, other_event = mailbox.deliver_meeting_request(
        "Stuurgroep Leiedal", START + timedelta(days=1), START + timedelta(days=1, hours=1),
        organizer=("Tom Desmet", "tom.desmet@leiedal.be"), received=NOW)
    sync(store, backend)
    with store.session() as s:
        other_id = s.scalar(select(Mail.id).where(Mail.exchange_id.in_(stored_as(other_request))))
    assert other_id is not None
    answer(store, mail_id, ResponseKind.TENTATIVE)
    answer(store, other_id, ResponseKind.DECLINE, "Helaas verhinderd.")

    OutboxPusher(store.session_factory, backend, FixedClock(NOW)).push()

    assert (mailbox.get(event).response, mailbox.get(event).free_busy) == ("Tentative", "Tentative")
    assert mailbox.get(event).folder == "calendar"
    assert mailbox.find(other_event) is None  # declined: out of the calendar
    assert "Stuurgroep Leiedal" not in [i.subject for i in mailbox.folder("calendar").items]
    assert sorted(i.subject for i in mailbox.folder("sentitems").items) == [
        "Geweigerd: Stuurgroep Leiedal", "Voorlopig geaccepteerd: Overleg mobiliteitsplan regio Kortrijk"]
    sync(store, backend, NOW + timedelta(hours=1))
    assert "Stuurgroep Leiedal" not in calendar_subjects(store)
    assert "Overleg mobiliteitsplan regio Kortrijk" in calendar_subjects(store)


@pytest.mark.both_protocols
def test_a_waiting_answer_is_not_overwritten_by_a_sync_and_discard_restores_it(
        store: Store, backend: EwsBackend, mailbox: Mailbox) -> None:
    _, _, mail_id = invited(store, backend, mailbox)
    answer(store, mail_id, ResponseKind.DECLINE)
    mailbox.update_item(mailbox.find_folder("inbox").items[0].id, subject="Overleg (gewijzigd)")  # type: ignore[union-attr]

    sync(store, backend)

    assert mail(store, mail_id).meeting["response"] == "decline"  # type: ignore[index]
    with store.session() as s:
        entry_id = s.scalars(select(OutboxEntry.id)).one()
    OutboxService(store.session_factory).discard(entry_id)
    assert "response" not in (mail(store, mail_id).meeting or {})


@pytest.mark.parametrize("operation", ["SendItem", "UpdateItem"])
def test_an_answer_whose_reply_was_lost_is_sent_once(
        store: Store, backend: EwsBackend, mailbox: Mailbox, sandbox: SandboxServer,
        operation: str) -> None:
    _, event, mail_id = invited(store, backend, mailbox)
    answer(store, mail_id, ResponseKind.ACCEPT)
    sandbox.faults.lose_answer(operation=operation)

    reports = push_until_settled(store, backend, NOW)

    assert len(reports) > 1
    assert [m.subject for m in mailbox.sent] == ["Geaccepteerd: Overleg mobiliteitsplan regio Kortrijk"]
    assert mailbox.get(event).response == "Accept"
    with store.session() as s:
        assert s.scalars(select(OutboxEntry.status)).all() == [OutboxStatus.DONE]


def test_the_demo_mailbox_has_invitations_outcomes_per_sender_and_waiting_mail() -> None:
    from collections import Counter

    from kortrijk_cockpit.demo_office.mails import OUTCOMES, WAITING
    from kortrijk_cockpit.sandbox.demo import demo_mailbox

    box = demo_mailbox(mails=300, events=60, now=NOW)
    inbox = box.folder("inbox").items
    requests = [i for i in inbox if i.item_class == REQUEST]
    assert len(requests) == 3
    for request in requests:
        appointment = box.calendar_item_for(request)
        assert appointment is not None and appointment.free_busy == "Tentative"
        assert request.organizer is not None and not request.organizer.email.endswith("@kortrijk.be")
    mail = [i for f in box.folders if f.key not in ("calendar", "sentitems") for i in f.items]
    outcomes = [(m.author.email, c) for m in mail if m.author for c in m.categories if c in OUTCOMES]
    assert len(outcomes) > len(mail) // 6
    per_sender: dict[str, Counter[str]] = {}
    for sender, outcome in outcomes:
        per_sender.setdefault(sender, Counter())[outcome] += 1
    assert all(len(c) == 1 for c in per_sender.values())  # consistent: suggestions learn it
    waiting = [m for m in mail if WAITING in m.categories]
    replied = [m for m in waiting if any(o.conversation_id == m.conversation_id and o.sent > m.sent
                                         for o in mail if o is not m)]
    assert len(waiting) == 2 and len(replied) == 1
    assert sum(m.flag_status == "Flagged" and m.flag_due is not None for m in mail) >= 2


@pytest.mark.both_protocols
def test_her_message_to_the_organiser_arrives_as_she_typed_it(
        store: Store, backend: EwsBackend, mailbox: Mailbox) -> None:
    from kortrijk_cockpit.exchange.ews import html_to_text

    _, _, mail_id = invited(store, backend, mailbox)
    answer(store, mail_id, ResponseKind.ACCEPT, "Ik kom <later> & blijf kort\nGroet")

    OutboxPusher(store.session_factory, backend, FixedClock(NOW)).push()

    [sent] = mailbox.folder("sentitems").items
    assert sent.body_html.startswith("Ik kom &lt;later&gt; &amp; blijf kort<br>Groet")
    assert html_to_text(sent.body_html).startswith("Ik kom <later> & blijf kort\nGroet")
