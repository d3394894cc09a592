"""What the director reads: his external appointments of this and next week, each fiche
as it stands, and (for Vandaag) the coming week's appointments with what needs doing.

Qt-free; the Briefings window and the Vandaag tile render these values.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload, sessionmaker

from kortrijk_cockpit.clock import BRUSSELS, Clock
from kortrijk_cockpit.domain import Brief, BriefPerson, BriefStatus, BriefVersion, CalendarEvent
from kortrijk_cockpit.services.brief_editing import sections_for
from kortrijk_cockpit.services.briefs import BriefService, FicheRow
from kortrijk_cockpit.services.lookup import existing

ALERT_DAYS = 3  # an appointment this close without an approved fiche needs her now
OUTLOOK_DAYS = 7
SENT_BACK_STEP = "terug naar concept"  # the step BriefService.send_back records


@dataclass(frozen=True)
class FichePerson:
    name: str
    function: str
    organisation: str
    mandate: str
    open_matters: str
    opener: str


@dataclass(frozen=True)
class FicheText:
    """A fiche as the director reads it (the Briefings window's pane)."""

    brief_id: int
    version: int  # the row version: a stale approval is refused
    title: str
    starts_at: datetime | None
    place: str
    organiser: str
    director_role: str
    status: BriefStatus
    objective: str
    key_messages: str
    position: str
    asks_offers: str
    sensitive_topics: str
    background: str
    logistics: str
    follow_up: str
    comments: str
    people: tuple[FichePerson, ...]


@dataclass(frozen=True)
class DirectorComment:
    """A fiche he sent back; her to-do until she submits it again."""

    brief_id: int
    title: str
    comments: str
    actor: str


@dataclass(frozen=True)
class ExternalOutlook:
    """Vandaag's "Externe afspraken": the coming week and what needs doing."""

    rows: tuple[FicheRow, ...] = ()
    unapproved_soon: int = 0  # within ALERT_DAYS and no approved fiche
    sent_back: tuple[DirectorComment, ...] = ()


def week_start(day: date) -> datetime:
    """Monday 00:00 (Brussels) of the week of `day`."""
    return datetime.combine(day - timedelta(days=day.weekday()), time.min, BRUSSELS)


class BriefingService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock,
                 briefs: BriefService,
                 sections: Callable[[], Mapping[str, Sequence[str]]] = dict) -> None:
        self._sessions = sessions
        self._clock = clock
        self._briefs = briefs
        self._sections = sections  # Settings.fiche_sections: what an event type shows

    def two_weeks(self) -> list[FicheRow]:
        """This week's and next week's external appointments, earliest first."""
        start = week_start(self._clock.now().astimezone(BRUSSELS).date())
        return self._briefs.external_events(start, start + timedelta(days=14))

    def fiche(self, brief_id: int) -> FicheText:
        with self._sessions() as s:
            brief = existing(s, Brief, brief_id, "Deze fiche bestaat niet meer.")
            people = s.scalars(select(BriefPerson).where(BriefPerson.brief_id == brief.id)
                               .options(selectinload(BriefPerson.person))
                               .order_by(BriefPerson.position, BriefPerson.id))
            # He reads what the event type shows, as in the published fiche.
            shown = set(sections_for(brief.event_type, self._sections()))

            def text(section: str) -> str:
                return str(getattr(brief, section)) if section in shown else ""

            return FicheText(
                brief.id, brief.version, brief.title, brief.starts_at, brief.place,
                brief.organiser, brief.director_role, brief.status, text("objective"),
                text("key_messages"), text("position"), text("asks_offers"),
                text("sensitive_topics"), text("background"), brief.logistics,
                text("follow_up"), brief.comments,
                tuple(FichePerson(p.person.full_name, p.person.function,
                                  p.person.organisation.name if p.person.organisation else "",
                                  p.person.mandate, p.open_matters, p.opener)
                      for p in people) if "people" in shown else ())

    def outlook(self) -> ExternalOutlook:
        now = self._clock.now()
        rows = tuple(self._briefs.external_events(now, now + timedelta(days=OUTLOOK_DAYS)))
        soon = now + timedelta(days=ALERT_DAYS)
        unapproved = sum(1 for r in rows
                         if r.starts_at < soon and r.status is not BriefStatus.APPROVED)
        return ExternalOutlook(rows, unapproved, tuple(self._sent_back(now)))

    def _sent_back(self, now: datetime) -> list[DirectorComment]:
        """Concept fiches of coming appointments whose last step was his "send back"."""
        with self._sessions() as s:
            briefs = list(s.scalars(
                select(Brief).join(CalendarEvent, CalendarEvent.id == Brief.calendar_event_id)
                .where(Brief.status == BriefStatus.DRAFT, CalendarEvent.end_at > now)
                .order_by(CalendarEvent.start_at, Brief.id)))
            found: list[DirectorComment] = []
            for brief in briefs:
                last = s.scalars(select(BriefVersion).where(BriefVersion.brief_id == brief.id)
                                 .order_by(BriefVersion.number.desc()).limit(1)).first()
                if last is not None and last.step == SENT_BACK_STEP:
                    found.append(DirectorComment(brief.id, brief.title, last.comments,
                                                 last.actor))
            return found
