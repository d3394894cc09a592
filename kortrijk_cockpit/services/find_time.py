"""Zoek een moment: a meeting with the director and colleagues, at a time that suits everyone.

The colleagues' free/busy is read through Exchange elsewhere (the sync worker owns
the backend); this module adds the director's own calendar from the store and his
rules from the settings (working hours, preparation and travel buffers, protected
blocks), asks `slot_finder.find_slots` for the first slots, and books the chosen
one through `CalendarService.create`, so the outbox sends the invitations.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from email.utils import parseaddr

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kortrijk_cockpit.clock import BRUSSELS, Clock
from kortrijk_cockpit.config import Settings
from kortrijk_cockpit.demo_office.colleagues import COLLEAGUES
from kortrijk_cockpit.domain import CalendarEvent, Person
from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.exchange.records import BusyBlock, BusyStatus, EventDraft
from kortrijk_cockpit.services.calendar import CalendarService, EventWrite
from kortrijk_cockpit.services.slot_finder import (
    Buffers,
    ProtectedBlock,
    Slot,
    WorkingHours,
    find_slots,
)

# Exchange answers free/busy for at most 42 days per request; the backend splits a
# longer window, but a search further than this is no longer "the first slots".
MAX_WINDOW_DAYS = 62
PROPOSALS = 8


@dataclass(frozen=True)
class Invitee:
    """Someone the office can invite: a person of the store or a demo colleague."""

    name: str
    email: str

    @property
    def label(self) -> str:
        return f"{self.name} <{self.email}>" if self.name else self.email


@dataclass(frozen=True)
class MeetingRequest:
    subject: str
    attendees: tuple[str, ...]  # "Naam <adres>" or "adres"
    duration: timedelta
    first_day: date
    last_day: date
    location: str = ""


@dataclass(frozen=True)
class Proposal:
    """A slot that suits everyone, in Brussels time."""

    start: datetime
    end: datetime


def address_of(attendee: str) -> str:
    """The mail address in "Naam <adres>" or "adres", lower-cased; "" when there is none."""
    _name, address = parseaddr(attendee.strip())
    address = address.strip().lower()
    return address if "@" in address and " " not in address else ""


def parse_time(text: object, default: time) -> time:
    """"08:30" as a time; `default` for anything else (the settings file is not validated)."""
    if not isinstance(text, str):
        return default
    try:
        return time.fromisoformat(text.strip())
    except ValueError:
        return default


def parse_protected_blocks(raw: object) -> list[ProtectedBlock]:
    """The settings' protected blocks; an entry that does not parse is left out."""
    if not isinstance(raw, list):
        return []
    blocks = []
    for entry in raw:
        if not isinstance(entry, dict):
            continue
        weekday = entry.get("weekday")
        if isinstance(weekday, bool) or not isinstance(weekday, int) or not 0 <= weekday <= 6:
            continue
        start = parse_time(entry.get("start"), time.max)
        end = parse_time(entry.get("end"), time.min)
        if start < end:
            blocks.append(ProtectedBlock(weekday, start, end))
    return blocks


def _minutes(value: object) -> timedelta:
    ok = isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 24 * 60
    return timedelta(minutes=value if ok else 0)  # type: ignore[arg-type]


def working_hours(settings: Settings) -> WorkingHours:
    start = parse_time(settings.working_hours_start, time(8))
    end = parse_time(settings.working_hours_end, time(18))
    if start >= end:
        start, end = time(8), time(18)
    return WorkingHours(start=start, end=end)


def buffers(settings: Settings) -> Buffers:
    return Buffers(preparation=_minutes(settings.preparation_minutes),
                   travel=_minutes(settings.travel_minutes))


