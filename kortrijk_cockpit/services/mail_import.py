"""Importing mail (.eml, .msg) and calendar (.ics) files into the store.

Imported mail lands in the local folder "Geïmporteerd" (never synced), so it
can be triaged and handed on like any mail; imported events are local
calendar rows, never pushed. Each file is one transaction: a broken file
gives one Dutch line naming it and the reason, and the others still import.
Importing the same file again adds nothing (same Message-ID, or same UID and
start for an event).
"""

from __future__ import annotations

import hashlib
import logging
import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kortrijk_cockpit.changes import NOTHING, Changes, Kind
from kortrijk_cockpit.clock import BRUSSELS, Clock
from kortrijk_cockpit.domain import Attachment, CalendarEvent, FolderKind, Mail, MailFolder
from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.exchange.attachments import safe_filename, unique_path
from kortrijk_cockpit.imports.records import NotReadable, ParsedCalendar, ParsedMail
from kortrijk_cockpit.task_context import Cancelled, TaskContext

log = logging.getLogger(__name__)

IMPORTED_FOLDER = "Geïmporteerd"
MAX_MB = 50
MAX_BYTES = MAX_MB * 1024 * 1024  # a mail with attachments; refused before it is read whole
KINDS = (".eml", ".msg", ".ics")
ALREADY = "al geïmporteerd"
UNEXPECTED = "kon niet worden gelezen (onverwachte fout; details in het logbestand)"


@dataclass(frozen=True)
class ImportSkip:
    """A file that was read but added nothing."""

    path: Path
    reason: str

    @property
    def line(self) -> str:
        return f"{_shown(self.path)}: {self.reason}"


@dataclass(frozen=True)
class ImportFailure:
    """A file that could not be read; or, `partial`, one event in a file whose others were."""

    path: Path
    reason: str
    partial: bool = False

    @property
    def line(self) -> str:
        return f"{_shown(self.path)}: {self.reason}"


@dataclass(frozen=True)
class ImportedFile:
    path: Path
    mails: tuple[int, ...] = ()
    events: tuple[int, ...] = ()
    subject: str = ""  # of the mail, or of the calendar's first event
    notes: tuple[str, ...] = ()  # what was cut short or kept aside, in Dutch

    @property
    def line(self) -> str:
        if self.mails:
            text = f"{_shown(self.path)}: mail \u201c{self.subject}\u201d ge\u00efmporteerd"
        else:
            count = len(self.events)
            text = f"{_shown(self.path)}: {count} {'afspraak' if count == 1 else 'afspraken'} " \
                   "ge\u00efmporteerd"
        return text + (f" ({'; '.join(self.notes)})" if self.notes else "")


@dataclass(frozen=True)
class ImportReport:
    mails: list[int] = field(default_factory=list)
    events: list[int] = field(default_factory=list)
    skipped: list[ImportSkip] = field(default_factory=list)
    failures: list[ImportFailure] = field(default_factory=list)
    changes: Changes = NOTHING
    imported: list[ImportedFile] = field(default_factory=list)
    cancelled: bool = False  # stopped early; what was imported by then stays

    @property
    def noted(self) -> list[ImportedFile]:
        """Files imported with a remark (a series cut short, parts kept aside)."""
        return [i for i in self.imported if i.notes]

    @property
    def summary(self) -> str:
        parts = [f"{len(self.mails)} {'mail' if len(self.mails) == 1 else 'mails'}",
                 f"{len(self.events)} {'afspraak' if len(self.events) == 1 else 'afspraken'}"]
        text = f"Ge\u00efmporteerd: {' en '.join(parts)}"
        if self.skipped:
            text += f"; {len(self.skipped)} overgeslagen"
        files = sum(not f.partial for f in self.failures)
        if files:
            text += f"; {files} {'bestand' if files == 1 else 'bestanden'} niet gelezen"
        events = len(self.failures) - files
        if events:
            text += f"; {events} {'afspraak' if events == 1 else 'afspraken'} niet gelezen"
        return text + (" (afgebroken)." if self.cancelled else ".")


_Outcome = ImportSkip | tuple[ImportedFile, Changes]


