"""A year plan as an iCalendar file: one VEVENT per meeting, its themes in the description.

The UID is the meeting's own (`meeting_uid`), so a second export updates the same
events in Outlook instead of adding copies. `read_plan` reads such a file back
into the same values `write_plan` was given.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from icalendar import Calendar, Event

PRODID = "-//Stad Kortrijk//Kortrijk Cockpit//NL"
_THEMES_HEADER = "Thema's:"


@dataclass(frozen=True)
class IcsMeeting:
    uid: str
    title: str
    starts_at: datetime  # timezone-aware
    ends_at: datetime
    location: str
    themes: tuple[str, ...]
    cancelled: bool = False


def meeting_uid(meeting_id: int) -> str:
    return f"meeting-{meeting_id}@kortrijk-cockpit"


def write_plan(meetings: Sequence[IcsMeeting], path: Path, *, name: str = "") -> None:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    if name:
        calendar.add("x-wr-calname", name)
    for m in meetings:
        event = Event()
        event.add("uid", m.uid)
        event.add("summary", m.title)
        event.add("dtstart", m.starts_at.astimezone(UTC))
        event.add("dtend", m.ends_at.astimezone(UTC))
        event.add("dtstamp", m.starts_at.astimezone(UTC))  # stable: the same plan, the same file
        if m.location:
            event.add("location", m.location)
        if m.themes:
            event.add("description", "\n".join([_THEMES_HEADER, *(f"- {t}" for t in m.themes)]))
        event.add("status", "CANCELLED" if m.cancelled else "CONFIRMED")
        calendar.add_component(event)
    path.write_bytes(calendar.to_ical())


def read_plan(path: Path) -> list[IcsMeeting]:
    calendar = Calendar.from_ical(path.read_bytes())
    meetings = []
    for event in calendar.walk("VEVENT"):
        description = str(event.get("description", ""))
        themes = tuple(line[2:] for line in description.splitlines() if line.startswith("- "))
        meetings.append(IcsMeeting(
            uid=str(event["uid"]), title=str(event.get("summary", "")),
            starts_at=event.decoded("dtstart"), ends_at=event.decoded("dtend"),
            location=str(event.get("location", "")), themes=themes,
            cancelled=str(event.get("status", "")).upper() == "CANCELLED"))
    return meetings
