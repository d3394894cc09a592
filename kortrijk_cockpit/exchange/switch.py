"""Switching a profile from EWS to Microsoft Graph without losing a single link.

EWS and Graph name the same item differently (an EWS id and a REST id), so the
store's Exchange ids are translated (`translateExchangeIds`) in one transaction:
mails, folders, appointments (and their series), attachments (to Graph's path form)
and the ids inside waiting outbox entries. Our own row ids stay, so triage data,
action points, mail links and fiches stay attached. Change keys are the same in both
protocols, so the first Graph round only lists each folder again: no body or
attachment is downloaded twice. EWS sync states mean nothing to Graph and go.

Idempotent: the switch is recorded in the audit trail with the ids, and a second
run finds it and changes nothing. Qt-free; progress messages are Dutch.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import bindparam, delete, func, select, update
from sqlalchemy.orm import Session, sessionmaker

from kortrijk_cockpit.changes import Changes, Kind
from kortrijk_cockpit.domain import (
    Attachment,
    AuditEntry,
    CalendarEvent,
    Mail,
    MailFolder,
    OutboxEntry,
    SyncState,
)
from kortrijk_cockpit.exchange.graph.convert import attachment_path
from kortrijk_cockpit.exchange.outbox_kinds import OPEN_STATUSES
from kortrijk_cockpit.task_context import TaskContext

SWITCHED = "exchange.switch_to_graph"  # the audit action that records a finished switch
CHUNK = 1000  # ids per translateExchangeIds call (Graph's ceiling)


class IdTranslator(Protocol):
    """What the switch needs of the Graph backend (`GraphBackend.translate_ids`)."""

    def translate_ids(self, ews_ids: Sequence[str]) -> dict[str, str]: ...


@dataclass(frozen=True)
class SwitchReport:
    mails: int = 0
    folders: int = 0
    events: int = 0
    attachments: int = 0
    outbox_entries: int = 0
    sync_states: int = 0  # EWS sync states dropped
    untranslated: int = 0  # ids Graph could not read: left as they were
    already_switched: bool = False


def already_switched(s: Session) -> bool:
    return bool(s.scalar(select(func.count(AuditEntry.id)).where(AuditEntry.action == SWITCHED)))


def switch_to_graph(sessions: sessionmaker[Session], backend: IdTranslator, *,
                    ctx: TaskContext | None = None,
                    announce: Callable[[Changes], None] = lambda changes: None,
                    actor: str = "") -> SwitchReport:
    """Translate every stored EWS id into its Graph id, all or nothing; run it before
    the first Graph round of a profile that was on EWS."""
    ctx = ctx or TaskContext()
    with sessions() as s:
        if already_switched(s):
            return SwitchReport(already_switched=True)
        wanted = _stored_ids(s)
    # The network part outside the write transaction: the store stays usable meanwhile.
    found = _translate(backend, wanted, ctx, {})
    with sessions.begin() as s:
        # The write lock first (SQLite: the database's; a no-op UPDATE), then read again:
        # what arrived meanwhile is translated too, and a concurrent switch is seen.
        s.execute(update(SyncState).values(state=SyncState.state))
        if already_switched(s):
            return SwitchReport(already_switched=True)
        wanted = _stored_ids(s)
        found = _translate(backend, wanted, ctx, found)
        ctx.check_cancelled()
        ctx.progress(1, 1, "Koppelingen bijwerken voor Microsoft 365")
        report, changes = _apply(s, found)
        s.add(AuditEntry(actor=actor, action=SWITCHED, entity="exchange", detail={
            "mails": report.mails, "folders": report.folders, "events": report.events,
            "attachments": report.attachments, "outbox_entries": report.outbox_entries,
            "untranslated": report.untranslated}))
    if changes.wholesale:
        announce(changes)
    return report


# -- which ids the store holds ---------------------------------------------------------

def _stored_ids(s: Session) -> set[str]:
    wanted: set[str] = set()
    for column in (Mail.exchange_id, MailFolder.exchange_id, CalendarEvent.exchange_id,
                   CalendarEvent.series_exchange_id, Attachment.exchange_id):
        wanted.update(v for v in s.scalars(select(column).where(column.is_not(None))) if v)
    for entry in _open_entries(s):
        wanted.update(_payload_ids(entry.payload))
    return wanted


def _open_entries(s: Session) -> list[OutboxEntry]:
    return list(s.scalars(select(OutboxEntry).where(OutboxEntry.status.in_(OPEN_STATUSES))
                          .order_by(OutboxEntry.id)))


def _is_id_field(name: str) -> bool:
    # "folder_exchange_id" (a move's target) and whatever a later kind names the same way
    return name == "exchange_id" or name.endswith("_exchange_id")


def _payload_ids(payload: Mapping[str, Any]) -> Iterable[str]:
    for part in (payload, payload.get("attempted") or {}):
        for name, value in part.items():
            if _is_id_field(name) and isinstance(value, str) and value:
                yield value


def _translate(backend: IdTranslator, wanted: set[str], ctx: TaskContext,
               known: dict[str, str]) -> dict[str, str]:
    """`known` plus the translations of the ids not asked for yet (a chunk per call)."""
    found = dict(known)
    missing = sorted(wanted - set(known))
    chunks = range(0, len(missing), CHUNK)
    for done, start in enumerate(chunks):
        ctx.check_cancelled()
        ctx.progress(done, len(chunks), "Exchange-id's omzetten voor Microsoft 365")
        chunk = missing[start:start + CHUNK]
        answered = backend.translate_ids(chunk)
        # Unreadable ids are remembered as themselves: not asked for twice.
        found.update({i: answered.get(i, i) for i in chunk})
    return found


# -- writing them ----------------------------------------------------------------------

def _rename(s: Session, table: Any, column: str, rows: Iterable[Any],
            found: Mapping[str, str]) -> tuple[list[int], int]:
    """Give rows their translated id (Core executemany: server data, not an edit, so
    no version bump that would refuse a concurrent edit). Returns (ids, untranslated)."""
    params, untranslated = [], 0
    for row_id, value in rows:
        if not value:
            continue
        new = found.get(value, value)
        if new == value:
            untranslated += 1
            continue
        params.append({"b_id": row_id, "b_value": new})
    if params:
        s.execute(update(table).where(table.c.id == bindparam("b_id"))
                  .values({column: bindparam("b_value")}), params)
    return [p["b_id"] for p in params], untranslated


def _apply(s: Session, found: Mapping[str, str]) -> tuple[SwitchReport, Changes]:
    attachments, lost_a = _rename_attachments(s, found)  # first: it reads the mails' old ids
    mails, lost_m = _rename(s, Mail.__table__, "exchange_id",
                            s.execute(select(Mail.id, Mail.exchange_id)).all(), found)
    folders, lost_f = _rename(s, MailFolder.__table__, "exchange_id",
                              s.execute(select(MailFolder.id, MailFolder.exchange_id)).all(),
                              found)
    events, lost_e = _rename(s, CalendarEvent.__table__, "exchange_id",
                             s.execute(select(CalendarEvent.id, CalendarEvent.exchange_id))
                             .all(), found)
    series, lost_s = _rename(s, CalendarEvent.__table__, "series_exchange_id",
                             s.execute(select(CalendarEvent.id, CalendarEvent.series_exchange_id))
                             .all(), found)
    entries = _rename_payloads(s, found)
    dropped = s.execute(delete(SyncState)).rowcount or 0
    report = SwitchReport(
        mails=len(mails), folders=len(folders), events=len(set(events) | set(series)),
        attachments=len(attachments), outbox_entries=len(entries), sync_states=dropped,
        untranslated=lost_m + lost_f + lost_e + lost_s + lost_a)
    kinds = [kind for kind, rows in ((Kind.MAIL, mails or attachments), (Kind.FOLDER, folders),
                                     (Kind.EVENT, events or series), (Kind.OUTBOX, entries))
             if rows]
    # Thousands of rows: "any may have changed" beats listing each id.
    return report, Changes.everything(*kinds) if kinds else Changes()


def _rename_attachments(s: Session, found: Mapping[str, str]) -> tuple[list[int], int]:
    """An EWS attachment id becomes Graph's path "messages/<mail>/attachments/<id>"
    (Graph reads an attachment through its item), so the mail must translate too."""
    rows = s.execute(select(Attachment.id, Attachment.exchange_id, Mail.exchange_id)
                     .join(Mail, Attachment.mail_id == Mail.id)
                     .where(Attachment.exchange_id.is_not(None))).all()
    paths: dict[str, str] = {}
    pairs = []
    for attachment_id, old, mail_now in rows:
        if not old or old.startswith(("messages/", "events/")):  # already a Graph path
            continue
        mail_rest = found.get(mail_now or "", "")
        rest = found.get(old, old)
        if mail_rest and mail_rest != mail_now and rest != old:
            paths[old] = attachment_path("messages", mail_rest, rest)
        pairs.append((attachment_id, old))
    return _rename(s, Attachment.__table__, "exchange_id", pairs, paths)


def _rename_payloads(s: Session, found: Mapping[str, str]) -> list[int]:
    changed = []
    for entry in _open_entries(s):
        payload = dict(entry.payload)
        renamed = _renamed(payload, found)
        attempted = payload.get("attempted")
        if isinstance(attempted, dict):
            renamed["attempted"] = _renamed(attempted, found)
        if renamed != entry.payload:
            entry.payload = renamed
            changed.append(entry.id)
    s.flush()
    return changed


def _renamed(part: Mapping[str, Any], found: Mapping[str, str]) -> dict[str, Any]:
    return {name: found.get(value, value)
            if _is_id_field(name) and isinstance(value, str) else value
            for name, value in part.items()}
