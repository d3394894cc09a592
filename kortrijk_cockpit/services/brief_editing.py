"""A fiche in the editor: its fields, the sections its event type shows, and its people.

Saves carry the version the editor loaded: a save over someone else's newer one is
refused (ConcurrentEditError), so the editor keeps what was typed and nothing is lost.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from kortrijk_cockpit.changes import Changes, Kind
from kortrijk_cockpit.clock import Clock
from kortrijk_cockpit.domain import Brief, BriefPerson, BriefStatus, Person
from kortrijk_cockpit.errors import ConcurrentEditError, UserFacingError
from kortrijk_cockpit.services.brief_prefill import interactions
from kortrijk_cockpit.services.briefs import STATE_LABELS
from kortrijk_cockpit.services.lookup import existing
from kortrijk_cockpit.store.database import STALE_MESSAGE

# DOMAIN.md's sections, in the fiche's order; "people" is the table, the rest text.
SECTIONS = ("objective", "position", "key_messages", "asks_offers", "sensitive_topics",
            "people", "background", "follow_up")
HEADER = ("title", "place", "organiser", "director_role", "logistics", "event_type")
EDITABLE = HEADER + tuple(s for s in SECTIONS if s != "people")


@dataclass(frozen=True)
class FichePerson:
    row_id: int  # the BriefPerson
    person_id: int
    name: str
    function: str
    organisation: str
    mandate: str
    email: str
    to_confirm: bool
    open_matters: str
    opener: str
    last_interactions: tuple[str, ...]


@dataclass(frozen=True)
class FicheDraft:
    id: int
    version: int
    event_id: int | None
    starts_at: datetime | None
    status: BriefStatus
    comments: str
    approved_by: str
    fields: Mapping[str, str]
    sections: tuple[str, ...]
    people: tuple[FichePerson, ...]

    @property
    def state(self) -> str:
        return STATE_LABELS[self.status]


def sections_for(event_type: str, configured: Mapping[str, Sequence[str]]) -> tuple[str, ...]:
    """The sections an event type shows (a type not configured: all of them)."""
    wanted = configured.get(event_type.strip()) or configured.get(event_type.strip().casefold())
    if not wanted:
        return SECTIONS
    return tuple(s for s in SECTIONS if s in set(wanted))


class BriefEditing:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock,
                 sections: Callable[[], Mapping[str, Sequence[str]]] = dict) -> None:
        self._sessions = sessions
        self._clock = clock
        self._sections = sections  # Settings.fiche_sections, read at each load

    def load(self, brief_id: int) -> FicheDraft:
        now = self._clock.now()
        with self._sessions() as s:
            brief = existing(s, Brief, brief_id, "Deze fiche bestaat niet meer.")
            people = tuple(_person(s, row, now, brief.calendar_event_id)
                           for row in brief.people)
            return FicheDraft(
                brief.id, brief.version, brief.calendar_event_id, brief.starts_at,
                brief.status, brief.comments, brief.approved_by,
                {name: getattr(brief, name) or "" for name in EDITABLE},
                sections_for(brief.event_type, self._sections()), people)

    def save(self, brief_id: int, version: int, fields: Mapping[str, str]) -> tuple[int, Changes]:
        """The typed fields; returns the new version. Refused when stale."""
        unknown = set(fields) - set(EDITABLE)
        if unknown:
            raise ValueError(f"not fiche fields: {sorted(unknown)}")
        if "title" in fields and not fields["title"].strip():
            raise UserFacingError("Een fiche heeft een titel nodig.")
        with self._sessions.begin() as s:
            brief = existing(s, Brief, brief_id, "Deze fiche bestaat niet meer.")
            if brief.version != version:
                raise ConcurrentEditError(STALE_MESSAGE)
            changed = False
            for name, value in fields.items():
                if (getattr(brief, name) or "") != value:
                    setattr(brief, name, value)
                    changed = True
            if not changed:
                return brief.version, Changes()
            s.flush()
            return brief.version, Changes.of(Kind.BRIEF, updated=[brief.id])

    # -- people ------------------------------------------------------------------------

    def person_names(self, prefix: str = "", limit: int = 50) -> list[tuple[int, str]]:
        """People to complete "add by name" with: (id, "Naam (Organisatie)")."""
        with self._sessions() as s:
            query = select(Person).order_by(Person.full_name).limit(limit)
            if prefix.strip():
                query = query.where(func.lower(Person.full_name)
                                    .contains(prefix.strip().casefold()))
            return [(p.id, _label(p)) for p in s.scalars(query)]

    def add_person(self, brief_id: int, person_id: int) -> Changes:
        from kortrijk_cockpit.services.brief_prefill import open_matters, opener

        now = self._clock.now()
        with self._sessions.begin() as s:
            brief = existing(s, Brief, brief_id, "Deze fiche bestaat niet meer.")
            person = existing(s, Person, person_id, "Deze persoon bestaat niet meer.")
            if any(p.person_id == person_id for p in brief.people):
                raise UserFacingError(f"{person.full_name} staat al op de fiche.")
            history = interactions(s, person, now, brief.calendar_event_id)
            matters = open_matters(s, person)
            brief.people.append(BriefPerson(
                person=person, position=max((p.position for p in brief.people), default=-1) + 1,
                open_matters="\n".join(matters),
                opener=opener(person, history, matters, now, brief.title)))
            return Changes.of(Kind.BRIEF, updated=[brief.id])

    def remove_person(self, brief_id: int, row_id: int) -> Changes:
        with self._sessions.begin() as s:
            brief = existing(s, Brief, brief_id, "Deze fiche bestaat niet meer.")
            brief.people[:] = [p for p in brief.people if p.id != row_id]
            _renumber(sorted(brief.people, key=lambda p: p.position))
            return Changes.of(Kind.BRIEF, updated=[brief.id])

    def move_person(self, brief_id: int, row_id: int, step: int) -> Changes:
        """One place up (-1) or down (+1); at the edge nothing changes."""
        with self._sessions.begin() as s:
            brief = existing(s, Brief, brief_id, "Deze fiche bestaat niet meer.")
            rows = sorted(brief.people, key=lambda p: p.position)
            at = next((i for i, p in enumerate(rows) if p.id == row_id), None)
            if at is None:
                raise UserFacingError("Deze persoon staat niet (meer) op de fiche.")
            to = at + step
            if not 0 <= to < len(rows):
                return Changes()
            rows[at], rows[to] = rows[to], rows[at]
            _renumber(rows)
            return Changes.of(Kind.BRIEF, updated=[brief.id])

    def update_person_notes(self, row_id: int, open_matters: str, opener: str) -> Changes:
        with self._sessions.begin() as s:
            row = existing(s, BriefPerson, row_id, "Deze persoon staat niet (meer) op de fiche.")
            row.open_matters, row.opener = open_matters, opener
            return Changes.of(Kind.BRIEF, updated=[row.brief_id])

    def confirm_person(self, person_id: int) -> Changes:
        """A name from an attendee list checked: kept like any other person."""
        with self._sessions.begin() as s:
            person = existing(s, Person, person_id, "Deze persoon bestaat niet meer.")
            person.to_confirm = False
            briefs = s.scalars(select(BriefPerson.brief_id)
                               .where(BriefPerson.person_id == person_id)).all()
            return Changes.of(Kind.PERSON, updated=[person.id]) | \
                Changes.of(Kind.BRIEF, updated=briefs)


def _renumber(rows: Sequence[BriefPerson]) -> None:
    """Positions 0, 1, ... in the order given."""
    for i, row in enumerate(rows):
        row.position = i


def _label(person: Person) -> str:
    org = person.organisation.name if person.organisation else ""
    return f"{person.full_name} ({org})" if org else person.full_name


def _person(s: Session, row: BriefPerson, now: datetime, event_id: int | None) -> FichePerson:
    p = row.person
    return FichePerson(
        row.id, p.id, p.full_name, p.function, p.organisation.name if p.organisation else "",
        p.mandate, p.email, p.to_confirm, row.open_matters, row.opener,
        tuple(i.line() for i in interactions(s, p, now, event_id)))
