"""--demo: the bezoek and rondleiding come from the sandbox calendar through the real
sync (exchangelib over HTTP); after that first round their checklists are made,
partly done, once (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator

import exchangelib
import pytest

from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.demo_office.calendar import TOUR_SUBJECT, VISIT_SUBJECT
from kortrijk_cockpit.exchange.ews import EwsBackend
from kortrijk_cockpit.exchange.sync import SyncEngine, SyncOptions
from kortrijk_cockpit.sandbox import SandboxServer, demo_mailbox
from kortrijk_cockpit.services.demo_data import seed_demo, seed_demo_visits
from kortrijk_cockpit.services.visits import VisitService
from kortrijk_cockpit.store import Store
from tests.integration.exchange_fixtures import NOW, settings_for

MORNING = NOW.replace(hour=8)


@pytest.fixture
def demo_server() -> Iterator[SandboxServer]:
    with SandboxServer(demo_mailbox(mails=10, events=60, now=MORNING)) as server:
        yield server
    exchangelib.close_connections()


def test_the_demo_visits_get_their_checklists_after_the_first_sync(
        store: Store, demo_server: SandboxServer) -> None:
    seed_demo(store.session_factory, NOW.date(), with_mailbox=False)
    assert not seed_demo_visits(store.session_factory, NOW.date())  # nothing synced yet
    backend = EwsBackend(settings_for(demo_server, demo_server.mailbox), demo_server.password)
    try:
        SyncEngine(store.session_factory, backend, FixedClock(NOW), SyncOptions()).sync()
    finally:
        backend.close()

    assert seed_demo_visits(store.session_factory, NOW.date())
    rows = VisitService(store.session_factory, FixedClock(NOW)).open_items()
    assert {r.context for r in rows if not r.is_action_point} == {
        f"Bezoek: {VISIT_SUBJECT}", f"Rondleiding: {TOUR_SUBJECT}"}
    assert len([r for r in rows if VISIT_SUBJECT in r.context]) == 6  # two of eight done
    assert not seed_demo_visits(store.session_factory, NOW.date())


def test_the_demo_fiches_belong_to_their_appointments_after_the_first_sync(
        store: Store, demo_server: SandboxServer) -> None:
    from sqlalchemy import select

    from kortrijk_cockpit.domain import Brief

    seed_demo(store.session_factory, NOW.date(), with_mailbox=False)
    backend = EwsBackend(settings_for(demo_server, demo_server.mailbox), demo_server.password)
    try:
        SyncEngine(store.session_factory, backend, FixedClock(NOW), SyncOptions()).sync()
    finally:
        backend.close()
    seed_demo_visits(store.session_factory, NOW.date())
    with store.session() as s:
        briefs = s.scalars(select(Brief)).all()
        assert briefs and all(b.calendar_event_id is not None for b in briefs)
