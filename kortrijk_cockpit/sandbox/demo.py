"""A realistic, invented mailbox of the algemeen directeur of Stad en OCMW Kortrijk.

Every name is made up. The content is a function of `seed` and `now` (by
default the start of today), so two builds on the same day are identical.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from kortrijk_cockpit.sandbox.mailbox import Mailbox
from kortrijk_cockpit.sandbox.model import Address

BRUSSELS = ZoneInfo("Europe/Brussels")
OWNER = Address("Hilde Vanthuyne", "algemeen.directeur@kortrijk.be")
DELEGATE = Address("Nathalie Goethals", "assistent@kortrijk.be")


@dataclass(frozen=True)
class Person:
    address: Address
    role: str
    topics: tuple[str, ...]


def _p(name: str, email: str, role: str, *topics: str) -> Person:
    return Person(Address(name, email), role, topics)


SERVICES = (
    _p("Sofie Vandenbroucke", "sofie.vandenbroucke@kortrijk.be", "financieel directeur",
       "bbc", "meerjarenplan", "budget"),
    _p("Pieter Declercq", "pieter.declercq@kortrijk.be", "diensthoofd HR", "personeel", "vacature"),
    _p("Annelies Verhaeghe", "annelies.verhaeghe@kortrijk.be", "directeur Omgeving",
       "omgeving", "mobiliteit"),
    _p("Bart Vanneste", "bart.vanneste@kortrijk.be", "directeur Welzijn", "welzijn", "ocmw"),
    _p("Koen Desmet", "koen.desmet@kortrijk.be", "diensthoofd ICT", "ict"),
    _p("Lotte Vermeulen", "lotte.vermeulen@kortrijk.be", "juriste", "juridisch", "raad"),
    _p("Jens Maes", "jens.maes@kortrijk.be", "communicatieverantwoordelijke", "communicatie"),
    _p("Griet Callewaert", "griet.callewaert@kortrijk.be", "secretariaat MAT", "mat", "dc"),
    _p("Wouter Lambrecht", "wouter.lambrecht@kortrijk.be", "organisatiebeheersing", "audit"),
    _p("Els Dejonghe", "els.dejonghe@kortrijk.be", "dienst Burgerzaken", "burgerzaken"),
)
POLITICIANS = (
    _p("Marc Vandewiele", "burgemeester.vandewiele@kortrijk.be", "burgemeester", "raad", "college"),
    _p("Lieve Debaere", "schepen.debaere@kortrijk.be", "schepen van Financiën", "bbc", "budget"),
    _p("Tom Coussement", "schepen.coussement@kortrijk.be", "schepen van Omgeving", "omgeving"),
    _p("Nadia El Amrani", "schepen.elamrani@kortrijk.be", "schepen van Welzijn", "welzijn"),
    _p("Frederik Opsomer", "schepen.opsomer@kortrijk.be", "schepen van Personeel", "personeel"),
)
PARTNERS = (
    _p("Evelien Soenen", "evelien.soenen@voka.be", "Voka West-Vlaanderen", "netwerk"),
    _p("Dirk Van Hove", "dirk.vanhove@vvsg.be", "VVSG", "netwerk", "studiedag"),
    _p("Katrien Degryse", "katrien.degryse@leiedal.be", "Leiedal", "omgeving", "netwerk"),
    _p("Prof. Jan Verbeke", "jan.verbeke@kulak.kuleuven.be", "KU Leuven Kulak", "netwerk", "campus"),
    _p("An Pattyn", "an.pattyn@howest.be", "Howest", "netwerk"),
    _p("Geert Demeyere", "geert.demeyere@west-vlaanderen.be", "Provincie West-Vlaanderen",
       "netwerk", "omgeving"),
    _p("Ingrid Moerman", "ingrid.moerman@vlaanderen.be", "Agentschap Binnenlands Bestuur",
       "bbc", "audit"),
)
EVERYONE = SERVICES + POLITICIANS + PARTNERS

_SUBJECTS: dict[str, tuple[str, ...]] = {
    "bbc": ("BBC {year}: rapportering eerste semester", "BBC: aanpassing meerjarenplan ter advies",
            "Vraag van ABB over de BBC-rapportering {year}"),
    "meerjarenplan": ("Meerjarenplan {year}-2031: stand van zaken kredieten",
                      "Aanpassing meerjarenplan: ontwerp voor het MAT"),
    "budget": ("Budgetwijziging {month}: overzicht per beleidsdomein",
               "Kredietbewaking: overschrijdingen {month}"),
    "personeel": ("Personeelsplan {year}: ontwerp ter bespreking",
                  "Rechtspositieregeling: wijziging verlofregeling",
                  "Evaluatiegesprekken diensthoofden: planning"),
    "vacature": ("Vacature afdelingshoofd: selectiecommissie", "Aanwervingen Q{quarter}: stand van zaken"),
    "omgeving": ("Advies omgevingsvergunning site Hoog Kortrijk", "Stadsvernieuwing Leieboorden: timing",
                 "Mobiliteitsplan: resultaten bevraging"),
    "mobiliteit": ("Parkeerbeleid binnenstad: voorstel college",),
    "welzijn": ("Welzijnsoverleg: jaarverslag OCMW {year}", "Lokaal sociaal beleid: samenwerking CAW"),
    "ocmw": ("Raad voor maatschappelijk welzijn: agenda {day}",),
    "ict": ("Migratie mailplatform: planning en impact", "Informatieveiligheid: jaarrapport DPO"),
    "juridisch": ("Juridisch advies: concessie stadsparking", "Klacht bij de Vlaamse ombudsman"),
    "raad": ("Gemeenteraad {day}: toelichtingsnota's", "Vragen raadsleden gemeenteraad {day}",
             "Notulen gemeenteraad ter goedkeuring"),
    "college": ("College {day}: agendapunten stafdienst", "Besluitenlijst college {day}"),
    "communicatie": ("Persbericht: nieuw stadskantoor", "Stadsmagazine: interview algemeen directeur"),
    "mat": ("Stukken voor het MAT van {day}", "Verslag MAT {day} ter goedkeuring"),
    "dc": ("Agenda DC {day}", "Stukken voor DC: organisatiebeheersing"),
    "audit": ("Auditrapport interne controle: opvolging acties", "Organisatiebeheersing: zelfevaluatie {year}"),
    "burgerzaken": ("Verkiezingen: organisatie stembureaus", "Wachttijden loket: evolutie"),
    "netwerk": ("Uitnodiging netwerkmoment {month}", "Uitnodiging: nieuwjaarsreceptie {year}",
                "Save the date: ontbijtsessie lokale besturen"),
    "studiedag": ("VVSG-studiedag algemeen directeurs", "Inschrijving VVSG-congres {year}"),
    "campus": ("Kulak: samenwerkingsovereenkomst campus Kortrijk", "Kulak: stadsacademie {year}"),
}
_OPENINGS = (
    "Hierbij bezorg ik je {what}, zoals afgesproken op het vorige overleg.",
    "In bijlage vind je {what}. Graag je feedback tegen het einde van de week.",
    "Mag ik je vragen om {what} te bekijken voor het volgende MAT?",
    "Zoals gevraagd een korte stand van zaken over {what}.",
    "Ter voorbereiding van de gemeenteraad stuur ik je alvast {what}.",
)
_WHATS = ("de ontwerpnota", "het voorstel van beslissing", "de cijfers van het voorbije kwartaal",
          "het verslag van de werkgroep", "de planning voor de komende maanden",
          "de stukken voor het college", "het advies van de dienst")
_MIDDLES = (
    "De impact op het meerjarenplan is beperkt, maar we moeten de kredieten tijdig verschuiven.",
    "De diensthoofden zijn betrokken en akkoord met de aanpak.",
    "Er zijn nog twee openstaande vragen, die ik hieronder opsom.",
    "Het dossier moet ten laatste volgende maand naar de gemeenteraad.",
    "De schepen vraagt om dit op het eerstvolgende college te agenderen.",
    "We stellen voor om dit mee te nemen in het personeelsplan.",
)
_BULLETS = ("timing en verantwoordelijken", "budgettaire impact", "communicatie naar het personeel",
            "advies van de financieel directeur", "afstemming met het OCMW")
_CATEGORIES = ("Opvolgen", "MAT", "DC", "Gemeenteraad", "Financiën", "Personeel", "Netwerk")
ODD_NAMES = ("Nota ../../rapport:2026?.pdf", "CON.docx", "begroting 2026 (definitief) v3.xlsx",
             "Ëxtra bijlage – überzicht.pdf", "   spatie vooraan.pdf", "nota.PDF", "aux.txt",
             "rapport" + "_lang" * 40 + ".pdf", "verslag <concept> & opmerkingen.docx")
_NORMAL_NAMES = ("nota.pdf", "presentatie.pptx", "overzicht.xlsx", "verslag.docx", "planning.pdf",
                 "advies.pdf", "begroting.xlsx")
_TYPES = {"pdf": "application/pdf", "docx": "application/vnd.openxmlformats-officedocument."
          "wordprocessingml.document", "xlsx": "application/vnd.openxmlformats-officedocument."
          "spreadsheetml.sheet", "pptx": "application/vnd.openxmlformats-officedocument."
          "presentationml.presentation", "txt": "text/plain"}
_PRIVATE = (("Persoonlijk: afspraak huisarts", "Ter herinnering: je afspraak bij de huisarts."),
            ("Vertrouwelijk: personeelsdossier", "Gelieve dit dossier vertrouwelijk te behandelen."),
            ("Privé: familiefeest zaterdag", "Hoe laat spreken we zaterdag af?"))


def _content_type(name: str) -> str:
    return _TYPES.get(name.rsplit(".", 1)[-1].lower(), "application/octet-stream")


def _body(rng: random.Random, author: Person, owner_first: str) -> str:
    bullets = "".join(f"<li>{b}</li>" for b in rng.sample(_BULLETS, rng.randint(2, 4)))
    return (f"<p>Beste {owner_first},</p>"
            f"<p>{rng.choice(_OPENINGS).format(what=rng.choice(_WHATS))}</p>"
            f"<p>{rng.choice(_MIDDLES)}</p><ul>{bullets}</ul>"
            f"<p>Met vriendelijke groet,<br>{author.address.name}<br>{author.role}</p>")


def _subject(rng: random.Random, person: Person, when: datetime) -> str:
    topic = rng.choice(person.topics)
    local = when.astimezone(BRUSSELS)
    template = rng.choice(_SUBJECTS[topic])
    text = template.format(year=local.year, month=local.strftime("%m/%Y"),
                           quarter=(local.month - 1) // 3 + 1,
                           day=(local + timedelta(days=rng.randint(1, 9))).strftime("%d/%m"))
    if rng.random() < 0.15:
        text = "Re: " + text
    return text


def _attachment(rng: random.Random, index: int) -> tuple[str, bytes, str]:
    name = ODD_NAMES[index % len(ODD_NAMES)] if rng.random() < 0.35 else rng.choice(_NORMAL_NAMES)
    body = f"%PDF-1.4\n% sandbox-bijlage {index}\n".encode() + bytes(rng.randrange(256) for _ in range(64))
    return name, body, _content_type(name)


def demo_mailbox(mails: int = 300, events: int = 60, seed: int = 1,
                 now: datetime | None = None) -> Mailbox:
    """The director's mailbox with `mails` messages and `events` calendar items."""
    rng = random.Random(seed)
    now = now or datetime.combine(date.today(), time(8, 0), BRUSSELS)
    mailbox = Mailbox(OWNER.email, owner_name=OWNER.name, delegate=DELEGATE.email,
                      delegate_name=DELEGATE.name)
    _add_mails(mailbox, rng, mails, now)
    _add_events(mailbox, rng, events, now)
    return mailbox