class FindTimeService:
    """`settings` is asked each time: the Agenda settings dialog changes them while the app runs."""

    def __init__(self, sessions: sessionmaker[Session], clock: Clock, calendar: CalendarService,
                 settings: Callable[[], Settings], director: str = "") -> None:
        self._sessions = sessions
        self._clock = clock
        self._calendar = calendar
        self._settings = settings
        self._director = director.strip().lower()

    def invitees(self) -> list[Invitee]:
        """Internal people known to the store, then the demo colleagues; one per address."""
        with self._sessions() as s:
            rows = s.execute(select(Person.full_name, Person.email)
                             .where(Person.email != "", Person.is_internal.is_(True))
                             .order_by(Person.full_name)).all()
        found: dict[str, Invitee] = {}
        for name, email in [*rows, *((m.name, m.email) for m in COLLEAGUES)]:
            address = address_of(email)
            if address and address != self._director and address not in found:
                found[address] = Invitee(name, address)
        return sorted(found.values(), key=lambda i: i.name.casefold())

    def window(self, request: MeetingRequest) -> tuple[datetime, datetime]:
        """The search window in aware instants, never before now; Dutch errors for bad input."""
        hours = working_hours(self._settings())
        day_length = datetime.combine(date.min, hours.end) - datetime.combine(date.min, hours.start)
        if request.duration <= timedelta(0):
            raise UserFacingError("Geef een duur van minstens een kwartier.")
        if request.duration > day_length:
            raise UserFacingError(
                f"Een afspraak van {_duration(request.duration)} past niet binnen de "
                f"werkuren ({hours.start:%H:%M}-{hours.end:%H:%M}).")
        if request.last_day < request.first_day:
            raise UserFacingError("De einddatum ligt voor de begindatum.")
        if (request.last_day - request.first_day).days >= MAX_WINDOW_DAYS:
            raise UserFacingError(f"Zoek binnen hoogstens {MAX_WINDOW_DAYS} dagen.")
        now = self._clock.now().astimezone(BRUSSELS)
        start = max(datetime.combine(request.first_day, time(0), BRUSSELS), now)
        end = datetime.combine(request.last_day + timedelta(days=1), time(0), BRUSSELS)
        if end <= start:
            raise UserFacingError("Die periode ligt al in het verleden.")
        return start, end

    def addresses(self, request: MeetingRequest) -> list[str]:
        """Whose free/busy to ask Exchange for: every attendee but the director."""
        wanted = []
        for attendee in request.attendees:
            address = address_of(attendee)
            if not address:
                raise UserFacingError(f"'{attendee}' is geen geldig mailadres.")
            if address != self._director and address not in wanted:
                wanted.append(address)
        return wanted

    def director_busy(self, start: datetime, end: datetime) -> list[BusyBlock]:
        """The director's own appointments from the store; cancelled ones do not count.

        All-day ones do count: the store keeps no free/busy status, and a day of leave
        or a study day must not get a meeting.
        """
        with self._sessions() as s:
            rows = s.execute(select(CalendarEvent.start_at, CalendarEvent.end_at)
                             .where(CalendarEvent.start_at < end, CalendarEvent.end_at > start,
                                    CalendarEvent.is_cancelled.is_(False))).all()
        return [BusyBlock(row_start, row_end, BusyStatus.BUSY) for row_start, row_end in rows]

    def propose(self, request: MeetingRequest,
                free_busy: Mapping[str, Sequence[BusyBlock]]) -> list[Proposal]:
        """The first slots that suit the director and everyone whose free/busy came back."""
        settings = self._settings()
        start, end = self.window(request)
        director = self._director or "__director__"
        busy: dict[str, Sequence[BusyBlock]] = {
            address: blocks for address, blocks in free_busy.items() if address != director}
        busy[director] = self.director_busy(start - timedelta(days=1), end + timedelta(days=1))
        slots: Iterable[Slot] = find_slots(
            busy, duration=request.duration, window_start=start, window_end=end,
            working_hours=working_hours(settings), buffers=buffers(settings),
            director=director, protected_blocks=parse_protected_blocks(settings.protected_blocks),
            step=timedelta(minutes=15) if request.duration < timedelta(minutes=30)
            else timedelta(minutes=30), limit=PROPOSALS)
        return [Proposal(slot.start, slot.end) for slot in slots]

    def book(self, request: MeetingRequest, proposal: Proposal) -> EventWrite:
        """The appointment in the director's calendar with the attendees as required ones."""
        subject = request.subject.strip()
        if not subject:
            raise UserFacingError("Geef de afspraak een onderwerp.")
        self.addresses(request)  # every attendee a valid address, or a Dutch message
        names = {i.email: i.name for i in self.invitees()}
        attendees: dict[str, str] = {}
        for attendee in request.attendees:
            address = address_of(attendee)
            name = parseaddr(attendee.strip())[0].strip() or names.get(address, "")
            if address != self._director and address not in attendees:
                attendees[address] = f"{name} <{address}>" if name else address
        return self._calendar.create(EventDraft(
            subject=subject, start_at=proposal.start, end_at=proposal.end,
            location=request.location.strip(), required=tuple(attendees.values())))


def _duration(value: timedelta) -> str:
    minutes = int(value.total_seconds() // 60)
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} minuten"
    return f"{hours} uur" + (f" {rest} minuten" if rest else "")