class MailImporter:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock, attachments_dir: Path,
                 *, days_back: int = 90, days_ahead: int = 365) -> None:
        self._sessions = sessions
        self._clock = clock
        self._attachments = attachments_dir
        self._days = (days_back, days_ahead)  # the calendar window, as the sync keeps it

    def import_files(self, paths: Iterable[Path | str],
                     ctx: TaskContext | None = None) -> ImportReport:
        ctx = ctx or TaskContext()
        files = [Path(p) for p in paths]
        report = ImportReport()
        for done, path in enumerate(files):
            if ctx.cancelled:
                return _with(report, cancelled=True)
            ctx.progress(done, len(files), _shown(path))
            try:
                outcome, broken = self._import_one(path, ctx)
            except NotReadable as exc:
                report.failures.append(ImportFailure(path, exc.reason))
                continue
            except Cancelled:
                return _with(report, cancelled=True)  # that file's transaction rolled back
            except UserFacingError as exc:  # the store refused it: say why, in its words
                log.warning("import of %s failed: %s", _shown(path), exc.user_message)
                report.failures.append(ImportFailure(path, exc.user_message))
                continue
            except Exception:  # noqa: BLE001 - one bad file never stops the others
                log.exception("import of %s failed", _shown(path))
                report.failures.append(ImportFailure(path, UNEXPECTED))
                continue
            report.failures.extend(ImportFailure(path, line, partial=True) for line in broken)
            if isinstance(outcome, ImportSkip):
                report.skipped.append(outcome)
            else:
                imported, changes = outcome
                report.imported.append(imported)
                report.mails.extend(imported.mails)
                report.events.extend(imported.events)
                report = _with(report, changes=report.changes | changes)
        ctx.progress(len(files), len(files), "")
        return report

    # -- one file ---------------------------------------------------------------
    def _import_one(self, path: Path, ctx: TaskContext) -> tuple[_Outcome, tuple[str, ...]]:
        """What importing the file gave, and a line per event in it that could not be read."""
        data = _read(path)
        suffix = path.suffix.lower()
        if suffix == ".ics":
            now = self._clock.now()
            start, end = now - timedelta(days=self._days[0]), now + timedelta(days=self._days[1])
            from kortrijk_cockpit.imports.ics import parse_ics

            calendar = parse_ics(data, start, end, ctx)
            if not calendar.events:
                window = f"{_day(start)} en {_day(end)}"
                return ImportSkip(path, f"geen afspraken tussen {window}"), calendar.broken
            return self._store_events(path, calendar, ctx), calendar.broken
        if suffix == ".msg":
            from kortrijk_cockpit.imports.msg import parse_msg

            mail = parse_msg(data)
        else:
            from kortrijk_cockpit.imports.eml import parse_eml

            mail = parse_eml(data)
        return self._store_mail(path, mail, _received(path, mail, self._clock.now())), ()

    def _store_mail(self, path: Path, parsed: ParsedMail, received: datetime) -> _Outcome:
        # Without a Message-ID the content itself identifies the mail on a second import.
        message_id = _text(parsed.internet_message_id or "", 998) or _content_id(parsed)
        with self._sessions.begin() as s:
            existing = s.execute(select(Mail.id, MailFolder.kind).join(MailFolder)
                                 .where(Mail.internet_message_id == message_id).limit(1)).first()
            if existing is not None:
                reason = ALREADY if existing.kind is FolderKind.IMPORTED \
                    else "staat al in de mailbox"
                return ImportSkip(path, reason)
            folder, folder_changes = self._folder(s)
            mail = Mail(
                folder_id=folder.id, subject=_text(parsed.subject, 1024),
                sender_name=_text(parsed.sender_name), sender_email=_text(parsed.sender_email),
                to_recipients=[_text(a) for a in parsed.to],
                cc_recipients=[_text(a) for a in parsed.cc],
                reply_to=[_text(a) for a in parsed.reply_to],
                received_at=received, sent_at=parsed.sent_at,
                body_text=_text(parsed.body_text), body_html=_text(parsed.body_html),
                has_attachments=any(not a.is_inline for a in parsed.attachments),
                internet_message_id=message_id, imported_from=_text(_shown(path), 1024),
            )
            s.add(mail)
            s.flush()
            folder.total_count += 1
            folder.unread_count += 1
            target = self._attachments / str(mail.id)
            try:
                self._save_attachments(s, mail.id, parsed, target)
            except BaseException:
                shutil.rmtree(target, ignore_errors=True)  # the transaction rolls back too
                raise
            changes = folder_changes | Changes.of(Kind.MAIL, created=[mail.id])
            imported = ImportedFile(path, mails=(mail.id,), subject=mail.subject,
                                    notes=parsed.notes)
            return imported, changes

    def _save_attachments(self, s: Session, mail_id: int, parsed: ParsedMail,
                          folder: Path) -> None:
        if not parsed.attachments:
            return
        try:
            folder.mkdir(parents=True, exist_ok=True)
            for part in parsed.attachments:
                name = _text(safe_filename(part.name), 512)
                target = unique_path(folder, name)
                target.write_bytes(part.data)
                s.add(Attachment(mail_id=mail_id, name=_text(part.name, 512) or name,
                                 content_type=_text(part.content_type, 255), size=len(part.data),
                                 is_inline=part.is_inline,
                                 content_id=_text(part.content_id or "", 255) or None,
                                 saved_path=str(target)))
        except OSError as exc:
            raise NotReadable("bijlagen konden niet worden opgeslagen" + (
                ": de schijf is vol" if exc.errno == 28 else f" ({exc.strerror})")) from exc

    def _store_events(self, path: Path, calendar: ParsedCalendar, ctx: TaskContext) -> _Outcome:
        with self._sessions.begin() as s:
            rows = []
            for event in calendar.events:
                ctx.check_cancelled()  # raised inside the transaction: nothing of this file stays
                uid = _text(event.uid, 512)
                if s.scalar(select(CalendarEvent.id).where(
                        CalendarEvent.ical_uid == uid,
                        CalendarEvent.start_at == event.start_at).limit(1)) is not None:
                    continue
                rows.append(CalendarEvent(
                    subject=_text(event.subject, 1024), start_at=event.start_at,
                    end_at=max(event.end_at, event.start_at), is_all_day=event.is_all_day,
                    location=_text(event.location), organizer=_text(event.organizer),
                    attendees=[_text(a) for a in event.attendees],
                    body_text=_text(event.body_text), is_cancelled=event.is_cancelled,
                    ical_uid=uid, imported_from=_text(_shown(path), 1024)))
            if not rows:
                return ImportSkip(path, ALREADY)
            s.add_all(rows)
            s.flush()
            ids = tuple(r.id for r in rows)
            return (ImportedFile(path, events=ids, subject=rows[0].subject, notes=calendar.notes),
                    Changes.of(Kind.EVENT, created=ids))

    @staticmethod
    def _folder(s: Session) -> tuple[MailFolder, Changes]:
        folder = s.scalar(select(MailFolder).where(MailFolder.kind == FolderKind.IMPORTED)
                          .order_by(MailFolder.id).limit(1))
        if folder is not None:
            return folder, Changes.of(Kind.FOLDER, updated=[folder.id])
        folder = MailFolder(display_name=IMPORTED_FOLDER, kind=FolderKind.IMPORTED,
                            sync_enabled=False)
        s.add(folder)
        s.flush()
        return folder, Changes.of(Kind.FOLDER, created=[folder.id])


