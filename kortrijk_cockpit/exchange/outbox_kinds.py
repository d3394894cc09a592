"""The outbox protocol: every kind of change that leaves the app, defined once.

A kind says which item it targets, which local fields it owns until pushed
(the pull leaves those alone), how it is applied locally and on Exchange,
what it does after a lost answer, how it is undone ("discard") and how the
Uitgaand view describes it. Services queue entries through `queue`, the
pusher calls `push`/`recover`, the pull asks `pending_fields`, the UI
`describe`. Adding a kind touches this module and the backend only.

Exactly once: an entry that creates or sends carries a marker of ours, stored
on the item in Exchange. When a write fails in a way that may have reached
the server (a dropped connection, a timeout), the entry is marked
`uncertain` and the next attempt first asks Exchange what really happened.

Qt-free; user-facing strings are Dutch.
"""

from __future__ import annotations

import base64
import dataclasses
import enum
import html
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import ColumnElement, select, update
from sqlalchemy.orm import Session, object_session

from kortrijk_cockpit.clock import BRUSSELS
from kortrijk_cockpit.domain import (
    CalendarEvent,
    FlagStatus,
    FolderKind,
    Mail,
    OutboxEntry,
    OutboxStatus,
    Sensitivity,
)
from kortrijk_cockpit.exchange.backend import MailboxBackend
from kortrijk_cockpit.exchange.errors import ItemConflict, ItemGone
from kortrijk_cockpit.exchange.records import (
    EventDraft,
    EventRecord,
    FlagUpdate,
    MailSummary,
    OutgoingAttachment,
    OutgoingMail,
    OutgoingResponse,
    ResponseKind,
)


class OutboxKind(enum.StrEnum):
    SET_CATEGORIES = "set_categories"
    SET_FLAG = "set_flag"
    SET_READ = "set_read"
    MOVE = "move"
    SEND_MAIL = "send_mail"
    CREATE_EVENT = "create_event"
    UPDATE_EVENT = "update_event"
    CANCEL_EVENT = "cancel_event"
    REPLY = "reply"
    REPLY_ALL = "reply_all"
    FORWARD = "forward"
    MEETING_RESPONSE = "meeting_response"
    DISCARD_DRAFT = "discard_draft"
    ATTACH_TO_EVENT = "attach_to_event"


class Target(enum.Enum):
    MAIL = "mail"
    EVENT = "event"
    NONE = "none"  # a new mail: nothing local to point at


OPEN_STATUSES = (OutboxStatus.PENDING, OutboxStatus.FAILED, OutboxStatus.CONFLICT)


# -- the payload ------------------------------------------------------------------

@dataclass(frozen=True)
class Payload:
    """A typed view of `OutboxEntry.payload` (JSON). `values` is what we want
    Exchange to have; the other fields are bookkeeping, stored beside them."""

    values: Mapping[str, Any]
    before: Mapping[str, Any] = field(default_factory=dict)  # Exchange's values when queued
    server: Mapping[str, Any] | None = None  # Exchange's values at a conflict
    force: bool = False  # after a conflict the user chose "keep mine"
    marker: str = ""  # stored on what we create or send
    uncertain: bool = False  # the last attempt may have reached Exchange
    attempted: Mapping[str, Any] | None = None  # the values that attempt carried

    BOOKKEEPING: ClassVar[tuple[str, ...]] = ("before", "server", "force", "marker",
                                              "uncertain", "attempted")

    @classmethod
    def load(cls, raw: Mapping[str, Any]) -> Payload:
        server = raw.get("server")
        return cls(values={k: v for k, v in raw.items() if k not in cls.BOOKKEEPING},
                   before=dict(raw.get("before") or {}),
                   server=server if isinstance(server, dict) or server is None
                   else {"legacy": server},
                   force=bool(raw.get("force")), marker=str(raw.get("marker") or ""),
                   uncertain=bool(raw.get("uncertain")),
                   attempted=dict(raw["attempted"]) if raw.get("attempted") else None)

    def dump(self) -> dict[str, Any]:
        raw: dict[str, Any] = dict(self.values)
        if self.before:
            raw["before"] = dict(self.before)
        if self.server is not None:
            raw["server"] = dict(self.server)
        if self.attempted is not None:
            raw["attempted"] = dict(self.attempted)
        for name in ("force", "marker", "uncertain"):
            if getattr(self, name):
                raw[name] = getattr(self, name)
        return raw

    def replace(self, **changes: Any) -> Payload:
        return dataclasses.replace(self, **changes)


# -- what a push tells the pusher ---------------------------------------------------

@dataclass(frozen=True)
class ItemRef:
    exchange_id: str
    change_key: str


@dataclass(frozen=True)
class Pushed:
    """What Exchange has after the push, for the local row (None: unchanged)."""

    exchange_id: str | None = None
    change_key: str | None = None


class OutboxConflict(ItemConflict):
    """Exchange has another value for what we change: the user decides in Uitgaand."""

    def __init__(self, message: str, *, server: Mapping[str, Any] | None = None,
                 change_key: str | None = None) -> None:
        super().__init__(message)
        self.server = server
        self.change_key = change_key


def require(ref: ItemRef | None, message: str) -> ItemRef:
    """The item in Exchange a change needs; ItemGone (the entry fails) without one."""
    if ref is None or not ref.exchange_id:
        raise ItemGone(message)
    return ref


