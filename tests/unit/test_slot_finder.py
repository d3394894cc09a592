"""Zoek een moment: the first slots that suit everyone (services/slot_finder.py)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from kortrijk_cockpit.exchange.records import BusyBlock, BusyStatus
from kortrijk_cockpit.services.slot_finder import (
    Buffers,
    ProtectedBlock,
    Slot,
    WorkingHours,
    find_slots,
)

BRUSSELS = ZoneInfo("Europe/Brussels")
NEW_YORK = ZoneInfo("America/New_York")
TOKYO = ZoneInfo("Asia/Tokyo")
DIRECTOR = "algemeen.directeur@kortrijk.be"
SOFIE = "sofie.vandenbroucke@kortrijk.be"
BART = "bart.vanneste@kortrijk.be"
HOUR = timedelta(hours=1)


def bxl(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), BRUSSELS)


def busy(start: datetime, end: datetime, status: BusyStatus = BusyStatus.BUSY) -> BusyBlock:
    return BusyBlock(start, end, status)


def starts(slots: list[Slot]) -> list[str]:
    """Each slot as Brussels wall-clock text, e.g. "2026-03-27 09:00-10:00"."""
    return [f"{s.start:%Y-%m-%d %H:%M}-{s.end:%H:%M}" for s in slots]


# Friday 27 March 2026; DST starts Sunday 29 March 2026 (the last Sunday of March).
FRIDAY = date(2026, 3, 27)
MONDAY = date(2026, 3, 30)


def test_empty_calendars_give_the_first_working_hours() -> None:
    slots = find_slots({DIRECTOR: [], SOFIE: []}, duration=HOUR,
                       window_start=bxl(FRIDAY, 0), window_end=bxl(FRIDAY, 23), limit=3)
    assert starts(slots) == ["2026-03-27 08:30-09:30", "2026-03-27 09:30-10:30",
                             "2026-03-27 10:30-11:30"]
    assert all(s.start.tzinfo == BRUSSELS for s in slots)


def test_a_gap_that_fits_exactly_is_proposed_and_a_shorter_one_is_not() -> None:
    calendars = {
        DIRECTOR: [busy(bxl(FRIDAY, 8, 30), bxl(FRIDAY, 10)),
                   busy(bxl(FRIDAY, 11), bxl(FRIDAY, 12))],
        SOFIE: [busy(bxl(FRIDAY, 10, 30), bxl(FRIDAY, 11)),  # leaves 10:00-10:30 only
                busy(bxl(FRIDAY, 13), bxl(FRIDAY, 14))],
    }
    slots = find_slots(calendars, duration=HOUR, window_start=bxl(FRIDAY, 0),
                       window_end=bxl(FRIDAY, 23), limit=3)
    assert starts(slots) == ["2026-03-27 12:00-13:00", "2026-03-27 14:00-15:00",
                             "2026-03-27 15:00-16:00"]


def test_tentative_and_out_of_office_block_but_free_and_working_elsewhere_do_not() -> None:
    calendars = {
        SOFIE: [busy(bxl(FRIDAY, 8, 30), bxl(FRIDAY, 9, 30), BusyStatus.TENTATIVE),
                busy(bxl(FRIDAY, 9, 30), bxl(FRIDAY, 10, 30), BusyStatus.OOF)],
        BART: [busy(bxl(FRIDAY, 10, 30), bxl(FRIDAY, 11, 30), BusyStatus.FREE),
               busy(bxl(FRIDAY, 10, 30), bxl(FRIDAY, 12), BusyStatus.WORKING_ELSEWHERE),
               busy(bxl(FRIDAY, 10, 30), bxl(FRIDAY, 12), BusyStatus.NO_DATA)],
    }
    slots = find_slots(calendars, duration=HOUR, window_start=bxl(FRIDAY, 0),
                       window_end=bxl(FRIDAY, 23), limit=1)
    assert starts(slots) == ["2026-03-27 10:30-11:30"]


def test_weekends_and_belgian_holidays_are_skipped() -> None:
    # Easter Monday 2027 is 29 March; Saturday 27 March: the first slot is Tuesday.
    slots = find_slots({}, duration=HOUR, window_start=bxl(date(2027, 3, 27), 0),
                       window_end=bxl(date(2027, 4, 3), 0), limit=1)
    assert starts(slots) == ["2027-03-30 08:30-09:30"]
    # 11 November (Wapenstilstand) 2026 is a Wednesday.
    slots = find_slots({}, duration=HOUR, window_start=bxl(date(2026, 11, 10), 17),
                       window_end=bxl(date(2026, 11, 14), 0), limit=1)
    assert starts(slots) == ["2026-11-12 08:30-09:30"]


def test_buffers_surround_the_directors_appointments_only() -> None:
    calendars = {
        DIRECTOR: [busy(bxl(FRIDAY, 11), bxl(FRIDAY, 12))],  # e.g. a visit across town
        SOFIE: [busy(bxl(FRIDAY, 8, 30), bxl(FRIDAY, 9)), busy(bxl(FRIDAY, 14), bxl(FRIDAY, 15))],
    }
    buffers = Buffers(preparation=timedelta(minutes=30), travel=timedelta(minutes=45))
    slots = find_slots(calendars, duration=HOUR, window_start=bxl(FRIDAY, 0),
                       window_end=bxl(FRIDAY, 23), buffers=buffers, director=DIRECTOR, limit=4)
    # 09:00-10:00 ends 60 min before 11:00 (30 needed); 10:00-11:00 would eat the
    # preparation; after 12:00 the travel time runs to 12:45, so 13:00 is the next step;
    # Sofie's 14:00-15:00 gets no buffer.
    assert starts(slots) == ["2026-03-27 09:00-10:00", "2026-03-27 13:00-14:00",
                             "2026-03-27 15:00-16:00", "2026-03-27 16:00-17:00"]
    # Without naming the director, nobody gets buffers.
    slots = find_slots(calendars, duration=HOUR, window_start=bxl(FRIDAY, 0),
                       window_end=bxl(FRIDAY, 23), buffers=buffers, limit=2)
    assert starts(slots) == ["2026-03-27 09:00-10:00", "2026-03-27 10:00-11:00"]


def test_protected_blocks_are_kept_free_every_week() -> None:
    protected = [ProtectedBlock(4, time(8, 30), time(12)),  # Friday mornings
                 ProtectedBlock(0, time(13), time(14))]  # Monday after lunch
    slots = find_slots({}, duration=2 * HOUR, window_start=bxl(FRIDAY, 0),
                       window_end=bxl(MONDAY, 23), protected_blocks=protected, limit=6)
    assert starts(slots) == ["2026-03-27 12:00-14:00", "2026-03-27 14:00-16:00",
                             "2026-03-30 08:30-10:30", "2026-03-30 10:30-12:30",
                             "2026-03-30 14:00-16:00"]


def test_the_window_cuts_the_day_and_steps_count_from_the_working_day() -> None:
    slots = find_slots({}, duration=timedelta(minutes=45), window_start=bxl(FRIDAY, 9, 40),
                       window_end=bxl(FRIDAY, 12), step=timedelta(minutes=15), limit=5)
    # Steps from 08:30 every quarter: 09:45 is the first at or after 09:40.
    assert starts(slots) == ["2026-03-27 09:45-10:30", "2026-03-27 10:30-11:15",
                             "2026-03-27 11:15-12:00"]


def test_limit_and_no_room_at_all() -> None:
    everything = {SOFIE: [busy(bxl(FRIDAY, 0), bxl(date(2026, 4, 3), 23), BusyStatus.OOF)]}
    assert find_slots(everything, duration=HOUR, window_start=bxl(FRIDAY, 0),
                      window_end=bxl(date(2026, 4, 3), 23)) == []
    too_long = find_slots({}, duration=10 * HOUR, window_start=bxl(FRIDAY, 0),
                          window_end=bxl(MONDAY, 23))
    assert too_long == []
    assert len(find_slots({}, duration=HOUR, window_start=bxl(FRIDAY, 0),
                          window_end=bxl(date(2026, 4, 30), 0), limit=7)) == 7


def test_spring_forward_keeps_wall_clock_working_hours() -> None:
    # Friday fully taken: the next slot is Monday 08:30 summer time, 06:30 UTC (Friday's
    # 08:30 was 07:30 UTC).
    calendars = {SOFIE: [busy(bxl(FRIDAY, 8), bxl(FRIDAY, 18))]}
    slots = find_slots(calendars, duration=HOUR, window_start=bxl(FRIDAY, 0),
                       window_end=bxl(MONDAY, 23), limit=1)
    assert starts(slots) == ["2026-03-30 08:30-09:30"]
    assert slots[0].start.astimezone(UTC) == datetime(2026, 3, 30, 6, 30, tzinfo=UTC)
    assert slots[0].end - slots[0].start == HOUR


def test_fall_back_keeps_wall_clock_working_hours() -> None:
    # DST ends Sunday 25 October 2026; Monday 26 October 08:30 is 07:30 UTC.
    friday, monday = date(2026, 10, 23), date(2026, 10, 26)
    calendars = {BART: [busy(bxl(friday, 8), bxl(friday, 18))]}
    slots = find_slots(calendars, duration=HOUR, window_start=bxl(friday, 0),
                       window_end=bxl(monday, 23), limit=2)
    assert starts(slots) == ["2026-10-26 08:30-09:30", "2026-10-26 09:30-10:30"]
    assert slots[0].start.astimezone(UTC) == datetime(2026, 10, 26, 7, 30, tzinfo=UTC)


def test_a_busy_block_across_the_dst_night_counts_in_absolute_time() -> None:
    # A week of leave given in UTC, ending Monday 30 March 06:30 UTC = 08:30 summer time.
    calendars = {SOFIE: [busy(datetime(2026, 3, 26, 23, 0, tzinfo=UTC),
                              datetime(2026, 3, 30, 7, 30, tzinfo=UTC), BusyStatus.OOF)]}
    slots = find_slots(calendars, duration=HOUR, window_start=bxl(FRIDAY, 0),
                       window_end=bxl(MONDAY, 23), limit=1)
    assert starts(slots) == ["2026-03-30 09:30-10:30"]  # 07:30 UTC is 09:30 in Brussels


def test_busy_times_in_other_time_zones() -> None:
    # 27 March 2026: New York is already on summer time (since 8 March), Brussels not yet,
    # so New York is 5 hours behind, not 6. 04:00-05:00 EDT is 09:00-10:00 in Brussels.
    calendars = {
        SOFIE: [busy(datetime(2026, 3, 27, 4, 0, tzinfo=NEW_YORK),
                     datetime(2026, 3, 27, 5, 0, tzinfo=NEW_YORK))],
        # 16:30-18:30 in Tokyo (UTC+9) is 08:30-10:30 in Brussels (UTC+1).
        BART: [busy(datetime(2026, 3, 27, 16, 30, tzinfo=TOKYO),
                    datetime(2026, 3, 27, 18, 30, tzinfo=TOKYO))],
    }
    slots = find_slots(calendars, duration=HOUR, window_start=bxl(FRIDAY, 0),
                       window_end=bxl(FRIDAY, 23), limit=1)
    assert starts(slots) == ["2026-03-27 10:30-11:30"]
    # The same New York block a week later, after Brussels's change too: 10:00-11:00.
    calendars = {SOFIE: [busy(datetime(2026, 4, 3, 3, 30, tzinfo=NEW_YORK),
                              datetime(2026, 4, 3, 5, 30, tzinfo=NEW_YORK))]}
    slots = find_slots(calendars, duration=HOUR, window_start=bxl(date(2026, 4, 3), 0),
                       window_end=bxl(date(2026, 4, 3), 23), limit=2)
    assert starts(slots) == ["2026-04-03 08:30-09:30", "2026-04-03 11:30-12:30"]


def test_working_hours_in_another_zone_and_every_day() -> None:
    hours = WorkingHours(start=time(9), end=time(10), zone=NEW_YORK,
                         is_working_day=lambda day: True)
    # US DST starts Sunday 8 March 2026: 09:00 New York is 14:00 UTC, then 13:00 UTC.
    slots = find_slots({}, duration=HOUR, window_start=datetime(2026, 3, 7, tzinfo=UTC),
                       window_end=datetime(2026, 3, 10, tzinfo=UTC), working_hours=hours)
    assert [s.start.astimezone(UTC).hour for s in slots] == [14, 13, 13]
    assert all(s.start.tzinfo == NEW_YORK and s.start.hour == 9 for s in slots)


def test_naive_times_are_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        find_slots({}, duration=HOUR, window_start=datetime(2026, 3, 27),
                   window_end=bxl(FRIDAY, 23))
    with pytest.raises(ValueError, match="timezone-aware"):
        find_slots({SOFIE: [busy(datetime(2026, 3, 27, 9), datetime(2026, 3, 27, 10))]},
                   duration=HOUR, window_start=bxl(FRIDAY, 0), window_end=bxl(FRIDAY, 23))
    with pytest.raises(ValueError, match="positive"):
        find_slots({}, duration=timedelta(0), window_start=bxl(FRIDAY, 0),
                   window_end=bxl(FRIDAY, 23))
