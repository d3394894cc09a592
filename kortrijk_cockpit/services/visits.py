"""Visits and tours: mark an appointment, keep its checklist, follow it up.

An item's date follows its appointment (a number of working days before or
after it) until she picks one herself, so moving the appointment moves the
dates with it and loses nothing. A cancelled appointment keeps its checklist,
shown as "afspraak geannuleerd".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from kortrijk_cockpit.changes import Changes, Kind
from kortrijk_cockpit.clock import BRUSSELS, Clock
from kortrijk_cockpit.demo_office.rhythm import is_working_day
from kortrijk_cockpit.domain import (
    ActionPoint,
    ActionStatus,
    CalendarEvent,
    Meeting,
    MeetingSeries,
    Person,
    Visit,
    VisitChecklistItem,
    VisitKind,
    VisitTemplateItem,
)
from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.services.action_points import meeting_label
from kortrijk_cockpit.services.carry_over import turn

CANCELLED_NOTE = "afspraak geannuleerd"
VISITS_SERIES = "bezoeken"  # Opvolging's series filter: the checklists as one "series"
KIND_LABELS = {VisitKind.VISIT: "Bezoek", VisitKind.TOUR: "Rondleiding"}
_OPEN_STATUSES = [ActionStatus.OPEN, ActionStatus.IN_PROGRESS]
# Opvolging lists two kinds of rows in one model: keys apart by parity.
_ACTION_KEY_OFFSET = 1


def shift_working_days(day: date, offset: int) -> date:
    """`offset` working days after `day` (before it when negative); 0 is the day itself."""
    step = 1 if offset > 0 else -1
    left = abs(offset)
    while left:
        day += timedelta(days=step)
        if is_working_day(day):
            left -= 1
    return day


def item_key(item_id: int) -> int:
    return item_id * 2


def action_key(action_id: int) -> int:
    return action_id * 2 + _ACTION_KEY_OFFSET


@dataclass(frozen=True)
class TemplateLine:
    label: str
    offset_days: int
    id: int | None = None  # None: new


@dataclass(frozen=True)
class ChecklistItem:
    id: int
    label: str
    owner_name: str
    owner_person_id: int | None
    offset_days: int
    due_date: date
    due_is_chosen: bool
    done: bool
    note: str

    @property
    def filled_in(self) -> bool:
        return self.done or bool(self.owner_name or self.note or self.due_is_chosen)


@dataclass(frozen=True)
class Checklist:
    visit_id: int
    event_id: int | None
    kind: VisitKind
    subject: str
    start_at: datetime
    cancelled: bool
    items: tuple[ChecklistItem, ...]

    @property
    def has_progress(self) -> bool:
        return any(i.filled_in for i in self.items)


@dataclass(frozen=True)
class FollowupRow:
    """One line in Opvolging: an open checklist item or (read-only) an open action point."""

    key: int
    what: str
    context: str  # the appointment (or where an action point comes from)
    context_date: date | None
    owner: str
    due_date: date | None
    overdue: bool
    event_id: int | None  # a checklist item's appointment; None for an action point
    cancelled: bool
    is_action_point: bool
    done: bool = False  # ticked off in the list: kept there (greyed) until the next load
    visit_id: int | None = None  # its checklist, also once the appointment is gone
    series: str = VISITS_SERIES  # an action point's overleg code (MAT, DC, ...); "" if none
    status: ActionStatus = ActionStatus.OPEN  # a checklist item is open or done
    # An action point's own: its id and version (for a safe edit), where it was born
    # ("MAT 05/01/2027") and where it comes back next.
    action_point_id: int | None = None
    version: int = 0
    origin: str = ""
    comes_back_at: str = ""


@dataclass(frozen=True)
class VisitWrite:
    visit_id: int
    changes: Changes


class VisitService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock) -> None:
        self._sessions = sessions
        self._clock = clock

    # -- the template ----------------------------------------------------------
    def template(self, kind: VisitKind) -> tuple[TemplateLine, ...]:
        with self._sessions() as s:
            return tuple(TemplateLine(r.label, r.offset_days, r.id) for r in s.scalars(
                select(VisitTemplateItem).where(VisitTemplateItem.kind == kind)
                .order_by(VisitTemplateItem.position, VisitTemplateItem.id)))

    def save_template(self, kind: VisitKind, lines: Sequence[TemplateLine]) -> None:
        """The template as she left it: in this order, the rest removed.

        Existing checklists keep their items: a template only shapes new ones.
        """
        labels = [line.label.strip() for line in lines]
        if any(not label for label in labels):
            raise UserFacingError("Elk punt van de checklist heeft een naam nodig.")
        with self._sessions.begin() as s:
            rows = {r.id: r for r in s.scalars(
                select(VisitTemplateItem).where(VisitTemplateItem.kind == kind))}
            kept: set[int] = set()
            for position, (line, label) in enumerate(zip(lines, labels, strict=True)):
                row = rows.get(line.id) if line.id is not None else None
                if row is None:
                    row = VisitTemplateItem(kind=kind)
                    s.add(row)
                else:
                    kept.add(row.id)
                row.label, row.offset_days, row.position = label, line.offset_days, position
            for row_id, row in rows.items():
                if row_id not in kept:
                    s.delete(row)

    # -- a visit's checklist ---------------------------------------------------
    def checklist(self, event_id: int) -> Checklist | None:
        with self._sessions() as s:
            visit = s.scalar(select(Visit).where(Visit.event_id == event_id))
            return None if visit is None else self._checklist(s, visit)

    def checklist_of_visit(self, visit_id: int) -> Checklist | None:
        """By the visit itself: its appointment may be gone (cancelled, then removed)."""
        with self._sessions() as s:
            visit = s.get(Visit, visit_id)
            return None if visit is None else self._checklist(s, visit)

    def mark(self, event_id: int, kind: VisitKind) -> VisitWrite:
        """Make it a visit or tour with a fresh checklist; a marked one only changes kind."""
        with self._sessions.begin() as s:
            event = s.get(CalendarEvent, event_id)
            if event is None:
                raise UserFacingError("Deze afspraak bestaat niet meer.")
            if event.is_private_block:
                raise UserFacingError("Een privé-afspraak kan geen bezoek of rondleiding zijn.")
            visit = s.scalar(select(Visit).where(Visit.event_id == event_id))
            if visit is not None:
                visit.kind = kind
                s.flush()
                ids = s.scalars(select(VisitChecklistItem.id)
                                .where(VisitChecklistItem.visit_id == visit.id))
                return VisitWrite(visit.id, Changes.of(Kind.VISIT_ITEM, updated=ids))
            visit = Visit(event_id=event_id, kind=kind, subject=event.subject,
                          start_at=event.start_at, created_at=self._clock.now())
            s.add(visit)
            s.flush()
            items = [VisitChecklistItem(visit_id=visit.id, position=t.position, label=t.label,
                                        offset_days=t.offset_days, owner_name="", note="",
                                        done=False)
                     for t in s.scalars(select(VisitTemplateItem)
                                        .where(VisitTemplateItem.kind == kind)
                                        .order_by(VisitTemplateItem.position))]
            s.add_all(items)
            s.flush()
            return VisitWrite(visit.id, Changes.of(Kind.VISIT_ITEM, created=[i.id for i in items]))

    def unmark(self, event_id: int) -> Changes:
        """No longer a visit or tour: its checklist goes (the UI asks first when filled in)."""
        with self._sessions.begin() as s:
            visit = s.scalar(select(Visit).where(Visit.event_id == event_id))
            if visit is None:
                return Changes()
            ids = list(s.scalars(select(VisitChecklistItem.id)
                                 .where(VisitChecklistItem.visit_id == visit.id)))
            s.delete(visit)
            return Changes.of(Kind.VISIT_ITEM, removed=ids)

    def update_item(self, item_id: int, *, owner_name: str | None = None,
                    due_date: date | None = None, clear_due_date: bool = False,
                    done: bool | None = None, note: str | None = None) -> Changes:
        """Change what she changed; an owner who is a known person is linked to them."""
        with self._sessions.begin() as s:
            item = s.get(VisitChecklistItem, item_id)
            if item is None:
                raise UserFacingError("Dit punt van de checklist bestaat niet meer.")
            if owner_name is not None:
                item.owner_name = owner_name.strip()
                item.owner_person_id = s.scalar(select(Person.id).where(
                    func.lower(Person.full_name) == item.owner_name.lower()).limit(1)) \
                    if item.owner_name else None
            if clear_due_date:
                item.due_date = None
            elif due_date is not None:
                item.due_date = due_date
            if done is not None:
                item.done = done
            if note is not None:
                item.note = note
            visit = s.get(Visit, item.visit_id)
            event = s.get(CalendarEvent, visit.event_id) if visit and visit.event_id else None
            if visit is not None and event is not None:  # keep the copy current
                visit.subject, visit.start_at = event.subject, event.start_at
            return Changes.of(Kind.VISIT_ITEM, updated=[item_id])

    def people_names(self) -> list[str]:
        """Whom an item can be given to, besides anyone typed in freely."""
        with self._sessions() as s:
            return list(s.scalars(select(Person.full_name).order_by(Person.full_name)))

    # -- Opvolging -------------------------------------------------------------
    def open_items(self, *, include_done: bool = False) -> list[FollowupRow]:
        """Open checklist items and open action points, soonest first (with the finished
        ones too when asked: Opvolging's "ook afgewerkte")."""
        with self._sessions() as s:
            items = select(VisitChecklistItem)
            statuses = [*_OPEN_STATUSES, ActionStatus.DONE] if include_done else _OPEN_STATUSES
            rows = self._item_rows(s, items if include_done
                                   else items.where(VisitChecklistItem.done.is_(False)))
            actions = list(s.scalars(select(ActionPoint).where(ActionPoint.status.in_(statuses))))
            rows += self._action_rows(s, actions)
        return sorted(rows, key=lambda r: (r.due_date or date.max, r.key))

    def rows_for_items(self, item_ids: Iterable[int]) -> dict[int, FollowupRow | None]:
        """Opvolging's rows for these items as they are now (None: gone); a done
        item stays, so Space again undoes it."""
        wanted = list(item_ids)
        found: dict[int, FollowupRow | None] = {item_key(i): None for i in wanted}
        with self._sessions() as s:
            for row in self._item_rows(s, select(VisitChecklistItem).where(
                    VisitChecklistItem.id.in_(wanted))):
                found[row.key] = row
        return found

    def rows_for_actions(self, action_ids: Iterable[int]) -> dict[int, FollowupRow | None]:
        wanted = list(action_ids)
        found: dict[int, FollowupRow | None] = {action_key(i): None for i in wanted}
        with self._sessions() as s:
            # A point finished here stays (struck through) until the next load.
            actions = [a for a in s.scalars(select(ActionPoint).where(ActionPoint.id.in_(wanted)))
                       if a.status in (*_OPEN_STATUSES, ActionStatus.DONE)]
            for row in self._action_rows(s, actions):
                found[row.key] = row
        return found

    def item_ids_for_events(self, event_ids: Iterable[int]) -> list[int]:
        with self._sessions() as s:
            return list(s.scalars(select(VisitChecklistItem.id).join(Visit).where(
                Visit.event_id.in_(list(event_ids)))))

    # -- helpers ---------------------------------------------------------------
    def today(self) -> date:
        """The office's today (Opvolging's "deze week" counts from it)."""
        return self._today()

    def _today(self) -> date:
        return self._clock.now().astimezone(BRUSSELS).date()

    def _item_rows(self, s: Session, query: object) -> list[FollowupRow]:
        items = list(s.scalars(query))  # type: ignore[call-overload]
        visits = {v.id: v for v in s.scalars(select(Visit).where(
            Visit.id.in_({i.visit_id for i in items})))}
        events = {e.id: e for e in s.scalars(select(CalendarEvent).where(
            CalendarEvent.id.in_({v.event_id for v in visits.values() if v.event_id})))}
        today = self._today()
        rows = []
        for item in items:
            visit = visits[item.visit_id]
            subject, start, cancelled = _appointment(visit, events.get(visit.event_id or 0))
            due = _due(item, start)
            context = f"{KIND_LABELS[visit.kind]}: {subject}"
            rows.append(FollowupRow(
                key=item_key(item.id), what=item.label,
                context=f"{context} ({CANCELLED_NOTE})" if cancelled else context,
                context_date=start.astimezone(BRUSSELS).date(), owner=item.owner_name,
                due_date=due, overdue=due < today and not item.done, event_id=visit.event_id,
                cancelled=cancelled, is_action_point=False, done=item.done,
                visit_id=visit.id,
                status=ActionStatus.DONE if item.done else ActionStatus.OPEN))
        return rows

    def _action_rows(self, s: Session, actions: list[ActionPoint]) -> list[FollowupRow]:
        # Its series: where it is followed up, else the overleg it came from.
        codes = {i: c for i, c in s.execute(select(MeetingSeries.id, MeetingSeries.code))}
        origin_ids = {a.origin_meeting_id for a in actions if a.origin_meeting_id}
        origins = {m.id: m for m in s.scalars(select(Meeting).where(Meeting.id.in_(origin_ids)))}
        now = self._clock.now()
        rows = []
        for a in actions:
            origin = origins.get(a.origin_meeting_id or 0)
            series = codes.get(a.target_series_id or (origin.series_id if origin else 0) or 0, "")
            back = turn(s, a, now) if a.status in _OPEN_STATUSES else None
            rows.append(self._action_row(a, series, meeting_label(origin) if origin else "",
                                         meeting_label(back) if back else ""))
        return rows

    def _action_row(self, action: ActionPoint, series: str, origin: str,
                    back: str) -> FollowupRow:
        due = action.due_date
        done = action.status == ActionStatus.DONE
        context = f"Actiepunt {series}".strip()
        return FollowupRow(key=action_key(action.id), what=action.title,
                           context=f"{context}, uit {origin}" if origin else context,
                           context_date=None, owner=action.owner_name, due_date=due,
                           overdue=due is not None and due < self._today() and not done,
                           event_id=None, cancelled=False, is_action_point=True, done=done,
                           series=series, status=action.status, action_point_id=action.id,
                           version=action.version, origin=origin, comes_back_at=back)

    def _checklist(self, s: Session, visit: Visit) -> Checklist:
        event = s.get(CalendarEvent, visit.event_id) if visit.event_id else None
        subject, start, cancelled = _appointment(visit, event)
        items = s.scalars(select(VisitChecklistItem)
                          .where(VisitChecklistItem.visit_id == visit.id)
                          .order_by(VisitChecklistItem.position, VisitChecklistItem.id))
        return Checklist(
            visit_id=visit.id, event_id=visit.event_id, kind=visit.kind, subject=subject,
            start_at=start, cancelled=cancelled,
            items=tuple(ChecklistItem(
                id=i.id, label=i.label, owner_name=i.owner_name,
                owner_person_id=i.owner_person_id, offset_days=i.offset_days,
                due_date=_due(i, start), due_is_chosen=i.due_date is not None, done=i.done,
                note=i.note) for i in items))


def _appointment(visit: Visit, event: CalendarEvent | None) -> tuple[str, datetime, bool]:
    """Subject, start and whether it is cancelled: from the appointment while it exists."""
    if event is None:
        return visit.subject, visit.start_at, True
    return event.subject, event.start_at, event.is_cancelled


def _due(item: VisitChecklistItem, start: datetime) -> date:
    if item.due_date is not None:
        return item.due_date
    return shift_working_days(start.astimezone(BRUSSELS).date(), item.offset_days)


def item_id_of(key: int) -> int:
    """The checklist item behind an Opvolging key (see `item_key`)."""
    return key // 2
