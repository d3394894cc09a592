"""A MAT on Tuesday 1 December 2026 with five items (one confidential, two with
received PDF stukken, one still awaited), members and a distribution list."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from pypdf import PdfWriter

from kortrijk_cockpit.domain import (
    AgendaItem,
    AgendaItemKind,
    DocumentRequest,
    Meeting,
    MeetingSeries,
    Person,
    RequestStatus,
    SeriesMember,
)
from kortrijk_cockpit.store import Store

BXL = ZoneInfo("Europe/Brussels")
NOW = datetime(2026, 11, 27, 11, 0, tzinfo=BXL)  # the Friday before
STARTS = datetime(2026, 12, 1, 9, 0, tzinfo=BXL)
ENDS = datetime(2026, 12, 1, 11, 0, tzinfo=BXL)
TITLES = ["Goedkeuring verslag MAT 24/11", "Opvolging actielijst",
          "Jaarrekening 2025: eerste cijfers", "Personeelsdossier directie Welzijn",
          "Vooruitblik college en gemeenteraad"]
TIMES = ["09:00", "09:10", "09:25", "10:10", "10:25"]


@dataclass(frozen=True)
class World:
    meeting_id: int
    stukken: dict[str, Path]  # item title -> its PDF


def blank_pdf(pages: int) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def seed(store: Store, folder: Path, *, distribution: list[str] | None = None) -> World:
    folder.mkdir(parents=True, exist_ok=True)
    jaarrekening = folder / "jaarrekening.pdf"
    jaarrekening.write_bytes(blank_pdf(3))
    vooruitblik = folder / "vooruitblik.pdf"
    vooruitblik.write_bytes(blank_pdf(2))
    with store.session_factory.begin() as s:
        hilde = Person(full_name="Hilde Vanthuyne", email="algemeen.directeur@kortrijk.be")
        sofie = Person(full_name="Sofie Vandenbroucke", email="sofie.vandenbroucke@kortrijk.be")
        pieter = Person(full_name="Pieter Declercq", email="pieter.declercq@kortrijk.be")
        nomail = Person(full_name="Jan Zonderadres")
        s.add_all([hilde, sofie, pieter, nomail])
        s.flush()
        series = MeetingSeries(
            code="MAT", name="Managementteam", location="Stadhuis, zaal Broel",
            chair_person_id=hilde.id, minute_taker_person_id=sofie.id,
            distribution=distribution if distribution is not None else [
                "Secretariaat AD <secretariaat.ad@kortrijk.be>",
                "pieter.declercq@kortrijk.be"],
            agenda_sections=["Verslag en opvolging", "Ter beslissing", "Informatie"])
        s.add(series)
        s.flush()
        for position, person in enumerate([hilde, pieter, nomail]):
            s.add(SeriesMember(series_id=series.id, person_id=person.id, position=position))
        meeting = Meeting(series_id=series.id, title="MAT 1/12", starts_at=STARTS, ends_at=ENDS,
                          location="Stadhuis, zaal Broel")
        s.add(meeting)
        s.flush()
        specs = [
            (TITLES[0], AgendaItemKind.APPROVAL, 10, "Verslag en opvolging", False, "", ""),
            (TITLES[1], AgendaItemKind.DISCUSSION, 15, "Verslag en opvolging", False, "", ""),
            (TITLES[2], AgendaItemKind.DECISION, 45, "Ter beslissing", False,
             "Pieter Declercq", "Financiën"),
            (TITLES[3], AgendaItemKind.DECISION, 15, "Ter beslissing", True,
             "Sofie Vandenbroucke", "Welzijn"),
            (TITLES[4], AgendaItemKind.INFORMATION, 20, "Informatie", False, "", ""),
        ]
        items = []
        # Added in another order than the agenda's: the position decides.
        for position, spec in reversed(list(enumerate(specs))):
            title, kind, minutes, section, confidential, owner, directorate = spec
            item = AgendaItem(meeting_id=meeting.id, position=position, title=title, kind=kind,
                              duration_minutes=minutes, section=section,
                              is_confidential=confidential, owner_name=owner,
                              directorate=directorate)
            s.add(item)
            items.append(item)
        s.flush()
        by_title = {i.title: i for i in items}
        s.add(DocumentRequest(agenda_item_id=by_title[TITLES[2]].id, title="Nota jaarrekening",
                              due_at=NOW, status=RequestStatus.RECEIVED, received_at=NOW,
                              saved_path=str(jaarrekening)))
        s.add(DocumentRequest(agenda_item_id=by_title[TITLES[3]].id, title="Nota personeel",
                              due_at=NOW, status=RequestStatus.REQUESTED))
        s.add(DocumentRequest(agenda_item_id=by_title[TITLES[4]].id, title="Agenda college",
                              due_at=NOW, status=RequestStatus.RECEIVED, received_at=NOW,
                              saved_path=str(vooruitblik)))
        meeting_id = meeting.id
    return World(meeting_id, {TITLES[2]: jaarrekening, TITLES[4]: vooruitblik})
