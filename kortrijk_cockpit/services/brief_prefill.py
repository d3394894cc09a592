"""A new fiche filled from its appointment: header, the director's role, logistics and
the people worth meeting (attendees resolved to people, with what to talk about).

Unknown addresses become people to confirm (`source="fiche"`, a purpose and a retention
date), so the privacy rules hold from the first moment a name is kept. A pasted attendee
list or a CSV adds people the same way.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import String, cast, func, or_, select
from sqlalchemy.orm import Session, sessionmaker

from kortrijk_cockpit.changes import Changes, Kind
from kortrijk_cockpit.clock import BRUSSELS, Clock
from kortrijk_cockpit.domain import (
    ActionPoint,
    Brief,
    BriefPerson,
    CalendarEvent,
    Mail,
    Organisation,
    Person,
)
from kortrijk_cockpit.domain.mail import FlagStatus
from kortrijk_cockpit.domain.meetings import ActionStatus
from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.services.lookup import existing

_NAMED = re.compile(r"^\s*\"?([^\"<]*?)\"?\s*<\s*([^<>\s]+@[^<>\s]+)\s*>\s*$")
_BARE = re.compile(r"^\s*([\w.+-]+@[\w-]+(?:\.[\w-]+)+)\s*$")
_ROLE_LINE = re.compile(r"^\s*(?:uw rol|rol(?: van de algemeen directeur)?|role)\s*:\s*(.+)$",
                        re.IGNORECASE | re.MULTILINE)
_ROLE_WORDS = (("gastspreker", "gastspreker"), ("keynote", "keynotespreker"),
               ("toespraak", "spreekt (toespraak)"), ("panel", "panellid"),
               ("moderator", "moderator"), ("openingswoord", "openingswoord"))
_LOGISTICS = re.compile(r"^\s*(?:parking|parkeren|dresscode|kledij|aanmelden|registratie|"
                        r"onthaal|ontvangst|route|bereikbaarheid|adres|catering|lunch|"
                        r"receptie|ingang|badge)\b.*$", re.IGNORECASE | re.MULTILINE)
_REPLY = re.compile(r"^\s*(?:(?:re|fw|fwd|tr|antw|doorst)\s*:\s*)+", re.IGNORECASE)
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december")


@dataclass(frozen=True)
class PrefillRules:
    city_domains: tuple[str, ...] = ("kortrijk.be",)
    retention_months: int = 24


@dataclass(frozen=True)
class Attendee:
    name: str
    email: str = ""
    function: str = ""
    organisation: str = ""
    mandate: str = ""


@dataclass(frozen=True)
class Interaction:
    at: datetime
    kind: str  # "mail" or "afspraak"
    subject: str

    def line(self) -> str:
        day = self.at.astimezone(BRUSSELS).strftime("%d/%m/%Y")
        what = "mail" if self.kind == "mail" else "afspraak"
        return f"{day} {what}: {self.subject}"


def parse_address(text: str) -> Attendee | None:
    """ "Naam <adres>" or a bare address; None for anything else."""
    named = _NAMED.match(text)
    if named:
        return Attendee(named.group(1).strip().strip('"').strip(), named.group(2).strip())
    bare = _BARE.match(text)
    if bare:
        return Attendee("", bare.group(1))
    return None


def parse_attendees(text: str) -> list[Attendee]:
    """A pasted list (one a line: "Naam, Functie, Organisatie" or "Naam <adres>") or a CSV
    with a header row (naam/name, functie, organisatie, e-mail, mandaat)."""
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        return []
    header = lines[0].casefold()
    if re.search(r"\b(naam|name)\b", header) and re.search(r"[,;\t]", header):
        return _parse_csv("\n".join(lines))
    found: list[Attendee] = []
    for line in lines:
        address = parse_address(line)
        if address is not None:
            found.append(address)
            continue
        parts = [p.strip() for p in line.split(",")]
        if parts[0]:
            found.append(Attendee(parts[0], "", parts[1] if len(parts) > 1 else "",
                                  ", ".join(parts[2:]) if len(parts) > 2 else ""))
    return found


def _parse_csv(text: str) -> list[Attendee]:
    dialect = csv.Sniffer().sniff(text.splitlines()[0], delimiters=",;\t")
    rows = csv.DictReader(io.StringIO(text), dialect=dialect)

    def pick(row: dict[str, str | None], *names: str) -> str:
        for key, value in row.items():
            if key and key.strip().casefold() in names:
                return (value or "").strip()
        return ""

    found = []
    for row in rows:
        name = pick(row, "naam", "name", "volledige naam")
        email = pick(row, "e-mail", "email", "mail", "adres")
        if name or email:
            found.append(Attendee(name, email, pick(row, "functie", "function"),
                                  pick(row, "organisatie", "organisation", "bestuur"),
                                  pick(row, "mandaat", "mandate")))
    return found


def director_role(body: str) -> str:
    """The director's role from the invitation text ("Rol: spreker"), or empty."""
    line = _ROLE_LINE.search(body or "")
    if line:
        return line.group(1).strip()
    lowered = (body or "").casefold()
    return next((role for word, role in _ROLE_WORDS if word in lowered), "")


