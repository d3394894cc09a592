"""Which days a view shows, moving by periods, and the period's name in Dutch."""

from __future__ import annotations

import enum
from datetime import date, timedelta

from PySide6.QtCore import QDate

from kortrijk_cockpit.ui.formatting import LOCALE


class ViewMode(enum.StrEnum):
    DAY = "day"
    WORK_WEEK = "work_week"
    WEEK = "week"
    MONTH = "month"


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def days_shown(mode: ViewMode, anchor: date) -> list[date]:
    """The days on screen; a month shows whole weeks, Monday first."""
    if mode == ViewMode.DAY:
        return [anchor]
    if mode in (ViewMode.WORK_WEEK, ViewMode.WEEK):
        monday = _monday(anchor)
        if mode == ViewMode.WORK_WEEK and anchor.weekday() >= 5:
            monday += timedelta(weeks=1)  # at the weekend, the coming work week
        return [monday + timedelta(days=n) for n in range(5 if mode == ViewMode.WORK_WEEK else 7)]
    first = anchor.replace(day=1)
    last = _add_months(first, 1) - timedelta(days=1)
    start, end = _monday(first), _monday(last) + timedelta(days=6)
    return [start + timedelta(days=n) for n in range((end - start).days + 1)]


def step(mode: ViewMode, anchor: date, count: int) -> date:
    """`count` periods later (earlier when negative)."""
    if mode == ViewMode.DAY:
        return anchor + timedelta(days=count)
    if mode == ViewMode.MONTH:
        return _add_months(anchor, count)
    return anchor + timedelta(weeks=count)


def _add_months(day: date, count: int) -> date:
    month = day.month - 1 + count
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def period_label(mode: ViewMode, anchor: date) -> str:
    """'maandag 23 november 2026', '23 – 27 november 2026', '30 november – 6 december
    2026', 'november 2026'."""
    if mode == ViewMode.DAY:
        return LOCALE.toString(_qdate(anchor), "dddd d MMMM yyyy")
    if mode == ViewMode.MONTH:
        return LOCALE.toString(_qdate(anchor), "MMMM yyyy")
    days = days_shown(mode, anchor)
    first, last = days[0], days[-1]
    end = LOCALE.toString(_qdate(last), "d MMMM yyyy")
    if first.year != last.year:
        begin = LOCALE.toString(_qdate(first), "d MMMM yyyy")
    elif first.month != last.month:
        begin = LOCALE.toString(_qdate(first), "d MMMM")
    else:
        begin = str(first.day)
    return f"{begin} – {end}"
