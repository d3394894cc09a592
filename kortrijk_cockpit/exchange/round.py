"""One mailbox round: push the outbox, then pull. Qt-free.

The sync worker (GUI) and `sync --once` (headless) both run rounds through
`MailboxRound`, so what a round does and how each failure ends it is written
once. The round owns the backend: made on first use, kept between rounds
(one EWS session), closed and dropped when the server is unreachable or the
sign-in is refused (the next round starts afresh), closed at shutdown.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from kortrijk_cockpit.changes import NOTHING, Changes
from kortrijk_cockpit.clock import Clock
from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.exchange.attachments import AttachmentSaver
from kortrijk_cockpit.exchange.backend import MailboxBackend
from kortrijk_cockpit.exchange.errors import AuthenticationFailed, Offline, Throttled
from kortrijk_cockpit.exchange.outbox import OutboxPusher, PushReport
from kortrijk_cockpit.exchange.records import BusyBlock
from kortrijk_cockpit.exchange.sync import SyncEngine, SyncOptions, SyncReport
from kortrijk_cockpit.task_context import TaskContext

log = logging.getLogger(__name__)

# How many "server busy" waits one round sits out before it gives up until the next round.
MAX_THROTTLE_WAITS = 5


class RoundStatus(StrEnum):
    SYNCED = "synced"  # also a round the user cancelled mid-way: what it did is kept
    OFFLINE = "offline"
    THROTTLED = "throttled"  # still busy after the waits, or a wait was cancelled
    SIGN_IN = "sign_in"
    ERROR = "error"


@dataclass(frozen=True)
class RoundOutcome:
    status: RoundStatus
    message: str = ""  # Dutch, for the status bar or stderr; empty when synced
    push: PushReport | None = None
    sync: SyncReport | None = None

    @property
    def ok(self) -> bool:
        return self.status is RoundStatus.SYNCED

    @property
    def changes(self) -> Changes:
        """Everything the round wrote (each part was announced as it was committed)."""
        return (self.push.changes if self.push else NOTHING) | \
            (self.sync.changes if self.sync else NOTHING)


# Told before each throttling wait: the server's Dutch message and the seconds to wait.
OnWait = Callable[[str, float], None]


def _ignore_wait(_message: str, _seconds: float) -> None:
    return None


def _ignore_resume() -> None:
    return None


def _ignore_changes(_changes: Changes) -> None:
    return None


class MailboxRound:
    """Push then pull against one mailbox; call from one thread only (the backend's)."""

    def __init__(self, make_backend: Callable[[], MailboxBackend],
                 sessions: sessionmaker[Session], clock: Clock,
                 options: SyncOptions | None = None, *,
                 attachments_root: Path | None = None) -> None:
        self._make_backend = make_backend
        self._sessions = sessions
        self._clock = clock
        self._options = options or SyncOptions()
        self._attachments_root = attachments_root  # Paths.attachments
        self._backend: MailboxBackend | None = None

    def run(self, ctx: TaskContext, *, on_wait: OnWait = _ignore_wait,
            on_resume: Callable[[], None] = _ignore_resume,
            on_changes: Callable[[Changes], None] = _ignore_changes) -> RoundOutcome:
        """One round; an expected failure is returned as the outcome, never raised.

        `on_wait` is told before a throttling wait, `on_resume` when the round
        tries again after it (the status bar shows both); `on_changes` gets what
        each committed step wrote (the push as a whole, then each sync page), so
        lists update while the round goes on.
        """
        waits = 0
        while True:
            try:
                push, sync = self._push_then_pull(ctx, on_changes)
            except Throttled as exc:
                if waits == MAX_THROTTLE_WAITS:
                    return RoundOutcome(RoundStatus.THROTTLED, exc.user_message)
                waits += 1
                log.info("Exchange busy, waiting %.0f s", exc.wait_seconds)
                on_wait(exc.user_message, exc.wait_seconds)
                if ctx.wait(exc.wait_seconds):
                    return RoundOutcome(RoundStatus.THROTTLED, exc.user_message)
                on_resume()
                continue
            except (Offline, AuthenticationFailed) as exc:
                self.close()  # the next round starts a new session (new address, new sign-in)
                status = RoundStatus.OFFLINE if isinstance(exc, Offline) else RoundStatus.SIGN_IN
                return RoundOutcome(status, exc.user_message)
            except UserFacingError as exc:  # the server refused, or the store (a full disk)
                log.warning("round failed: %s (%s)", exc.user_message, exc.detail)
                return RoundOutcome(RoundStatus.ERROR, exc.user_message)
            return RoundOutcome(RoundStatus.SYNCED, push=push, sync=sync)

    def _push_then_pull(self, ctx: TaskContext, on_changes: Callable[[Changes], None]
                        ) -> tuple[PushReport, SyncReport]:
        backend = self._session(ctx, on_changes)
        # Push first: the pull then reads a mailbox that already holds the user's changes.
        push = OutboxPusher(self._sessions, backend, self._clock, ctx=ctx).push()
        if push.changes:
            on_changes(push.changes)
        sync = SyncEngine(self._sessions, backend, self._clock, self._options,
                          ctx=ctx, announce=on_changes).sync()
        return push, sync

    def _session(self, ctx: TaskContext | None = None,
                 on_changes: Callable[[Changes], None] = _ignore_changes) -> MailboxBackend:
        """The round's backend, made on first use; kept only once the store speaks its ids."""
        if self._backend is None:
            backend = self._make_backend()
            try:
                self._adopt_protocol(backend, ctx or TaskContext(), on_changes)
            except BaseException:
                backend.close()
                raise
            self._backend = backend
        return self._backend

    def _adopt_protocol(self, backend: MailboxBackend, ctx: TaskContext,
                        on_changes: Callable[[Changes], None]) -> None:
        """A store synced over EWS gets Graph's ids before its first Graph round (the
        profile was switched); once switched, it cannot go back to EWS without losing
        its links, so an EWS round refuses."""
        from kortrijk_cockpit.exchange.switch import already_switched, switch_to_graph

        translator = getattr(backend, "translate_ids", None)
        if translator is not None:
            switch_to_graph(self._sessions, backend, ctx=ctx,  # type: ignore[arg-type]
                            announce=on_changes)
            return
        with self._sessions() as s:
            switched = already_switched(s)
        if switched:
            raise UserFacingError(
                "Deze gegevens werden omgezet naar Microsoft 365 (Graph). Kies in Verbinding "
                "met Exchange opnieuw Microsoft 365 (Graph): terug naar EWS zou de koppelingen "
                "met mails en afspraken verliezen.")

    def fetch_attachment(self, attachment_id: int) -> Path:
        """An attachment's content on disk, fetched over this round's session if not there yet.

        Called on the round's thread, between rounds. Raises UserFacingError (Dutch).
        """
        if self._attachments_root is None:
            raise UserFacingError("Bijlagen kunnen hier niet worden opgehaald: er is geen map "
                                  "voor bijlagen ingesteld.")
        try:
            return AttachmentSaver(self._sessions, self._attachments_root).save(
                self._session(), attachment_id)
        except (Offline, AuthenticationFailed):
            self.close()  # as after a round: the next use starts a new session
            raise

    def free_busy(self, addresses: list[str], start: datetime,
                  end: datetime) -> dict[str, list[BusyBlock]]:
        """Free/busy over this round's session ("Zoek een moment"), on the round's thread."""
        try:
            return self._session().free_busy(addresses, start, end)
        except (Offline, AuthenticationFailed):
            self.close()  # as after a round: the next use starts a new session
            raise

    def close(self) -> None:
        """Close the backend's session; a later round makes a new one."""
        backend, self._backend = self._backend, None
        if backend is not None:
            backend.close()
