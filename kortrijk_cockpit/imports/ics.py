"""Calendar files (.ics, RFC 5545) with icalendar; recurrences with recurring-ical-events.

icalendar resolves TZIDs itself: from the file's VTIMEZONE, an Olson name, or
a Windows name as Outlook writes it ("Romance Standard Time"). A recurring
event becomes one event per occurrence inside the calendar window, as the
sync stores Exchange's series (RRULE, RDATE, EXDATE and moved occurrences
are recurring-ical-events' job; it is the kept, well-tested implementation).

A dropped file must neither hang the import nor fill the memory: each event
(all components of one UID) is read on its own, so one broken event costs only
itself; a series gives at most MAX_PER_SERIES occurrences and a file
MAX_PER_FILE. Dense rules (FREQ=SECONDLY, MINUTELY) are capped like any other
rather than refused: a DAILY rule with BYHOUR/BYMINUTE lists is as dense, so
only a count bounds the work. dateutil lists every instant of a span from
DTSTART on, so before the library expands a rule we walk it lazily ourselves
(cancellable) to find where the cap falls, and ask the library only up to there.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from kortrijk_cockpit.clock import BRUSSELS
from kortrijk_cockpit.imports.records import (
    NO_SUBJECT,
    NotReadable,
    ParsedCalendar,
    ParsedEvent,
)
from kortrijk_cockpit.imports.text import decode
from kortrijk_cockpit.task_context import Cancelled, TaskContext

log = logging.getLogger(__name__)

NOT_A_CALENDAR = "geen agenda (beschadigd of een ander bestandstype)"
MAX_PER_SERIES = 1_000
MAX_PER_FILE = 5_000
# Instants a rule may produce from its DTSTART until the cap or the window's end:
# past this a rule that started long before the window is too costly to expand.
MAX_RULE_STEPS = 100_000
_CHECK_EVERY = 1_000  # rule steps between two looks at Cancel
_UNTIL = re.compile(r";?UNTIL=[^;]*", re.IGNORECASE)


class _TooDense(Exception):
    """The rule produces more than MAX_RULE_STEPS instants before the window's end."""


def parse_ics(data: bytes, start: datetime, end: datetime,
              ctx: TaskContext | None = None) -> ParsedCalendar:
    """Every event and occurrence that overlaps [start, end), within the caps.

    Raises `Cancelled` when `ctx` is cancelled; `NotReadable` when the file is no
    calendar, or none of its events could be read.
    """
    import icalendar

    ctx = ctx or TaskContext()
    if b"BEGIN:VCALENDAR" not in data[:4096].upper():
        raise NotReadable(NOT_A_CALENDAR)
    if b"END:VCALENDAR" not in data.upper():  # icalendar would quietly read nothing
        raise NotReadable("onvolledige agenda (het einde ontbreekt)")
    try:
        calendars = icalendar.Calendar.from_ical(decode(data, "utf-8"), multiple=True)
    except Exception as exc:  # noqa: BLE001 - the parser raises many kinds on broken files
        log.info("not a calendar: %r", exc)
        raise NotReadable(NOT_A_CALENDAR) from exc
    events: list[ParsedEvent] = []
    notes: list[str] = []
    broken: list[str] = []
    for calendar, components in _events_by_uid(calendars):
        ctx.check_cancelled()
        room = MAX_PER_FILE - len(events)
        if room <= 0:
            notes.append(f"agenda ingekort tot {_count(MAX_PER_FILE)} afspraken")
            break
        limit = min(MAX_PER_SERIES, room)
        try:
            found, cut = _expand(calendar, components, start, end, limit, ctx)
        except _TooDense:
            broken.append(f"{_name(components)} niet ge\u00efmporteerd: de reeks herhaalt "
                          "te vaak")
            continue
        except Cancelled:
            raise
        except Exception as exc:  # noqa: BLE001 - a broken event costs only itself
            log.info("broken event %r: %r", _uid(components), exc)
            broken.append(f"{_name(components)} is beschadigd en niet ge\u00efmporteerd")
            continue
        events.extend(found)
        if cut and limit == MAX_PER_SERIES:
            notes.append(f"reeks \u201c{_summary(components)}\u201d ingekort tot "
                         f"{_count(MAX_PER_SERIES)} afspraken")
        elif cut:
            notes.append(f"agenda ingekort tot {_count(MAX_PER_FILE)} afspraken")
            break
    if broken and not events:  # nothing to import: the file fails, naming what broke
        raise NotReadable(broken[0] if len(broken) == 1 else
                          f"geen enkele afspraak leesbaar ({len(broken)} beschadigd)")
    return ParsedCalendar(tuple(events), tuple(notes), tuple(broken))


def _events_by_uid(calendars: Sequence[Any]) -> Iterator[tuple[Any, list[Any]]]:
    """Per calendar, its VEVENTs grouped by UID: a series with its moved occurrences."""
    for calendar in calendars:
        groups: dict[str, list[Any]] = {}
        for number, component in enumerate(calendar.subcomponents):
            if component.name == "VEVENT":
                uid = str(component.get("UID", "")) or f"\0{number}"  # no UID: on its own
                groups.setdefault(uid, []).append(component)
        for components in groups.values():
            yield calendar, components


