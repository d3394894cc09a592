"""Where an open action point can go ("Agenderen op") and what comes back next (Vandaag).

Qt-free reads beside `carry_over`: the route dialog's choices (the next meeting of a
series, or one specific coming meeting) and, per series code, the next meeting with
the open points that come back there.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kortrijk_cockpit.clock import Clock
from kortrijk_cockpit.domain.meetings import Meeting, MeetingSeries, MeetingStatus
from kortrijk_cockpit.services.action_points import meeting_label
from kortrijk_cockpit.services.carry_over import open_points_for

ROUTE_WEEKS = 12  # how far ahead the dialog offers specific meetings
FIRST_TITLES = 3


@dataclass(frozen=True)
class RouteTarget:
    """One choice in "Agenderen op": a series code (its next meeting) or a meeting id."""

    label: str  # Dutch: "volgende MAT", "DC 14/01/2027"
    target: int | str
    series_code: str
    starts_at: datetime | None  # None for "the next of the series"


@dataclass(frozen=True)
class ComingBack:
    """The next meeting of a series and what comes back there (Vandaag)."""

    series_code: str
    meeting_id: int
    title: str
    starts_at: datetime
    count: int
    first_titles: tuple[str, ...]


class FollowupPointsService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock) -> None:
        self._sessions = sessions
        self._clock = clock

    def route_targets(self) -> list[RouteTarget]:
        now = self._clock.now()
        with self._sessions() as s:
            return route_targets(s, now)

    def coming_back(self, codes: Iterable[str]) -> list[ComingBack]:
        now = self._clock.now()
        with self._sessions() as s:
            return coming_back(s, codes, now)


def route_targets(s: Session, now: datetime) -> list[RouteTarget]:
    """"volgende <code>" per series first, then each coming meeting, soonest first."""
    series = list(s.scalars(select(MeetingSeries).order_by(MeetingSeries.code)))
    found = [RouteTarget(f"volgende {x.code}", x.code, x.code, None) for x in series]
    codes = {x.id: x.code for x in series}
    meetings = s.scalars(
        select(Meeting).where(Meeting.ends_at >= now, Meeting.status != MeetingStatus.CANCELLED,
                              Meeting.starts_at <= now + timedelta(weeks=ROUTE_WEEKS))
        .order_by(Meeting.starts_at, Meeting.id))
    found += [RouteTarget(meeting_label(m), m.id, codes.get(m.series_id or 0, ""), m.starts_at)
              for m in meetings]
    return found


def coming_back(s: Session, codes: Iterable[str], now: datetime) -> list[ComingBack]:
    """The next meeting of each code (not ended, not cancelled) and its open points; a
    series without a coming meeting is left out."""
    found: list[ComingBack] = []
    for code in codes:
        meeting = s.scalar(
            select(Meeting).join(MeetingSeries, MeetingSeries.id == Meeting.series_id)
            .where(MeetingSeries.code == code, Meeting.ends_at >= now,
                   Meeting.status != MeetingStatus.CANCELLED)
            .order_by(Meeting.starts_at, Meeting.id).limit(1))
        if meeting is None:
            continue
        points = open_points_for(s, meeting, now)
        found.append(ComingBack(code, meeting.id, meeting.title, meeting.starts_at, len(points),
                                tuple(p.title for p in points[:FIRST_TITLES])))
    return found
