"""The office's triage outcomes: Outlook categories with a key and a colour.

The list is configurable; an empty table means the office's defaults, which
`OutcomeService.outcomes` writes the first time it is asked.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, sessionmaker

from kortrijk_cockpit.domain import TriageOutcome
from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.services.defaults_lock import lock_for_defaults

WAITING_OUTCOME = "Wacht op antwoord"


@dataclass(frozen=True)
class Outcome:
    name: str
    shortcut: str
    colour: str  # "#rrggbb", dark enough for white text on a chip
    position: int


DEFAULT_OUTCOMES: tuple[Outcome, ...] = (
    Outcome("Actie AD", "1", "#c0392b", 0),
    Outcome("Actie DM", "2", "#d35400", 1),
    Outcome("Ter info", "3", "#2471a3", 2),
    Outcome(WAITING_OUTCOME, "4", "#7d3c98", 3),
    Outcome("Agenderen MAT", "5", "#1e8449", 4),
    Outcome("Agenderen DC", "6", "#117a65", 5),
)


def outcome_names(s: Session) -> list[str]:
    """The outcome names in their order (the defaults while none were saved)."""
    names = list(s.scalars(select(TriageOutcome.name).order_by(TriageOutcome.position,
                                                               TriageOutcome.id)))
    return names or [o.name for o in DEFAULT_OUTCOMES]


class OutcomeService:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def outcomes(self) -> list[Outcome]:
        with self._sessions.begin() as s:
            rows = list(s.scalars(select(TriageOutcome).order_by(TriageOutcome.position,
                                                                 TriageOutcome.id)))
            if not rows:
                # Two first starts at once (a team on one PostgreSQL store) must not both
                # write the defaults: take the write lock, then look again.
                lock_for_defaults(s, TriageOutcome.__table__, TriageOutcome.name)
                rows = list(s.scalars(select(TriageOutcome).order_by(TriageOutcome.position,
                                                                     TriageOutcome.id)))
            if not rows:
                s.add_all(TriageOutcome(name=o.name, shortcut=o.shortcut, colour=o.colour,
                                        position=o.position) for o in DEFAULT_OUTCOMES)
                return list(DEFAULT_OUTCOMES)
            return [Outcome(r.name, r.shortcut, r.colour, r.position) for r in rows]

    def save(self, outcomes: Sequence[Outcome]) -> list[Outcome]:
        """Replace the list; positions follow the given order."""
        clean = [Outcome(o.name.strip(), o.shortcut.strip(), o.colour.strip(), n)
                 for n, o in enumerate(outcomes)]
        _check(clean)
        with self._sessions.begin() as s:
            s.execute(delete(TriageOutcome))
            s.add_all(TriageOutcome(name=o.name, shortcut=o.shortcut, colour=o.colour,
                                    position=o.position) for o in clean)
        return clean


def _check(outcomes: Sequence[Outcome]) -> None:
    names: set[str] = set()
    keys: dict[str, str] = {}  # key -> the outcome that has it
    for o in outcomes:
        if not o.name:
            raise UserFacingError("Elke uitkomst heeft een naam nodig.")
        if o.name.casefold() in names:
            raise UserFacingError(f"De uitkomst '{o.name}' staat er twee keer in.")
        names.add(o.name.casefold())
        key = o.shortcut.casefold()
        if key and key in keys:
            raise UserFacingError(
                f"De toets '{o.shortcut}' van '{o.name}' hoort al bij '{keys[key]}'.")
        if key:
            keys[key] = o.name