def _add_mails(mailbox: Mailbox, rng: random.Random, count: int, now: datetime) -> None:
    owner_first = OWNER.name.split()[0]
    span = timedelta(days=max(30, count // 8))
    # Oldest first, so the inbox fills as it did in reality.
    moments = sorted(now - timedelta(seconds=rng.uniform(0, span.total_seconds()))
                     for _ in range(count))
    for index, received in enumerate(moments):
        roll = rng.random()
        if index % 40 == 7:
            subject, text = _PRIVATE[index % len(_PRIVATE)]
            author = rng.choice(SERVICES)
            mailbox.add_message("inbox", subject, body_html=f"<p>{text}</p>",
                                sender=author.address, to=[OWNER], received=received,
                                is_read=rng.random() < 0.5, sensitivity="Private")
            continue
        author = rng.choice(POLITICIANS if roll < 0.2 else PARTNERS if roll < 0.35 else SERVICES)
        age_days = (now - received).days
        folder = "inbox"
        if rng.random() < 0.10:
            folder = "sentitems"
        elif age_days > 14 and rng.random() < 0.25:
            folder = "Behandeld"
        elif rng.random() < 0.02:
            folder = "deleteditems"
        subject = _subject(rng, author, received)
        attachments = [_attachment(rng, index + k) for k in range(rng.randint(1, 3))] \
            if rng.random() < 1 / 6 else []
        cc = [rng.choice(EVERYONE).address] if rng.random() < 0.3 else []
        if folder == "sentitems":
            mailbox.add_message(folder, "Re: " + subject.removeprefix("Re: "),
                                body_html=_body(rng, Person(OWNER, "algemeen directeur", ()),
                                                author.address.name.split()[0]),
                                sender=DELEGATE if rng.random() < 0.3 else OWNER, author=OWNER,
                                to=[author.address], cc=cc, received=received, is_read=True,
                                attachments=attachments)
            continue
        unread = age_days < 3 or rng.random() < 0.15
        flagged = rng.random() < 0.10
        categories = rng.sample(_CATEGORIES, rng.randint(1, 2)) if rng.random() < 0.2 else []
        mailbox.add_message(
            folder, subject, body_html=_body(rng, author, owner_first), sender=author.address,
            to=[OWNER], cc=cc, categories=categories, is_read=folder != "inbox" or not unread,
            importance="High" if rng.random() < 0.08 else "Normal", received=received,
            attachments=attachments, conversation_id=subject.removeprefix("Re: "),
            flag_status=("Complete" if folder == "Behandeld" else "Flagged") if flagged else "NotFlagged",
            flag_due=(received + timedelta(days=7)) if flagged and folder != "Behandeld" else None)


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), BRUSSELS)


