"""A fiche prefilled from a sandbox appointment synced through the real exchangelib
pipeline: attendees resolved to people (unknown ones to confirm), openers from the last
interaction; a pasted attendee list; editing with a stale save refused. The store on
SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.domain import ActionPoint, Brief, CalendarEvent, Organisation, Person
from kortrijk_cockpit.errors import ConcurrentEditError, UserFacingError
from kortrijk_cockpit.exchange.ews import EwsBackend
from kortrijk_cockpit.sandbox import Mailbox
from kortrijk_cockpit.services.brief_editing import SECTIONS, BriefEditing
from kortrijk_cockpit.services.brief_prefill import BriefPrefill, PrefillRules, parse_attendees
from kortrijk_cockpit.services.briefs import BriefService
from kortrijk_cockpit.store import Store
from tests.integration.exchange_fixtures import NOW
from tests.integration.test_calendar_writes import pull

EVELIEN = ("Evelien Soenen", "evelien.soenen@voka.be")
BART = ("Bart Dewaele", "bart.dewaele@leiedal.be")
NORA = ("Nora Claeys", "nora.claeys@vives.be")
SOFIE = ("Sofie Vandenbroucke", "sofie.vandenbroucke@kortrijk.be")
DIRECTOR = ("Hilde Vanthuyne", "algemeen.directeur@kortrijk.be")


def synced_fiche(store: Store, backend: EwsBackend, mailbox: Mailbox,
                 clock: FixedClock) -> tuple[int, BriefPrefill]:
    thursday = NOW + timedelta(days=3)
    mailbox.add_event(
        "Netwerkavond Voka Zuid-West-Vlaanderen", thursday.replace(hour=18),
        thursday.replace(hour=21), location="Kortrijk Xpo, hal 3", organizer=EVELIEN,
        attendees=[DIRECTOR, BART, NORA, SOFIE],
        body_html="<p>Beste Hilde,</p><p>Rol: slotwoord namens de stad</p>"
                  "<p>Parking: P1 aan de hoofdingang</p><p>Tot dan!</p>")
    mailbox.add_message("inbox", "RE: Woonbehoeftestudie", sender=BART,
                        to=[DIRECTOR], received=NOW - timedelta(days=30),
                        body_html="<p>Stand van zaken.</p>")
    mailbox.add_message("inbox", "Ledenbevraging", sender=EVELIEN, to=[DIRECTOR],
                        received=NOW - timedelta(days=2), flag_status="Flagged",
                        body_html="<p>Graag uw input.</p>")
    with store.session_factory.begin() as s:
        leiedal = Organisation(name="Leiedal")
        s.add_all([Person(full_name="Bart Dewaele", function="Directeur", organisation=leiedal,
                          mandate="Voorzitter werkgroep wonen", source="hand"),
                   Person(full_name="Evelien Soenen", email="evelien.soenen@voka.be",
                          function="Netwerkmanager", source="mail")])
    with store.session_factory.begin() as s:
        bart = s.scalars(select(Person).where(Person.full_name == "Bart Dewaele")).one()
        s.add(ActionPoint(title="Cijfers leegstand bezorgen", owner_person_id=bart.id))
    pull(store, backend, clock)
    briefs = BriefService(store.session_factory, clock)
    [row] = briefs.external_events(NOW, NOW + timedelta(days=7))
    brief_id, _ = briefs.create_for_event(row.event_id)
    return brief_id, BriefPrefill(store.session_factory, clock,
                                  lambda: PrefillRules(("kortrijk.be",), 24))


def test_a_fiche_is_prefilled_from_a_sandbox_appointment_with_its_attendees(
        store: Store, backend: EwsBackend, mailbox: Mailbox, clock: FixedClock) -> None:
    brief_id, prefill = synced_fiche(store, backend, mailbox, clock)

    result = prefill.prefill(brief_id)
    assert (result.people_listed, result.people_created) == (3, 1)
    draft = BriefEditing(store.session_factory, clock).load(brief_id)
    assert draft.fields["title"] == "Netwerkavond Voka Zuid-West-Vlaanderen"
    assert draft.fields["place"] == "Kortrijk Xpo, hal 3"
    assert "evelien.soenen@voka.be" in draft.fields["organiser"]
    assert draft.fields["director_role"] == "slotwoord namens de stad"
    assert "Parking: P1 aan de hoofdingang" in draft.fields["logistics"]
    assert draft.sections == SECTIONS
    people = {p.name: p for p in draft.people}
    assert list(people) == ["Evelien Soenen", "Bart Dewaele", "Nora Claeys"]  # no colleagues
    bart, evelien, nora = people["Bart Dewaele"], people["Evelien Soenen"], people["Nora Claeys"]
    assert (bart.function, bart.mandate, bart.organisation, bart.to_confirm) == (
        "Directeur", "Voorzitter werkgroep wonen", "Leiedal", False)
    assert bart.email == "bart.dewaele@leiedal.be"  # resolved by name, address learnt
    assert bart.opener == "Vorige maand mailde u over woonbehoeftestudie; hoe staat het ermee?"
    assert "Actiepunt: Cijfers leegstand bezorgen" in bart.open_matters
    assert bart.last_interactions == ("24/10/2026 mail: Woonbehoeftestudie",)
    assert "Mail met vlag: Ledenbevraging" in evelien.open_matters
    assert evelien.opener.startswith("Deze week mailde u over ledenbevraging")
    assert nora.to_confirm and nora.opener.startswith("Fijn u te ontmoeten op Netwerkavond")
    with store.session() as s:
        made = s.scalars(select(Person).where(Person.email == NORA[1])).one()
        assert (made.source, made.full_name) == ("fiche", "Nora Claeys")
        assert "Netwerkavond Voka" in made.purpose
        assert made.retain_until == date(2028, 11, 23)
        assert s.scalars(select(Person).where(Person.email == SOFIE[1])).first() is None

    again = prefill.prefill(brief_id)  # a second prefill never lists anyone twice
    assert again.people_listed == 0
    assert len(BriefEditing(store.session_factory, clock).load(brief_id).people) == 3


def test_a_pasted_attendee_list_adds_people_and_unknown_names_are_to_confirm(
        store: Store, clock: FixedClock) -> None:
    with store.session_factory.begin() as s:
        s.add(Person(full_name="Bart Dewaele", function="Directeur", source="hand"))
        brief = Brief(title="Werkbezoek Leiedal", starts_at=NOW + timedelta(days=1))
        s.add(brief)
        s.flush()
        brief_id = brief.id
    prefill = BriefPrefill(store.session_factory, clock)
    summary, _changes = prefill.import_attendees(
        brief_id, "Bart Dewaele, Directeur, Leiedal\n\n"
                  "Lien Vermeersch, Schepen van Wonen, Stad Menen\n"
                  "Nora Claeys <nora.claeys@vives.be>\n")
    assert summary == "3 deelnemers toegevoegd, waarvan 2 nieuw (te bevestigen)."
    summary, _ = prefill.import_attendees(
        brief_id, "naam;functie;organisatie;e-mail\n"
                  "Lien Vermeersch;Schepen;Stad Menen;\n"
                  "Koen Maes;Rector;VIVES;koen.maes@vives.be\n")
    assert summary == "1 deelnemer toegevoegd, waarvan 1 nieuw (te bevestigen); " \
                      "1 stond al op de fiche."
    editing = BriefEditing(store.session_factory, clock)
    people = editing.load(brief_id).people
    assert [(p.name, p.function, p.organisation, p.to_confirm) for p in people] == [
        ("Bart Dewaele", "Directeur", "", False),
        ("Lien Vermeersch", "Schepen van Wonen", "Stad Menen", True),
        ("Nora Claeys", "", "", True),
        ("Koen Maes", "Rector", "VIVES", True)]
    editing.confirm_person(people[1].person_id)
    editing.move_person(brief_id, people[3].row_id, -1)
    editing.remove_person(brief_id, people[0].row_id)
    assert [(p.name, p.to_confirm) for p in editing.load(brief_id).people] == [
        ("Lien Vermeersch", False), ("Koen Maes", True), ("Nora Claeys", True)]
    with pytest.raises(UserFacingError, match="Geen deelnemers"):
        prefill.import_attendees(brief_id, "  \n")
    assert parse_attendees("\"Claeys, Nora\" <nora@vives.be>")[0].email == "nora@vives.be"


def test_a_stale_save_is_refused_and_the_newer_text_stays(
        store: Store, clock: FixedClock) -> None:
    with store.session_factory.begin() as s:
        event = CalendarEvent(subject="Receptie VVSG", start_at=NOW, end_at=NOW,
                              organizer="info@vvsg.be")
        s.add(event)
        s.flush()
        brief = Brief(title="Receptie VVSG", calendar_event_id=event.id, event_type="receptie")
        s.add(brief)
        s.flush()
        brief_id = brief.id
    mine = BriefEditing(store.session_factory, clock,
                        lambda: {"receptie": ["people", "objective"]})
    theirs = BriefEditing(store.session_factory, clock)
    loaded = mine.load(brief_id)
    assert loaded.sections == ("objective", "people")
    other = theirs.load(brief_id)
    version, changes = theirs.save(brief_id, other.version, {"objective": "Netwerken."})
    assert changes and version == other.version + 1
    with pytest.raises(ConcurrentEditError):
        mine.save(brief_id, loaded.version, {"objective": "Kortrijk als woonstad tonen."})
    assert theirs.load(brief_id).fields["objective"] == "Netwerken."
    version, _ = mine.save(brief_id, version, {"objective": "Kortrijk als woonstad tonen."})
    assert mine.load(brief_id).fields["objective"] == "Kortrijk als woonstad tonen."
    with pytest.raises(UserFacingError, match="titel"):
        mine.save(brief_id, version, {"title": " "})
