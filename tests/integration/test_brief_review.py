"""Which appointments get a fiche, and the fiche's review on SQLite and PostgreSQL:
concept → ter nazicht → goedgekeurd, or back to concept with comments; every step in the
audit log with who and when, and a readable version of the fiche as it stood."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from kortrijk_cockpit.clock import BRUSSELS, FixedClock
from kortrijk_cockpit.domain import AuditEntry, BriefStatus, CalendarEvent
from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.services.briefs import BriefService, ExternalRules, is_external
from kortrijk_cockpit.store import Store

MONDAY = datetime(2027, 1, 4, 9, tzinfo=BRUSSELS)


def event(subject: str, organizer: str = "", categories: tuple[str, ...] = (),
          day: int = 0) -> CalendarEvent:
    start = MONDAY + timedelta(days=day)
    return CalendarEvent(subject=subject, start_at=start, end_at=start + timedelta(hours=2),
                         organizer=organizer, categories=list(categories))


def test_external_means_an_outside_organiser_a_category_or_a_mark_by_hand() -> None:
    rules = ExternalRules(city_domains=("kortrijk.be",), categories=("Extern",))
    assert is_external(event("Voka", "Jan Peeters <jan@voka.be>"), rules)
    assert not is_external(event("Overleg", "Els <els@kortrijk.be>"), rules)
    assert not is_external(event("Overleg", "Els <els@ocmw.kortrijk.be>"), rules)
    assert is_external(event("Receptie", "", ("extern",)), rules)
    assert not is_external(event("Eigen blok"), rules)
    marked = event("Voka", "jan@voka.be")
    marked.external_mark = False
    assert not is_external(marked, rules)
    marked.external_mark = True
    marked.organizer = ""
    assert is_external(marked, rules)


def test_the_review_steps_are_audited_and_each_version_stays_readable(
        store: Store, clock: FixedClock) -> None:
    with store.session_factory.begin() as s:
        s.add_all([event("Nieuwjaarsreceptie Voka", "Jan <jan@voka.be>", day=1),
                   event("MAT voorbereiding", "Els <els@kortrijk.be>", day=1),
                   event("Werkbezoek Leiedal", "info@leiedal.be", day=2)])
    clock.moment = MONDAY
    service = BriefService(store.session_factory, clock, actor="annelies")
    rows = service.external_events(MONDAY, MONDAY + timedelta(days=7))
    assert [(r.subject, r.state) for r in rows] == [
        ("Nieuwjaarsreceptie Voka", "geen fiche"), ("Werkbezoek Leiedal", "geen fiche")]

    brief_id, _ = service.create_for_event(rows[0].event_id)
    assert service.create_for_event(rows[0].event_id)[0] == brief_id  # never a second one
    service.submit(brief_id)
    director = BriefService(store.session_factory, clock, actor="hilde")
    director.send_back(brief_id, "Voeg de schepen van Economie toe.")
    service.submit(brief_id)
    director.approve(brief_id)
    assert service.external_events(MONDAY, MONDAY + timedelta(days=7))[0].state == "goedgekeurd"

    versions = service.versions(brief_id)
    assert [(v.number, v.step, v.actor) for v in versions] == [
        (4, "goedgekeurd", "hilde"), (3, "ter nazicht", "annelies"),
        (2, "terug naar concept", "hilde"), (1, "ter nazicht", "annelies")]
    assert versions[2].comments == "Voeg de schepen van Economie toe."
    old = service.version_snapshot(versions[2].id)
    assert old["status"] == "draft" and old["title"] == "Nieuwjaarsreceptie Voka"
    with store.session() as s:
        audit = [(a.action, a.actor) for a in s.scalars(
            select(AuditEntry).where(AuditEntry.entity == "brief").order_by(AuditEntry.id))]
    assert audit == [("brief_submitted", "annelies"), ("brief_sent_back", "hilde"),
                     ("brief_submitted", "annelies"), ("brief_approved", "hilde")]
    with pytest.raises(UserFacingError, match="goedgekeurd; dat kan nu niet"):
        service.submit(brief_id)
    with pytest.raises(UserFacingError, match="Schrijf kort"):
        director.send_back(brief_id, "  ")
    assert BriefStatus.APPROVED is service.external_events(
        MONDAY, MONDAY + timedelta(days=7))[0].status
