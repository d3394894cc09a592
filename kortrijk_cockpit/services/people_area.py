"""What the Personen area needs, built once by the composition root."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session, sessionmaker

from kortrijk_cockpit.clock import Clock
from kortrijk_cockpit.config import Settings
from kortrijk_cockpit.services.people import PeopleService
from kortrijk_cockpit.services.people_csv import PeopleCsvImport
from kortrijk_cockpit.services.people_harvest import HarvestRules, PeopleHarvest
from kortrijk_cockpit.services.person_timeline import PersonTimelineService


@dataclass(frozen=True)
class PeopleServices:
    people: PeopleService
    timeline: PersonTimelineService
    csv: PeopleCsvImport
    harvest: PeopleHarvest  # `harvest.after_sync(changes)` after each sync round


def build_people_services(sessions: sessionmaker[Session], clock: Clock,
                          settings: Settings, own_addresses: tuple[str, ...] = ()
                          ) -> PeopleServices:
    def rules() -> HarvestRules:  # read per run: the settings dialog may change them
        return HarvestRules(tuple(settings.city_domains), settings.person_retention_months,
                            own_addresses)

    months = settings.person_retention_months
    return PeopleServices(
        people=PeopleService(sessions, clock, months),
        timeline=PersonTimelineService(sessions, clock),
        csv=PeopleCsvImport(sessions, clock, tuple(settings.city_domains), months),
        harvest=PeopleHarvest(sessions, clock, rules),
    )
