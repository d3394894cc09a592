"""Stukken end to end through the sandbox (real exchangelib): requests arrive, one per
owner listing their stukken; the owner's reply with an attachment is recognised, linked
and kept on disk; a late one gets its reminder once a day. SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from kortrijk_cockpit.clock import BRUSSELS, FixedClock
from kortrijk_cockpit.config import Paths
from kortrijk_cockpit.domain import (
    AgendaItem,
    Attachment,
    DocumentRequest,
    LinkKind,
    Mail,
    MailLink,
    Meeting,
    MeetingSeries,
    Person,
)
from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.exchange.ews import EwsBackend
from kortrijk_cockpit.exchange.round import MailboxRound
from kortrijk_cockpit.sandbox import Mailbox, SandboxServer
from kortrijk_cockpit.services.stukken import StukkenService, StukState, default_due, due_date
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.task_context import TaskContext
from tests.integration.exchange_fixtures import NOW, settings_for

SOFIE = ("Sofie Declercq", "sofie.declercq@kortrijk.be")
JAN = ("Jan Vercruysse", "jan.vercruysse@kortrijk.be")
MAT_DAY = datetime(2026, 12, 1, 9, 0, tzinfo=BRUSSELS)  # Tuesday; NOW is Monday 23/11


def test_the_deadline_skips_weekends_and_holidays() -> None:
    # Thursday 12/11/2026: Wednesday 11 November is a public holiday.
    assert due_date(date(2026, 11, 12), 3) == date(2026, 11, 6)
    assert due_date(date(2026, 11, 12), 1) == date(2026, 11, 10)
    # Tuesday after Easter Monday (6/4/2026).
    assert due_date(date(2026, 4, 7), 1) == date(2026, 4, 3)
    due = default_due(MAT_DAY, 3)
    assert due == datetime(2026, 11, 26, 17, 0, tzinfo=BRUSSELS)


def make_meeting(store: Store) -> int:
    with store.session_factory.begin() as s:
        s.add_all([Person(full_name=SOFIE[0], email=SOFIE[1], is_internal=True),
                   Person(full_name=JAN[0], email=JAN[1], is_internal=True)])
        series = MeetingSeries(code="MAT", name="Managementteam", stukken_lead_days=3)
        meeting = Meeting(series=series, title="MAT", starts_at=MAT_DAY,
                          ends_at=MAT_DAY + timedelta(hours=2))
        meeting.agenda_items = [
            AgendaItem(position=0, title="Personeelsplan 2027", owner_name=SOFIE[0]),
            AgendaItem(position=1, title="Telewerkbeleid", owner_name=SOFIE[0]),
            AgendaItem(position=2, title="Aanpassing meerjarenplan", owner_name=JAN[0]),
            AgendaItem(position=3, title="Rondvraag"),
        ]
        s.add(meeting)
        s.flush()
        return meeting.id


@pytest.fixture
def world(store: Store, sandbox: SandboxServer, mailbox: Mailbox, clock: FixedClock,
          paths: Paths, tmp_path: Path) -> Iterator[tuple[StukkenService, MailboxRound]]:
    mailbox_round = MailboxRound(lambda: EwsBackend(settings_for(sandbox, mailbox),
                                                    sandbox.password),
                                 store.session_factory, clock, attachments_root=paths.attachments)
    yield (StukkenService(store.session_factory, clock, tmp_path / "stukken",
                          director_name="Hilde Vanthuyne"), mailbox_round)
    mailbox_round.close()


def test_requests_reply_link_and_reminder_through_exchange(
        world: tuple[StukkenService, MailboxRound], store: Store, mailbox: Mailbox,
        clock: FixedClock) -> None:
    stukken, mailbox_round = world
    meeting_id = make_meeting(store)

    drafts = stukken.proposals(meeting_id)
    assert [(d.item_title, d.owner_email) for d in drafts] == [
        ("Personeelsplan 2027", SOFIE[1]), ("Telewerkbeleid", SOFIE[1]),
        ("Aanpassing meerjarenplan", JAN[1])]  # "Rondvraag" has no owner
    assert {d.due_at for d in drafts} == {datetime(2026, 11, 26, 17, 0, tzinfo=BRUSSELS)}
    requested = stukken.request(meeting_id, drafts)
    # The change feed hears which Uitgaand rows came: real ids, one per owner.
    assert len(requested.outbox.created) == 2 and None not in requested.outbox.created
    assert stukken.proposals(meeting_id) == []  # asked once
    assert mailbox_round.run(TaskContext()).ok

    # One mail per owner, listing all of that owner's stukken.
    by_owner = {m.to[0].email: m for m in mailbox.sent}
    assert sorted(by_owner) == [JAN[1], SOFIE[1]]
    to_sofie = by_owner[SOFIE[1]]
    assert to_sofie.subject == "Stukken voor MAT van 01/12/2026"
    assert "Personeelsplan 2027" in to_sofie.body_html
    assert "Telewerkbeleid" in to_sofie.body_html
    assert "26/11/2026 17:00" in to_sofie.body_html
    assert "meerjarenplan" not in to_sofie.body_html
    state = stukken.state(meeting_id)
    assert [r.state for r in state.requests] == [StukState.REQUESTED] * 3
    assert state.text() == "0/3 binnen"

    # Sofie's secretary answers in the same conversation, with the nota attached.
    assert to_sofie.saved_item_id is not None
    conversation = mailbox.get(to_sofie.saved_item_id).conversation_id
    reply = mailbox.add_message(
        "inbox", "RE: Stukken voor MAT van 01/12/2026",
        sender=("Lien Maes", "lien.maes@kortrijk.be"), received=NOW + timedelta(hours=1),
        attachments=[("Nota personeelsplan.pdf", b"%PDF-1.4 nota", "application/pdf")])
    mailbox.get(reply).conversation_id = conversation
    # Jan answers from his own address in a new mail.
    from_jan = mailbox.add_message(
        "inbox", "MJP", sender=JAN, received=NOW + timedelta(hours=2),
        attachments=[("AMJP.xlsx", b"PK xlsx", "application/vnd.ms-excel")])
    assert mailbox_round.run(TaskContext()).ok
    with store.session() as s:
        reply_id = s.scalar(select(Mail.id).where(Mail.exchange_id == reply))
        jan_id = s.scalar(select(Mail.id).where(Mail.exchange_id == from_jan))
        nota_id = s.scalar(select(Attachment.id).where(Attachment.mail_id == reply_id))
    assert reply_id and jan_id and nota_id

    candidates = stukken.candidates(reply_id)
    assert [(c.item_title, c.by_conversation) for c in candidates] == [
        ("Personeelsplan 2027", True), ("Telewerkbeleid", True)]
    assert [c.item_title for c in stukken.candidates(jan_id)] == ["Aanpassing meerjarenplan"]

    with pytest.raises(UserFacingError, match="nog niet opgehaald"):
        stukken.link(candidates[0].request_id, reply_id, nota_id)
    mailbox_round.fetch_attachment(nota_id)  # the sync worker's thread fetches the content
    linked = stukken.link(candidates[0].request_id, reply_id, nota_id)
    assert Path(linked.saved_path).read_bytes() == b"%PDF-1.4 nota"
    with store.session() as s:
        request = s.get(DocumentRequest, candidates[0].request_id)
        assert request is not None
        assert (request.received_mail_id, request.received_attachment_id) == (reply_id, nota_id)
        assert request.saved_path == linked.saved_path
        assert s.scalar(select(MailLink.target_id).where(
            MailLink.mail_id == reply_id,
            MailLink.target_kind == LinkKind.DOCUMENT_REQUEST)) == request.id
    assert stukken.state(meeting_id).text() == "1/3 binnen"
    assert [c.item_title for c in stukken.candidates(reply_id)] == ["Telewerkbeleid"]

    # Undo: open again, link and kept copy gone; then linked again for good.
    stukken.unlink(linked.request_id)
    assert not Path(linked.saved_path).exists()
    assert stukken.state(meeting_id).text() == "0/3 binnen"
    with store.session() as s:
        assert s.scalar(select(MailLink.id).where(MailLink.mail_id == reply_id)) is None
    stukken.link(candidates[0].request_id, reply_id, nota_id)

    # Friday: the deadline (Thursday 17:00) passed for the two still open.
    clock.moment = datetime(2026, 11, 27, 9, 0, tzinfo=BRUSSELS)
    assert stukken.state(meeting_id).text() == "1/3 binnen, 2 te laat"
    sent_before = len(mailbox.sent)
    assert stukken.remind_late(meeting_id)
    assert not stukken.remind_late(meeting_id)  # not twice the same day
    assert mailbox_round.run(TaskContext()).ok
    reminders = {m.to[0].email: m for m in mailbox.sent[sent_before:]}
    assert sorted(reminders) == [JAN[1], SOFIE[1]]
    assert reminders[SOFIE[1]].subject == "Herinnering: Stukken voor MAT van 01/12/2026"
    assert "Telewerkbeleid" in reminders[SOFIE[1]].body_html
    assert "Personeelsplan" not in reminders[SOFIE[1]].body_html  # that one came in
    with store.session() as s:
        reminded = s.scalars(select(DocumentRequest.reminded_at)
                             .where(DocumentRequest.reminded_at.is_not(None))).all()
    assert len(reminded) == 2

    clock.moment = datetime(2026, 11, 30, 9, 0, tzinfo=BRUSSELS)  # the next working day
    assert stukken.remind_late(meeting_id)


def test_a_request_without_an_address_is_refused_in_dutch(
        world: tuple[StukkenService, MailboxRound], store: Store) -> None:
    stukken, _ = world
    meeting_id = make_meeting(store)
    with store.session_factory.begin() as s:
        for person in s.scalars(select(Person)):
            person.email = ""
    with pytest.raises(UserFacingError, match="Geen mailadres voor Sofie Declercq"):
        stukken.request(meeting_id, stukken.proposals(meeting_id))
    assert stukken.state(meeting_id).requests == ()

