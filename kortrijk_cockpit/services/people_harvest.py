"""Build Personen from the synced store: who writes, who is written to, who organises or
attends the director's appointments.

One person per address (case-insensitive), so running it again (after every sync
round, or on demand) only moves `last_contact_at` and `retain_until` on. Every person
made here has a reason (`purpose`) and a retention date (`person_retention_months`
after the last contact), as the privacy rules ask. A name typed by hand is never
replaced; a bare address gets a name once one turns up.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from email.utils import getaddresses

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from kortrijk_cockpit.changes import Changes, Kind
from kortrijk_cockpit.clock import Clock
from kortrijk_cockpit.domain import CalendarEvent, Mail, Person
from kortrijk_cockpit.services.people import retention_date

MAIL_PURPOSE = "Correspondent van het kabinet (e-mail)"
AGENDA_PURPOSE = "Deelnemer aan afspraken van de algemeen directeur (agenda)"
CHUNK = 500  # addresses per IN query


@dataclass(frozen=True)
class HarvestRules:
    city_domains: tuple[str, ...] = ("kortrijk.be",)
    retention_months: int = 24
    ignore: tuple[str, ...] = ()  # the director's own addresses, shared boxes


@dataclass(frozen=True)
class HarvestReport:
    created: int
    updated: int
    changes: Changes

    @property
    def summary(self) -> str:
        return f"{self.created} nieuw, {self.updated} bijgewerkt"


@dataclass
class _Seen:
    name: str
    source: str
    last: datetime | None


def is_city_address(address: str, domains: Iterable[str]) -> bool:
    domain = address.rpartition("@")[2].casefold()
    return any(domain == d.casefold() or domain.endswith("." + d.casefold()) for d in domains)


def parse_entries(entries: Iterable[str]) -> list[tuple[str, str]]:
    """("Naam", "adres") for each "Naam <adres>" (or bare address) with an address."""
    found = []
    for name, address in getaddresses([e for e in entries if e]):
        address = address.strip()
        if "@" in address and " " not in address:
            found.append((" ".join(name.split()).strip("'\" "), address))
    return found


class PeopleHarvest:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock,
                 rules: Callable[[], HarvestRules] = HarvestRules) -> None:
        self._sessions = sessions
        self._clock = clock
        self._rules = rules  # read at each run: the settings may change

    def after_sync(self, changes: Changes) -> HarvestReport:
        """After a sync round: only the mails and appointments it touched."""
        mails, events = changes.rows(Kind.MAIL), changes.rows(Kind.EVENT)
        if Kind.MAIL in changes.wholesale or Kind.EVENT in changes.wholesale:
            return self.run()
        ids_m = sorted(mails.created | mails.updated)
        ids_e = sorted(events.created | events.updated)
        if not ids_m and not ids_e:
            return HarvestReport(0, 0, Changes())
        return self.run(mail_ids=ids_m, event_ids=ids_e)

    def run(self, mail_ids: Sequence[int] | None = None,
            event_ids: Sequence[int] | None = None) -> HarvestReport:
        """The whole store (on demand), or just these mails and appointments."""
        rules = self._rules()
        now = self._clock.now()
        ignore = {a.casefold() for a in rules.ignore}
        seen: dict[str, _Seen] = {}

        def note(name: str, address: str, source: str, at: datetime | None) -> None:
            key = address.casefold()
            if key in ignore:
                return
            if at is not None and at > now:
                at = None  # a future appointment is no contact yet
            entry = seen.get(key)
            if entry is None:
                seen[key] = _Seen(name, source, at)
                return
            if not entry.name and name:
                entry.name = name
            if at is not None and (entry.last is None or at > entry.last):
                entry.last = at

        with self._sessions.begin() as s:
            for chunk in _chunks(mail_ids):
                stmt = select(Mail.sender_name, Mail.sender_email, Mail.to_recipients,
                              Mail.cc_recipients, Mail.received_at, Mail.sent_at)
                if chunk is not None:
                    stmt = stmt.where(Mail.id.in_(chunk))
                for name, sender, to, cc, received, sent in s.execute(stmt):
                    at = received or sent
                    if sender and "@" in sender:
                        note(" ".join((name or "").split()), sender.strip(), "mail", at)
                    for n, a in parse_entries([*(to or ()), *(cc or ())]):
                        note(n, a, "mail", at)
            for chunk in _chunks(event_ids):
                stmt = select(CalendarEvent.organizer, CalendarEvent.attendees,
                              CalendarEvent.start_at).where(
                    CalendarEvent.is_private_block.is_(False),
                    CalendarEvent.is_cancelled.is_(False))
                if chunk is not None:
                    stmt = stmt.where(CalendarEvent.id.in_(chunk))
                for organizer, attendees, start in s.execute(stmt):
                    for n, a in parse_entries([organizer or "", *(attendees or ())]):
                        note(n, a, "agenda", start)
            return _store(s, seen, rules, now)


def _chunks(ids: Sequence[int] | None) -> Iterable[list[int] | None]:
    if ids is None:
        yield None
        return
    for at in range(0, len(ids), CHUNK):
        yield list(ids[at:at + CHUNK])


def _store(s: Session, seen: dict[str, _Seen], rules: HarvestRules,
           now: datetime) -> HarvestReport:
    existing: dict[str, Person] = {}
    keys = sorted(seen)
    for at in range(0, len(keys), CHUNK):
        part = keys[at:at + CHUNK]
        for person in s.scalars(select(Person).where(func.lower(Person.email).in_(part))
                                .order_by(Person.id)):
            existing.setdefault(person.email.casefold(), person)
    created: list[Person] = []
    updated: list[Person] = []
    for key, entry in seen.items():
        person = existing.get(key)
        last = entry.last
        keep_until = retention_date(last or now, rules.retention_months)
        if person is None:
            address = key  # lower-case: one spelling to match and to show
            person = Person(full_name=entry.name or address, email=address,
                            source=entry.source,
                            is_internal=is_city_address(address, rules.city_domains),
                            purpose=MAIL_PURPOSE if entry.source == "mail" else AGENDA_PURPOSE,
                            last_contact_at=last, retain_until=keep_until, tags=[])
            s.add(person)
            created.append(person)
            continue
        changed = False
        if last is not None and (person.last_contact_at is None
                                 or last > person.last_contact_at):
            person.last_contact_at = last
            changed = True
        if person.retain_until is None or keep_until > person.retain_until:
            person.retain_until = keep_until
            changed = True
        if not person.purpose:
            person.purpose = MAIL_PURPOSE if entry.source == "mail" else AGENDA_PURPOSE
            changed = True
        if entry.name and person.full_name.casefold() == person.email.casefold():
            person.full_name = entry.name  # a bare address gets its name
            changed = True
        if changed:
            updated.append(person)
    s.flush()
    return HarvestReport(len(created), len(updated),
                         Changes.of(Kind.PERSON, created=[p.id for p in created],
                                    updated=[p.id for p in updated]))