def logistics(event: CalendarEvent) -> str:
    lines = [f"Locatie: {event.location}"] if event.location else []
    lines += [m.group(0).strip() for m in _LOGISTICS.finditer(event.body_text or "")]
    return "\n".join(dict.fromkeys(lines))


def is_city_address(email: str, domains: Iterable[str]) -> bool:
    domain = email.rpartition("@")[2].casefold()
    return bool(domain) and any(domain == d.casefold() or domain.endswith("." + d.casefold())
                                for d in domains)


def interactions(s: Session, person: Person, before: datetime,
                 skip_event: int | None = None, limit: int = 3) -> list[Interaction]:
    """The person's last mails and appointments with the office, newest first."""
    found: list[Interaction] = []
    if person.email:
        email = person.email.casefold()
        for mail in s.scalars(select(Mail).where(func.lower(Mail.sender_email) == email,
                                                 Mail.received_at < before)
                              .order_by(Mail.received_at.desc()).limit(limit)):
            if mail.received_at is not None:
                found.append(Interaction(mail.received_at, "mail", _topic(mail.subject)))
        query = select(CalendarEvent).where(
            func.lower(cast(CalendarEvent.attendees, String)).contains(email)
            | (func.lower(CalendarEvent.organizer).contains(email)),
            CalendarEvent.start_at < before, CalendarEvent.is_cancelled.is_(False))
        if skip_event is not None:
            query = query.where(CalendarEvent.id != skip_event)
        for event in s.scalars(query.order_by(CalendarEvent.start_at.desc()).limit(limit)):
            found.append(Interaction(event.start_at, "afspraak", event.subject))
    found.sort(key=lambda i: i.at, reverse=True)
    return found[:limit]


def open_matters(s: Session, person: Person) -> list[str]:
    """Open action points the person owns and flagged mails from them."""
    matters = [f"Actiepunt: {a.title}" for a in s.scalars(
        select(ActionPoint).where(
            or_(ActionPoint.owner_person_id == person.id,
                func.lower(ActionPoint.owner_name) == person.full_name.casefold()),
            ActionPoint.status.in_((ActionStatus.OPEN, ActionStatus.IN_PROGRESS)))
        .order_by(ActionPoint.due_date, ActionPoint.id).limit(3))]
    if person.email:
        matters += [f"Mail met vlag: {_topic(m.subject)}" for m in s.scalars(
            select(Mail).where(func.lower(Mail.sender_email) == person.email.casefold(),
                               Mail.flag_status == FlagStatus.FLAGGED)
            .order_by(Mail.received_at.desc()).limit(3))]
    return matters


