"""Who is who in the demo office. Every name is invented; functions follow Flemish practice."""

from __future__ import annotations

from dataclasses import dataclass

CITY = "Stad en OCMW Kortrijk"

# (name, kind) of every organisation a cast member belongs to.
ORGANISATIONS: tuple[tuple[str, str], ...] = (
    (CITY, "lokaal bestuur"),
    ("Voka West-Vlaanderen", "werkgeversorganisatie"),
    ("VVSG", "vereniging van steden en gemeenten"),
    ("Leiedal", "intercommunale"),
    ("KU Leuven Kulak", "universiteit"),
    ("Howest", "hogeschool"),
    ("Provincie West-Vlaanderen", "provinciebestuur"),
    ("Agentschap Binnenlands Bestuur", "Vlaamse overheid"),
)


@dataclass(frozen=True)
class Member:
    """One person of the cast; `topics` are the mail topics (see texts.py) they write about."""

    name: str
    email: str
    function: str
    organisation: str
    kind: str  # "director" | "staff" | "politician" | "partner"
    topics: tuple[str, ...] = ()

    @property
    def first_name(self) -> str:
        return self.name.removeprefix("Prof. ").split()[0]

    @property
    def is_internal(self) -> bool:
        return self.organisation == CITY


def _m(name: str, email: str, function: str, organisation: str, kind: str,
       *topics: str) -> Member:
    return Member(name, email, function, organisation, kind, topics)


OWNER = _m("Hilde Vanthuyne", "algemeen.directeur@kortrijk.be", "algemeen directeur", CITY,
           "director")
DELEGATE = _m("Nathalie Goethals", "assistent@kortrijk.be",
              "directiemedewerker strategische coördinatie", CITY, "staff")

DIRECTORS = (
    _m("Sofie Vandenbroucke", "sofie.vandenbroucke@kortrijk.be", "financieel directeur", CITY,
       "director", "bbc", "meerjarenplan", "budget"),
    _m("Annelies Verhaeghe", "annelies.verhaeghe@kortrijk.be", "directeur Omgeving", CITY,
       "director", "omgeving", "mobiliteit"),
    _m("Bart Vanneste", "bart.vanneste@kortrijk.be", "directeur Welzijn", CITY, "director",
       "welzijn", "ocmw"),
    _m("Pieter Declercq", "pieter.declercq@kortrijk.be", "directeur Organisatieontwikkeling",
       CITY, "director", "personeel", "vacature"),
    _m("Hannes Deprez", "hannes.deprez@kortrijk.be", "directeur Samenleving", CITY, "director",
       "burgerzaken", "communicatie"),
    _m("Karen Vanhee", "karen.vanhee@kortrijk.be", "directeur Facility en ICT", CITY, "director",
       "ict"),
)
STAFF = (
    _m("Griet Callewaert", "griet.callewaert@kortrijk.be", "secretaris MAT en DC", CITY, "staff",
       "mat", "dc"),
    _m("Lotte Vermeulen", "lotte.vermeulen@kortrijk.be", "teamverantwoordelijke Juridische dienst",
       CITY, "staff", "juridisch", "raad"),
    _m("Jens Maes", "jens.maes@kortrijk.be", "teamverantwoordelijke Communicatie", CITY, "staff",
       "communicatie"),
    _m("Wouter Lambrecht", "wouter.lambrecht@kortrijk.be", "adviseur organisatiebeheersing", CITY,
       "staff", "audit"),
    _m("Els Dejonghe", "els.dejonghe@kortrijk.be", "teamverantwoordelijke Burgerzaken", CITY,
       "staff", "burgerzaken"),
    _m("Nathalie Claeys", "nathalie.claeys@kortrijk.be", "teamverantwoordelijke Financiën", CITY,
       "staff", "budget", "bbc"),
)
POLITICIANS = (
    _m("Marc Vandewiele", "burgemeester.vandewiele@kortrijk.be", "burgemeester", CITY,
       "politician", "raad", "college"),
    _m("Lieve Debaere", "schepen.debaere@kortrijk.be", "schepen van Financiën", CITY, "politician",
       "bbc", "budget"),
    _m("Tom Coussement", "schepen.coussement@kortrijk.be", "schepen van Omgeving en Mobiliteit",
       CITY, "politician", "omgeving", "mobiliteit"),
    _m("Nadia El Amrani", "schepen.elamrani@kortrijk.be", "schepen van Welzijn", CITY,
       "politician", "welzijn"),
    _m("Frederik Opsomer", "schepen.opsomer@kortrijk.be", "schepen van Personeel", CITY,
       "politician", "personeel"),
)
PARTNERS = (
    _m("Wim Vanhoutte", "wim.vanhoutte@voka.be", "gedelegeerd bestuurder",
       "Voka West-Vlaanderen", "partner", "netwerk"),
    _m("Evelien Soenen", "evelien.soenen@voka.be", "netwerkcoördinator", "Voka West-Vlaanderen",
       "partner", "netwerk"),
    _m("Dirk Van Hove", "dirk.vanhove@vvsg.be", "stafmedewerker personeel en organisatie", "VVSG",
       "partner", "studiedag"),
    _m("Katrien Degryse", "katrien.degryse@leiedal.be", "projectleider ruimtelijke planning",
       "Leiedal", "partner", "leiedal"),
    _m("Prof. Jan Verbeke", "jan.verbeke@kulak.kuleuven.be", "campusdecaan", "KU Leuven Kulak",
       "partner", "campus"),
    _m("An Pattyn", "an.pattyn@howest.be", "directeur campus Kortrijk", "Howest", "partner",
       "campus"),
    _m("Geert Demeyere", "geert.demeyere@west-vlaanderen.be", "diensthoofd ruimtelijke planning",
       "Provincie West-Vlaanderen", "partner", "provincie"),
    _m("Ingrid Moerman", "ingrid.moerman@vlaanderen.be", "beleidsmedewerker financiën",
       "Agentschap Binnenlands Bestuur", "partner", "abb"),
)

CAST: tuple[Member, ...] = (OWNER, DELEGATE, *DIRECTORS, *STAFF, *POLITICIANS, *PARTNERS)
_BY_NAME = {m.name: m for m in CAST}
_BY_EMAIL = {m.email: m for m in CAST}


def member(name_or_email: str) -> Member:
    """The cast member with this name or address (KeyError if there is none)."""
    return _BY_EMAIL.get(name_or_email) or _BY_NAME[name_or_email]


def find(name_or_email: str) -> Member | None:
    return _BY_EMAIL.get(name_or_email) or _BY_NAME.get(name_or_email)
