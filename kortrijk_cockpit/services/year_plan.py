"""The year plan of an overleg: a year of meetings on the series' weekday and time.

Days off (Belgian public holidays, 11 July and the city's own days, see
`demo_office.rhythm`) and the series' closures are skipped, each with its reason
for the preview. A meeting already in the store for a week (also one moved to
another day of that week, or cancelled) is never made twice, so generating the
same year again adds nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

import holidays
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kortrijk_cockpit.changes import Changes, Kind
from kortrijk_cockpit.clock import BRUSSELS
from kortrijk_cockpit.demo_office.rhythm import is_working_day
from kortrijk_cockpit.domain import CalendarEvent, Meeting, MeetingSeries, MeetingStatus
from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.exchange.records import EventDraft
from kortrijk_cockpit.services.lookup import existing

if TYPE_CHECKING:
    from kortrijk_cockpit.services.calendar import CalendarService

# Days off that the `holidays` package does not name (the city's own, DOMAIN.md).
_CITY_DAY_NAMES = {(1, 2): "2 januari", (7, 11): "Feest van de Vlaamse Gemeenschap",
                   (11, 2): "Allerzielen", (11, 15): "Koningsdag", (12, 26): "Tweede kerstdag"}


@dataclass(frozen=True)
class SkippedDay:
    day: date
    reason: str  # Dutch: the holiday's name or "sluiting"


@dataclass(frozen=True)
class YearPlanPreview:
    """What generating `year` would do: meetings to make, weeks already planned, days skipped."""

    series_id: int
    year: int
    new: tuple[datetime, ...]  # start of each meeting to create (Brussels time)
    existing: tuple[date, ...]  # weeks (their meeting day) that already have a meeting
    skipped: tuple[SkippedDay, ...]
    duration_minutes: int


@dataclass(frozen=True)
class YearPlanWrite:
    meeting_ids: tuple[int, ...]
    changes: Changes


def parse_closures(closures: Iterable[str]) -> list[tuple[date, date]]:
    """The series' closures ("YYYY-MM-DD/YYYY-MM-DD") as (first, last) day ranges."""
    ranges = []
    for text in closures:
        first, _, last = text.partition("/")
        try:
            start = date.fromisoformat(first.strip())
            end = date.fromisoformat((last or first).strip())
        except ValueError as exc:
            raise UserFacingError(f"Sluiting '{text}' is geen periode van de vorm "
                                  "JJJJ-MM-DD/JJJJ-MM-DD.") from exc
        ranges.append((start, end))
    return ranges


def day_off_name(day: date) -> str:
    names = holidays.country_holidays("BE", years=day.year, language="nl")
    return names.get(day) or _CITY_DAY_NAMES.get((day.month, day.day), "vrije dag")


def plan_days(weekday: int, year: int,
              closures: Sequence[str] = ()) -> tuple[list[date], list[SkippedDay]]:
    """Every `weekday` of `year` that is a working day outside the closures (pure)."""
    ranges = parse_closures(closures)
    day = date(year, 1, 1) + timedelta(days=(weekday - date(year, 1, 1).weekday()) % 7)
    days: list[date] = []
    skipped: list[SkippedDay] = []
    while day.year == year:
        if not is_working_day(day):
            skipped.append(SkippedDay(day, day_off_name(day)))
        elif any(first <= day <= last for first, last in ranges):
            skipped.append(SkippedDay(day, "sluiting"))
        else:
            days.append(day)
        day += timedelta(weeks=1)
    return days, skipped


def _week(day: date) -> tuple[int, int]:
    iso = day.isocalendar()
    return iso.year, iso.week


def local_day(moment: datetime) -> date:
    return moment.astimezone(BRUSSELS).date()


