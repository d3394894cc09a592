"""Planning a reporting cycle backwards from the council (pure, Qt-free).

The fixed points (DOMAIN.md): the gemeenteraad meets on the second Monday of the month,
never in August; the college every Monday; the council's agenda goes out at least eight
days before, so a dossier is on the last college at least eight days before the council,
on the MAT/DC the week before that, and the teams' drafts are due some working days
earlier. A council or college date on a day off moves to the next working day; a
milestone in a closure or on a day off moves to the working day before. Every move is
said in Dutch, beside the date.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

import holidays

from kortrijk_cockpit.config import Settings
from kortrijk_cockpit.domain import MilestoneKind
from kortrijk_cockpit.errors import UserFacingError

_WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
_MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december")
# The days off Flemish local government adds to the Belgian list (DOMAIN.md); the city's
# own extra days and closure weeks come from the settings.
_LOCAL_DAYS_OFF = {(7, 11): "Feest van de Vlaamse Gemeenschap"}


def spoken(day: date) -> str:
    """"maandag 8 juni 2026"."""
    return f"{_WEEKDAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]} {day.year}"


def parse_periods(texts: Iterable[str]) -> tuple[tuple[date, date], ...]:
    """Closing days and closure weeks as typed in the settings: "2026-12-24" or
    "2026-12-21/2027-01-01"; a Dutch error naming the one that does not read."""
    periods = []
    for text in texts:
        first, _, last = text.partition("/")
        try:
            start = date.fromisoformat(first.strip())
            end = date.fromisoformat((last or first).strip())
        except ValueError:
            raise UserFacingError(f"De sluitingsdag '{text}' is geen datum (JJJJ-MM-DD) of "
                                  "periode (JJJJ-MM-DD/JJJJ-MM-DD).") from None
        if end < start:
            raise UserFacingError(f"De sluitingsperiode '{text}' eindigt voor ze begint.")
        periods.append((start, end))
    return tuple(periods)


@dataclass(frozen=True)
class PlanRules:
    """The rhythm a cycle is planned back from; the office's own in the settings."""

    council_week: int = 2  # the second Monday of the month
    council_weekday: int = 0
    council_skip_months: tuple[int, ...] = (8,)  # no council in August
    college_weekday: int = 0  # every Monday
    agenda_days_before_council: int = 8  # the council's agenda goes out 8 days before
    matdc_weekdays: tuple[int, ...] = (1, 3)  # MAT on Tuesday, DC on Thursday
    matdc_days_before_college: int = 5  # the college's note is ready the week before
    draft_working_days_before_matdc: int = 10
    agency_days_after_council: int = 20  # the digital report after the jaarrekening
    closures: tuple[tuple[date, date], ...] = ()  # the city's closing days and weeks

    @classmethod
    def from_settings(cls, settings: Settings) -> PlanRules:
        """The office's own: its closing days and lead times (a Dutch error for a closing
        day that does not read)."""
        return cls(closures=parse_periods(settings.closing_days),
                   matdc_days_before_college=settings.matdc_days_before_college,
                   draft_working_days_before_matdc=settings.draft_working_days_before_matdc)


@lru_cache(maxsize=32)
def _public(year: int) -> dict[date, str]:
    names = dict(holidays.country_holidays("BE", years=year, language="nl"))
    for (month, day), name in _LOCAL_DAYS_OFF.items():
        names.setdefault(date(year, month, day), name)
    return names


@dataclass(frozen=True)
class WorkingDays:
    rules: PlanRules = field(default_factory=PlanRules)

    def why_off(self, day: date) -> str:
        """Why `day` is no working day ("" when it is one), in Dutch."""
        if day.weekday() >= 5:
            return "weekend"
        name = _public(day.year).get(day)
        if name:
            return str(name)
        for first, last in self.rules.closures:
            if first <= day <= last:
                if first == last:
                    return "sluitingsdag van de stad"
                return (f"sluitingsperiode {first.strftime('%d/%m')}–"
                        f"{last.strftime('%d/%m/%Y')}")
        return ""

    def is_working_day(self, day: date) -> bool:
        return not self.why_off(day)

    def on_or_before(self, day: date) -> date:
        while not self.is_working_day(day):
            day -= timedelta(days=1)
        return day

    def on_or_after(self, day: date) -> date:
        while not self.is_working_day(day):
            day += timedelta(days=1)
        return day

    def working_days_before(self, day: date, count: int) -> date:
        for _ in range(count):
            day = self.on_or_before(day - timedelta(days=1))
        return day


@dataclass(frozen=True)
class PlannedDate:
    day: date
    planned: date  # where the rule put it
    note: str = ""  # Dutch: why it moved ("" when it did not)

    @property
    def moved(self) -> bool:
        return self.day != self.planned


@dataclass(frozen=True)
class PlannedMilestone:
    kind: MilestoneKind
    title: str
    when: PlannedDate


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))


