"""Privacy on SQLite and PostgreSQL: expired people proposed for erasure as the retention
setting says; one person's data exported as JSON; erasure leaves no trace of the name or
the address in any table or in the full-text index."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.domain import AuditEntry, Brief, BriefPerson, MeetingSeries, Person
from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.services.briefs import BriefService
from kortrijk_cockpit.services.privacy import PrivacyService
from kortrijk_cockpit.services.search import SearchService
from kortrijk_cockpit.store import Store
from tests.integration.people_world import NOW, TODAY, ago, seed


def service(store: Store, months: int = 24) -> PrivacyService:
    return PrivacyService(store.session_factory, FixedClock(NOW), lambda: months,
                          actor="annelies")


def test_expired_people_follow_the_retention_setting(store: Store) -> None:
    world = seed(store)
    with store.session_factory.begin() as s:
        s.add(Person(full_name="Oud Contact", retain_until=date(2026, 12, 31),
                     last_contact_at=ago(1)))  # a date set by hand wins over the contact
    expired = service(store).expired(TODAY)
    assert [(e.full_name, e.reason) for e in expired] == [
        ("Griet Lambrecht", f"laatste contact {ago(26).date():%d/%m/%Y} + 24 maanden"),
        ("Oud Contact", "bewaardatum 31/12/2026")]  # not Els: a colleague
    assert expired[0].organisation == "Unizo" and expired[0].id == world.griet
    assert [e.full_name for e in service(store, months=36).expired(TODAY)] == ["Oud Contact"]

    with pytest.raises(UserFacingError, match="in de toekomst"):
        service(store).extend(world.griet, TODAY)
    service(store).extend(world.griet, date(2027, 12, 31))
    assert [e.full_name for e in service(store).expired(TODAY)] == ["Oud Contact"]
    assert service(store).one(world.griet).until == date(2027, 12, 31)
    assert service(store).one(world.bracket).until is None


def test_the_export_holds_the_record_and_its_timeline(store: Store) -> None:
    world = seed(store)
    data = json.loads(json.dumps(service(store).export(world.griet), ensure_ascii=False))
    assert data["person"]["full_name"] == "Griet Lambrecht"
    assert data["person"]["email"] == "griet.lambrecht@unizo.be"
    assert data["person"]["mandate"] == "Voorzitter"
    assert data["organisation"]["name"] == "Unizo" and data["tags"] == ["kmo"]
    assert [m["subject"] for m in data["mails"]] == ["Vraag over de ring"]
    assert [(f["title"], f["opener"]) for f in data["fiches"]] == [
        ("Nieuwjaarsreceptie Voka", "Hoe gaat het met Unizo?")]
    assert [m["title"] for m in data["meetings"]] == ["Netwerkoverleg januari"]
    assert data["series"] == ["Netwerkoverleg"]
    assert [a["title"] for a in data["action_points"]] == ["Ring bespreken"]


def traces(s: Session, words: tuple[str, ...]) -> list[str]:
    """Every table (and on PostgreSQL every tsvector) whose rows mention one of `words`."""
    found: list[str] = []
    if s.get_bind().dialect.name == "sqlite":
        tables = s.scalars(text("SELECT name FROM sqlite_master WHERE type = 'table' AND "
                                "name NOT LIKE 'sqlite_%' AND name NOT GLOB '*_fts_*'")).all()
        for table in tables:
            for row in s.execute(text(f'SELECT * FROM "{table}"')):
                if any(w in str(value).casefold() for value in row for w in words):
                    found.append(table)
                    break
        for fts in [t for t in tables if t.endswith("_fts")]:
            s.execute(text(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{fts}_v "
                           f"USING fts5vocab(main, {fts}, 'row')"))
            terms = s.scalars(text(f"SELECT term FROM temp.{fts}_v")).all()
            found += [f"{fts} index" for t in terms if any(w in t for w in words)]
            # Deleted rows leave their terms in the index segments until they are merged.
            blob = b"".join(s.scalars(text(f"SELECT block FROM {fts}_data")).all())
            found += [f"{fts} segments" for w in words if w.encode() in blob]
    else:
        tables = s.scalars(text("SELECT table_name FROM information_schema.tables "
                                "WHERE table_schema = current_schema()")).all()
        for table in tables:
            hit = s.scalar(text(f'SELECT count(*) FROM "{table}" t WHERE '
                                + " OR ".join(f"lower(t::text) LIKE '%{w}%'" for w in words)))
            if hit:
                found.append(table)
    return found


def test_erasing_a_person_leaves_no_trace_in_the_store_or_the_search_index(
        store: Store) -> None:
    world = seed(store)
    briefs = BriefService(store.session_factory, FixedClock(NOW), actor="annelies")
    briefs.submit(world.fiche_a)  # a version whose snapshot lists her block
    search = SearchService(store.session_factory, FixedClock(NOW))
    assert [h.ref_id for h in search.search("Lambrecht") if h.kind == "person"] == [world.griet]
    words = ("lambrecht", "griet.lambrecht@unizo.be")
    with store.session() as s:
        assert traces(s, words)  # the scan sees her before

    changes = service(store).erase(world.griet)
    assert world.griet in changes.people.removed and world.fiche_a in changes.briefs.updated

    assert search.search("Lambrecht") == []
    assert search.search("griet.lambrecht@unizo.be") == []
    with store.session() as s:
        assert traces(s, words) == []
        assert s.get(Person, world.griet) is None
        # The rest of the fiche and the overleg stay; only her parts go.
        assert [b.person_id for b in s.scalars(select(BriefPerson).where(
            BriefPerson.brief_id == world.fiche_a))] == [world.jan, world.peeters]
        brief = s.get(Brief, world.fiche_a)
        assert brief is not None and brief.background == "(gewist) vroeg vorig jaar naar de ring."
        series = s.get(MeetingSeries, world.series)
        assert series is not None and series.distribution == ["els.vermeulen@kortrijk.be"]
        audit = s.scalars(select(AuditEntry).where(AuditEntry.action == "person_erased")).one()
        assert audit.entity_id == world.griet and audit.actor == "annelies"
    version = briefs.versions(world.fiche_a)[0]
    assert [p["name"] for p in briefs.version_snapshot(version.id)["people"]] == [
        "Jan Peeters", "Peeters Jan"]  # the earlier version is still readable, without her
    with pytest.raises(UserFacingError, match="bestaat niet meer"):
        service(store).erase(world.griet)
