"""A mail marked "Wacht op antwoord" in Outlook comes back 5 working days after receipt:
the SQL ranges (`overdue_receipts`) pick exactly the mails `waiting_due` says are due."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from kortrijk_cockpit.clock import BRUSSELS
from kortrijk_cockpit.services.waiting import OverdueReceipts, overdue_receipts, waiting_due


def _picked(overdue: OverdueReceipts, received: datetime) -> bool:
    return received < overdue.before or any(lo <= received <= hi for lo, hi in overdue.ranges)


@pytest.mark.parametrize("now", [
    datetime(2026, 11, 23, 10, 0, tzinfo=BRUSSELS),  # Monday morning
    datetime(2026, 11, 20, 16, 30, tzinfo=BRUSSELS),  # Friday afternoon
    datetime(2026, 11, 21, 11, 0, tzinfo=BRUSSELS),  # Saturday: nothing is due on a weekend
    datetime(2026, 4, 7, 9, 15, tzinfo=BRUSSELS),  # the Tuesday after Easter Monday
    datetime(2026, 3, 30, 8, 0, tzinfo=BRUSSELS),  # the day after summer time began
    datetime(2026, 11, 16, 7, 45, tzinfo=BRUSSELS),  # after Armistice Day (Wed 11/11)
])
def test_the_sql_ranges_pick_exactly_the_mails_past_their_date(now: datetime) -> None:
    overdue = overdue_receipts(now)
    received = (now - timedelta(days=30)).astimezone(UTC)
    while received < now:
        assert _picked(overdue, received) == (waiting_due(received) <= now), received
        received += timedelta(minutes=13)

