"""Distributing a verslag version through the outbox, and the send log.

Two mails per send. The members get the full copy (Word and PDF) with each other in
To: they sat around the table together and a correction before approval goes to all
of them with Reply all. The series' distribution list gets the copy without the
confidential items in Bcc: that list reaches people outside the overleg (diensthoofden,
partners), whose addresses are not shared with each other and who must not Reply all
to the whole list. Every recipient is written to the send log (`MinutesDelivery`) with
the outbox entry that carries their mail, so the log can say "in de outbox",
"verstuurd" or "mislukt" from the outbox itself.

Qt-free; messages are Dutch.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from email.utils import parseaddr
from html import escape
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kortrijk_cockpit.changes import Changes, Kind
from kortrijk_cockpit.clock import BRUSSELS, Clock
from kortrijk_cockpit.domain import (
    AuditEntry,
    DeliveryCopy,
    Meeting,
    MeetingSeries,
    MeetingStatus,
    MinutesDelivery,
    MinutesVersion,
    OutboxEntry,
    OutboxStatus,
    Person,
    SeriesMember,
)
from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.exchange.outbox_kinds import OutboxKind, mail_values, queue
from kortrijk_cockpit.exchange.records import OutgoingAttachment, OutgoingMail
from kortrijk_cockpit.services.agenda_document import Recipient
from kortrijk_cockpit.services.agenda_sending import DOCX_TYPE, PDF_TYPE, addresses


@dataclass(frozen=True)
class Recipients:
    """Who gets which copy of one verslag version (for the confirmation)."""

    version_id: int
    meeting_id: int
    number: int
    title: str  # "Verslag MAT 17/11/2026"
    full: tuple[Recipient, ...]  # members with an address
    wider: tuple[Recipient, ...]  # the distribution list minus the members
    without_address: tuple[str, ...]  # names she has to send to herself
    confidential_titles: tuple[str, ...]  # left out of the wider copy
    sent_before: int  # how often this version was sent already (the UI asks again)


@dataclass(frozen=True)
class Sent:
    full: int
    wider: int
    changes: Changes


class DeliveryState(enum.StrEnum):
    QUEUED = "queued"  # in de outbox
    SENT = "sent"  # verstuurd
    FAILED = "failed"  # mislukt (or a conflict that waits for her in Uitgaand)
    GONE = "gone"  # the outbox entry was discarded


@dataclass(frozen=True)
class DeliveryLine:
    delivery_id: int
    version_id: int
    number: int
    recipient: str
    name: str
    copy: DeliveryCopy
    queued_at: datetime
    state: DeliveryState
    sent_at: datetime | None
    error: str

    @property
    def state_text(self) -> str:
        """The state in Dutch, as the log shows it."""
        if self.state == DeliveryState.SENT:
            return ("verstuurd " + self.sent_at.astimezone(BRUSSELS).strftime("%d/%m/%Y %H:%M")
                    if self.sent_at is not None else "verstuurd")
        if self.state == DeliveryState.FAILED:
            return f"mislukt: {self.error}" if self.error else "mislukt"
        if self.state == DeliveryState.GONE:
            return "geschrapt uit de outbox"
        return "in de outbox"


def _date_text(moment: datetime) -> str:
    return moment.astimezone(BRUSSELS).strftime("%d/%m/%Y")


def _title(series: MeetingSeries | None, meeting: Meeting) -> str:
    return f"Verslag {series.code if series else meeting.title} {_date_text(meeting.starts_at)}"


class VerslagSendingService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock,
                 director_name: str = "") -> None:
        self._sessions = sessions
        self._clock = clock
        self._director = director_name

    # -- who ------------------------------------------------------------------------
    def recipients(self, version_id: int) -> Recipients:
        with self._sessions() as s:
            return self._recipients(s, version_id)

    def _recipients(self, s: Session, version_id: int) -> Recipients:
        version = s.get(MinutesVersion, version_id)
        if version is None:
            raise UserFacingError("Deze versie van het verslag bestaat niet meer.")
        meeting = s.get(Meeting, version.meeting_id)
        assert meeting is not None  # the version cascades with its meeting
        series = s.get(MeetingSeries, meeting.series_id) if meeting.series_id else None
        members: list[Recipient] = []
        if series is not None:
            rows = s.execute(select(Person.full_name, Person.email)
                             .join(SeriesMember, SeriesMember.person_id == Person.id)
                             .where(SeriesMember.series_id == series.id)
                             .order_by(SeriesMember.position, SeriesMember.id))
            members = [Recipient(name, (email or "").strip()) for name, email in rows]
        full = _unique(r for r in members if addresses((r,)))
        taken = {r.address.casefold() for r in full}
        wider: list[Recipient] = []
        without = [r.name for r in members if not addresses((r,))]
        for entry in (series.distribution if series is not None else None) or []:
            name, address = parseaddr(entry)
            recipient = Recipient(name.strip(), address.strip())
            if not addresses((recipient,)):
                without.append(recipient.name or entry.strip())
            elif recipient.address.casefold() not in taken:
                taken.add(recipient.address.casefold())
                wider.append(recipient)
        sent_before = len(set(s.scalars(
            select(MinutesDelivery.queued_at).where(MinutesDelivery.version_id == version_id))))
        return Recipients(
            version_id=version.id, meeting_id=meeting.id, number=version.number,
            title=_title(series, meeting), full=full, wider=tuple(wider),
            without_address=tuple(dict.fromkeys(n for n in without if n)),
            confidential_titles=tuple(version.snapshot.get("confidential_titles") or ()),
            sent_before=sent_before)

    # -- send -----------------------------------------------------------------------
    def send(self, version_id: int) -> Sent:
        """Queue both mails, log every recipient and mark the meeting verslag verstuurd,
        in one transaction: the log never lists a mail that is not in the outbox."""
        with self._sessions.begin() as s:
            who = self._recipients(s, version_id)
            if not who.full and not who.wider:
                raise UserFacingError(
                    "Het verslag kan niet worden verstuurd: dit overleg heeft geen leden of "
                    "verdeellijst met een geldig mailadres. Vul ze aan bij de reeks.")
            version = s.get(MinutesVersion, version_id)
            meeting = s.get(Meeting, who.meeting_id)
            assert version is not None and meeting is not None
            now = self._clock.now()
            entries: list[int] = []
            if who.full:
                files = _files(version.docx_path, version.pdf_path)
                entries.append(self._queue(s, who, files, DeliveryCopy.FULL, now))
            if who.wider:
                entries.append(self._queue(s, who, self._wider_files(version),
                                           DeliveryCopy.WIDER, now))
            if meeting.status != MeetingStatus.CANCELLED:
                meeting.status = MeetingStatus.MINUTES_SENT
            s.flush()
            return Sent(len(who.full), len(who.wider),
                        Changes.of(Kind.OUTBOX, created=entries)
                        | Changes.of(Kind.MEETING, updated=[meeting.id]))

    def _wider_files(self, version: MinutesVersion) -> tuple[OutgoingAttachment, ...]:
        docx, pdf = version.snapshot.get("wider_docx"), version.snapshot.get("wider_pdf")
        if docx and pdf:
            return _files(str(docx), str(pdf))
        if version.snapshot.get("confidential_titles"):
            # Never fall back to the full copy when something must stay out of it.
            raise UserFacingError(
                "Het verslag zonder vertrouwelijke punten ontbreekt voor deze versie. "
                "Maak de versie opnieuw aan.")
        return _files(version.docx_path, version.pdf_path)  # nothing confidential

    def _queue(self, s: Session, who: Recipients, files: tuple[OutgoingAttachment, ...],
               copy: DeliveryCopy, now: datetime) -> int:
        people = who.full if copy == DeliveryCopy.FULL else who.wider
        again = who.sent_before > 0
        subject = f"{who.title} (versie {who.number})" + (" – opnieuw" if again else "")
        body = ["<p>Beste,</p>",
                f"<p>In bijlage het verslag van {escape(who.title.removeprefix('Verslag '))}"
                f" (versie {who.number}), in Word en als PDF.</p>"]
        if copy == DeliveryCopy.FULL:
            if who.confidential_titles:
                body.append("<p>Dit verslag bevat vertrouwelijke punten: niet verder "
                            "verspreiden. De verdeellijst krijgt een versie zonder die "
                            "punten.</p>")
            body.append("<p>Opmerkingen graag vóór het volgende overleg, waar het verslag "
                        "wordt goedgekeurd.</p>")
        body.append("<p>Met vriendelijke groeten,<br>"
                    f"{escape(self._director or 'Het secretariaat')}</p>")
        to = addresses(people)
        mail = OutgoingMail(subject=subject, body_html="".join(body),
                            to=to if copy == DeliveryCopy.FULL else (),
                            bcc=to if copy == DeliveryCopy.WIDER else (),
                            attachments=files)
        entry = queue(s, OutboxKind.SEND_MAIL, mail_values(mail))
        s.flush()
        s.add_all(MinutesDelivery(version_id=who.version_id, recipient=r.address,
                                  recipient_name=r.name, copy=copy,
                                  outbox_entry_id=entry.id, queued_at=now) for r in people)
        return entry.id

    # -- the log ----------------------------------------------------------------------
    def log(self, meeting_id: int) -> list[DeliveryLine]:
        """Every recipient of every version, newest first, with the outbox's word on it."""
        with self._sessions() as s:
            rows = s.execute(
                select(MinutesDelivery, MinutesVersion.number, OutboxEntry.status,
                       OutboxEntry.last_error)
                .join(MinutesVersion, MinutesVersion.id == MinutesDelivery.version_id)
                .outerjoin(OutboxEntry, OutboxEntry.id == MinutesDelivery.outbox_entry_id)
                .where(MinutesVersion.meeting_id == meeting_id)
                .order_by(MinutesDelivery.queued_at.desc(), MinutesVersion.number.desc(),
                          MinutesDelivery.id)).all()
            done = {d.outbox_entry_id for d, _n, status, _e in rows
                    if status == OutboxStatus.DONE}
            sent_at = _pushed_at(s, done)
            lines: list[DeliveryLine] = []
            for delivery, number, status, error in rows:
                if status is None:
                    state = DeliveryState.GONE
                elif status == OutboxStatus.DONE:
                    state = DeliveryState.SENT
                elif status == OutboxStatus.PENDING and not error:
                    state = DeliveryState.QUEUED
                else:
                    state = DeliveryState.FAILED
                lines.append(DeliveryLine(
                    delivery_id=delivery.id, version_id=delivery.version_id, number=number,
                    recipient=delivery.recipient, name=delivery.recipient_name,
                    copy=delivery.copy, queued_at=delivery.queued_at, state=state,
                    sent_at=sent_at.get(delivery.outbox_entry_id or 0),
                    error=error or ""))
            return lines


