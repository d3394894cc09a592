"""When a mail waiting for an answer ("Wacht op antwoord") comes back, marked, if none came.

Triage here sets `Mail.waiting_due_at`. A mail that got the category elsewhere
(the director in Outlook, the demo mailbox) has no date: Exchange does not say
when a category was set, so its receipt is the one moment both sides know, and
such a mail is due `WAITING_WORKING_DAYS` working days after it was received.
That rule is computed here, not stored by the pull, so `exchange/` knows
nothing of the office's outcomes and a full resync gives the same answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import ColumnElement, and_, false, or_

from kortrijk_cockpit.clock import BRUSSELS
from kortrijk_cockpit.demo_office.rhythm import is_working_day
from kortrijk_cockpit.domain import Mail

WAITING_WORKING_DAYS = 5


def waiting_due(start: datetime, working_days: int = WAITING_WORKING_DAYS) -> datetime:
    """The same hour `working_days` working days later (weekends and Belgian holidays
    skipped), when a mail waiting for an answer comes back if none came."""
    moment = start.astimezone(BRUSSELS)
    return datetime.combine(_due_date(moment.date(), working_days), moment.time(), BRUSSELS)


def effective_due(waiting_due_at: datetime | None, received_at: datetime | None) -> datetime | None:
    """The date set in triage, else the one counted from the mail's receipt."""
    if waiting_due_at is not None or received_at is None:
        return waiting_due_at
    return waiting_due(received_at)


@dataclass(frozen=True)
class OverdueReceipts:
    """The receipt moments t with `waiting_due(t) <= now`, as UTC ranges for SQL:
    everything before `before`, plus, on the few days due exactly today, what
    came in up to now's hour."""

    before: datetime
    ranges: tuple[tuple[datetime, datetime], ...]

    def condition(self) -> ColumnElement[bool]:
        received = Mail.received_at
        return or_(received < self.before,
                   *(and_(received >= lo, received <= hi) for lo, hi in self.ranges), false())


def overdue_receipts(now: datetime, working_days: int = WAITING_WORKING_DAYS) -> OverdueReceipts:
    local = now.astimezone(BRUSSELS)
    today = local.date()
    # The due date never decreases with the day received, so the days due before
    # today are all those up to one day, and the days due today follow it.
    last_earlier = today
    while _due_date(last_earlier, working_days) >= today:
        last_earlier -= timedelta(days=1)
    due_today = []
    day = last_earlier + timedelta(days=1)
    while _due_date(day, working_days) == today:
        due_today.append(day)
        day += timedelta(days=1)
    return OverdueReceipts(
        before=_utc(last_earlier + timedelta(days=1), time(0)),
        ranges=tuple((_utc(d, time(0)), _utc(d, local.time())) for d in due_today))


def _due_date(day: date, working_days: int) -> date:
    left = working_days
    while left:
        day += timedelta(days=1)
        if is_working_day(day):
            left -= 1
    return day


def _utc(day: date, at: time) -> datetime:
    return datetime.combine(day, at, BRUSSELS).astimezone(UTC)
