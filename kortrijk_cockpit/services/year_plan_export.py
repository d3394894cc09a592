"""The year plan out of the app: an ICS file of the overview's meetings with their themes."""

from __future__ import annotations

from pathlib import Path

from kortrijk_cockpit.documents.ics import IcsMeeting, meeting_uid, write_plan
from kortrijk_cockpit.services.theme_calendar import YearOverview


def ics_meetings(overview: YearOverview) -> list[IcsMeeting]:
    return [IcsMeeting(meeting_uid(m.id), m.title, m.starts_at, m.ends_at, m.location,
                       tuple(t.name for t in m.themes), m.cancelled)
            for m in overview.meetings]


def export_ics(overview: YearOverview, path: Path) -> list[IcsMeeting]:
    """Write the plan to `path`; returns what was written."""
    meetings = ics_meetings(overview)
    write_plan(meetings, path, name=f"{overview.code} {overview.year}")
    return meetings
