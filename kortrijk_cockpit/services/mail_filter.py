"""The search box's filters: `van:` `aan:` `bijlage:ja|nee` `voor:` `na:`
`categorie:` `map:`, values quoted when they hold spaces (`van:"Els Vandamme"`);
the rest is free text for the full-text index.

`parse` is pure (a unit test covers it); `conditions` turns a filter into SQL
conditions on `mails`. Dates: 1-12-2026, 1/12 (this year), 2026-12-01, vandaag,
gisteren; `voor:` means received before that day, `na:` after it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from sqlalchemy import ColumnElement, Text, cast, false, func, or_, select
from sqlalchemy.orm import Session

from kortrijk_cockpit.clock import BRUSSELS
from kortrijk_cockpit.domain import Mail, MailFolder
from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.services.mail_sql import has_category, like_escape
from kortrijk_cockpit.store.search import mail_match

KEYS = ("van", "aan", "bijlage", "voor", "na", "categorie", "map")
_TOKEN = re.compile(r'(?P<key>\w+):(?:"(?P<quoted>[^"]*)"?|(?P<plain>\S*))|"(?P<phrase>[^"]*)"?|'
                    r"(?P<word>\S+)")
_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})(?:[-/.](\d{4}))?$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


@dataclass(frozen=True)
class MailFilter:
    text: str = ""  # free words, for the full-text index
    senders: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    has_attachments: bool | None = None
    before: date | None = None
    after: date | None = None
    categories: tuple[str, ...] = ()
    folders: tuple[str, ...] = ()


def parse(query: str, today: date) -> MailFilter:
    """The filter the user typed; UserFacingError (Dutch) names a part it cannot use."""
    result = MailFilter()
    words: list[str] = []
    for match in _TOKEN.finditer(query):
        key = (match["key"] or "").lower()
        if key not in KEYS:
            words.append(match[0].replace('"', " ") if not match["phrase"] else match["phrase"])
            continue
        value = (match["quoted"] if match["quoted"] is not None else match["plain"]).strip()
        if not value:
            raise UserFacingError(f"Na '{key}:' ontbreekt wat je zoekt.")
        result = _with(result, key, value, today)
    return replace(result, text=" ".join(w for w in words if w.strip()))


def _with(result: MailFilter, key: str, value: str, today: date) -> MailFilter:
    if key == "van":
        return replace(result, senders=(*result.senders, value))
    if key == "aan":
        return replace(result, recipients=(*result.recipients, value))
    if key == "categorie":
        return replace(result, categories=(*result.categories, value))
    if key == "map":
        return replace(result, folders=(*result.folders, value))
    if key == "bijlage":
        answer = {"ja": True, "nee": False}.get(value.lower())
        if answer is None:
            raise UserFacingError(f"Bij 'bijlage:' hoort ja of nee, niet '{value}'.")
        return replace(result, has_attachments=answer)
    day = parse_day(value, today)
    if day is None:
        raise UserFacingError(f"Onbekende datum bij '{key}:': {value}")
    return replace(result, before=day) if key == "voor" else replace(result, after=day)


def parse_day(value: str, today: date) -> date | None:
    text = value.strip().lower()
    if text == "vandaag":
        return today
    if text == "gisteren":
        return today - timedelta(days=1)
    try:
        if m := _ISO.match(text):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if m := _DMY.match(text):
            return date(int(m[3]) if m[3] else today.year, int(m[2]), int(m[1]))
    except ValueError:  # 31-02: a day that does not exist
        return None
    return None


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time(0), BRUSSELS)


def conditions(s: Session, found: MailFilter) -> list[ColumnElement[bool]]:
    """SQL for the filter (every part must hold; several values of one key: any)."""
    where: list[ColumnElement[bool]] = []
    if found.text:
        match = mail_match(s.get_bind().dialect.name, found.text)
        if match is not None:
            where.append(match)  # type: ignore[arg-type]
    if found.senders:
        where.append(or_(*(or_(_contains(Mail.sender_name, v), _contains(Mail.sender_email, v))
                           for v in found.senders)))
    if found.recipients:
        where.append(or_(*(or_(_contains(cast(Mail.to_recipients, Text), v, json_text=True),
                               _contains(cast(Mail.cc_recipients, Text), v, json_text=True))
                           for v in found.recipients)))
    if found.has_attachments is not None:
        where.append(Mail.has_attachments.is_(found.has_attachments))
    if found.before is not None:
        where.append(Mail.received_at < _midnight(found.before))
    if found.after is not None:
        where.append(Mail.received_at >= _midnight(found.after + timedelta(days=1)))
    if found.categories:
        where.append(or_(*(has_category(c) for c in found.categories)))
    if found.folders:
        names = [f.lower() for f in found.folders]
        ids = list(s.scalars(select(MailFolder.id)
                             .where(func.lower(MailFolder.display_name).in_(names))))
        if not ids:
            raise UserFacingError(f"Onbekende map bij 'map:': {', '.join(found.folders)}")
        where.append(Mail.folder_id.in_(ids) if ids else false())
    return where


def _contains(column: ColumnElement[str], value: str, *, json_text: bool = False
              ) -> ColumnElement[bool]:
    # Inside JSON text a name is stored escaped (json.dumps), so search it that way.
    needle = json.dumps(value.lower())[1:-1] if json_text else value.lower()
    return func.lower(column).like(f"%{like_escape(needle)}%", escape="\\")
