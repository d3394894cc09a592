"""Privacy of the people the office keeps: retention, export and erasure of one person.

A person is kept until `retain_until`, or (without one) until the last contact plus the
retention setting; internal colleagues are not proposed. Erasure removes the person
everywhere the store holds them: the record (and so its full-text index row), the person
blocks of fiches and of their earlier versions, the name in the fiches' texts, mail links,
attendance and overleg membership, chair and minute taker, distribution lines with the
address, owners of action points and checklist items, audit details. The mails
themselves stay: they are the mailbox's (Exchange is the record, a sync would bring them
back). On SQLite the FTS indexes touched are optimised, so no deleted term lingers in
their segments. The audit entry holds the id and counts only.
"""

from __future__ import annotations

import calendar
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import String, cast, delete, or_, select, text
from sqlalchemy.orm import Session, sessionmaker

from kortrijk_cockpit.changes import Changes, Kind
from kortrijk_cockpit.clock import BRUSSELS, Clock
from kortrijk_cockpit.domain import (
    ActionPoint,
    ActionPointEvent,
    AgendaItem,
    Attendance,
    AuditEntry,
    Brief,
    BriefPerson,
    BriefVersion,
    LinkKind,
    Mail,
    MailLink,
    Meeting,
    MeetingSeries,
    Person,
    SeriesMember,
    VisitChecklistItem,
)
from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.services.briefs import FIELDS as BRIEF_FIELDS
from kortrijk_cockpit.services.lookup import existing

ERASED = "(gewist)"
EXTENDED, EXPORTED, ERASED_ACTION = "person_retention_extended", "person_exported", "person_erased"
GONE = "Deze persoon bestaat niet meer."
# Full-text indexes that erasure may rewrite (SQLite: optimised afterwards).
_FTS_TABLES = ("people", "briefs", "action_points", "agenda_items")


@dataclass(frozen=True)
class ExpiredPerson:
    id: int
    full_name: str
    organisation: str
    email: str
    last_contact_at: datetime | None
    until: date | None  # the date the record is kept until
    reason: str  # Dutch
    version: int


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


