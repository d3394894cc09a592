"""Reporting milestones placed on the MAT/DC agenda (SQLite and PostgreSQL): in the section
"BBC en rapportering" of the meeting on that day or the last one before it still to come,
remembered on the milestone, never twice."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import func, select

from kortrijk_cockpit.changes import Kind
from kortrijk_cockpit.clock import BRUSSELS, FixedClock
from kortrijk_cockpit.domain import MilestoneKind, ReportingCycle, ReportingMilestone
from kortrijk_cockpit.domain.meetings import (
    AgendaItem,
    Meeting,
    MeetingSeries,
    MeetingStatus,
)
from kortrijk_cockpit.services.meeting_agenda import MeetingAgendaService
from kortrijk_cockpit.services.reporting_agenda import ReportingAgendaService
from kortrijk_cockpit.services.series import STANDARD_SECTIONS
from kortrijk_cockpit.store import Store

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=BRUSSELS)  # Monday


def at(day: date, hour: int = 9) -> datetime:
    return datetime(day.year, day.month, day.day, hour, 0, tzinfo=BRUSSELS)


def make_world(store: Store) -> dict[str, int]:
    with store.session_factory.begin() as s:
        mat = MeetingSeries(code="MAT", name="Managementteam",
                            agenda_sections=list(STANDARD_SECTIONS))
        dc = MeetingSeries(code="DC", name="Directiecomité",
                           agenda_sections=list(STANDARD_SECTIONS))
        meetings = {
            "mat_17_11": Meeting(series=mat, title="MAT", starts_at=at(date(2026, 11, 17)),
                                 ends_at=at(date(2026, 11, 17), 11)),  # held
            "mat_01_12": Meeting(series=mat, title="MAT", starts_at=at(date(2026, 12, 1)),
                                 ends_at=at(date(2026, 12, 1), 11)),
            "dc_03_12": Meeting(series=dc, title="DC", starts_at=at(date(2026, 12, 3)),
                                ends_at=at(date(2026, 12, 3), 11)),
            "mat_08_12": Meeting(series=mat, title="MAT", starts_at=at(date(2026, 12, 8)),
                                 ends_at=at(date(2026, 12, 8), 11),
                                 status=MeetingStatus.CANCELLED),
        }
        s.add_all(meetings.values())
        s.flush()
        first = meetings["mat_01_12"]
        first.agenda_items += [
            AgendaItem(title="Verslag vorige MAT", section=STANDARD_SECTIONS[0], position=0),
            AgendaItem(title="Nieuws uit de directies", section="Informatie", position=1)]
        cycle = ReportingCycle(name="Aanpassing meerjarenplan 2027", kind="bbc", year=2026)
        cycle.milestones += [
            ReportingMilestone(kind=MilestoneKind.MATDC, title="Op het MAT/DC tegen",
                               due_on=date(2026, 12, 3)),  # the DC that day
            ReportingMilestone(kind=MilestoneKind.COLLEGE, title="Op het college tegen",
                               due_on=date(2026, 12, 14))]
        q4 = ReportingCycle(name="Managementrapportering Q4 2026", kind="management",
                            year=2026)
        q4.milestones += [ReportingMilestone(
            kind=MilestoneKind.MATDC, title="Op het MAT/DC tegen", due_on=date(2026, 12, 9),
            note="Verschoven: sluitingsdag van de stad.")]  # the MAT of the 8th is cancelled
        early = ReportingCycle(name="Nota telewerk", kind="management", year=2026)
        early.milestones += [ReportingMilestone(  # only a held meeting before it
            kind=MilestoneKind.MATDC, title="Op het MAT/DC tegen", due_on=date(2026, 11, 24))]
        s.add_all([cycle, q4, early])
        s.flush()
        return {name: m.id for name, m in meetings.items()}


def test_matdc_milestones_go_on_the_right_agenda_in_the_bbc_section_once(store: Store) -> None:
    meetings = make_world(store)
    clock = FixedClock(NOW)
    placing = ReportingAgendaService(store.session_factory, clock)

    placement = placing.place_milestones()

    # Both on the DC of the 3rd: the Q4 one's MAT of the 8th is cancelled; the college
    # milestone is no MAT/DC one.
    assert [p.meeting_id for p in placement.placed] == [meetings["dc_03_12"]] * 2
    assert placement.unplaced == (
        "Nota telewerk: geen MAT of DC gepland op of vóór dinsdag 24 november 2026.",)
    assert placement.changes.rows(Kind.MEETING).updated == {meetings["dc_03_12"]}
    dc = MeetingAgendaService(store.session_factory, clock).agenda(meetings["dc_03_12"])
    assert dc is not None
    assert [(i.title, i.section) for i in dc.items] == [
        ("Aanpassing meerjarenplan 2027", "BBC en rapportering"),
        ("Managementrapportering Q4 2026", "BBC en rapportering")]
    assert "Op het MAT/DC tegen donderdag 3 december 2026" in dc.items[0].description
    assert "sluitingsdag" in dc.items[1].description
    with store.session() as s:
        placed = s.scalars(select(ReportingMilestone).where(
            ReportingMilestone.agenda_item_id.is_not(None))
            .order_by(ReportingMilestone.due_on)).all()
        assert [(m.meeting_id, m.agenda_item_id) for m in placed] == [
            (meetings["dc_03_12"], dc.items[0].id), (meetings["dc_03_12"], dc.items[1].id)]

    again = placing.place_milestones()
    assert again.placed == () and not again.changes
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(AgendaItem)) == 4


def test_a_milestone_goes_between_the_sections_of_the_meeting_that_day(store: Store) -> None:
    meetings = make_world(store)
    with store.session_factory.begin() as s:
        cycle = ReportingCycle(name="Opvolgingsrapportering", kind="bbc", year=2026)
        cycle.milestones.append(ReportingMilestone(
            kind=MilestoneKind.MATDC, title="Op het MAT/DC tegen", due_on=date(2026, 12, 2)))
        s.add(cycle)
        s.flush()
        cycle_id = cycle.id
    clock = FixedClock(NOW + timedelta(days=1))
    placement = ReportingAgendaService(store.session_factory, clock).place_milestones([cycle_id])

    assert [p.meeting_id for p in placement.placed] == [meetings["mat_01_12"]]
    mat = MeetingAgendaService(store.session_factory, clock).agenda(meetings["mat_01_12"])
    assert mat is not None
    assert [i.title for i in mat.items] == [
        "Verslag vorige MAT", "Opvolgingsrapportering", "Nieuws uit de directies"]