# -- the kinds ----------------------------------------------------------------------

class KindSpec:
    kind: ClassVar[OutboxKind]
    target: ClassVar[Target]
    label: ClassVar[str]  # Dutch, for Uitgaand
    fields: ClassVar[tuple[str, ...]] = ()  # local columns the pull leaves alone while it waits
    merges: ClassVar[bool] = False  # a newer change replaces a waiting one for the same item
    creates: ClassVar[bool] = False  # makes a new item in Exchange: marked, found after a loss

    def describe(self, payload: Payload) -> str:
        return self.label

    def push(self, backend: MailboxBackend, ref: ItemRef | None, payload: Payload,
             row: Any) -> Pushed:
        raise NotImplementedError

    def recover(self, backend: MailboxBackend, ref: ItemRef | None, payload: Payload,
                row: Any) -> Pushed | None:
        """After an uncertain failure: what Exchange already did (None: nothing, write again)."""
        return None

    def revert(self, row: Any, payload: Payload) -> None:
        """Discard: the local row shows what Exchange has again."""

    def settle(self, row: Any, payload: Payload, at: datetime) -> None:
        """Pushed: what the local row records once Exchange has it (`at`: now)."""

    def discarded(self, s: Session, entry: OutboxEntry, payload: Payload) -> OutboxEntry | None:
        """Discard: what Exchange still has to clean up, queued (None: nothing)."""
        return None


class _FieldKind(KindSpec):
    """A change to fields of a mail Exchange already has. Idempotent: a lost answer
    only costs a change key, which `push` recovers from by re-reading the item."""

    target = Target.MAIL
    merges = True

    def read_local(self, mail: Mail) -> dict[str, Any]:
        raise NotImplementedError

    def write_local(self, mail: Mail, values: Mapping[str, Any]) -> None:
        raise NotImplementedError

    def from_server(self, item: MailSummary) -> dict[str, Any]:
        raise NotImplementedError

    def comparable(self, values: Mapping[str, Any]) -> object:
        return tuple(values.get(name) for name in sorted(values))

    def apply(self, backend: MailboxBackend, ref: ItemRef, values: Mapping[str, Any]) -> str:
        raise NotImplementedError

    def push(self, backend: MailboxBackend, ref: ItemRef | None, payload: Payload,
             row: Any) -> Pushed:
        ref = require(ref, "De mail bestaat niet meer.")
        change_key = ref.change_key
        if payload.force or not change_key:  # no key yet: just moved, not synced since
            change_key = self._current(backend, ref).change_key
        try:
            return Pushed(change_key=self.apply(backend, ItemRef(ref.exchange_id, change_key),
                                                payload.values))
        except ItemConflict:
            return self._resolve(backend, ref, payload)

    def _current(self, backend: MailboxBackend, ref: ItemRef) -> MailSummary:
        current = backend.item_summary(ref.exchange_id)
        if current is None:
            raise ItemGone("De mail bestaat niet meer op de server.")
        return current

    def _resolve(self, backend: MailboxBackend, ref: ItemRef, payload: Payload) -> Pushed:
        """The item changed on the server since we read it: reapply, or a conflict."""
        current = self._current(backend, ref)
        theirs = self.from_server(current)
        if self.comparable(theirs) == self.comparable(payload.values):
            return Pushed(change_key=current.change_key)  # already so (Outlook, or our lost answer)
        ours_before = [payload.before] + ([payload.attempted] if payload.attempted else [])
        if any(self.comparable(theirs) == self.comparable(v) for v in ours_before):
            # Outlook changed other fields only (or our own lost write landed): ours applies.
            key = self.apply(backend, ItemRef(ref.exchange_id, current.change_key), payload.values)
            return Pushed(change_key=key)
        raise OutboxConflict("Dit werd intussen ook in Outlook gewijzigd.", server=theirs,
                             change_key=current.change_key)

    def from_legacy(self, value: Any) -> dict[str, Any]:
        """Exchange's value as conflicts before the typed payload stored it."""
        raise NotImplementedError

    def revert(self, row: Any, payload: Payload) -> None:
        if not isinstance(row, Mail):
            return
        server = payload.server
        if server is not None:
            self.write_local(row, self.from_legacy(server["legacy"]) if "legacy" in server
                             else server)
        elif payload.before:
            self.write_local(row, payload.before)


class SetCategories(_FieldKind):
    kind = OutboxKind.SET_CATEGORIES
    label = "Categorieën"
    fields = ("categories",)

    def describe(self, payload: Payload) -> str:
        chosen = payload.values.get("categories") or []
        return f"Categorieën: {', '.join(chosen)}" if chosen else "Categorieën wissen"

    def read_local(self, mail: Mail) -> dict[str, Any]:
        return {"categories": sorted(mail.categories)}

    def write_local(self, mail: Mail, values: Mapping[str, Any]) -> None:
        mail.categories = sorted(values.get("categories") or [])

    def from_server(self, item: MailSummary) -> dict[str, Any]:
        return {"categories": sorted(item.categories)}

    def comparable(self, values: Mapping[str, Any]) -> object:
        return tuple(sorted(values.get("categories") or []))

    def from_legacy(self, value: Any) -> dict[str, Any]:
        return {"categories": list(value or [])}

    def apply(self, backend: MailboxBackend, ref: ItemRef, values: Mapping[str, Any]) -> str:
        return backend.set_categories(ref.exchange_id, ref.change_key,
                                      list(values.get("categories") or []))


