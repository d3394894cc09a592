"""What a write touched, so each screen refreshes only what it shows.

Every write (a service call, a sync page, a push result) returns a frozen
`Changes`. The window's change feed announces it once; a list inserts,
updates or removes just those rows, and a hidden view only marks itself stale.
(Anki's `OpChanges` is the model.) Qt-free.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field, fields


class Kind(enum.StrEnum):
    MAIL = "mails"
    EVENT = "events"
    FOLDER = "folders"
    MEETING = "meetings"
    ACTION_POINT = "action_points"
    BRIEF = "briefs"
    PERSON = "people"
    OUTBOX = "outbox"
    VISIT_ITEM = "visit_items"  # checklist items of visits and tours
    SERIES = "series"  # overleg series with their members and themes
    CYCLE = "cycles"  # reporting cycles with their milestones
    DELIVERABLE = "deliverables"
    PROJECT = "projects"  # projects with their milestones and links


def _ids(values: Iterable[int | None]) -> frozenset[int]:
    return frozenset(v for v in values if v is not None)


@dataclass(frozen=True)
class Touched:
    """Rows of one kind, by our own id."""

    created: frozenset[int] = frozenset()
    updated: frozenset[int] = frozenset()
    removed: frozenset[int] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.created or self.updated or self.removed)

    def __or__(self, other: Touched) -> Touched:
        removed = self.removed | other.removed
        created = (self.created | other.created) - removed
        updated = (self.updated | other.updated) - removed - created
        return Touched(created, updated, removed)

    @property
    def all(self) -> frozenset[int]:
        return self.created | self.updated | self.removed


@dataclass(frozen=True)
class Changes:
    mails: Touched = field(default_factory=Touched)
    events: Touched = field(default_factory=Touched)
    folders: Touched = field(default_factory=Touched)
    meetings: Touched = field(default_factory=Touched)
    action_points: Touched = field(default_factory=Touched)
    briefs: Touched = field(default_factory=Touched)
    people: Touched = field(default_factory=Touched)
    outbox: Touched = field(default_factory=Touched)
    visit_items: Touched = field(default_factory=Touched)
    series: Touched = field(default_factory=Touched)
    cycles: Touched = field(default_factory=Touched)
    deliverables: Touched = field(default_factory=Touched)
    projects: Touched = field(default_factory=Touched)
    wholesale: frozenset[Kind] = frozenset()  # any row of these kinds may have changed

    @classmethod
    def of(cls, kind: Kind, *, created: Iterable[int | None] = (),
           updated: Iterable[int | None] = (), removed: Iterable[int | None] = ()) -> Changes:
        return cls(**{kind.value: Touched(_ids(created), _ids(updated), _ids(removed))})

    @classmethod
    def everything(cls, *kinds: Kind) -> Changes:
        return cls(wholesale=frozenset(kinds or Kind))

    def __or__(self, other: Changes) -> Changes:
        merged = {f.name: getattr(self, f.name) | getattr(other, f.name)
                  for f in fields(self) if f.name != "wholesale"}
        return Changes(**merged, wholesale=self.wholesale | other.wholesale)

    def __bool__(self) -> bool:
        return bool(self.wholesale) or any(self.touched(k) for k in Kind)

    def rows(self, kind: Kind) -> Touched:
        return getattr(self, kind.value)  # type: ignore[no-any-return]

    def touched(self, kind: Kind) -> bool:
        """Whether anything of this kind changed (wholesale or some rows)."""
        return kind in self.wholesale or bool(self.rows(kind))

    def touches_any(self, kinds: Iterable[Kind]) -> bool:
        return any(self.touched(k) for k in kinds)


NOTHING = Changes()
