"""One search service over mails, people, meetings, agenda items, document
requests, action points and briefs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session, sessionmaker

from kortrijk_cockpit.clock import Clock, SystemClock
from kortrijk_cockpit.store import search as fts


@dataclass(frozen=True)
class SearchHit:
    kind: str  # "mail", "person", "meeting", "agenda_item", "document_request", ...
    ref_id: int
    title: str
    subtitle: str
    when: datetime | date | None = None  # tells hits with the same title apart


class SearchService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock | None = None) -> None:
        self._sessions = sessions
        self._clock = clock or SystemClock()

    def search(self, query: str, *, limit: int = 30) -> list[SearchHit]:
        with self._sessions() as session:
            raw = fts.search(session, query, now=self._clock.now(), limit=limit)
        return [SearchHit(h.kind, h.ref_id, h.title, h.subtitle, h.when) for h in raw]