class SetRead(_FieldKind):
    kind = OutboxKind.SET_READ
    label = "Gelezen/ongelezen"
    fields = ("is_read",)

    def describe(self, payload: Payload) -> str:
        return "Markeren als gelezen" if payload.values.get("is_read") else \
            "Markeren als ongelezen"

    def read_local(self, mail: Mail) -> dict[str, Any]:
        return {"is_read": mail.is_read}

    def write_local(self, mail: Mail, values: Mapping[str, Any]) -> None:
        mail.is_read = bool(values.get("is_read"))

    def from_server(self, item: MailSummary) -> dict[str, Any]:
        return {"is_read": item.is_read}

    def from_legacy(self, value: Any) -> dict[str, Any]:
        return {"is_read": bool(value)}

    def apply(self, backend: MailboxBackend, ref: ItemRef, values: Mapping[str, Any]) -> str:
        return backend.set_read(ref.exchange_id, ref.change_key, bool(values.get("is_read")))


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def _parse(moment: object) -> datetime | None:
    return datetime.fromisoformat(moment) if isinstance(moment, str) else None


class SetFlag(_FieldKind):
    kind = OutboxKind.SET_FLAG
    label = "Opvolgvlag"
    fields = ("flag_status", "flag_due_at")

    def describe(self, payload: Payload) -> str:
        status = payload.values.get("status")
        if status == FlagStatus.FLAGGED.value:
            due = _parse(payload.values.get("due_at"))
            return f"Opvolgen tegen {due.astimezone(BRUSSELS):%d/%m/%Y}" if due else "Opvolgen"
        return "Opvolging voltooid" if status == FlagStatus.COMPLETE.value else "Vlag wissen"

    def read_local(self, mail: Mail) -> dict[str, Any]:
        return {"status": mail.flag_status.value, "due_at": _iso(mail.flag_due_at)}

    def write_local(self, mail: Mail, values: Mapping[str, Any]) -> None:
        mail.flag_status = FlagStatus(values.get("status") or FlagStatus.NONE.value)
        due = _parse(values.get("due_at"))
        mail.flag_due_at = due if mail.flag_status == FlagStatus.FLAGGED else None

    def from_server(self, item: MailSummary) -> dict[str, Any]:
        return {"status": item.flag_status.value, "due_at": _iso(item.flag_due_at)}

    def comparable(self, values: Mapping[str, Any]) -> object:
        status = values.get("status") or FlagStatus.NONE.value
        due = _parse(values.get("due_at")) if status == FlagStatus.FLAGGED.value else None
        return (status, due.timestamp() if due else None)  # a due date counts while flagged

    def from_legacy(self, value: Any) -> dict[str, Any]:
        status, due = value
        return {"status": status, "due_at": due}

    def apply(self, backend: MailboxBackend, ref: ItemRef, values: Mapping[str, Any]) -> str:
        flag = FlagUpdate(FlagStatus(values["status"]), _parse(values.get("due_at")))
        return backend.set_flag(ref.exchange_id, ref.change_key, flag)


class Move(KindSpec):
    """File a mail in another folder. Exchange gives the moved item a new id."""

    kind = OutboxKind.MOVE
    target = Target.MAIL
    label = "Verplaatsen naar map"
    fields = ("folder_id",)
    merges = True

    def describe(self, payload: Payload) -> str:
        name = payload.values.get("folder_name")
        return f"Verplaatsen naar {name}" if name else self.label

    def push(self, backend: MailboxBackend, ref: ItemRef | None, payload: Payload,
             row: Any) -> Pushed:
        ref = require(ref, "De mail bestaat niet meer.")
        new_id = backend.move(ref.exchange_id, str(payload.values["folder_exchange_id"]))
        return Pushed(exchange_id=new_id, change_key="")

    def recover(self, backend: MailboxBackend, ref: ItemRef | None, payload: Payload,
                row: Any) -> Pushed | None:
        if ref is None or not isinstance(row, Mail):
            return None
        if backend.item_summary(ref.exchange_id) is not None:
            return None  # still where it was: the move did not happen
        wanted = str(payload.values["folder_exchange_id"])
        tried = str((payload.attempted or {}).get("folder_exchange_id") or wanted)
        for folder in dict.fromkeys((wanted, tried)):  # where it should be, where we sent it
            moved = backend.find_in_folder(folder, row.subject, row.received_at)
            if moved is not None:
                if folder != wanted:  # she chose another folder meanwhile: on to that one
                    moved = backend.move(moved, wanted)
                return Pushed(exchange_id=moved, change_key="")
        raise ItemGone("De mail staat niet meer in Exchange.")

    def revert(self, row: Any, payload: Payload) -> None:
        if isinstance(row, Mail) and "folder_id" in payload.before:
            row.folder_id = int(payload.before["folder_id"])


class SendMail(KindSpec):
    """A new mail on behalf of the director, with a copy in Sent Items."""

    kind = OutboxKind.SEND_MAIL
    target = Target.NONE
    label = "Mail versturen"
    creates = True

    def describe(self, payload: Payload) -> str:
        to = ", ".join(payload.values.get("to") or [])
        return f"Mail aan {to}" if to else self.label

    def push(self, backend: MailboxBackend, ref: ItemRef | None, payload: Payload,
             row: Any) -> Pushed:
        backend.send_mail(outgoing_mail(payload))
        return Pushed()

    def recover(self, backend: MailboxBackend, ref: ItemRef | None, payload: Payload,
                row: Any) -> Pushed | None:
        return Pushed() if backend.find_marked(FolderKind.SENT, payload.marker) else None


