"""A realistic, fictional Dutch demo store for Kortrijk, made in one transaction.

Used by `--demo` and by tests and benchmarks that need a populated store. All
names are invented; functions and bodies follow the office's real rhythm.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta

from sqlalchemy import insert
from sqlalchemy.orm import Session, sessionmaker

from kortrijk_cockpit.domain import (
    ActionPoint,
    ActionStatus,
    AgendaItem,
    AgendaItemKind,
    Brief,
    BriefPerson,
    BriefStatus,
    CalendarEvent,
    Deliverable,
    DeliverableStatus,
    DocumentRequest,
    FlagStatus,
    FolderKind,
    Importance,
    Mail,
    MailFolder,
    Meeting,
    MeetingSeries,
    MeetingStatus,
    Organisation,
    Person,
    ReportingCycle,
    RequestStatus,
    Sensitivity,
)
from kortrijk_cockpit.clock import BRUSSELS

DIRECTOR = "algemeen.directeur@kortrijk.be"

SENDERS = [
    ("Els Vandamme", "els.vandamme@kortrijk.be", "financieel directeur"),
    ("Pieter De Smet", "pieter.desmet@kortrijk.be", "directeur Omgeving"),
    ("Sofie Verhaeghe", "sofie.verhaeghe@kortrijk.be", "directeur Welzijn"),
    ("Bart Lambrecht", "bart.lambrecht@kortrijk.be", "directeur Organisatieontwikkeling"),
    ("Nathalie Claeys", "nathalie.claeys@kortrijk.be", "teamverantwoordelijke Financiën"),
    ("Jan Vercruysse", "jan.vercruysse@kortrijk.be", "schepen van Financiën"),
    ("An Desmet", "an.desmet@kortrijk.be", "schepen van Welzijn"),
    ("Koen Maes", "koen.maes@kortrijk.be", "teamverantwoordelijke HR"),
    ("Lotte Deconinck", "lotte.deconinck@leiedal.be", "projectleider Leiedal"),
    ("Wim Vanhoutte", "wim.vanhoutte@voka.be", "directeur Voka West-Vlaanderen"),
    ("Ine Callewaert", "ine.callewaert@vvsg.be", "stafmedewerker VVSG"),
    ("Tom Dewulf", "tom.dewulf@kuleuven-kulak.be", "campusdirecteur"),
]

SUBJECTS = [
    ("Stukken MAT {d}: aanpassing meerjarenplan", "Graag de nota en de cijfertabellen tegen vrijdag."),
    ("Advies DC over herstructurering dienst Burgerzaken", "In bijlage het ontwerpadvies voor het directiecomité."),
    ("BBC: planning opvolgingsrapportering eerste semester", "De teams leveren hun bijdrage aan tegen 15 juli."),
    ("Vraag schepen: stand van zaken dossier stationsomgeving", "Kan dit op de agenda van het college van maandag?"),
    ("Uitnodiging netwerkmoment Voka: Kortrijk 2030", "Graag bevestigen of de algemeen directeur aanwezig is."),
    ("Verslag college {d} ter nalezing", "Hierbij het ontwerpverslag; opmerkingen welkom tot woensdag."),
    ("Personeelsplan 2027: eerste ontwerp", "Het ontwerp ligt klaar voor bespreking op het MAT."),
    ("Jaarrekening: timing auditcomité", "Voorstel om het auditcomité te verplaatsen naar de 14de."),
    ("Leiedal: regionale samenwerking woonbeleid", "Uitnodiging voor het stuurgroepoverleg in december."),
    ("Managementrapportering Q3 klaar", "De rapportering zit in de gedeelde map; graag feedback."),
    ("Afwezigheid teamverantwoordelijke HR", "Volgende week ben ik afwezig; Koen neemt over."),
    ("Gemeenteraad: toegevoegde punten raadsleden", "Twee punten toegevoegd door de oppositie, zie bijlage."),
]

ORGANISATIONS = [
    ("Voka West-Vlaanderen", "werkgeversorganisatie"),
    ("VVSG", "vereniging van steden en gemeenten"),
    ("Leiedal", "intercommunale"),
    ("KU Leuven Kulak", "universiteit"),
    ("Provincie West-Vlaanderen", "overheid"),
]


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), BRUSSELS)


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def seed_demo(sessions: sessionmaker[Session], today: date, *, mails: int = 300,
              with_mailbox: bool = True) -> None:
    """Fill an empty store with the demo office around `today`.

    `with_mailbox=False` leaves mail and calendar out: they then come from the
    sandbox Exchange server through the normal sync.
    """
    rng = random.Random(20261123)
    with sessions.begin() as s:
        if with_mailbox:
            inbox = MailFolder(display_name="Postvak IN", kind=FolderKind.INBOX,
                               exchange_id="demo-inbox")
            sent = MailFolder(display_name="Verzonden items", kind=FolderKind.SENT,
                              exchange_id="demo-sent")
            done = MailFolder(display_name="Behandeld", kind=FolderKind.CUSTOM,
                              exchange_id="demo-done")
            s.add_all([inbox, sent, done])
            s.flush()
            s.add_all(_demo_mails(rng, today, mails, inbox.id, sent.id, done.id))

        orgs = {name: Organisation(name=name, kind=kind) for name, kind in ORGANISATIONS}
        s.add_all(orgs.values())
        people = []
        for name, email, function in SENDERS:
            org = next((o for key, o in orgs.items() if key.split()[0].lower() in email), None)
            people.append(
                Person(
                    full_name=name,
                    email=email,
                    function=function,
                    organisation=org,
                    is_internal=email.endswith("@kortrijk.be"),
                    purpose="contact voor overleg en netwerkmomenten",
                    retain_until=today + timedelta(days=365 * 2),
                )
            )
        s.add_all(people)

        mat = MeetingSeries(code="MAT", name="Managementteam", weekday=1, start_time="09:00",
                            duration_minutes=150, location="Stadhuis, vergaderzaal 2.14")
        dc = MeetingSeries(code="DC", name="Directiecomité", weekday=3, start_time="09:00",
                           duration_minutes=120, location="Stadhuis, vergaderzaal 2.14")
        s.add_all([mat, dc])
        s.flush()
        meetings = list(_demo_meetings(today, mat, dc))
        s.add_all(meetings)
        s.flush()
        s.add_all(_demo_agenda(rng, meetings, today))
        s.add_all(_demo_actions(rng, meetings, today, mat, dc))
        if with_mailbox:
            s.add_all(_demo_calendar(today))
        s.add_all(_demo_briefs(today, people))
        s.add_all(_demo_reporting(today))


def _demo_mails(
    rng: random.Random, today: date, count: int, inbox: int, sent: int, done: int
) -> Iterator[Mail]:
    now = _at(today, 8, 30)
    for i in range(count):
        name, email, _ = SENDERS[i % len(SENDERS)]
        subject, body = SUBJECTS[(i * 7) % len(SUBJECTS)]
        received = now - timedelta(minutes=37 * i + rng.randint(0, 30))
        folder = inbox if i % 9 else (sent if i % 2 else done)
        yield Mail(
            folder_id=folder,
            exchange_id=f"demo-mail-{i}",
            subject=subject.format(d=received.astimezone(BRUSSELS).strftime("%d/%m")),
            sender_name=name,
            sender_email=email,
            to_recipients=[DIRECTOR],
            received_at=received,
            sent_at=received,
            body_text=f"Beste,\n\n{body}\n\nMet vriendelijke groeten,\n{name}",
            body_html=f"<p>Beste,</p><p>{body}</p><p>Met vriendelijke groeten,<br>{name}</p>",
            is_read=i > 14 and rng.random() > 0.1,
            flag_status=FlagStatus.FLAGGED if i % 17 == 3 else FlagStatus.NONE,
            importance=Importance.HIGH if i % 23 == 0 else Importance.NORMAL,
            categories=["MAT"] if "MAT" in subject else [],
            has_attachments=i % 5 == 0,
        )


def _demo_meetings(today: date, mat: MeetingSeries, dc: MeetingSeries) -> Iterator[Meeting]:
    monday = _monday(today)
    for week in range(-4, 9):
        for series, weekday in ((mat, 1), (dc, 3)):
            day = monday + timedelta(weeks=week, days=weekday)
            start = _at(day, 9)
            held = day < today
            yield Meeting(
                series=series,
                title=f"{series.code} {day:%d/%m/%Y}",
                starts_at=start,
                ends_at=start + timedelta(minutes=series.duration_minutes),
                location=series.location,
                status=MeetingStatus.MINUTES_SENT if held else MeetingStatus.PLANNED,
            )


AGENDA_TITLES = [
    ("Goedkeuring verslag vorige vergadering", AgendaItemKind.APPROVAL, ""),
    ("Opvolging actielijst", AgendaItemKind.DISCUSSION, ""),
    ("Aanpassing meerjarenplan 2026-2031: kredieten 2027", AgendaItemKind.DECISION, "Financiën"),
    ("Personeelsplan 2027", AgendaItemKind.ADVICE, "Organisatieontwikkeling"),
    ("Stand van zaken stationsomgeving", AgendaItemKind.INFORMATION, "Omgeving"),
    ("Vooruitblik college en gemeenteraad", AgendaItemKind.INFORMATION, ""),
]


def _demo_agenda(rng: random.Random, meetings: list[Meeting], today: date) -> Iterator[AgendaItem]:
    for meeting in meetings:
        for pos, (title, kind, directorate) in enumerate(AGENDA_TITLES):
            item = AgendaItem(
                meeting_id=meeting.id,
                position=pos,
                title=title,
                kind=kind,
                directorate=directorate,
                owner_name=rng.choice(SENDERS[:5])[0] if directorate else "",
            )
            if directorate and meeting.starts_at.date() >= today:
                due = meeting.starts_at - timedelta(days=4)
                item.document_requests.append(
                    DocumentRequest(
                        title=f"Nota: {title}",
                        requested_from=item.owner_name,
                        due_at=due,
                        reminder_at=due - timedelta(days=2),
                        status=RequestStatus.REQUESTED,
                    )
                )
            yield item


ACTIONS = [
    "Nota personeelsplan aanpassen na advies DC",
    "Timing jaarrekening afstemmen met financieel directeur",
    "Voorstel communicatie stationsomgeving voorbereiden",
    "Terugkoppeling Leiedal over woonbeleid",
    "Planning opvolgingsrapportering bevestigen aan teams",
    "Agenderen: evaluatie thuiswerkbeleid",
    "Budgetaanvraag digitalisering herbekijken",
    "Afspraak met VVSG over samenwerkingsverband",
]


def _demo_actions(
    rng: random.Random, meetings: list[Meeting], today: date, mat: MeetingSeries, dc: MeetingSeries
) -> Iterator[ActionPoint]:
    past = [m for m in meetings if m.starts_at.date() < today]
    for i, title in enumerate(ACTIONS):
        origin = past[i % len(past)]
        yield ActionPoint(
            title=title,
            owner_name=SENDERS[i % 5][0],
            due_date=today + timedelta(days=rng.randint(-10, 30)),
            status=ActionStatus.DONE if i == 7 else ActionStatus.OPEN,
            origin_meeting_id=origin.id,
            target_series_id=(mat if i % 2 else dc).id,
        )


def _demo_calendar(today: date) -> Iterator[CalendarEvent]:
    monday = _monday(today)
    for week in range(-2, 6):
        college = _at(monday + timedelta(weeks=week), 16)
        yield CalendarEvent(subject="College van burgemeester en schepenen", start_at=college,
                            end_at=college + timedelta(hours=2), location="Stadhuis, schepenzaal",
                            exchange_id=f"demo-college-{week}")
    yield CalendarEvent(subject="Privé", start_at=_at(today, 12), end_at=_at(today, 13),
                        sensitivity=Sensitivity.PRIVATE, is_private_block=True,
                        exchange_id="demo-private-1")
    yield CalendarEvent(subject="Bilateraal schepen van Financiën", start_at=_at(today, 14),
                        end_at=_at(today, 15), location="Kabinet schepen",
                        exchange_id="demo-bilateral-1")
    event_day = today + timedelta(days=10)
    yield CalendarEvent(subject="Voka netwerkavond: Kortrijk 2030", start_at=_at(event_day, 18),
                        end_at=_at(event_day, 21), location="Kortrijk Xpo",
                        organizer="Voka West-Vlaanderen", exchange_id="demo-voka-1")


def _demo_briefs(today: date, people: list[Person]) -> Iterator[Brief]:
    brief = Brief(
        title="Voka netwerkavond: Kortrijk 2030",
        starts_at=_at(today + timedelta(days=10), 18),
        place="Kortrijk Xpo",
        organiser="Voka West-Vlaanderen",
        director_role="Deelnemer; korte tussenkomst in het panel",
        objective="Steun van de ondernemers voor de vernieuwing van de stationsomgeving.",
        key_messages="Kortrijk investeert 40 miljoen in de stationsomgeving.\n"
        "Vergunningen sneller dankzij het omgevingsloket.",
        status=BriefStatus.READY,
    )
    brief.people = [BriefPerson(person=p, position=i,
                                opener="Hoe kijkt u naar de mobiliteit rond het station?")
                    for i, p in enumerate(people[8:10])]
    yield brief
    yield Brief(title="VVSG-congres lokale besturen", starts_at=_at(today + timedelta(days=30), 9),
                place="Gent, ICC", organiser="VVSG", status=BriefStatus.DRAFT)


def _demo_reporting(today: date) -> Iterator[ReportingCycle]:
    cycle = ReportingCycle(name="Aanpassing meerjarenplan 2027", kind="bbc", period=str(today.year),
                           starts_on=date(today.year, 9, 1), ends_on=date(today.year, 12, 20))
    for i, team in enumerate(["Financiën", "Omgeving", "Welzijn", "HR", "ICT"]):
        cycle.deliverables.append(
            Deliverable(title=f"Kredietaanvraag {team}", team=team, owner_name=SENDERS[i][0],
                        due_date=today + timedelta(days=3 * i - 2),
                        status=DeliverableStatus.SUBMITTED if i == 0 else DeliverableStatus.OPEN)
        )
    yield cycle


def bulk_insert_mails(sessions: sessionmaker[Session], count: int, *, batch: int = 5000) -> None:
    """Insert `count` plain mails fast (Core inserts), for benchmarks and load tests."""
    start = datetime(2025, 1, 1, tzinfo=BRUSSELS)
    with sessions.begin() as s:
        folder = MailFolder(display_name="Postvak IN", kind=FolderKind.INBOX,
                            exchange_id="bulk-inbox")
        s.add(folder)
        s.flush()
        for offset in range(0, count, batch):
            rows = [
                {
                    "folder_id": folder.id,
                    "exchange_id": f"bulk-{i}",
                    "subject": f"{SUBJECTS[i % len(SUBJECTS)][0].format(d=i)} #{i}",
                    "sender_name": SENDERS[i % len(SENDERS)][0],
                    "sender_email": SENDERS[i % len(SENDERS)][1],
                    "to_recipients": [DIRECTOR],
                    "cc_recipients": [],
                    "categories": [],
                    "received_at": start + timedelta(minutes=7 * i),
                    "body_text": SUBJECTS[i % len(SUBJECTS)][1],
                    "is_read": i % 10 != 0,
                    "version": 1,
                }
                for i in range(offset, min(offset + batch, count))
            ]
            s.execute(insert(Mail), rows)
