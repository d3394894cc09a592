"""Full-text queries: FTS5 on SQLite, tsvector ('dutch') on PostgreSQL.

The indexes themselves are made by migration 0002; this module only reads
them. Each kind of record maps to its table and the columns shown in a hit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session


@dataclass(frozen=True)
class IndexedKind:
    table: str
    title: str
    subtitle: str


KINDS: dict[str, IndexedKind] = {
    "person": IndexedKind("people", "full_name", "function"),
    "meeting": IndexedKind("meetings", "title", "location"),
    "agenda_item": IndexedKind("agenda_items", "title", "owner_name"),
    "action_point": IndexedKind("action_points", "title", "owner_name"),
    "brief": IndexedKind("briefs", "title", "place"),
    "mail": IndexedKind("mails", "subject", "sender_name"),
}

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class RawHit:
    kind: str
    ref_id: int
    title: str
    subtitle: str
    rank: float


def terms(query: str) -> list[str]:
    """The words of a user's query; punctuation and operators are dropped."""
    return _WORD.findall(query)[:12]


def _fts5_query(words: list[str]) -> str:
    # Every word quoted (so FTS5 syntax in the input is inert) and prefix-matched.
    return " ".join(f'"{w}"*' for w in words)


def _tsquery(words: list[str]) -> str:
    return " & ".join(f"{w}:*" for w in words)


def search(session: Session, query: str, *, limit: int = 30) -> list[RawHit]:
    words = terms(query)
    if not words:
        return []
    dialect = session.get_bind().dialect.name
    hits: list[RawHit] = []
    for kind, spec in KINDS.items():
        if dialect == "sqlite":
            sql = text(
                f"SELECT t.id, t.{spec.title}, t.{spec.subtitle}, bm25({spec.table}_fts) AS rank "
                f"FROM {spec.table}_fts JOIN {spec.table} t ON t.id = {spec.table}_fts.rowid "
                f"WHERE {spec.table}_fts MATCH :q ORDER BY rank LIMIT :n"
            )
            rows = session.execute(sql, {"q": _fts5_query(words), "n": limit}).all()
            # bm25: lower is better; flip so that higher is better everywhere.
            hits += [RawHit(kind, r[0], r[1] or "", r[2] or "", -float(r[3])) for r in rows]
        else:
            sql = text(
                f"SELECT t.id, t.{spec.title}, t.{spec.subtitle}, "
                f"ts_rank(t.search_vector, q) AS rank "
                f"FROM {spec.table} t, to_tsquery('dutch', :q) q "
                f"WHERE t.search_vector @@ q ORDER BY rank DESC LIMIT :n"
            )
            rows = session.execute(sql, {"q": _tsquery(words), "n": limit}).all()
            hits += [RawHit(kind, r[0], r[1] or "", r[2] or "", float(r[3])) for r in rows]
    # Scores from different tables are not comparable, and mail outnumbers
    # everything else: show the office's own records first, then mail, each
    # group best match first.
    order = {kind: i for i, kind in enumerate(KINDS)}
    hits.sort(key=lambda h: (h.kind == "mail", order[h.kind], -h.rank))
    return hits[:limit]
