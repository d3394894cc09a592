"""Overleg series (MAT, DC, a bilateral, ...) and their themes: read, save, delete.

The editor works on a `SeriesDraft`: the whole series as she sees it, with the
version she loaded. Saving writes it in one transaction and refuses a stale
version (someone else saved first), so two users of a shared store never
silently overwrite each other. Themes are saved as one ordered list under the
series' version too: a list is only safe to replace when nobody changed it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from email.utils import parseaddr

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.attributes import flag_modified

from kortrijk_cockpit.changes import Changes, Kind
from kortrijk_cockpit.domain import AgendaItemKind, Meeting, MeetingSeries, Person
from kortrijk_cockpit.domain.meetings import SeriesMember, Theme
from kortrijk_cockpit.errors import ConcurrentEditError, UserFacingError
from kortrijk_cockpit.services.lookup import existing
from kortrijk_cockpit.store.database import STALE_MESSAGE

# DOMAIN.md: how a weekly MAT/DC runs.
STANDARD_SECTIONS: tuple[str, ...] = (
    "Goedkeuring verslag vorige vergadering",
    "Opvolging actielijst",
    "Beslissingen en adviezen",
    "BBC en rapportering",
    "Projecten",
    "Informatie",
    "Vooruitblik",
)
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
_WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")


@dataclass(frozen=True)
class Closure:
    """A stretch without meetings, first and last day included."""

    first: date
    last: date

    def __str__(self) -> str:
        return f"{self.first.isoformat()}/{self.last.isoformat()}"

    @classmethod
    def parse(cls, text: str) -> Closure:
        try:
            first, last = text.split("/")
            return cls(date.fromisoformat(first.strip()), date.fromisoformat(last.strip()))
        except ValueError as exc:
            raise UserFacingError(f"Ongeldige sluitingsperiode: {text!r}.") from exc


@dataclass(frozen=True)
class PersonChoice:
    id: int
    name: str
    email: str
    function: str

    @property
    def address(self) -> str:
        return f"{self.name} <{self.email}>" if self.email else ""


@dataclass(frozen=True)
class SeriesSummary:
    id: int
    code: str
    name: str
    meetings: int  # how many meetings it has in the store


@dataclass(frozen=True)
class ThemeDraft:
    name: str
    directorate: str = ""
    owner_name: str = ""
    kind: AgendaItemKind = AgendaItemKind.DISCUSSION
    duration_minutes: int = 15
    cadence_weeks: int | None = None  # recurring: every so many weeks
    deadline: date | None = None  # a one-off (BBC) milestone: on a meeting before this day
    is_bbc: bool = False
    id: int | None = None  # None: new


@dataclass(frozen=True)
class SeriesDraft:
    code: str
    name: str
    description: str = ""
    weekday: int | None = None  # 0 = Monday
    start_time: str = "09:00"
    duration_minutes: int = 120
    location: str = ""
    member_ids: tuple[int, ...] = ()
    chair_person_id: int | None = None
    minute_taker_person_id: int | None = None
    distribution: tuple[str, ...] = ()
    agenda_sections: tuple[str, ...] = STANDARD_SECTIONS
    closures: tuple[Closure, ...] = ()
    agenda_close_days: int = 3
    agenda_close_time: str = "12:00"
    stukken_lead_days: int = 3
    id: int | None = None  # None: a new series
    version: int | None = None  # as loaded; a save with an older one is refused


@dataclass(frozen=True)
class SeriesWrite:
    series_id: int
    version: int  # the series' version after the write: the editor's next save needs it
    changes: Changes = field(default_factory=Changes)


def distribution_of(members: Iterable[PersonChoice]) -> tuple[str, ...]:
    """The default distribution list: every member with a mail address."""
    return tuple(p.address for p in members if p.address)


def _valid_address(entry: str) -> bool:
    _name, address = parseaddr(entry)
    return bool(re.fullmatch(r"[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+", address))


def validate(draft: SeriesDraft) -> str:
    """The first problem with the draft in Dutch, or "" when it can be saved."""
    if not draft.code.strip():
        return "Geef de reeks een korte code (bv. MAT)."
    if len(draft.code.strip()) > 32:
        return "De code van een reeks is hoogstens 32 tekens lang."
    if not draft.name.strip():
        return "Geef de reeks een naam."
    if draft.weekday is not None and not 0 <= draft.weekday <= 6:
        return "Kies een weekdag van maandag tot zondag."
    if not _TIME.match(draft.start_time):
        return "Het beginuur moet de vorm UU:MM hebben (bv. 09:00)."
    if not 5 <= draft.duration_minutes <= 12 * 60:
        return "Een vergadering duurt tussen 5 minuten en 12 uur."
    for role, person in (("voorzitter", draft.chair_person_id),
                         ("notulist", draft.minute_taker_person_id)):
        if person is not None and person not in draft.member_ids:
            return f"De {role} moet lid zijn van de reeks."
    if len(set(draft.member_ids)) != len(draft.member_ids):
        return "Iemand staat twee keer bij de leden."
    for entry in draft.distribution:
        if not _valid_address(entry):
            return f"Geen geldig mailadres in de verdeellijst: {entry}"
    sections = [s.strip() for s in draft.agenda_sections]
    if any(not s for s in sections):
        return "Elke rubriek van de agenda heeft een naam nodig."
    if len({s.casefold() for s in sections}) != len(sections):
        return "Twee rubrieken van de agenda hebben dezelfde naam."
    for closure in draft.closures:
        if closure.last < closure.first:
            return (f"De sluitingsperiode {closure} eindigt voor ze begint.")
    if not 0 <= draft.agenda_close_days <= 20:
        return "De agenda sluit tussen 0 en 20 werkdagen voor de vergadering."
    if not _TIME.match(draft.agenda_close_time):
        return "Het uur waarop de agenda sluit moet de vorm UU:MM hebben (bv. 12:00)."
    if not 0 <= draft.stukken_lead_days <= 30:
        return "De stukken zijn tussen 0 en 30 werkdagen voor de vergadering nodig."
    return ""


def validate_themes(themes: Sequence[ThemeDraft]) -> str:
    for theme in themes:
        if not theme.name.strip():
            return "Elk thema heeft een naam nodig."
        if not 1 <= theme.duration_minutes <= 600:
            return f"Het thema '{theme.name}' duurt tussen 1 en 600 minuten."
        if theme.cadence_weeks is not None and not 1 <= theme.cadence_weeks <= 104:
            return f"Het ritme van '{theme.name}' ligt tussen 1 en 104 weken."
        if theme.cadence_weeks is not None and theme.deadline is not None:
            return (f"Het thema '{theme.name}' heeft een ritme of een deadline, niet beide.")
    return ""


def weekday_name(weekday: int | None) -> str:
    return _WEEKDAYS[weekday] if weekday is not None else ""


class SeriesService:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    # -- reading ---------------------------------------------------------------
    def people(self) -> list[PersonChoice]:
        """Whom a series can have as members: the store's people, by name."""
        with self._sessions() as s:
            return [PersonChoice(p.id, p.full_name, p.email or "", p.function or "")
                    for p in s.scalars(select(Person).order_by(Person.full_name))]

    def all_series(self) -> list[SeriesSummary]:
        with self._sessions() as s:
            counts: dict[int | None, int] = {
                series_id: count for series_id, count in s.execute(
                    select(Meeting.series_id, func.count(Meeting.id))
                    .group_by(Meeting.series_id))}
            return [SeriesSummary(r.id, r.code, r.name, counts.get(r.id, 0))
                    for r in s.scalars(select(MeetingSeries).order_by(MeetingSeries.code))]

    def series(self, series_id: int) -> SeriesDraft:
        with self._sessions() as s:
            row = self._get(s, series_id)
            return SeriesDraft(
                code=row.code, name=row.name, description=row.description,
                weekday=row.weekday, start_time=row.start_time,
                duration_minutes=row.duration_minutes, location=row.location,
                member_ids=tuple(m.person_id for m in row.members),
                chair_person_id=row.chair_person_id,
                minute_taker_person_id=row.minute_taker_person_id,
                distribution=tuple(row.distribution or ()),
                agenda_sections=tuple(row.agenda_sections or ()),
                closures=tuple(Closure.parse(c) for c in row.closures or ()),
                agenda_close_days=row.agenda_close_days,
                agenda_close_time=row.agenda_close_time,
                stukken_lead_days=row.stukken_lead_days, id=row.id, version=row.version)

    def themes(self, series_id: int) -> tuple[ThemeDraft, ...]:
        with self._sessions() as s:
            return tuple(ThemeDraft(
                name=t.name, directorate=t.directorate, owner_name=t.owner_name, kind=t.kind,
                duration_minutes=t.duration_minutes, cadence_weeks=t.cadence_weeks,
                deadline=t.deadline, is_bbc=t.is_bbc, id=t.id)
                for t in s.scalars(select(Theme).where(Theme.series_id == series_id)
                                   .order_by(Theme.position, Theme.id)))

    # -- writing ---------------------------------------------------------------
    def save(self, draft: SeriesDraft) -> SeriesWrite:
        problem = validate(draft)
        if problem:
            raise UserFacingError(problem)
        code = draft.code.strip()
        with self._sessions.begin() as s:
            taken = s.scalar(select(MeetingSeries.id).where(
                func.lower(MeetingSeries.code) == code.lower()))
            if taken is not None and taken != draft.id:
                raise UserFacingError(f"Er bestaat al een reeks met de code {code}.")
            if draft.id is None:
                row = MeetingSeries(code=code, name=draft.name.strip())
                s.add(row)
            else:
                row = self._editable(s, draft.id, draft.version)
                flag_modified(row, "name")  # members alone also make a new version
            row.code, row.name = code, draft.name.strip()
            row.description = draft.description.strip()
            row.weekday, row.start_time = draft.weekday, draft.start_time
            row.duration_minutes, row.location = draft.duration_minutes, draft.location.strip()
            row.chair_person_id = draft.chair_person_id
            row.minute_taker_person_id = draft.minute_taker_person_id
            row.distribution = [e.strip() for e in draft.distribution]
            row.agenda_sections = [t.strip() for t in draft.agenda_sections]
            row.closures = [str(c) for c in sorted(draft.closures, key=lambda c: c.first)]
            row.agenda_close_days = draft.agenda_close_days
            row.agenda_close_time = draft.agenda_close_time
            row.stukken_lead_days = draft.stukken_lead_days
            self._set_members(s, row, draft.member_ids)
            s.flush()
            changes = (Changes.of(Kind.SERIES, created=[row.id]) if draft.id is None
                       else Changes.of(Kind.SERIES, updated=[row.id]))
            return SeriesWrite(row.id, row.version, changes)

    def save_themes(self, series_id: int, version: int | None,
                    themes: Sequence[ThemeDraft]) -> SeriesWrite:
        """The themes as she left them: in this order, the rest removed."""
        problem = validate_themes(themes)
        if problem:
            raise UserFacingError(problem)
        with self._sessions.begin() as s:
            row = self._editable(s, series_id, version)
            flag_modified(row, "name")  # the list belongs to the series' version
            existing = {t.id: t for t in s.scalars(select(Theme)
                                                    .where(Theme.series_id == series_id))}
            kept: set[int] = set()
            for position, theme in enumerate(themes):
                target = existing.get(theme.id) if theme.id is not None else None
                if target is None:
                    target = Theme(series_id=series_id)
                    s.add(target)
                else:
                    kept.add(target.id)
                target.name, target.directorate = theme.name.strip(), theme.directorate.strip()
                target.owner_name, target.kind = theme.owner_name.strip(), theme.kind
                target.duration_minutes = theme.duration_minutes
                target.cadence_weeks, target.deadline = theme.cadence_weeks, theme.deadline
                target.is_bbc, target.position = theme.is_bbc, position
            for theme_id, gone in existing.items():
                if theme_id not in kept:
                    s.delete(gone)
            s.flush()
            return SeriesWrite(series_id, row.version,
                               Changes.of(Kind.SERIES, updated=[series_id]))

    def delete(self, series_id: int, version: int | None, *,
               keep_meetings: bool = False) -> Changes:
        """Remove a series with its members and themes.

        Its meetings are refused unless `keep_meetings`: then they stay, without a
        series (their agendas and verslagen are the office's record).
        """
        with self._sessions.begin() as s:
            row = self._editable(s, series_id, version)
            meetings = list(s.scalars(select(Meeting).where(Meeting.series_id == series_id)))
            if meetings and not keep_meetings:
                raise UserFacingError(
                    f"De reeks {row.code} heeft nog {len(meetings)} vergadering(en); "
                    "ze wordt niet verwijderd.")
            for meeting in meetings:
                meeting.series_id = None
            s.delete(row)
            changes = Changes.of(Kind.SERIES, removed=[series_id])
            if meetings:
                changes |= Changes.of(Kind.MEETING, updated=[m.id for m in meetings])
            return changes

    # -- helpers ---------------------------------------------------------------
    @staticmethod
    def _get(s: Session, series_id: int) -> MeetingSeries:
        return existing(s, MeetingSeries, series_id, "Deze overlegreeks bestaat niet meer.")

    def _editable(self, s: Session, series_id: int, version: int | None) -> MeetingSeries:
        row = self._get(s, series_id)
        if version is not None and row.version != version:
            raise ConcurrentEditError(STALE_MESSAGE)
        return row

    @staticmethod
    def _set_members(s: Session, row: MeetingSeries, person_ids: Sequence[int]) -> None:
        # Update in place: deleting and re-adding a person in one flush would break
        # the (series, person) unique constraint, as inserts go before deletes.
        current = {m.person_id: m for m in row.members}
        known = set(s.scalars(select(Person.id).where(Person.id.in_(person_ids))))
        if missing := [p for p in person_ids if p not in known]:
            raise UserFacingError(f"{len(missing)} lid/leden bestaan niet meer in de "
                                  "contactenlijst.")
        for position, person_id in enumerate(person_ids):
            member = current.pop(person_id, None)
            if member is None:
                row.members.append(SeriesMember(person_id=person_id, position=position))
            else:
                member.position = position
        for gone in current.values():
            row.members.remove(gone)