def opener(person: Person, history: list[Interaction], matters: list[str], now: datetime,
           event_subject: str) -> str:
    """A Dutch first sentence built from the last interaction or an open matter."""
    last = history[0] if history else None
    if last is not None and last.kind == "mail":
        return f"{_when(last.at, now)} mailde u over {_lower(last.subject)}; " \
               f"hoe staat het ermee?"
    if matters:
        topic = matters[0].split(": ", 1)[-1]
        return f"Hoe staat het met {_lower(topic)}?"
    if last is not None:
        return f"{_when(last.at, now)} zagen we elkaar op {last.subject}; " \
               f"wat is er sindsdien veranderd?"
    org = person.organisation.name if person.organisation else ""
    where = f" bij {org}" if org else ""
    return f"Fijn u te ontmoeten op {event_subject}; waar werkt u{where} vandaag aan?"


def _when(at: datetime, now: datetime) -> str:
    then, today = at.astimezone(BRUSSELS).date(), now.astimezone(BRUSSELS).date()
    days = (today - then).days
    if days < 7:
        return "Deze week"
    if days < 14:
        return "Vorige week"
    previous = (today.replace(day=1) - timedelta(days=1))
    if (then.year, then.month) == (today.year, today.month):
        return "Eerder deze maand"
    if (then.year, then.month) == (previous.year, previous.month):
        return "Vorige maand"
    year = "" if then.year == today.year else f" {then.year}"
    return f"In {MONTHS[then.month - 1]}{year}"


def _topic(subject: str) -> str:
    return _REPLY.sub("", subject or "").strip() or "(geen onderwerp)"


def _lower(text: str) -> str:
    # "Woonbehoeftestudie" reads "de woonbehoeftestudie"-like; keep acronyms ("VVSG").
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text


@dataclass(frozen=True)
class PrefillResult:
    people_listed: int
    people_created: int
    changes: Changes


class BriefPrefill:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock,
                 rules: Callable[[], PrefillRules] = PrefillRules) -> None:
        self._sessions = sessions
        self._clock = clock
        self._rules = rules

    def prefill(self, brief_id: int) -> PrefillResult:
        """Header, role, logistics and people from the fiche's appointment. Fields already
        typed are kept; people already on the fiche are not added twice."""
        rules, now = self._rules(), self._clock.now()
        with self._sessions.begin() as s:
            brief = existing(s, Brief, brief_id, "Deze fiche bestaat niet meer.")
            event = s.get(CalendarEvent, brief.calendar_event_id) \
                if brief.calendar_event_id else None
            if event is None:
                raise UserFacingError("Deze fiche hoort niet (meer) bij een afspraak.")
            brief.title = brief.title or event.subject
            brief.starts_at = brief.starts_at or event.start_at
            brief.place = brief.place or event.location
            brief.organiser = brief.organiser or event.organizer
            brief.director_role = brief.director_role or director_role(event.body_text)
            brief.logistics = brief.logistics or logistics(event)
            purpose = f"Deelnemer aan \"{event.subject}\" (discussiefiche)"
            attendees = [a for a in (parse_address(t) for t in
                                     [event.organizer, *(event.attendees or ())]) if a]
            people, new_people = [], []
            for attendee in attendees:
                if is_city_address(attendee.email, rules.city_domains):
                    continue  # colleagues and the director himself: not "worth meeting"
                person, new = _resolve(s, attendee, purpose, now, rules)
                if new:
                    new_people.append(person)
                people.append(person)
            listed = _list_people(s, brief, people, now, event)
            s.flush()
            changes = Changes.of(Kind.BRIEF, updated=[brief.id])
            if new_people:
                changes = changes | Changes.of(Kind.PERSON, created=[p.id for p in new_people])
            return PrefillResult(listed, len(new_people), changes)

    def import_attendees(self, brief_id: int, text: str) -> tuple[str, Changes]:
        """A pasted attendee list or CSV onto the fiche; returns a Dutch summary."""
        found = parse_attendees(text)
        if not found:
            raise UserFacingError("Geen deelnemers gevonden. Zet er één per regel: "
                                  "\"Naam, Functie, Organisatie\" of \"Naam <adres>\".")
        rules, now = self._rules(), self._clock.now()
        with self._sessions.begin() as s:
            brief = existing(s, Brief, brief_id, "Deze fiche bestaat niet meer.")
            event = s.get(CalendarEvent, brief.calendar_event_id) \
                if brief.calendar_event_id else None
            purpose = f"Deelnemer aan \"{brief.title}\" (discussiefiche)"
            people, created, new_ids = [], 0, []
            for attendee in found:
                person, new = _resolve(s, attendee, purpose, now, rules)
                if new:
                    created += 1
                    s.flush()
                    new_ids.append(person.id)
                people.append(person)
            listed = _list_people(s, brief, people, now, event)
            s.flush()
        already = len(found) - listed
        summary = f"{listed} {'deelnemer' if listed == 1 else 'deelnemers'} toegevoegd"
        if created:
            summary += f", waarvan {created} nieuw (te bevestigen)"
        if already > 0:
            summary += f"; {already} stond{'' if already == 1 else 'en'} al op de fiche"
        changes = Changes.of(Kind.BRIEF, updated=[brief_id])
        if new_ids:
            changes = changes | Changes.of(Kind.PERSON, created=new_ids)
        return summary + ".", changes


