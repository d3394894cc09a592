"""Overleg series and their themes in the store (SQLite and PostgreSQL)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from kortrijk_cockpit.clock import BRUSSELS
from kortrijk_cockpit.domain import AgendaItemKind, Meeting, Person
from kortrijk_cockpit.errors import ConcurrentEditError, UserFacingError
from kortrijk_cockpit.services.series import (
    STANDARD_SECTIONS,
    Closure,
    SeriesDraft,
    SeriesService,
    ThemeDraft,
    distribution_of,
)
from kortrijk_cockpit.store import Store
from tests.integration.concurrent_edit import someone_else_edits_first


def add_people(store: Store, *names: str) -> list[int]:
    with store.session_factory.begin() as s:
        people = [Person(full_name=n, email=f"{n.split()[0].lower()}@kortrijk.be")
                  for n in names]
        s.add_all(people)
        s.flush()
        return [p.id for p in people]


def bilateral(members: list[int]) -> SeriesDraft:
    return SeriesDraft(
        code="BIL-FIN", name="Bilateraal schepen van Financiën", description="Maandelijks",
        weekday=2, start_time="14:30", duration_minutes=60, location="Kabinet schepen",
        member_ids=tuple(members), chair_person_id=members[0],
        minute_taker_person_id=members[1],
        distribution=("Lieve Debaere <lieve@kortrijk.be>", "kabinet@kortrijk.be"),
        agenda_sections=("Opvolging actielijst", "Budget", "Varia"),
        closures=(Closure(date(2026, 12, 21), date(2027, 1, 1)),
                  Closure(date(2026, 7, 20), date(2026, 8, 14))),
        agenda_close_days=2, agenda_close_time="16:00", stukken_lead_days=4)


def test_every_field_of_a_series_comes_back_as_saved(store: Store) -> None:
    members = add_people(store, "Lieve Debaere", "Griet Callewaert", "Sofie Vandenbroucke")
    service = SeriesService(store.session_factory)

    written = service.save(bilateral(members))

    assert written.changes.series.created == {written.series_id}
    loaded = service.series(written.series_id)
    assert loaded == replace(bilateral(members), id=written.series_id, version=written.version,
                             closures=(Closure(date(2026, 7, 20), date(2026, 8, 14)),
                                       Closure(date(2026, 12, 21), date(2027, 1, 1))))
    # Members reordered and one dropped: the order is kept, the minute-taker too.
    again = service.save(replace(loaded, member_ids=(members[2], members[1]),
                                 chair_person_id=members[2]))
    assert again.version > written.version
    assert again.changes.series.updated == {written.series_id}
    assert service.series(written.series_id).member_ids == (members[2], members[1])
    assert [s.code for s in service.all_series()] == ["BIL-FIN"]


def test_a_new_series_starts_with_the_standard_sections() -> None:
    assert SeriesDraft(code="X", name="X").agenda_sections == STANDARD_SECTIONS
    assert STANDARD_SECTIONS[0] == "Goedkeuring verslag vorige vergadering"
    assert STANDARD_SECTIONS[-1] == "Vooruitblik"


def test_the_distribution_defaults_to_the_members_addresses(store: Store) -> None:
    add_people(store, "Bart Vanneste", "Karen Vanhee")
    people = SeriesService(store.session_factory).people()
    assert distribution_of(people) == ("Bart Vanneste <bart@kortrijk.be>",
                                       "Karen Vanhee <karen@kortrijk.be>")


@pytest.mark.parametrize(("change", "message"), [
    ({"code": " "}, "korte code"),
    ({"start_time": "9u"}, "UU:MM"),
    ({"chair_person_id": -1}, "voorzitter moet lid"),
    ({"distribution": ("geen adres",)}, "Geen geldig mailadres"),
    ({"agenda_sections": ("Varia", "varia")}, "dezelfde naam"),
    ({"closures": (Closure(date(2026, 8, 1), date(2026, 7, 1)),)}, "eindigt voor ze begint"),
])
def test_a_wrong_series_is_refused_in_dutch(store: Store, change: dict[str, object],
                                             message: str) -> None:
    members = add_people(store, "Lieve Debaere", "Griet Callewaert")
    service = SeriesService(store.session_factory)
    with pytest.raises(UserFacingError, match=message):
        service.save(replace(bilateral(members), **change))  # type: ignore[arg-type]
    assert service.all_series() == []


def test_a_code_is_unique(store: Store) -> None:
    members = add_people(store, "Lieve Debaere", "Griet Callewaert")
    service = SeriesService(store.session_factory)
    service.save(bilateral(members))
    with pytest.raises(UserFacingError, match="(?i)al een reeks met de code BIL-FIN"):
        service.save(replace(bilateral(members), code="bil-fin"))


def test_a_stale_save_is_refused_and_nothing_is_lost(store: Store) -> None:
    members = add_people(store, "Lieve Debaere", "Griet Callewaert")
    service = SeriesService(store.session_factory)
    loaded = service.series(service.save(bilateral(members)).series_id)
    assert loaded.id is not None

    # A colleague saved in between: our older version is refused, theirs stays.
    someone_else_edits_first(store, "meeting_series", loaded.id, name="Bilateraal Financiën")
    service.series(loaded.id)  # no flush yet: the colleague's edit waits for our write
    with pytest.raises(ConcurrentEditError):
        service.save(replace(loaded, location="Stadhuis"))
    assert service.series(loaded.id).name == "Bilateraal Financiën"
    # Saving again on the version we had: still refused (not only the race above).
    with pytest.raises(ConcurrentEditError):
        service.save(replace(loaded, location="Stadhuis"))
    with pytest.raises(ConcurrentEditError):
        service.save_themes(loaded.id, loaded.version, [ThemeDraft("Budget")])
    with pytest.raises(ConcurrentEditError):
        service.delete(loaded.id, loaded.version)


def test_themes_round_trip_in_order_and_keep_the_series_version_current(store: Store) -> None:
    members = add_people(store, "Lieve Debaere", "Griet Callewaert")
    service = SeriesService(store.session_factory)
    written = service.save(bilateral(members))
    themes = [ThemeDraft("Jaarrekening", "Financiën", "Sofie Vandenbroucke",
                         AgendaItemKind.DECISION, 45, None, date(2027, 6, 30), True),
              ThemeDraft("HR-dashboard", "Organisatieontwikkeling", "Pieter Declercq",
                         AgendaItemKind.INFORMATION, 15, 6)]

    after = service.save_themes(written.series_id, written.version, themes)

    loaded = service.themes(written.series_id)
    assert [replace(t, id=None) for t in loaded] == themes
    # Reordered, one renamed, one removed; ids are kept for what stayed.
    again = service.save_themes(written.series_id, after.version,
                                [replace(loaded[1], name="HR-dashboard kwartaal")])
    assert [(t.id, t.name) for t in service.themes(written.series_id)] == [
        (loaded[1].id, "HR-dashboard kwartaal")]
    # The series editor saves on the version the themes left behind.
    series = service.series(written.series_id)
    assert series.version == again.version
    service.save(replace(series, location="Stadhuis"))
    with pytest.raises(UserFacingError, match="ritme of een deadline"):
        service.save_themes(written.series_id, None,
                            [ThemeDraft("X", cadence_weeks=4, deadline=date(2027, 1, 1))])


def test_a_series_with_meetings_is_only_deleted_when_they_may_stay(store: Store) -> None:
    members = add_people(store, "Lieve Debaere", "Griet Callewaert")
    service = SeriesService(store.session_factory)
    written = service.save(bilateral(members))
    service.save_themes(written.series_id, written.version, [ThemeDraft("Budget")])
    with store.session_factory.begin() as s:
        meeting = Meeting(series_id=written.series_id, title="Bilateraal",
                          starts_at=datetime(2026, 12, 2, 14, 30, tzinfo=BRUSSELS),
                          ends_at=datetime(2026, 12, 2, 15, 30, tzinfo=BRUSSELS))
        s.add(meeting)
        s.flush()
        meeting_id = meeting.id
    assert service.all_series()[0].meetings == 1

    with pytest.raises(UserFacingError, match="nog 1 vergadering"):
        service.delete(written.series_id, None)
    assert len(service.all_series()) == 1

    changes = service.delete(written.series_id, None, keep_meetings=True)

    assert changes.series.removed == {written.series_id}
    assert changes.meetings.updated == {meeting_id}
    assert service.all_series() == []
    assert service.themes(written.series_id) == ()
    with store.session_factory() as s:
        kept = s.get(Meeting, meeting_id)
        assert kept is not None and kept.series_id is None


def test_a_series_without_meetings_is_deleted(store: Store) -> None:
    members = add_people(store, "Lieve Debaere", "Griet Callewaert")
    service = SeriesService(store.session_factory)
    written = service.save(bilateral(members))
    changes = service.delete(written.series_id, written.version)
    assert changes.series.removed == {written.series_id}
    assert service.all_series() == []


def test_the_demo_office_has_mat_and_dc_set_up(store: Store) -> None:
    from kortrijk_cockpit.services.demo_data import seed_demo

    seed_demo(store.session_factory, date(2026, 11, 24), mails=10)
    service = SeriesService(store.session_factory)
    people = {p.id: p.name for p in service.people()}
    by_code = {s.code: s for s in service.all_series()}
    assert set(by_code) == {"MAT", "DC"}
    for code in ("MAT", "DC"):
        series = service.series(by_code[code].id)
        assert people[series.chair_person_id or 0] == "Hilde Vanthuyne"  # the director
        assert people[series.minute_taker_person_id or 0] == "Griet Callewaert"
        assert series.chair_person_id in series.member_ids
        # Every member, and two colleagues beyond them (the verslag's wider list).
        assert len(series.distribution) == len(series.member_ids) + 2
        assert series.agenda_sections == STANDARD_SECTIONS
        assert Closure(date(2026, 12, 24), date(2027, 1, 2)) in series.closures
        assert any(c.first.month == 7 for c in series.closures)
    mat = service.themes(by_code["MAT"].id)
    bbc = {t.name: t.deadline for t in mat if t.is_bbc}
    assert bbc == {"Overdracht niet-gebruikte investeringskredieten": date(2027, 3, 1),
                   "Jaarrekening en beleidsevaluatie": date(2027, 6, 30),
                   "Opvolgingsrapportering eerste semester": date(2027, 9, 30),
                   "Aanpassing meerjarenplan: kredieten volgend jaar": date(2026, 12, 15)}
    themes = [*mat, *service.themes(by_code["DC"].id)]
    assert len(themes) == 12
    assert all(t.cadence_weeks for t in themes if not t.is_bbc)
