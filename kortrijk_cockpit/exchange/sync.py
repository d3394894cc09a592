"""Pull: Exchange -> the local store, restartable at any moment.

Each page of changes is committed in the same transaction as that folder's new
SyncState, so a kill between pages loses nothing and duplicates nothing: the
next run resumes from the last committed state. Bodies are fetched afterwards
for every mail that has none yet (also idempotent). The calendar is re-read
for its window when the calendar folder reports changes or the day moved on.

Private items never land readable: a private mail is not stored, a private
appointment only as a busy block ("Privé").

A mail the director files in Outlook gets a new Exchange id: the source folder
reports it removed, the target folder reports a new item. Both folders sync in
the same round, so the round keeps the old row (its links, action points, Later
and waiting date) until its end: a removed mail is parked (`GONE`), and an item
arriving with its Message-ID takes the parked row over; when the target folder
synced first, the old row takes over the row that just arrived. What is still
parked when a round has synced every folder is deleted. Parking is in the
store, so a round that fails halfway leaves it to the next one.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import Table, and_, bindparam, delete, insert, null, or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from kortrijk_cockpit.changes import NOTHING, Changes, Kind
from kortrijk_cockpit.clock import BRUSSELS, Clock
from kortrijk_cockpit.config import Settings
from kortrijk_cockpit.domain import (
    Attachment,
    CalendarEvent,
    FolderKind,
    Mail,
    MailFolder,
    OutboxEntry,
    Sensitivity,
    SyncState,
)
from kortrijk_cockpit.exchange.backend import MailboxBackend
from kortrijk_cockpit.exchange.errors import SyncStateInvalid
from kortrijk_cockpit.exchange.outbox_kinds import (
    OPEN_STATUSES,
    chunked,
    kinds_owning,
    pending_fields,
)
from kortrijk_cockpit.exchange.records import (
    EventRecord,
    FolderRecord,
    MailBody,
    MailSummary,
    ReadFlagChanged,
    Removed,
    SyncPage,
    Upserted,
)
from kortrijk_cockpit.store.database import store_errors
from kortrijk_cockpit.task_context import TaskContext

log = logging.getLogger(__name__)

_mails = cast(Table, Mail.__table__)
_FILL_BODY = (
    update(_mails)
    .where(_mails.c.id == bindparam("b_id"))
    .values(body_html=bindparam("html"), body_text=bindparam("text"),
            to_recipients=bindparam("to"), cc_recipients=bindparam("cc"),
            reply_to=bindparam("reply_to"))
)

PRIVATE = (Sensitivity.PRIVATE,)
PRIVATE_SUBJECT = "Privé"
MAIL_KINDS = (FolderKind.INBOX, FolderKind.SENT, FolderKind.DELETED, FolderKind.CUSTOM)
# The change key of a mail Exchange reported removed, kept till the round's end in case it
# moved (never a real change key: those are base64).
GONE = "~gone~"
Announce = Callable[[Changes], None]


@dataclass
class SyncReport:
    created: int = 0
    updated: int = 0
    removed: int = 0
    bodies: int = 0
    events: int = 0
    full_resyncs: list[str] = field(default_factory=list)
    changes: Changes = NOTHING


@dataclass(frozen=True)
class SyncOptions:
    page_size: int = 100
    body_batch: int = 50
    days_back: int = 90
    days_ahead: int = 365
    show_private: bool = False  # the user's opt-in; also needs ViewPrivateItems on the server

    @classmethod
    def from_settings(cls, settings: Settings) -> SyncOptions:
        return cls(days_back=settings.calendar_days_back, days_ahead=settings.calendar_days_ahead,
                   show_private=settings.show_private_items)


def _summary_columns(item: MailSummary) -> dict[str, object]:
    """The mail columns a sync page carries, by column name (one mapping for new and
    known mails)."""
    return {
        "change_key": item.change_key, "subject": item.subject,
        "sender_name": item.sender_name, "sender_email": item.sender_email,
        "sent_by": item.sent_by, "received_at": item.received_at, "sent_at": item.sent_at, "is_read": item.is_read,
        "categories": list(item.categories), "flag_status": item.flag_status,
        "flag_due_at": item.flag_due_at, "importance": item.importance,
        "sensitivity": item.sensitivity, "has_attachments": item.has_attachments,
        "conversation_id": item.conversation_id or None, "item_class": item.item_class,
        "internet_message_id": item.internet_message_id or None,
    }


_SUMMARY_NAMES = tuple(_summary_columns(MailSummary(exchange_id="", change_key="")))


def _looks(received_at: datetime | None, subject: str, sender_email: str) -> tuple[object, ...]:
    """What identifies a parked mail stored before the sync kept Message-IDs."""
    return received_at, subject, sender_email.lower()


def _meeting_value(meeting: dict[str, object] | None) -> object:
    # SQL NULL, not JSON null, for mail that is no meeting request
    return null() if meeting is None else meeting


def _merged_meeting(local: dict[str, object] | None,
                    server: dict[str, object] | None) -> dict[str, object] | None:
    """The server's meeting, keeping when the director answered (Exchange does not say)."""
    if server is None or local is None or "responded_at" not in local:
        return server
    if server.get("response") in (None, local.get("response")):
        return {**server, "response": local.get("response"),
                "responded_at": local["responded_at"]}
    return server


