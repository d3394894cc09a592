"""The theme calendar in the store: place themes as agenda items, read the year for its view."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from kortrijk_cockpit.changes import Changes, Kind
from kortrijk_cockpit.clock import Clock, SystemClock
from kortrijk_cockpit.domain import AgendaItem, Meeting, MeetingSeries, MeetingStatus, Theme
from kortrijk_cockpit.services.lookup import existing
from kortrijk_cockpit.services.theme_plan import (
    PlanMeeting,
    PlanTheme,
    PlanWarning,
    place_themes,
    plan_warnings,
    section_for,
)
from kortrijk_cockpit.services.year_plan import local_day


@dataclass(frozen=True)
class PlannedTheme:
    theme_id: int
    name: str
    minutes: int
    is_bbc: bool


@dataclass(frozen=True)
class PlannedMeeting:
    id: int
    title: str
    starts_at: datetime
    ends_at: datetime
    location: str
    cancelled: bool
    length_minutes: int
    planned_minutes: int
    themes: tuple[PlannedTheme, ...]


@dataclass(frozen=True)
class PlanWeek:
    monday: date
    week: int  # ISO week number
    meetings: tuple[PlannedMeeting, ...]
    warnings: tuple[PlanWarning, ...]


@dataclass(frozen=True)
class YearOverview:
    series_id: int
    code: str
    name: str
    year: int
    weeks: tuple[PlanWeek, ...]

    @property
    def meetings(self) -> tuple[PlannedMeeting, ...]:
        return tuple(m for w in self.weeks for m in w.meetings)


@dataclass(frozen=True)
class ThemePlanWrite:
    item_ids: tuple[int, ...]
    changes: Changes


def year_bounds(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


def iso_mondays(year: int) -> list[date]:
    """The Mondays of the ISO weeks of `year` (52 or 53)."""
    monday = date.fromisocalendar(year, 1, 1)
    weeks = date(year, 12, 28).isocalendar().week
    return [monday + timedelta(weeks=i) for i in range(weeks)]


class ThemeCalendarService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock | None = None) -> None:
        self._sessions = sessions
        self._clock = clock or SystemClock()

    def place(self, series_id: int, year: int) -> ThemePlanWrite:
        """Put the themes on the year's meetings as agenda items (only what is missing)."""
        start, end = year_bounds(year)
        with self._sessions.begin() as s:
            series = _series(s, series_id)
            meetings, themes, placed = self._state(s, series, year)
            placements = place_themes(meetings, themes, placed, start, end)
            by_theme = {t.id: t for t in s.scalars(
                select(Theme).where(Theme.series_id == series.id))}
            last = dict(s.execute(
                select(AgendaItem.meeting_id, func.max(AgendaItem.position))
                .where(AgendaItem.meeting_id.in_([m.id for m in meetings]))
                .group_by(AgendaItem.meeting_id)).all())
            now = self._clock.now()
            rows = []
            for p in placements:
                theme = by_theme[p.theme_id]
                last[p.meeting_id] = (last.get(p.meeting_id) or 0) + 1
                rows.append(AgendaItem(
                    meeting_id=p.meeting_id, position=last[p.meeting_id], title=theme.name,
                    kind=theme.kind, owner_name=theme.owner_name,
                    directorate=theme.directorate, duration_minutes=theme.duration_minutes,
                    theme_id=theme.id, added_at=now,
                    section=section_for(theme.kind.value, theme.is_bbc, series.agenda_sections)))
            s.add_all(rows)
            s.flush()
            ids = tuple(r.id for r in rows)
        return ThemePlanWrite(ids, Changes.of(
            Kind.MEETING, updated={p.meeting_id for p in placements}))

    def overview(self, series_id: int, year: int) -> YearOverview:
        """The year week by week: meetings with their themes, and the warnings."""
        start, end = year_bounds(year)
        with self._sessions() as s:
            series = _series(s, series_id)
            plan_meetings, themes, placed = self._state(s, series, year)
            warnings = plan_warnings(plan_meetings, themes, placed, start, end)
            rows = s.scalars(select(Meeting).where(Meeting.id.in_([m.id for m in plan_meetings]))
                             .order_by(Meeting.starts_at)).all()
            names = {t.id: t for t in themes}
            meetings = [PlannedMeeting(
                m.id, m.title, m.starts_at, m.ends_at, m.location,
                m.status is MeetingStatus.CANCELLED,
                int((m.ends_at - m.starts_at).total_seconds() // 60),
                sum(i.duration_minutes for i in m.agenda_items),
                tuple(PlannedTheme(i.theme_id, i.title, i.duration_minutes,
                                   names[i.theme_id].is_bbc)
                      for i in m.agenda_items if i.theme_id in names)) for m in rows]
            mondays = iso_mondays(year)

            def week_of(day: date) -> date:
                monday = day - timedelta(days=day.weekday())
                return min(max(monday, mondays[0]), mondays[-1])

            by_week: dict[date, list[PlannedMeeting]] = defaultdict(list)
            for m in meetings:
                by_week[week_of(local_day(m.starts_at))].append(m)
            warned: dict[date, list[PlanWarning]] = defaultdict(list)
            for w in warnings:
                warned[week_of(w.day)].append(w)
            weeks = tuple(PlanWeek(d, d.isocalendar().week, tuple(by_week[d]),
                                   tuple(warned[d])) for d in mondays)
            return YearOverview(series.id, series.code, series.name, year, weeks)

    @staticmethod
    def _state(s: Session, series: MeetingSeries, year: int
               ) -> tuple[list[PlanMeeting], list[PlanTheme], dict[int, list[int]]]:
        start, end = year_bounds(year)
        # A day's margin each side: the year is in Brussels time, the store in UTC.
        rows = s.scalars(select(Meeting).where(
            Meeting.series_id == series.id,
            Meeting.starts_at >= datetime.combine(start - timedelta(days=1), datetime.min.time(),
                                                  tzinfo=UTC),
            Meeting.starts_at < datetime.combine(end + timedelta(days=2), datetime.min.time(),
                                                 tzinfo=UTC))).all()
        rows = [m for m in rows if start <= local_day(m.starts_at) <= end]
        minutes = dict(s.execute(
            select(AgendaItem.meeting_id, func.sum(AgendaItem.duration_minutes))
            .where(AgendaItem.meeting_id.in_([m.id for m in rows]))
            .group_by(AgendaItem.meeting_id)).all())
        meetings = [PlanMeeting(m.id, local_day(m.starts_at),
                                int((m.ends_at - m.starts_at).total_seconds() // 60),
                                int(minutes.get(m.id) or 0),
                                m.status is MeetingStatus.CANCELLED) for m in rows]
        themes = [PlanTheme(t.id, t.name, t.duration_minutes, t.cadence_weeks, t.deadline,
                            t.is_bbc) for t in series.themes]
        placed: dict[int, list[int]] = defaultdict(list)
        for theme_id, meeting_id in s.execute(
                select(AgendaItem.theme_id, AgendaItem.meeting_id)
                .where(AgendaItem.meeting_id.in_([m.id for m in rows]),
                       AgendaItem.theme_id.is_not(None))):
            placed[int(theme_id)].append(meeting_id)
        return meetings, themes, dict(placed)


def _series(s: Session, series_id: int) -> MeetingSeries:
    return existing(s, MeetingSeries, series_id, "Dit overleg bestaat niet meer.")

