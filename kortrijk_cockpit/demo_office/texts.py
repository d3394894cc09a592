"""What the office writes about: per topic, subjects and whole Dutch sentences.

Placeholders: {year}, {next_year}, {month} (mm/jjjj), {quarter}, and the next
meeting after the mail is sent: {mat}, {dc}, {college}, {council} (dd/mm).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Document:
    """What a mail sends along: how the text names it, and the file itself."""

    phrase: str  # "de ontwerpnota over ..." (lower case: it follows "In bijlage vind je")
    file_name: str
    title: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Topic:
    category: str  # what the assistant files a mail on this topic under
    subjects: tuple[str, ...]
    about: str  # "de opvolgingsrapportering" (lower case, follows "over")
    facts: tuple[str, ...]
    asks: tuple[str, ...]
    document: Document | None = None
    points: tuple[str, ...] = ()  # bullet points (noun phrases) for the overleg


_FIGURES = ("Beleidsdomein\tKrediet {year}\tVoorstel {next_year}",
            "Omgeving\t18450000\t19120000", "Welzijn\t42300000\t43050000",
            "Samenleving\t12800000\t12640000", "Organisatieontwikkeling\t6150000\t6400000",
            "Facility en ICT\t9700000\t10350000")

TOPICS: dict[str, Topic] = {
    "bbc": Topic(
        "Financiën",
        ("Opvolgingsrapportering {year}: eerste ontwerp", "BBC: timing jaarrekening {year}"),
        "de opvolgingsrapportering van het meerjarenplan",
        ("De directies hebben hun bijdragen bijna allemaal aangeleverd.",
         "Twee beleidsdoelstellingen lopen vertraging op door de uitgestelde aanbesteding.",
         "Het Agentschap Binnenlands Bestuur verwacht de digitale rapportering binnen de termijn."),
        ("Kunnen we dit agenderen op het MAT van {mat}?",
         "Graag je opmerkingen tegen vrijdag, zodat we de nota tijdig naar het college sturen."),
        Document("het ontwerp van de opvolgingsrapportering",
                 "Opvolgingsrapportering {year} - ontwerp.xlsx",
                 "Opvolgingsrapportering {year}: stand per beleidsdomein", _FIGURES),
        ("stand van de acties per beleidsdoelstelling", "afwijkingen ten opzichte van het plan",
         "timing voor de gemeenteraad")),
    "meerjarenplan": Topic(
        "Financiën",
        ("Aanpassing meerjarenplan: ontwerp voor het MAT van {mat}",
         "Meerjarenplan 2026-2031: kredieten {next_year}"),
        "de aanpassing van het meerjarenplan",
        ("De impact op het meerjarenplan blijft beperkt, maar we moeten de kredieten tijdig "
         "verschuiven.",
         "De autofinancieringsmarge blijft positief over de hele planperiode."),
        ("Mogen we het voorstel op het MAT van {mat} bespreken?",
         "Kan je bevestigen dat de directies hun kredietaanvragen tegen eind deze maand indienen?"),
        Document("het overzicht van de kredietaanvragen per directie",
                 "Aanpassing MJP {next_year} - kredieten.xlsx",
                 "Aanpassing meerjarenplan: kredieten {next_year}", _FIGURES),
        ("kredietaanvragen per directie", "investeringen die verschuiven",
         "advies van de financieel directeur")),
    "budget": Topic(
        "Financiën",
        ("Kredietbewaking {month}: overschrijdingen", "Budgetwijziging: overzicht per directie"),
        "de kredietbewaking",
        ("Bij drie budgetsleutels dreigt een overschrijding voor het einde van het jaar.",
         "De energiekosten liggen lager dan geraamd, wat ruimte geeft voor een verschuiving."),
        ("Kan je dit kort toelichten op het DC van {dc}?",
         "Graag je akkoord om de verschuiving aan het college voor te leggen."),
        Document("het overzicht van de kredietbewaking", "Kredietbewaking {month}.xlsx",
                 "Kredietbewaking per directie", _FIGURES)),
    "omgeving": Topic(
        "Omgeving",
        ("Stadsvernieuwing Leieboorden: timing", "Omgevingsvergunning site Hoog Kortrijk"),
        "de stadsvernieuwing aan de Leieboorden",
        ("De aannemer kan de werken aan de kaaimuren starten na het bouwverlof.",
         "Het openbaar onderzoek leverde zeventien bezwaren op, vooral over parkeren.",
         "Leiedal werkt het ruimtelijk kader verder uit tegen het einde van het kwartaal."),
        ("Kan dit op het college van {college}?",
         "Graag bespreken we de timing op het DC van {dc}."),
        Document("de nota over de fasering van de werken", "Leieboorden - fasering werken.docx",
                 "Stadsvernieuwing Leieboorden: fasering",
                 ("Fase 1: kaaimuren en riolering, start na het bouwverlof.",
                  "Fase 2: heraanleg van de oevers en het fietspad.",
                  "Fase 3: groenaanleg en verlichting.")),
        ("fasering van de werken", "communicatie naar de buurt",
         "bereikbaarheid van de handelaars")),
    "mobiliteit": Topic(
        "Omgeving",
        ("Parkeerbeleid binnenstad: voorstel aan het college",
         "Mobiliteitsplan: resultaten van de bevraging"),
        "het parkeerbeleid in de binnenstad",
        ("Uit de bevraging blijkt dat twee op drie bezoekers met de fiets of de bus komen.",
         "Het voorstel verlaagt het tarief in de randparkings tijdens de eindejaarsperiode."),
        ("Kan je laten weten of de burgemeester dit eerst wil zien?",
         "Graag agenderen op het college van {college}."),
        Document("de resultaten van de bevraging", "Mobiliteitsplan - resultaten bevraging.pdf",
                 "Mobiliteitsplan Kortrijk: resultaten van de bevraging",
                 ("1.214 bezoekers namen deel aan de bevraging.",
                  "64 procent komt met de fiets of het openbaar vervoer.",
                  "Parkeren in de randparkings scoort het best."))),
    "welzijn": Topic(
        "Welzijn",
        ("Lokaal sociaal beleid: samenwerking met het CAW", "Jaarverslag OCMW {year}"),
        "de samenwerking met het CAW",
        ("Het CAW wil de onthaalpunten in de wijken samen met ons bemannen.",
         "De wachtlijst voor budgetbegeleiding is het voorbije jaar gehalveerd."),
        ("Kan dit mee op de agenda van het vast bureau van {college}?",
         "Graag je advies voor we het voorstel aan de schepen bezorgen."),
        Document("de ontwerpovereenkomst met het CAW",
                 "Samenwerkingsovereenkomst CAW - ontwerp.docx",
                 "Samenwerkingsovereenkomst CAW Zuid-West-Vlaanderen",
                 ("Artikel 1: gezamenlijke onthaalpunten in vier wijken.",
                  "Artikel 2: gedeelde registratie binnen de privacyregels.",
                  "Artikel 3: evaluatie na twaalf maanden."))),
    "ocmw": Topic(
        "Welzijn",
        ("Raad voor maatschappelijk welzijn {council}: agenda",
         "Vast bureau: dossiers sociale dienst"),
        "de agenda van de raad voor maatschappelijk welzijn",
        ("Er staan vier dossiers van de sociale dienst op de agenda.",
         "Het huishoudelijk reglement van het sociaal huis is aangepast aan het nieuwe decreet."),
        ("Kan je bevestigen dat de toelichtingsnota's volledig zijn?",)),
    "personeel": Topic(
        "Personeel",
        ("Personeelsplan {next_year}: ontwerp ter bespreking",
         "Rechtspositieregeling: wijziging verlofregeling"),
        "het personeelsplan {next_year}",
        ("De vakbonden krijgen het ontwerp op het onderhandelingscomité van volgende maand.",
         "We voorzien acht bijkomende voltijdse functies, vooral in de zorg en bij de "
         "technische dienst.",
         "De wijziging van de verlofregeling volgt de nieuwe Vlaamse regelgeving."),
        ("Mogen we dit voorleggen aan het MAT van {mat}?",
         "Graag je feedback voor ik de nota aan de schepen bezorg."),
        Document("het ontwerp van personeelsplan", "Personeelsplan {next_year} - ontwerp.docx",
                 "Personeelsplan {next_year}: ontwerp",
                 ("Uitgangspunt: formatie binnen het meerjarenplan.",
                  "Acht bijkomende voltijdse functies in zorg en techniek.",
                  "Vervanging van vertrekkers via interne mobiliteit waar mogelijk.")),
        ("budgettaire impact", "overleg met de vakbonden", "communicatie naar het personeel")),
    "vacature": Topic(
        "Personeel",
        ("Vacature afdelingshoofd Burgerzaken: selectiecommissie",
         "Aanwervingen Q{quarter}: stand van zaken"),
        "de aanwervingen van dit kwartaal",
        ("Er zijn negen kandidaten geslaagd voor de schriftelijke proef.",
         "De selectiecommissie is samengesteld met een externe deskundige van de VVSG."),
        ("Ben je beschikbaar voor het mondelinge gedeelte op donderdagnamiddag?",)),
    "burgerzaken": Topic(
        "Organisatie",
        ("Wachttijden loket Burgerzaken: evolutie", "Afspraken aan het loket: evaluatie"),
        "de wachttijden aan het loket",
        ("Sinds we enkel op afspraak werken, is de gemiddelde wachttijd gedaald tot zes minuten.",
         "Op maandagvoormiddag blijft het loket overbevraagd."),
        ("Kan dit als informatiepunt op het DC van {dc}?",),
        Document("de cijfers van de wachttijden", "Wachttijden loket {year}.xlsx",
                 "Wachttijden loket Burgerzaken (minuten)",
                 ("Maand\tZonder afspraak\tMet afspraak", "Januari\t24\t7", "Februari\t21\t6",
                  "Maart\t19\t6"))),
    "communicatie": Topic(
        "Communicatie",
        ("Persbericht: opening nieuw stadskantoor", "Stadsmagazine: interview algemeen directeur"),
        "het interview voor het stadsmagazine",
        ("De redactie wil vooral weten hoe de dienstverlening verandert met het nieuwe "
         "stadskantoor.",
         "Het persbericht gaat pas de deur uit na de beslissing van het college."),
        ("Past een gesprek van een halfuur volgende week?",
         "Graag je opmerkingen op de tekst tegen woensdag."),
        Document("de ontwerptekst van het persbericht", "Persbericht stadskantoor - ontwerp.docx",
                 "Persbericht: Kortrijk opent nieuw stadskantoor",
                 ("Vanaf volgende maand bundelt Kortrijk zijn loketten in één stadskantoor.",
                  "Inwoners maken een afspraak online of via het contactcenter."))),
    "ict": Topic(
        "Organisatie",
        ("Migratie mailplatform: planning en impact", "Informatieveiligheid: jaarrapport DPO"),
        "de migratie van het mailplatform",
        ("De migratie gebeurt per directie, telkens tijdens een weekend.",
         "De functionaris voor gegevensbescherming meldt geen ernstige datalekken dit jaar."),
        ("Kan je bevestigen dat het MAT als eerste overgaat?",),
        Document("de planning van de migratie", "Migratie mailplatform - planning.pdf",
                 "Migratie mailplatform: planning per directie",
                 ("Week 1: MAT en stafdiensten.", "Week 2: Omgeving en Samenleving.",
                  "Week 3: Welzijn en Organisatieontwikkeling."))),
    "juridisch": Topic(
        "Organisatie",
        ("Juridisch advies: concessie stadsparking", "Klacht bij de Vlaamse ombudsman"),
        "de concessie van de stadsparking",
        ("De huidige concessie loopt af over achttien maanden.",
         "Een nieuwe concessie vraagt een Europese aanbesteding."),
        ("Mogen we dit op het MAT van {mat} toelichten?",),
        Document("het juridisch advies", "Advies concessie stadsparking.pdf",
                 "Juridisch advies: concessie stadsparking",
                 ("De concessie eindigt van rechtswege.", "Een verlenging zonder mededinging is "
                  "niet mogelijk.", "Advies: de aanbesteding nu voorbereiden."))),
    "raad": Topic(
        "Gemeenteraad",
        ("Gemeenteraad {council}: toelichtingsnota's", "Vragen van raadsleden voor {council}"),
        "de voorbereiding van de gemeenteraad",
        ("Twee raadsleden van de oppositie hebben een punt toegevoegd aan de agenda.",
         "De toelichtingsnota's moeten uiterlijk acht dagen voor de zitting beschikbaar zijn."),
        ("Kan je nagaan of alle nota's tijdig klaar zijn?",
         "Graag een korte afstemming voor de zitting."),
        Document("de toegevoegde punten van de raadsleden", "Toegevoegde punten gemeenteraad.pdf",
                 "Gemeenteraad: toegevoegde punten",
                 ("Punt 1: verkeersveiligheid aan de schoolomgevingen.",
                  "Punt 2: toegankelijkheid van het stadskantoor."))),
    "college": Topic(
        "College",
        ("College {college}: agendapunten stafdienst", "Besluitenlijst college ter nalezing"),
        "de agenda van het college",
        ("De stafdienst heeft vijf punten ingediend.",
         "De burgemeester vraagt om het dossier stationsomgeving eerst toe te lichten."),
        ("Kan je de volgorde van de punten nog bevestigen?",)),
    "mat": Topic(
        "MAT",
        ("Stukken voor het MAT van {mat}", "Verslag MAT ter goedkeuring"),
        "de agenda van het MAT van {mat}",
        ("De agenda sluit donderdagmiddag af.",
         "Er zijn nog geen stukken binnen voor het punt over het personeelsplan."),
        ("Heb je nog punten die op de agenda moeten?",
         "Graag je akkoord om de agenda vrijdag te versturen."),
        Document("de ontwerpagenda", "Agenda MAT {mat}.docx",
                 "Managementteam: ontwerpagenda",
                 ("1. Goedkeuring verslag vorige vergadering.", "2. Opvolging actielijst.",
                  "3. Aanpassing meerjarenplan.", "4. Varia.")),
        ("goedkeuring van het verslag", "opvolging van de actielijst", "vooruitblik college")),
    "dc": Topic(
        "DC",
        ("Agenda DC {dc}", "Stukken voor het DC: organisatiebeheersing"),
        "de agenda van het DC van {dc}",
        ("Het punt over organisatiebeheersing schuift een week op.",
         "De directeurs krijgen de stukken uiterlijk dinsdag."),
        ("Kan je bevestigen dat het punt over de verhuis naar het stadskantoor blijft staan?",),
        Document("het ontwerpverslag van het vorige DC", "Verslag DC - ontwerp.docx",
                 "Directiecomité: ontwerpverslag",
                 ("Aanwezig: de algemeen directeur en de directeurs.",
                  "Besluit: de timing van de verhuis wordt bevestigd."))),
    "audit": Topic(
        "Organisatie",
        ("Auditrapport interne controle: opvolging acties", "Organisatiebeheersing: zelfevaluatie"),
        "de opvolging van het auditrapport",
        ("Van de twaalf aanbevelingen zijn er acht uitgevoerd.",
         "De overige vier hangen samen met de digitalisering van het aankoopproces."),
        ("Kan dit als informatiepunt op het DC van {dc}?",),
        Document("de stand van de aanbevelingen", "Opvolging audit - aanbevelingen.xlsx",
                 "Opvolging auditrapport",
                 ("Aanbeveling\tStatus", "Scheiding van functies\tuitgevoerd",
                  "Digitaal aankoopproces\tlopend"))),
    "netwerk": Topic(
        "Netwerk",
        ("Uitnodiging: Voka netwerkavond Kortrijk 2030",
         "Save the date: ontbijtsessie lokale besturen"),
        "de netwerkavond over Kortrijk 2030",
        ("We verwachten een tweehonderdtal ondernemers en partners uit de regio.",
         "Het panelgesprek gaat over de vernieuwing van de stationsomgeving."),
        ("Graag laat je ons weten of de algemeen directeur aanwezig kan zijn.",),
        Document("het programma van de avond", "Programma netwerkavond Kortrijk 2030.pdf",
                 "Voka netwerkavond: Kortrijk 2030",
                 ("18.00 uur: onthaal.", "18.30 uur: panelgesprek over de stationsomgeving.",
                  "19.30 uur: netwerkreceptie."))),
    "studiedag": Topic(
        "Netwerk",
        ("VVSG-studiedag algemeen directeurs", "Inschrijving VVSG-congres {next_year}"),
        "de studiedag voor algemeen directeurs",
        ("De studiedag gaat over organisatiebeheersing en het nieuwe decreet lokaal bestuur.",
         "We zoeken nog een spreker voor de workshop over samenwerking tussen stad en OCMW."),
        ("Zou je een getuigenis van een kwartier willen brengen?",)),
    "campus": Topic(
        "Netwerk",
        ("Stadscampus: samenwerkingsovereenkomst", "Stadsacademie {year}: programma"),
        "de samenwerking rond de stadscampus",
        ("We willen de stadsacademie uitbreiden met een reeks over lokaal bestuur.",
         "Voor de studentenhuisvesting zoeken we samen een locatie in de buurt van het station."),
        ("Kunnen we hierover een overleg plannen in de komende weken?",)),
    "leiedal": Topic(
        "Netwerk",
        ("Leiedal: stuurgroep regionaal woonbeleid", "Woonbehoeftestudie regio Kortrijk"),
        "de woonbehoeftestudie voor de regio",
        ("De studie toont dat de regio tegen 2035 vierduizend bijkomende woningen nodig heeft.",
         "De gemeenten vragen een gezamenlijk kader voor verdichting in de kernen."),
        ("Kan Kortrijk een vertegenwoordiger aanduiden voor de werkgroep?",),
        Document("de samenvatting van de woonbehoeftestudie",
                 "Woonbehoeftestudie regio Kortrijk - samenvatting.pdf",
                 "Woonbehoeftestudie regio Kortrijk: samenvatting",
                 ("Bijkomende woningen tegen 2035: ongeveer 4.000.",
                  "Vooral vraag naar kleinere en betaalbare woningen.",
                  "Verdichting in de kernen heeft de voorkeur."))),
    "provincie": Topic(
        "Netwerk",
        ("Provinciaal beleidsplan ruimte: overleg met de steden",
         "Provincie: afstemming fietssnelwegen"),
        "het provinciaal beleidsplan ruimte",
        ("De provincie wil de steden vroeg betrekken bij de uitwerking van het plan.",
         "Voor de fietssnelweg langs de Leie is de ontwerpfase bijna afgerond."),
        ("Kunnen we een datum vastleggen voor een ambtelijk overleg?",)),
    "abb": Topic(
        "Financiën",
        ("Vraag van ABB over de digitale rapportering {year}", "Toezicht: opvraging jaarrekening"),
        "de digitale rapportering aan de Vlaamse overheid",
        ("In de digitale rapportering ontbreken nog twee bijlagen bij de jaarrekening.",
         "De termijn voor de aanvulling loopt tot het einde van de maand."),
        ("Kunt u laten weten wanneer wij de aanvulling mogen verwachten?",)),
}

GREETINGS_INTERNAL = ("Beste {first},", "Dag {first},")
GREETINGS_EXTERNAL = ("Beste mevrouw Vanthuyne,", "Geachte mevrouw Vanthuyne,")
WITH_FILE = ("In bijlage vind je {doc}.", "Bijgevoegd bezorg ik je {doc}.",
             "Zoals afgesproken stuur ik je in bijlage {doc}.")
WITHOUT_FILE = ("Ik kom even terug op {about}.", "Hierbij een korte stand van zaken over {about}.",
                "Zoals gevraagd geef ik je een update over {about}.")
POINTS_INTRO = "Ik stel voor om deze punten te bespreken:"
CLOSINGS = ("Met vriendelijke groet,", "Vriendelijke groeten,")

POLITICIAN_OPENINGS = ("Ik kreeg vragen van raadsleden over {about}.",
                       "Graag had ik een stand van zaken gekregen over {about}.")
REPLIES_EXTERNAL = ("Dank je voor je bericht. Ik bekijk het en kom er deze week op terug.",
                    "Dank je, ik ben er graag bij.",
                    "Graag plannen we hierover een overleg. Mijn assistent neemt contact op.")
REPLIES_POLITICIAN = ("Ik laat een nota voorbereiden voor het college van {college}.",
                      "De directeur bezorgt je morgen een stand van zaken.")
REPLIES = ("Dank je, ik neem dit mee naar het MAT van {mat}.",
           "Akkoord met de voorgestelde timing.",
           "Graag agenderen op het DC van {dc}, dan kunnen de directeurs meelezen.",
           "Kunnen we hier deze week kort over bellen?",
           "Prima, ik bezorg het aan de burgemeester voor het college van {college}.")
FOLLOW_UPS = ("Dank je voor de snelle reactie.", "Ik pas de nota aan en bezorg ze je morgen.",
              "Ik plan het in zoals afgesproken.")

PRIVATE = (("Persoonlijk: afspraak huisarts",
            ("Ter herinnering: je afspraak bij de huisarts is donderdag om 17.30 uur.",)),
           ("Vertrouwelijk: personeelsdossier",
            ("Gelieve dit dossier vertrouwelijk te behandelen.",
             "Ik licht het je liever mondeling toe.")),
           ("Privé: familiefeest zaterdag", ("Hoe laat spreken we zaterdag af?",)))
