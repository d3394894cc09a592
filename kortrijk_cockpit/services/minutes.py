"""Minutes of an overleg as they are typed: attendance, notes and a besluit per agenda
item, and action points typed inline with an owner and a deadline.

The minutes mode saves every few seconds (`AUTOSAVE_MS`), so each save is small: one
item's text, one attendance line, one action point. Item minutes are `Versioned`: on a
shared PostgreSQL store a save made on an old version is refused with `MinutesConflict`,
which carries both texts so the user can choose; nothing is overwritten silently. Once
the verslag is approved at the next meeting (`Meeting.minutes_locked_at`) nothing here
changes any more.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from kortrijk_cockpit.changes import Changes, Kind
from kortrijk_cockpit.clock import BRUSSELS, Clock
from kortrijk_cockpit.domain import (
    ActionEventKind,
    ActionPointEvent,
    Attendance,
    AttendanceStatus,
    ItemMinutes,
    MinutesVersion,
    Person,
    SeriesMember,
)
from kortrijk_cockpit.domain.meetings import (
    ActionPoint,
    ActionStatus,
    AgendaItem,
    AgendaItemKind,
    Meeting,
    MeetingSeries,
    MeetingStatus,
)
from kortrijk_cockpit.errors import ConcurrentEditError, UserFacingError
from kortrijk_cockpit.services.action_events import due_text, record
from kortrijk_cockpit.services.carry_over import OPEN, CarriedPoint, open_points_for
from kortrijk_cockpit.services.carry_over import _carried as carried_point
from kortrijk_cockpit.services.lookup import existing

AUTOSAVE_MS = 2000  # what a kill mid-sentence can lose at most
ATTENDANCE_LABELS = {AttendanceStatus.PRESENT: "aanwezig",
                     AttendanceStatus.EXCUSED: "verontschuldigd",
                     AttendanceStatus.ABSENT: "afwezig"}


class MinutesConflict(ConcurrentEditError):
    """Someone else saved this item's minutes first; both versions travel with it."""

    def __init__(self, item_title: str, mine: tuple[str, str], theirs: tuple[str, str],
                 theirs_version: int, theirs_by: str, theirs_at: datetime) -> None:
        who = theirs_by or "iemand anders"
        super().__init__(f"{who} heeft de notulen van \"{item_title}\" intussen gewijzigd. "
                         "Uw tekst werd niet bewaard: kies welke versie blijft.")
        self.item_title = item_title
        self.mine = mine  # (notes, decision) as typed here
        self.theirs = theirs  # (notes, decision) as saved by the other
        self.theirs_version = theirs_version  # save with this base to keep yours anyway
        self.theirs_by = theirs_by
        self.theirs_at = theirs_at


@dataclass(frozen=True)
class AttendanceLine:
    name: str
    person_id: int | None
    status: AttendanceStatus


@dataclass(frozen=True)
class MinutesAction:
    id: int
    version: int
    title: str
    owner_name: str
    owner_person_id: int | None
    due_date: date | None
    status: ActionStatus


@dataclass(frozen=True)
class MinutesItem:
    agenda_item_id: int
    approves_meeting_id: int | None  # "Goedkeuring verslag" of that meeting
    number: int  # 1-based, in agenda order
    title: str
    section: str
    kind: AgendaItemKind
    owner_name: str
    is_confidential: bool
    notes: str
    decision: str
    version: int | None  # of its ItemMinutes; None while nothing was typed yet
    actions: tuple[MinutesAction, ...]


@dataclass(frozen=True)
class Minutes:
    meeting_id: int
    title: str
    starts_at: datetime
    location: str
    series_id: int | None
    series_code: str
    status: MeetingStatus
    locked: bool
    attendance: tuple[AttendanceLine, ...]
    items: tuple[MinutesItem, ...]
    followup: tuple[CarriedPoint, ...]  # open points that come back here (Opvolging)
    # Points of `followup` settled at this meeting (done or cancelled here): they stay in
    # its list so the minutes show what was decided on them.
    settled_ids: frozenset[int] = frozenset()

    @property
    def day(self) -> str:
        return self.starts_at.astimezone(BRUSSELS).strftime("%d/%m/%Y")


@dataclass(frozen=True)
class SavedItem:
    version: int
    changes: Changes


@dataclass(frozen=True)
class NewAction:
    id: int
    changes: Changes


