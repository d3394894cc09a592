"""Personen: list, search, read and edit people and their organisations.

The store may hold thousands of people, so the list is lazy: `ids(query)` gives
the matching ids in name order (cheap), `rows(ids)` the rows for the part that is
painted. A save carries the `version` it was read at: a stale save is refused
(someone else saved first) and the caller keeps what was typed.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, sessionmaker

from kortrijk_cockpit.changes import Changes, Kind
from kortrijk_cockpit.clock import Clock
from kortrijk_cockpit.domain import Organisation, Person
from kortrijk_cockpit.errors import ConcurrentEditError, UserFacingError
from kortrijk_cockpit.services.lookup import existing
from kortrijk_cockpit.store.database import STALE_MESSAGE

GONE = "Deze persoon bestaat niet meer."
_ADDRESS = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
HAND_PURPOSE = "Contact van het kabinet (manueel toegevoegd)"


@dataclass(frozen=True)
class PeopleQuery:
    text: str = ""
    internal: bool | None = None  # None: both
    to_confirm: bool = False  # only the people still to confirm
    tag: str = ""


@dataclass(frozen=True)
class PersonRow:
    id: int
    full_name: str
    function: str
    organisation: str
    email: str
    is_internal: bool
    to_confirm: bool
    tags: tuple[str, ...]
    last_contact_at: datetime | None


@dataclass(frozen=True)
class PersonFields:
    """What the details pane edits (and "Nieuwe persoon" creates)."""

    full_name: str
    function: str = ""
    organisation: str = ""  # chosen or typed: created by name when new
    email: str = ""
    phone: str = ""
    mandate: str = ""
    is_internal: bool = False
    notes: str = ""
    purpose: str = ""
    retain_until: date | None = None
    tags: tuple[str, ...] = ()
    to_confirm: bool = False


@dataclass(frozen=True)
class PersonDetails:
    id: int
    version: int
    fields: PersonFields
    source: str
    last_contact_at: datetime | None
    changes: Changes = field(default_factory=Changes, compare=False)


def retention_date(last: datetime | date, months: int) -> date:
    """`months` after the last contact (the day clipped to the month's end)."""
    day = last.date() if isinstance(last, datetime) else last
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def valid_address(address: str) -> bool:
    return _ADDRESS.fullmatch(address) is not None


def clean_tags(tags: Iterable[str]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for t in tags:
        t = t.strip()
        if t and t.casefold() not in seen:
            seen[t.casefold()] = t
    return tuple(seen.values())


def organisation_named(s: Session, name: str) -> Organisation | None:
    """The organisation of that name (case-insensitive), made when new; None for ""."""
    name = " ".join(name.split())
    if not name:
        return None
    found = s.scalars(select(Organisation).where(
        func.lower(Organisation.name) == name.lower()).limit(1)).first()
    if found is None:
        found = Organisation(name=name)
        s.add(found)
        s.flush()
    return found


class PeopleService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock,
                 retention_months: int = 24) -> None:
        self._sessions = sessions
        self._clock = clock
        self._months = retention_months

    # -- the list ----------------------------------------------------------------------

    def ids(self, query: PeopleQuery = PeopleQuery()) -> list[int]:
        """Matching people in name order."""
        stmt = select(Person.id, Person.tags).outerjoin(Person.organisation)
        for word in query.text.split():
            like = f"%{word.lower()}%"
            stmt = stmt.where(or_(func.lower(Person.full_name).like(like),
                                  func.lower(Person.function).like(like),
                                  func.lower(Person.email).like(like),
                                  func.lower(Person.mandate).like(like),
                                  func.lower(Organisation.name).like(like)))
        if query.internal is not None:
            stmt = stmt.where(Person.is_internal.is_(query.internal))
        if query.to_confirm:
            stmt = stmt.where(Person.to_confirm.is_(True))
        stmt = stmt.order_by(func.lower(Person.full_name), Person.id)
        wanted = query.tag.casefold()
        with self._sessions() as s:
            return [pid for pid, tags in s.execute(stmt)
                    if not wanted or any(t.casefold() == wanted for t in tags or ())]

    def count(self, query: PeopleQuery = PeopleQuery()) -> int:
        return len(self.ids(query))

    def rows(self, ids: Sequence[int]) -> dict[int, PersonRow]:
        """The rows of these people (those still there)."""
        if not ids:
            return {}
        with self._sessions() as s:
            found = s.execute(select(Person, Organisation.name).outerjoin(Person.organisation)
                              .where(Person.id.in_(list(ids))))
            return {p.id: _row(p, org or "") for p, org in found}

    def page(self, query: PeopleQuery, offset: int, limit: int) -> list[PersonRow]:
        ids = self.ids(query)[offset:offset + limit]
        rows = self.rows(ids)
        return [rows[i] for i in ids if i in rows]

    def organisations(self) -> list[str]:
        with self._sessions() as s:
            return list(s.scalars(select(Organisation.name)
                                  .order_by(func.lower(Organisation.name))))

    def tags(self) -> list[str]:
        with self._sessions() as s:
            return sorted(clean_tags(t for tags in s.scalars(select(Person.tags))
                                     for t in tags or ()), key=str.casefold)

    # -- one person --------------------------------------------------------------------

    def get(self, person_id: int) -> PersonDetails:
        with self._sessions() as s:
            return _details(existing(s, Person, person_id, GONE))

    def create(self, values: PersonFields) -> PersonDetails:
        """By hand: a reason and a retention date are always set."""
        _check(values)
        today = self._clock.now().date()
        with self._sessions.begin() as s:
            person = Person(full_name=values.full_name.strip(), source="hand")
            _apply(s, person, values)
            person.purpose = person.purpose or HAND_PURPOSE
            person.retain_until = person.retain_until or retention_date(today, self._months)
            s.add(person)
            s.flush()
            return _details(person, Changes.of(Kind.PERSON, created=[person.id]))

    def save(self, person_id: int, version: int, values: PersonFields) -> PersonDetails:
        """Save what the pane shows; refused when someone else saved since `version`."""
        _check(values)
        with self._sessions.begin() as s:
            person = existing(s, Person, person_id, GONE)
            if person.version != version:
                raise ConcurrentEditError(STALE_MESSAGE)
            _apply(s, person, values)
            s.flush()
            return _details(person, Changes.of(Kind.PERSON, updated=[person.id]))

    def retention_for(self, last: datetime | date) -> date:
        return retention_date(last, self._months)

    def default_retention(self) -> date:
        return retention_date(self._clock.now().date(), self._months)

    def expired_before(self, day: date) -> list[int]:
        """People whose retention date has passed (for the privacy dialog)."""
        with self._sessions() as s:
            return list(s.scalars(select(Person.id).where(Person.retain_until < day)
                                  .order_by(Person.retain_until)))


def _check(values: PersonFields) -> None:
    if not values.full_name.strip():
        raise UserFacingError("Geef de persoon een naam.")
    email = values.email.strip()
    if email and not valid_address(email):
        raise UserFacingError(f"\"{email}\" is geen geldig e-mailadres.")


def _apply(s: Session, person: Person, values: PersonFields) -> None:
    person.full_name = " ".join(values.full_name.split())
    person.function = values.function.strip()
    org = organisation_named(s, values.organisation)
    person.organisation_id = org.id if org else None
    person.organisation = org
    person.email = values.email.strip()
    person.phone = values.phone.strip()
    person.mandate = values.mandate.strip()
    person.is_internal = values.is_internal
    person.notes = values.notes
    person.purpose = values.purpose.strip()
    person.retain_until = values.retain_until
    person.tags = list(clean_tags(values.tags))
    person.to_confirm = values.to_confirm


def _row(p: Person, organisation: str) -> PersonRow:
    return PersonRow(p.id, p.full_name, p.function, organisation, p.email, p.is_internal,
                     p.to_confirm, tuple(p.tags or ()), p.last_contact_at)


def _details(p: Person, changes: Changes | None = None) -> PersonDetails:
    fields = PersonFields(p.full_name, p.function, p.organisation.name if p.organisation else "",
                          p.email, p.phone, p.mandate, p.is_internal, p.notes, p.purpose,
                          p.retain_until, tuple(p.tags or ()), p.to_confirm)
    return PersonDetails(p.id, p.version, fields, p.source, p.last_contact_at,
                         changes or Changes())
