"""How the reading pane writes sizes, days and time spans (Dutch, Brussels time)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import QDate

from kortrijk_cockpit.ui.formatting import LOCALE, local


def format_size(size: int) -> str:
    """'980 bytes', '12 KB', '1,4 MB' (a decimal comma, as the office reads it)."""
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{-(-size // 1024)} KB"
    return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")


def short_day(day: date) -> str:
    """'28 nov.', 'mei' stays 'mei': the dot marks a shortened month only."""
    qdate = QDate(day.year, day.month, day.day)
    short = LOCALE.monthName(day.month, LOCALE.FormatType.ShortFormat).rstrip(".")
    full = LOCALE.monthName(day.month, LOCALE.FormatType.LongFormat)
    return f"{qdate.day()} {short}{'.' if short != full else ''}"


def short_moment(moment: datetime) -> str:
    """'28 nov. 14:02'."""
    moment = local(moment)
    return f"{short_day(moment.date())} {moment:%H:%M}"


def long_day(day: date) -> str:
    """'dinsdag 1 december 2026'."""
    return LOCALE.toString(QDate(day.year, day.month, day.day), "dddd d MMMM yyyy")


def header_moment(moment: datetime) -> str:
    """'maandag 23/11/2026 10:00'."""
    moment = local(moment)
    return LOCALE.toString(QDate(moment.year, moment.month, moment.day),
                           "dddd dd/MM/yyyy") + f" {moment:%H:%M}"


def time_span(start: datetime, end: datetime, *, all_day: bool, all_day_text: str) -> str:
    """'dinsdag 1 december 2026, 09:00 – 11:00'; over days: both ends with their day.

    An all-day event ends at midnight after its last day (as Exchange keeps it).
    """
    if all_day:
        first = local(start).date()
        last = local(end - timedelta(seconds=1)).date() if end > start else first
        days = long_day(first) if first == last else f"{long_day(first)} – {long_day(last)}"
        return all_day_text.format(days=days)
    start, end = local(start), local(end)
    if start.date() == end.date():
        return f"{long_day(start.date())}, {start:%H:%M} – {end:%H:%M}"
    return f"{long_day(start.date())} {start:%H:%M} – {long_day(end.date())} {end:%H:%M}"