class MinutesService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock,
                 actor: str = "") -> None:
        self._sessions = sessions
        self._clock = clock
        self._actor = actor  # who types, for "saved by" in a conflict (team mode)

    # -- reading -----------------------------------------------------------------------

    def load(self, meeting_id: int) -> Minutes:
        """The minutes as stored; the first load lists the series' members as present."""
        now = self._clock.now()
        with self._sessions.begin() as s:
            meeting = _meeting(s, meeting_id)
            if meeting.minutes_locked_at is None:
                _ensure_attendance(s, meeting)
            return _minutes(s, meeting, now)

    # -- writing -----------------------------------------------------------------------

    def set_attendance(self, meeting_id: int, name: str, status: AttendanceStatus,
                       person_id: int | None = None) -> Changes:
        with self._sessions.begin() as s:
            meeting = _writable(s, meeting_id)
            row = s.scalar(select(Attendance).where(Attendance.meeting_id == meeting.id,
                                                    Attendance.name == name.strip()))
            if row is None:
                if not name.strip():
                    raise UserFacingError("Geef een naam op.")
                last = s.scalar(select(func.max(Attendance.position))
                                .where(Attendance.meeting_id == meeting.id))
                row = Attendance(meeting_id=meeting.id, name=name.strip(), person_id=person_id,
                                 position=(last if last is not None else -1) + 1)
                s.add(row)
            row.status = status
            return Changes.of(Kind.MEETING, updated=[meeting.id])

    def remove_attendee(self, meeting_id: int, name: str) -> Changes:
        with self._sessions.begin() as s:
            meeting = _writable(s, meeting_id)
            row = s.scalar(select(Attendance).where(Attendance.meeting_id == meeting.id,
                                                    Attendance.name == name))
            if row is not None:
                s.delete(row)
            return Changes.of(Kind.MEETING, updated=[meeting.id])

    def save_item(self, agenda_item_id: int, notes: str, decision: str,
                  base_version: int | None) -> SavedItem:
        """Save one item's notes and besluit. `base_version` is the version this text was
        typed on (None: nothing was stored yet); an older base raises MinutesConflict."""
        now = self._clock.now()
        with self._sessions.begin() as s:
            item = existing(s, AgendaItem, agenda_item_id,
                            "Dit agendapunt bestaat niet meer; uw tekst staat nog op het "
                            "scherm, kopieer hem naar een ander punt.")
            _writable(s, item.meeting_id)
            row = s.scalar(select(ItemMinutes).where(ItemMinutes.agenda_item_id == item.id))
            if row is None:
                row = ItemMinutes(meeting_id=item.meeting_id, agenda_item_id=item.id)
                s.add(row)
            elif row.version != base_version:
                if (row.notes, row.decision) == (notes, decision):
                    return SavedItem(row.version, Changes())  # typed the same: no conflict
                raise MinutesConflict(item.title, (notes, decision), (row.notes, row.decision),
                                      row.version, row.updated_by, row.updated_at)
            elif (row.notes, row.decision) == (notes, decision):
                return SavedItem(row.version, Changes())
            row.notes, row.decision = notes, decision
            row.updated_at, row.updated_by = now, self._actor
            s.flush()
            return SavedItem(row.version, Changes.of(Kind.MEETING, updated=[item.meeting_id]))

    def add_action(self, agenda_item_id: int, title: str, *, owner_name: str = "",
                   owner_person_id: int | None = None,
                   due_date: date | None = None) -> NewAction:
        """An action point typed under an agenda item: born in this meeting."""
        if not title.strip():
            raise UserFacingError("Een actiepunt heeft een omschrijving nodig.")
        now = self._clock.now()
        with self._sessions.begin() as s:
            item = existing(s, AgendaItem, agenda_item_id, "Dit agendapunt bestaat niet meer.")
            meeting = _writable(s, item.meeting_id)
            if owner_person_id is None and owner_name.strip():
                owner_person_id = s.scalar(select(Person.id).where(
                    Person.full_name == owner_name.strip()).limit(1))
            point = ActionPoint(title=title.strip(), owner_name=owner_name.strip(),
                                owner_person_id=owner_person_id, due_date=due_date,
                                origin_meeting_id=meeting.id, origin_agenda_item_id=item.id,
                                created_at=now)
            s.add(point)
            s.flush()
            record(s, point, ActionEventKind.CREATED, at=now, meeting_id=meeting.id,
                   new=f"op {meeting.title}: {item.title}"[:200], actor=self._actor)
            return NewAction(point.id, Changes.of(Kind.ACTION_POINT, created=[point.id])
                             | Changes.of(Kind.MEETING, updated=[meeting.id]))

    def edit_action(self, point_id: int, *, title: str, owner_name: str,
                    owner_person_id: int | None, due_date: date | None,
                    version: int | None = None) -> Changes:
        now = self._clock.now()
        with self._sessions.begin() as s:
            point = existing(s, ActionPoint, point_id, "Dat actiepunt bestaat niet meer.")
            if point.origin_meeting_id is not None:
                _writable(s, point.origin_meeting_id)
            if version is not None and point.version != version:
                raise ConcurrentEditError(
                    f"Iemand anders heeft \"{point.title}\" intussen gewijzigd. Uw wijziging "
                    "werd niet bewaard.")
            if title.strip() and title.strip() != point.title:
                point.title = title.strip()
            if owner_name.strip() != point.owner_name:
                record(s, point, ActionEventKind.OWNER, at=now, old=point.owner_name,
                       new=owner_name.strip(), meeting_id=point.origin_meeting_id,
                       actor=self._actor)
                point.owner_name, point.owner_person_id = owner_name.strip(), owner_person_id
            if due_date != point.due_date:
                record(s, point, ActionEventKind.DEADLINE, at=now, old=due_text(point.due_date),
                       new=due_text(due_date), meeting_id=point.origin_meeting_id,
                       actor=self._actor)
                point.due_date = due_date
            return Changes.of(Kind.ACTION_POINT, updated=[point.id])

    def remove_action(self, point_id: int) -> Changes:
        """Take back an action point typed by mistake in these minutes."""
        with self._sessions.begin() as s:
            point = s.get(ActionPoint, point_id)
            if point is None:
                return Changes()
            if point.origin_meeting_id is not None:
                _writable(s, point.origin_meeting_id)
            meeting_id = point.origin_meeting_id
            s.delete(point)
            return (Changes.of(Kind.ACTION_POINT, removed=[point_id])
                    | Changes.of(Kind.MEETING, updated=[meeting_id] if meeting_id else []))

    def approve_verslag(self, agenda_item_id: int) -> Changes:
        """The "Goedkeuring verslag" item of this meeting is settled: the verslag it approves
        (its latest version) is approved here, and that meeting's minutes are locked."""
        now = self._clock.now()
        with self._sessions.begin() as s:
            item = existing(s, AgendaItem, agenda_item_id, "Dit agendapunt bestaat niet meer.")
            if item.approves_meeting_id is None:
                raise UserFacingError(f"\"{item.title}\" keurt geen verslag goed.")
            earlier = _meeting(s, item.approves_meeting_id)
            latest = s.scalar(select(MinutesVersion).where(MinutesVersion.meeting_id == earlier.id)
                              .order_by(MinutesVersion.number.desc()).limit(1))
            if latest is None:
                raise UserFacingError(f"Van {earlier.title} is nog geen verslag gemaakt.")
            if earlier.minutes_locked_at is None:
                earlier.minutes_locked_at = now
                latest.approved_at, latest.approved_in_meeting_id = now, item.meeting_id
            return Changes.of(Kind.MEETING, updated=[earlier.id, item.meeting_id])

    def owner_names(self, meeting_id: int | None = None) -> list[str]:
        """Names to complete an owner from: the series' members first, then everyone."""
        with self._sessions() as s:
            first: list[str] = []
            if meeting_id is not None and (meeting := s.get(Meeting, meeting_id)) is not None \
                    and meeting.series_id is not None:
                first = list(s.scalars(
                    select(Person.full_name).join(SeriesMember,
                                                  SeriesMember.person_id == Person.id)
                    .where(SeriesMember.series_id == meeting.series_id)
                    .order_by(SeriesMember.position)))
            rest = s.scalars(select(Person.full_name).order_by(Person.full_name))
            seen = {n.casefold() for n in first}
            return first + [n for n in rest if n and n.casefold() not in seen]


