"""The director's calendar: the weekly series, the council, external events and the rest.

External events carry their attendee lists; the ones in `BRIEFED` get a
discussiefiche in the store's demo office.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from kortrijk_cockpit.demo_office.cast import (
    DIRECTORS,
    OWNER,
    POLITICIANS,
    STAFF,
    Member,
    member,
)
from kortrijk_cockpit.demo_office.rhythm import (
    BRUSSELS,
    COLLEGE,
    COUNCIL_END,
    COUNCIL_LOCATION,
    COUNCIL_START,
    COUNCIL_SUBJECT,
    DC,
    MAT,
    SERIES_WEEKS,
    at,
    council_days,
    monday_of,
    next_working_day,
    series_runs,
)


@dataclass(frozen=True)
class DemoEvent:
    key: str
    subject: str
    start: datetime
    end: datetime
    organizer: Member = OWNER
    attendees: tuple[Member, ...] = ()
    location: str = ""
    body: str = ""
    categories: tuple[str, ...] = ()
    until: date | None = None  # a weekly series up to this day
    private: bool = False
    all_day: bool = False
    free_busy: str = "Busy"
    external: bool = False


@dataclass(frozen=True)
class _External:
    key: str
    subject: str
    organizer: str
    location: str
    week: int  # relative to this week
    weekday: int
    start: time
    end: time
    guests: tuple[str, ...]
    body: str


_EXTERNAL = (
    _External("voka", "Voka netwerkavond: Kortrijk 2030", "Evelien Soenen",
              "Kortrijk Xpo, Doorniksesteenweg 216", 1, 2, time(18), time(21),
              ("Wim Vanhoutte", "Marc Vandewiele", "Katrien Degryse", "Prof. Jan Verbeke",
               "An Pattyn"),
              "Welkom op onze netwerkavond. Na het panelgesprek over de stationsomgeving volgt "
              "een receptie."),
    _External("vvsg", "VVSG-studiedag algemeen directeurs", "Dirk Van Hove",
              "Brussel, VVSG, Bischoffsheimlaan 1-8", 3, 4, time(9, 30), time(16),
              ("Ingrid Moerman", "Sofie Vandenbroucke", "Pieter Declercq"),
              "De studiedag gaat over organisatiebeheersing en het decreet lokaal bestuur."),
    _External("leiedal", "Leiedal: stuurgroep regionaal woonbeleid", "Katrien Degryse",
              "Leiedal, President Kennedypark 10, Kortrijk", 2, 2, time(14), time(16),
              ("Geert Demeyere", "Tom Coussement", "Annelies Verhaeghe"),
              "Op de agenda: de woonbehoeftestudie en de verdeling van de opdrachten."),
    _External("kulak", "Kulak: overleg stadscampus", "Prof. Jan Verbeke",
              "KU Leuven Kulak, Etienne Sabbelaan 53", -1, 4, time(10), time(11, 30),
              ("An Pattyn", "Marc Vandewiele"),
              "We bespreken de stadsacademie en de studentenhuisvesting."),
    _External("howest", "Howest: netwerkontbijt The Level", "An Pattyn",
              "Howest The Level, Sint-Martens-Latemlaan 1B", 0, 4, time(7, 30), time(9),
              ("Wim Vanhoutte", "Evelien Soenen", "Prof. Jan Verbeke"),
              "Een ontbijt met partners uit onderwijs en bedrijfsleven."),
    _External("provincie", "Provincie: overleg ruimtelijk beleid Zuid-West-Vlaanderen",
              "Geert Demeyere", "Provinciehuis Boeverbos, Brugge", 3, 2, time(10), time(12),
              ("Katrien Degryse", "Tom Coussement", "Annelies Verhaeghe"),
              "Afstemming over het provinciaal beleidsplan ruimte."),
)
BRIEFED = ("voka", "vvsg")
# Free hours per weekday for the rest of the agenda, away from college, MAT and DC.
_FREE_HOURS = {0: (10, 14), 1: (14, 16), 2: (10, 14, 16), 3: (14, 16), 4: (10, 14)}
_INTERNAL = (("Bilateraal overleg met {name}", POLITICIANS),
             ("Voorbereiding gemeenteraad met {name}", (STAFF[1], *POLITICIANS[:1])),
             ("Overleg budget met {name}", (DIRECTORS[0], STAFF[5])),
             ("Opvolgingsgesprek met {name}", DIRECTORS),
             ("Werkgroep organisatiebeheersing", (STAFF[3],)))


def briefing_events(today: date) -> list[DemoEvent]:
    """The external events around `today`'s week, with their attendee lists."""
    monday = monday_of(today)
    events = []
    for spec in _EXTERNAL:
        day = next_working_day(monday + timedelta(weeks=spec.week, days=spec.weekday))
        organizer = member(spec.organizer)
        events.append(DemoEvent(
            spec.key, spec.subject, at(day, spec.start), at(day, spec.end), organizer,
            (OWNER, organizer, *map(member, spec.guests)), spec.location, spec.body,
            ("Netwerk",), external=True))
    return events