def _add_events(mailbox: Mailbox, rng: random.Random, count: int, now: datetime) -> None:
    today = now.astimezone(BRUSSELS).date()
    monday = today - timedelta(days=today.weekday())
    series_start, series_end = monday - timedelta(weeks=12), monday + timedelta(weeks=26)
    managers = [p.address for p in SERVICES[:6]]
    college = [p.address for p in POLITICIANS]
    series = (
        ("MAT (managementteam)", 1, 9, 11, "Stadhuis, zaal Groeninge", managers),
        ("DC (directiecomité)", 3, 9, 11, "Stadhuis, zaal Broel", managers[:4]),
        ("College van burgemeester en schepenen", 0, 16, 18, "Stadhuis, schepenzaal", college),
    )
    made = 0
    for subject, weekday, start_hour, end_hour, location, attendees in series:
        if made >= count:
            return
        first = series_start + timedelta(days=weekday)
        mailbox.add_event(subject, _at(first, start_hour), _at(first, end_hour), location=location,
                          attendees=attendees, organizer=OWNER, recurrence_weekly_until=series_end,
                          body_html=f"<p>Wekelijks {subject.split(' (')[0]}.</p>",
                          categories=[subject.split()[0]] if subject.startswith(("MAT", "DC")) else [])
        made += 1
    topics = (
        ("Netwerkmoment Voka", PARTNERS[0], "Kortrijk Xpo"),
        ("VVSG-studiedag algemeen directeurs", PARTNERS[1], "Brussel, VVSG"),
        ("Leiedal: raad van bestuur", PARTNERS[2], "Leiedal, Kortrijk"),
        ("Kulak: overleg stadscampus", PARTNERS[3], "Kulak, Etienne Sabbelaan"),
        ("Howest: netwerkontbijt", PARTNERS[4], "Howest, The Level"),
        ("Overleg provincie: ruimtelijk beleid", PARTNERS[5], "Provinciehuis Brugge"),
    )
    internal = ("Bilateraal overleg", "Voorbereiding gemeenteraad", "Overleg budget",
                "Evaluatiegesprek", "Werkgroep organisatiebeheersing", "Overleg personeelsplan")
    while made < count:
        offset = rng.randint(-40, 80)
        day = today + timedelta(days=offset)
        if day.weekday() >= 5:
            day -= timedelta(days=day.weekday() - 4)
        roll = rng.random()
        if roll < 0.08:
            mailbox.add_event(rng.choice(("Tandarts", "Privé-afspraak", "Oudercontact school")),
                              _at(day, 12, 30), _at(day, 13, 30), sensitivity="Private",
                              organizer=OWNER, free_busy="OOF")
        elif roll < 0.12:
            mailbox.add_event(rng.choice(("Verlof", "Studiedag")), _at(day, 0), _at(day + timedelta(days=1), 0),
                              is_all_day=True, organizer=OWNER, free_busy="Free")
        elif roll < 0.40:
            subject, partner, location = rng.choice(topics)
            hour = rng.choice((8, 12, 17, 18))
            guests = rng.sample([p.address for p in EVERYONE], rng.randint(2, 5))
            mailbox.add_event(subject, _at(day, hour), _at(day, hour + 2), location=location,
                              organizer=partner.address, attendees=[OWNER, *guests],
                              body_html=f"<p>Welkom op het {subject.lower()}.</p>")
        elif roll < 0.45:
            mailbox.add_event("Gemeenteraad", _at(day, 19), _at(day, 23), location="Raadzaal stadhuis",
                              organizer=OWNER, attendees=college, categories=["Gemeenteraad"])
        else:
            person = rng.choice(SERVICES + POLITICIANS)
            hour = rng.randint(8, 16)
            mailbox.add_event(f"{rng.choice(internal)} met {person.address.name}", _at(day, hour),
                              _at(day, hour, 45), location="Kabinet algemeen directeur",
                              organizer=OWNER, attendees=[person.address])
        made += 1


__all__ = ["DELEGATE", "OWNER", "demo_mailbox"]
