"""The weekly agenda: start times, reorder, late marking, action points offered, stukken;
on SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

import pytest

from kortrijk_cockpit.changes import Kind
from kortrijk_cockpit.clock import BRUSSELS, FixedClock
from kortrijk_cockpit.domain import (
    ActionPoint,
    ActionStatus,
    AgendaItem,
    AgendaItemKind,
    DocumentRequest,
    Meeting,
    MeetingSeries,
    RequestStatus,
)
from kortrijk_cockpit.errors import ConcurrentEditError, UserFacingError
from kortrijk_cockpit.services.meeting_agenda import (
    ItemDraft,
    MeetingAgendaService,
    StukState,
    agenda_closes_at,
)
from kortrijk_cockpit.store import Store

# Monday 23/11/2026, 10:00 in Kortrijk; the MAT meets Tuesday 01/12 at 09:00.
NOW = datetime(2026, 11, 23, 10, 0, tzinfo=BRUSSELS)
MAT_START = datetime(2026, 12, 1, 9, 0, tzinfo=BRUSSELS)


@dataclass(frozen=True)
class World:
    series: int
    meeting: int
    past: int
    other_series: int


def _world(store: Store) -> World:
    with store.session_factory.begin() as s:
        mat = MeetingSeries(code="MAT", name="Managementteam", agenda_close_days=3,
                            agenda_close_time="12:00",
                            agenda_sections=["Verslag", "Beslissingen", "Informatie"])
        dc = MeetingSeries(code="DC", name="Directiecomité")
        s.add_all([mat, dc])
        s.flush()
        meeting = Meeting(series_id=mat.id, title="MAT", starts_at=MAT_START,
                          ends_at=MAT_START + timedelta(hours=2))
        past = Meeting(series_id=mat.id, title="MAT", starts_at=MAT_START - timedelta(days=14),
                       ends_at=MAT_START - timedelta(days=14, hours=-2))
        later = Meeting(series_id=mat.id, title="MAT", starts_at=MAT_START + timedelta(days=7),
                        ends_at=MAT_START + timedelta(days=7, hours=2))
        s.add_all([meeting, past, later])
        s.flush()
        return World(mat.id, meeting.id, past.id, dc.id)


def _service(store: Store, now: datetime = NOW) -> MeetingAgendaService:
    return MeetingAgendaService(store.session_factory, FixedClock(now))


def test_closing_moment_counts_working_days_back_and_skips_holidays() -> None:
    # Three working days before Tuesday 01/12: Thursday 26/11 at noon.
    assert agenda_closes_at(MAT_START, 3, "12:00") == datetime(2026, 11, 26, 12, 0,
                                                               tzinfo=BRUSSELS)
    # Before Thursday 12/11/2026 (11 November is a holiday): Friday 6, Monday 9, Tuesday 10.
    assert agenda_closes_at(datetime(2026, 11, 12, 9, tzinfo=BRUSSELS), 3, "12:00").date() \
        == date(2026, 11, 6)


def test_items_show_their_start_times_and_follow_a_reorder(store: Store) -> None:
    world = _world(store)
    agenda = _service(store)
    first = agenda.add_item(world.meeting, ItemDraft("Verslag vorige MAT",
                                                     AgendaItemKind.APPROVAL, duration_minutes=5))
    second = agenda.add_item(world.meeting, ItemDraft("Personeelsplan", AgendaItemKind.DECISION,
                                                      owner_name="Els Vandamme",
                                                      directorate="HR", duration_minutes=30))
    agenda.add_item(world.meeting, ItemDraft("Rondvraag", AgendaItemKind.INFORMATION,
                                             duration_minutes=10))
    assert first.changes.rows(Kind.MEETING).updated == {world.meeting}

    read = agenda.agenda(world.meeting)
    assert read is not None
    assert [(i.position, i.title, i.starts_at.astimezone(BRUSSELS).strftime("%H:%M"))
            for i in read.items] == [(1, "Verslag vorige MAT", "09:00"),
                                     (2, "Personeelsplan", "09:05"), (3, "Rondvraag", "09:35")]
    assert read.planned_minutes == 45

    changes = agenda.move_item(second.item_id, 0)
    assert changes.rows(Kind.MEETING).updated == {world.meeting}
    read = agenda.agenda(world.meeting)
    assert read is not None
    assert [(i.title, i.starts_at.astimezone(BRUSSELS).strftime("%H:%M"))
            for i in read.items] == [("Personeelsplan", "09:00"),
                                     ("Verslag vorige MAT", "09:30"), ("Rondvraag", "09:35")]
    # Beyond the end means last.
    agenda.move_item(second.item_id, 99)
    read = agenda.agenda(world.meeting)
    assert read is not None and read.items[-1].title == "Personeelsplan"


def test_items_put_on_after_the_agenda_closed_are_late(store: Store) -> None:
    world = _world(store)
    on_time = _service(store, NOW).add_item(world.meeting, ItemDraft("Op tijd"))
    late = _service(store, datetime(2026, 11, 26, 12, 1, tzinfo=BRUSSELS)).add_item(
        world.meeting, ItemDraft("Te laat"))
    with store.session_factory.begin() as s:  # a mail routed in triage, no added_at
        s.add(AgendaItem(meeting_id=world.meeting, position=5, title="Uit mail"))

    read = _service(store).agenda(world.meeting)
    assert read is not None
    assert read.closes_at == datetime(2026, 11, 26, 12, 0, tzinfo=BRUSSELS)
    late_of = {i.id: i.is_late for i in read.items}
    assert late_of[on_time.item_id] is False
    assert late_of[late.item_id] is True
    assert [i.is_late for i in read.items if i.title == "Uit mail"] == [False]


def test_action_points_due_for_the_meeting_are_offered_until_added(store: Store) -> None:
    world = _world(store)
    with store.session_factory.begin() as s:
        points = {
            "meeting": ActionPoint(title="Nota fietsbeleid", owner_name="Jan Peeters",
                                   target_meeting_id=world.meeting, due_date=date(2026, 11, 30)),
            "series": ActionPoint(title="Budget 2027", target_series_id=world.series),
            "done": ActionPoint(title="Al gedaan", target_meeting_id=world.meeting,
                                status=ActionStatus.DONE),
            "elsewhere": ActionPoint(title="Voor het DC", target_series_id=world.other_series),
            "other meeting": ActionPoint(title="Vorige keer", target_meeting_id=world.past),
        }
        s.add_all(points.values())
        s.flush()
        ids = {name: p.id for name, p in points.items()}
    agenda = _service(store)
    read = agenda.agenda(world.meeting)
    assert read is not None
    # "Vorige keer" was meant for the last meeting and is still open: it comes back, until
    # done; "Voor het DC" belongs to the other series; "Al gedaan" is done.
    assert [p.title for p in read.offered] == ["Nota fietsbeleid", "Budget 2027", "Vorige keer"]

    added = agenda.add_action_point(world.meeting, ids["series"])
    assert added.changes.rows(Kind.ACTION_POINT).updated == {ids["series"]}
    read = agenda.agenda(world.meeting)
    assert read is not None
    assert [p.title for p in read.offered] == ["Nota fietsbeleid", "Vorige keer"]
    assert [(i.title, i.action_point_id) for i in read.items] == [("Budget 2027", ids["series"])]
    with pytest.raises(UserFacingError, match="al op deze agenda"):
        agenda.add_action_point(world.meeting, ids["series"])


def test_stukken_state_per_item_and_what_is_missing(store: Store) -> None:
    world = _world(store)
    agenda = _service(store)
    item = agenda.add_item(world.meeting, ItemDraft("Personeelsplan")).item_id
    other = agenda.add_item(world.meeting, ItemDraft("Rondvraag")).item_id
    with store.session_factory.begin() as s:
        s.add_all([
            DocumentRequest(agenda_item_id=item, title="Nota", requested_from="Els Vandamme",
                            due_at=NOW - timedelta(days=1)),
            DocumentRequest(agenda_item_id=item, title="Bijlage", due_at=NOW + timedelta(days=2),
                            status=RequestStatus.RECEIVED, received_at=NOW),
            DocumentRequest(agenda_item_id=other, title="Presentatie",
                            due_at=NOW + timedelta(days=2)),
        ])
    read = agenda.agenda(world.meeting)
    assert read is not None
    by_title = {i.title: i for i in read.items}
    assert [s.state for s in by_title["Personeelsplan"].stukken] == [StukState.LATE,
                                                                     StukState.RECEIVED]
    assert by_title["Personeelsplan"].stukken_state is StukState.LATE
    assert by_title["Rondvraag"].stukken_state is StukState.REQUESTED
    assert [(s.title, s.state) for s in read.missing] == [("Nota", StukState.LATE),
                                                          ("Presentatie", StukState.REQUESTED)]


def test_edit_remove_and_put_back(store: Store) -> None:
    world = _world(store)
    agenda = _service(store)
    first = agenda.add_item(world.meeting, ItemDraft("Eerste")).item_id
    agenda.add_item(world.meeting, ItemDraft("Tweede"))
    read = agenda.agenda(world.meeting)
    assert read is not None
    version = read.items[0].version
    agenda.update_item(first, ItemDraft("Eerste punt", AgendaItemKind.ADVICE, section="Informatie",
                                        is_confidential=True, duration_minutes=20),
                       version=version)
    with pytest.raises(ConcurrentEditError):
        agenda.update_item(first, ItemDraft("Oude versie"), version=version)
    with pytest.raises(UserFacingError, match="titel"):
        agenda.update_item(first, ItemDraft("  "))

    removed = agenda.remove_item(first)
    read = agenda.agenda(world.meeting)
    assert read is not None and [i.title for i in read.items] == ["Tweede"]
    agenda.restore_item(removed)
    read = agenda.agenda(world.meeting)
    assert read is not None
    assert [(i.title, i.kind, i.section, i.is_confidential, i.duration_minutes)
            for i in read.items] == [
        ("Eerste punt", AgendaItemKind.ADVICE, "Informatie", True, 20),
        ("Tweede", AgendaItemKind.DISCUSSION, "", False, 15)]


def test_meetings_upcoming_first_then_the_past(store: Store) -> None:
    world = _world(store)
    agenda = _service(store)
    assert [s.code for s in agenda.series()] == ["DC", "MAT"]
    rows = agenda.meetings(world.series)
    assert [(r.starts_at.astimezone(BRUSSELS).date(), r.is_past) for r in rows] == [
        (date(2026, 12, 1), False), (date(2026, 12, 8), False), (date(2026, 11, 17), True)]
    assert agenda.meetings(world.other_series) == []