def is_locked(meeting: Meeting) -> bool:
    return meeting.minutes_locked_at is not None


def _meeting(s: Session, meeting_id: int) -> Meeting:
    return existing(s, Meeting, meeting_id, "Deze vergadering bestaat niet meer.")


def _writable(s: Session, meeting_id: int) -> Meeting:
    meeting = _meeting(s, meeting_id)
    if meeting.minutes_locked_at is not None:
        raise UserFacingError(f"Het verslag van {meeting.title} is goedgekeurd en kan niet "
                              "meer wijzigen.")
    return meeting


def _ensure_attendance(s: Session, meeting: Meeting) -> None:
    if meeting.series_id is None or s.scalar(
            select(func.count(Attendance.id)).where(Attendance.meeting_id == meeting.id)):
        return
    members = s.execute(select(Person.id, Person.full_name)
                        .join(SeriesMember, SeriesMember.person_id == Person.id)
                        .where(SeriesMember.series_id == meeting.series_id)
                        .order_by(SeriesMember.position)).all()
    for position, (person_id, name) in enumerate(members):
        s.add(Attendance(meeting_id=meeting.id, person_id=person_id, name=name,
                         position=position, status=AttendanceStatus.PRESENT))
    s.flush()


def _minutes(s: Session, meeting: Meeting, now: datetime) -> Minutes:
    series = s.get(MeetingSeries, meeting.series_id) if meeting.series_id else None
    attendance = tuple(AttendanceLine(a.name, a.person_id, a.status) for a in s.scalars(
        select(Attendance).where(Attendance.meeting_id == meeting.id)
        .order_by(Attendance.position, Attendance.id)))
    items = list(s.scalars(select(AgendaItem).where(AgendaItem.meeting_id == meeting.id)
                           .order_by(AgendaItem.position, AgendaItem.id)))
    texts = {m.agenda_item_id: m for m in s.scalars(
        select(ItemMinutes).where(ItemMinutes.meeting_id == meeting.id))}
    actions: dict[int, list[MinutesAction]] = {}
    for p in s.scalars(select(ActionPoint).where(ActionPoint.origin_meeting_id == meeting.id,
                                                 ActionPoint.origin_agenda_item_id.is_not(None))
                       .order_by(ActionPoint.id)):
        actions.setdefault(p.origin_agenda_item_id or 0, []).append(MinutesAction(
            p.id, p.version, p.title, p.owner_name, p.owner_person_id, p.due_date, p.status))
    rows = tuple(_item(n, i, texts.get(i.id), actions.get(i.id, ()))
                 for n, i in enumerate(items, start=1))
    return Minutes(meeting.id, meeting.title, meeting.starts_at, meeting.location,
                   meeting.series_id, series.code if series is not None else "",
                   meeting.status, meeting.minutes_locked_at is not None, attendance, rows,
                   *_followup(s, meeting, now))


