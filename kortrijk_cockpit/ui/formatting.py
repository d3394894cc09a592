"""Dates and times as the office reads them: Brussels time, dd/mm/yyyy, 24 hours."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QLocale

LOCALE = QLocale(QLocale.Language.Dutch, QLocale.Country.Belgium)


def local(moment: datetime) -> datetime:
    from kortrijk_cockpit.clock import BRUSSELS  # zoneinfo: not needed before first paint

    return moment.astimezone(BRUSSELS)


def format_datetime(moment: datetime | None) -> str:
    return "" if moment is None else local(moment).strftime("%d/%m/%Y %H:%M")


def format_date(day: date | None) -> str:
    return "" if day is None else day.strftime("%d/%m/%Y")


def long_date(day: date) -> str:
    """'maandag 23/11/2026'."""
    return LOCALE.toString(QDate(day.year, day.month, day.day), "dddd dd/MM/yyyy")


def short_moment(moment: datetime) -> str:
    """'wo 02/12 14:00': a list's day and hour, in Dutch."""
    here = local(moment)
    day = LOCALE.toString(QDate(here.year, here.month, here.day), "ddd dd/MM")
    return f"{day} {here:%H:%M}"
