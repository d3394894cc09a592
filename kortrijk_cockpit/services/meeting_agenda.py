"""The weekly agenda of an overleg: its items with start times, late marking and stukken.

Items come by hand, from action points due for the meeting, from mails routed in
triage (`HandOnService.put_on_agenda`) and from the theme plan; this service reads
them all the same way and writes the hand-made edits: add, edit, remove (and put
back), reorder. Every write returns the `Changes` it made (Kind.MEETING).
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from kortrijk_cockpit.changes import Changes, Kind
from kortrijk_cockpit.clock import BRUSSELS, Clock
from kortrijk_cockpit.demo_office.rhythm import is_working_day
from kortrijk_cockpit.domain.meetings import (
    ActionPoint,
    AgendaItem,
    AgendaItemKind,
    DocumentRequest,
    Meeting,
    MeetingSeries,
    MeetingStatus,
    RequestStatus,
)
from kortrijk_cockpit.errors import ConcurrentEditError, UserFacingError
from kortrijk_cockpit.services.lookup import existing

KIND_LABELS: dict[AgendaItemKind, str] = {
    AgendaItemKind.APPROVAL: "goedkeuring",
    AgendaItemKind.DECISION: "beslissing",
    AgendaItemKind.ADVICE: "advies",
    AgendaItemKind.DISCUSSION: "bespreking",
    AgendaItemKind.INFORMATION: "informatie",
}


class StukState(enum.StrEnum):
    REQUESTED = "gevraagd"
    RECEIVED = "ontvangen"
    LATE = "te laat"


@dataclass(frozen=True)
class SeriesRow:
    id: int
    code: str
    name: str


@dataclass(frozen=True)
class MeetingRow:
    id: int
    series_id: int | None
    title: str
    starts_at: datetime
    ends_at: datetime
    status: MeetingStatus
    item_count: int
    is_past: bool


@dataclass(frozen=True)
class Stuk:
    """One requested document and where it stands."""

    id: int
    item_id: int
    title: str
    requested_from: str
    due_at: datetime
    state: StukState


@dataclass(frozen=True)
class AgendaRow:
    id: int
    version: int
    position: int  # 1-based, as the agenda shows it
    title: str
    description: str
    kind: AgendaItemKind
    owner_name: str
    directorate: str
    duration_minutes: int
    starts_at: datetime  # the meeting's start plus the minutes of the items before it
    section: str
    is_confidential: bool
    is_late: bool  # put on after the agenda closed
    source_mail_id: int | None
    theme_id: int | None
    action_point_id: int | None
    stukken: tuple[Stuk, ...] = ()

    @property
    def stukken_state(self) -> StukState | None:
        """The worst of its stukken: te laat before gevraagd before ontvangen."""
        states = {s.state for s in self.stukken}
        for state in (StukState.LATE, StukState.REQUESTED, StukState.RECEIVED):
            if state in states:
                return state
        return None


@dataclass(frozen=True)
class OfferedActionPoint:
    """An open action point meant for this meeting (or its series) not yet on it."""

    id: int
    title: str
    owner_name: str
    due_date: date | None
    origin: str = ""  # Dutch: "MAT 05/01/2027", where it was born
    route: str = ""  # Dutch: "opvolging MAT", "agenderen op DC 14/01/2027"


@dataclass(frozen=True)
class MeetingAgenda:
    meeting: MeetingRow
    series_code: str
    sections: tuple[str, ...]
    closes_at: datetime | None  # None: the meeting has no series, so no closing moment
    items: tuple[AgendaRow, ...]
    offered: tuple[OfferedActionPoint, ...]

    @property
    def missing(self) -> tuple[Stuk, ...]:
        """Stukken not in yet, late ones first."""
        waiting = [s for item in self.items for s in item.stukken
                   if s.state is not StukState.RECEIVED]
        return tuple(sorted(waiting, key=lambda s: (s.state is not StukState.LATE, s.due_at)))

    @property
    def planned_minutes(self) -> int:
        return sum(item.duration_minutes for item in self.items)


@dataclass(frozen=True)
class ItemDraft:
    """What she typed for an item (new or edited)."""

    title: str
    kind: AgendaItemKind = AgendaItemKind.DISCUSSION
    owner_name: str = ""
    directorate: str = ""
    duration_minutes: int = 15
    section: str = ""
    is_confidential: bool = False
    description: str = ""


@dataclass(frozen=True)
class ItemWrite:
    item_id: int
    changes: Changes


@dataclass(frozen=True)
class RemovedItem:
    """Enough of a removed item to put it back (undo)."""

    meeting_id: int
    position: int
    draft: ItemDraft
    source_mail_id: int | None
    theme_id: int | None
    action_point_id: int | None
    added_at: datetime | None
    changes: Changes = field(default_factory=Changes)


def agenda_closes_at(starts_at: datetime, close_days: int, close_time: str) -> datetime:
    """`close_days` working days before the meeting's day, at `close_time` (Brussels)."""
    day = starts_at.astimezone(BRUSSELS).date()
    left = max(close_days, 0)
    while left:
        day -= timedelta(days=1)
        if is_working_day(day):
            left -= 1
    try:
        hours, minutes = (int(p) for p in close_time.split(":"))
        moment = time(hours, minutes)
    except ValueError:
        moment = time(12, 0)
    return datetime.combine(day, moment, BRUSSELS)