def _refresh(mail: Mail, folder_id: int, columns: dict[str, object],
             meeting: dict[str, object] | None, kept: set[str]) -> None:
    """A known mail as the server has it now; fields with a change of hers waiting to go
    (`kept`) keep her value."""
    if mail.change_key != columns["change_key"]:
        mail.body_html = None  # changed (or moved) on the server: fetch body and attachments
    if "folder_id" not in kept:  # a move waiting to go: the mail stays where she put it
        mail.folder_id = folder_id
    for column, value in columns.items():
        if column not in kept:
            setattr(mail, column, value)
    if "meeting" not in kept:  # an answer on its way keeps what she chose
        merged = _merged_meeting(mail.meeting, meeting)
        if merged != mail.meeting:
            mail.meeting = _meeting_value(merged)  # type: ignore[assignment]


def _new_mail_row(folder_id: int, item: MailSummary,
                  body: MailBody | None = None) -> dict[str, object]:
    """A new mail's row; with its body when that came along with its page."""
    return {
        **_summary_columns(item), "meeting": _meeting_value(item.meeting),
        "folder_id": folder_id, "exchange_id": item.exchange_id,
        "body_html": body.body_html if body else None,
        "body_text": body.body_text if body else "",
        "to_recipients": list(body.to_recipients) if body else [],
        "cc_recipients": list(body.cc_recipients) if body else [],
        "reply_to": list(body.reply_to) if body else [], "version": 1,
    }


def _attachment_rows(mail_id: int, body: MailBody) -> list[dict[str, object]]:
    return [{"mail_id": mail_id, "exchange_id": a.exchange_id, "name": a.name,
             "content_type": a.content_type, "size": a.size, "is_inline": a.is_inline,
             "content_id": a.content_id or None} for a in body.attachments]


def _save_state(s: Session, folder_id: int, state: str, now: datetime) -> None:
    """Store a folder's sync state, in the caller's transaction (with its page)."""
    row = s.scalar(select(SyncState).where(SyncState.folder_id == folder_id))
    if row is None:
        row = SyncState(folder_id=folder_id)
        s.add(row)
    row.state = state
    row.last_synced_at = now