def _unique(recipients: Iterable[Recipient]) -> tuple[Recipient, ...]:
    seen: set[str] = set()
    found: list[Recipient] = []
    for recipient in recipients:
        if recipient.address.casefold() not in seen:
            seen.add(recipient.address.casefold())
            found.append(recipient)
    return tuple(found)


def _files(docx_path: str, pdf_path: str) -> tuple[OutgoingAttachment, ...]:
    """The version's files as attachments; refused in Dutch when one is gone."""
    found: list[OutgoingAttachment] = []
    for text, content_type in ((docx_path, DOCX_TYPE), (pdf_path, PDF_TYPE)):
        path = Path(text) if text else None
        if path is None or not path.is_file():
            raise UserFacingError(
                f"Het bestand van het verslag is niet meer te vinden"
                f"{': ' + str(path) if path else ''}. Maak de versie opnieuw aan.")
        found.append(OutgoingAttachment(path.name, path.read_bytes(), content_type))
    return tuple(found)


def _pushed_at(s: Session, entry_ids: set[int | None]) -> dict[int, datetime]:
    """When each outbox entry was pushed, from the pusher's audit line."""
    wanted = {i for i in entry_ids if i is not None}
    if not wanted:
        return {}
    found: dict[int, datetime] = {}
    audit = s.execute(select(AuditEntry.detail, AuditEntry.at)
                      .where(AuditEntry.action == f"pushed:{OutboxKind.SEND_MAIL.value}")
                      .order_by(AuditEntry.id.desc()).limit(5000))
    for detail, at in audit:
        entry_id = (detail or {}).get("outbox_entry")
        if entry_id in wanted and entry_id not in found:
            found[entry_id] = at
    return found
