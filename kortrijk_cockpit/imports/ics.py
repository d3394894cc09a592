"""Calendar files (.ics, RFC 5545) with icalendar; recurrences with recurring-ical-events.

icalendar resolves TZIDs itself: from the file's VTIMEZONE, an Olson name, or
a Windows name as Outlook writes it ("Romance Standard Time"). A recurring
event becomes one event per occurrence inside the calendar window, as the
sync stores Exchange's series (RRULE, RDATE, EXDATE and moved occurrences
are recurring-ical-events' job; it is the kept, well-tested implementation).
"""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from kortrijk_cockpit.clock import BRUSSELS
from kortrijk_cockpit.imports.records import NO_SUBJECT, NotReadable, ParsedEvent
from kortrijk_cockpit.imports.text import decode

log = logging.getLogger(__name__)

NOT_A_CALENDAR = "geen agenda (beschadigd of een ander bestandstype)"


def parse_ics(data: bytes, start: datetime, end: datetime) -> list[ParsedEvent]:
    """Every event and occurrence that overlaps [start, end)."""
    import icalendar
    import recurring_ical_events

    if b"BEGIN:VCALENDAR" not in data[:4096].upper():
        raise NotReadable(NOT_A_CALENDAR)
    if b"END:VCALENDAR" not in data.upper():  # icalendar would quietly read nothing
        raise NotReadable("onvolledige agenda (het einde ontbreekt)")
    try:
        calendars = icalendar.Calendar.from_ical(decode(data, "utf-8"), multiple=True)
        events = [event for calendar in calendars
                  for event in recurring_ical_events.of(calendar).between(start, end)
                  if event.name == "VEVENT"]
        return [_event(event) for event in events]
    except NotReadable:
        raise
    except Exception as exc:  # noqa: BLE001 - the parsers raise many kinds on broken files
        log.info("not a calendar: %r", exc)
        raise NotReadable(NOT_A_CALENDAR) from exc


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
