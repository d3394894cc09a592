"""Mail triage: categorise, flag, mark read, file; outcomes, Later, undo.

Each change is made locally and, in the same transaction, recorded as an
outbox entry for Exchange (`exchange/outbox_kinds.py` says how), so the user
sees it at once and nothing is lost while Exchange is unreachable. A second
change of the same kind to the same mail before it was pushed updates the
waiting entry instead of queueing two.

The bulk steps (`apply_outcome`, `snooze`, `file`, ...) change a whole
selection in one transaction and return a `TriageStep` holding what each mail
was before and what the step made of it; `undo` reverts only what the step
changed and what still holds the step's value (a category or flag the director
set in Outlook since stays), through the same outbox path: a waiting entry is
updated back, a pushed one gets the reverse pushed. A mail without an
Exchange id (imported from a file) is triaged locally only.

A step locks and reads the selection's waiting outbox entries a chunk at a
time and flushes once, so a few thousand mails hold the store's write lock
for a moment, not for the sync's whole busy timeout.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kortrijk_cockpit.changes import NOTHING, Changes, Kind
from kortrijk_cockpit.clock import BRUSSELS, Clock, SystemClock
from kortrijk_cockpit.domain import FlagStatus, Mail, MailFolder, OutboxEntry
from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.exchange.outbox_kinds import (
    SPECS,
    OutboxKind,
    WaitingEntries,
    change_field,
    chunked,
    queue,
)
from kortrijk_cockpit.services.outcomes import WAITING_OUTCOME, outcome_names
from kortrijk_cockpit.services.waiting import waiting_due


class MailNotFound(UserFacingError):
    pass


@dataclass(frozen=True)
class MailState:
    mail_id: int
    categories: tuple[str, ...]
    flag_status: FlagStatus
    flag_due_at: datetime | None
    is_read: bool
    folder_id: int
    changes: Changes = field(default=NOTHING, compare=False)


@dataclass(frozen=True)
class MailSnapshot:
    """What a triage step may change on one mail, as it was before."""

    mail_id: int
    categories: tuple[str, ...]
    flag_status: FlagStatus
    flag_due_at: datetime | None
    is_read: bool
    folder_id: int
    snoozed_until: datetime | None
    waiting_due_at: datetime | None


@dataclass(frozen=True)
class TriageStep:
    """One undoable action on a selection ("2 mails: Agenderen MAT"): each mail as it was
    before the step and as the step left it (undo compares both with the mail now)."""

    label: str
    mail_ids: tuple[int, ...]
    before: tuple[MailSnapshot, ...]
    after: tuple[MailSnapshot, ...]
    changes: Changes = field(default=NOTHING, compare=False)


# What a step may queue: the selection's waiting entries of these kinds are locked up front.
_STEP_KINDS = (OutboxKind.SET_CATEGORIES, OutboxKind.SET_FLAG, OutboxKind.SET_READ,
               OutboxKind.MOVE)


class _Batch:
    """One step's transaction: the office's outcomes, the selection's waiting entries, and
    the entries the step queued or updated (their ids are known after its one flush)."""

    def __init__(self, s: Session, outcomes: list[str], waiting: WaitingEntries) -> None:
        self.s = s
        self.outcomes = outcomes
        self.waiting = waiting
        self._entries: dict[OutboxEntry, bool] = {}  # entry -> queued by this step

    def queued(self, entry: OutboxEntry) -> None:
        self._entries.setdefault(entry, entry in self.s.new)

    def changes(self) -> Changes:
        return Changes.of(Kind.OUTBOX,
                          created=[e.id for e, new in self._entries.items() if new],
                          updated=[e.id for e, new in self._entries.items() if not new])


class TriageService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock | None = None) -> None:
        self._sessions = sessions
        self._clock: Clock = clock or SystemClock()

    # -- steps on a selection ------------------------------------------------------------

    def apply_outcome(self, ids: Sequence[int], name: str, *,
                      waiting_due_at: datetime | None = None) -> TriageStep:
        """The outcome replaces any other outcome (other categories stay); the mail
        counts as read and is no longer put off till later."""
        due = None
        if name == WAITING_OUTCOME:
            due = waiting_due_at or waiting_due(self._clock.now())

        def change(b: _Batch, mail: Mail) -> None:
            kept = [c for c in mail.categories or [] if c not in b.outcomes]
            mail.snoozed_until = None
            mail.waiting_due_at = due
            _set(b, mail, OutboxKind.SET_CATEGORIES, {"categories": sorted({*kept, name})})
            _set(b, mail, OutboxKind.SET_READ, {"is_read": True})

        return self._step(ids, name, change)

    def clear_outcome(self, ids: Sequence[int]) -> TriageStep:
        def change(b: _Batch, mail: Mail) -> None:
            kept = [c for c in mail.categories or [] if c not in b.outcomes]
            mail.waiting_due_at = None
            _set(b, mail, OutboxKind.SET_CATEGORIES, {"categories": sorted(kept)})

        return self._step(ids, "uitkomst gewist", change)

    def snooze(self, ids: Sequence[int], until: datetime) -> TriageStep:
        """"Later": out of Te behandelen until then (local only, Outlook has no such thing)."""
        def change(b: _Batch, mail: Mail) -> None:
            mail.snoozed_until = until

        return self._step(ids, f"later ({until.astimezone(BRUSSELS):%d/%m})", change)

    def flag(self, ids: Sequence[int], due_at: datetime | None) -> TriageStep:
        values = {"status": FlagStatus.FLAGGED.value,
                  "due_at": due_at.isoformat() if due_at else None}
        label = f"opvolgen tegen {due_at.astimezone(BRUSSELS):%d/%m}" if due_at else "opvolgen"
        return self._step(ids, label, _field(OutboxKind.SET_FLAG, values))

    def complete_flag(self, ids: Sequence[int]) -> TriageStep:
        values = {"status": FlagStatus.COMPLETE.value, "due_at": None}
        return self._step(ids, "opvolging voltooid", _field(OutboxKind.SET_FLAG, values))

    def clear_flag(self, ids: Sequence[int]) -> TriageStep:
        values = {"status": FlagStatus.NONE.value, "due_at": None}
        return self._step(ids, "vlag gewist", _field(OutboxKind.SET_FLAG, values))

    def set_read(self, ids: Sequence[int], is_read: bool) -> TriageStep:
        return self._step(ids, "gelezen" if is_read else "ongelezen",
                          _field(OutboxKind.SET_READ, {"is_read": is_read}))

    def file(self, ids: Sequence[int], folder_id: int) -> TriageStep:
        with self._sessions() as s:
            target = s.get(MailFolder, folder_id)
            if target is None:
                raise UserFacingError("Die map bestaat niet (meer).")
            name = target.display_name

        def change(b: _Batch, mail: Mail) -> None:
            _move(b, mail, folder_id)

        return self._step(ids, f"naar {name}", change)

    def undo(self, step: TriageStep) -> TriageStep:
        """Revert what `step` changed, where the mail still shows the step's value;
        returns the step that redoes it."""
        was = {snap.mail_id: snap for snap in step.before}
        made = {snap.mail_id: snap for snap in step.after}

        def change(b: _Batch, mail: Mail) -> None:
            _revert(b, mail, was[mail.id], made[mail.id])

        return self._step(list(was), "", change, label=f"Ongedaan: {step.label}")

    def _step(self, ids: Sequence[int], what: str, change: Callable[[_Batch, Mail], None], *,
              label: str = "") -> TriageStep:
        wanted = list(dict.fromkeys(ids))
        with self._sessions.begin() as s:
            outcomes = outcome_names(s)
            found: dict[int, Mail] = {}
            for chunk in chunked(wanted):
                found.update((m.id, m) for m in s.scalars(select(Mail).where(Mail.id.in_(chunk))))
            mails = [found[i] for i in wanted if i in found]
            if not mails:
                raise MailNotFound("Deze mail bestaat niet meer; ze werd intussen verwijderd.")
            before = tuple(_snapshot(m) for m in mails)
            waiting = WaitingEntries(s, _STEP_KINDS, [m.id for m in mails if m.exchange_id])
            batch = _Batch(s, outcomes, waiting)
            for mail in mails:
                change(batch, mail)
            after = tuple(_snapshot(m) for m in mails)
            s.flush()  # once for the whole selection: the new entries get their ids
            changes = Changes.of(Kind.MAIL, updated=[m.id for m in mails]) | batch.changes()
        count = f"{len(mails)} mail" if len(mails) == 1 else f"{len(mails)} mails"
        return TriageStep(label or f"{count}: {what}", tuple(m.id for m in mails), before,
                          after, changes)

    # -- single mails (the reading pane, older callers) -------------------------------

    def categorize(self, mail_id: int, categories: list[str]) -> MailState:
        clean = sorted({c.strip() for c in categories if c.strip()})
        return self._change(mail_id, OutboxKind.SET_CATEGORIES, {"categories": clean})

    def set_flag(self, mail_id: int, status: FlagStatus, due_at: datetime | None = None) -> MailState:
        due = due_at.isoformat() if due_at and status == FlagStatus.FLAGGED else None
        return self._change(mail_id, OutboxKind.SET_FLAG, {"status": status.value, "due_at": due})

    def mark_read(self, mail_id: int, is_read: bool = True) -> MailState:
        return self._change(mail_id, OutboxKind.SET_READ, {"is_read": is_read})

    def move(self, mail_id: int, folder_id: int) -> MailState:
        with self._sessions.begin() as s:
            mail = self._mail(s, mail_id)
            target = s.get(MailFolder, folder_id)
            if target is None or not target.exchange_id:
                raise UserFacingError("Die map bestaat niet (meer) in Exchange.")
            entry = queue(s, OutboxKind.MOVE,
                          {"folder_exchange_id": target.exchange_id, "folder_id": folder_id,
                           "folder_name": target.display_name},
                          mail=mail, before={"folder_id": mail.folder_id})
            mail.folder_id = folder_id
            is_new = entry in s.new
            s.flush()
            return _state(mail, entry.id, is_new)

    def _change(self, mail_id: int, kind: OutboxKind, values: Mapping[str, Any]) -> MailState:
        with self._sessions.begin() as s:
            mail = self._mail(s, mail_id)
            entry = change_field(s, kind, mail, values)
            is_new = entry in s.new
            s.flush()
            return _state(mail, entry.id, is_new)

    @staticmethod
    def _mail(s: Session, mail_id: int) -> Mail:
        mail = s.get(Mail, mail_id)
        if mail is None:
            raise MailNotFound("Deze mail bestaat niet meer; ze werd intussen verwijderd.")
        return mail


def _state(mail: Mail, entry_id: int, new_entry: bool) -> MailState:
    entry = Changes.of(Kind.OUTBOX, created=[entry_id]) if new_entry \
        else Changes.of(Kind.OUTBOX, updated=[entry_id])
    changes = Changes.of(Kind.MAIL, updated=[mail.id]) | entry
    return MailState(mail.id, tuple(mail.categories), mail.flag_status, mail.flag_due_at,
                     mail.is_read, mail.folder_id, changes)


def _snapshot(mail: Mail) -> MailSnapshot:
    return MailSnapshot(mail.id, tuple(mail.categories or ()), mail.flag_status,
                        mail.flag_due_at, mail.is_read, mail.folder_id, mail.snoozed_until,
                        mail.waiting_due_at)


def _revert(b: _Batch, mail: Mail, was: MailSnapshot, made: MailSnapshot) -> None:
    """Undo one mail: only the fields the step changed, and only where the mail still holds
    the step's value; what changed since (in Outlook and synced, or by another step) stays.
    Categories by difference: what the step added goes, what it removed comes back."""
    now = _snapshot(mail)
    if was.snoozed_until != made.snoozed_until and now.snoozed_until == made.snoozed_until:
        mail.snoozed_until = was.snoozed_until
    if was.waiting_due_at != made.waiting_due_at and now.waiting_due_at == made.waiting_due_at:
        mail.waiting_due_at = was.waiting_due_at
    added = set(made.categories) - set(was.categories)
    removed = set(was.categories) - set(made.categories)
    if added or removed:
        _set(b, mail, OutboxKind.SET_CATEGORIES,
             {"categories": sorted((set(now.categories) - added) | removed)})
    flag = (made.flag_status, made.flag_due_at)
    if (was.flag_status, was.flag_due_at) != flag and (now.flag_status, now.flag_due_at) == flag:
        due = was.flag_due_at.isoformat() if was.flag_due_at else None
        _set(b, mail, OutboxKind.SET_FLAG, {"status": was.flag_status.value, "due_at": due})
    if was.is_read != made.is_read and now.is_read == made.is_read:
        _set(b, mail, OutboxKind.SET_READ, {"is_read": was.is_read})
    if was.folder_id != made.folder_id and now.folder_id == made.folder_id:
        _move(b, mail, was.folder_id)


def _set(b: _Batch, mail: Mail, kind: OutboxKind, values: Mapping[str, Any]) -> None:
    """A field change: local only for an imported mail, else queued for Exchange.
    A change that changes nothing queues nothing; one that meets a waiting entry
    updates it (so undo before a push leaves the mailbox as it was)."""
    spec: Any = SPECS[kind]  # a field kind: read_local, write_local, comparable
    if spec.comparable(spec.read_local(mail)) == spec.comparable(values):
        return
    if not mail.exchange_id:
        spec.write_local(mail, values)
        return
    b.queued(change_field(b.s, kind, mail, values, waiting=b.waiting))


def _field(kind: OutboxKind, values: Mapping[str, Any]) -> Callable[[_Batch, Mail], None]:
    def change(b: _Batch, mail: Mail) -> None:
        _set(b, mail, kind, values)
    return change


def _move(b: _Batch, mail: Mail, folder_id: int) -> None:
    if mail.folder_id == folder_id:
        return
    target = b.s.get(MailFolder, folder_id)
    if target is None:
        raise UserFacingError("Die map bestaat niet (meer).")
    if not mail.exchange_id:
        mail.folder_id = folder_id
        return
    if not target.exchange_id:
        raise UserFacingError("Die map bestaat niet (meer) in Exchange.")
    b.queued(queue(b.s, OutboxKind.MOVE,
                   {"folder_exchange_id": target.exchange_id, "folder_id": folder_id,
                    "folder_name": target.display_name},
                   mail=mail, before={"folder_id": mail.folder_id}, waiting=b.waiting))
    mail.folder_id = folder_id