class CreateEvent(KindSpec):
    kind = OutboxKind.CREATE_EVENT
    target = Target.EVENT
    label = "Nieuwe afspraak"
    creates = True

    def push(self, backend: MailboxBackend, ref: ItemRef | None, payload: Payload,
             row: Any) -> Pushed:
        new_id, new_key = backend.create_event(event_draft(payload))
        return Pushed(exchange_id=new_id, change_key=new_key)

    def recover(self, backend: MailboxBackend, ref: ItemRef | None, payload: Payload,
                row: Any) -> Pushed | None:
        found = backend.find_marked(FolderKind.CALENDAR, payload.marker)
        return Pushed(exchange_id=found[0], change_key=found[1]) if found else None

    def revert(self, row: Any, payload: Payload) -> None:
        if isinstance(row, CalendarEvent) and not row.exchange_id:
            row.is_cancelled = True  # never reached Exchange: it goes from the agenda


class AttachToEvent(KindSpec):
    """A file (a fiche's PDF) on an appointment, for the director's own Outlook.

    Exactly once without a marker: the file's name is versioned ("Fiche 7 v3 - ...pdf"),
    so the push looks for that name on the appointment first and attaches only when it
    is not there; after a lost answer the retry finds it. Earlier versions of the same
    fiche (names starting with `replaces_prefix`) are removed after the new one is on,
    so a failure in between never leaves the appointment without a fiche."""

    kind = OutboxKind.ATTACH_TO_EVENT
    target = Target.EVENT
    label = "Bijlage bij afspraak"

    def describe(self, payload: Payload) -> str:
        return f"{payload.values.get('name', '')} bij de afspraak " \
               f"'{payload.values.get('subject', '')}'"

    def push(self, backend: MailboxBackend, ref: ItemRef | None, payload: Payload,
             row: Any) -> Pushed:
        gone = "De afspraak bestaat niet meer in Exchange; de fiche kan er niet bij."
        ref = require(ref, gone)
        current = backend.event_files(ref.exchange_id)
        if current is None:
            raise ItemGone(gone)
        values = payload.values
        name = str(values["name"])
        change_key = current.change_key
        if all(f.name != name for f in current.files):
            change_key = backend.attach_to_event(ref.exchange_id, change_key, OutgoingAttachment(
                name, base64.b64decode(values["content"]),
                str(values.get("content_type") or "application/pdf")))
        prefix = str(values.get("replaces_prefix") or "")
        for old in current.files:
            if prefix and old.name.startswith(prefix) and old.name != name:
                change_key = backend.remove_attachment(old.exchange_id) or change_key
        return Pushed(change_key=change_key)


class _EventChange(KindSpec):
    """A change to an appointment Exchange already has (invitations go out with it)."""

    target = Target.EVENT

    @staticmethod
    def _on_server(backend: MailboxBackend, ref: ItemRef | None, payload: Payload,
                   write: Callable[[ItemRef], Pushed], row: Any = None) -> Pushed:
        ref = require(ref, "De afspraak staat (nog) niet in Exchange.")
        if payload.force:  # "keep mine" after a conflict: write over what Outlook has now
            current = backend.event(ref.exchange_id)
            if current is None:
                raise ItemGone("De afspraak bestaat niet meer in Exchange.")
            ref = ItemRef(ref.exchange_id, current.change_key)
        try:
            return write(ref)
        except ItemConflict as exc:
            # An occurrence shares its series' change key, which a change to another
            # occurrence renews: when this one is still as we knew it, ours goes.
            current = backend.event(ref.exchange_id) \
                if isinstance(row, CalendarEvent) and row.series_exchange_id else None
            if current is not None and _as_before(current, payload, row):
                return write(ItemRef(ref.exchange_id, current.change_key))
            raise OutboxConflict("De afspraak werd intussen in Outlook gewijzigd.") from exc


def _as_before(current: EventRecord, payload: Payload, row: CalendarEvent) -> bool:
    """Whether Exchange still has what the change started from (for a cancel: what the
    agenda shows) in the fields it changes."""
    before = payload.before or local_event_values(row)
    names = _fields(payload) or ["subject", "start_at", "end_at", "location"]
    known = {"subject": before.get("subject"), "location": before.get("location"),
             "start_at": _parse(before.get("start_at")), "end_at": _parse(before.get("end_at"))}
    return all(_EVENT_GETTERS[n](current) == known[n] for n in names if n in known)


def _addresses(people: Iterable[str]) -> list[str]:
    """Mail addresses, however they are written ("Naam <adres>" or "adres")."""
    return sorted(p.rpartition("<")[2].rstrip(">").strip().lower() for p in people)


def _series(payload: Payload) -> bool:
    return bool(payload.values.get("series"))


def _fields(payload: Payload) -> list[str] | None:
    """The fields a change sends (EventDraft's names); None: all of them (`update`)."""
    fields = payload.values.get("fields")
    return list(fields) if fields is not None else None