def _expand(calendar: Any, components: list[Any], start: datetime, end: datetime,
            limit: int, ctx: TaskContext) -> tuple[list[ParsedEvent], bool]:
    """The occurrences of one event within the window, at most `limit`; and whether cut."""
    import icalendar
    import recurring_ical_events

    single = icalendar.Calendar()
    if "CALSCALE" in calendar:  # the library refuses other calendar scales
        single.add("CALSCALE", calendar["CALSCALE"])
    for component in calendar.subcomponents:
        if component.name == "VTIMEZONE":
            single.add_component(component)
    for component in components:
        single.add_component(component)
    stop = end
    for component in components:
        if "RECURRENCE-ID" not in component:
            for rule in _list(component.get("RRULE")):
                cap = _cap(component, rule, start, end, limit, ctx)
                stop = min(stop, cap) if cap is not None else stop
    found = []
    for occurrence in recurring_ical_events.of(single).between(start, stop):
        ctx.check_cancelled()
        if occurrence.name == "VEVENT":
            found.append(_event(occurrence))
    found.sort(key=lambda event: event.start_at)
    return found[:limit], stop < end or len(found) > limit


def _cap(component: Any, rule: Any, start: datetime, end: datetime, limit: int,
         ctx: TaskContext) -> datetime | None:
    """Where the rule's (limit + 1)-th instant in the window falls; None if it has fewer.

    Walks the rule lazily from DTSTART, looking at Cancel as it goes.
    """
    from dateutil.rrule import rrulestr

    first = component.decoded("DTSTART")
    floating = not isinstance(first, datetime) or first.tzinfo is None
    if not isinstance(first, datetime):
        first = datetime.combine(first, time())
    text = rule.to_ical().decode()
    try:
        instants = iter(rrulestr(text, dtstart=first))
    except ValueError:
        # An UNTIL in another form than DTSTART (the library repairs it): without it
        # the walk sees the same instants and more, which only moves the cap earlier.
        instants = iter(rrulestr(_UNTIL.sub("", text).lstrip(";"), dtstart=first))
    if floating:  # compare in the event's own (naive) wall time
        start = start.astimezone(BRUSSELS).replace(tzinfo=None)
        end = end.astimezone(BRUSSELS).replace(tzinfo=None)
    inside = 0
    for step, instant in enumerate(instants):
        if step >= MAX_RULE_STEPS:
            raise _TooDense
        if step % _CHECK_EVERY == 0:
            ctx.check_cancelled()
        if instant >= end:
            return None
        if instant >= start:
            inside += 1
            if inside > limit:
                return _aware(instant)
    return None


def _uid(components: list[Any]) -> str:
    return str(components[0].get("UID", ""))


def _summary(components: list[Any]) -> str:
    return str(components[0].get("SUMMARY", "")).strip() or NO_SUBJECT


def _name(components: list[Any]) -> str:
    uid = _uid(components)
    return f"afspraak \u201c{_summary(components)}\u201d" + (f" (UID {uid})" if uid else "")


def _count(number: int) -> str:
    return f"{number:,}".replace(",", ".")  # Dutch thousands separator


def _event(event: Any) -> ParsedEvent:
    start = event.decoded("DTSTART")
    end = event.decoded("DTEND", None)
    all_day = not isinstance(start, datetime)
    if end is None:
        duration = event.decoded("DURATION", None)
        end = start + (duration if duration is not None else timedelta(days=1 if all_day else 0))
    status = str(event.get("STATUS", "")).upper()
    return ParsedEvent(
        uid=str(event.get("UID", "")) or f"geen-uid-{_aware(start).isoformat()}",
        subject=str(event.get("SUMMARY", "")).strip() or NO_SUBJECT,
        start_at=_aware(start),
        end_at=_aware(end),
        is_all_day=all_day,
        location=str(event.get("LOCATION", "")).strip(),
        organizer=_address(event.get("ORGANIZER")),
        attendees=tuple(_address(a) for a in _list(event.get("ATTENDEE"))),
        body_text=str(event.get("DESCRIPTION", "")).strip(),
        is_cancelled=status == "CANCELLED",
    )


def _aware(value: date | datetime) -> datetime:
    """UTC; a floating time or an all-day date is the office's (Brussels) local time."""
    if not isinstance(value, datetime):
        value = datetime.combine(value, time())
    if value.tzinfo is None:
        value = value.replace(tzinfo=BRUSSELS)
    return value.astimezone(UTC)


def _list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _address(value: Any) -> str:
    if value is None:
        return ""
    address = str(value).removeprefix("mailto:").removeprefix("MAILTO:")
    name = str(getattr(value, "params", {}).get("CN", "")).strip()
    return f"{name} <{address}>" if name and address else (address or name)
