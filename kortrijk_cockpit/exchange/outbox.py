"""Push: the outbox -> Exchange, in order, with back-off.

Entries are pushed oldest first. A transient failure (offline, throttled)
stops the round and schedules a retry, so later entries never overtake an
earlier one. A stale change key is resolved by re-reading the item: if
Outlook changed other fields, ours is reapplied on the fresh change key; if
Outlook changed the same field, the entry becomes a conflict for the user to
settle in "Uitgaand". A change made in Outlook is never silently overwritten.

What each kind does is defined once in `outbox_kinds.py`; this module only
keeps the order, the retries and the bookkeeping. A write whose answer may
have been lost marks its entry uncertain, and the next attempt asks Exchange
what happened first (exactly once).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kortrijk_cockpit.changes import NOTHING, Changes, Kind
from kortrijk_cockpit.clock import Clock
from kortrijk_cockpit.domain import (
    AuditEntry,
    CalendarEvent,
    Mail,
    OutboxEntry,
    OutboxStatus,
)
from kortrijk_cockpit.exchange.backend import MailboxBackend
from kortrijk_cockpit.exchange.errors import (
    AccessDenied,
    AuthenticationFailed,
    BackendError,
    ItemConflict,
    ItemGone,
    Offline,
    SendDenied,
    Throttled,
)
from kortrijk_cockpit.exchange.outbox_kinds import (
    ItemRef,
    KindSpec,
    OutboxConflict,
    Payload,
    Pushed,
    lock_entries,
    new_marker,
    row_of,
    spec_of,
)
from kortrijk_cockpit.store.database import store_errors
from kortrijk_cockpit.task_context import TaskContext

log = logging.getLogger(__name__)

BACKOFF_SECONDS = (15, 60, 300, 900, 3600)
MAX_ATTEMPTS = 8


@dataclass
class PushReport:
    pushed: int = 0
    conflicts: int = 0
    failed: int = 0
    retry_at: datetime | None = None
    changes: Changes = field(default=NOTHING)

    def touched(self, entry: OutboxEntry, row: Mail | CalendarEvent | None = None) -> None:
        self.changes |= Changes.of(Kind.OUTBOX, updated=[entry.id])
        if isinstance(row, Mail):
            self.changes |= Changes.of(Kind.MAIL, updated=[row.id])
        elif isinstance(row, CalendarEvent):
            self.changes |= Changes.of(Kind.EVENT, updated=[row.id])


@dataclass(frozen=True)
class _Prepared:
    """One entry, read (and marked) for its write."""

    spec: KindSpec
    payload: Payload
    ref: ItemRef | None
    row: Mail | CalendarEvent | None  # read only; readable after its session (no expiry)


def backoff(attempts: int) -> timedelta:
    return timedelta(seconds=BACKOFF_SECONDS[min(attempts, len(BACKOFF_SECONDS) - 1)])


def _locked(s: Session, entry_id: int) -> OutboxEntry | None:
    """The entry, read after taking its write lock (see `lock_entries`); None when the
    user discarded it meanwhile."""
    lock_entries(s, OutboxEntry.id == entry_id)
    return s.get(OutboxEntry, entry_id, populate_existing=True)


class OutboxPusher:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        backend: MailboxBackend,
        clock: Clock,
        *,
        ctx: TaskContext | None = None,
    ) -> None:
        self._sessions = sessions
        self._backend = backend
        self._clock = clock
        self._ctx = ctx or TaskContext()

    def push(self) -> PushReport:
        """One round; a store failure (full disk) ends it as a Dutch StoreError."""
        with store_errors(self._sessions):
            return self._push()

    def _push(self) -> PushReport:
        report = PushReport()
        while not self._ctx.cancelled:
            with self._sessions() as s:
                entry = s.scalar(select(OutboxEntry)
                                 .where(OutboxEntry.status == OutboxStatus.PENDING)
                                 .order_by(OutboxEntry.id).limit(1))
            if entry is None:
                return report
            now = self._clock.now()
            if entry.next_attempt_at and entry.next_attempt_at > now:
                report.retry_at = entry.next_attempt_at
                return report
            try:
                job = self._prepare(entry.id)  # an unknown kind fails just this entry
                if job is None:
                    continue  # discarded while it waited
                self._finish(entry.id, job, self._write(job), report)
                report.pushed += 1
            except (Offline, Throttled) as exc:  # only the write raises these: `job` is set
                self._postpone(entry.id, exc, report, sent=job.payload)
                return report
            except AuthenticationFailed:
                raise  # nothing will get through: the caller asks for new credentials
            except ItemConflict as exc:
                self._conflict(entry.id, exc, report)
                report.conflicts += 1
            except BackendError as exc:
                if self._fail_or_postpone(entry.id, exc, report):
                    report.failed += 1
                else:
                    return report
        return report

    # -- one entry -----------------------------------------------------------------
    def _prepare(self, entry_id: int) -> _Prepared | None:
        with self._sessions.begin() as s:
            entry = s.get(OutboxEntry, entry_id)
            if entry is None:
                return None
            spec = spec_of(entry.kind)
            payload = Payload.load(entry.payload)
            if spec.creates:
                # Marked before the first write, so a lost answer can be looked up; and
                # stored as uncertain till `_finish` records the answer: should storing
                # it fail (a locked or full store) after Exchange took the write, the
                # next attempt looks the item up instead of sending it twice.
                payload = payload.replace(marker=payload.marker or new_marker())
                entry.payload = payload.replace(uncertain=True).dump()
            row = row_of(s, spec, entry)
            ref = ItemRef(row.exchange_id, row.change_key or "") \
                if row is not None and row.exchange_id else None
            return _Prepared(spec, payload, ref, row)

    def _write(self, job: _Prepared) -> Pushed:
        """After an uncertain attempt, first what Exchange already did; else the write."""
        pushed = job.spec.recover(self._backend, job.ref, job.payload, job.row) \
            if job.payload.uncertain else None
        return pushed or job.spec.push(self._backend, job.ref, job.payload, job.row)

    def _finish(self, entry_id: int, job: _Prepared, pushed: Pushed,
                report: PushReport) -> None:
        spec, sent = job.spec, job.payload
        with self._sessions.begin() as s:
            entry = _locked(s, entry_id)
            if entry is None:
                return  # discarded meanwhile: what Exchange has now shows at the next pull
            now = Payload.load(entry.payload)
            if spec.merges and now.values != sent.values:
                # The user changed it again while it was being pushed: what we pushed
                # is now Exchange's state, and the newer value still has to go.
                entry.payload = now.replace(before=sent.values, uncertain=False,
                                            attempted=None, force=False).dump()
            else:
                entry.status = OutboxStatus.DONE
                entry.payload = now.replace(uncertain=False, attempted=None).dump()
            entry.attempts += 1
            entry.last_error = ""
            entry.next_attempt_at = None
            row = row_of(s, spec, entry)
            if row is not None and entry.status == OutboxStatus.DONE:
                spec.settle(row, now, self._clock.now())
            if row is not None:
                if pushed.exchange_id is not None:
                    row.exchange_id = pushed.exchange_id
                if pushed.change_key is not None:
                    row.change_key = pushed.change_key
            s.add(AuditEntry(action=f"pushed:{entry.kind}", entity=spec.target.value,
                             entity_id=row.id if row is not None else None,
                             detail={"outbox_entry": entry.id}))  # "verstuurd at" in send logs
            report.touched(entry, row)

    def _conflict(self, entry_id: int, exc: ItemConflict, report: PushReport) -> None:
        with self._sessions.begin() as s:
            entry = _locked(s, entry_id)
            if entry is None:
                return
            spec = spec_of(entry.kind)
            payload = Payload.load(entry.payload)
            entry.status = OutboxStatus.CONFLICT
            entry.last_error = exc.user_message
            row = row_of(s, spec, entry)
            if isinstance(exc, OutboxConflict):
                if exc.server is not None:
                    entry.payload = payload.replace(server=dict(exc.server), uncertain=False,
                                                    attempted=None).dump()
                if exc.change_key is not None and row is not None:
                    row.change_key = exc.change_key
            report.touched(entry, row)

    def _postpone(self, entry_id: int, exc: BackendError, report: PushReport, *,
                  sent: Payload) -> None:
        with self._sessions.begin() as s:
            entry = _locked(s, entry_id)
            if entry is None:
                return
            if isinstance(exc, Offline):
                # The request may have reached Exchange before the line dropped: the
                # next attempt asks what happened first, knowing what this one carried.
                entry.payload = Payload.load(entry.payload).replace(
                    uncertain=True, attempted=dict(sent.values)).dump()
            wait = (timedelta(seconds=exc.wait_seconds) if isinstance(exc, Throttled)
                    else backoff(entry.attempts))
            entry.attempts += 1
            entry.next_attempt_at = self._clock.now() + wait
            entry.last_error = exc.user_message
            report.retry_at = entry.next_attempt_at
            report.touched(entry)

    def _fail_or_postpone(self, entry_id: int, exc: BackendError, report: PushReport) -> bool:
        """Permanent errors fail the entry; True when it failed (the round goes on)."""
        with self._sessions.begin() as s:
            entry = _locked(s, entry_id)
            if entry is None:
                return False
            entry.attempts += 1
            entry.last_error = exc.user_message
            permanent = isinstance(exc, ItemGone | SendDenied | AccessDenied) or \
                entry.attempts >= MAX_ATTEMPTS
            if permanent:
                entry.status = OutboxStatus.FAILED
            else:
                entry.next_attempt_at = self._clock.now() + backoff(entry.attempts)
            log.warning("outbox entry %s (%s): %s", entry_id, entry.kind, type(exc).__name__)
            report.touched(entry)
            return permanent

