"""Discussiefiches: which appointments are external, their fiche's state, and the review.

An appointment is external when it is marked so by hand, or (unmarked) its organiser
writes from outside the city's mail domains, or it carries an external category. The
review is concept → ter nazicht → goedgekeurd, or back to concept with the director's
comments; every step is an AuditEntry (who, when) and a BriefVersion snapshot, so
earlier versions stay readable.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kortrijk_cockpit.changes import Changes, Kind
from kortrijk_cockpit.clock import Clock
from kortrijk_cockpit.domain import AuditEntry, Brief, BriefStatus, BriefVersion, CalendarEvent
from kortrijk_cockpit.errors import ConcurrentEditError, UserFacingError
from kortrijk_cockpit.services.lookup import existing
from kortrijk_cockpit.store.database import STALE_MESSAGE

STATE_LABELS = {None: "geen fiche", BriefStatus.DRAFT: "concept",
                BriefStatus.READY: "ter nazicht", BriefStatus.APPROVED: "goedgekeurd"}
SUBMITTED, APPROVED, SENT_BACK, REOPENED = ("brief_submitted", "brief_approved",
                                            "brief_sent_back", "brief_reopened")
# What a snapshot keeps of a fiche (its people are added as a list).
FIELDS = ("title", "place", "organiser", "director_role", "logistics", "objective",
          "position", "key_messages", "asks_offers", "sensitive_topics", "background",
          "follow_up", "event_type", "comments")
_ADDRESS = re.compile(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)")


@dataclass(frozen=True)
class ExternalRules:
    city_domains: tuple[str, ...] = ("kortrijk.be",)
    categories: tuple[str, ...] = ("Extern",)


def is_external(event: CalendarEvent, rules: ExternalRules) -> bool:
    """Marked by hand wins; else an organiser outside the city's domains or a category."""
    if event.external_mark is not None:
        return event.external_mark
    if event.is_private_block or event.meeting_id is not None:
        return False  # private time, or an overleg of our own
    wanted = {c.casefold() for c in rules.categories}
    if any(c.casefold() in wanted for c in event.categories or ()):
        return True
    found = _ADDRESS.search(event.organizer or "")
    if found is None:
        return False  # no address: the director's own appointment
    domain = found.group(1).casefold()
    return not any(domain == d.casefold() or domain.endswith("." + d.casefold())
                   for d in rules.city_domains)


@dataclass(frozen=True)
class FicheRow:
    """An external appointment and the state of its fiche (Fiches, Vandaag)."""

    event_id: int
    subject: str
    starts_at: datetime
    ends_at: datetime
    location: str
    organiser: str
    brief_id: int | None
    status: BriefStatus | None

    @property
    def state(self) -> str:
        return STATE_LABELS[self.status]


@dataclass(frozen=True)
class VersionLine:
    id: int
    number: int
    created_at: datetime
    actor: str
    step: str
    status: BriefStatus
    comments: str