def _with_subject(label: str, payload: Payload) -> str:
    subject = payload.values.get("subject") or ""
    text = f"{label}: {subject}" if subject else label
    return f"{text} (hele reeks)" if _series(payload) else text


def _master(backend: MailboxBackend, ref: ItemRef | None) -> EventRecord:
    """The series of the occurrence `ref` names, as Exchange has it now."""
    ref = require(ref, "De afspraak staat (nog) niet in Exchange.")
    master = backend.series_master(ref.exchange_id)
    if master is None:
        raise ItemGone("De reeks bestaat niet meer in Exchange.")
    return master


def series_draft(wanted: EventDraft, before: Mapping[str, Any], master: EventRecord) -> EventDraft:
    """The whole series as the change to one of its occurrences says: moved by as much
    on the wall clock (Brussels), with the occurrence's new length."""
    was = _parse(before.get("start_at"))
    if was is None:
        return wanted
    shift = wanted.start_at.astimezone(BRUSSELS) - was.astimezone(BRUSSELS)
    start = (master.start_at.astimezone(BRUSSELS) + shift).astimezone(UTC)
    return dataclasses.replace(wanted, start_at=start,
                               end_at=start + (wanted.end_at - wanted.start_at))


_EVENT_GETTERS: dict[str, Callable[[EventRecord | EventDraft], object]] = {
    "subject": lambda e: e.subject,
    "start_at": lambda e: e.start_at,
    "end_at": lambda e: e.end_at,
    "location": lambda e: e.location,
    "is_all_day": lambda e: e.is_all_day,
    "sensitivity": lambda e: e.sensitivity,
}


def _has(current: EventRecord, wanted: EventDraft, fields: Iterable[str]) -> bool:
    """Whether Exchange already has these fields as wanted (attendees by address)."""
    names = set(fields)
    if names & {"required", "optional"} and \
            _addresses(current.attendees) != _addresses((*wanted.required, *wanted.optional)):
        return False
    return all(_EVENT_GETTERS[n](current) == _EVENT_GETTERS[n](wanted)
               for n in names if n in _EVENT_GETTERS)


class UpdateEvent(_EventChange):
    """Change an appointment; with `fields` only those (move, resize, edit), with `series`
    the whole series its occurrence belongs to."""

    kind = OutboxKind.UPDATE_EVENT
    label = "Afspraak wijzigen"

    def describe(self, payload: Payload) -> str:
        return _with_subject(self.label, payload)

    def push(self, backend: MailboxBackend, ref: ItemRef | None, payload: Payload,
             row: Any) -> Pushed:
        fields = _fields(payload)
        if _series(payload):
            master = _master(backend, ref)
            draft = series_draft(event_draft(payload), payload.before, master)
            try:
                backend.update_event(master.exchange_id, master.change_key, draft, fields)
            except ItemConflict as exc:
                raise OutboxConflict("De reeks werd intussen in Outlook gewijzigd.") from exc
            return Pushed()  # the occurrences' new change keys come with the next pull

        def write(on: ItemRef) -> Pushed:
            draft = event_draft(payload)
            return Pushed(change_key=backend.update_event(on.exchange_id, on.change_key, draft,
                                                          fields))

        return self._on_server(backend, ref, payload, write, row)

    def recover(self, backend: MailboxBackend, ref: ItemRef | None, payload: Payload,
                row: Any) -> Pushed | None:
        if ref is None or not ref.exchange_id:
            return None
        current = backend.event(ref.exchange_id)
        if current is None:
            raise ItemGone("De afspraak bestaat niet meer in Exchange.")
        fields = _fields(payload)
        if fields is not None:  # the occurrence shows whether a change (of its series) landed
            return Pushed(change_key=current.change_key) \
                if _has(current, event_draft(payload), fields) else None
        if current.change_key == ref.change_key:
            return None  # untouched since we read it: our write never landed
        wanted = event_draft(payload)
        done = (current.subject, current.start_at, current.end_at, current.location,
                current.is_all_day, _addresses(current.attendees)) == \
            (wanted.subject, wanted.start_at, wanted.end_at, wanted.location, wanted.is_all_day,
             _addresses((*wanted.required, *wanted.optional)))
        # Applied: adopt its change key. Otherwise write again; if Outlook changed it,
        # the stale change key makes that a conflict for her to settle.
        return Pushed(change_key=current.change_key) if done else None

    def revert(self, row: Any, payload: Payload) -> None:
        if isinstance(row, CalendarEvent) and payload.before:
            _fill_event(row, payload.before)
            for other, values in _series_rows(row, payload):
                _fill_event(other, values)


def _series_rows(row: CalendarEvent,
                 payload: Payload) -> Iterator[tuple[CalendarEvent, Mapping[str, Any]]]:
    """The other occurrences a whole-series change touched locally, with their `before`."""
    s = object_session(row)
    if s is None:
        return
    for event_id, values in (payload.before.get("series_rows") or {}).items():
        other = s.get(CalendarEvent, int(event_id))
        if other is not None:
            yield other, values


