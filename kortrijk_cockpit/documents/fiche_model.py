"""A discussiefiche as its documents see it: plain strings, the hidden sections already
left out, so no template (the office's own included) can show them by mistake.

Qt-free. Built by `services/brief_publish.py` from the stored fiche; read by
`fiche_docx` (docxtpl) and `fiche_pdf` (HTML for QTextDocument).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from kortrijk_cockpit.documents.verslag_model import dutch_day

# The sections a fiche may show, in their order on paper (Settings.fiche_sections
# names these keys per event type; a type not listed shows them all). The header
# (event, time, place, role) is always there.
SECTIONS = ("logistics", "objective", "position", "asks_offers", "sensitive_topics",
            "people", "background", "follow_up")
_BULLET = re.compile(r"^\s*(?:[-*•·]|\d+[.)])\s*")


@dataclass(frozen=True)
class FichePerson:
    name: str
    function: str = ""
    organisation: str = ""
    mandate: str = ""
    last_contact: str = ""  # "12/10/2026" or ""
    open_matters: str = ""
    opener: str = ""

    @property
    def role_line(self) -> str:
        """'Schepen van economie, Stad Menen (mandaat: ...)': who they are in one line."""
        parts = ", ".join(p for p in (self.function, self.organisation) if p)
        return f"{parts} (mandaat: {self.mandate})" if self.mandate else parts


@dataclass(frozen=True)
class Fiche:
    brief_id: int
    version: int
    title: str
    starts_at: datetime | None
    ends_at: datetime | None = None
    place: str = ""
    organiser: str = ""
    director_role: str = ""
    logistics: str = ""
    objective: str = ""
    position: str = ""
    key_messages: tuple[str, ...] = ()
    asks_offers: str = ""
    sensitive_topics: str = ""
    people: tuple[FichePerson, ...] = ()
    background: str = ""
    follow_up: str = ""
    event_type: str = ""
    status_text: str = ""  # "goedgekeurd door ... op ..." or "concept"
    shown: frozenset[str] = field(default_factory=lambda: frozenset(SECTIONS))

    @property
    def when(self) -> str:
        """'Donderdag 3 december 2026, 18:00–20:00'."""
        if self.starts_at is None:
            return "Datum nog niet bekend"
        day = dutch_day(self.starts_at.date())
        text = f"{day[:1].upper()}{day[1:]}, {self.starts_at:%H:%M}"
        if self.ends_at is not None and self.ends_at.date() == self.starts_at.date():
            text += f"–{self.ends_at:%H:%M}"
        return text

    @property
    def headline(self) -> str:
        """The most important line: what, when, where."""
        return " · ".join(p for p in (self.title, self.when, self.place) if p)

    @property
    def file_stem(self) -> str:
        """'Fiche 12 v3 - Voka netwerkavond': versioned, safe in a file or attachment name."""
        title = re.sub(r'[\\/:*?"<>|\r\n\t]+', " ", self.title).strip()[:60].strip()
        return f"Fiche {self.brief_id} v{self.version} - {title or 'zonder titel'}"

    @property
    def footer(self) -> str:
        state = f" · {self.status_text}" if self.status_text else ""
        return f"Discussiefiche voor de algemeen directeur · versie {self.version}{state}"

    def with_sections(self, shown: Iterable[str]) -> Fiche:
        """Only these sections, the others emptied (not just hidden)."""
        keep = frozenset(shown) & frozenset(SECTIONS)
        cleared: dict[str, object] = {
            "logistics": "", "objective": "", "position": "", "key_messages": (),
            "asks_offers": "", "sensitive_topics": "", "people": (), "background": "",
            "follow_up": ""}
        for key in keep:
            cleared.pop(key, None)
            if key == "position":
                cleared.pop("key_messages", None)
        return replace(self, shown=keep, **cleared)  # type: ignore[arg-type]


def sections_for(event_type: str, configured: Mapping[str, Sequence[str]]) -> tuple[str, ...]:
    """The sections of an event type (case-insensitive); all of them for a type not listed."""
    wanted = {k.casefold(): v for k, v in configured.items()}.get(event_type.casefold())
    if wanted is None:
        return SECTIONS
    return tuple(s for s in SECTIONS if s in set(wanted))


def key_messages(text: str) -> tuple[str, ...]:
    """One message a line, bullets and numbers taken off (all of them: the editor asks
    for three to five, the document never drops what was typed)."""
    lines = (_BULLET.sub("", line).strip() for line in text.splitlines())
    return tuple(line for line in lines if line)
