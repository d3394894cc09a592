"""The Dagoverzicht: the director's next working day (or week) on one page, and when
the daily mail of it is due.

Qt-free. `DayOverviewService.overview` gathers the appointments with their
conflicts and what the office has for them (fiche, agenda, stukken); the
document itself is `documents/day_overview.py`, its PDF `documents/pdf.py`.
Texts are Dutch: they go straight onto the director's printout.

The daily mail is remembered as an `AuditEntry` ("day_overview_mailed") written in
the same transaction as its outbox entry: the store is what the whole office
shares (also a team on one PostgreSQL store), it survives restarts, and a crash
can never leave "queued but not remembered" or the other way round. Settings
would be per workstation and written by the settings dialog as a whole.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kortrijk_cockpit.changes import Changes, Kind
from kortrijk_cockpit.clock import BRUSSELS, Clock
from kortrijk_cockpit.demo_office.rhythm import is_working_day
from kortrijk_cockpit.domain import AuditEntry, CalendarEvent
from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.exchange.outbox_kinds import OutboxKind, mail_values, queue
from kortrijk_cockpit.exchange.records import OutgoingAttachment, OutgoingMail
from kortrijk_cockpit.services.agenda import (
    AgendaEvent,
    AgendaService,
    WorkingHours,
    conflicts,
)
from kortrijk_cockpit.services.appointment_context import (
    AppointmentContext,
    AppointmentContextService,
    PreparationState,
)

MAILED_ACTION = "day_overview_mailed"
_WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
_MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december")
_ADDRESS = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")


def dutch_date(day: date) -> str:
    """'maandag 30 november 2026', whatever the machine's locale."""
    return f"{_WEEKDAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]} {day.year}"


def next_working_day(today: date) -> date:
    """The day after `today` the office works (on Friday: Monday; holidays skipped)."""
    day = today + timedelta(days=1)
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def parse_time(text: str, fallback: time = time(16)) -> time:
    try:
        return time.fromisoformat(text.strip())
    except ValueError:
        return fallback


def mail_due(now: datetime, at: time, last_sent: date | None) -> date | None:
    """The day whose Dagoverzicht mail is due now, or None.

    Due on a working day from `at` (Brussels time) until midnight, once: a time
    missed while the app was closed is caught up on a later start that same day,
    never for days gone by. `last_sent` is the day the last one was sent on.
    """
    local = now.astimezone(BRUSSELS)
    today = local.date()
    if not is_working_day(today) or local.time() < at:
        return None
    if last_sent is not None and last_sent >= today:
        return None
    return today


def seconds_until_due(now: datetime, at: time) -> float:
    """How long until the next moment the mail could be due (for a single-shot timer)."""
    local = now.astimezone(BRUSSELS)
    day = local.date()
    while True:
        moment = datetime.combine(day, at, BRUSSELS)
        if is_working_day(day) and moment > local:
            return (moment - local).total_seconds()
        day += timedelta(days=1)


@dataclass(frozen=True)
class OverviewLine:
    event_id: int
    start: datetime  # Europe/Brussels
    end: datetime
    is_all_day: bool
    subject: str  # "Privé" for a private appointment
    location: str
    who: str  # the other people, by name
    is_private: bool
    is_cancelled: bool
    agenda: str  # "" when there is nothing to say (no overleg)
    brief: str
    stukken: str
    preparation: str
    preparation_missing: bool
    conflicts: tuple[str, ...]

    @property
    def time_text(self) -> str:
        if self.is_all_day:
            return "Hele dag"
        return f"{self.start:%H:%M}–{self.end:%H:%M}"

    @property
    def states(self) -> tuple[str, ...]:
        """Fiche, agenda, stukken and preparation, only those that say something."""
        return tuple(t for t in (self.brief, self.agenda, self.stukken, self.preparation) if t)


@dataclass(frozen=True)
class OverviewDay:
    day: date
    lines: tuple[OverviewLine, ...]

    @property
    def title(self) -> str:
        return dutch_date(self.day)

    @property
    def appointments(self) -> tuple[OverviewLine, ...]:
        """What he goes to: not cancelled."""
        return tuple(line for line in self.lines if not line.is_cancelled)

    @property
    def headline(self) -> str:
        """The most important line: how many, and when the day starts."""
        count = len(self.appointments)
        if not count:
            return f"{_capital(self.title)}: geen afspraken"
        words = f"{count} afspra{'ak' if count == 1 else 'ken'}"
        timed = [line for line in self.appointments if not line.is_all_day]
        first = f", eerste om {timed[0].start:%H:%M}" if timed else ""
        return f"{_capital(self.title)}: {words}{first}"


@dataclass(frozen=True)
class DayOverview:
    days: tuple[OverviewDay, ...]
    made_at: datetime

    @property
    def first(self) -> date:
        return self.days[0].day

    @property
    def is_week(self) -> bool:
        return len(self.days) > 1

    @property
    def title(self) -> str:
        if not self.is_week:
            return f"Dagoverzicht {dutch_date(self.first)}"
        return f"Weekoverzicht vanaf {dutch_date(self.first)}"

    @property
    def headline(self) -> str:
        if not self.is_week:
            return self.days[0].headline
        count = sum(len(d.appointments) for d in self.days)
        return (f"Week van {dutch_date(self.first)}: {count} "
                f"afspra{'ak' if count == 1 else 'ken'}")

    @property
    def file_name(self) -> str:
        kind = "Weekoverzicht" if self.is_week else "Dagoverzicht"
        return f"{kind} {self.first.isoformat()}.pdf"


