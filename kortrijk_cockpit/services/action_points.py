"""Action points: their status, owner and deadline, with a history of every step.

Every writer of an action point records what changed through `record` in the same
transaction, so the status history and the route ("Agenderen op") are complete. The
history reads back as Dutch lines for the Opvolging area and the minutes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kortrijk_cockpit.changes import Changes, Kind
from kortrijk_cockpit.clock import BRUSSELS, Clock
from kortrijk_cockpit.domain import ActionEventKind, ActionPointEvent
from kortrijk_cockpit.domain.meetings import ActionPoint, ActionStatus, Meeting
from kortrijk_cockpit.errors import ConcurrentEditError
from kortrijk_cockpit.services.action_events import due_text, record
from kortrijk_cockpit.services.carry_over import STATUS_LABELS, turn
from kortrijk_cockpit.services.lookup import existing
from kortrijk_cockpit.store.database import STALE_MESSAGE

GONE = "Dat actiepunt bestaat niet meer."


@dataclass(frozen=True)
class HistoryLine:
    at: datetime
    kind: ActionEventKind
    text: str  # Dutch: "status open → afgewerkt", "agenderen op DC 12/01/2027"
    meeting_title: str
    actor: str


@dataclass(frozen=True)
class PointHistory:
    id: int
    title: str
    lines: tuple[HistoryLine, ...]  # oldest first
    route: tuple[str, ...]  # Dutch: born in, routed to, ..., comes back at (next)
    comes_back_at: str  # "MAT 12/01/2027", or "" when done or without a home


class ActionPointService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock,
                 actor: str = "") -> None:
        self._sessions = sessions
        self._clock = clock
        self._actor = actor

    def set_status(self, point_id: int, status: ActionStatus, version: int | None = None,
                   meeting_id: int | None = None) -> Changes:
        """`meeting_id`: the meeting where it was settled (the minutes' Opvolging)."""
        now = self._clock.now()
        with self._sessions.begin() as s:
            point = self._editable(s, point_id, version)
            if point.status is status:
                return Changes()
            record(s, point, ActionEventKind.STATUS, at=now, old=point.status.value,
                   new=status.value, meeting_id=meeting_id, actor=self._actor)
            point.status = status
            point.completed_at = now if status is ActionStatus.DONE else None
            return Changes.of(Kind.ACTION_POINT, updated=[point.id])

    def update(self, point_id: int, *, owner_name: str | None = None,
               owner_person_id: int | None = None, due_date: date | None = None,
               clear_due: bool = False, version: int | None = None,
               meeting_id: int | None = None) -> Changes:
        now = self._clock.now()
        with self._sessions.begin() as s:
            point = self._editable(s, point_id, version)
            if owner_name is not None and owner_name.strip() != point.owner_name:
                record(s, point, ActionEventKind.OWNER, at=now, old=point.owner_name,
                       new=owner_name.strip(), meeting_id=meeting_id, actor=self._actor)
                point.owner_name = owner_name.strip()
                point.owner_person_id = owner_person_id
            new_due = None if clear_due else (due_date or point.due_date)
            if new_due != point.due_date:
                record(s, point, ActionEventKind.DEADLINE, at=now, old=due_text(point.due_date),
                       new=due_text(new_due), meeting_id=meeting_id, actor=self._actor)
                point.due_date = new_due
            return Changes.of(Kind.ACTION_POINT, updated=[point.id])

    def discussed(self, point_id: int, meeting_id: int, note: str = "") -> Changes:
        """It came back at `meeting_id` and was talked about (the minutes' Opvolging)."""
        now = self._clock.now()
        with self._sessions.begin() as s:
            point = existing(s, ActionPoint, point_id, GONE)
            record(s, point, ActionEventKind.DISCUSSED, at=now, new=note, meeting_id=meeting_id,
                   actor=self._actor)
            return Changes.of(Kind.ACTION_POINT, updated=[point.id])

    def history(self, point_id: int) -> PointHistory:
        now = self._clock.now()
        with self._sessions() as s:
            point = existing(s, ActionPoint, point_id, GONE)
            rows = s.execute(
                select(ActionPointEvent, Meeting.title)
                .outerjoin(Meeting, Meeting.id == ActionPointEvent.meeting_id)
                .where(ActionPointEvent.action_point_id == point_id)
                .order_by(ActionPointEvent.at, ActionPointEvent.id)).all()
            lines = tuple(HistoryLine(e.at, e.kind, _describe(e), title or "", e.actor)
                          for e, title in rows)
            route: list[str] = []
            origin = s.get(Meeting, point.origin_meeting_id) if point.origin_meeting_id \
                else None
            if origin is not None:
                route.append(f"ontstaan op {_title(origin)}")
            for e, _title_ in rows:
                if e.kind is ActionEventKind.ROUTED and e.new_value:
                    route.append(f"agenderen op {e.new_value}")
            back = ""
            if point.status in (ActionStatus.OPEN, ActionStatus.IN_PROGRESS):
                at = turn(s, point, now)
                back = _title(at) if at is not None else ""
                if back:
                    route.append(f"komt terug op {back}")
            return PointHistory(point.id, point.title, lines, tuple(route), back)

    @staticmethod
    def _editable(s: Session, point_id: int, version: int | None) -> ActionPoint:
        point = existing(s, ActionPoint, point_id, GONE)
        if version is not None and point.version != version:
            raise ConcurrentEditError(STALE_MESSAGE)
        return point


def meeting_label(meeting: Meeting) -> str:
    """'MAT 12/01/2027': the title, with the day unless the title carries it already."""
    return _title(meeting)


def _title(meeting: Meeting) -> str:
    day = meeting.starts_at.astimezone(BRUSSELS).strftime("%d/%m/%Y")
    return meeting.title if day in meeting.title else f"{meeting.title} {day}"


def _describe(e: ActionPointEvent) -> str:
    if e.kind is ActionEventKind.CREATED:
        return f"aangemaakt{' - ' + e.new_value if e.new_value else ''}"
    if e.kind is ActionEventKind.STATUS:
        return (f"status {_status(e.old_value)} → {_status(e.new_value)}")
    if e.kind is ActionEventKind.OWNER:
        return f"eigenaar {e.old_value or '(niemand)'} → {e.new_value or '(niemand)'}"
    if e.kind is ActionEventKind.DEADLINE:
        return f"deadline {e.old_value or '(geen)'} → {e.new_value or '(geen)'}"
    if e.kind is ActionEventKind.ROUTED:
        return f"agenderen op {e.new_value}"
    return f"besproken{': ' + e.new_value if e.new_value else ''}"


def _status(value: str) -> str:
    try:
        return STATUS_LABELS[ActionStatus(value)]
    except ValueError:
        return value
