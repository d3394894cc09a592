"""What the director reads, on SQLite and PostgreSQL: this and next week's external
appointments, a fiche with its people, and Vandaag's coming week (alert, his comments)."""

from __future__ import annotations

from datetime import datetime, timedelta

from kortrijk_cockpit.clock import BRUSSELS, FixedClock
from kortrijk_cockpit.domain import Brief, BriefPerson, CalendarEvent, Organisation, Person
from kortrijk_cockpit.services.briefings import BriefingService
from kortrijk_cockpit.services.briefs import BriefService
from kortrijk_cockpit.store import Store

WEDNESDAY = datetime(2027, 1, 6, 9, tzinfo=BRUSSELS)


def add_event(store: Store, subject: str, days: float, organizer: str = "x@voka.be") -> int:
    start = WEDNESDAY + timedelta(days=days)
    with store.session_factory.begin() as s:
        event = CalendarEvent(subject=subject, start_at=start, end_at=start + timedelta(hours=1),
                              organizer=organizer)
        s.add(event)
        s.flush()
        return event.id


def services(store: Store, clock: FixedClock, actor: str) -> tuple[BriefService, BriefingService]:
    briefs = BriefService(store.session_factory, clock, actor=actor)
    return briefs, BriefingService(store.session_factory, clock, briefs)


def test_two_weeks_and_a_fiche_with_its_people(store: Store, clock: FixedClock) -> None:
    clock.moment = WEDNESDAY
    add_event(store, "Vorige week", -3)  # last Sunday's reception: not this week
    monday = add_event(store, "Voka-ontbijt", -2)
    add_event(store, "Intern overleg", 1, "els@kortrijk.be")
    add_event(store, "Leiedal", 11)
    add_event(store, "Over twee weken", 13)  # the week after next
    briefs, briefings = services(store, clock, "annelies")
    assert [r.subject for r in briefings.two_weeks()] == ["Voka-ontbijt", "Leiedal"]

    brief_id, _ = briefs.create_for_event(monday)
    with store.session_factory.begin() as s:
        brief = s.get(Brief, brief_id)
        assert brief is not None
        brief.objective, brief.key_messages = "Steun voor de Ring", "Kortrijk investeert."
        org = Organisation(name="Voka West-Vlaanderen")
        person = Person(full_name="Jan Peeters", function="voorzitter", organisation=org)
        s.add(BriefPerson(brief=brief, person=person, position=1,
                          opener="Proficiat met de award"))
        s.add(BriefPerson(brief=brief, person=Person(full_name="An Claes"), position=0))
    fiche = briefings.fiche(brief_id)
    assert (fiche.title, fiche.objective) == ("Voka-ontbijt", "Steun voor de Ring")
    assert [p.name for p in fiche.people] == ["An Claes", "Jan Peeters"]
    assert fiche.people[1].organisation == "Voka West-Vlaanderen"
    assert fiche.people[1].opener == "Proficiat met de award"


def test_the_coming_week_alerts_and_carries_his_comments(store: Store,
                                                         clock: FixedClock) -> None:
    clock.moment = WEDNESDAY
    soon = add_event(store, "Voka-receptie", 1)
    later = add_event(store, "Werkbezoek Leiedal", 5)
    add_event(store, "Over tien dagen", 10)
    briefs, briefings = services(store, clock, "annelies")
    director, _ = services(store, clock, "hilde")
    outlook = briefings.outlook()
    assert [(r.subject, r.state) for r in outlook.rows] == [
        ("Voka-receptie", "geen fiche"), ("Werkbezoek Leiedal", "geen fiche")]
    assert outlook.unapproved_soon == 1 and outlook.sent_back == ()

    soon_brief, _ = briefs.create_for_event(soon)
    later_brief, _ = briefs.create_for_event(later)
    briefs.submit(soon_brief)
    briefs.submit(later_brief)
    director.approve(soon_brief)
    director.send_back(later_brief, "Wie zit er aan tafel?")
    outlook = briefings.outlook()
    assert [r.state for r in outlook.rows] == ["goedgekeurd", "concept"]
    assert outlook.unapproved_soon == 0
    assert [(c.title, c.comments, c.actor) for c in outlook.sent_back] == [
        ("Werkbezoek Leiedal", "Wie zit er aan tafel?", "hilde")]
    briefs.submit(later_brief)  # she dealt with it: no longer a comment to show
    assert briefings.outlook().sent_back == ()


def test_he_reads_the_sections_his_event_type_shows(store: Store, clock: FixedClock) -> None:
    clock.moment = WEDNESDAY
    event_id = add_event(store, "Receptie gouverneur", 1)
    briefs = BriefService(store.session_factory, clock)
    brief_id, _ = briefs.create_for_event(event_id)
    with store.session_factory.begin() as s:
        brief = s.get(Brief, brief_id)
        assert brief is not None
        brief.event_type = "receptie"
        brief.objective, brief.key_messages = "Kennismaken", "Niet nodig op een receptie"
        s.add(BriefPerson(brief=brief, person=Person(full_name="An Claes"), position=0))
    shown = BriefingService(store.session_factory, clock, briefs,
                            lambda: {"receptie": ["objective", "people"]})
    fiche = shown.fiche(brief_id)
    assert fiche.objective == "Kennismaken" and fiche.key_messages == ""
    assert [p.name for p in fiche.people] == ["An Claes"]
    everything = BriefingService(store.session_factory, clock, briefs).fiche(brief_id)
    assert everything.key_messages == "Niet nodig op een receptie"
