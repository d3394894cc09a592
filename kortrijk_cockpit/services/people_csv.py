"""Import people from CSV: a Mandatendatabank export of mandataries, or a simple list.

Headers are recognised case-insensitively (Voornaam + Naam or Volledige naam,
Mandaat/Functie, Bestuursorgaan/Organisatie, E-mail, Telefoon, Tags); `;` or `,`;
UTF-8 with or without BOM, else cp1252. A row matches an existing person by address,
else by name (case-insensitive); only empty fields are filled and notes are never
touched. Everything is written in one transaction: a file that cannot be read
changes nothing, and a bad row is skipped with its line number and why.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from kortrijk_cockpit.changes import Changes, Kind
from kortrijk_cockpit.clock import Clock
from kortrijk_cockpit.domain import Person
from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.services.people import (
    clean_tags,
    organisation_named,
    retention_date,
    valid_address,
)
from kortrijk_cockpit.services.people_harvest import is_city_address

Progress = Callable[[int, int, str], None]  # done, total, message (TaskContext.progress)
CSV_PURPOSE = "Mandataris of contact uit een geïmporteerde lijst ({name})"

# Our field -> the headers that carry it (lower-case, without spaces, dashes, dots).
HEADERS: dict[str, tuple[str, ...]] = {
    "first": ("voornaam", "firstname", "givenname"),
    "last": ("naam", "achternaam", "familienaam", "lastname", "surname"),
    "full": ("volledigenaam", "naamvoornaam", "fullname", "name", "persoon"),
    "function": ("functie", "function", "titel", "rol", "mandaat"),
    "mandate": ("mandaat", "mandate"),
    "organisation": ("organisatie", "bestuursorgaan", "bestuurseenheid", "organisation",
                     "organization", "fractie"),
    "email": ("email", "emailadres", "mail", "e_mail"),
    "phone": ("telefoon", "telefoonnummer", "gsm", "phone", "tel"),
    "tags": ("tags", "labels"),
}


@dataclass(frozen=True)
class Skipped:
    line: int
    reason: str


@dataclass(frozen=True)
class ImportReport:
    created: int
    updated: int
    skipped: tuple[Skipped, ...]
    changes: Changes

    @property
    def summary(self) -> str:
        text = (f"{self.created} nieuw, {self.updated} bijgewerkt, "
                f"{len(self.skipped)} overgeslagen")
        if self.skipped:
            text += ": " + "; ".join(f"regel {s.line}: {s.reason}" for s in self.skipped)
        return text


def decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _key(header: str) -> str:
    return "".join(ch for ch in header.casefold() if ch.isalnum())


def columns(header: list[str]) -> dict[str, int]:
    """Which column holds which field (the names earlier in HEADERS win)."""
    keys = [_key(h) for h in header]
    found: dict[str, int] = {}
    for field_name, names in HEADERS.items():
        for name in names:
            if _key(name) in keys:
                found[field_name] = keys.index(_key(name))
                break
    if "function" in found and found.get("mandate") == found["function"]:
        del found["mandate"]  # one "Mandaat" column: it is the function shown
    return found


class PeopleCsvImport:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock,
                 city_domains: tuple[str, ...] = ("kortrijk.be",),
                 retention_months: int = 24) -> None:
        self._sessions = sessions
        self._clock = clock
        self._domains = city_domains
        self._months = retention_months

    def import_file(self, path: Path, progress: Progress | None = None) -> ImportReport:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise UserFacingError(f"Het bestand \"{path.name}\" kan niet gelezen worden.",
                                  detail=str(exc)) from exc
        return self.import_bytes(data, path.name, progress)

    def import_bytes(self, data: bytes, name: str = "CSV",
                     progress: Progress | None = None) -> ImportReport:
        text = decode(data)
        lines = text.splitlines()
        if not lines or not lines[0].strip():
            raise UserFacingError(f"\"{name}\" is leeg: er staan geen personen in.")
        delimiter = ";" if lines[0].count(";") >= lines[0].count(",") else ","
        try:
            rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
        except csv.Error as exc:
            raise UserFacingError(f"\"{name}\" is geen leesbaar CSV-bestand.",
                                  detail=str(exc)) from exc
        cols = columns(rows[0])
        if "full" not in cols and "last" not in cols:
            raise UserFacingError(
                f"\"{name}\" heeft geen kolom met een naam (zoals Voornaam en Naam, of "
                "Volledige naam). Controleer de eerste regel van het bestand.")
        purpose = CSV_PURPOSE.format(name=name)
        today = self._clock.now().date()
        keep_until = retention_date(today, self._months)
        skipped: list[Skipped] = []
        created: list[Person] = []
        updated: list[Person] = []
        with self._sessions.begin() as s:
            for line, row in enumerate(rows[1:], start=2):
                if progress is not None and line % 50 == 0:
                    progress(line - 1, len(rows) - 1, "")
                if not any(cell.strip() for cell in row):
                    continue
                if len(row) > len(rows[0]):
                    skipped.append(Skipped(line, "meer kolommen dan de kop"))
                    continue

                def cell(field_name: str, row: list[str] = row) -> str:
                    at = cols.get(field_name)
                    return " ".join(row[at].split()) if at is not None and at < len(row) \
                        else ""

                full = cell("full") or " ".join(p for p in (cell("first"), cell("last")) if p)
                email = cell("email").lower()
                if not full:
                    skipped.append(Skipped(line, "geen naam"))
                    continue
                if email and not valid_address(email):
                    skipped.append(Skipped(line, f"ongeldig e-mailadres \"{email}\""))
                    continue
                person = _match(s, email, full)
                is_new = person is None
                if person is None:
                    person = Person(full_name=full, source="csv", purpose=purpose,
                                    retain_until=keep_until, tags=[], notes="")
                    s.add(person)
                before = _state(person)
                _fill(person, "email", email)
                _fill(person, "function", cell("function"))
                _fill(person, "mandate", cell("mandate"))
                _fill(person, "phone", cell("phone"))
                if person.organisation_id is None and cell("organisation"):
                    person.organisation = organisation_named(s, cell("organisation"))
                if cell("tags"):
                    person.tags = list(clean_tags([*(person.tags or ()),
                                                   *cell("tags").replace(",", "|").split("|")]))
                if not person.purpose:
                    person.purpose = purpose
                if person.retain_until is None:
                    person.retain_until = keep_until
                if is_new and person.email:
                    person.is_internal = is_city_address(person.email, self._domains)
                s.flush()
                if is_new:
                    created.append(person)
                elif _state(person) != before:
                    updated.append(person)
            changes = Changes.of(Kind.PERSON, created=[p.id for p in created],
                                 updated=[p.id for p in updated])
        return ImportReport(len(created), len(updated), tuple(skipped), changes)


def _match(s: Session, email: str, full_name: str) -> Person | None:
    if email:
        found = s.scalars(select(Person).where(func.lower(Person.email) == email)
                          .order_by(Person.id).limit(1)).first()
        if found is not None:
            return found
    return s.scalars(select(Person).where(func.lower(Person.full_name) == full_name.lower())
                     .order_by(Person.id).limit(1)).first()


def _fill(person: Person, attribute: str, value: str) -> None:
    if value and not getattr(person, attribute):
        setattr(person, attribute, value)


def _state(person: Person) -> tuple[object, ...]:
    return (person.email, person.function, person.mandate, person.phone,
            person.organisation_id if person.organisation is None else person.organisation.id,
            tuple(person.tags or ()), person.purpose, person.retain_until)
