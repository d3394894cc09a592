"""The demo office as plain data: one cast, one calendar rhythm, one set of mail threads.

Both demo generators read it: the sandbox mailbox (`sandbox/demo.py`) and the
store's demo office (`services/demo_data.py`), so `--demo` tells one story.
This package imports nothing else from the project (the sandbox may not import
the client layers, nor they the sandbox); only the standard library and
`holidays`. Everything is a function of a seed and "now".
"""

from __future__ import annotations

from kortrijk_cockpit.demo_office.calendar import DemoEvent, briefing_events, demo_calendar
from kortrijk_cockpit.demo_office.cast import CAST, DELEGATE, ORGANISATIONS, OWNER, Member, member
from kortrijk_cockpit.demo_office.files import DemoFile, render
from kortrijk_cockpit.demo_office.mails import DemoMail, demo_mails
from kortrijk_cockpit.demo_office.rhythm import (
    BRUSSELS,
    COLLEGE,
    DC,
    MAT,
    OFFICE_CLOSES,
    OFFICE_OPENS,
    Slot,
    is_working_day,
    meeting_days,
)

__all__ = [
    "BRUSSELS", "CAST", "COLLEGE", "DC", "DELEGATE", "MAT", "OFFICE_CLOSES", "OFFICE_OPENS",
    "ORGANISATIONS", "OWNER", "DemoEvent", "DemoFile", "DemoMail", "Member", "Slot",
    "briefing_events", "demo_calendar", "demo_mails", "is_working_day", "meeting_days", "member",
    "render",
]
