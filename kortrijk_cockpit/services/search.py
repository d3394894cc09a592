"""One search service over mails, people, meetings, agenda items, action points, briefs."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session, sessionmaker

from kortrijk_cockpit.store import search as fts


@dataclass(frozen=True)
class SearchHit:
    kind: str  # "mail", "person", "meeting", "agenda_item", "action_point", "brief"
    ref_id: int
    title: str
    subtitle: str


class SearchService:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def search(self, query: str, *, limit: int = 30) -> list[SearchHit]:
        with self._sessions() as session:
            raw = fts.search(session, query, limit=limit)
        return [SearchHit(h.kind, h.ref_id, h.title, h.subtitle) for h in raw]