class BriefService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock,
                 rules: Callable[[], ExternalRules] = ExternalRules, actor: str = "") -> None:
        self._sessions = sessions
        self._clock = clock
        self._rules = rules  # read at each call: the settings dialog may change them
        self._actor = actor

    # -- which appointments ------------------------------------------------------------

    def external_events(self, start: datetime, end: datetime) -> list[FicheRow]:
        """External appointments from `start` to `end`, earliest first, with their fiche."""
        rules = self._rules()
        with self._sessions() as s:
            events = [e for e in s.scalars(
                select(CalendarEvent).where(CalendarEvent.start_at < end,
                                            CalendarEvent.end_at > start,
                                            CalendarEvent.is_cancelled.is_(False))
                .order_by(CalendarEvent.start_at, CalendarEvent.id)) if is_external(e, rules)]
            briefs = _briefs_for(s, [e.id for e in events])
            return [FicheRow(e.id, e.subject, e.start_at, e.end_at, e.location, e.organizer,
                             b.id if b else None, b.status if b else None)
                    for e in events for b in [briefs.get(e.id)]]

    def mark_external(self, event_id: int, external: bool | None) -> Changes:
        """By hand: True or False; None hands it back to the rules."""
        with self._sessions.begin() as s:
            event = existing(s, CalendarEvent, event_id, "Deze afspraak bestaat niet meer.")
            event.external_mark = external
            return Changes.of(Kind.EVENT, updated=[event.id])

    def create_for_event(self, event_id: int) -> tuple[int, Changes]:
        """The fiche of an appointment (the existing one when there is one), with its
        header filled from the appointment."""
        with self._sessions.begin() as s:
            event = existing(s, CalendarEvent, event_id, "Deze afspraak bestaat niet meer.")
            found = _briefs_for(s, [event.id]).get(event.id)
            if found is not None:
                return found.id, Changes()
            brief = Brief(title=event.subject, calendar_event_id=event.id,
                          starts_at=event.start_at, place=event.location,
                          organiser=event.organizer)
            s.add(brief)
            s.flush()
            return brief.id, Changes.of(Kind.BRIEF, created=[brief.id])

    # -- review ------------------------------------------------------------------------

    def submit(self, brief_id: int, version: int | None = None) -> Changes:
        """Concept → ter nazicht."""
        return self._step(brief_id, version, (BriefStatus.DRAFT,), BriefStatus.READY,
                          SUBMITTED, "ter nazicht")

    def approve(self, brief_id: int, version: int | None = None) -> Changes:
        """Ter nazicht (or still concept: he may approve at once) → goedgekeurd."""
        return self._step(brief_id, version, (BriefStatus.DRAFT, BriefStatus.READY),
                          BriefStatus.APPROVED, APPROVED, "goedgekeurd")

    def send_back(self, brief_id: int, comments: str, version: int | None = None) -> Changes:
        """Back to concept with the director's comments (they come back to her)."""
        if not comments.strip():
            raise UserFacingError("Schrijf kort wat er moet veranderen.")
        return self._step(brief_id, version, (BriefStatus.READY, BriefStatus.APPROVED),
                          BriefStatus.DRAFT, SENT_BACK, "terug naar concept",
                          comments=comments.strip())

    def reopen(self, brief_id: int, version: int | None = None) -> Changes:
        """An approved fiche to change again: back to concept (approval must be redone)."""
        return self._step(brief_id, version, (BriefStatus.APPROVED, BriefStatus.READY),
                          BriefStatus.DRAFT, REOPENED, "heropend")

    def versions(self, brief_id: int) -> list[VersionLine]:
        with self._sessions() as s:
            return [VersionLine(v.id, v.number, v.created_at, v.actor, v.step, v.status,
                                v.comments)
                    for v in s.scalars(select(BriefVersion).where(BriefVersion.brief_id
                                                                  == brief_id)
                                       .order_by(BriefVersion.number.desc()))]

    def version_snapshot(self, version_id: int) -> dict[str, Any]:
        with self._sessions() as s:
            return dict(existing(s, BriefVersion, version_id,
                                 "Deze versie bestaat niet meer.").snapshot)

    def _step(self, brief_id: int, version: int | None, allowed: Sequence[BriefStatus],
              to: BriefStatus, action: str, step: str, comments: str = "") -> Changes:
        now = self._clock.now()
        with self._sessions.begin() as s:
            brief = existing(s, Brief, brief_id, "Deze fiche bestaat niet meer.")
            if version is not None and brief.version != version:
                raise ConcurrentEditError(STALE_MESSAGE)
            if brief.status not in allowed:
                raise UserFacingError(f"De fiche \"{brief.title}\" is "
                                      f"{STATE_LABELS[brief.status]}; dat kan nu niet.")
            brief.status = to
            if to is BriefStatus.APPROVED:
                brief.approved_at, brief.approved_by = now, self._actor
            else:
                brief.approved_at, brief.approved_by = None, ""
            if comments:
                brief.comments = comments
            s.flush()
            record_version(s, brief, now, self._actor, step, comments)
            s.add(AuditEntry(at=now, actor=self._actor, action=action, entity="brief",
                             entity_id=brief.id, detail={"step": step, "comments": comments}))
            return Changes.of(Kind.BRIEF, updated=[brief.id])


def record_version(s: Session, brief: Brief, at: datetime, actor: str, step: str,
                   comments: str = "", docx_path: str = "", pdf_path: str = "") -> BriefVersion:
    """A snapshot of the fiche as it stands now (its fields and its people)."""
    last = s.scalar(select(BriefVersion.number).where(BriefVersion.brief_id == brief.id)
                    .order_by(BriefVersion.number.desc()).limit(1)) or 0
    version = BriefVersion(brief_id=brief.id, number=last + 1, created_at=at, actor=actor,
                           status=brief.status, step=step, comments=comments,
                           snapshot=snapshot(brief), docx_path=docx_path, pdf_path=pdf_path)
    s.add(version)
    return version


def snapshot(brief: Brief) -> dict[str, Any]:
    data: dict[str, Any] = {name: getattr(brief, name) for name in FIELDS}
    data["starts_at"] = brief.starts_at.isoformat() if brief.starts_at else None
    data["status"] = brief.status.value
    data["people"] = [{"person_id": p.person_id, "name": p.person.full_name,
                       "function": p.person.function, "open_matters": p.open_matters,
                       "opener": p.opener} for p in brief.people]
    return data


def _briefs_for(s: Session, event_ids: Sequence[int]) -> dict[int, Brief]:
    if not event_ids:
        return {}
    found: dict[int, Brief] = {}
    for brief in s.scalars(select(Brief).where(Brief.calendar_event_id.in_(event_ids))
                           .order_by(Brief.id)):
        found.setdefault(brief.calendar_event_id or 0, brief)  # the first one made
    return found