class CancelEvent(_EventChange):
    """Cancel an appointment (with a message to its attendees, when given); with
    `series` the whole series its occurrence belongs to, else that occurrence only."""

    kind = OutboxKind.CANCEL_EVENT
    label = "Afspraak annuleren"

    def describe(self, payload: Payload) -> str:
        return _with_subject(self.label, payload)

    def push(self, backend: MailboxBackend, ref: ItemRef | None, payload: Payload,
             row: Any) -> Pushed:
        message = str(payload.values.get("message") or "")
        if _series(payload):
            master = _master(backend, ref)
            try:
                backend.cancel_event(master.exchange_id, master.change_key, message)
            except ItemConflict as exc:
                raise OutboxConflict("De reeks werd intussen in Outlook gewijzigd.") from exc
            return Pushed()

        def write(on: ItemRef) -> Pushed:
            backend.cancel_event(on.exchange_id, on.change_key, message)
            return Pushed()

        return self._on_server(backend, ref, payload, write, row)

    def recover(self, backend: MailboxBackend, ref: ItemRef | None, payload: Payload,
                row: Any) -> Pushed | None:
        if ref is None or not ref.exchange_id:
            return None
        return Pushed() if backend.event(ref.exchange_id) is None else None

    def revert(self, row: Any, payload: Payload) -> None:
        if isinstance(row, CalendarEvent):
            row.is_cancelled = False
            for other, _ in _series_rows(row, payload):
                other.is_cancelled = False


def names(people: Iterable[str]) -> str:
    """"Els Vandamme, jan@x.be" for Uitgaand: the name where there is one."""
    return ", ".join((p.rpartition("<")[0].strip().strip('"') or p.strip()) for p in people)


class _Respond(KindSpec):
    """A response to a mail Exchange has, sent on behalf of the director. Exactly once:
    the marker goes on the draft before it is sent, so a lost answer is found (in Sent
    Items, or still a draft, then sent) instead of answering twice."""

    target = Target.MAIL
    creates = True
    response: ClassVar[ResponseKind]

    def response_kind(self, payload: Payload) -> ResponseKind:
        return self.response

    def body_html(self, payload: Payload) -> str:
        return str(payload.values.get("body_html") or "")

    def push(self, backend: MailboxBackend, ref: ItemRef | None, payload: Payload,
             row: Any) -> Pushed:
        ref = require(ref, "De mail waarop u antwoordt staat niet meer in Exchange.")
        values = payload.values
        backend.send_response(OutgoingResponse(
            kind=self.response_kind(payload), reference_id=ref.exchange_id,
            subject=str(values.get("subject") or ""),
            body_html=self.body_html(payload),
            to=tuple(values.get("to") or ()), cc=tuple(values.get("cc") or ()),
            marker=payload.marker))
        return Pushed()

    def recover(self, backend: MailboxBackend, ref: ItemRef | None, payload: Payload,
                row: Any) -> Pushed | None:
        return Pushed() if backend.resume_response(payload.marker) else None

    def discarded(self, s: Session, entry: OutboxEntry, payload: Payload) -> OutboxEntry | None:
        # An attempt may have left a marked draft in the director's Drafts: it goes too.
        if not payload.marker or not entry.attempts:
            return None
        return queue(s, OutboxKind.DISCARD_DRAFT,
                     {"draft_marker": payload.marker,
                      "subject": payload.values.get("subject") or ""})


class DiscardDraft(KindSpec):
    """A response she discarded in Uitgaand: its unsent draft leaves the director's Drafts."""

    kind = OutboxKind.DISCARD_DRAFT
    target = Target.NONE
    label = "Concept verwijderen"

    def describe(self, payload: Payload) -> str:
        subject = payload.values.get("subject") or ""
        return f"{self.label}: {subject}" if subject else self.label

    def push(self, backend: MailboxBackend, ref: ItemRef | None, payload: Payload,
             row: Any) -> Pushed:
        backend.discard_response(str(payload.values["draft_marker"]))
        return Pushed()


class _Reply(_Respond):
    prefix: ClassVar[str]

    def describe(self, payload: Payload) -> str:
        to = names(payload.values.get("to") or ())
        subject = payload.values.get("subject") or ""
        return f"{self.prefix} {to}: {subject}" if to else f"{self.label}: {subject}"


class Reply(_Reply):
    kind = OutboxKind.REPLY
    label = "Antwoorden"
    prefix = "Antwoord aan"
    response = ResponseKind.REPLY


class ReplyAll(_Reply):
    kind = OutboxKind.REPLY_ALL
    label = "Allen antwoorden"
    prefix = "Antwoord aan allen:"
    response = ResponseKind.REPLY_ALL


class Forward(_Reply):
    kind = OutboxKind.FORWARD
    label = "Doorsturen"
    prefix = "Doorgestuurd aan"
    response = ResponseKind.FORWARD


MEETING_RESPONSES = {ResponseKind.ACCEPT.value: "Uitnodiging aanvaarden",
                     ResponseKind.TENTATIVE.value: "Uitnodiging voorlopig aanvaarden",
                     ResponseKind.DECLINE.value: "Uitnodiging weigeren"}