class YearPlanService:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def meeting_start(self, meeting_id: int) -> tuple[str, datetime]:
        """Its title and start (Brussels time), for the move dialog."""
        with self._sessions() as s:
            meeting = self._meeting(s, meeting_id)
            return meeting.title, meeting.starts_at.astimezone(BRUSSELS)

    def series_name(self, series_id: int) -> str:
        with self._sessions() as s:
            series = self._series(s, series_id)
            return f"{series.code} ({series.name})" if series.name != series.code else series.code

    def preview(self, series_id: int, year: int) -> YearPlanPreview:
        with self._sessions() as s:
            return self._preview(s, self._series(s, series_id), year)

    def generate(self, series_id: int, year: int) -> YearPlanWrite:
        """Create the preview's new meetings in one transaction."""
        with self._sessions.begin() as s:
            series = self._series(s, series_id)
            preview = self._preview(s, series, year)
            length = timedelta(minutes=series.duration_minutes)
            rows = [Meeting(series_id=series.id, title=f"{series.code} {start:%d/%m/%Y}",
                            starts_at=start, ends_at=start + length, location=series.location)
                    for start in preview.new]
            s.add_all(rows)
            s.flush()
            ids = tuple(r.id for r in rows)
        return YearPlanWrite(ids, Changes.of(Kind.MEETING, created=ids))

    def book_in_calendar(self, series_id: int, year: int,
                         calendar: CalendarService) -> Changes:
        """Each planned meeting of the year that has no appointment yet, in the director's
        calendar through the outbox, linked to its meeting. No invitations: the members
        get the agenda, and a year of invitations would flood their inboxes."""
        with self._sessions() as s:
            series = self._series(s, series_id)
            first = datetime(year, 1, 1, tzinfo=BRUSSELS)
            booked = select(CalendarEvent.meeting_id).where(CalendarEvent.meeting_id.is_not(None),
                                                            CalendarEvent.is_cancelled.is_(False))
            todo = [(m.id, m.title, m.starts_at, m.ends_at, m.location) for m in s.scalars(
                select(Meeting).where(Meeting.series_id == series.id,
                                      Meeting.status != MeetingStatus.CANCELLED,
                                      Meeting.starts_at >= first,
                                      Meeting.starts_at < first.replace(year=year + 1),
                                      Meeting.id.not_in(booked))
                .order_by(Meeting.starts_at))]
            name = series.name
        changes = Changes()
        for meeting_id, title, start, end, place in todo:
            written = calendar.create(EventDraft(subject=f"{name} ({title})", start_at=start,
                                                 end_at=end, location=place),
                                      meeting_id=meeting_id)
            changes = changes | written.changes
        return changes

    def move(self, meeting_id: int, new_start: datetime) -> Changes:
        """Move one meeting (its length kept); its agenda items go with it."""
        if new_start.tzinfo is None:
            raise ValueError("new_start must be timezone-aware")
        with self._sessions.begin() as s:
            meeting = self._meeting(s, meeting_id)
            length = meeting.ends_at - meeting.starts_at
            meeting.starts_at, meeting.ends_at = new_start, new_start + length
            if meeting.series is not None:
                meeting.title = f"{meeting.series.code} {new_start.astimezone(BRUSSELS):%d/%m/%Y}"
        return Changes.of(Kind.MEETING, updated=[meeting_id])

    def cancel(self, meeting_id: int) -> Changes:
        """Cancel one meeting; its agenda items stay on it, to be moved to another."""
        with self._sessions.begin() as s:
            self._meeting(s, meeting_id).status = MeetingStatus.CANCELLED
        return Changes.of(Kind.MEETING, updated=[meeting_id])

    def _preview(self, s: Session, series: MeetingSeries, year: int) -> YearPlanPreview:
        if series.weekday is None or not series.start_time:
            raise UserFacingError(f"Overleg {series.code} heeft geen vaste weekdag en uur: "
                                  "stel die eerst in.")
        days, skipped = plan_days(series.weekday, year, series.closures)
        starts = s.scalars(select(Meeting.starts_at).where(Meeting.series_id == series.id)).all()
        planned_weeks = {_week(local_day(start)) for start in starts}
        begin = time.fromisoformat(series.start_time)
        new = tuple(datetime.combine(d, begin, BRUSSELS) for d in days
                    if _week(d) not in planned_weeks)
        existing = tuple(d for d in days if _week(d) in planned_weeks)
        return YearPlanPreview(series.id, year, new, existing, tuple(skipped),
                               series.duration_minutes)

    @staticmethod
    def _series(s: Session, series_id: int) -> MeetingSeries:
        return existing(s, MeetingSeries, series_id, "Dit overleg bestaat niet meer.")

    @staticmethod
    def _meeting(s: Session, meeting_id: int) -> Meeting:
        return existing(s, Meeting, meeting_id, "Deze vergadering bestaat niet meer.")
