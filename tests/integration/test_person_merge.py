"""Duplicate people on SQLite and PostgreSQL: proposed by address and by near-identical
name at one organisation; a merge keeps every link and the dropped person is gone; a pair
called "geen dubbel" is not proposed again."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.domain import (
    ActionPoint,
    Attendance,
    AuditEntry,
    BriefPerson,
    LinkKind,
    MailLink,
    MeetingSeries,
    Organisation,
    Person,
    SeriesMember,
)
from kortrijk_cockpit.errors import ConcurrentEditError, UserFacingError
from kortrijk_cockpit.services.person_merge import PersonMergeService, normalised
from kortrijk_cockpit.store import Store
from tests.integration.people_world import NOW, ago, seed


def test_names_compare_without_accents_case_or_organisation_in_brackets() -> None:
    assert normalised("Jan Peeters (Voka)") == "jan peeters"
    assert normalised("Frédéric  DE SMET") == "frederic de smet"


def test_duplicates_by_address_and_by_name_at_one_organisation(store: Store) -> None:
    world = seed(store)
    with store.session_factory.begin() as s:
        leiedal = Organisation(name="Leiedal")
        s.add_all([Person(full_name="Frédéric Vandenberghe", organisation=leiedal),
                   Person(full_name="frederic VANDENBERGHE", organisation=leiedal),
                   Person(full_name="Frederic Vandenberghe",
                          organisation=Organisation(name="Stad Gent"))])  # someone else
        s.flush()
        fred, fred_again = (p.id for p in s.scalars(select(Person).where(
            Person.organisation_id == leiedal.id).order_by(Person.id)))
    service = PersonMergeService(store.session_factory, FixedClock(NOW), actor="annelies")
    pairs = {pair.key: pair.reason for pair in service.candidates()}
    assert pairs == {
        (world.jan, world.peeters): "bijna dezelfde naam bij Voka (100%)",
        (world.jan, world.bracket): "zelfde e-mailadres",
        (world.peeters, world.bracket): "bijna dezelfde naam bij Voka (100%)",
        (fred, fred_again): "bijna dezelfde naam bij Leiedal (100%)",
    }  # Jan Peters at Unizo is someone else

    service.not_duplicate(world.bracket, world.peeters)
    assert (world.peeters, world.bracket) not in {p.key for p in service.candidates()}
    with store.session() as s:
        entry = s.scalars(select(AuditEntry).where(
            AuditEntry.action == "person_not_duplicate")).one()
    assert entry.detail == {"other": world.bracket} and entry.actor == "annelies"


def test_a_merge_keeps_every_link_and_the_other_person_goes(store: Store) -> None:
    world = seed(store)
    service = PersonMergeService(store.session_factory, FixedClock(NOW), actor="annelies")
    changes = service.merge(world.jan, world.peeters)
    assert world.peeters in changes.people.removed and world.fiche_b in changes.briefs.updated

    with store.session() as s:
        assert s.get(Person, world.peeters) is None
        jan = s.get(Person, world.jan)
        assert jan is not None
        assert (jan.full_name, jan.email, jan.phone) == (
            "Jan Peeters", "jan.peeters@voka.be", "056 11 22 33")  # his phone filled in
        assert jan.tags == ["netwerk", "economie"]
        assert jan.notes == "Kent de schepen.\n\nFietst graag."
        assert jan.last_contact_at == ago(1)  # the later contact
        assert str(jan.retain_until) == "2028-01-01"

        links = s.scalars(select(MailLink.mail_id).where(
            MailLink.target_kind == LinkKind.PERSON, MailLink.target_id == world.jan)).all()
        assert links == [world.mail]
        blocks = s.scalars(select(BriefPerson).where(BriefPerson.person_id == world.jan)
                           .order_by(BriefPerson.brief_id)).all()
        assert [b.brief_id for b in blocks] == [world.fiche_a, world.fiche_b]  # one per fiche
        assert (blocks[0].open_matters, blocks[0].opener) == ("Subsidie fietsroute",
                                                              "De Ronde?")
        members = s.scalars(select(SeriesMember.person_id).where(
            SeriesMember.series_id == world.series)).all()
        assert sorted(members) == sorted([world.jan, world.griet])
        series = s.get(MeetingSeries, world.series)
        assert series is not None and series.chair_person_id == world.jan
        attendance = s.scalars(select(Attendance.person_id).where(
            Attendance.meeting_id == world.meeting)).all()
        assert world.jan in attendance and world.peeters not in attendance
        point = s.get(ActionPoint, world.point)
        assert point is not None and point.owner_person_id == world.jan
        audit = s.scalars(select(AuditEntry).where(AuditEntry.action == "person_merged")).one()
        assert (audit.entity_id, audit.detail, audit.actor) == (
            world.jan, {"dropped": world.peeters}, "annelies")  # ids, no names

    assert (world.jan, world.peeters) not in {p.key for p in service.candidates()}
    bracket = next(p for p in service.candidates() if p.right.id == world.bracket)
    with store.session_factory.begin() as s:
        changed = s.get(Person, world.bracket)
        assert changed is not None
        changed.function = "Bestuurder"  # someone else edits him meanwhile
    with pytest.raises(ConcurrentEditError):
        service.merge(world.jan, world.bracket, (bracket.left.version, bracket.right.version))
    with pytest.raises(UserFacingError, match="bestaat niet meer"):
        service.merge(world.jan, world.peeters)
    with pytest.raises(UserFacingError, match="twee keer dezelfde persoon"):
        service.merge(world.jan, world.jan)
