"""When the Dagoverzicht mail is due, and which day it covers (pure functions)."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from kortrijk_cockpit.services.day_overview import (
    dutch_date,
    mail_due,
    next_working_day,
    seconds_until_due,
)

BXL = ZoneInfo("Europe/Brussels")
FOUR = time(16)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=BXL)


TUESDAY = date(2026, 11, 24)
FRIDAY = date(2026, 11, 27)


def test_due_from_the_set_time_on_a_working_day_until_sent() -> None:
    assert mail_due(at(TUESDAY, 15, 59), FOUR, None) is None
    assert mail_due(at(TUESDAY, 16), FOUR, None) == TUESDAY
    assert mail_due(at(TUESDAY, 23, 30), FOUR, date(2026, 11, 23)) == TUESDAY


def test_sent_today_is_not_due_again_even_after_a_restart() -> None:
    assert mail_due(at(TUESDAY, 17), FOUR, TUESDAY) is None


def test_never_on_a_weekend_or_a_public_holiday() -> None:
    assert mail_due(at(date(2026, 11, 28), 17), FOUR, None) is None  # Saturday
    assert mail_due(at(date(2026, 11, 11), 17), FOUR, None) is None  # Wapenstilstand


def test_a_missed_day_is_not_sent_afterwards() -> None:
    # Closed all Monday: on Tuesday morning nothing is due for Monday.
    assert mail_due(at(TUESDAY, 9), FOUR, date(2026, 11, 20)) is None


def test_the_time_is_brussels_time_whatever_the_clock_zone() -> None:
    utc = at(TUESDAY, 16).astimezone(ZoneInfo("UTC"))  # 15:00 UTC
    assert mail_due(utc, FOUR, None) == TUESDAY


def test_the_next_working_day_skips_weekends_and_holidays() -> None:
    assert next_working_day(TUESDAY) == date(2026, 11, 25)
    assert next_working_day(FRIDAY) == date(2026, 11, 30)
    assert next_working_day(date(2026, 11, 10)) == date(2026, 11, 12)  # 11/11 off
    assert next_working_day(date(2026, 12, 24)) == date(2026, 12, 28)  # 25 and 26 off


def test_dates_read_in_dutch() -> None:
    assert dutch_date(date(2026, 11, 30)) == "maandag 30 november 2026"


def test_the_timer_waits_for_the_next_working_day_at_the_set_time() -> None:
    assert seconds_until_due(at(TUESDAY, 15), FOUR) == 3600
    # Friday evening: next due Monday 16:00.
    assert seconds_until_due(at(FRIDAY, 17), FOUR) == (2 * 24 + 23) * 3600
