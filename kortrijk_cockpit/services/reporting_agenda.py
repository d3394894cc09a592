"""Reporting milestones on the MAT/DC agenda: each "Op het MAT/DC tegen" becomes an item in
the section "BBC en rapportering" of the MAT or DC on that day, or of the last one before
it still to come. The milestone keeps the meeting and the item, so placing again adds
nothing twice. Qt-free; the write returns its `Changes`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kortrijk_cockpit.changes import Changes, Kind
from kortrijk_cockpit.clock import BRUSSELS, Clock
from kortrijk_cockpit.domain import MilestoneKind, ReportingCycle, ReportingMilestone
from kortrijk_cockpit.domain.meetings import (
    AgendaItem,
    AgendaItemKind,
    Meeting,
    MeetingSeries,
    MeetingStatus,
)
from kortrijk_cockpit.services.meeting_agenda import insert_item, ordered_items
from kortrijk_cockpit.services.reporting_plan import spoken
from kortrijk_cockpit.services.theme_plan import section_for

MATDC_CODES = ("MAT", "DC")
SECTION = "BBC en rapportering"


@dataclass(frozen=True)
class PlacedMilestone:
    milestone_id: int
    meeting_id: int
    item_id: int
    meeting_title: str
    starts_at: datetime


@dataclass(frozen=True)
class Placement:
    changes: Changes = field(default_factory=Changes)
    placed: tuple[PlacedMilestone, ...] = ()
    # Dutch, one line per milestone without a meeting to go on
    unplaced: tuple[str, ...] = ()


class ReportingAgendaService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock) -> None:
        self._sessions = sessions
        self._clock = clock

    def place_milestones(self, cycle_ids: Sequence[int] | None = None) -> Placement:
        """Every MAT/DC milestone still to come (of these cycles, or of all) not on an
        agenda yet goes on one; those already there stay where they are."""
        now = self._clock.now()
        today = now.astimezone(BRUSSELS).date()
        with self._sessions.begin() as s:
            query = (select(ReportingMilestone).join(ReportingCycle)
                     .where(ReportingMilestone.kind == MilestoneKind.MATDC,
                            ReportingMilestone.due_on >= today)
                     .order_by(ReportingMilestone.due_on, ReportingMilestone.id))
            if cycle_ids is not None:
                query = query.where(ReportingMilestone.cycle_id.in_(list(cycle_ids)))
            placed: list[PlacedMilestone] = []
            unplaced: list[str] = []
            for milestone in s.scalars(query):
                if milestone.agenda_item_id is not None:
                    continue  # on an agenda already (a removed item cleared the link)
                meeting = _meeting_for(s, milestone, now)
                if meeting is None:
                    unplaced.append(f"{milestone.cycle.name}: geen MAT of DC gepland op of "
                                    f"vóór {spoken(milestone.due_on)}.")
                    continue
                item_id = _put_on(s, meeting, milestone, now)
                milestone.meeting_id, milestone.agenda_item_id = meeting.id, item_id
                placed.append(PlacedMilestone(milestone.id, meeting.id, item_id,
                                              meeting.title, meeting.starts_at))
            changes = Changes()
            if placed:
                changes = (Changes.of(Kind.MEETING, updated=sorted({p.meeting_id
                                                                   for p in placed}))
                           | Changes.of(Kind.CYCLE, updated=sorted(set(s.scalars(
                               select(ReportingMilestone.cycle_id).where(
                                   ReportingMilestone.id.in_([p.milestone_id
                                                              for p in placed])))))))
            return Placement(changes, tuple(placed), tuple(unplaced))


def _meeting_for(s: Session, milestone: ReportingMilestone, now: datetime) -> Meeting | None:
    """The MAT or DC on the milestone's day, else the last one before it not yet over."""
    day_after = datetime.combine(milestone.due_on + timedelta(days=1), time(0, 0), BRUSSELS)
    return s.scalar(select(Meeting).join(MeetingSeries)
                    .where(MeetingSeries.code.in_(MATDC_CODES),
                           Meeting.status != MeetingStatus.CANCELLED,
                           Meeting.starts_at < day_after, Meeting.ends_at >= now)
                    .order_by(Meeting.starts_at.desc(), Meeting.id.desc()).limit(1))


def _put_on(s: Session, meeting: Meeting, milestone: ReportingMilestone, now: datetime) -> int:
    sections = tuple(meeting.series.agenda_sections or ()) if meeting.series else ()
    section = section_for("discussion", True, sections) or SECTION
    cycle = milestone.cycle
    description = f"{milestone.title} {spoken(milestone.due_on)}."
    if milestone.note:
        description += f" {milestone.note}"
    item = AgendaItem(meeting_id=meeting.id, title=cycle.name, description=description,
                      kind=AgendaItemKind.DISCUSSION, duration_minutes=15, section=section,
                      added_at=now)
    return insert_item(s, meeting.id, item, _position_in(s, meeting.id, section, sections))


def _position_in(s: Session, meeting_id: int, section: str, sections: Sequence[str]) -> int | None:
    """After the last item of the section; else before the first of a later section;
    else at the end."""
    items = ordered_items(s, meeting_id)
    rank = {name: n for n, name in enumerate(sections)}
    mine = rank.get(section)
    last_in = [n for n, i in enumerate(items) if i.section == section]
    if last_in:
        return last_in[-1] + 1
    if mine is not None:
        for n, i in enumerate(items):
            if rank.get(i.section, -1) > mine:
                return n
    return None
