"""The theme calendar of an overleg: which theme comes up on which meeting, and its warnings.

BBC milestones go first, on the last meeting that leaves `BBC_MARGIN_DAYS`
before their deadline; recurring themes then fill the year so each comes up
within its cadence, on the least loaded meeting of its window, never above a
meeting's length. Placing only adds what is missing, so planning twice changes
nothing. The pure functions (`place_themes`, `plan_warnings`) hold the rules.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

# A BBC dossier passes the MAT/DC, then the college about two weeks before the
# council (DOMAIN.md): two weeks of margin leave room for that route.
BBC_MARGIN_DAYS = 14


@dataclass(frozen=True)
class PlanMeeting:
    id: int
    day: date
    length_minutes: int
    planned_minutes: int  # every agenda item already on it
    cancelled: bool = False


@dataclass(frozen=True)
class PlanTheme:
    id: int
    name: str
    duration_minutes: int
    cadence_weeks: int | None = None
    deadline: date | None = None
    is_bbc: bool = False


@dataclass(frozen=True)
class Placement:
    theme_id: int
    meeting_id: int


class WarningKind(enum.StrEnum):
    OVERDUE = "overdue"
    OVERLOADED = "overloaded"
    BBC_WITHOUT_MEETING = "bbc_without_meeting"


@dataclass(frozen=True)
class PlanWarning:
    kind: WarningKind
    day: date  # the week it belongs to
    text: str  # Dutch
    theme_id: int | None = None
    meeting_id: int | None = None


def place_themes(meetings: Sequence[PlanMeeting], themes: Sequence[PlanTheme],
                 placed: Mapping[int, Sequence[int]], start: date,
                 end: date) -> list[Placement]:
    """The placements to add for the year `start`..`end` (pure).

    `placed` holds each theme's meetings so far; only what is missing is returned.
    """
    live = sorted((m for m in meetings if not m.cancelled and start <= m.day <= end),
                  key=lambda m: m.day)
    by_id = {m.id: m for m in live}
    load = {m.id: m.planned_minutes for m in live}
    added: list[Placement] = []

    def fits(m: PlanMeeting, theme: PlanTheme) -> bool:
        return load[m.id] + theme.duration_minutes <= m.length_minutes

    def put(theme: PlanTheme, m: PlanMeeting) -> None:
        load[m.id] += theme.duration_minutes
        added.append(Placement(theme.id, m.id))

    def days_of(theme: PlanTheme) -> list[date]:
        return sorted(by_id[i].day for i in placed.get(theme.id, ()) if i in by_id)

    bbc = sorted((t for t in themes if t.is_bbc and t.deadline), key=lambda t: t.deadline)
    for theme in bbc:
        deadline = theme.deadline
        assert deadline is not None
        if any(d <= deadline for d in days_of(theme)):
            continue
        before = [m for m in live if m.day <= deadline and fits(m, theme)]
        with_margin = [m for m in before if m.day <= deadline - timedelta(days=BBC_MARGIN_DAYS)]
        if with_margin or before:
            put(theme, (with_margin or before)[-1])

    recurring = [t for t in themes if t.cadence_weeks and not (t.is_bbc and t.deadline)]
    for theme in recurring:
        cadence = timedelta(weeks=theme.cadence_weeks or 0)
        existing = days_of(theme)
        last = start - timedelta(days=1)
        while (due := last + cadence) <= end:
            done = [d for d in existing if last < d <= due]
            if done:
                last = done[-1]
                continue
            window = [m for m in live if last < m.day <= due and fits(m, theme)]
            if window:  # the least loaded; of equals the latest, so the rhythm stays wide
                chosen = min(window, key=lambda m: (load[m.id], -m.day.toordinal()))
            else:
                chosen = next((m for m in live if m.day > due and fits(m, theme)), None)
                if chosen is None:
                    break
            put(theme, chosen)
            last = chosen.day
    return added


def plan_warnings(meetings: Sequence[PlanMeeting], themes: Sequence[PlanTheme],
                  placed: Mapping[int, Sequence[int]], start: date,
                  end: date) -> list[PlanWarning]:
    """What the year view warns about (pure): overload, overdue themes, BBC without meeting."""
    live = {m.id: m for m in meetings if not m.cancelled and start <= m.day <= end}
    warnings = [
        PlanWarning(WarningKind.OVERLOADED, m.day,
                    f"Overbelast: {m.planned_minutes} min gepland, vergadering duurt "
                    f"{m.length_minutes} min", meeting_id=m.id)
        for m in sorted(live.values(), key=lambda m: m.day)
        if m.planned_minutes > m.length_minutes]
    for theme in themes:
        days = sorted(live[i].day for i in placed.get(theme.id, ()) if i in live)
        if theme.is_bbc and theme.deadline:
            if start <= theme.deadline <= end and not any(d <= theme.deadline for d in days):
                warnings.append(PlanWarning(
                    WarningKind.BBC_WITHOUT_MEETING, theme.deadline,
                    f"BBC-mijlpaal '{theme.name}' heeft geen vergadering vóór de deadline "
                    f"van {theme.deadline:%d/%m/%Y}", theme_id=theme.id))
            continue
        if not theme.cadence_weeks:
            continue
        cadence = timedelta(weeks=theme.cadence_weeks)
        last = start - timedelta(days=1)
        for nxt in [*days, None]:
            due = last + cadence
            if due <= end and (nxt is None or nxt > due):
                warnings.append(PlanWarning(
                    WarningKind.OVERDUE, due,
                    f"'{theme.name}' is te laat: elke {theme.cadence_weeks} weken, niet "
                    f"gepland tegen {due:%d/%m/%Y}", theme_id=theme.id))
            if nxt is not None:
                last = nxt
    return warnings


def section_for(kind: str, is_bbc: bool, sections: Sequence[str]) -> str:
    """The series' agenda section a theme belongs in, by its words; "" when none fits."""
    words = {"approval": ("goedkeuring",), "decision": ("beslissing", "besluit"),
             "advice": ("advies",), "discussion": ("bespreking", "project"),
             "information": ("informatie",)}.get(kind, ())
    if is_bbc:
        words = ("bbc", "rapportering", *words)
    for word in words:
        for section in sections:
            if word in section.lower():
                return section
    return ""