def _resolve(s: Session, attendee: Attendee, purpose: str, now: datetime,
             rules: PrefillRules) -> tuple[Person, bool]:
    """By address, then by name; else a new person to confirm."""
    person = None
    if attendee.email:
        person = s.scalars(select(Person).where(
            func.lower(Person.email) == attendee.email.casefold()).order_by(Person.id)).first()
    name = attendee.name or _name_from(attendee.email)
    if person is None and name:
        person = s.scalars(select(Person).where(
            func.lower(Person.full_name) == name.casefold()).order_by(Person.id)).first()
    if person is not None:
        person.function = person.function or attendee.function
        person.mandate = person.mandate or attendee.mandate
        person.email = person.email or attendee.email
        return person, False
    organisation = _organisation(s, attendee.organisation) if attendee.organisation else None
    person = Person(full_name=name, email=attendee.email, function=attendee.function,
                    mandate=attendee.mandate, organisation=organisation,
                    is_internal=is_city_address(attendee.email, rules.city_domains),
                    source="fiche", to_confirm=True, purpose=purpose,
                    retain_until=_months_after(now.astimezone(BRUSSELS).date(),
                                               rules.retention_months))
    s.add(person)
    return person, True


def _list_people(s: Session, brief: Brief, people: list[Person], now: datetime,
                 event: CalendarEvent | None) -> int:
    s.flush()
    on_fiche = {p.person_id for p in brief.people}
    position = max((p.position for p in brief.people), default=-1) + 1
    listed = 0
    for person in people:
        if person.id in on_fiche:
            continue
        on_fiche.add(person.id)
        history = interactions(s, person, now, event.id if event else None)
        matters = open_matters(s, person)
        brief.people.append(BriefPerson(
            person=person, position=position, open_matters="\n".join(matters),
            opener=opener(person, history, matters, now, event.subject if event
                          else brief.title)))
        position += 1
        listed += 1
    return listed


def _organisation(s: Session, name: str) -> Organisation:
    found = s.scalars(select(Organisation).where(
        func.lower(Organisation.name) == name.casefold())).first()
    if found is None:
        found = Organisation(name=name)
        s.add(found)
    return found


def _name_from(email: str) -> str:
    local = email.partition("@")[0]
    return " ".join(p.capitalize() for p in re.split(r"[._-]+", local) if p)


def _months_after(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")
