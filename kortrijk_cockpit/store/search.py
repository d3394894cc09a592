"""Full-text queries: FTS5 on SQLite, tsvector ('dutch') on PostgreSQL.

The indexes themselves are made by migrations 0002 and 0003; this module only
reads them. Each kind of record maps to its table, the columns shown in a hit
and the date that tells look-alike hits apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Date, TextClause, bindparam, text
from sqlalchemy.orm import Session
from sqlalchemy.types import TypeEngine

from kortrijk_cockpit.domain.base import UTCDateTime


@dataclass(frozen=True)
class IndexedKind:
    table: str
    title: str
    subtitle: str
    when: str = ""  # SQL for the hit's date; "" when the kind has none
    when_type: type[TypeEngine[object]] = UTCDateTime
    join: str = ""  # what `when` needs beyond the table itself (alias t)
    # Things that happen (meetings, deadlines): coming ones first, nearest first,
    # then past ones, latest first. The words match all of them alike.
    coming_first: bool = False


# In the order their groups are listed; mail last, it outnumbers the rest.
KINDS: dict[str, IndexedKind] = {
    "person": IndexedKind("people", "full_name", "function"),
    "meeting": IndexedKind("meetings", "title", "location", "t.starts_at", coming_first=True),
    "agenda_item": IndexedKind("agenda_items", "title", "owner_name", "m.starts_at",
                               join="JOIN meetings m ON m.id = t.meeting_id",
                               coming_first=True),
    "document_request": IndexedKind("document_requests", "title", "requested_from", "t.due_at",
                                    coming_first=True),
    "action_point": IndexedKind("action_points", "title", "owner_name", "t.due_date",
                                when_type=Date),
    "brief": IndexedKind("briefs", "title", "place", "t.starts_at", coming_first=True),
    "mail": IndexedKind("mails", "subject", "sender_name", "t.received_at"),
}

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class RawHit:
    kind: str
    ref_id: int
    title: str
    subtitle: str
    when: datetime | date | None
    rank: float


def terms(query: str) -> list[str]:
    """The words of a user's query; punctuation and operators are dropped."""
    return _WORD.findall(query)[:12]


def _fts5_query(words: list[str]) -> str:
    # Every word quoted (so FTS5 syntax in the input is inert) and prefix-matched.
    return " ".join(f'"{w}"*' for w in words)


def _tsquery(words: list[str]) -> str:
    return " & ".join(f"{w}:*" for w in words)


def _order(spec: IndexedKind, best_rank: str) -> str:
    if not spec.coming_first:
        return best_rank
    w = spec.when
    return (f"CASE WHEN {w} >= :now THEN 0 ELSE 1 END, CASE WHEN {w} >= :now THEN {w} END, "
            f"{w} IS NULL, {w} DESC, {best_rank}")


def search(session: Session, query: str, *, now: datetime, limit: int = 30) -> list[RawHit]:
    words = terms(query)
    if not words:
        return []
    sqlite = session.get_bind().dialect.name == "sqlite"
    hits: list[RawHit] = []
    for kind, spec in KINDS.items():
        when = spec.when or "NULL"
        if sqlite:
            fts = f"{spec.table}_fts"
            sql = (
                f"SELECT t.id, t.{spec.title}, t.{spec.subtitle}, {when} AS hit_when, "
                f"bm25({fts}) AS rank FROM {fts} JOIN {spec.table} t ON t.id = {fts}.rowid "
                f"{spec.join} WHERE {fts} MATCH :q ORDER BY {_order(spec, 'rank')} LIMIT :n"
            )
            q = _fts5_query(words)
        else:
            sql = (
                f"SELECT t.id, t.{spec.title}, t.{spec.subtitle}, {when} AS hit_when, "
                f"ts_rank(t.search_vector, q) AS rank "
                f"FROM {spec.table} t {spec.join} CROSS JOIN to_tsquery('dutch', :q) q "
                f"WHERE t.search_vector @@ q ORDER BY {_order(spec, 'rank DESC')} LIMIT :n"
            )
            q = _tsquery(words)
        statement = text(sql).columns(hit_when=spec.when_type())
        if spec.coming_first:
            statement = statement.bindparams(bindparam("now", type_=UTCDateTime()))
            params = {"q": q, "n": limit, "now": now}
        else:
            params = {"q": q, "n": limit}
        rows = session.execute(statement, params).all()
        # bm25: lower is better; flip so that higher is better everywhere.
        hits += [RawHit(kind, r[0], r[1] or "", r[2] or "", r[3],
                        -float(r[4]) if sqlite else float(r[4])) for r in rows]
    # Scores from different tables are not comparable: group by kind (the
    # office's own records first, mail last) and keep each query's order.
    order = {kind: i for i, kind in enumerate(KINDS)}
    hits.sort(key=lambda h: order[h.kind])
    return hits[:limit]


def mail_match(dialect: str, query: str) -> TextClause | None:
    """A WHERE clause on `mails` for the full-text words of `query` (None: no words).

    The same index and query syntax as `search`, for lists that only need ids."""
    words = terms(query)
    if not words:
        return None
    if dialect == "sqlite":
        clause = text("mails.id IN (SELECT rowid FROM mails_fts WHERE mails_fts MATCH :mail_q)")
        return clause.bindparams(mail_q=_fts5_query(words))
    clause = text("mails.search_vector @@ to_tsquery('dutch', :mail_q)")
    return clause.bindparams(mail_q=_tsquery(words))
