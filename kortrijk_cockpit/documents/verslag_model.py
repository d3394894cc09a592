"""The verslag of one overleg as plain values: what its Word and PDF files (full copy,
copy for the wider list, besluitenlijst) are made from, and what a version keeps as its
snapshot, so an earlier version can be read and made again exactly as it was.

Qt-free, and it knows nothing of the store: `services/verslag.py` fills it. Texts are
Dutch: they go straight into the documents the members receive.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from datetime import date, datetime
from typing import Any

CONFIDENTIAL_MARK = "VERTROUWELIJK – "
_WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
_MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december")


def dutch_day(day: date) -> str:
    """'dinsdag 5 januari 2027', whatever the machine's locale."""
    return f"{_WEEKDAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]} {day.year}"


@dataclass(frozen=True)
class ActionLine:
    """An action point typed under an item: wat, wie, tegen wanneer."""

    what: str
    who: str
    due: str  # "15/01/2027" or ""
    status: str  # Dutch label: open, lopend, afgewerkt, geannuleerd

    @property
    def text(self) -> str:
        parts = [self.what]
        if self.who:
            parts.append(self.who)
        if self.due:
            parts.append(f"tegen {self.due}")
        return " – ".join(parts)


@dataclass(frozen=True)
class ItemLine:
    number: int
    title: str
    kind: str  # Dutch: "ter beslissing", ...
    confidential: bool
    decision: str  # besluit
    notes: str
    actions: tuple[ActionLine, ...]

    @property
    def mark(self) -> str:
        return CONFIDENTIAL_MARK if self.confidential else ""


@dataclass(frozen=True)
class FollowupLine:
    """A point that came back at this meeting and what became of it."""

    title: str
    who: str
    due: str
    origin: str  # "MAT 15/12/2026"
    outcome: str  # "afgewerkt", "lopend – wacht op offerte"
    confidential: bool  # born in a confidential item: not for the wider list

    @property
    def text(self) -> str:
        parts = [self.title]
        if self.who:
            parts.append(self.who)
        if self.due:
            parts.append(f"tegen {self.due}")
        return " – ".join(parts)


@dataclass(frozen=True)
class Verslag:
    meeting_id: int
    name: str  # "MAT" (the series' code), or the meeting's own title
    day: str  # ISO date, Brussels
    time_text: str  # "09:00–11:00"
    location: str
    version: int
    wider: bool  # the copy for the wider list: confidential items left out
    present: tuple[str, ...]
    excused: tuple[str, ...]
    absent: tuple[str, ...]
    items: tuple[ItemLine, ...]
    followup: tuple[FollowupLine, ...]
    made_at: str  # "05/01/2027 om 14:02"
    made_by: str

    @property
    def date_text(self) -> str:
        return dutch_day(date.fromisoformat(self.day))

    @property
    def title(self) -> str:
        """The most important line: 'Verslag MAT van dinsdag 5 januari 2027 — versie 2'."""
        return f"Verslag {self.name} van {self.date_text} — versie {self.version}"

    @property
    def decisions_title(self) -> str:
        return f"Besluitenlijst {self.name} van {self.date_text} — versie {self.version}"

    @property
    def when_text(self) -> str:
        place = f", {self.location}" if self.location else ""
        return f"{self.time_text}{place}"

    @property
    def decisions(self) -> tuple[ItemLine, ...]:
        return tuple(i for i in self.items if i.decision.strip())

    @property
    def confidential_note(self) -> str:
        if self.wider or not any(i.confidential for i in self.items):
            return ""
        return "Dit verslag bevat vertrouwelijke punten: niet verder verspreiden."

    @property
    def copy_note(self) -> str:
        return "Versie voor de ruimere verdeellijst." if self.wider else ""

    @property
    def footer(self) -> str:
        by = f" door {self.made_by}" if self.made_by else ""
        return f"Versie {self.version}, opgemaakt op {self.made_at}{by} met Kortrijk Cockpit."

    def for_wider_list(self) -> Verslag:
        """Confidential items left out entirely: no title, no besluit, no action points."""
        return replace(self, wider=True,
                       items=tuple(i for i in self.items if not i.confidential),
                       followup=tuple(f for f in self.followup if not f.confidential))

    def file_stem(self, what: str = "Verslag") -> str:
        """'Verslag MAT 2027-01-05 v2': safe as a file name on Windows."""
        name = "".join(c for c in self.name if c not in '<>:"/\\|?*').strip() or "overleg"
        return f"{what} {name} {self.day} v{self.version}"

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Verslag:
        # The snapshot also holds the version's file paths: keep only our own fields.
        fields = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        fields["items"] = tuple(
            ItemLine(**{**i, "actions": tuple(ActionLine(**a) for a in i["actions"])})
            for i in data["items"])
        fields["followup"] = tuple(FollowupLine(**f) for f in data["followup"])
        for key in ("present", "excused", "absent"):
            fields[key] = tuple(data[key])
        return cls(**fields)


def made_at_text(moment: datetime) -> str:
    return f"{moment:%d/%m/%Y om %H:%M}"
