"""The year plan in the store, on SQLite and PostgreSQL: generate, move, cancel, place themes,
warn, and the ICS export read back from the written file."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.documents.ics import meeting_uid, read_plan
from kortrijk_cockpit.domain import AgendaItem, Meeting, MeetingSeries, MeetingStatus, Theme
from kortrijk_cockpit.services.theme_calendar import ThemeCalendarService
from kortrijk_cockpit.services.theme_plan import WarningKind
from kortrijk_cockpit.services.year_plan import YearPlanService
from kortrijk_cockpit.services.year_plan_export import export_ics
from kortrijk_cockpit.store import Store

BXL = ZoneInfo("Europe/Brussels")
SECTIONS = ["Goedkeuring vorig verslag", "Beslissingen en adviezen", "BBC en rapportering",
            "Informatie"]


def add_series(store: Store, *themes: Theme, length: int = 120,
               closures: tuple[str, ...] = ()) -> int:
    with store.session_factory.begin() as s:
        series = MeetingSeries(code="MAT", name="Managementteam", weekday=1,
                               start_time="09:00", duration_minutes=length,
                               location="Stadhuis, zaal Groeninge", agenda_sections=SECTIONS,
                               closures=list(closures), themes=list(themes))
        s.add(series)
        s.flush()
        return series.id


def meetings(store: Store) -> list[Meeting]:
    with store.session_factory() as s:
        return list(s.scalars(select(Meeting).order_by(Meeting.starts_at)))


def test_a_year_of_tuesdays_without_holidays_and_closures_and_never_twice(store: Store) -> None:
    series_id = add_series(store, closures=("2027-07-19/2027-08-13",))
    plan = YearPlanService(store.session_factory)

    preview = plan.preview(series_id, 2027)
    assert not meetings(store)  # a preview writes nothing
    starts = [s.astimezone(BXL) for s in preview.new]
    assert starts[0] == datetime(2027, 1, 5, 9, tzinfo=BXL)
    assert all(s.weekday() == 1 and s.hour == 9 for s in starts)
    assert {s.day: s.reason for s in preview.skipped} == {
        date(2027, 7, 20): "sluiting", date(2027, 7, 27): "sluiting",
        date(2027, 8, 3): "sluiting", date(2027, 8, 10): "sluiting",
        date(2027, 11, 2): "Allerzielen"}  # one of the city's own days off
    write = plan.generate(series_id, 2027)
    assert len(write.meeting_ids) == len(starts) == 47
    assert write.changes.meetings.created == frozenset(write.meeting_ids)
    first = meetings(store)[0]
    assert (first.title, first.location) == ("MAT 05/01/2027", "Stadhuis, zaal Groeninge")
    assert first.ends_at - first.starts_at == timedelta(hours=2)

    # A meeting moved to the Wednesday of its week still counts: nothing is made twice.
    plan.move(write.meeting_ids[0], datetime(2027, 1, 6, 14, tzinfo=BXL))
    again = plan.preview(series_id, 2027)
    assert again.new == () and len(again.existing) == 47
    assert plan.generate(series_id, 2027).meeting_ids == ()
    assert len(meetings(store)) == 47
    moved = meetings(store)[0]
    assert moved.starts_at.astimezone(BXL) == datetime(2027, 1, 6, 14, tzinfo=BXL)
    assert moved.title == "MAT 06/01/2027"


def themes() -> list[Theme]:
    return [Theme(name="Jaarrekening 2026", duration_minutes=45, is_bbc=True,
                  deadline=date(2027, 6, 30), kind="decision", position=0),
            Theme(name="Personeel en organisatie", directorate="HR", owner_name="An Desmet",
                  duration_minutes=30, cadence_weeks=6, position=1),
            Theme(name="Financiële stand", duration_minutes=30, cadence_weeks=4, position=2,
                  kind="information")]


def test_themes_are_placed_once_in_their_section_and_cancel_keeps_the_items(
        store: Store) -> None:
    series_id = add_series(store, *themes())
    YearPlanService(store.session_factory).generate(series_id, 2027)
    calendar = ThemeCalendarService(store.session_factory,
                                    FixedClock(datetime(2026, 12, 1, tzinfo=BXL)))

    write = calendar.place(series_id, 2027)
    assert write.item_ids and write.changes.meetings.updated
    assert calendar.place(series_id, 2027).item_ids == ()  # idempotent
    with store.session_factory() as s:
        items = s.scalars(select(AgendaItem).join(AgendaItem.meeting).order_by(Meeting.starts_at)).all()
        bbc = [i for i in items if i.title == "Jaarrekening 2026"]
        assert len(bbc) == 1 and bbc[0].section == "BBC en rapportering"
        assert bbc[0].meeting.starts_at.astimezone(BXL).date() == date(2027, 6, 15)
        hr = [i for i in items if i.title == "Personeel en organisatie"]
        assert all(i.directorate == "HR" and i.owner_name == "An Desmet" for i in hr)
        assert 8 <= len(hr) <= 10
        assert {i.section for i in items if i.title == "Financiële stand"} == {"Informatie"}
        loads = s.execute(select(func.sum(AgendaItem.duration_minutes))
                          .group_by(AgendaItem.meeting_id)).scalars().all()
        assert max(loads) <= 120
        meeting_id = bbc[0].meeting_id
    overview = calendar.overview(series_id, 2027)
    assert not [w for week in overview.weeks for w in week.warnings]

    YearPlanService(store.session_factory).cancel(meeting_id)
    with store.session_factory() as s:
        cancelled = s.get(Meeting, meeting_id)
        assert cancelled is not None and cancelled.status is MeetingStatus.CANCELLED
        assert [i.title for i in cancelled.agenda_items] == ["Jaarrekening 2026"]
    # Re-planning puts the milestone on the meeting before; the cancelled one keeps its item.
    calendar.place(series_id, 2027)
    overview = calendar.overview(series_id, 2027)
    bbc_weeks = [w.monday for w in overview.weeks for m in w.meetings if not m.cancelled
                 for t in m.themes if t.name == "Jaarrekening 2026"]
    assert bbc_weeks == [date(2027, 6, 7)]


def test_the_overview_warns_per_week(store: Store) -> None:
    series_id = add_series(store, *themes(), length=60)
    plan = YearPlanService(store.session_factory)
    ids = plan.generate(series_id, 2027).meeting_ids
    with store.session_factory.begin() as s:
        s.add(AgendaItem(meeting_id=ids[1], title="Lang dossier", duration_minutes=90))
    overview = ThemeCalendarService(store.session_factory).overview(series_id, 2027)
    assert len(overview.weeks) == 52
    by_week = {w.monday: w for w in overview.weeks}
    [overloaded] = by_week[date(2027, 1, 11)].warnings
    assert overloaded.kind is WarningKind.OVERLOADED
    assert overloaded.text == "Overbelast: 90 min gepland, vergadering duurt 60 min"
    kinds = {w.kind for week in overview.weeks for w in week.warnings}
    assert kinds == {WarningKind.OVERLOADED, WarningKind.OVERDUE,
                     WarningKind.BBC_WITHOUT_MEETING}
    assert [w.kind for w in by_week[date(2027, 6, 28)].warnings] == [
        WarningKind.BBC_WITHOUT_MEETING]


def test_the_plan_exported_as_ics_reads_back_unchanged(store: Store, tmp_path: Path) -> None:
    series_id = add_series(store, *themes())
    plan = YearPlanService(store.session_factory)
    ids = plan.generate(series_id, 2027).meeting_ids
    calendar = ThemeCalendarService(store.session_factory)
    calendar.place(series_id, 2027)
    plan.cancel(ids[3])
    overview = calendar.overview(series_id, 2027)
    path = tmp_path / "MAT 2027.ics"

    written = export_ics(overview, path)

    back = read_plan(path)
    assert back == written
    assert [m.uid for m in back] == [meeting_uid(i) for i in ids]
    first = back[0]
    assert first.starts_at == datetime(2027, 1, 5, 9, tzinfo=BXL)
    assert first.location == "Stadhuis, zaal Groeninge"
    assert "Financiële stand" in {t for m in back for t in m.themes}
    assert back[3].cancelled and not back[2].cancelled
    # A second export of the same plan is the same file: Outlook updates, never duplicates.
    again = tmp_path / "again.ics"
    export_ics(calendar.overview(series_id, 2027), again)
    assert again.read_bytes() == path.read_bytes()
