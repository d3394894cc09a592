"""Duplicate people and their merge.

Proposed as duplicates: two people with the same address (case-insensitive), or with
near-identical names (rapidfuzz token_sort_ratio >= 90, accents, case and a trailing
"(Organisatie)" ignored) at the same organisation or where one has none. A merge keeps
every link of the dropped person (mail links, fiches, overleg membership, attendance,
action points, checklist owners, chair and minute taker) in one transaction; a pair the
assistant once called "geen dubbel" is never proposed again (an AuditEntry, no column).
Audit entries hold ids only, never names or addresses.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, sessionmaker

from kortrijk_cockpit.changes import Changes, Kind
from kortrijk_cockpit.clock import Clock
from kortrijk_cockpit.domain import (
    ActionPoint,
    Attendance,
    AuditEntry,
    BriefPerson,
    LinkKind,
    MailLink,
    MeetingSeries,
    Person,
    SeriesMember,
    VisitChecklistItem,
)
from kortrijk_cockpit.errors import ConcurrentEditError, UserFacingError
from kortrijk_cockpit.store.database import STALE_MESSAGE
from kortrijk_cockpit.task_context import TaskContext

R = TypeVar("R")
THRESHOLD = 90
MERGED, NOT_DUPLICATE = "person_merged", "person_not_duplicate"
_BRACKETS = re.compile(r"\([^)]*\)")
# Filled from the dropped person when the kept one has nothing there.
_FILLABLE = ("function", "organisation_id", "email", "phone", "mandate", "purpose")


@dataclass(frozen=True)
class PersonSide:
    id: int
    full_name: str
    function: str
    organisation: str
    email: str
    phone: str
    last_contact_at: datetime | None
    version: int


@dataclass(frozen=True)
class DuplicatePair:
    left: PersonSide  # the lower id: the older record, kept by default
    right: PersonSide
    reason: str  # Dutch, shown as is

    @property
    def key(self) -> tuple[int, int]:
        return self.left.id, self.right.id


def normalised(name: str) -> str:
    """Lower case, no accents, no "(Voka)": what two spellings of one name share."""
    bare = unicodedata.normalize("NFKD", _BRACKETS.sub(" ", name))
    return " ".join("".join(c for c in bare if not unicodedata.combining(c)).casefold().split())


def _organisation_key(person: Person) -> str:
    if person.organisation is not None:
        return normalised(person.organisation.name)
    found = _BRACKETS.search(person.full_name)  # "Jan Peeters (Voka)" without organisation
    return normalised(found.group(0).strip("()")) if found else ""


def _side(p: Person) -> PersonSide:
    return PersonSide(p.id, p.full_name, p.function,
                      p.organisation.name if p.organisation else "", p.email, p.phone,
                      p.last_contact_at, p.version)


def _ordered(a: int, b: int) -> tuple[int, int]:
    return (a, b) if a < b else (b, a)


class PersonMergeService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock, actor: str = "") -> None:
        self._sessions = sessions
        self._clock = clock
        self._actor = actor

    def candidates(self, ctx: TaskContext | None = None) -> list[DuplicatePair]:
        """Every proposed pair once, by address first, then by name; lower id left."""
        from rapidfuzz import fuzz, process  # only when asked: not at start-up

        ctx = ctx or TaskContext()
        with self._sessions() as s:
            people = list(s.scalars(select(Person).order_by(Person.id)))
            for p in people:
                _ = p.organisation  # loaded inside the session
            rejected = self._rejected(s)
        by_id = {p.id: p for p in people}
        reasons: dict[tuple[int, int], str] = {}

        by_address: dict[str, list[int]] = defaultdict(list)
        for p in people:
            if p.email.strip():
                by_address[p.email.strip().casefold()].append(p.id)
        for ids in by_address.values():
            for i, a in enumerate(ids):
                for b in ids[i + 1:]:
                    reasons.setdefault(_ordered(a, b), "zelfde e-mailadres")

        # token_sort_ratio is ratio over the sorted words: sort each name's words once.
        keys = {p.id: " ".join(sorted(normalised(p.full_name).split())) for p in people}
        groups: dict[str, list[Person]] = defaultdict(list)
        for p in people:
            groups[_organisation_key(p)].append(p)
        unknown = groups.get("", [])
        unknown_keys = [keys[p.id] for p in unknown]
        for done, (org, members) in enumerate(groups.items(), 1):
            ctx.progress(done, len(groups), "")
            # Someone without organisation may be anyone's duplicate; others stay in theirs.
            pool = members if org == "" else members + unknown
            names = [keys[p.id] for p in members] + ([] if org == "" else unknown_keys)
            for i, person in enumerate(members):
                if i % 200 == 0:
                    ctx.check_cancelled()
                if not names[i]:
                    continue
                for _match, score, j in process.extract(
                        names[i], names, scorer=fuzz.ratio, score_cutoff=THRESHOLD,
                        limit=None):
                    other = pool[j]
                    if other.id == person.id:
                        continue
                    where = person.organisation or other.organisation
                    reason = (f"bijna dezelfde naam ({round(score)}%)" if where is None
                              else f"bijna dezelfde naam bij {where.name} ({round(score)}%)")
                    reasons.setdefault(_ordered(person.id, other.id), reason)
        sides: dict[int, PersonSide] = {}
        return [DuplicatePair(sides.get(a) or sides.setdefault(a, _side(by_id[a])),
                              sides.get(b) or sides.setdefault(b, _side(by_id[b])), reason)
                for (a, b), reason in sorted(reasons.items()) if (a, b) not in rejected]

    def not_duplicate(self, a_id: int, b_id: int) -> Changes:
        """"Geen dubbel": never propose this pair again."""
        low, high = _ordered(a_id, b_id)
        with self._sessions.begin() as s:
            s.add(AuditEntry(at=self._clock.now(), actor=self._actor, action=NOT_DUPLICATE,
                             entity="person", entity_id=low, detail={"other": high}))
        return Changes.of(Kind.PERSON, updated=[low, high])

    def merge(self, keep_id: int, drop_id: int,
              versions: tuple[int, int] | None = None) -> Changes:
        """`drop_id` folds into `keep_id`; every link follows; the dropped record goes.

        `versions` (keep's, drop's) as the list showed them: a person changed meanwhile
        is not merged blindly."""
        if keep_id == drop_id:
            raise UserFacingError("Dat is twee keer dezelfde persoon; kies twee verschillende.")
        with self._sessions.begin() as s:
            keep, drop = s.get(Person, keep_id), s.get(Person, drop_id)
            if keep is None or drop is None:
                raise UserFacingError("Een van beide personen bestaat niet meer; "
                                      "de lijst wordt vernieuwd.")
            if versions is not None and versions != (keep.version, drop.version):
                raise ConcurrentEditError(STALE_MESSAGE)
            changes = _move_links(s, keep_id, drop_id)
            _fold_fields(keep, drop)
            s.delete(drop)
            s.flush()
            s.add(AuditEntry(at=self._clock.now(), actor=self._actor, action=MERGED,
                             entity="person", entity_id=keep_id, detail={"dropped": drop_id}))
        return changes | Changes.of(Kind.PERSON, updated=[keep_id], removed=[drop_id])

    @staticmethod
    def _rejected(s: Session) -> set[tuple[int, int]]:
        return {_ordered(a.entity_id or 0, int(a.detail.get("other", 0)))
                for a in s.scalars(select(AuditEntry).where(AuditEntry.action == NOT_DUPLICATE))}


def _fold_fields(keep: Person, drop: Person) -> None:
    for name in _FILLABLE:
        if not getattr(keep, name) and getattr(drop, name):
            setattr(keep, name, getattr(drop, name))
    keep.tags = list(dict.fromkeys([*(keep.tags or []), *(drop.tags or [])]))
    notes = [n.strip() for n in (keep.notes, drop.notes) if n.strip()]
    keep.notes = "\n\n".join(dict.fromkeys(notes))
    keep.last_contact_at = _later(keep.last_contact_at, drop.last_contact_at)
    keep.retain_until = _later(keep.retain_until, drop.retain_until)
    keep.is_internal = keep.is_internal or drop.is_internal
    keep.to_confirm = keep.to_confirm and drop.to_confirm  # one confirmed is enough


def _later(a: Any, b: Any) -> Any:
    present = [x for x in (a, b) if x is not None]
    return max(present) if present else None


def _move_links(s: Session, keep_id: int, drop_id: int) -> Changes:
    changes = Changes()
    # Mail links: one per mail and target, so a mail linked to both keeps one.
    mails = set(s.scalars(select(MailLink.mail_id).where(
        MailLink.target_kind == LinkKind.PERSON, MailLink.target_id == keep_id)))
    moved_mails: list[int] = []
    for link in s.scalars(select(MailLink).where(MailLink.target_kind == LinkKind.PERSON,
                                                 MailLink.target_id == drop_id)):
        moved_mails.append(link.mail_id)
        if link.mail_id in mails:
            s.delete(link)
        else:
            link.target_id = keep_id
    changes |= Changes.of(Kind.MAIL, updated=moved_mails)

    # Fiches: one block per person per fiche; the dropped block's texts fill empty ones.
    kept_blocks = {b.brief_id: b for b in s.scalars(
        select(BriefPerson).where(BriefPerson.person_id == keep_id))}
    briefs: list[int] = []
    for block in s.scalars(select(BriefPerson).where(BriefPerson.person_id == drop_id)):
        briefs.append(block.brief_id)
        kept = kept_blocks.get(block.brief_id)
        if kept is None:
            block.person_id = keep_id
            continue
        kept.open_matters = kept.open_matters or block.open_matters
        kept.opener = kept.opener or block.opener
        s.delete(block)
    changes |= Changes.of(Kind.BRIEF, updated=briefs)

    # Overleg members: unique per series.
    series = set(s.scalars(select(SeriesMember.series_id).where(
        SeriesMember.person_id == keep_id)))
    touched_series: list[int] = []
    for member in s.scalars(select(SeriesMember).where(SeriesMember.person_id == drop_id)):
        touched_series.append(member.series_id)
        if member.series_id in series:
            s.delete(member)
        else:
            member.person_id = keep_id
    for row in s.scalars(select(MeetingSeries).where(or_(
            MeetingSeries.chair_person_id == drop_id,
            MeetingSeries.minute_taker_person_id == drop_id))):
        touched_series.append(row.id)
        if row.chair_person_id == drop_id:
            row.chair_person_id = keep_id
        if row.minute_taker_person_id == drop_id:
            row.minute_taker_person_id = keep_id
    changes |= Changes.of(Kind.SERIES, updated=touched_series)

    meetings = _repoint(s.scalars(select(Attendance).where(Attendance.person_id == drop_id)),
                        "person_id", keep_id)
    changes |= Changes.of(Kind.MEETING, updated=[a.meeting_id for a in meetings])
    points = _repoint(s.scalars(select(ActionPoint).where(
        ActionPoint.owner_person_id == drop_id)), "owner_person_id", keep_id)
    changes |= Changes.of(Kind.ACTION_POINT, updated=[p.id for p in points])
    items = _repoint(s.scalars(select(VisitChecklistItem).where(
        VisitChecklistItem.owner_person_id == drop_id)), "owner_person_id", keep_id)
    changes |= Changes.of(Kind.VISIT_ITEM, updated=[i.id for i in items])
    s.flush()  # the links point at the kept person before the dropped one goes
    return changes


def _repoint(rows: Iterable[R], column: str, keep_id: int) -> list[R]:
    found = list(rows)
    for row in found:
        setattr(row, column, keep_id)
    return found