def _moved_later(days: WorkingDays, planned: date, what: str) -> PlannedDate:
    day = days.on_or_after(planned)
    if day == planned:
        return PlannedDate(day, planned)
    return PlannedDate(day, planned, f"{what} verschoven van {spoken(planned)} "
                                     f"({days.why_off(planned)}) naar {spoken(day)}.")


def _moved_earlier(days: WorkingDays, planned: date, what: str) -> PlannedDate:
    day = days.on_or_before(planned)
    if day == planned:
        return PlannedDate(day, planned)
    return PlannedDate(day, planned, f"{what} vervroegd van {spoken(planned)} "
                                     f"({days.why_off(planned)}) naar {spoken(day)}.")


def council_dates(year: int, days: WorkingDays) -> list[PlannedDate]:
    """The year's councils: the second Monday of each month but August; one on a day off
    meets the next working day."""
    rules = days.rules
    return [_moved_later(days, _nth_weekday(year, month, rules.council_weekday,
                                            rules.council_week), "De gemeenteraad")
            for month in range(1, 13) if month not in rules.council_skip_months]


def college_on_or_before(day: date, days: WorkingDays) -> PlannedDate:
    """The last college meeting on or before `day`: its weekday, or (that day off) the
    working day after, as long as that is still on or before `day`."""
    rules = days.rules
    monday = day - timedelta(days=(day.weekday() - rules.college_weekday) % 7)
    while True:
        meeting = _moved_later(days, monday, "Het college")
        if meeting.day <= day:
            return meeting
        monday -= timedelta(weeks=1)


def last_council_on_or_before(deadline: date, days: WorkingDays) -> PlannedDate:
    candidates = [c for year in (deadline.year - 1, deadline.year)
                  for c in council_dates(year, days) if c.day <= deadline]
    if not candidates:
        raise UserFacingError(f"Er is geen gemeenteraad voor {spoken(deadline)}.")
    return candidates[-1]


def matdc_on_or_before(day: date, days: WorkingDays) -> PlannedDate:
    """The last MAT or DC day (their weekdays) on or before `day` that is a working day."""
    planned = day
    while planned.weekday() not in days.rules.matdc_weekdays:
        planned -= timedelta(days=1)
    found = planned
    while found.weekday() not in days.rules.matdc_weekdays or not days.is_working_day(found):
        found -= timedelta(days=1)
    if found == planned:
        return PlannedDate(found, planned)
    return PlannedDate(found, planned, f"Het MAT/DC vervroegd van {spoken(planned)} "
                                       f"({days.why_off(planned)}) naar {spoken(found)}.")


def plan_backwards(*, deadline: date, via_council: bool, days: WorkingDays,
                   with_agency: bool = False, college: bool = True) -> list[PlannedMilestone]:
    """The milestones of a cycle whose fixed point is `deadline`, oldest first: through the
    council (the last one on or before it), decided by the college (the last college
    before it), or (`college=False`, a management report) discussed on the MAT/DC."""
    rules = days.rules
    found: list[PlannedMilestone] = []
    if not college:
        matdc = matdc_on_or_before(deadline, days)
        found.append(PlannedMilestone(MilestoneKind.MATDC, "Op het MAT/DC tegen", matdc))
        return sorted([*found, _drafts(matdc, days)], key=lambda m: m.when.day)
    if via_council:
        council = last_council_on_or_before(deadline, days)
        found.append(PlannedMilestone(MilestoneKind.COUNCIL, "Gemeenteraad", council))
        if with_agency:
            report = council.day + timedelta(days=rules.agency_days_after_council)
            found.append(PlannedMilestone(
                MilestoneKind.AGENCY, "Digitale rapportering aan het Agentschap",
                _moved_earlier(days, report, "De digitale rapportering")))
        agenda_out = council.day - timedelta(days=rules.agenda_days_before_council)
        college = college_on_or_before(agenda_out, days)
    else:
        college = college_on_or_before(deadline - timedelta(days=1), days)
    found.append(PlannedMilestone(MilestoneKind.COLLEGE, "Op het college tegen", college))
    matdc = matdc_on_or_before(college.day - timedelta(days=rules.matdc_days_before_college),
                               days)
    found.append(PlannedMilestone(MilestoneKind.MATDC, "Op het MAT/DC tegen", matdc))
    return sorted([*found, _drafts(matdc, days)], key=lambda m: m.when.day)


def _drafts(matdc: PlannedDate, days: WorkingDays) -> PlannedMilestone:
    """The teams' drafts: working days before the MAT/DC; days off between make it earlier."""
    drafts = days.working_days_before(matdc.day, days.rules.draft_working_days_before_matdc)
    note = ""
    skipped = [d for d in _days_between(drafts, matdc.day - timedelta(days=1))
               if days.why_off(d) not in ("", "weekend")]
    if skipped:
        reasons = sorted({days.why_off(d) for d in skipped})
        note = (f"De ontwerpen vallen vroeger door vrije dagen ertussen "
                f"({', '.join(reasons)}).")
    return PlannedMilestone(MilestoneKind.DRAFTS, "Ontwerp van de teams tegen",
                            PlannedDate(drafts, drafts, note))


def _days_between(first: date, last: date) -> Sequence[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]
