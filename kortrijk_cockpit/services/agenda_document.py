"""A meeting's agenda as a plain document model: what the DOCX, the PDF, the mail and
the agendabundel are made from.

Qt-free. Items keep the order the office gave them (`AgendaItem.position`); each gets
its start time by adding up the minutes of the items before it. Texts are Dutch: they
go straight onto the agenda the members receive.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from email.utils import parseaddr
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload, sessionmaker

from kortrijk_cockpit.clock import BRUSSELS, Clock
from kortrijk_cockpit.documents.bundle import BundleItem
from kortrijk_cockpit.domain import (
    AgendaItem,
    AgendaItemKind,
    Meeting,
    MeetingSeries,
    Person,
    RequestStatus,
    SeriesMember,
)
from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.services.carry_over import open_points_for
from kortrijk_cockpit.services.day_overview import dutch_date

KIND_TEXT = {
    AgendaItemKind.APPROVAL: "ter goedkeuring",
    AgendaItemKind.DECISION: "ter beslissing",
    AgendaItemKind.ADVICE: "ter advies",
    AgendaItemKind.DISCUSSION: "ter bespreking",
    AgendaItemKind.INFORMATION: "ter informatie",
}
CONFIDENTIAL = "VERTROUWELIJK"


@dataclass(frozen=True)
class Stuk:
    """One requested document of an item; `pdf` is set when it came in as a PDF file."""

    title: str
    received: bool
    pdf: Path | None


@dataclass(frozen=True)
class AgendaLine:
    item_id: int
    number: int
    start: datetime  # Europe/Brussels
    title: str
    description: str
    kind: AgendaItemKind
    owner_name: str  # the indiener
    directorate: str
    duration_minutes: int
    section: str
    is_confidential: bool
    stukken: tuple[Stuk, ...]

    @property
    def time_text(self) -> str:
        return f"{self.start:%H:%M}"

    @property
    def kind_text(self) -> str:
        return KIND_TEXT.get(self.kind, "")

    @property
    def who(self) -> str:
        """'Jan Peeters (Financiën)': the indiener and his directie, as far as known."""
        if self.owner_name and self.directorate:
            return f"{self.owner_name} ({self.directorate})"
        return self.owner_name or self.directorate

    @property
    def stukken_text(self) -> str:
        """'Nota jaarrekening, Nota personeel (volgt)': what is still awaited is said."""
        return ", ".join(s.title if s.received else f"{s.title} (volgt)" for s in self.stukken)

    @property
    def pdfs(self) -> tuple[Path, ...]:
        return tuple(s.pdf for s in self.stukken if s.pdf is not None)


@dataclass(frozen=True)
class AgendaSection:
    """Consecutive items under one heading ("" when the items have none)."""

    title: str
    lines: tuple[AgendaLine, ...]


@dataclass(frozen=True)
class FollowupLine:
    """An open action point that comes back at this meeting (the "Opvolging" section)."""

    title: str
    owner: str
    due_text: str  # "15/01/2027", or ""
    origin: str  # "MAT 05/01/2027", or ""


@dataclass(frozen=True)
class Recipient:
    name: str
    address: str  # "" when the store has no address for a member

    @property
    def text(self) -> str:
        if self.name and self.address:
            return f"{self.name} <{self.address}>"
        return self.address or f"{self.name} (geen mailadres)"


@dataclass(frozen=True)
class AgendaDocument:
    meeting_id: int
    series_code: str
    series_name: str
    meeting_title: str
    starts_at: datetime  # Europe/Brussels
    ends_at: datetime
    location: str
    chair: str
    minute_taker: str
    lines: tuple[AgendaLine, ...]
    made_at: datetime
    followup: tuple[FollowupLine, ...] = ()

    @property
    def name(self) -> str:
        """'MAT' (the series' code), or the meeting's own title without a series."""
        return self.series_code or self.meeting_title

    @property
    def date_text(self) -> str:
        return dutch_date(self.starts_at.date())

    @property
    def time_text(self) -> str:
        return f"{self.starts_at:%H:%M}–{self.ends_at:%H:%M}"

    @property
    def title(self) -> str:
        return f"Agenda {self.name} {self.date_text}"

    @property
    def headline(self) -> str:
        """The most important line: when and where, and how much is on it."""
        count = len(self.lines)
        items = f"{count} agendapunt{'' if count == 1 else 'en'}"
        place = f", {self.location}" if self.location else ""
        return f"{_capital(self.date_text)}, {self.time_text}{place} – {items}"

    @property
    def confidential_count(self) -> int:
        return sum(1 for line in self.lines if line.is_confidential)

    @property
    def sections(self) -> tuple[AgendaSection, ...]:
        found: list[AgendaSection] = []
        for line in self.lines:
            if found and found[-1].title == line.section:
                found[-1] = AgendaSection(line.section, (*found[-1].lines, line))
            else:
                found.append(AgendaSection(line.section, (line,)))
        return tuple(found)

    @property
    def file_stem(self) -> str:
        """'Agenda MAT 2026-12-01': safe as a file name on Windows."""
        name = "".join(c for c in self.name if c not in '<>:"/\\|?*').strip() or "overleg"
        return f"Agenda {name} {self.starts_at.date().isoformat()}"


class AgendaDocumentService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock) -> None:
        self._sessions = sessions
        self._clock = clock

    def document(self, meeting_id: int) -> AgendaDocument:
        with self._sessions() as s:
            meeting = s.get(Meeting, meeting_id, options=[
                selectinload(Meeting.agenda_items).selectinload(AgendaItem.document_requests),
                selectinload(Meeting.series)])
            if meeting is None:
                raise UserFacingError("Dit overleg bestaat niet meer.")
            series = meeting.series
            start = meeting.starts_at.astimezone(BRUSSELS)
            lines: list[AgendaLine] = []
            moment = start
            for number, item in enumerate(meeting.agenda_items, start=1):
                lines.append(AgendaLine(
                    item_id=item.id, number=number, start=moment, title=item.title,
                    description=item.description, kind=item.kind, owner_name=item.owner_name,
                    directorate=item.directorate, duration_minutes=item.duration_minutes,
                    section=item.section, is_confidential=item.is_confidential,
                    stukken=tuple(_stuk(r.title, r.status, r.saved_path)
                                  for r in sorted(item.document_requests, key=lambda r: r.id)
                                  if r.status != RequestStatus.WAIVED)))
                moment += timedelta(minutes=max(item.duration_minutes, 0))
            return AgendaDocument(
                meeting_id=meeting.id,
                series_code=series.code if series else "",
                series_name=series.name if series else "",
                meeting_title=meeting.title,
                starts_at=start, ends_at=meeting.ends_at.astimezone(BRUSSELS),
                location=meeting.location or (series.location if series else ""),
                chair=_person_name(s, series.chair_person_id if series else None),
                minute_taker=_person_name(s, series.minute_taker_person_id if series else None),
                lines=tuple(lines),
                made_at=self._clock.now().astimezone(BRUSSELS),
                followup=_followup(s, meeting, self._clock.now()))

    def recipients(self, meeting_id: int) -> tuple[Recipient, ...]:
        """The series' distribution list, then its members; each address once."""
        with self._sessions() as s:
            series_id = s.scalar(select(Meeting.series_id).where(Meeting.id == meeting_id))
            if series_id is None:
                return ()
            series = s.get(MeetingSeries, series_id)
            assert series is not None
            found: list[Recipient] = []
            for entry in series.distribution or []:
                name, address = parseaddr(entry)
                found.append(Recipient(name.strip(), address.strip()))
            members = s.execute(select(Person.full_name, Person.email)
                                .join(SeriesMember, SeriesMember.person_id == Person.id)
                                .where(SeriesMember.series_id == series_id)
                                .order_by(SeriesMember.position, SeriesMember.id))
            found.extend(Recipient(name, (email or "").strip()) for name, email in members)
        seen: set[str] = set()
        unique: list[Recipient] = []
        for recipient in found:
            key = recipient.address.casefold() or f"name:{recipient.name.casefold()}"
            if key not in seen:
                seen.add(key)
                unique.append(recipient)
        return tuple(unique)


def bundle_items(agenda: AgendaDocument) -> tuple[BundleItem, ...]:
    """The agendabundel's parts after the agenda: items with received PDF stukken, in
    agenda order, each bookmarked as '3. Jaarrekening 2025'."""
    return tuple(BundleItem(f"{line.number}. {line.title}", line.pdfs)
                 for line in agenda.lines if line.pdfs)


def _stuk(title: str, status: RequestStatus, saved_path: str | None) -> Stuk:
    received = status == RequestStatus.RECEIVED
    pdf = None
    if received and saved_path and saved_path.lower().endswith(".pdf"):
        pdf = Path(saved_path)
    return Stuk(title, received, pdf)


def _followup(s: Session, meeting: Meeting, now: datetime) -> tuple[FollowupLine, ...]:
    """What comes back here, whenever the meeting was made (the year plan makes them a
    year ahead; `open_points_for` asks at read time, so none is skipped). A point that
    is already an item of the agenda is listed there, not twice."""
    return tuple(FollowupLine(p.title, p.owner_name,
                              f"{p.due_date:%d/%m/%Y}" if p.due_date else "", p.origin)
                 for p in open_points_for(s, meeting, now) if not p.is_on_agenda)


def _person_name(s: Session, person_id: int | None) -> str:
    if person_id is None:
        return ""
    return s.scalar(select(Person.full_name).where(Person.id == person_id)) or ""


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