class MeetingAnswer(_Respond):
    """Accept, tentatively accept or decline a meeting request for the director. Local at
    once (the mail's `meeting` shows the answer; the pull leaves it alone meanwhile);
    once pushed, also when he answered."""

    kind = OutboxKind.MEETING_RESPONSE
    label = "Antwoord op uitnodiging"
    fields = ("meeting",)
    response = ResponseKind.ACCEPT

    def response_kind(self, payload: Payload) -> ResponseKind:
        return ResponseKind(payload.values["response"])

    def body_html(self, payload: Payload) -> str:
        """Her message is plain text: escaped, its line breaks kept."""
        message = str(payload.values.get("message") or "")
        return "<br>".join(html.escape(line) for line in message.splitlines())

    def describe(self, payload: Payload) -> str:
        what = MEETING_RESPONSES.get(str(payload.values.get("response")), self.label)
        subject = payload.values.get("subject") or ""
        return f"{what}: {subject}" if subject else what

    def revert(self, row: Any, payload: Payload) -> None:
        if isinstance(row, Mail) and "meeting" in payload.before:
            row.meeting = payload.before["meeting"]

    def settle(self, row: Any, payload: Payload, at: datetime) -> None:
        if isinstance(row, Mail):
            row.meeting = {**(row.meeting or {}), "response": payload.values["response"],
                           "responded_at": at.isoformat()}


SPECS: dict[OutboxKind, KindSpec] = {
    spec.kind: spec for spec in (SetCategories(), SetRead(), SetFlag(), Move(), SendMail(),
                                 CreateEvent(), UpdateEvent(), CancelEvent(), Reply(),
                                 ReplyAll(), Forward(), MeetingAnswer(), DiscardDraft(),
                                 AttachToEvent())
}


_BY_VALUE: dict[str, KindSpec] = {kind.value: spec for kind, spec in SPECS.items()}


def spec_of(kind: str) -> KindSpec:
    spec = _BY_VALUE.get(kind)
    if spec is None:  # written by a newer version of the app
        raise ItemGone(f"Onbekende wijziging '{kind}' in de wachtrij.")
    return spec


def describe(kind: str, raw_payload: Mapping[str, Any]) -> str:
    spec = _BY_VALUE.get(kind)
    return spec.describe(Payload.load(raw_payload)) if spec is not None else kind


def pending_fields(kinds: Iterable[str]) -> set[str]:
    """The local fields that waiting entries of these kinds own."""
    return {name for kind in kinds if kind in _BY_VALUE for name in _BY_VALUE[kind].fields}


def row_of(s: Session, spec: KindSpec, entry: OutboxEntry) -> Mail | CalendarEvent | None:
    """The local mail or appointment an entry changes, if it still exists."""
    if spec.target == Target.MAIL and entry.mail_id:
        return s.get(Mail, entry.mail_id)
    if spec.target == Target.EVENT and entry.event_id:
        return s.get(CalendarEvent, entry.event_id)
    return None


def lock_entries(s: Session, *where: ColumnElement[bool]) -> None:
    """Take the write lock on these entries before reading them, so the pusher and a
    service never both read an entry and then write over each other's change (a
    no-op UPDATE: the row lock on PostgreSQL, the database's write lock on SQLite)."""
    s.execute(update(OutboxEntry).where(*where).values(kind=OutboxEntry.kind))


CHUNK = 500  # ids per `IN (...)`: few statements, far below SQLite's parameter limit


def chunked(ids: Sequence[int], size: int = CHUNK) -> Iterator[Sequence[int]]:
    for start in range(0, len(ids), size):
        yield ids[start:start + size]


class WaitingEntries:
    """The entries still waiting to go for a selection of mails, locked and read one chunk
    at a time: a bulk step on thousands of mails then takes a few statements instead of
    a lock and a select per mail (each of which scans the waiting entries)."""

    def __init__(self, s: Session, kinds: Iterable[OutboxKind], mail_ids: Sequence[int]) -> None:
        self._newest: dict[tuple[int, str], OutboxEntry] = {}
        names = [kind.value for kind in kinds]
        for chunk in chunked(mail_ids):
            mine = (OutboxEntry.mail_id.in_(chunk), OutboxEntry.kind.in_(names),
                    OutboxEntry.status == OutboxStatus.PENDING)
            lock_entries(s, *mine)
            for entry in s.scalars(select(OutboxEntry).where(*mine).order_by(OutboxEntry.id)
                                   .execution_options(populate_existing=True)):
                self.add(entry)  # in id order: the newest per mail and kind stays

    def get(self, mail_id: int, kind: OutboxKind) -> OutboxEntry | None:
        return self._newest.get((mail_id, kind.value))

    def add(self, entry: OutboxEntry) -> None:
        if entry.mail_id is not None:
            self._newest[(entry.mail_id, entry.kind)] = entry


def _waiting_one(s: Session, kind: OutboxKind, mail_id: int) -> OutboxEntry | None:
    mine = (OutboxEntry.mail_id == mail_id, OutboxEntry.kind == kind.value,
            OutboxEntry.status == OutboxStatus.PENDING)
    lock_entries(s, *mine)
    return s.scalar(select(OutboxEntry).where(*mine).order_by(OutboxEntry.id.desc())
                    .execution_options(populate_existing=True))


def kinds_owning(field_name: str) -> list[str]:
    return [spec.kind.value for spec in SPECS.values() if field_name in spec.fields]


# -- queueing (services) --------------------------------------------------------------