class PrivacyService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock,
                 retention_months: Callable[[], int] = lambda: 24, actor: str = "") -> None:
        self._sessions = sessions
        self._clock = clock
        self._months = retention_months  # read per call: the settings may change
        self._actor = actor

    # -- retention ---------------------------------------------------------------------

    def today(self) -> date:
        return self._clock.now().astimezone(BRUSSELS).date()

    def expired(self, today: date) -> list[ExpiredPerson]:
        """External people kept past their date, the longest expired first."""
        months = self._months()
        with self._sessions() as s:
            rows = [_row(p, months) for p in s.scalars(
                select(Person).where(Person.is_internal.is_(False)))]
        due = [r for r in rows if r is not None and r.until is not None and r.until < today]
        return sorted(due, key=lambda r: (r.until or today, r.id))

    def one(self, person_id: int) -> ExpiredPerson:
        """One person as the privacy list shows them, expired or not (Personen's "Privacy")."""
        with self._sessions() as s:
            p = existing(s, Person, person_id, GONE)
            found = _row(p, self._months())
            if found is not None:
                return found
            return ExpiredPerson(p.id, p.full_name, p.organisation.name if p.organisation
                                 else "", p.email, p.last_contact_at, None,
                                 "geen bewaardatum en geen contact", p.version)

    def extend(self, person_id: int, until: date) -> Changes:
        if until <= self.today():
            raise UserFacingError("Kies een bewaardatum in de toekomst.")
        with self._sessions.begin() as s:
            person = existing(s, Person, person_id, GONE)
            person.retain_until = until
            s.add(AuditEntry(at=self._clock.now(), actor=self._actor, action=EXTENDED,
                             entity="person", entity_id=person_id,
                             detail={"until": until.isoformat()}))
        return Changes.of(Kind.PERSON, updated=[person_id])

    # -- export ------------------------------------------------------------------------

    def export(self, person_id: int) -> dict[str, Any]:
        """Everything the store holds about one person, as plain JSON values."""
        with self._sessions.begin() as s:
            p = existing(s, Person, person_id, GONE)
            org = p.organisation
            mails = s.execute(
                select(Mail.subject, Mail.received_at).where(or_(
                    Mail.id.in_(select(MailLink.mail_id).where(
                        MailLink.target_kind == LinkKind.PERSON,
                        MailLink.target_id == person_id)),
                    *([Mail.sender_email.ilike(p.email)] if p.email else [])))
                .order_by(Mail.received_at)).all()
            fiches = s.execute(
                select(Brief.title, Brief.starts_at, BriefPerson.open_matters,
                       BriefPerson.opener).join(BriefPerson.brief)
                .where(BriefPerson.person_id == person_id).order_by(Brief.starts_at)).all()
            meetings = s.execute(
                select(Meeting.title, Meeting.starts_at, Attendance.status)
                .join(Attendance, Attendance.meeting_id == Meeting.id)
                .where(Attendance.person_id == person_id).order_by(Meeting.starts_at)).all()
            series = s.scalars(select(MeetingSeries.name).join(
                SeriesMember, SeriesMember.series_id == MeetingSeries.id)
                .where(SeriesMember.person_id == person_id)).all()
            points = s.execute(
                select(ActionPoint.title, ActionPoint.status, ActionPoint.due_date)
                .where(ActionPoint.owner_person_id == person_id)
                .order_by(ActionPoint.id)).all()
            data = {
                "exported_at": self._clock.now().isoformat(),
                "person": {
                    "id": p.id, "full_name": p.full_name, "function": p.function,
                    "email": p.email, "phone": p.phone, "mandate": p.mandate,
                    "is_internal": p.is_internal, "notes": p.notes, "purpose": p.purpose,
                    "retain_until": _iso(p.retain_until),
                    "last_contact_at": _iso(p.last_contact_at),
                    "source": p.source, "to_confirm": p.to_confirm,
                },
                "organisation": None if org is None else {
                    "name": org.name, "kind": org.kind, "website": org.website},
                "tags": list(p.tags or []),
                "mails": [{"subject": m.subject, "received_at": _iso(m.received_at)}
                          for m in mails],
                "fiches": [{"title": f.title, "starts_at": _iso(f.starts_at),
                            "open_matters": f.open_matters, "opener": f.opener}
                           for f in fiches],
                "meetings": [{"title": m.title, "starts_at": _iso(m.starts_at),
                              "attendance": str(m.status)} for m in meetings],
                "series": list(series),
                "action_points": [{"title": a.title, "status": str(a.status),
                                   "due_date": _iso(a.due_date)} for a in points],
            }
            s.add(AuditEntry(at=self._clock.now(), actor=self._actor, action=EXPORTED,
                             entity="person", entity_id=person_id, detail={}))
        return data

    # -- erasure -----------------------------------------------------------------------

    def erase(self, person_id: int) -> Changes:
        """The person and every trace of them, in one transaction. Cannot be undone."""
        with self._sessions.begin() as s:
            p = existing(s, Person, person_id, GONE)
            words = [w for w in (p.full_name.strip(), p.email.strip()) if w]
            pattern = re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE) \
                if words else None
            changes, counts = _erase_links(s, p, pattern)
            s.delete(p)
            s.flush()
            s.add(AuditEntry(at=self._clock.now(), actor=self._actor, action=ERASED_ACTION,
                             entity="person", entity_id=person_id, detail=counts))
            s.flush()
            if s.get_bind().dialect.name == "sqlite":
                for table in _FTS_TABLES:  # merge the segments: no deleted term lingers
                    s.execute(text(f"INSERT INTO {table}_fts({table}_fts) VALUES ('optimize')"))
        return changes | Changes.of(Kind.PERSON, removed=[person_id])


def _row(p: Person, months: int) -> ExpiredPerson | None:
    """The person with their retention date and its reason; None without any date."""
    if p.retain_until is not None:
        until = p.retain_until
        reason = f"bewaardatum {until:%d/%m/%Y}"
    elif p.last_contact_at is not None:
        contact = p.last_contact_at.astimezone(BRUSSELS).date()
        until = add_months(contact, months)
        reason = f"laatste contact {contact:%d/%m/%Y} + {months} maanden"
    else:
        return None  # no date at all: nothing tells that it expired
    return ExpiredPerson(p.id, p.full_name, p.organisation.name if p.organisation else "",
                         p.email, p.last_contact_at, until, reason, p.version)


