"""Follow-up carried to the right next overleg ("opvolging"), and reminders to owners.

An open action point has a home: the meeting it is pinned to ("Agenderen op" a meeting),
else the series it is routed to, else the series of the meeting it was born in. It comes
back at its home's *turn*: the pinned meeting while that is still to come; otherwise the
first meeting of the home series after its origin that has not ended yet. So a point
carries from meeting to meeting until done, also onto meetings the year plan created
long before, without any extra column. A point already on a meeting's agenda comes back
there too (history of past meetings).

Reminders are remembered per point and day as AuditEntry rows (no column for it yet).
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session, sessionmaker

from kortrijk_cockpit.changes import Changes, Kind
from kortrijk_cockpit.clock import BRUSSELS, Clock
from kortrijk_cockpit.domain import ActionEventKind, AuditEntry, OutboxEntry
from kortrijk_cockpit.domain.meetings import (
    ActionPoint,
    ActionStatus,
    AgendaItem,
    Meeting,
    MeetingSeries,
    MeetingStatus,
)
from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.exchange.outbox_kinds import OutboxKind, mail_values, queue
from kortrijk_cockpit.exchange.records import OutgoingMail
from kortrijk_cockpit.services.action_events import record
from kortrijk_cockpit.services.lookup import existing, owner_emails

OPEN = (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)
REMINDED = "action_point_reminded"
STATUS_LABELS = {ActionStatus.OPEN: "open", ActionStatus.IN_PROGRESS: "lopend",
                 ActionStatus.DONE: "afgewerkt", ActionStatus.CANCELLED: "geannuleerd"}


@dataclass(frozen=True)
class CarriedPoint:
    """An open point that comes back at a meeting, with where it came from."""

    id: int
    title: str
    owner_name: str
    owner_person_id: int | None
    due_date: date | None
    status: ActionStatus
    origin_meeting_id: int | None
    origin_title: str  # "" when it was not born in a meeting (a mail, a visit)
    origin_starts_at: datetime | None
    route: str  # Dutch: "opvolging MAT", "agenderen op DC", "agenderen op DC 12/01/2027"
    is_routed: bool  # sent here with "Agenderen op" rather than carried in its own series
    is_on_agenda: bool  # already an item of this meeting

    @property
    def origin(self) -> str:
        """'MAT 05/01/2027' (Dutch), or '' without an origin meeting."""
        if not self.origin_title or self.origin_starts_at is None:
            return ""
        day = _day(self.origin_starts_at)  # the year plan's titles carry the day already
        return self.origin_title if day in self.origin_title else f"{self.origin_title} van {day}"


@dataclass(frozen=True)
class Reminded:
    changes: Changes = field(default_factory=Changes)
    owners: tuple[str, ...] = ()  # addresses a mail was queued for
    without_address: tuple[str, ...] = ()  # owner names with no known address


class CarryOverService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock,
                 director_name: str = "") -> None:
        self._sessions = sessions
        self._clock = clock
        self._director = director_name

    def open_points_for(self, meeting_id: int) -> list[CarriedPoint]:
        with self._sessions() as s:
            return open_points_for(s, _meeting(s, meeting_id), self._clock.now())

    def route(self, action_point_id: int, target: int | str) -> Changes:
        """"Agenderen op": a meeting (its id) or the next of a series (its code). The
        origin stays; the meetings it leaves and reaches are in the Changes."""
        now = self._clock.now()
        with self._sessions.begin() as s:
            point = s.get(ActionPoint, action_point_id)
            if point is None:
                raise UserFacingError("Dat actiepunt bestaat niet meer.")
            if point.status not in OPEN:
                raise UserFacingError(
                    f"\"{point.title}\" is {STATUS_LABELS[point.status]} en komt niet meer terug.")
            before = turn(s, point, now)
            if isinstance(target, str):
                series = s.scalar(select(MeetingSeries).where(MeetingSeries.code == target))
                if series is None:
                    raise UserFacingError(f"Er is geen overleg \"{target}\".")
                point.target_series_id, point.target_meeting_id = series.id, None
            else:
                meeting = _meeting(s, target)
                if meeting.status is MeetingStatus.CANCELLED:
                    raise UserFacingError(f"{meeting.title} is geannuleerd; kies een andere "
                                          "vergadering.")
                if meeting.ends_at < now:
                    raise UserFacingError(f"{meeting.title} is al voorbij; kies een komende "
                                          "vergadering.")
                point.target_series_id, point.target_meeting_id = meeting.series_id, meeting.id
            s.flush()
            after = turn(s, point, now)
            record(s, point, ActionEventKind.ROUTED, at=now,
                   old=_label(before) if before is not None else "",
                   new=_label(after) if after is not None else _target_label(s, point),
                   meeting_id=after.id if after is not None else None)
            touched = [m.id for m in (before, after) if m is not None]
            return (Changes.of(Kind.ACTION_POINT, updated=[point.id])
                    | Changes.of(Kind.MEETING, updated=touched))

    def remind_owners(self, meeting_id: int) -> Reminded:
        """One Dutch mail per owner listing all their open points that come back at this
        meeting, through the outbox; a point is not reminded twice the same day."""
        now = self._clock.now()
        with self._sessions.begin() as s:
            meeting = _meeting(s, meeting_id)
            points = open_points_for(s, meeting, now)
            done_today = _reminded_today(s, [p.id for p in points], now)
            points = [p for p in points if p.id not in done_today]
            emails = _emails(s, points)
            groups: dict[str, tuple[str, list[CarriedPoint]]] = {}
            missing: list[str] = []
            for p in points:
                email = emails.get(p.id, "")
                if not email:
                    if p.owner_name and p.owner_name not in missing:
                        missing.append(p.owner_name)
                    continue
                groups.setdefault(email.casefold(), (email, []))[1].append(p)
            entries: list[OutboxEntry] = []
            for email, rows in groups.values():
                mail = self._mail(meeting, rows[0].owner_name, email, rows)
                entries.append(queue(s, OutboxKind.SEND_MAIL, mail_values(mail)))
                for p in rows:
                    s.add(AuditEntry(at=now, action=REMINDED, entity="action_point",
                                     entity_id=p.id, detail={"meeting_id": meeting.id,
                                                             "to": email}))
            s.flush()
            changes = Changes() if not entries else (
                Changes.of(Kind.OUTBOX, created=[e.id for e in entries])
                | Changes.of(Kind.ACTION_POINT, updated=[p.id for _, r in groups.values()
                                                         for p in r]))
            return Reminded(changes, tuple(e for e, _ in groups.values()), tuple(missing))

    def _mail(self, meeting: Meeting, owner_name: str, email: str,
              rows: Sequence[CarriedPoint]) -> OutgoingMail:
        first = owner_name.split()[0] if owner_name.strip() else ""
        lines = "".join(f"<li>{html.escape(_line(p))}</li>" for p in rows)
        intro = (f"Op {meeting.title} van {_day(meeting.starts_at)} komen de volgende "
                 "actiepunten op uw naam terug ter opvolging:")
        outro = ("Wilt u vooraf laten weten hoever ze staan, of wat nog nodig is? "
                 "Alvast bedankt.")
        signature = "<br>".join(html.escape(x) for x in (
            "Met vriendelijke groeten", "", self._director or "Het secretariaat",
            "algemeen directeur", "Stad en OCMW Kortrijk"))
        body = (f"<p>Beste {html.escape(first) or 'collega'},</p><p>{html.escape(intro)}</p>"
                f"<ul>{lines}</ul><p>{html.escape(outro)}</p><p>{signature}</p>")
        return OutgoingMail(subject=reminder_subject(meeting.title, meeting.starts_at),
                            body_html=body, to=(email,))


def reminder_subject(title: str, starts_at: datetime) -> str:
    return f"Opvolging actiepunten voor {title} van {_day(starts_at)}"


def open_points_for(s: Session, meeting: Meeting, now: datetime) -> list[CarriedPoint]:
    """The open points that come back at `meeting`, earliest deadline first."""
    on_agenda = set(s.scalars(select(AgendaItem.action_point_id).where(
        AgendaItem.meeting_id == meeting.id, AgendaItem.action_point_id.is_not(None))))
    found: list[CarriedPoint] = []
    for point in s.scalars(select(ActionPoint).where(ActionPoint.status.in_(OPEN),
                                                     _may_come_back_at(meeting, on_agenda))):
        here = point.id in on_agenda
        if not here:
            at = turn(s, point, now)
            here = at is not None and at.id == meeting.id
        if here:
            found.append(_carried(s, point, point.id in on_agenda))
    found.sort(key=lambda p: (p.due_date is None, p.due_date or date.min, p.id))
    return found


def _may_come_back_at(meeting: Meeting, on_agenda: set[int]) -> ColumnElement[bool]:
    """Only points whose `turn` can land in this meeting's series are worth asking: pinned
    to one of its meetings, routed to the series, or born in it and not routed elsewhere
    (so an agenda read looks at one series' points, not at every open point)."""
    if meeting.series_id is None:
        return or_(ActionPoint.target_meeting_id == meeting.id, ActionPoint.id.in_(on_agenda))
    in_series = select(Meeting.id).where(Meeting.series_id == meeting.series_id)
    return or_(ActionPoint.id.in_(on_agenda),
               ActionPoint.target_meeting_id.in_(in_series),
               and_(ActionPoint.target_meeting_id.is_(None),
                    ActionPoint.target_series_id == meeting.series_id),
               and_(ActionPoint.target_meeting_id.is_(None),
                    ActionPoint.target_series_id.is_(None),
                    ActionPoint.origin_meeting_id.in_(in_series)))


def turn(s: Session, point: ActionPoint, now: datetime) -> Meeting | None:
    """The meeting where an open point comes back next, or None (no home, no meeting)."""
    origin = s.get(Meeting, point.origin_meeting_id) if point.origin_meeting_id else None
    pinned = s.get(Meeting, point.target_meeting_id) if point.target_meeting_id else None
    if pinned is not None:
        if pinned.status is not MeetingStatus.CANCELLED and pinned.ends_at >= now:
            return pinned
        # Held (still open) or cancelled: carried on in that meeting's series.
        return _next(s, pinned.series_id, pinned.starts_at, now)
    if point.target_series_id is not None:
        after = origin.starts_at if origin is not None else None
        return _next(s, point.target_series_id, after, now)
    if origin is not None:
        return _next(s, origin.series_id, origin.starts_at, now)
    return None


def _next(s: Session, series_id: int | None, after: datetime | None,
          now: datetime) -> Meeting | None:
    """The first meeting of the series after `after` that has not ended yet."""
    if series_id is None:
        return None
    query = select(Meeting).where(Meeting.series_id == series_id, Meeting.ends_at >= now,
                                  Meeting.status != MeetingStatus.CANCELLED)
    if after is not None:
        query = query.where(Meeting.starts_at > after)
    return s.scalar(query.order_by(Meeting.starts_at, Meeting.id).limit(1))


def _carried(s: Session, point: ActionPoint, on_agenda: bool) -> CarriedPoint:
    origin = s.get(Meeting, point.origin_meeting_id) if point.origin_meeting_id else None
    pinned = s.get(Meeting, point.target_meeting_id) if point.target_meeting_id else None
    routed_series = s.get(MeetingSeries, point.target_series_id) \
        if point.target_series_id else None
    origin_series = origin.series_id if origin is not None else None
    is_routed = pinned is not None or (routed_series is not None
                                       and routed_series.id != origin_series)
    if pinned is not None:
        route = f"agenderen op {pinned.title}"
    elif routed_series is not None and is_routed:
        route = f"agenderen op {routed_series.code}"
    elif origin is not None and origin.series is not None:
        route = f"opvolging {origin.series.code}"
    else:
        route = "opvolging"
    return CarriedPoint(point.id, point.title, point.owner_name, point.owner_person_id,
                        point.due_date, point.status, point.origin_meeting_id,
                        origin.title if origin is not None else "",
                        origin.starts_at if origin is not None else None,
                        route, is_routed, on_agenda)


def _reminded_today(s: Session, point_ids: Iterable[int], now: datetime) -> set[int]:
    ids = list(point_ids)
    if not ids:
        return set()
    today = now.astimezone(BRUSSELS).date()
    since = datetime.combine(today, time(0, 0), BRUSSELS)
    return set(s.scalars(select(AuditEntry.entity_id).where(
        AuditEntry.action == REMINDED, AuditEntry.entity == "action_point",
        AuditEntry.entity_id.in_(ids), AuditEntry.at >= since)))


def _emails(s: Session, points: Sequence[CarriedPoint]) -> dict[int, str]:
    """Each point's owner address: the linked person, else a person by that name."""
    return owner_emails(s, ((p.id, p.owner_person_id, p.owner_name) for p in points))


def _line(p: CarriedPoint) -> str:
    parts = [p.title]
    if p.due_date is not None:
        parts.append(f"deadline {p.due_date:%d/%m/%Y}")
    if p.origin:
        parts.append(f"uit {p.origin}")
    parts.append(STATUS_LABELS[p.status])
    return " - ".join(parts)


def _label(meeting: Meeting) -> str:
    """'MAT 12/01/2027': the title, with the day unless the title carries it already."""
    day = _day(meeting.starts_at)
    return meeting.title if day in meeting.title else f"{meeting.title} {day}"


def _target_label(s: Session, point: ActionPoint) -> str:
    series = s.get(MeetingSeries, point.target_series_id) if point.target_series_id else None
    return series.code if series is not None else ""


def _meeting(s: Session, meeting_id: int) -> Meeting:
    return existing(s, Meeting, meeting_id, "Deze vergadering bestaat niet meer.")


def _day(moment: datetime) -> str:
    return moment.astimezone(BRUSSELS).strftime("%d/%m/%Y")
