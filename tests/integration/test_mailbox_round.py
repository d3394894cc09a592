"""One mailbox round, as the sync worker and `sync --once` run it: real exchangelib
against the sandbox, each way a round can end."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest
from sqlalchemy import select

from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.domain import Mail
from kortrijk_cockpit.exchange.backend import MailboxBackend
from kortrijk_cockpit.exchange.backends import open_backend
from kortrijk_cockpit.exchange.ews import EwsSettings
from kortrijk_cockpit.exchange.graph.settings import GraphSettings, StaticToken
from kortrijk_cockpit.exchange.round import MAX_THROTTLE_WAITS, MailboxRound, RoundStatus
from kortrijk_cockpit.sandbox import Mailbox, SandboxServer
from kortrijk_cockpit.services.triage import TriageService
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.task_context import TaskContext
from tests.integration.exchange_fixtures import NOW, graph_settings_for, settings_for

SENDER = ("Els Vandamme", "els.vandamme@kortrijk.be")


class Sessions:
    """Real backends (EWS or Graph), counted: each one is a new session with the server."""

    def __init__(self, sandbox: SandboxServer, mailbox: Mailbox, protocol: str = "ews") -> None:
        self.settings: EwsSettings | GraphSettings = (
            graph_settings_for(sandbox, mailbox) if protocol == "graph"
            else settings_for(sandbox, mailbox))
        # The password, or Graph's bearer token: `wrong()` and `right()` swap it.
        self.good = sandbox.graph_token if protocol == "graph" else sandbox.password
        self.password = self.good
        self.made = 0

    def __call__(self) -> MailboxBackend:
        self.made += 1
        if isinstance(self.settings, GraphSettings):
            return open_backend(self.settings, StaticToken(self.password))
        return open_backend(self.settings, self.password)


def make_round(sessions: Callable[[], MailboxBackend], store: Store,
               clock: FixedClock) -> MailboxRound:
    return MailboxRound(sessions, store.session_factory, clock)


@pytest.mark.both_protocols
def test_a_round_pushes_the_outbox_then_pulls(store: Store, sandbox: SandboxServer,
                                              mailbox: Mailbox, clock: FixedClock,
                                              protocol: str) -> None:
    item = mailbox.add_message("inbox", subject="Nota BBC", sender=SENDER, received=NOW)
    sessions = Sessions(sandbox, mailbox, protocol)
    mailbox_round = make_round(sessions, store, clock)
    try:
        assert mailbox_round.run(TaskContext()).sync.created == 1  # type: ignore[union-attr]
        with store.session() as s:
            # By subject: Graph's REST ids are not the EWS ids the sandbox hands out.
            mail_id = s.scalar(select(Mail.id).where(Mail.subject == "Nota BBC"))
        assert mail_id is not None
        TriageService(store.session_factory).mark_read(mail_id)
        mailbox.add_message("inbox", subject="Personeelsplan", sender=SENDER, received=NOW)

        outcome = mailbox_round.run(TaskContext())
    finally:
        mailbox_round.close()
    assert outcome.status is RoundStatus.SYNCED and outcome.message == ""
    assert outcome.push is not None and outcome.push.pushed == 1
    assert outcome.sync is not None and outcome.sync.created == 1
    assert mailbox.get(item).is_read  # the change reached Exchange
    with store.session() as s:
        assert sorted(s.scalars(select(Mail.subject))) == ["Nota BBC", "Personeelsplan"]
        assert s.scalar(select(Mail.is_read).where(Mail.id == mail_id))  # the pull kept it
    assert sessions.made == 1  # one session for both rounds


@pytest.mark.both_protocols
def test_offline_drops_the_session_and_the_next_round_starts_a_new_one(
        sqlite_store: Store, sandbox: SandboxServer, mailbox: Mailbox,
        clock: FixedClock, protocol: str) -> None:
    sessions = Sessions(sandbox, mailbox, protocol)
    mailbox_round = make_round(sessions, sqlite_store, clock)
    try:
        assert mailbox_round.run(TaskContext()).ok
        sandbox.faults.drop_connection(count=1)
        offline = mailbox_round.run(TaskContext())
        again = mailbox_round.run(TaskContext())
    finally:
        mailbox_round.close()
    assert offline.status is RoundStatus.OFFLINE
    assert "later verstuurd" in offline.message
    assert again.ok
    assert sessions.made == 2


@pytest.mark.both_protocols
def test_a_refused_sign_in_asks_for_it_and_a_new_password_is_used_next_round(
        sqlite_store: Store, sandbox: SandboxServer, mailbox: Mailbox,
        clock: FixedClock, protocol: str) -> None:
    mailbox.add_message("inbox", subject="Nota BBC", sender=SENDER, received=NOW)
    sessions = Sessions(sandbox, mailbox, protocol)
    sessions.password = "verkeerd"
    mailbox_round = make_round(sessions, sqlite_store, clock)
    try:
        refused = mailbox_round.run(TaskContext())
        sessions.password = sessions.good  # saved anew in the connection dialog
        again = mailbox_round.run(TaskContext())
    finally:
        mailbox_round.close()
    assert refused.status is RoundStatus.SIGN_IN
    # "Aanmelden bij Exchange is mislukt..." or "Aanmelden bij Microsoft 365 is mislukt...".
    assert refused.message.startswith("Aanmelden bij ") and " is mislukt" in refused.message
    assert again.ok and again.sync is not None and again.sync.created == 1


@pytest.mark.both_protocols
def test_a_busy_server_is_waited_out_and_each_wait_announced(
        sqlite_store: Store, sandbox: SandboxServer, mailbox: Mailbox,
        clock: FixedClock, protocol: str) -> None:
    mailbox.add_message("inbox", subject="Nota BBC", sender=SENDER, received=NOW)
    sandbox.faults.server_busy(count=2, backoff_ms=200)
    waits: list[tuple[str, float]] = []
    resumed: list[bool] = []
    mailbox_round = make_round(Sessions(sandbox, mailbox, protocol), sqlite_store, clock)
    try:
        outcome = mailbox_round.run(TaskContext(), on_wait=lambda m, s: waits.append((m, s)),
                                    on_resume=lambda: resumed.append(True))
    finally:
        mailbox_round.close()
    assert outcome.ok and outcome.sync is not None and outcome.sync.created == 1
    assert [seconds for _m, seconds in waits] == [0.2, 0.2]
    assert " is druk" in waits[0][0]  # "De Exchange-server is druk" / "Microsoft 365 is druk"
    assert resumed == [True, True]


@pytest.mark.both_protocols
def test_a_server_that_stays_busy_ends_the_round_throttled(
        sqlite_store: Store, sandbox: SandboxServer, mailbox: Mailbox,
        clock: FixedClock, protocol: str) -> None:
    sandbox.faults.server_busy(count=MAX_THROTTLE_WAITS + 1, backoff_ms=10)
    waits: list[float] = []
    mailbox_round = make_round(Sessions(sandbox, mailbox, protocol), sqlite_store, clock)
    try:
        outcome = mailbox_round.run(TaskContext(), on_wait=lambda _m, s: waits.append(s))
    finally:
        mailbox_round.close()
    assert outcome.status is RoundStatus.THROTTLED
    assert " is druk" in outcome.message
    assert len(waits) == MAX_THROTTLE_WAITS  # bounded: no endless retrying
    assert sandbox.faults.pending == 0


@pytest.mark.both_protocols
def test_cancelling_ends_a_long_throttling_wait_at_once(
        sqlite_store: Store, sandbox: SandboxServer, mailbox: Mailbox,
        clock: FixedClock, protocol: str) -> None:
    sandbox.faults.server_busy(count=1, backoff_ms=600_000)  # ten minutes
    ctx = TaskContext()
    mailbox_round = make_round(Sessions(sandbox, mailbox, protocol), sqlite_store, clock)
    try:
        # The user presses Cancel while the status bar counts down.
        outcome = mailbox_round.run(ctx, on_wait=lambda _m, _s: ctx.cancel())
    finally:
        mailbox_round.close()
    assert outcome.status is RoundStatus.THROTTLED


@pytest.mark.both_protocols
def test_a_refusal_by_the_server_ends_the_round_with_its_dutch_message(
        sqlite_store: Store, sandbox: SandboxServer, mailbox: Mailbox,
        clock: FixedClock, protocol: str) -> None:
    sessions = Sessions(sandbox, mailbox, protocol)
    sessions.settings = replace(sessions.settings, mailbox="onbekend@kortrijk.be")
    mailbox_round = make_round(sessions, sqlite_store, clock)
    try:
        outcome = mailbox_round.run(TaskContext())
    finally:
        mailbox_round.close()
    assert outcome.status is RoundStatus.ERROR
    assert outcome.message.startswith("Die mailbox bestaat niet ")  # op de server/in Microsoft 365
    assert outcome.sync is None