def _read(path: Path) -> bytes:
    """The file's bytes, after the checks that need no reading (size, type)."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise NotReadable("bestand niet gevonden") from None
    except OSError as exc:
        raise NotReadable(f"kan niet worden gelezen ({exc.strerror})") from exc
    if path.is_dir():
        raise NotReadable("is een map, geen bestand")
    suffix = path.suffix.lower()
    if suffix not in KINDS:
        raise NotReadable(f"onbekend bestandstype {suffix}" if suffix
                          else "onbekend bestandstype (geen extensie)")
    if info.st_size == 0:
        raise NotReadable("leeg bestand")
    if info.st_size > MAX_BYTES:
        size = -(-info.st_size // (1024 * 1024))
        raise NotReadable(f"te groot ({size} MB; maximum {MAX_MB} MB)")
    try:
        with path.open("rb") as file:
            data = file.read(MAX_BYTES + 1)  # it may have grown since stat()
    except OSError as exc:
        raise NotReadable(f"kan niet worden gelezen ({exc.strerror})") from exc
    if len(data) > MAX_BYTES:
        raise NotReadable(f"te groot (meer dan {MAX_MB} MB)")
    return data


def _shown(path: Path) -> str:
    """The file name as a line can carry it: bytes that are no UTF-8 (kept by Python as
    lone surrogates, which no terminal or log file can write) become \ufffd."""
    return path.name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _received(path: Path, mail: ParsedMail, now: datetime) -> datetime:
    """The Date header; else when the file was saved; never in the future."""
    if mail.sent_at is not None:
        return mail.sent_at
    try:
        saved = datetime.fromtimestamp(path.stat().st_mtime, UTC)
    except (OSError, OverflowError, ValueError):
        return now
    return min(saved, now)


def _content_id(mail: ParsedMail) -> str:
    digest = hashlib.sha256()
    for value in (mail.subject, mail.sender_email, mail.body_text,
                  mail.sent_at.isoformat() if mail.sent_at else ""):
        digest.update(value.encode("utf-8", errors="replace") + b"\0")
    return f"<{digest.hexdigest()}@geimporteerd.invalid>"


def _text(value: str, limit: int | None = None) -> str:
    """Storable on both backends: no NUL (PostgreSQL refuses it), no lone surrogates."""
    clean = value.replace("\x00", "").encode("utf-8", errors="replace").decode("utf-8")
    return clean[:limit] if limit is not None else clean


def _day(moment: datetime) -> str:
    return moment.astimezone(BRUSSELS).strftime("%d/%m/%Y")


def _with(report: ImportReport, *, changes: Changes | None = None,
          cancelled: bool = False) -> ImportReport:
    return replace(report, changes=report.changes if changes is None else changes,
                   cancelled=cancelled or report.cancelled)