def _iso(value: date | datetime | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    return value.isoformat()


def _scrub(value: Any, pattern: re.Pattern[str]) -> Any:
    """A JSON value with every mention replaced."""
    if isinstance(value, str):
        return pattern.sub(ERASED, value)
    if isinstance(value, list):
        return [_scrub(v, pattern) for v in value]
    if isinstance(value, dict):
        return {k: _scrub(v, pattern) for k, v in value.items()}
    return value


def _json_mentions(column: Any, words: list[str]) -> Any:
    """Rows whose JSON text mentions a word (as typed, or escaped by the serializer)."""
    forms = {f for w in words for f in (w, json.dumps(w)[1:-1])}
    return or_(*(cast(column, String).ilike(f"%{f}%") for f in forms))


def _erase_links(s: Session, p: Person,
                 pattern: re.Pattern[str] | None) -> tuple[Changes, dict[str, int]]:
    pid, name, email = p.id, p.full_name.strip(), p.email.strip().casefold()
    words = [w for w in (name, p.email.strip()) if w]
    counts: dict[str, int] = {}

    blocks = list(s.scalars(select(BriefPerson).where(BriefPerson.person_id == pid)))
    briefs = {b.brief_id for b in blocks}
    for block in blocks:
        s.delete(block)
    counts["fiche_blocks"] = len(blocks)
    if pattern is not None:
        for brief in s.scalars(select(Brief).where(or_(*(
                getattr(Brief, f).ilike(f"%{w}%") for f in BRIEF_FIELDS for w in words)))):
            briefs.add(brief.id)
            for field in BRIEF_FIELDS:
                setattr(brief, field, pattern.sub(ERASED, getattr(brief, field) or ""))
    versions = s.scalars(select(BriefVersion).where(or_(
        BriefVersion.brief_id.in_(briefs),
        *([_json_mentions(BriefVersion.snapshot, words)] if words else []))))
    for version in versions:
        snap = dict(version.snapshot)
        snap["people"] = [x for x in snap.get("people", []) if x.get("person_id") != pid]
        version.snapshot = _scrub(snap, pattern) if pattern is not None else snap
    changes = Changes.of(Kind.BRIEF, updated=briefs)

    links = s.execute(delete(MailLink).where(MailLink.target_kind == LinkKind.PERSON,
                                             MailLink.target_id == pid)
                      .returning(MailLink.mail_id)).scalars().all()
    counts["mail_links"] = len(links)
    changes |= Changes.of(Kind.MAIL, updated=links)

    attendance = list(s.scalars(select(Attendance).where(or_(
        Attendance.person_id == pid, *([Attendance.name.ilike(name)] if name else [])))))
    for row in attendance:
        s.delete(row)
    counts["attendance"] = len(attendance)
    changes |= Changes.of(Kind.MEETING, updated=[a.meeting_id for a in attendance])

    members = list(s.scalars(select(SeriesMember).where(SeriesMember.person_id == pid)))
    series = {m.series_id for m in members}
    for member in members:
        s.delete(member)
    for row in s.scalars(select(MeetingSeries)):
        kept = [line for line in row.distribution or []
                if not (email and email in line.casefold())]
        if row.chair_person_id == pid or row.minute_taker_person_id == pid \
                or kept != list(row.distribution or []):
            series.add(row.id)
            row.distribution = kept
            if row.chair_person_id == pid:
                row.chair_person_id = None
            if row.minute_taker_person_id == pid:
                row.minute_taker_person_id = None
    counts["series"] = len(series)
    changes |= Changes.of(Kind.SERIES, updated=series)

    points = list(s.scalars(select(ActionPoint).where(or_(
        ActionPoint.owner_person_id == pid,
        *([ActionPoint.owner_name.ilike(name)] if name else [])))))
    for point in points:
        point.owner_person_id, point.owner_name = None, ERASED
    if name:
        for event in s.scalars(select(ActionPointEvent).where(or_(
                ActionPointEvent.old_value.ilike(name), ActionPointEvent.new_value.ilike(name)))):
            event.old_value = ERASED if event.old_value.casefold() == name.casefold() \
                else event.old_value
            event.new_value = ERASED if event.new_value.casefold() == name.casefold() \
                else event.new_value
        for item in s.scalars(select(AgendaItem).where(AgendaItem.owner_name.ilike(name))):
            item.owner_name = ERASED
    counts["action_points"] = len(points)
    changes |= Changes.of(Kind.ACTION_POINT, updated=[a.id for a in points])

    items = list(s.scalars(select(VisitChecklistItem).where(or_(
        VisitChecklistItem.owner_person_id == pid,
        *([VisitChecklistItem.owner_name.ilike(name)] if name else [])))))
    for item in items:
        item.owner_person_id, item.owner_name = None, ERASED
    changes |= Changes.of(Kind.VISIT_ITEM, updated=[i.id for i in items])

    if pattern is not None and words:
        for entry in s.scalars(select(AuditEntry).where(_json_mentions(AuditEntry.detail,
                                                                       words))):
            entry.detail = _scrub(dict(entry.detail), pattern)
    s.flush()
    return changes, counts
