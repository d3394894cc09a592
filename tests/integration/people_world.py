"""A small office of people with every kind of link, for merge and privacy tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from kortrijk_cockpit.clock import BRUSSELS
from kortrijk_cockpit.domain import (
    ActionPoint,
    ActionPointEvent,
    Attendance,
    AuditEntry,
    Brief,
    BriefPerson,
    LinkKind,
    Mail,
    MailFolder,
    MailLink,
    Meeting,
    MeetingSeries,
    Organisation,
    Person,
    SeriesMember,
)
from kortrijk_cockpit.domain.minutes import ActionEventKind
from kortrijk_cockpit.store import Store

NOW = datetime(2027, 1, 4, 9, tzinfo=BRUSSELS)
TODAY = NOW.date()


@dataclass(frozen=True)
class World:
    jan: int  # Jan Peeters, Voka, jan.peeters@voka.be
    peeters: int  # "Peeters Jan", Voka, no address: his duplicate by name
    bracket: int  # "Jan Peeters (Voka)", no organisation, same address in capitals
    peters: int  # Jan Peters at Unizo: a near name elsewhere, no duplicate
    griet: int  # Griet Lambrecht (Unizo): the one erased
    els: int  # a colleague
    fiche_a: int  # both Jan and his duplicate on it
    fiche_b: int  # only the duplicate
    series: int  # both members; the duplicate chairs
    meeting: int
    point: int  # owned by the duplicate
    mail: int  # linked to the duplicate
    griet_mail: int  # linked to Griet; from a colleague, so not hers


def ago(months: int, days: int = 0) -> datetime:
    return NOW - timedelta(days=round(months * 30.44) + days)


def seed(store: Store) -> World:
    with store.session_factory.begin() as s:
        voka, unizo = Organisation(name="Voka"), Organisation(name="Unizo")
        jan = Person(full_name="Jan Peeters", organisation=voka, email="jan.peeters@voka.be",
                     tags=["netwerk"], notes="Kent de schepen.", function="Directeur",
                     last_contact_at=ago(3), retain_until=date(2027, 6, 1))
        peeters = Person(full_name="Peeters Jan", organisation=voka, phone="056 11 22 33",
                         tags=["economie", "netwerk"], notes="Fietst graag.",
                         last_contact_at=ago(1), retain_until=date(2028, 1, 1))
        bracket = Person(full_name="Jan Peeters (Voka)", email="JAN.PEETERS@voka.be",
                         source="fiche", to_confirm=True)
        peters = Person(full_name="Jan Peters", organisation=unizo, email="jan@unizo.be")
        griet = Person(full_name="Griet Lambrecht", organisation=unizo,
                       email="griet.lambrecht@unizo.be", mandate="Voorzitter",
                       notes="Vraagt naar de ring.", tags=["kmo"], last_contact_at=ago(26))
        els = Person(full_name="Els Vermeulen", email="els.vermeulen@kortrijk.be",
                     is_internal=True, last_contact_at=ago(40))
        s.add_all([jan, peeters, bracket, peters, griet, els])
        s.flush()

        fiche_a = Brief(title="Nieuwjaarsreceptie Voka", starts_at=NOW + timedelta(days=3),
                        background="Griet Lambrecht vroeg vorig jaar naar de ring.")
        fiche_b = Brief(title="Werkbezoek Leiedal", starts_at=NOW + timedelta(days=5))
        s.add_all([fiche_a, fiche_b])
        s.flush()
        s.add_all([BriefPerson(brief_id=fiche_a.id, person_id=jan.id, position=0),
                   BriefPerson(brief_id=fiche_a.id, person_id=peeters.id, position=1,
                               open_matters="Subsidie fietsroute", opener="De Ronde?"),
                   BriefPerson(brief_id=fiche_b.id, person_id=peeters.id),
                   BriefPerson(brief_id=fiche_a.id, person_id=griet.id, position=2,
                               open_matters="Ring", opener="Hoe gaat het met Unizo?")])

        series = MeetingSeries(code="NET", name="Netwerkoverleg", chair_person_id=peeters.id,
                               distribution=["Griet Lambrecht <griet.lambrecht@unizo.be>",
                                             "els.vermeulen@kortrijk.be"])
        s.add(series)
        s.flush()
        s.add_all([SeriesMember(series_id=series.id, person_id=jan.id, position=0),
                   SeriesMember(series_id=series.id, person_id=peeters.id, position=1),
                   SeriesMember(series_id=series.id, person_id=griet.id, position=2)])
        meeting = Meeting(series_id=series.id, title="Netwerkoverleg januari",
                          starts_at=NOW - timedelta(days=7), ends_at=NOW - timedelta(days=7,
                                                                                    hours=-1))
        s.add(meeting)
        s.flush()
        s.add_all([Attendance(meeting_id=meeting.id, person_id=peeters.id, name="Peeters Jan"),
                   Attendance(meeting_id=meeting.id, person_id=griet.id,
                              name="Griet Lambrecht", position=1)])
        point = ActionPoint(title="Fietsroute uittekenen", owner_name="Peeters Jan",
                            owner_person_id=peeters.id, due_date=date(2027, 2, 1))
        griet_point = ActionPoint(title="Ring bespreken", owner_name="Griet Lambrecht",
                                  owner_person_id=griet.id, due_date=date(2027, 3, 1))
        s.add_all([point, griet_point])
        s.flush()
        s.add(ActionPointEvent(action_point_id=griet_point.id, at=NOW,
                               kind=ActionEventKind.OWNER, old_value="",
                               new_value="Griet Lambrecht"))
        s.add(AuditEntry(at=NOW, action="action_point_owner", entity="action_point",
                         entity_id=griet_point.id, detail={"owner": "Griet Lambrecht"}))

        inbox = MailFolder(display_name="Postvak IN")
        s.add(inbox)
        s.flush()
        mail = Mail(folder_id=inbox.id, subject="Fietsroute Voka", sender_name="Voka",
                    sender_email="info@voka.be", received_at=NOW - timedelta(days=20))
        griet_mail = Mail(folder_id=inbox.id, subject="Vraag over de ring",
                          sender_name="Els Vermeulen", sender_email="els.vermeulen@kortrijk.be",
                          received_at=NOW - timedelta(days=30))
        s.add_all([mail, griet_mail])
        s.flush()
        s.add_all([MailLink(mail_id=mail.id, target_kind=LinkKind.PERSON, target_id=peeters.id),
                   MailLink(mail_id=griet_mail.id, target_kind=LinkKind.PERSON,
                            target_id=griet.id)])
        return World(jan.id, peeters.id, bracket.id, peters.id, griet.id, els.id, fiche_a.id,
                     fiche_b.id, series.id, meeting.id, point.id, mail.id, griet_mail.id)

