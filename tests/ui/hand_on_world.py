"""A small office for the hand-on dialogs: people, MAT and DC meetings, briefs, folders
and two mails, one already marked "Agenderen MAT"."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from kortrijk_cockpit.domain import (
    Brief,
    FolderKind,
    Mail,
    MailFolder,
    Meeting,
    MeetingSeries,
    MeetingStatus,
    Organisation,
    Person,
)
from kortrijk_cockpit.store import Store
from tests.integration.mail_world import BXL, NOW


@dataclass(frozen=True)
class World:
    mat_mail: int  # "RE: Antw: Nota mobiliteitsplan" from Els Vandamme, "Agenderen MAT"
    dc_mail: int  # "FW: Jaarforum" from an unknown sender, "Agenderen DC"
    inbox: int
    archive: int
    projects: int
    unsynced: int
    els: int
    jan: int
    sofie: int
    mat_next: int  # Tuesday 24/11/2026 09:00
    mat_after: int  # Tuesday 01/12/2026 09:00
    dc_next: int  # Thursday 26/11/2026 09:00
    voka: int  # 03/12/2026
    vvsg: int  # 20/01/2027
    old_brief: int  # 10/01/2026


def at(day: int, month: int, year: int = 2026, hour: int = 9) -> datetime:
    return datetime(year, month, day, hour, tzinfo=BXL)


def seed(store: Store) -> World:
    with store.session_factory.begin() as s:
        folders = [MailFolder(display_name=name, kind=kind, exchange_id=ex, sync_enabled=synced)
                   for name, kind, ex, synced in (
                       ("Postvak IN", FolderKind.INBOX, "f-inbox", True),
                       ("Archief", FolderKind.CUSTOM, "f-archive", True),
                       ("Projecten stadhuis", FolderKind.CUSTOM, "f-projects", True),
                       ("Oude dossiers", FolderKind.CUSTOM, "f-old", False))]
        city = Organisation(name="Stad Kortrijk")
        province = Organisation(name="Provincie West-Vlaanderen")
        people = [
            Person(full_name="Els Vandamme", function="Directeur Welzijn", organisation=city,
                   email="els.vandamme@kortrijk.be", is_internal=True),
            Person(full_name="Jan Peeters", function="Financieel directeur", organisation=city,
                   email="jan.peeters@kortrijk.be", is_internal=True),
            Person(full_name="Sofie Maes", function="Gedeputeerde", organisation=province,
                   email="sofie.maes@west-vlaanderen.be"),
        ]
        mat = MeetingSeries(code="MAT", name="Managementteam", weekday=1, start_time="09:00")
        dc = MeetingSeries(code="DC", name="Directiecomité", weekday=3, start_time="09:00")
        meetings = [
            Meeting(series=mat, title="MAT", starts_at=at(17, 11), ends_at=at(17, 11, hour=11),
                    status=MeetingStatus.HELD),
            Meeting(series=mat, title="MAT", starts_at=at(24, 11), ends_at=at(24, 11, hour=11)),
            Meeting(series=mat, title="MAT", starts_at=at(1, 12), ends_at=at(1, 12, hour=11)),
            Meeting(series=dc, title="DC", starts_at=at(26, 11), ends_at=at(26, 11, hour=11)),
        ]
        briefs = [Brief(title="Netwerkmoment Voka", starts_at=at(3, 12, hour=18)),
                  Brief(title="Jaarforum VVSG", starts_at=at(20, 1, 2027)),
                  Brief(title="Nieuwjaarsreceptie Provincie", starts_at=at(10, 1))]
        s.add_all([*folders, *people, *meetings, *briefs])
        s.flush()
        mails = [
            Mail(folder_id=folders[0].id, exchange_id="m-mat", change_key="ck1",
                 subject="RE: Antw: Nota mobiliteitsplan", sender_name="Els Vandamme",
                 sender_email="els.vandamme@kortrijk.be", categories=["Agenderen MAT"],
                 received_at=NOW - timedelta(hours=2), is_read=True),
            Mail(folder_id=folders[0].id, exchange_id="m-dc", change_key="ck2",
                 subject="FW: Jaarforum lokale besturen", sender_name="VVSG",
                 sender_email="info@vvsg.be", categories=["Agenderen DC"],
                 received_at=NOW - timedelta(hours=1)),
        ]
        s.add_all(mails)
        s.flush()
        return World(
            mat_mail=mails[0].id, dc_mail=mails[1].id, inbox=folders[0].id,
            archive=folders[1].id, projects=folders[2].id, unsynced=folders[3].id,
            els=people[0].id, jan=people[1].id, sofie=people[2].id,
            mat_next=meetings[1].id, mat_after=meetings[2].id, dc_next=meetings[3].id,
            voka=briefs[0].id, vvsg=briefs[1].id, old_brief=briefs[2].id)
