"""Push: the outbox -> Exchange, in order, with back-off.

Entries are pushed oldest first. A transient failure (offline, throttled)
stops the round and schedules a retry, so later entries never overtake an
earlier one. A stale change key is resolved by re-reading the item: if
Outlook changed other fields, ours is reapplied on the fresh change key; if
Outlook changed the same field, the entry becomes a conflict for the user to
settle in "Uitgaand". A change made in Outlook is never silently overwritten.
"""

from __future__ import annotations

import base64
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kortrijk_cockpit.domain import (
    AuditEntry,
    CalendarEvent,
    FlagStatus,
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
from kortrijk_cockpit.exchange.records import (
    FlagUpdate,
    MailSummary,
    OutgoingAttachment,
    OutgoingMail,
)
from kortrijk_cockpit.clock import Clock
from kortrijk_cockpit.store.database import store_errors
from kortrijk_cockpit.task_context import TaskContext

log = logging.getLogger(__name__)

BACKOFF_SECONDS = (15, 60, 300, 900, 3600)
EVENT_KINDS = ("create_event", "update_event", "cancel_event")
MAX_ATTEMPTS = 8


@dataclass
class PushReport:
    pushed: int = 0
    conflicts: int = 0
    failed: int = 0
    retry_at: datetime | None = None


def _parse(moment: object) -> datetime | None:
    return datetime.fromisoformat(moment) if isinstance(moment, str) else None


def desired_value(kind: str, payload: dict[str, Any]) -> object:
    return {
        "set_categories": lambda: sorted(payload["categories"]),
        "set_read": lambda: payload["is_read"],
        "set_flag": lambda: (payload["status"], payload.get("due_at")),
    }[kind]()


def before_value(kind: str, payload: dict[str, Any]) -> object:
    before = payload.get("before", {})
    return {
        "set_categories": lambda: sorted(before.get("categories", [])),
        "set_read": lambda: before.get("is_read"),
        "set_flag": lambda: (before.get("status"), before.get("due_at")),
    }[kind]()


def server_value(kind: str, item: MailSummary) -> object:
    return {
        "set_categories": lambda: sorted(item.categories),
        "set_read": lambda: item.is_read,
        "set_flag": lambda: (item.flag_status.value,
                             item.flag_due_at.isoformat() if item.flag_due_at else None),
    }[kind]()


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
                self._push_one(entry.id)
                report.pushed += 1
            except (Offline, Throttled) as exc:
                self._postpone(entry.id, exc, report)
                return report
            except AuthenticationFailed:
                raise  # nothing will get through: the caller asks for new credentials
            except ItemConflict:
                report.conflicts += 1
            except BackendError as exc:
                if self._fail_or_postpone(entry.id, exc):
                    report.failed += 1
                else:
                    return report
        return report

    # -- one entry -----------------------------------------------------------------
    def _push_one(self, entry_id: int) -> None:
        with self._sessions() as s:
            entry = s.get(OutboxEntry, entry_id)
            assert entry is not None
            mail = s.get(Mail, entry.mail_id) if entry.mail_id else None
            kind, payload = entry.kind, dict(entry.payload)
            target = (mail.exchange_id or "", mail.change_key or "") if mail else None
        if kind == "send_mail":
            self._backend.send_mail(_outgoing(payload))
            self._finish(entry_id)
            return
        if kind in EVENT_KINDS:
            self._push_event(entry_id, kind, payload)
            return
        if target is None or not target[0]:
            raise ItemGone("De mail bestaat niet meer.")
        exchange_id, change_key = target
        if kind == "move":
            new_id = self._backend.move(exchange_id, str(payload["folder_exchange_id"]))
            self._finish(entry_id, exchange_id=new_id, change_key="")
            return
        if payload.get("force"):
            current = self._backend.item_summary(exchange_id)
            if current is None:
                raise ItemGone("De mail bestaat niet meer op de server.")
            change_key = current.change_key
        try:
            new_key = self._apply(kind, payload, exchange_id, change_key)
        except ItemConflict:
            new_key = self._resolve(entry_id, kind, payload, exchange_id)
        self._finish(entry_id, change_key=new_key, pushed=payload)

    def _push_event(self, entry_id: int, kind: str, payload: dict[str, Any]) -> None:
        from kortrijk_cockpit.services.calendar import payload_to_draft

        with self._sessions() as s:
            entry = s.get(OutboxEntry, entry_id)
            event = s.get(CalendarEvent, entry.event_id) if entry and entry.event_id else None
            target = (event.exchange_id or "", event.change_key or "") if event else ("", "")
        if kind == "create_event":
            new_id, new_key = self._backend.create_event(payload_to_draft(payload))
            self._finish(entry_id, event_ids=(new_id, new_key))
            return
        if not target[0]:
            raise ItemGone("De afspraak staat (nog) niet in Exchange.")
        try:
            if kind == "update_event":
                new_key = self._backend.update_event(*target, payload_to_draft(payload))
                self._finish(entry_id, event_ids=(target[0], new_key))
            else:
                self._backend.cancel_event(*target)
                self._finish(entry_id)
        except ItemConflict:
            with self._sessions.begin() as s:
                entry = s.get(OutboxEntry, entry_id)
                assert entry is not None
                entry.status = OutboxStatus.CONFLICT
                entry.last_error = "De afspraak werd intussen in Outlook gewijzigd."
            raise

    def _apply(self, kind: str, payload: dict[str, Any], exchange_id: str, change_key: str) -> str:
        if kind == "set_categories":
            return self._backend.set_categories(exchange_id, change_key, list(payload["categories"]))
        if kind == "set_read":
            return self._backend.set_read(exchange_id, change_key, bool(payload["is_read"]))
        if kind == "set_flag":
            flag = FlagUpdate(FlagStatus(payload["status"]), _parse(payload.get("due_at")))
            return self._backend.set_flag(exchange_id, change_key, flag)
        raise BackendError(f"Onbekende wijziging '{kind}' in de wachtrij.")

    def _resolve(self, entry_id: int, kind: str, payload: dict[str, Any], exchange_id: str) -> str:
        """The item changed on the server since we read it: reapply, or report a conflict."""
        current = self._backend.item_summary(exchange_id)
        if current is None:
            raise ItemGone("De mail bestaat niet meer op de server.")
        theirs = server_value(kind, current)
        if theirs == desired_value(kind, payload):
            return current.change_key  # Outlook already made the same change
        if theirs == before_value(kind, payload):
            # Outlook changed other fields only: ours still applies.
            return self._apply(kind, payload, exchange_id, current.change_key)
        with self._sessions.begin() as s:
            entry = s.get(OutboxEntry, entry_id)
            assert entry is not None
            entry.status = OutboxStatus.CONFLICT
            entry.payload = {**payload, "server": _jsonable(theirs)}
            entry.last_error = "Dit werd intussen ook in Outlook gewijzigd."
            mail = s.get(Mail, entry.mail_id) if entry.mail_id else None
            if mail is not None:
                mail.change_key = current.change_key
        raise ItemConflict("Dit werd intussen ook in Outlook gewijzigd.")

    def _finish(self, entry_id: int, *, exchange_id: str | None = None,
                change_key: str | None = None,
                event_ids: tuple[str, str] | None = None,
                pushed: dict[str, Any] | None = None) -> None:
        with self._sessions.begin() as s:
            entry = s.get(OutboxEntry, entry_id)
            assert entry is not None
            if pushed is not None and entry.payload != pushed:
                # The user changed it again while it was being pushed (triage merges
                # into a waiting entry): what we pushed is now Exchange's state, and
                # the newer value still has to go.
                entry.payload = {**entry.payload, "before": _values(pushed)}
            else:
                entry.status = OutboxStatus.DONE
            entry.attempts += 1
            entry.last_error = ""
            event = s.get(CalendarEvent, entry.event_id) if entry.event_id else None
            if event is not None and event_ids is not None:
                event.exchange_id, event.change_key = event_ids
            mail = s.get(Mail, entry.mail_id) if entry.mail_id else None
            if mail is not None:
                if exchange_id is not None:
                    mail.exchange_id = exchange_id
                if change_key is not None:
                    mail.change_key = change_key
            s.add(AuditEntry(action=f"pushed:{entry.kind}", entity="mail", entity_id=entry.mail_id))

    def _postpone(self, entry_id: int, exc: BackendError, report: PushReport) -> None:
        with self._sessions.begin() as s:
            entry = s.get(OutboxEntry, entry_id)
            assert entry is not None
            wait = (exc.wait_seconds if isinstance(exc, Throttled)
                    else BACKOFF_SECONDS[min(entry.attempts, len(BACKOFF_SECONDS) - 1)])
            entry.attempts += 1
            entry.next_attempt_at = self._clock.now() + timedelta(seconds=wait)
            entry.last_error = exc.user_message
            report.retry_at = entry.next_attempt_at

    def _fail_or_postpone(self, entry_id: int, exc: BackendError) -> bool:
        """Permanent errors fail the entry; True when it failed (the round goes on)."""
        with self._sessions.begin() as s:
            entry = s.get(OutboxEntry, entry_id)
            assert entry is not None
            entry.attempts += 1
            entry.last_error = exc.user_message
            permanent = isinstance(exc, ItemGone | SendDenied | AccessDenied) or \
                entry.attempts >= MAX_ATTEMPTS
            if permanent:
                entry.status = OutboxStatus.FAILED
            else:
                entry.next_attempt_at = self._clock.now() + timedelta(
                    seconds=BACKOFF_SECONDS[min(entry.attempts, len(BACKOFF_SECONDS) - 1)])
            log.warning("outbox entry %s (%s): %s", entry_id, entry.kind, type(exc).__name__)
            return permanent


def _values(payload: dict[str, Any]) -> dict[str, Any]:
    """The field values of a field-change payload, in the shape of its 'before'."""
    return {k: v for k, v in payload.items() if k not in ("before", "force", "server")}


def _jsonable(value: object) -> object:
    return list(value) if isinstance(value, tuple) else value


def _outgoing(payload: dict[str, Any]) -> OutgoingMail:
    return OutgoingMail(
        subject=str(payload["subject"]),
        body_html=str(payload["body_html"]),
        to=tuple(payload["to"]),
        cc=tuple(payload.get("cc", ())),
        attachments=tuple(
            OutgoingAttachment(a["name"], base64.b64decode(a["content"]),
                               a.get("content_type", "application/octet-stream"))
            for a in payload.get("attachments", ())
        ),
    )
