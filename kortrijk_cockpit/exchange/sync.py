"""Pull: Exchange -> the local store, restartable at any moment.

Each page of changes is committed in the same transaction as that folder's new
SyncState, so a kill between pages loses nothing and duplicates nothing: the
next run resumes from the last committed state. Bodies are fetched afterwards
for every mail that has none yet (also idempotent). The calendar is re-read
for its window when the calendar folder reports changes or the day moved on.

Private items never land readable: a private mail is not stored, a private
appointment only as a busy block ("Privé").
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import cast

from sqlalchemy import Table, bindparam, delete, insert, null, select, update
from sqlalchemy.orm import Session, sessionmaker

from kortrijk_cockpit.changes import NOTHING, Changes, Kind
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
from kortrijk_cockpit.exchange.outbox_kinds import OPEN_STATUSES, kinds_owning, pending_fields
from kortrijk_cockpit.exchange.records import (
    EventRecord,
    FolderRecord,
    MailSummary,
    ReadFlagChanged,
    Removed,
    SyncPage,
    Upserted,
)
from kortrijk_cockpit.clock import BRUSSELS, Clock
from kortrijk_cockpit.store.database import store_errors
from kortrijk_cockpit.task_context import TaskContext

log = logging.getLogger(__name__)

_mails = cast(Table, Mail.__table__)
_FILL_BODY = (
    update(_mails)
    .where(_mails.c.id == bindparam("b_id"))
    .values(body_html=bindparam("html"), body_text=bindparam("text"),
            to_recipients=bindparam("to"), cc_recipients=bindparam("cc"))
)

PRIVATE = (Sensitivity.PRIVATE,)
PRIVATE_SUBJECT = "Privé"
MAIL_KINDS = (FolderKind.INBOX, FolderKind.SENT, FolderKind.DELETED, FolderKind.CUSTOM)
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
        "received_at": item.received_at, "sent_at": item.sent_at, "is_read": item.is_read,
        "categories": list(item.categories), "flag_status": item.flag_status,
        "flag_due_at": item.flag_due_at, "importance": item.importance,
        "sensitivity": item.sensitivity, "has_attachments": item.has_attachments,
        "conversation_id": item.conversation_id or None, "item_class": item.item_class,
    }


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


def _new_mail_row(folder_id: int, item: MailSummary) -> dict[str, object]:
    return {
        **_summary_columns(item), "meeting": _meeting_value(item.meeting),
        "folder_id": folder_id, "exchange_id": item.exchange_id,
        "body_html": None, "body_text": "", "to_recipients": [], "cc_recipients": [],
        "version": 1,
    }


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
        for step, folder in enumerate(mail_folders):
            self._ctx.progress(step, steps, folder.name)
            self.sync_folder(folder, report)
            if self._ctx.cancelled:
                return report
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
        with self._sessions() as s:
            folder_id = self._folder_id(s, folder)
            state = s.scalar(select(SyncState.state).where(SyncState.folder_id == folder_id)) or ""
        seen: set[str] | None = set() if not state else None
        while not self._ctx.cancelled:
            try:
                page = self._backend.sync_page(folder, state, max_changes=self._options.page_size)
            except SyncStateInvalid:
                if folder.name in report.full_resyncs:
                    raise  # rejected again from scratch: a server fault, not our state
                log.warning("sync state of folder %s rejected; resyncing it whole", folder_id)
                report.full_resyncs.append(folder.name)
                self._forget_state(folder_id)
                state, seen = "", set()
                continue
            self._apply_page(folder_id, page, report, seen)
            state = page.sync_state
            if page.last_page:
                if seen is not None:
                    self._drop_unseen(folder_id, seen, report)
                return

    def _forget_state(self, folder_id: int) -> None:
        with self._sessions.begin() as s:
            s.execute(delete(SyncState).where(SyncState.folder_id == folder_id))

    def _apply_page(self, folder_id: int, page: SyncPage, report: SyncReport,
                    seen: set[str] | None) -> None:
        upserts = [c.item for c in page.changes if isinstance(c, Upserted)]
        with self._sessions.begin() as s:
            ids = [u.exchange_id for u in upserts] + [
                c.exchange_id for c in page.changes if not isinstance(c, Upserted)
            ]
            existing = {m.exchange_id or "": m
                        for m in s.scalars(select(Mail).where(Mail.exchange_id.in_(ids)))}
            pending = self._pending_fields(s, [m.id for m in existing.values()])
            new_rows: dict[str, dict[str, object]] = {}
            updated: set[int] = set()
            removed: set[int] = set()
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
                        new_rows[change.item.exchange_id] = _new_mail_row(folder_id, change.item)
                elif isinstance(change, Removed):
                    new_rows.pop(change.exchange_id, None)
                    mail = existing.pop(change.exchange_id, None)
                    if mail is not None:
                        removed.add(mail.id)
                        s.delete(mail)
                        report.removed += 1
                elif isinstance(change, ReadFlagChanged):
                    mail = existing.get(change.exchange_id)
                    if mail is not None and "is_read" not in pending.get(mail.id, ()):
                        mail.is_read = change.is_read
                        updated.add(mail.id)
                        report.updated += 1
            created: list[int] = []
            if new_rows:  # a page of new mail in one statement, not one object each
                created = list(s.scalars(insert(Mail).returning(Mail.id),
                                         list(new_rows.values())))
                report.created += len(new_rows)
            _save_state(s, folder_id, page.sync_state, self._clock.now())
        self._changed(report, Changes.of(Kind.MAIL, created=created, updated=updated - removed,
                                         removed=removed))

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
        if mail.change_key != item.change_key:
            mail.body_html = None  # changed on the server: fetch the body again
        report.updated += 1
        kept = pending.get(mail.id, set())
        if "folder_id" not in kept:  # a move waiting to go: the mail stays where she put it
            mail.folder_id = folder_id
        for column, value in _summary_columns(item).items():
            if column not in kept:  # fields with a change waiting to go keep her value
                setattr(mail, column, value)
        if "meeting" not in kept:  # an answer on its way keeps what she chose
            meeting = _merged_meeting(mail.meeting, item.meeting)
            if meeting != mail.meeting:
                mail.meeting = _meeting_value(meeting)  # type: ignore[assignment]
        return True

    def _drop_unseen(self, folder_id: int, seen: set[str], report: SyncReport) -> None:
        """After a full sync: what the server no longer has in this folder goes."""
        with self._sessions.begin() as s:
            local = s.execute(select(Mail.id, Mail.exchange_id)
                              .where(Mail.folder_id == folder_id)).all()
            moving = set(s.scalars(select(OutboxEntry.mail_id).where(  # filed here, not yet
                OutboxEntry.kind.in_(kinds_owning("folder_id")),       # in Exchange
                OutboxEntry.status.in_(OPEN_STATUSES))))
            gone = [mail_id for mail_id, exchange_id in local
                    if exchange_id and exchange_id not in seen and mail_id not in moving]
            for mail in s.scalars(select(Mail).where(Mail.id.in_(gone))):
                s.delete(mail)
            report.removed += len(gone)
        self._changed(report, Changes.of(Kind.MAIL, removed=gone))

    # -- bodies --------------------------------------------------------------------
    def fetch_missing_bodies(self, report: SyncReport) -> None:
        last_id = 0
        while not self._ctx.cancelled:
            with self._sessions() as s:
                batch = s.execute(
                    select(Mail.id, Mail.exchange_id)
                    .where(Mail.body_html.is_(None), Mail.exchange_id.is_not(None), Mail.id > last_id)
                    .order_by(Mail.id)
                    .limit(self._options.body_batch)
                ).all()
            if not batch:
                return
            last_id = batch[-1][0]
            bodies = self._backend.fetch_bodies([exchange_id or "" for _, exchange_id in batch])
            ids = [mail_id for mail_id, _ in batch]
            rows, attachments = [], []
            for mail_id, body in zip(ids, bodies, strict=True):
                if body is None:  # gone meanwhile; the next sync removes it
                    rows.append({"b_id": mail_id, "html": "", "text": "", "to": [], "cc": []})
                    continue
                rows.append({"b_id": mail_id, "html": body.body_html, "text": body.body_text,
                             "to": list(body.to_recipients), "cc": list(body.cc_recipients)})
                attachments += [
                    {"mail_id": mail_id, "exchange_id": a.exchange_id, "name": a.name,
                     "content_type": a.content_type, "size": a.size, "is_inline": a.is_inline,
                     "content_id": a.content_id or None}
                    for a in body.attachments
                ]
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
        while True:
            try:
                page = self._backend.sync_page(folder, state, max_changes=512)
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

    def _refresh_calendar(self) -> tuple[int, Changes]:
        now = self._clock.now()
        start = now - timedelta(days=self._options.days_back)
        end = now + timedelta(days=self._options.days_ahead)
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
            added, updated = [], []
            for record in events:
                row = existing.pop(record.exchange_id, None)
                if row is None:
                    row = CalendarEvent(exchange_id=record.exchange_id)
                    s.add(row)
                    added.append(row)
                elif row.id in waiting:
                    continue  # her change is still on its way: it wins until pushed
                elif row.change_key != record.change_key:
                    updated.append(row.id)
                self._fill_event(row, record)
            gone = [stale for stale in existing.values() if stale.id not in waiting]
            removed = [stale.id for stale in gone]
            for stale in gone:
                s.delete(stale)
            s.flush()
            touched = Changes.of(Kind.EVENT, created=[r.id for r in added], updated=updated,
                                 removed=removed)
        return len(events), touched

    def _fill_event(self, row: CalendarEvent, record: EventRecord) -> None:
        private = record.sensitivity in PRIVATE and not self._show_private
        row.change_key = record.change_key
        row.start_at = record.start_at
        row.end_at = record.end_at
        row.is_all_day = record.is_all_day
        row.sensitivity = record.sensitivity
        row.is_private_block = private
        row.is_cancelled = record.is_cancelled
        row.series_exchange_id = record.series_exchange_id or None
        if private:  # a busy block only: nothing readable is kept
            row.subject, row.location, row.organizer = PRIVATE_SUBJECT, "", ""
            row.attendees, row.categories, row.body_text = [], [], ""
        else:
            row.subject = record.subject
            row.location = record.location
            row.organizer = record.organizer
            row.attendees = list(record.attendees)
            row.categories = list(record.categories)
            row.body_text = record.body_text