def start_times(starts_at: datetime, minutes: Sequence[int]) -> list[datetime]:
    """Each item's start: the meeting's start plus the minutes of those before it."""
    found: list[datetime] = []
    at = starts_at
    for length in minutes:
        found.append(at)
        at += timedelta(minutes=max(length, 0))
    return found


def _draft_error(draft: ItemDraft) -> str | None:
    if not draft.title.strip():
        return "Een agendapunt heeft een titel nodig."
    if not 0 < draft.duration_minutes <= 600:
        return "De duur van een agendapunt ligt tussen 1 en 600 minuten."
    return None


class MeetingAgendaService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock) -> None:
        self._sessions = sessions
        self._clock = clock

    # -- reads -------------------------------------------------------------------
    def series(self) -> list[SeriesRow]:
        with self._sessions() as s:
            return [SeriesRow(r.id, r.code, r.name)
                    for r in s.scalars(select(MeetingSeries).order_by(MeetingSeries.code))]

    def meetings(self, series_id: int | None) -> list[MeetingRow]:
        """Upcoming first (soonest on top), then the past (latest on top)."""
        now = self._clock.now()
        counts = (select(AgendaItem.meeting_id, func.count().label("n"))
                  .group_by(AgendaItem.meeting_id).subquery())
        query = (select(Meeting, func.coalesce(counts.c.n, 0))
                 .outerjoin(counts, counts.c.meeting_id == Meeting.id))
        query = query.where(Meeting.series_id == series_id) if series_id is not None \
            else query.where(Meeting.series_id.is_(None))
        with self._sessions() as s:
            rows = [self._meeting_row(m, int(n), now) for m, n in s.execute(query)]
        upcoming = sorted((r for r in rows if not r.is_past), key=lambda r: (r.starts_at, r.id))
        past = sorted((r for r in rows if r.is_past), key=lambda r: (r.starts_at, r.id),
                      reverse=True)
        return upcoming + past

    def meeting_row(self, meeting_id: int) -> MeetingRow | None:
        with self._sessions() as s:
            meeting = s.get(Meeting, meeting_id)
            if meeting is None:
                return None
            n = s.scalar(select(func.count()).where(AgendaItem.meeting_id == meeting_id))
            return self._meeting_row(meeting, int(n or 0), self._clock.now())

    @staticmethod
    def _meeting_row(m: Meeting, count: int, now: datetime) -> MeetingRow:
        return MeetingRow(m.id, m.series_id, m.title, m.starts_at, m.ends_at, m.status, count,
                          m.ends_at < now)

    def agenda(self, meeting_id: int) -> MeetingAgenda | None:
        now = self._clock.now()
        with self._sessions() as s:
            meeting = s.get(Meeting, meeting_id)
            if meeting is None:
                return None
            series = meeting.series
            closes_at = None if series is None else agenda_closes_at(
                meeting.starts_at, series.agenda_close_days, series.agenda_close_time)
            items = list(s.scalars(select(AgendaItem).where(AgendaItem.meeting_id == meeting_id)
                                   .order_by(AgendaItem.position, AgendaItem.id)))
            stukken: dict[int, list[Stuk]] = {}
            for r in s.scalars(select(DocumentRequest)
                               .where(DocumentRequest.agenda_item_id.in_([i.id for i in items]),
                                      DocumentRequest.status != RequestStatus.WAIVED)
                               .order_by(DocumentRequest.due_at, DocumentRequest.id)):
                state = (StukState.RECEIVED if r.status is RequestStatus.RECEIVED
                         else StukState.LATE if r.due_at < now else StukState.REQUESTED)
                stukken.setdefault(r.agenda_item_id, []).append(
                    Stuk(r.id, r.agenda_item_id, r.title, r.requested_from, r.due_at, state))
            starts = start_times(meeting.starts_at, [i.duration_minutes for i in items])
            rows = tuple(
                AgendaRow(i.id, i.version, n, i.title, i.description, i.kind, i.owner_name,
                          i.directorate, i.duration_minutes, start, i.section, i.is_confidential,
                          closes_at is not None and i.added_at is not None
                          and i.added_at > closes_at,
                          i.source_mail_id, i.theme_id, i.action_point_id,
                          tuple(stukken.get(i.id, ())))
                for n, (i, start) in enumerate(zip(items, starts, strict=True), start=1))
            return MeetingAgenda(
                self._meeting_row(meeting, len(items), now),
                series.code if series is not None else "",
                tuple(series.agenda_sections or ()) if series is not None else (),
                closes_at, rows, self._offered(s, meeting))

    def _offered(self, s: Session, meeting: Meeting) -> tuple[OfferedActionPoint, ...]:
        """The open points that come back at this meeting (carried in its series, or
        routed here with "Agenderen op"; see carry_over.py), not yet on its agenda."""
        from kortrijk_cockpit.services.carry_over import open_points_for

        return tuple(OfferedActionPoint(p.id, p.title, p.owner_name, p.due_date, p.origin,
                                        p.route)
                     for p in open_points_for(s, meeting, self._clock.now())
                     if not p.is_on_agenda)

    # -- writes ------------------------------------------------------------------
    def add_item(self, meeting_id: int, draft: ItemDraft, *,
                 at_position: int | None = None) -> ItemWrite:
        """By hand; at the end, or before the item now at 0-based `at_position`."""
        error = _draft_error(draft)
        if error:
            raise UserFacingError(error)
        with self._sessions.begin() as s:
            self._meeting(s, meeting_id)
            item = AgendaItem(meeting_id=meeting_id, added_at=self._clock.now(),
                              **_fields(draft))
            return ItemWrite(self._insert(s, meeting_id, item, at_position),
                             Changes.of(Kind.MEETING, updated=[meeting_id]))

    def add_action_point(self, meeting_id: int, action_point_id: int) -> ItemWrite:
        """One click: the action point as an item, linked to it (for "opvolging")."""
        with self._sessions.begin() as s:
            self._meeting(s, meeting_id)
            point = s.get(ActionPoint, action_point_id)
            if point is None:
                raise UserFacingError("Dat actiepunt bestaat niet meer.")
            if s.scalar(select(AgendaItem.id).where(AgendaItem.meeting_id == meeting_id,
                                                    AgendaItem.action_point_id == point.id)):
                raise UserFacingError("Dat actiepunt staat al op deze agenda.")
            item = AgendaItem(meeting_id=meeting_id, title=point.title,
                              description=point.description, kind=AgendaItemKind.DISCUSSION,
                              owner_name=point.owner_name, duration_minutes=10,
                              action_point_id=point.id, source_mail_id=point.source_mail_id,
                              added_at=self._clock.now())
            return ItemWrite(self._insert(s, meeting_id, item, None),
                             Changes.of(Kind.MEETING, updated=[meeting_id])
                             | Changes.of(Kind.ACTION_POINT, updated=[point.id]))

    def update_item(self, item_id: int, draft: ItemDraft, *, version: int | None = None) -> Changes:
        """Her edit; `version` is the one she saw: a newer save by someone else is refused."""
        error = _draft_error(draft)
        if error:
            raise UserFacingError(error)
        with self._sessions.begin() as s:
            item = self._item(s, item_id)
            if version is not None and item.version != version:
                raise ConcurrentEditError(
                    "Iemand anders heeft dit agendapunt intussen gewijzigd. "
                    "Laad opnieuw en doe je wijziging nog eens.")
            for name, value in _fields(draft).items():
                setattr(item, name, value)
            return Changes.of(Kind.MEETING, updated=[item.meeting_id])

    def remove_item(self, item_id: int) -> RemovedItem:
        with self._sessions.begin() as s:
            item = self._item(s, item_id)
            items = self._ordered(s, item.meeting_id)
            removed = RemovedItem(
                item.meeting_id, items.index(item),
                ItemDraft(item.title, item.kind, item.owner_name, item.directorate,
                          item.duration_minutes, item.section, item.is_confidential,
                          item.description),
                item.source_mail_id, item.theme_id, item.action_point_id, item.added_at,
                Changes.of(Kind.MEETING, updated=[item.meeting_id]))
            s.delete(item)
            items.remove(item)
            _renumber(items)
            return removed

    def restore_item(self, removed: RemovedItem) -> ItemWrite:
        """Undo a removal: the same item at the same place (its stukken stay gone)."""
        with self._sessions.begin() as s:
            self._meeting(s, removed.meeting_id)
            item = AgendaItem(meeting_id=removed.meeting_id, source_mail_id=removed.source_mail_id,
                              theme_id=removed.theme_id, action_point_id=removed.action_point_id,
                              added_at=removed.added_at, **_fields(removed.draft))
            return ItemWrite(self._insert(s, removed.meeting_id, item, removed.position),
                             Changes.of(Kind.MEETING, updated=[removed.meeting_id]))

    def move_item(self, item_id: int, to_position: int) -> Changes:
        """To 0-based `to_position` among the meeting's items (clamped)."""
        with self._sessions.begin() as s:
            item = self._item(s, item_id)
            items = self._ordered(s, item.meeting_id)
            items.remove(item)
            items.insert(max(0, min(to_position, len(items))), item)
            _renumber(items)
            return Changes.of(Kind.MEETING, updated=[item.meeting_id])

    # -- helpers -----------------------------------------------------------------
    @staticmethod
    def _meeting(s: Session, meeting_id: int) -> Meeting:
        return existing(s, Meeting, meeting_id, "Dat overleg bestaat niet meer.")

    @staticmethod
    def _item(s: Session, item_id: int) -> AgendaItem:
        return existing(s, AgendaItem, item_id, "Dat agendapunt bestaat niet meer.")

    @staticmethod
    def _ordered(s: Session, meeting_id: int) -> list[AgendaItem]:
        return ordered_items(s, meeting_id)

    def _insert(self, s: Session, meeting_id: int, item: AgendaItem,
                at_position: int | None) -> int:
        return insert_item(s, meeting_id, item, at_position)


def ordered_items(s: Session, meeting_id: int) -> list[AgendaItem]:
    return list(s.scalars(select(AgendaItem).where(AgendaItem.meeting_id == meeting_id)
                          .order_by(AgendaItem.position, AgendaItem.id)))


def insert_item(s: Session, meeting_id: int, item: AgendaItem, at_position: int | None) -> int:
    """In the caller's transaction (other services put items on too): at the end, or
    before the item now at 0-based `at_position`; the others renumbered."""
    items = ordered_items(s, meeting_id)
    at = len(items) if at_position is None else max(0, min(at_position, len(items)))
    items.insert(at, item)
    s.add(item)
    _renumber(items)
    s.flush()
    return item.id


def _renumber(items: list[AgendaItem]) -> None:
    """Positions 0..n-1; only rows whose place changed are written."""
    for position, item in enumerate(items):
        if item.position != position:
            item.position = position


def _fields(draft: ItemDraft) -> dict[str, object]:
    return {"title": draft.title.strip(), "kind": draft.kind,
            "owner_name": draft.owner_name.strip(), "directorate": draft.directorate.strip(),
            "duration_minutes": draft.duration_minutes, "section": draft.section,
            "is_confidential": draft.is_confidential, "description": draft.description}
