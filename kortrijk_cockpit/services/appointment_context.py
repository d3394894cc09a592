"""What the office has for an appointment: its overleg and agenda, its fiche, the
state of its stukken, linked mails and open action points, and whether its
preparation is booked.

Qt-free and read in one short session for a whole period at once (the Agenda's
details panel, the Dagoverzicht and Vandaag all read it), so a week costs a
handful of queries, not a few per appointment. State texts are Dutch: they go
straight to labels and to the director's printout.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Integer, and_, case, func, or_, select
from sqlalchemy.orm import Session, sessionmaker

from kortrijk_cockpit.clock import BRUSSELS, Clock
from kortrijk_cockpit.domain import (
    ActionPoint,
    ActionStatus,
    AgendaItem,
    Brief,
    BriefStatus,
    CalendarEvent,
    DocumentRequest,
    LinkKind,
    Mail,
    MailLink,
    Meeting,
    MeetingStatus,
    RequestStatus,
)

# A "Voorbereiding" block belongs to the appointment it is named after, on the same day.
PREPARATION_PREFIX = "Voorbereiding: "


def preparation_subject(subject: str) -> str:
    return f"{PREPARATION_PREFIX}{subject}"


class PreparationState(enum.StrEnum):
    NOT_NEEDED = "not_needed"  # no fiche and no agenda: nothing to prepare from
    MISSING = "missing"  # a fiche or an agenda, and no block booked before it
    BOOKED = "booked"


@dataclass(frozen=True)
class Linked:
    """A record the appointment leads to, one click away (kind as in RecordDetail)."""

    kind: str  # "meeting", "brief", "mail", "action_point"
    ref_id: int
    title: str


@dataclass(frozen=True)
class Stukken:
    expected: int = 0  # requested, waived ones left out
    received: int = 0
    overdue: int = 0  # requested, past their due date and not in

    def text(self) -> str:
        if not self.expected:
            return "Geen stukken gevraagd"
        text = f"{self.received}/{self.expected} stukken binnen"
        return f"{text}, {self.overdue} te laat" if self.overdue else text


_MEETING_STATUS = {
    MeetingStatus.PLANNED: "agenda nog niet verstuurd",
    MeetingStatus.AGENDA_SENT: "agenda verstuurd",
    MeetingStatus.HELD: "gehouden",
    MeetingStatus.MINUTES_SENT: "verslag verstuurd",
    MeetingStatus.CANCELLED: "geannuleerd",
}
_BRIEF_STATUS = {
    BriefStatus.DRAFT: "in opmaak",
    BriefStatus.READY: "klaar ter goedkeuring",
    BriefStatus.APPROVED: "goedgekeurd",
}


@dataclass(frozen=True)
class AppointmentContext:
    event_id: int
    meeting: Linked | None = None
    meeting_status: MeetingStatus | None = None
    agenda_items: int = 0
    brief: Linked | None = None
    brief_status: BriefStatus | None = None
    stukken: Stukken = field(default_factory=Stukken)
    mails: tuple[Linked, ...] = ()
    action_points: tuple[Linked, ...] = ()  # open ones due at this overleg
    preparation: PreparationState = PreparationState.NOT_NEEDED
    preparation_event_id: int | None = None

    @property
    def has_anything(self) -> bool:
        return bool(self.meeting or self.brief or self.mails or self.action_points)

    def agenda_text(self) -> str:
        if self.meeting is None:
            return "Geen overleg"
        status = _MEETING_STATUS.get(self.meeting_status, "") if self.meeting_status else ""
        points = f"{self.agenda_items} agendapunt{'en' if self.agenda_items != 1 else ''}"
        return f"{points}, {status}" if status else points

    def brief_text(self) -> str:
        if self.brief is None or self.brief_status is None:
            return "Geen fiche"
        return f"Fiche {_BRIEF_STATUS[self.brief_status]}"

    def preparation_text(self) -> str:
        return {PreparationState.NOT_NEEDED: "",
                PreparationState.MISSING: "Geen voorbereiding geboekt",
                PreparationState.BOOKED: "Voorbereiding geboekt"}[self.preparation]


_OPEN_ACTIONS = (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)


class AppointmentContextService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock) -> None:
        self._sessions = sessions
        self._clock = clock

    def context(self, event_id: int) -> AppointmentContext:
        return self.contexts([event_id]).get(event_id, AppointmentContext(event_id))

    def contexts(self, event_ids: Iterable[int]) -> dict[int, AppointmentContext]:
        """Per appointment id; ids that no longer exist are left out. A private
        appointment gets an empty context: the office keeps nothing for it."""
        ids = sorted(set(event_ids))
        if not ids:
            return {}
        with self._sessions() as s:
            return _Reader(s, self._clock.now()).read(ids)


class _Reader:
    """One period's contexts, each kind of record read once for all its appointments."""

    def __init__(self, s: Session, now: datetime) -> None:
        self.s, self.now = s, now

    def read(self, ids: Sequence[int]) -> dict[int, AppointmentContext]:
        s = self.s
        events = list(s.scalars(select(CalendarEvent).where(CalendarEvent.id.in_(ids))))
        public = [e for e in events if not e.is_private_block]
        at_same_time = self._meetings_at([e for e in public if not e.meeting_id])
        meeting_of = {e.id: e.meeting_id or at_same_time.get(_utc(e.start_at)) for e in public}
        meetings = self._meetings({m for m in meeting_of.values() if m})
        items = self._agenda_items(list(meetings))
        briefs = self._briefs(public)
        stukken = self._stukken(items)
        actions = self._actions(meetings)
        mails = self._mails(items, briefs, actions)
        prepared = self._preparations(public)
        found: dict[int, AppointmentContext] = {}
        for event in events:
            if event.is_private_block:
                found[event.id] = AppointmentContext(event.id)
                continue
            meeting_id = meeting_of.get(event.id)
            meeting = meetings.get(meeting_id) if meeting_id else None
            brief = briefs.get(event.id)
            own_items = items.get(meeting.id, []) if meeting else []
            own_actions = actions.get(meeting.id, []) if meeting else []
            linked_mails = _unique([
                *(m for b in ([brief] if brief else []) for m in mails.get(("b", b.id), [])),
                *(m for i in own_items for m in mails.get(("i", i), [])),
                *(m for a in own_actions for m in mails.get(("a", a.ref_id), [])),
            ])
            needs = bool(brief or (meeting and own_items))
            block = prepared.get(event.id)
            found[event.id] = AppointmentContext(
                event_id=event.id,
                meeting=Linked("meeting", meeting.id, meeting.title) if meeting else None,
                meeting_status=meeting.status if meeting else None,
                agenda_items=len(own_items),
                brief=Linked("brief", brief.id, brief.title) if brief else None,
                brief_status=brief.status if brief else None,
                stukken=_sum(stukken.get(i, Stukken()) for i in own_items),
                mails=tuple(linked_mails),
                action_points=tuple(own_actions),
                preparation=(PreparationState.BOOKED if block else PreparationState.MISSING)
                if needs else PreparationState.NOT_NEEDED,
                preparation_event_id=block,
            )
        return found

    def _meetings(self, ids: set[int]) -> dict[int, Meeting]:
        if not ids:
            return {}
        return {m.id: m for m in self.s.scalars(select(Meeting).where(Meeting.id.in_(ids)))}

    def _agenda_items(self, meeting_ids: list[int]) -> dict[int, list[int]]:
        """Per meeting, its agenda items' ids in agenda order."""
        found: dict[int, list[int]] = {m: [] for m in meeting_ids}
        if meeting_ids:
            rows = self.s.execute(select(AgendaItem.meeting_id, AgendaItem.id)
                                  .where(AgendaItem.meeting_id.in_(meeting_ids))
                                  .order_by(AgendaItem.position, AgendaItem.id))
            for meeting_id, item_id in rows:
                found[meeting_id].append(item_id)
        return found

    def _meetings_at(self, events: list[CalendarEvent]) -> dict[datetime, int]:
        """An appointment not linked to an overleg is the overleg that starts at the
        same moment (a synced MAT or DC, made in Outlook)."""
        starts = {e.start_at for e in events if not e.is_all_day}
        if not starts:
            return {}
        rows = self.s.execute(select(Meeting.starts_at, Meeting.id)
                              .where(Meeting.starts_at.in_(starts),
                                     Meeting.status != MeetingStatus.CANCELLED)
                              .order_by(Meeting.id))
        found: dict[datetime, int] = {}
        for start, meeting_id in rows:
            found.setdefault(_utc(start), meeting_id)
        return found

    def _briefs(self, events: list[CalendarEvent]) -> dict[int, Brief]:
        """Per appointment, its fiche: linked to it, or else a fiche not linked to any
        appointment that starts at the same moment under the same title."""
        if not events:
            return {}
        found: dict[int, Brief] = {}
        for brief in self.s.scalars(select(Brief).where(
                Brief.calendar_event_id.in_([e.id for e in events])).order_by(Brief.id)):
            found.setdefault(brief.calendar_event_id or 0, brief)  # the first one made
        loose = [e for e in events if e.id not in found]
        if loose:
            by_moment: dict[tuple[datetime, str], Brief] = {}
            for brief in self.s.scalars(select(Brief).where(
                    Brief.calendar_event_id.is_(None),
                    Brief.starts_at.in_({e.start_at for e in loose})).order_by(Brief.id)):
                if brief.starts_at is not None:
                    by_moment.setdefault((_utc(brief.starts_at), _key(brief.title)), brief)
            for event in loose:
                brief = by_moment.get((_utc(event.start_at), _key(event.subject)))
                if brief is not None:
                    found[event.id] = brief
        return found

    def _stukken(self, items: dict[int, list[int]]) -> dict[int, Stukken]:
        """Per agenda item: how many stukken are expected, in, and late."""
        item_ids = [i for ids in items.values() for i in ids]
        if not item_ids:
            return {}
        late = and_(DocumentRequest.status == RequestStatus.REQUESTED,
                    DocumentRequest.due_at < self.now)
        rows = self.s.execute(
            select(DocumentRequest.agenda_item_id, func.count(),
                   func.sum(_flag(DocumentRequest.status == RequestStatus.RECEIVED)),
                   func.sum(_flag(late)))
            .where(DocumentRequest.agenda_item_id.in_(item_ids),
                   DocumentRequest.status != RequestStatus.WAIVED)
            .group_by(DocumentRequest.agenda_item_id))
        return {item: Stukken(int(total), int(received or 0), int(overdue or 0))
                for item, total, received, overdue in rows}

    def _actions(self, meetings: dict[int, Meeting]) -> dict[int, list[Linked]]:
        """Per meeting, the open action points that come back at it: aimed at this
        meeting, or at its series without a meeting chosen yet."""
        found: dict[int, list[Linked]] = {m: [] for m in meetings}
        if not meetings:
            return found
        by_series: dict[int, list[int]] = {}
        for meeting in meetings.values():
            if meeting.series_id is not None:
                by_series.setdefault(meeting.series_id, []).append(meeting.id)
        rows = self.s.execute(
            select(ActionPoint.id, ActionPoint.title, ActionPoint.target_meeting_id,
                   ActionPoint.target_series_id)
            .where(ActionPoint.status.in_(_OPEN_ACTIONS),
                   or_(ActionPoint.target_meeting_id.in_(list(meetings)),
                       and_(ActionPoint.target_meeting_id.is_(None),
                            ActionPoint.target_series_id.in_(list(by_series)))))
            .order_by(ActionPoint.due_date, ActionPoint.id))
        for ap_id, title, meeting_id, series_id in rows:
            targets = [meeting_id] if meeting_id else _first(by_series.get(series_id, []),
                                                             meetings)
            for target in targets:
                found[target].append(Linked("action_point", ap_id, title))
        return found

    def _mails(self, items: dict[int, list[int]], briefs: dict[int, Brief],
               actions: dict[int, list[Linked]]) -> dict[tuple[str, int], list[Linked]]:
        """Mails handed on to each brief ("b"), agenda item ("i") or action point ("a")."""
        wanted = {
            LinkKind.BRIEF: ("b", [b.id for b in briefs.values()]),
            LinkKind.AGENDA_ITEM: ("i", [i for ids in items.values() for i in ids]),
            LinkKind.ACTION_POINT: ("a", [a.ref_id for ids in actions.values() for a in ids]),
        }
        clauses = [and_(MailLink.target_kind == kind, MailLink.target_id.in_(ids))
                   for kind, (_key, ids) in wanted.items() if ids]
        if not clauses:
            return {}
        rows = self.s.execute(
            select(MailLink.target_kind, MailLink.target_id, Mail.id, Mail.subject)
            .join(Mail, Mail.id == MailLink.mail_id).where(or_(*clauses))
            .order_by(Mail.received_at, Mail.id))
        found: dict[tuple[str, int], list[Linked]] = {}
        for kind, target, mail_id, subject in rows:
            key = wanted[LinkKind(kind)][0]
            found.setdefault((key, target), []).append(
                Linked("mail", mail_id, subject or "(zonder onderwerp)"))
        return found

    def _preparations(self, events: list[CalendarEvent]) -> dict[int, int]:
        """Per appointment, its booked "Voorbereiding" block: named after it, not
        cancelled, ending at or before its start on the same day."""
        if not events:
            return {}
        subjects = {preparation_subject(e.subject) for e in events}
        first = min(e.start_at for e in events)
        blocks = list(self.s.scalars(
            select(CalendarEvent).where(CalendarEvent.subject.in_(subjects),
                                        CalendarEvent.is_cancelled.is_(False),
                                        CalendarEvent.end_at <= max(e.start_at for e in events),
                                        CalendarEvent.start_at >= _day_start(first))))
        found: dict[int, int] = {}
        for event in events:
            day = event.start_at.astimezone(BRUSSELS).date()
            for block in blocks:
                if (block.subject == preparation_subject(event.subject)
                        and block.end_at <= event.start_at
                        and block.start_at.astimezone(BRUSSELS).date() == day):
                    found[event.id] = block.id
                    break
        return found


def _flag(condition: Any) -> Any:
    return case((condition, 1), else_=0).cast(Integer)


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


def _key(title: str) -> str:
    return " ".join(title.casefold().split())


def _first(meeting_ids: list[int], meetings: dict[int, Meeting]) -> list[int]:
    """An action point aimed at a series comes back at its first meeting shown."""
    return sorted(meeting_ids, key=lambda m: meetings[m].starts_at)[:1]


def _sum(parts: Iterable[Stukken]) -> Stukken:
    expected = received = overdue = 0
    for part in parts:
        expected += part.expected
        received += part.received
        overdue += part.overdue
    return Stukken(expected, received, overdue)


def _unique(records: Iterable[Linked]) -> list[Linked]:
    seen: set[int] = set()
    found: list[Linked] = []
    for record in records:
        if record.ref_id not in seen:
            seen.add(record.ref_id)
            found.append(record)
    return found


def _day_start(moment: datetime) -> datetime:
    local = moment.astimezone(BRUSSELS)
    return local.replace(hour=0, minute=0, second=0, microsecond=0)
