"""Reminders to owners through the sandbox (real exchangelib): one mail per owner listing
their open points that come back at the meeting, not twice the same day. SQLite and
PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from kortrijk_cockpit.clock import BRUSSELS, FixedClock
from kortrijk_cockpit.config import Paths
from kortrijk_cockpit.domain import (
    ActionPoint,
    ActionStatus,
    AuditEntry,
    Meeting,
    MeetingSeries,
    Person,
)
from kortrijk_cockpit.exchange.ews import EwsBackend
from kortrijk_cockpit.exchange.round import MailboxRound
from kortrijk_cockpit.sandbox import Mailbox, SandboxServer
from kortrijk_cockpit.services.carry_over import CarryOverService
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.task_context import TaskContext
from tests.integration.exchange_fixtures import settings_for

SOFIE = ("Sofie Declercq", "sofie.declercq@kortrijk.be")
JAN = ("Jan Vercruysse", "jan.vercruysse@kortrijk.be")
HELD = datetime(2026, 11, 17, 9, 0, tzinfo=BRUSSELS)  # last week's MAT
NEXT = datetime(2026, 12, 1, 9, 0, tzinfo=BRUSSELS)  # NOW is Monday 23/11


@pytest.fixture
def mailbox_round(store: Store, sandbox: SandboxServer, mailbox: Mailbox, clock: FixedClock,
                  paths: Paths) -> Iterator[MailboxRound]:
    mailbox_round = MailboxRound(lambda: EwsBackend(settings_for(sandbox, mailbox),
                                                    sandbox.password),
                                 store.session_factory, clock, attachments_root=paths.attachments)
    yield mailbox_round
    mailbox_round.close()


def make_points(store: Store) -> int:
    with store.session_factory.begin() as s:
        sofie = Person(full_name=SOFIE[0], email=SOFIE[1], is_internal=True)
        s.add_all([sofie, Person(full_name=JAN[0], email=JAN[1], is_internal=True)])
        series = MeetingSeries(code="MAT", name="Managementteam")
        held = Meeting(series=series, title="MAT", starts_at=HELD,
                       ends_at=HELD + timedelta(hours=2))
        coming = Meeting(series=series, title="MAT", starts_at=NEXT,
                         ends_at=NEXT + timedelta(hours=2))
        s.add_all([held, coming])
        s.flush()
        s.add_all([
            ActionPoint(title="Nota telewerk herwerken", owner_name=SOFIE[0],
                        owner_person_id=sofie.id, origin_meeting_id=held.id,
                        due_date=date(2026, 11, 27)),
            ActionPoint(title="Personeelsplan 2027 afronden", owner_name=SOFIE[0],
                        origin_meeting_id=held.id, status=ActionStatus.IN_PROGRESS),
            ActionPoint(title="Meerjarenplan aanpassen", owner_name=JAN[0],
                        origin_meeting_id=held.id),
            ActionPoint(title="Offerte drukwerk", owner_name=JAN[0],
                        origin_meeting_id=held.id, status=ActionStatus.DONE),
            ActionPoint(title="Verslag nalezen", owner_name="Onbekende Collega",
                        origin_meeting_id=held.id),
        ])
        return coming.id


def test_one_reminder_per_owner_listing_their_points_arrives_once_a_day(
        store: Store, mailbox: Mailbox, mailbox_round: MailboxRound, clock: FixedClock) -> None:
    meeting_id = make_points(store)
    carry = CarryOverService(store.session_factory, clock, director_name="Hilde Vanthuyne")

    reminded = carry.remind_owners(meeting_id)
    assert sorted(reminded.owners) == [JAN[1], SOFIE[1]]
    assert reminded.without_address == ("Onbekende Collega",)
    assert len(reminded.changes.outbox.created) == 2
    assert not carry.remind_owners(meeting_id).changes  # not twice the same day
    assert mailbox_round.run(TaskContext()).ok

    by_owner = {m.to[0].email: m for m in mailbox.sent}
    assert sorted(by_owner) == [JAN[1], SOFIE[1]]
    to_sofie, to_jan = by_owner[SOFIE[1]], by_owner[JAN[1]]
    assert to_sofie.subject == "Opvolging actiepunten voor MAT van 01/12/2026"
    assert "Beste Sofie" in to_sofie.body_html
    assert "Nota telewerk herwerken" in to_sofie.body_html
    assert "deadline 27/11/2026" in to_sofie.body_html
    assert "uit MAT van 17/11/2026" in to_sofie.body_html
    assert "Personeelsplan 2027 afronden" in to_sofie.body_html
    assert "Meerjarenplan" not in to_sofie.body_html
    assert "Meerjarenplan aanpassen" in to_jan.body_html
    assert "Offerte drukwerk" not in to_jan.body_html  # done: it does not come back
    with store.session() as s:
        audited = s.scalars(select(AuditEntry.entity_id)
                            .where(AuditEntry.action == "action_point_reminded")).all()
        assert len(audited) == 3

    # The next day: reminded again, now only what is still open.
    with store.session_factory.begin() as s:
        point = s.scalar(select(ActionPoint).where(ActionPoint.title.like("Meerjarenplan%")))
        assert point is not None
        point.status = ActionStatus.DONE
    clock.moment += timedelta(days=1)
    assert carry.remind_owners(meeting_id).owners == (SOFIE[1],)