def queue(s: Session, kind: OutboxKind, values: Mapping[str, Any], *, mail: Mail | None = None,
          event: CalendarEvent | None = None,
          before: Mapping[str, Any] | None = None,
          waiting: WaitingEntries | None = None) -> OutboxEntry:
    """Record a change for Exchange in the caller's transaction.

    A kind that `merges` updates a waiting entry for the same item instead of
    queueing a second one, keeping the first `before` (what Exchange still has).
    A bulk caller passes the selection's `waiting` entries, locked and read already.
    """
    spec = SPECS[kind]
    if spec.merges and mail is not None and mail.id is not None:
        found = waiting.get(mail.id, kind) if waiting is not None \
            else _waiting_one(s, kind, mail.id)
        if found is not None:
            old = Payload.load(found.payload)
            # An entry whose last attempt may have landed stays as it is: it is settled
            # first (what really happened), then this newer change goes on its own.
            if not old.uncertain:
                found.payload = old.replace(values=dict(values)).dump()
                return found
    payload = Payload(values=dict(values), before=dict(before or {}),
                      marker=new_marker() if spec.creates else "")
    entry = OutboxEntry(kind=kind.value, mail_id=mail.id if mail is not None else None,
                        event_id=event.id if event is not None else None,
                        payload=payload.dump())
    s.add(entry)
    if waiting is not None:
        waiting.add(entry)
    return entry


def change_field(s: Session, kind: OutboxKind, mail: Mail, values: Mapping[str, Any], *,
                 waiting: WaitingEntries | None = None) -> OutboxEntry:
    """A field change on a mail: local at once, queued for Exchange."""
    spec = SPECS[kind]
    assert isinstance(spec, _FieldKind)
    entry = queue(s, kind, values, mail=mail, before=spec.read_local(mail), waiting=waiting)
    spec.write_local(mail, values)
    return entry


def answer_meeting(s: Session, mail: Mail, response: ResponseKind, message: str = "") -> OutboxEntry:
    """The director's answer to a meeting request: shown on the mail at once, queued."""
    if mail.meeting is None or mail.meeting.get("is_cancellation"):
        raise ValueError("not a meeting request")
    entry = queue(s, OutboxKind.MEETING_RESPONSE,
                  {"response": response.value, "message": message, "subject": mail.subject},
                  mail=mail, before={"meeting": dict(mail.meeting)})
    mail.meeting = {**mail.meeting, "response": response.value}
    return entry


def new_marker() -> str:
    return f"kc-{uuid.uuid4()}"


# -- payload <-> records ------------------------------------------------------------

def event_values(draft: EventDraft) -> dict[str, Any]:
    return {
        "subject": draft.subject, "start_at": draft.start_at.isoformat(),
        "end_at": draft.end_at.isoformat(), "location": draft.location,
        "body_html": draft.body_html, "required": list(draft.required),
        "optional": list(draft.optional), "is_all_day": draft.is_all_day,
        "sensitivity": draft.sensitivity.value,
    }


def event_draft(payload: Payload) -> EventDraft:
    values = payload.values
    return EventDraft(
        subject=values["subject"],
        start_at=datetime.fromisoformat(values["start_at"]),
        end_at=datetime.fromisoformat(values["end_at"]),
        location=values.get("location", ""),
        body_html=values.get("body_html", ""),
        required=tuple(values.get("required", ())),
        optional=tuple(values.get("optional", ())),
        is_all_day=bool(values.get("is_all_day", False)),
        sensitivity=Sensitivity(values.get("sensitivity", "normal")),
        marker=payload.marker,
    )


def local_event_values(event: CalendarEvent) -> dict[str, Any]:
    """An appointment's fields as they are now, in the payload's shape (for `before`)."""
    return {"subject": event.subject, "start_at": event.start_at.isoformat(),
            "end_at": event.end_at.isoformat(), "location": event.location,
            "attendees": list(event.attendees)}


def _fill_event(event: CalendarEvent, values: Mapping[str, Any]) -> None:
    event.subject = values.get("subject", event.subject)
    event.location = values.get("location", event.location)
    if values.get("start_at"):
        event.start_at = datetime.fromisoformat(values["start_at"])
    if values.get("end_at"):
        event.end_at = datetime.fromisoformat(values["end_at"])
    if "attendees" in values:
        event.attendees = list(values["attendees"])
    elif "required" in values:
        event.attendees = [*values.get("required", ()), *values.get("optional", ())]


def fill_event(event: CalendarEvent, draft: EventDraft) -> None:
    """The local appointment as the draft says (the change shows before it is pushed)."""
    _fill_event(event, event_values(draft))
    event.is_all_day = draft.is_all_day
    event.sensitivity = draft.sensitivity


def mail_values(mail: OutgoingMail) -> dict[str, Any]:
    return {
        "subject": mail.subject, "body_html": mail.body_html, "to": list(mail.to),
        "cc": list(mail.cc),
        **({"bcc": list(mail.bcc)} if mail.bcc else {}),
        "attachments": [{"name": a.name, "content_type": a.content_type,
                         "content": base64.b64encode(a.content).decode("ascii")}
                        for a in mail.attachments],
    }


def outgoing_mail(payload: Payload) -> OutgoingMail:
    values = payload.values
    return OutgoingMail(
        subject=str(values["subject"]),
        body_html=str(values["body_html"]),
        to=tuple(values["to"]),
        cc=tuple(values.get("cc", ())),
        bcc=tuple(values.get("bcc", ())),
        attachments=tuple(
            OutgoingAttachment(a["name"], base64.b64decode(a["content"]),
                               a.get("content_type", "application/octet-stream"))
            for a in values.get("attachments", ())
        ),
        marker=payload.marker,
    )