class SyncEngine:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        backend: MailboxBackend,
        clock: Clock,
        options: SyncOptions | None = None,
        *,
        ctx: TaskContext | None = None,
        announce: Announce = lambda changes: None,
    ) -> None:
        self._sessions = sessions
        self._backend = backend
        self._clock = clock
        self._options = options or SyncOptions()
        self._ctx = ctx or TaskContext()
        self._announce = announce
        self._show_private = False
        self._parked: set[int] = set()  # mails removed in Exchange, kept till the round ends
        self._arrived: dict[str, int] = {}  # Message-ID -> a new row whose twin is still here

    def _changed(self, report: SyncReport, changes: Changes) -> None:
        """A committed step: tell the lists now (they insert/update/remove those rows)."""
        if changes:
            report.changes |= changes
            self._announce(changes)

    # -- the whole round ---------------------------------------------------------
    def sync(self) -> SyncReport:
        """One round; a store failure (full disk) ends it as a Dutch StoreError."""
        with store_errors(self._sessions):
            return self._sync()

    def _sync(self) -> SyncReport:
        report = SyncReport()
        # Private items become readable only with both the director's grant
        # (ViewPrivateItems) and the user's opt-in; otherwise masked as before.
        self._show_private = self._options.show_private and self._backend.may_view_private()
        folders = self._backend.folders()
        self._changed(report, self._store_folders(folders))
        mail_folders = [f for f in folders if f.kind in MAIL_KINDS and self._enabled(f)]
        steps = len(mail_folders) + 2
        with self._sessions() as s:  # parked by a round that did not finish
            self._parked = set(s.scalars(select(Mail.id).where(Mail.change_key == GONE)))
        self._arrived = {}
        for step, folder in enumerate(mail_folders):
            self._ctx.progress(step, steps, folder.name)
            self.sync_folder(folder, report)
            if self._ctx.cancelled:
                return report
        self._drop_parked(report)  # every folder synced: what did not move is gone
        self._ctx.progress(len(mail_folders), steps, "berichten")
        self.fetch_missing_bodies(report)
        calendar = next((f for f in folders if f.kind == FolderKind.CALENDAR), None)
        if calendar is not None and not self._ctx.cancelled:
            self._ctx.progress(len(mail_folders) + 1, steps, calendar.name)
            self.sync_calendar(calendar, report)
        self._ctx.progress(steps, steps, "")
        return report

    def _enabled(self, folder: FolderRecord) -> bool:
        with self._sessions() as s:
            enabled = s.scalar(select(MailFolder.sync_enabled)
                               .where(MailFolder.exchange_id == folder.exchange_id))
        return enabled is not False

    def _store_folders(self, folders: Iterable[FolderRecord]) -> Changes:
        with self._sessions.begin() as s:
            known = {f.exchange_id: f for f in s.scalars(select(MailFolder))}
            for record in folders:
                row = known.get(record.exchange_id)
                if row is None:
                    row = MailFolder(exchange_id=record.exchange_id, display_name=record.name,
                                     kind=record.kind,
                                     sync_enabled=record.kind != FolderKind.CUSTOM)
                    s.add(row)
                row.display_name = record.name
                row.kind = record.kind
                row.change_key = record.change_key
                row.total_count = record.total_count
                row.unread_count = record.unread_count
            # `dirty` also holds rows set to the values they had: only real changes count,
            # or every quiet round would make the views reload.
            added = [f for f in s.new if isinstance(f, MailFolder)]
            changed = [f for f in s.dirty if isinstance(f, MailFolder) and s.is_modified(f)]
            s.flush()
            return Changes.of(Kind.FOLDER, created=[f.id for f in added],
                              updated=[f.id for f in changed])

    def _folder_id(self, s: Session, folder: FolderRecord) -> int:
        folder_id = s.scalar(select(MailFolder.id).where(MailFolder.exchange_id == folder.exchange_id))
        assert folder_id is not None, "folders are stored before they are synced"
        return folder_id

    # -- one mail folder ---------------------------------------------------------
    def sync_folder(self, folder: FolderRecord, report: SyncReport) -> None:
        """Page after page, each stored with its state. The next page is asked for while
        this one is stored (its state is known already), so the store's writes hide
        behind the server's answer; one request in flight, never more."""
        with self._sessions() as s:
            folder_id = self._folder_id(s, folder)
            state = s.scalar(select(SyncState.state).where(SyncState.folder_id == folder_id)) or ""
        seen: set[str] | None = set() if not state else None
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="pages") as ahead:
            pending = ahead.submit(self._page, folder, state)
            while not self._ctx.cancelled:
                try:
                    page, bodies = pending.result()
                except SyncStateInvalid:
                    if folder.name in report.full_resyncs:
                        raise  # rejected again from scratch: a server fault, not our state
                    log.warning("sync state of folder %s rejected; resyncing it whole", folder_id)
                    report.full_resyncs.append(folder.name)
                    self._forget_state(folder_id)
                    seen = set()
                    pending = ahead.submit(self._page, folder, "")
                    continue
                following = None if page.last_page or self._ctx.cancelled \
                    else ahead.submit(self._page, folder, page.sync_state)
                self._apply_page(folder_id, page, report, seen, bodies)
                if following is None:
                    if page.last_page and seen is not None:
                        self._drop_unseen(folder_id, seen, report)
                    return
                pending = following

    def _page(self, folder: FolderRecord, state: str) -> tuple[SyncPage, dict[str, MailBody]]:
        """A page, with the bodies of the mails in it the store does not have yet: a new
        mail is then stored whole, indexed for search once instead of twice."""
        page = self._backend.sync_page(folder, state, max_changes=self._options.page_size)
        arrived = [c.item.exchange_id for c in page.changes if isinstance(c, Upserted)
                   and (c.item.sensitivity not in PRIVATE or self._show_private)]
        if not arrived:
            return page, {}
        with self._sessions() as s:
            known = set(s.scalars(select(Mail.exchange_id).where(Mail.exchange_id.in_(arrived))))
        wanted = [exchange_id for exchange_id in arrived if exchange_id not in known]
        # One call for the page: the backend batches as its protocol likes (EWS GetItem by
        # the hundred, Graph $batch by twenty).
        fetched = self._backend.fetch_bodies(wanted) if wanted else []
        return page, {exchange_id: body for exchange_id, body in zip(wanted, fetched, strict=True)
                      if body is not None}

    def _forget_state(self, folder_id: int) -> None:
        with self._sessions.begin() as s:
            s.execute(delete(SyncState).where(SyncState.folder_id == folder_id))

    def _apply_page(self, folder_id: int, page: SyncPage, report: SyncReport,
                    seen: set[str] | None, bodies: dict[str, MailBody] | None = None) -> None:
        upserts = [c.item for c in page.changes if isinstance(c, Upserted)]
        with self._sessions.begin() as s:
            ids = [u.exchange_id for u in upserts] + [
                c.exchange_id for c in page.changes if not isinstance(c, Upserted)
            ]
            existing = {m.exchange_id or "": m
                        for m in s.scalars(select(Mail).where(Mail.exchange_id.in_(ids)))}
            pending = self._pending_fields(s, [m.id for m in existing.values()])
            updated: set[int] = set()
            removed: set[int] = set()
            # Removals first, so a mail moved out and back within this page is adopted too.
            for change in page.changes:
                mail = existing.pop(change.exchange_id, None) \
                    if isinstance(change, Removed) else None
                twin = self._gone(s, mail, pending) if mail is not None else None
                if mail is not None and twin is not None:  # moved: it took the twin's id
                    removed.add(twin)
                    updated.add(mail.id)
            adopted = self._adopt([u for u in upserts if u.exchange_id not in existing], s,
                                  existing)
            pending |= self._pending_fields(s, adopted)
            new_rows: dict[str, dict[str, object]] = {}
            for change in page.changes:
                if isinstance(change, Upserted):
                    if seen is not None:
                        seen.add(change.item.exchange_id)
                    if change.item.exchange_id in existing:
                        mail_id = existing[change.item.exchange_id].id
                        kept = self._upsert_mail(s, folder_id, change.item, existing, pending,
                                                 report)
                        (updated if kept else removed).add(mail_id)
                    elif change.item.sensitivity not in PRIVATE or self._show_private:
                        new_rows[change.item.exchange_id] = _new_mail_row(
                            folder_id, change.item, (bodies or {}).get(change.item.exchange_id))
                elif isinstance(change, Removed):  # came and went within this page
                    new_rows.pop(change.exchange_id, None)
                elif isinstance(change, ReadFlagChanged):
                    mail = existing.get(change.exchange_id)
                    if mail is not None and "is_read" not in pending.get(mail.id, ()):
                        mail.is_read = change.is_read
                        updated.add(mail.id)
                        report.updated += 1
            created: list[int] = []
            if new_rows:  # a page of new mail in one statement, not one object each
                made = s.execute(insert(Mail).returning(Mail.id, Mail.internet_message_id,
                                                        Mail.exchange_id),
                                 list(new_rows.values())).all()
                created = [mail_id for mail_id, _, _ in made]
                report.created += len(new_rows)
                self._note_twins(s, [(mail_id, message_id) for mail_id, message_id, _ in made])
                report.bodies += self._store_attachments(s, made, bodies or {})
            _save_state(s, folder_id, page.sync_state, self._clock.now())
        self._changed(report, Changes.of(Kind.MAIL, created=created, updated=updated - removed,
                                         removed=removed))

    @staticmethod
    def _store_attachments(s: Session, made: list[Any], bodies: dict[str, MailBody]) -> int:
        """The attachment rows of new mails stored with their bodies; how many bodies."""
        rows: list[dict[str, object]] = []
        stored = 0
        for mail_id, _, exchange_id in made:
            body = bodies.get(exchange_id or "")
            if body is not None:
                stored += 1
                rows += _attachment_rows(mail_id, body)
        if rows:
            s.execute(insert(Attachment), rows)
        return stored

    def _pending_fields(self, s: Session, mail_ids: list[int]) -> dict[int, set[str]]:
        if not mail_ids:
            return {}
        rows = s.execute(
            select(OutboxEntry.mail_id, OutboxEntry.kind).where(
                OutboxEntry.mail_id.in_(mail_ids),
                OutboxEntry.status.in_(OPEN_STATUSES),
            )
        ).all()
        pending: dict[int, set[str]] = {}
        for mail_id, kind in rows:
            if mail_id is not None:
                pending.setdefault(mail_id, set()).update(pending_fields([kind]))
        return pending

    def _upsert_mail(self, s: Session, folder_id: int, item: MailSummary,
                     existing: dict[str, Mail], pending: dict[int, set[str]],
                     report: SyncReport) -> bool:
        """Update the local mail; False when it was removed instead."""
        mail = existing[item.exchange_id]
        if item.sensitivity in PRIVATE and not self._show_private:
            s.delete(mail)  # it became private in Outlook: forget it
            existing.pop(item.exchange_id)
            report.removed += 1
            return False
        report.updated += 1
        _refresh(mail, folder_id, _summary_columns(item), item.meeting,
                 pending.get(mail.id, set()))
        return True

    # -- a mail moved in Outlook keeps its row ----------------------------------------
    def _gone(self, s: Session, mail: Mail, pending: dict[int, set[str]]) -> int | None:
        """Exchange removed `mail` from its folder. If it arrived in a folder synced earlier
        this round, it takes over that new row (whose id is returned, as removed); else it
        is parked till the round's end, for its arrival in a folder still to come."""
        twin_id = self._arrived.pop(mail.internet_message_id or "", None)
        twin = s.get(Mail, twin_id) if twin_id is not None and twin_id != mail.id else None
        if twin is None:
            mail.change_key = GONE
            self._parked.add(mail.id)
            return None
        columns = {name: getattr(twin, name) for name in _SUMMARY_NAMES}
        exchange_id, folder_id, meeting = twin.exchange_id, twin.folder_id, twin.meeting
        s.delete(twin)
        s.flush()  # its Exchange id is unique: free it first
        mail.exchange_id = exchange_id
        _refresh(mail, folder_id, columns, meeting, pending.get(mail.id, set()))
        return twin_id

    def _adopt(self, arrivals: list[MailSummary], s: Session,
               existing: dict[str, Mail]) -> list[int]:
        """New items that are parked mails moved in Outlook: the parked row takes the new
        id (and is then updated as a known mail), so its links and local fields stay.
        Returns the adopted rows' ids."""
        if not self._parked or not arrivals:
            return []
        message_ids = [a.internet_message_id for a in arrivals if a.internet_message_id]
        received = [a.received_at for a in arrivals if a.received_at is not None]
        by_message_id: dict[str, Mail] = {}
        by_looks: dict[tuple[object, ...], Mail] = {}
        for chunk in chunked(sorted(self._parked)):
            for mail in s.scalars(select(Mail).where(Mail.id.in_(chunk), or_(
                    Mail.internet_message_id.in_(message_ids),
                    and_(Mail.internet_message_id.is_(None), Mail.received_at.in_(received))))):
                if mail.internet_message_id:
                    by_message_id[mail.internet_message_id] = mail
                else:
                    by_looks[_looks(mail.received_at, mail.subject, mail.sender_email)] = mail
        adopted = []
        for item in arrivals:
            mail = by_message_id.pop(item.internet_message_id, None) \
                or by_looks.pop(_looks(item.received_at, item.subject, item.sender_email), None)
            if mail is not None:
                self._parked.discard(mail.id)
                mail.exchange_id = item.exchange_id
                existing[item.exchange_id] = mail
                adopted.append(mail.id)
        return adopted

    def _note_twins(self, s: Session, made: list[tuple[int, str | None]]) -> None:
        """New rows whose Message-ID another row still has: if that row is removed later
        this round, the mail moved (to a folder synced before its old one)."""
        new = {message_id: mail_id for mail_id, message_id in made if message_id}
        if not new:
            return
        twins = set(s.scalars(select(Mail.internet_message_id).where(
            Mail.internet_message_id.in_(list(new)), Mail.id.not_in(list(new.values())))))
        self._arrived.update((message_id, new[message_id]) for message_id in twins
                             if message_id is not None)

    def _drop_parked(self, report: SyncReport) -> None:
        """After every folder synced: the parked mails that arrived nowhere are gone."""
        if not self._parked:
            return
        gone: list[int] = []
        with self._sessions.begin() as s:
            for chunk in chunked(sorted(self._parked)):
                for mail in s.scalars(select(Mail).where(Mail.id.in_(chunk),
                                                         Mail.change_key == GONE)):
                    gone.append(mail.id)
                    s.delete(mail)
        self._parked = set()
        report.removed += len(gone)
        self._changed(report, Changes.of(Kind.MAIL, removed=gone))

    def _drop_unseen(self, folder_id: int, seen: set[str], report: SyncReport) -> None:
        """After a full sync: what the server no longer has in this folder goes."""
        with self._sessions.begin() as s:
            local = s.execute(select(Mail.id, Mail.exchange_id)
                              .where(Mail.folder_id == folder_id)).all()
            moving = set(s.scalars(select(OutboxEntry.mail_id).where(  # filed here, not yet
                OutboxEntry.kind.in_(kinds_owning("folder_id")),       # in Exchange
                OutboxEntry.status.in_(OPEN_STATUSES))))
            gone = [mail_id for mail_id, exchange_id in local
                    if exchange_id and exchange_id not in seen and mail_id not in moving
                    and mail_id not in self._parked]
            pending = self._pending_fields(s, gone)
            twins: list[int] = []
            updated: list[int] = []
            for chunk in chunked(gone):
                for mail in s.scalars(select(Mail).where(Mail.id.in_(chunk))):
                    twin = self._gone(s, mail, pending)
                    if twin is not None:
                        twins.append(twin)
                        updated.append(mail.id)
        self._changed(report, Changes.of(Kind.MAIL, updated=updated, removed=twins))

    # -- bodies --------------------------------------------------------------------
    def fetch_missing_bodies(self, report: SyncReport) -> None:
        """Bodies of the mails that have none yet, a batch at a time. The next batch is
        asked for while this one is stored, so the store's writes hide behind the
        server's answer (one request in flight, never more)."""
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="bodies") as ahead:
            batch = self._bodiless_after(0)
            pending = ahead.submit(self._fetch_bodies, batch) if batch else None
            while pending is not None:
                bodies = pending.result()
                following = [] if self._ctx.cancelled else self._bodiless_after(batch[-1][0])
                pending = ahead.submit(self._fetch_bodies, following) if following else None
                self._store_bodies(batch, bodies, report)
                batch = following

    def _bodiless_after(self, last_id: int) -> list[tuple[int, str]]:
        with self._sessions() as s:
            rows = s.execute(
                select(Mail.id, Mail.exchange_id)
                .where(Mail.body_html.is_(None), Mail.exchange_id.is_not(None), Mail.id > last_id)
                .order_by(Mail.id)
                .limit(self._options.body_batch)
            ).all()
        return [(mail_id, exchange_id or "") for mail_id, exchange_id in rows]

    def _fetch_bodies(self, batch: list[tuple[int, str]]) -> list[MailBody | None]:
        return self._backend.fetch_bodies([exchange_id for _, exchange_id in batch])

    def _store_bodies(self, batch: list[tuple[int, str]], bodies: list[MailBody | None],
                      report: SyncReport) -> None:
        ids = [mail_id for mail_id, _ in batch]
        rows, attachments = [], []
        for mail_id, body in zip(ids, bodies, strict=True):
            if body is None:  # gone meanwhile; the next sync removes it
                rows.append({"b_id": mail_id, "html": "", "text": "", "to": [], "cc": [],
                             "reply_to": []})
                continue
            rows.append({"b_id": mail_id, "html": body.body_html, "text": body.body_text,
                         "to": list(body.to_recipients), "cc": list(body.cc_recipients),
                         "reply_to": list(body.reply_to)})
            attachments += _attachment_rows(mail_id, body)
            report.bodies += 1
        # Filling in a body is the server's data arriving, not an edit: one
        # executemany per batch (the search triggers still see every row).
        with self._sessions.begin() as s:
            s.execute(delete(Attachment).where(Attachment.mail_id.in_(ids)))
            s.execute(_FILL_BODY, rows)
            if attachments:
                s.execute(insert(Attachment), attachments)
        self._changed(report, Changes.of(Kind.MAIL, updated=ids))

    # -- calendar --------------------------------------------------------------------
    def sync_calendar(self, folder: FolderRecord, report: SyncReport) -> None:
        with self._sessions() as s:
            folder_id = self._folder_id(s, folder)
            row = s.scalar(select(SyncState).where(SyncState.folder_id == folder_id))
            state = row.state if row else ""
            last = row.last_synced_at if row else None
        changed = not state
        window = self._window()
        while True:
            try:
                page = self._backend.sync_page(folder, state, max_changes=512, window=window)
            except SyncStateInvalid:
                state, changed = "", True
                continue
            changed = changed or bool(page.changes)
            state = page.sync_state
            if page.last_page:
                break
        today = self._clock.now().astimezone(BRUSSELS).date()
        moved_on = last is None or last.astimezone(BRUSSELS).date() != today
        if changed or moved_on:
            events, touched = self._refresh_calendar()
            report.events = events
            self._changed(report, touched)
        with self._sessions.begin() as s:
            _save_state(s, folder_id, state, self._clock.now())

    def refresh_calendar(self) -> int:
        """Replace the window's appointments with what the server has now."""
        return self._refresh_calendar()[0]

    def _window(self) -> tuple[datetime, datetime]:
        now = self._clock.now()
        return now - timedelta(days=self._options.days_back), \
            now + timedelta(days=self._options.days_ahead)

    def _refresh_calendar(self) -> tuple[int, Changes]:
        start, end = self._window()
        events = self._backend.calendar_view(start, end)
        with self._sessions.begin() as s:
            existing = {
                e.exchange_id: e
                for e in s.scalars(select(CalendarEvent).where(
                    CalendarEvent.exchange_id.is_not(None),
                    CalendarEvent.end_at > start, CalendarEvent.start_at < end,
                ))
            }
            waiting = set(s.scalars(select(OutboxEntry.event_id).where(
                OutboxEntry.event_id.in_([e.id for e in existing.values()]),
                OutboxEntry.status.in_(OPEN_STATUSES))))
            new_rows: list[dict[str, object]] = []
            updated = []
            for record in events:
                row = existing.pop(record.exchange_id, None)
                if row is None:
                    new_rows.append({"exchange_id": record.exchange_id,
                                     **self._event_values(record)})
                    continue
                if row.id in waiting:
                    continue  # her change is still on its way: it wins until pushed
                if row.change_key != record.change_key:
                    updated.append(row.id)
                for column, value in self._event_values(record).items():
                    setattr(row, column, value)
            gone = [stale for stale in existing.values() if stale.id not in waiting]
            removed = [stale.id for stale in gone]
            for stale in gone:
                s.delete(stale)
            s.flush()
            # New appointments in one statement (a first sync brings a thousand).
            created = list(s.scalars(insert(CalendarEvent).returning(CalendarEvent.id),
                                     new_rows)) if new_rows else []
            touched = Changes.of(Kind.EVENT, created=created, updated=updated,
                                 removed=removed)
        return len(events), touched

    def _event_values(self, record: EventRecord) -> dict[str, object]:
        """An appointment's columns as the server has it; a private one as a busy block
        only (nothing readable is kept)."""
        private = record.sensitivity in PRIVATE and not self._show_private
        values: dict[str, object] = {
            "change_key": record.change_key, "start_at": record.start_at,
            "end_at": record.end_at, "is_all_day": record.is_all_day,
            "sensitivity": record.sensitivity, "is_private_block": private,
            "is_cancelled": record.is_cancelled,
            "series_exchange_id": record.series_exchange_id or None,
        }
        if private:
            return {**values, "subject": PRIVATE_SUBJECT, "location": "", "organizer": "",
                    "attendees": [], "categories": [], "body_text": ""}
        return {**values, "subject": record.subject, "location": record.location,
                "organizer": record.organizer, "attendees": list(record.attendees),
                "categories": list(record.categories), "body_text": record.body_text}


