"""Personen on SQLite and PostgreSQL: built up from synced mail and calendar (one person per
address, each with a reason and a retention date), a Mandatendatabank CSV import, the
timeline with the last contact at a glance, and the lazy, filtered list with stale saves
refused."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kortrijk_cockpit.clock import BRUSSELS, FixedClock
from kortrijk_cockpit.domain import (
    ActionPoint,
    Attendance,
    Brief,
    BriefPerson,
    CalendarEvent,
    Mail,
    MailFolder,
    Meeting,
    Person,
)
from kortrijk_cockpit.domain.mail import FolderKind
from kortrijk_cockpit.errors import ConcurrentEditError, UserFacingError
from kortrijk_cockpit.services.people import PeopleQuery, PeopleService, PersonFields
from kortrijk_cockpit.services.people_csv import PeopleCsvImport
from kortrijk_cockpit.services.people_harvest import HarvestRules, PeopleHarvest
from kortrijk_cockpit.services.person_timeline import PersonTimelineService
from kortrijk_cockpit.store import Store

NOW = datetime(2026, 11, 20, 10, tzinfo=BRUSSELS)


def at(days: int, hour: int = 10) -> datetime:
    return (NOW + timedelta(days=days)).replace(hour=hour)


def fill_mail_and_calendar(store: Store) -> None:
    with store.session_factory.begin() as s:
        inbox = MailFolder(exchange_id="inbox", display_name="Postvak IN",
                           kind=FolderKind.INBOX)
        s.add(inbox)
        s.flush()
        s.add_all([
            Mail(folder_id=inbox.id, subject="Voka netwerkavond", sender_name="Jan Peeters",
                 sender_email="Jan.Peeters@voka.be", received_at=at(-30),
                 to_recipients=["Hilde Vandenbroucke <hilde@kortrijk.be>"]),
            Mail(folder_id=inbox.id, subject="Re: Voka netwerkavond", sender_name="",
                 sender_email="jan.peeters@VOKA.be", received_at=at(-8),
                 cc_recipients=["Els Vermeulen <els.vermeulen@kortrijk.be>",
                                "leiedal@leiedal.be"]),
        ])
        s.add_all([
            CalendarEvent(subject="Werkbezoek Leiedal", start_at=at(-3), end_at=at(-3, 12),
                          organizer="Lien Desmet <lien@leiedal.be>",
                          attendees=["Jan Peeters <jan.peeters@voka.be>",
                                     "hilde@kortrijk.be"]),
            CalendarEvent(subject="Receptie", start_at=at(10), end_at=at(10, 12),
                          organizer="Karel Maes <karel@unizo.be>"),
            CalendarEvent(subject="Privé", start_at=at(-1), end_at=at(-1, 11),
                          organizer="geheim@example.org", is_private_block=True),
        ])


def people(store: Store) -> dict[str, Person]:
    with store.session() as s:
        return {p.email: p for p in s.scalars(select(Person))}


def test_harvest_makes_one_person_per_address_with_a_reason_and_a_date(store: Store) -> None:
    fill_mail_and_calendar(store)
    clock = FixedClock(NOW)
    harvest = PeopleHarvest(store.session_factory, clock,
                            lambda: HarvestRules(("kortrijk.be",), 24, ("hilde@kortrijk.be",)))
    report = harvest.run()
    found = people(store)
    assert sorted(found) == ["els.vermeulen@kortrijk.be", "jan.peeters@voka.be",
                             "karel@unizo.be", "leiedal@leiedal.be", "lien@leiedal.be"]
    jan = found["jan.peeters@voka.be"]
    assert (jan.full_name, jan.source, jan.is_internal) == ("Jan Peeters", "mail", False)
    assert jan.last_contact_at == at(-3)  # the appointment after his last mail
    assert jan.retain_until == date(2028, 11, 17)  # 24 months after that
    assert found["els.vermeulen@kortrijk.be"].is_internal
    karel = found["karel@unizo.be"]
    assert karel.source == "agenda" and karel.last_contact_at is None  # not met yet
    assert karel.retain_until == date(2028, 11, 20)
    assert found["leiedal@leiedal.be"].full_name == "leiedal@leiedal.be"
    assert all(p.purpose and p.retain_until for p in found.values())
    assert report.created == 5

    # Again: nothing new; a later mail moves the contact and the date on.
    assert harvest.run().created == 0
    with store.session_factory.begin() as s:
        inbox = s.scalars(select(MailFolder)).one()
        mail = Mail(folder_id=inbox.id, subject="Bedankt", sender_name="Jan Peeters",
                    sender_email="JAN.PEETERS@voka.be", received_at=at(-1))
        s.add(mail)
        s.flush()
        mail_id = mail.id
    from kortrijk_cockpit.changes import Changes, Kind

    again = harvest.after_sync(Changes.of(Kind.MAIL, created=[mail_id]))
    assert (again.created, again.updated) == (0, 1)
    jan = people(store)["jan.peeters@voka.be"]
    assert jan.last_contact_at == at(-1) and jan.retain_until == date(2028, 11, 19)
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(Person)) == 5


MANDATEN = ("Voornaam;Naam;Mandaat;Bestuursorgaan;E-mail;Telefoon\r\n"
            "Ruth;Vandenberghe;Burgemeester;College van burgemeester en schepenen;"
            "ruth.vandenberghe@kortrijk.be;056 27 00 00\r\n"
            "Jan;Peeters;Gemeenteraadslid;Gemeenteraad;jan.peeters@voka.be;0470 12 34 56\r\n"
            ";;Schepen;College;;\r\n"
            "Wout;Lefère;Schepen;College van burgemeester en schepenen;wout@;\r\n"
            "Stéphanie;Dewaele;OCMW-raadslid;Raad voor maatschappelijk welzijn;;\r\n")


def test_a_mandatendatabank_export_adds_and_fills_in_and_names_the_bad_lines(
        store: Store, tmp_path: Path) -> None:
    with store.session_factory.begin() as s:
        s.add(Person(full_name="Jan Peeters", email="jan.peeters@voka.be", function="",
                     notes="Kent de directeur van vroeger.", purpose="Netwerk", source="mail"))
    path = tmp_path / "mandatarissen.csv"
    path.write_bytes(b"\xef\xbb\xbf" + MANDATEN.encode("utf-8"))
    importer = PeopleCsvImport(store.session_factory, FixedClock(NOW))
    report = importer.import_file(path)
    assert report.summary == ("2 nieuw, 1 bijgewerkt, 2 overgeslagen: regel 4: geen naam; "
                              "regel 5: ongeldig e-mailadres \"wout@\"")
    found = people(store)
    ruth = found["ruth.vandenberghe@kortrijk.be"]
    assert (ruth.full_name, ruth.function, ruth.source, ruth.is_internal) == (
        "Ruth Vandenberghe", "Burgemeester", "csv", True)
    assert ruth.retain_until == date(2028, 11, 20) and "mandatarissen.csv" in ruth.purpose
    jan = found["jan.peeters@voka.be"]
    assert (jan.function, jan.phone, jan.notes, jan.purpose) == (
        "Gemeenteraadslid", "0470 12 34 56", "Kent de directeur van vroeger.", "Netwerk")
    with store.session() as s:
        stephanie = s.scalars(select(Person).where(Person.full_name == "Stéphanie Dewaele")
                              ).one()
        assert stephanie.organisation is not None
        assert stephanie.organisation.name == "Raad voor maatschappelijk welzijn"

    # The same file again (cp1252, commas): nothing new, nothing changed.
    again = importer.import_bytes(MANDATEN.replace(";", ",").encode("cp1252"), "oud.csv")
    assert (again.created, again.updated) == (0, 0)


def test_a_file_without_names_is_refused_and_changes_nothing(store: Store) -> None:
    importer = PeopleCsvImport(store.session_factory, FixedClock(NOW))
    with pytest.raises(UserFacingError, match="geen kolom met een naam"):
        importer.import_bytes(b"Adres;Gemeente\nMarkt 1;Kortrijk\n", "adressen.csv")
    with pytest.raises(UserFacingError, match="is leeg"):
        importer.import_bytes(b"", "leeg.csv")
    assert people(store) == {}


def test_the_timeline_is_newest_first_with_the_last_contact_at_a_glance(store: Store) -> None:
    fill_mail_and_calendar(store)
    clock = FixedClock(NOW)
    PeopleHarvest(store.session_factory, clock).run()
    with store.session_factory.begin() as s:
        jan = s.scalars(select(Person).where(Person.email == "jan.peeters@voka.be")).one()
        meeting = Meeting(title="Stuurgroep Kortrijk Weide", starts_at=at(-5),
                          ends_at=at(-5, 12))
        brief = Brief(title="Nieuwjaarsreceptie Voka", starts_at=at(12))
        s.add_all([meeting, brief])
        s.flush()
        s.add_all([Attendance(meeting_id=meeting.id, person_id=jan.id, name="Jan Peeters"),
                   BriefPerson(brief_id=brief.id, person_id=jan.id),
                   ActionPoint(title="Nota bezorgen", owner_person_id=jan.id,
                               due_date=date(2026, 11, 25))])
        jan_id = jan.id
    timeline = PersonTimelineService(store.session_factory, clock).timeline(jan_id)
    assert [(e.kind, e.title) for e in timeline.entries] == [
        ("fiche", "Nieuwjaarsreceptie Voka"), ("actiepunt", "Nota bezorgen"),
        ("afspraak", "Werkbezoek Leiedal"), ("overleg", "Stuurgroep Kortrijk Weide"),
        ("mail", "Re: Voka netwerkavond"), ("mail", "Voka netwerkavond")]
    assert timeline.glance == "Laatste contact met Kortrijk: 17/11/2026 (afspraak)"


def test_the_list_is_lazy_filtered_and_a_stale_save_is_refused(store: Store) -> None:
    fill_mail_and_calendar(store)
    clock = FixedClock(NOW)
    PeopleHarvest(store.session_factory, clock).run()
    service = PeopleService(store.session_factory, clock)
    made = service.create(PersonFields("Zoë Claeys", function="Directeur", organisation="Voka",
                                       email="zoe@voka.be", tags=("netwerk", "Netwerk")))
    assert made.fields.tags == ("netwerk",) and made.fields.purpose
    assert made.fields.retain_until == date(2028, 11, 20)
    assert service.count() == 7  # the harvest's six (Hilde too) and Zoë
    voka = service.ids(PeopleQuery(text="voka"))
    assert [r.full_name for r in service.page(PeopleQuery(text="voka"), 0, 10)] == [
        "Jan Peeters", "Zoë Claeys"]
    assert len(voka) == 2
    assert service.count(PeopleQuery(internal=True)) == 2
    assert service.ids(PeopleQuery(tag="NETWERK")) == [made.id]
    assert service.tags() == ["netwerk"] and service.organisations() == ["Voka"]

    edited = service.save(made.id, made.version,
                          PersonFields("Zoë Claeys", function="Gedelegeerd bestuurder",
                                       organisation="voka", email="zoe@voka.be"))
    assert edited.fields.function == "Gedelegeerd bestuurder"
    assert edited.fields.organisation == "Voka"  # the same organisation, not a second one
    with pytest.raises(ConcurrentEditError):
        service.save(made.id, made.version, PersonFields("Zoë C."))
    with pytest.raises(UserFacingError, match="geen geldig e-mailadres"):
        service.save(made.id, edited.version, PersonFields("Zoë", email="zoe at voka"))


def test_a_simple_list_with_commas_in_cp1252_matches_by_name_and_adds_tags(
        store: Store) -> None:
    with store.session_factory.begin() as s:
        s.add(Person(full_name="Lien Desmet", email="", notes="Nota's", purpose="Netwerk"))
    data = ("Naam,Functie,Organisatie,E-mail,Telefoon,Tags\n"
            "Lien Desmet,Algemeen directeur,Leiedal,lien@leiedal.be,,regio|netwerk\n"
            "\"Dirk De Bruyne\",Schepen,\"Stad Menen, college\",,056 52 10 00,\n"
            "Karel Maes;extra,Voorzitter,Unizo,karel@unizo.be,,,,overbodig\n").encode("cp1252")
    report = PeopleCsvImport(store.session_factory, FixedClock(NOW)).import_bytes(
        data, "lijst.csv")
    assert report.summary == ("1 nieuw, 1 bijgewerkt, 1 overgeslagen: "
                              "regel 4: meer kolommen dan de kop")
    with store.session() as s:
        lien = s.scalars(select(Person).where(Person.full_name == "Lien Desmet")).one()
        assert (lien.email, lien.function, lien.tags, lien.notes) == (
            "lien@leiedal.be", "Algemeen directeur", ["regio", "netwerk"], "Nota's")
        assert lien.organisation is not None and lien.organisation.name == "Leiedal"
        dirk = s.scalars(select(Person).where(Person.full_name == "Dirk De Bruyne")).one()
        assert dirk.organisation is not None
        assert dirk.organisation.name == "Stad Menen, college"
        assert dirk.phone == "056 52 10 00" and not dirk.is_internal