def _series(today: date) -> list[DemoEvent]:
    monday = monday_of(today)
    first, last = (monday + timedelta(weeks=w) for w in SERIES_WEEKS)
    events = []
    for slot in (MAT, DC, COLLEGE):
        for start, until in series_runs(slot, first, last):
            events.append(DemoEvent(
                f"{slot.code}-{start}", slot.subject, at(start, slot.start), at(start, slot.end),
                OWNER, slot.attendees, slot.location, f"Wekelijks overleg: {slot.name}.",
                (slot.category,) if slot in (MAT, DC) else (), until))
    for day in council_days(first, last):
        events.append(DemoEvent(
            f"raad-{day}", COUNCIL_SUBJECT, at(day, COUNCIL_START), at(day, COUNCIL_END), OWNER,
            (OWNER, *POLITICIANS), COUNCIL_LOCATION, "Openbare zitting.", ("Gemeenteraad",)))
    return events


VISIT_SUBJECT = "Bezoek delegatie Stad Doornik"
TOUR_SUBJECT = "Rondleiding stadhuis voor nieuwe medewerkers"


def visit_events(today: date) -> list[DemoEvent]:
    """An upcoming bezoek and rondleiding (their checklists: services/demo_data.py)."""
    visit_day = next_working_day(monday_of(today) + timedelta(weeks=1, days=2))
    tour_day = next_working_day(today + timedelta(days=3))
    return [
        DemoEvent("bezoek", VISIT_SUBJECT, at(visit_day, time(10)), at(visit_day, time(12)),
                  OWNER, (OWNER, POLITICIANS[0], STAFF[2]), "Stadhuis, Schepenzaal",
                  "Ontvangst van de delegatie uit Doornik: samenwerking Eurometropool."),
        DemoEvent("rondleiding", TOUR_SUBJECT, at(tour_day, time(14)), at(tour_day, time(15, 30)),
                  OWNER, (OWNER, STAFF[4]), "Stadhuis, Grote Markt",
                  "Rondleiding met uitleg over de diensten, voor de nieuwe medewerkers."),
    ]


def demo_calendar(count: int = 60, seed: int = 1, now: datetime | None = None) -> list[DemoEvent]:
    """`count` calendar items around `now`: series first, then the rest of the agenda."""
    rng = random.Random(seed)
    today = (now or datetime.now(BRUSSELS)).astimezone(BRUSSELS).date()
    events = [*_series(today), *briefing_events(today), *visit_events(today)]
    taken = {(e.start.date(), e.start.hour) for e in events}
    while len(events) < count:
        day = next_working_day(today + timedelta(days=rng.randint(-40, 80)))
        roll = rng.random()
        if roll < 0.08:
            events.append(DemoEvent(f"prive-{len(events)}", rng.choice(
                ("Tandarts", "Oudercontact school", "Afspraak bank")), at(day, time(12, 30)),
                at(day, time(13, 30)), private=True))
            continue
        if roll < 0.12:
            events.append(DemoEvent(f"verlof-{len(events)}", "Verlof", at(day, time(0)),
                                    at(day + timedelta(days=1), time(0)), all_day=True,
                                    free_busy="OOF"))
            continue
        hour = rng.choice(_FREE_HOURS[day.weekday()])
        if (day, hour) in taken:
            continue
        taken.add((day, hour))
        template, pool = rng.choice(_INTERNAL)
        person = rng.choice(pool)
        events.append(DemoEvent(f"intern-{len(events)}", template.format(name=person.name),
                                at(day, time(hour)), at(day, time(hour, 45)), OWNER,
                                (OWNER, person), "Stadhuis, kabinet algemeen directeur"))
    return events[:count]


__all__ = ["BRIEFED", "TOUR_SUBJECT", "VISIT_SUBJECT", "DemoEvent", "briefing_events",
           "demo_calendar", "visit_events"]