class DayOverviewService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock,
                 working_hours: WorkingHours | None = None) -> None:
        self._sessions = sessions
        self._clock = clock
        self._agenda = AgendaService(sessions, clock)
        self._contexts = AppointmentContextService(sessions, clock)
        self.working_hours = working_hours or WorkingHours(time(8), time(18))

    def today(self) -> date:
        return self._clock.now().astimezone(BRUSSELS).date()

    def next_day(self) -> date:
        return next_working_day(self.today())

    def overview(self, first: date, days: int = 1) -> DayOverview:
        """`days` days from `first`; a week shows its working days only."""
        wanted = [first + timedelta(days=i) for i in range(days)]
        if days > 1:
            wanted = [d for d in wanted if is_working_day(d)] or wanted[:1]
        return DayOverview(tuple(self.days(wanted)), self._clock.now().astimezone(BRUSSELS))

    def week(self, first: date) -> DayOverview:
        monday = first - timedelta(days=first.weekday())
        return self.overview(monday, 7)

    def days(self, days: Sequence[date]) -> list[OverviewDay]:
        if not days:
            return []
        start = datetime.combine(min(days), time.min, BRUSSELS)
        end = datetime.combine(max(days) + timedelta(days=1), time.min, BRUSSELS)
        events = self._agenda.events(start, end)
        clashes = conflicts(events, self.working_hours)
        contexts = self._contexts.contexts(e.id for e in events)
        people = self._people([e.id for e in events if not e.is_private_block])
        found: list[OverviewDay] = []
        for day in days:
            begin = datetime.combine(day, time.min, BRUSSELS)
            finish = begin + timedelta(days=1)
            todays = [e for e in events if e.start < finish and e.end > begin]
            # All-day ones first, then by time; the query gives time order already.
            todays.sort(key=lambda e: (not e.is_all_day, e.start, e.end, e.id))
            found.append(OverviewDay(day, tuple(
                _line(e, contexts.get(e.id), clashes.get(e.id, []), people.get(e.id, ""))
                for e in todays)))
        return found

    def _people(self, ids: list[int]) -> dict[int, str]:
        if not ids:
            return {}
        with self._sessions() as s:
            rows = s.execute(select(CalendarEvent.id, CalendarEvent.organizer,
                                    CalendarEvent.attendees)
                             .where(CalendarEvent.id.in_(ids)))
            return {i: _who(organizer, attendees or []) for i, organizer, attendees in rows}

    # -- the daily mail ------------------------------------------------------------
    def last_mailed(self) -> date | None:
        """The day the last Dagoverzicht mail was queued on."""
        with self._sessions() as s:
            detail = s.scalar(select(AuditEntry.detail).where(AuditEntry.action == MAILED_ACTION)
                              .order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).limit(1))
        try:
            return date.fromisoformat(str((detail or {})["sent_on"]))
        except (KeyError, ValueError):
            return None

    def queue_mail(self, overview: DayOverview, pdf: bytes, to: str,
                   sent_on: date) -> Changes | None:
        """Queue the overview as a PDF mail to `to`, unless one was queued on `sent_on`
        already (another start, another workstation): then None. Outbox entry and
        the memory of it are one transaction."""
        address = to.strip()
        if not _ADDRESS.match(address):
            raise UserFacingError(
                f"Het Dagoverzicht kan niet worden gemaild: '{address}' is geen geldig "
                "mailadres. Vul het adres in bij de instellingen.")
        mail = OutgoingMail(
            subject=overview.title,
            body_html=f"<p>{_escape(overview.headline)}.</p>"
                      "<p>Het volledige overzicht zit in de bijlage.</p>",
            to=(address,),
            attachments=(OutgoingAttachment(overview.file_name, pdf, "application/pdf"),),
        )
        with self._sessions.begin() as s:
            already = s.scalars(select(AuditEntry.detail)
                                .where(AuditEntry.action == MAILED_ACTION)).all()
            if any((d or {}).get("sent_on") == sent_on.isoformat() for d in already):
                return None
            entry = queue(s, OutboxKind.SEND_MAIL, mail_values(mail))
            s.flush()
            s.add(AuditEntry(action=MAILED_ACTION, entity="outbox", entity_id=entry.id,
                             detail={"sent_on": sent_on.isoformat(),
                                     "first_day": overview.first.isoformat(), "to": address}))
            return Changes.of(Kind.OUTBOX, created=[entry.id])


def _line(event: AgendaEvent, context: AppointmentContext | None, clashes: Sequence[object],
          who: str) -> OverviewLine:
    private = event.is_private_block
    ctx = context if context is not None and not private else AppointmentContext(event.id)
    return OverviewLine(
        event_id=event.id, start=event.start, end=event.end, is_all_day=event.is_all_day,
        subject=event.subject, location=event.location, who="" if private else who,
        is_private=private, is_cancelled=event.is_cancelled,
        agenda=ctx.agenda_text() if ctx.meeting is not None else "",
        brief=ctx.brief_text() if ctx.brief is not None else "",
        stukken=ctx.stukken.text() if ctx.stukken.expected else "",
        preparation=ctx.preparation_text(),
        preparation_missing=ctx.preparation == PreparationState.MISSING,
        conflicts=tuple(str(getattr(c, "message", c)) for c in clashes),
    )


def _who(organizer: str, attendees: Sequence[str]) -> str:
    names: list[str] = []
    for person in (organizer, *attendees):
        name = _name(person)
        if name and name.casefold() not in (n.casefold() for n in names):
            names.append(name)
    return ", ".join(names)


def _name(person: str) -> str:
    """'Jan Peeters <jan@kortrijk.be>' -> 'Jan Peeters'; a bare address stays."""
    text = person.strip()
    if "<" in text and text.index("<") > 0:
        return text[:text.index("<")].strip().strip('"')
    return text.strip("<>")


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
