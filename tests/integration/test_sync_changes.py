"""The pull says, page by page, which mails and appointments it created, updated
and removed, so an open list can insert, update or remove those rows without a
reset. Real exchangelib against the sandbox."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from kortrijk_cockpit.changes import Changes
from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.domain import CalendarEvent, Mail
from kortrijk_cockpit.exchange.ews import EwsBackend
from kortrijk_cockpit.exchange.sync import SyncEngine, SyncOptions
from kortrijk_cockpit.sandbox import Mailbox
from kortrijk_cockpit.store import Store
from tests.integration.exchange_fixtures import NOW

SENDER = ("Els Vandamme", "els.vandamme@kortrijk.be")


def test_each_page_announces_the_rows_it_wrote(
        store: Store, backend: EwsBackend, mailbox: Mailbox, clock: FixedClock) -> None:
    items = [mailbox.add_message("inbox", subject=f"Nota {n}", sender=SENDER,
                                 received=NOW - timedelta(minutes=n)) for n in range(7)]
    mailbox.add_event("MAT", NOW + timedelta(days=1), NOW + timedelta(days=1, hours=2))
    heard: list[Changes] = []
    engine = SyncEngine(store.session_factory, backend, clock, SyncOptions(page_size=3),
                        announce=heard.append)

    report = engine.sync()

    with store.session() as s:
        mail_ids = set(s.scalars(select(Mail.id)))
        event_ids = set(s.scalars(select(CalendarEvent.id)))
    created_per_page = [c.mails.created for c in heard if c.mails.created]
    assert [len(p) for p in created_per_page] == [3, 3, 1]  # as each page was committed
    assert set().union(*created_per_page) == mail_ids
    assert report.changes.mails.created == mail_ids
    assert report.changes.events.created == event_ids and len(event_ids) == 1

    # Later: one mail changed in Outlook, one deleted; only those two are named.
    mailbox.update_item(items[0], categories=["MAT"])
    mailbox.delete_item(items[1])
    with store.session() as s:
        changed, gone = (s.scalar(select(Mail.id).where(Mail.exchange_id == i))
                         for i in items[:2])
    heard.clear()
    report = engine.sync()
    assert report.changes.mails.updated >= {changed}
    assert report.changes.mails.removed == {gone}
    assert not report.changes.mails.created
    assert report.changes.mails.all <= {changed, gone}  # no other mail named
    merged = Changes()
    for step in heard:
        assert step  # nothing empty is announced
        merged |= step
    assert merged == report.changes  # the pages together are what the round reports


def test_a_quiet_round_announces_nothing(
        store: Store, backend: EwsBackend, mailbox: Mailbox, clock: FixedClock) -> None:
    """Otherwise every idle round would make the views reload."""
    mailbox.add_message("inbox", subject="Nota", sender=SENDER, received=NOW)
    engine = SyncEngine(store.session_factory, backend, clock)
    engine.sync()
    heard: list[Changes] = []
    quiet = SyncEngine(store.session_factory, backend, clock, announce=heard.append).sync()
    assert not quiet.changes and heard == []
