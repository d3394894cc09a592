"""Visits and tours: a checklist from the template, dates in working days from the
appointment, kept through a move and a cancellation; Opvolging's open items.

The store on SQLite and PostgreSQL; CalendarService moves and cancels for real.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import delete

from kortrijk_cockpit.changes import Kind
from kortrijk_cockpit.clock import BRUSSELS, FixedClock
from kortrijk_cockpit.domain import (
    ActionPoint,
    CalendarEvent,
    Person,
    VisitKind,
)
from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.services.calendar import CalendarService
from kortrijk_cockpit.services.visits import (
    TemplateLine,
    VisitService,
    item_key,
    shift_working_days,
)
from kortrijk_cockpit.store import Store

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)  # Monday
VISIT_START = datetime(2026, 12, 3, 14, 0, tzinfo=BRUSSELS)  # Thursday


def add_event(store: Store, subject: str = "Bezoek delegatie Tournai",
              start: datetime = VISIT_START) -> int:
    with store.session_factory.begin() as s:
        event = CalendarEvent(subject=subject, start_at=start, end_at=start + timedelta(hours=2),
                              exchange_id=f"AAMk-{subject}")
        s.add(event)
        s.flush()
        return event.id


@pytest.fixture
def visits(store: Store) -> VisitService:
    return VisitService(store.session_factory, FixedClock(NOW))


def by_label(service: VisitService, event_id: int) -> dict[str, object]:
    checklist = service.checklist(event_id)
    assert checklist is not None
    return {i.label: i for i in checklist.items}


def test_working_days_skip_weekends_and_holidays() -> None:
    assert shift_working_days(date(2026, 12, 3), -3) == date(2026, 11, 30)
    assert shift_working_days(date(2026, 12, 4), 1) == date(2026, 12, 7)  # Friday -> Monday
    assert shift_working_days(date(2026, 12, 24), 1) == date(2026, 12, 28)  # Christmas off
    assert shift_working_days(date(2026, 12, 3), 0) == date(2026, 12, 3)


def test_a_marked_appointment_gets_the_default_checklist_with_dates(
        store: Store, visits: VisitService) -> None:
    event_id = add_event(store)
    assert visits.checklist(event_id) is None

    write = visits.mark(event_id, VisitKind.VISIT)

    checklist = visits.checklist(event_id)
    assert checklist is not None and checklist.kind is VisitKind.VISIT
    assert [i.label for i in checklist.items] == [
        "zaal", "catering", "parking", "gids", "onthaal", "geschenk", "pers", "opvolgmail"]
    items = by_label(visits, event_id)
    assert items["catering"].due_date == date(2026, 11, 30)  # type: ignore[attr-defined]
    assert items["opvolgmail"].due_date == date(2026, 12, 4)  # type: ignore[attr-defined]
    assert write.changes.rows(Kind.VISIT_ITEM).created == {i.id for i in checklist.items}


def test_the_template_is_kept_per_kind_and_shapes_new_checklists(
        store: Store, visits: VisitService) -> None:
    tour = visits.template(VisitKind.TOUR)
    kept = [TemplateLine("route", -4), *(t for t in tour if t.label != "pers")]
    kept[1] = TemplateLine("grote zaal", -8, kept[1].id)
    visits.save_template(VisitKind.TOUR, kept)

    assert [t.label for t in visits.template(VisitKind.TOUR)][:3] == [
        "route", "grote zaal", "catering"]
    assert "pers" in [t.label for t in visits.template(VisitKind.VISIT)]
    event_id = add_event(store, "Rondleiding stadhuis")
    visits.mark(event_id, VisitKind.TOUR)
    labels = list(by_label(visits, event_id))
    assert labels[:2] == ["route", "grote zaal"] and "pers" not in labels
    with pytest.raises(UserFacingError):
        visits.save_template(VisitKind.TOUR, [TemplateLine("  ", 0)])


def test_editing_an_item_links_a_known_person_and_keeps_a_chosen_date(
        store: Store, visits: VisitService) -> None:
    with store.session_factory.begin() as s:
        s.add(Person(full_name="Els Vandamme"))
    event_id = add_event(store)
    visits.mark(event_id, VisitKind.VISIT)
    catering = by_label(visits, event_id)["catering"]

    changes = visits.update_item(catering.id, owner_name="els vandamme",  # type: ignore[attr-defined]
                                 due_date=date(2026, 11, 27), note="vegetarisch x3", done=True)

    assert changes.rows(Kind.VISIT_ITEM).updated == {catering.id}  # type: ignore[attr-defined]
    item = by_label(visits, event_id)["catering"]
    assert item.owner_person_id is not None and item.done  # type: ignore[attr-defined]
    assert item.due_date == date(2026, 11, 27) and item.note == "vegetarisch x3"  # type: ignore[attr-defined]
    assert visits.checklist(event_id).has_progress  # type: ignore[union-attr]


def test_moving_the_appointment_moves_the_dates_and_keeps_the_work(
        store: Store, visits: VisitService) -> None:
    event_id = add_event(store)
    visits.mark(event_id, VisitKind.VISIT)
    zaal = by_label(visits, event_id)["zaal"]
    visits.update_item(zaal.id, done=True, owner_name="Jan")  # type: ignore[attr-defined]

    CalendarService(store.session_factory).move(event_id, VISIT_START + timedelta(days=7))

    items = by_label(visits, event_id)
    assert items["zaal"].done and items["zaal"].owner_name == "Jan"  # type: ignore[attr-defined]
    assert items["catering"].due_date == date(2026, 12, 7)  # type: ignore[attr-defined]


def test_a_cancelled_appointment_keeps_its_checklist_even_once_it_is_gone(
        store: Store, visits: VisitService) -> None:
    event_id = add_event(store)
    visits.mark(event_id, VisitKind.VISIT)
    CalendarService(store.session_factory).cancel(event_id)

    assert visits.checklist(event_id).cancelled  # type: ignore[union-attr]
    rows = [r for r in visits.open_items() if not r.is_action_point]
    assert rows and all("afspraak geannuleerd" in r.context for r in rows)

    with store.session_factory.begin() as s:  # the next pull drops the cancelled item
        s.execute(delete(CalendarEvent).where(CalendarEvent.id == event_id))
    rows = [r for r in visits.open_items() if not r.is_action_point]
    assert len(rows) == 8 and all(r.cancelled and "Bezoek delegatie Tournai" in r.context
                                  for r in rows)


def test_unmarking_removes_the_checklist(store: Store, visits: VisitService) -> None:
    event_id = add_event(store)
    created = visits.mark(event_id, VisitKind.TOUR).changes.rows(Kind.VISIT_ITEM).created
    changes = visits.unmark(event_id)
    assert changes.rows(Kind.VISIT_ITEM).removed == created
    assert visits.checklist(event_id) is None


def test_opvolging_lists_open_items_and_action_points_by_due_date_with_overdue(
        store: Store, visits: VisitService) -> None:
    soon = add_event(store, "Bezoek burgemeester Lille", datetime(2026, 11, 25, 10, tzinfo=BRUSSELS))
    visits.mark(soon, VisitKind.VISIT)
    with store.session_factory.begin() as s:
        s.add(ActionPoint(title="Nota personeelsplan", owner_name="Els", due_date=date(2026, 11, 1)))
    zaal = by_label(visits, soon)["zaal"]
    visits.update_item(zaal.id, done=True)  # type: ignore[attr-defined]

    rows = visits.open_items()

    assert [r.what for r in rows][:3] == ["Nota personeelsplan", "gids", "catering"]
    assert "zaal" not in [r.what for r in rows]
    overdue = {r.what for r in rows if r.overdue}
    assert overdue == {"Nota personeelsplan", "gids", "catering", "geschenk"}
    done = visits.rows_for_items([zaal.id])[item_key(zaal.id)]  # type: ignore[attr-defined]
    assert done is not None and done.done and not done.overdue
    assert visits.rows_for_items([9999]) == {item_key(9999): None}


def test_the_demo_has_a_bezoek_and_a_rondleiding_with_partly_done_checklists(
        store: Store) -> None:
    from kortrijk_cockpit.demo_office.calendar import TOUR_SUBJECT, VISIT_SUBJECT
    from kortrijk_cockpit.services.demo_data import seed_demo, seed_demo_visits

    today = date(2026, 11, 23)
    seed_demo(store.session_factory, today, mails=20)
    visits = VisitService(store.session_factory, FixedClock(NOW))
    rows = visits.open_items()
    for subject in (VISIT_SUBJECT, TOUR_SUBJECT):
        mine = [r for r in rows if subject in r.context]
        assert 0 < len(mine) < 8  # some items done, some open
    assert any(r.overdue for r in rows if TOUR_SUBJECT in r.context)  # the guide is late
    assert not seed_demo_visits(store.session_factory, today)  # once