# Steps that mean a point was dealt with at a meeting (not born or routed there).
_SETTLING = (ActionEventKind.STATUS, ActionEventKind.OWNER, ActionEventKind.DEADLINE,
             ActionEventKind.DISCUSSED)


def _followup(s: Session, meeting: Meeting,
              now: datetime) -> tuple[tuple[CarriedPoint, ...], frozenset[int]]:
    """The Opvolging: open points that come back here, and below them the points that
    were settled during this meeting (so marking one afgewerkt does not make it vanish)."""
    # As at its start: typed up afterwards, the points are still the ones that came back
    # here (not yet carried on to the next meeting).
    found = open_points_for(s, meeting, min(now, meeting.starts_at))
    listed = {p.id for p in found}
    touched_here = select(ActionPointEvent.action_point_id).where(
        ActionPointEvent.meeting_id == meeting.id, ActionPointEvent.kind.in_(_SETTLING))
    settled = [carried_point(s, p, False) for p in s.scalars(
        select(ActionPoint).where(ActionPoint.id.in_(touched_here),
                                  ActionPoint.status.not_in(OPEN),
                                  ActionPoint.origin_meeting_id.is_distinct_from(meeting.id))
        .order_by(ActionPoint.id)) if p.id not in listed]
    return tuple(found) + tuple(settled), frozenset(p.id for p in settled)


def _item(number: int, item: AgendaItem, text: ItemMinutes | None,
          actions: Sequence[MinutesAction]) -> MinutesItem:
    return MinutesItem(item.id, item.approves_meeting_id, number, item.title, item.section, item.kind, item.owner_name,
                       item.is_confidential, text.notes if text else "",
                       text.decision if text else "", text.version if text else None,
                       tuple(actions))
