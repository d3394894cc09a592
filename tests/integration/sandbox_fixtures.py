"""Helpers for the sandbox tests: a small known mailbox and exchangelib accounts on a server."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from exchangelib import (
    BASIC,
    DELEGATE,
    Account,
    Build,
    Configuration,
    Credentials,
    FailFast,
    Version,
)
from exchangelib.extended_properties import ExtendedProperty
from exchangelib.folders import Root
from exchangelib.properties import DistinguishedFolderId
from exchangelib.properties import Mailbox as EwsMailbox
from exchangelib.protocol import RetryPolicy

from kortrijk_cockpit.sandbox import Mailbox, SandboxServer

BXL = ZoneInfo("Europe/Brussels")
# A Monday in March, two weeks before the switch to summer time (29 March 2026).
NOW = datetime(2026, 3, 16, 8, 0, tzinfo=BXL)
OWNER = "algemeen.directeur@kortrijk.be"
SOFIE = ("Sofie Vandenbroucke", "sofie.vandenbroucke@kortrijk.be")
PIETER = ("Pieter Declercq", "pieter.declercq@kortrijk.be")
EVELIEN = ("Evelien Soenen", "evelien.soenen@voka.be")
ODD_NAME = "Nota ../../rapport:2026?.pdf"
PDF = b"%PDF-1.4\n% nota voor het MAT\n" + bytes(range(256))


# The follow-up flag as Outlook keeps it (exchangelib does not model it, #85).
class FlagStatus(ExtendedProperty):
    property_tag = 0x1090
    property_type = "Integer"


class FlagDue(ExtendedProperty):
    distinguished_property_set_id = "Task"
    property_id = 0x8105
    property_type = "SystemTime"


class FlagCompleted(ExtendedProperty):
    property_tag = 0x1091
    property_type = "SystemTime"


FLAG_FIELDS = {"sbx_flag_status": FlagStatus, "sbx_flag_due": FlagDue,
               "sbx_flag_completed": FlagCompleted}


def build_mailbox() -> Mailbox:
    """Five inbox mails (one Private, one with two attachments), a MAT series and two events."""
    box = Mailbox(owner=OWNER, owner_name="Hilde Vanthuyne")
    for i, subject in enumerate(("BBC 2026: rapportering", "Personeelsplan: ontwerp",
                                 "Stukken voor het MAT", "Netwerkmoment Voka",
                                 "Persoonlijk: afspraak huisarts")):
        box.add_message(
            "inbox", subject, body_html=f"<p>Beste Hilde,</p><p>Bericht {i}.</p>",
            sender=(SOFIE, PIETER, SOFIE, EVELIEN, PIETER)[i], to=[("Hilde Vanthuyne", OWNER)],
            received=NOW - timedelta(hours=10 - i), is_read=i < 2,
            sensitivity="Private" if i == 4 else "Normal",
            attachments=[(ODD_NAME, PDF, "application/pdf"), ("CON.docx", b"docx", "application/msword")]
            if i == 2 else [])
    box.add_message("Behandeld", "Afgehandeld dossier", body_html="<p>Klaar.</p>", sender=SOFIE,
                    to=[("Hilde Vanthuyne", OWNER)], received=NOW - timedelta(days=20), is_read=True)
    monday = NOW.date() - timedelta(days=NOW.weekday() + 14)
    tuesday = monday + timedelta(days=1)
    box.add_event("MAT (managementteam)", datetime.combine(tuesday, time(9), BXL),
                  datetime.combine(tuesday, time(11), BXL), location="Stadhuis, zaal Groeninge",
                  attendees=[SOFIE, PIETER], recurrence_weekly_until=tuesday + timedelta(weeks=10))
    box.add_event("Netwerkmoment Voka", NOW.replace(day=18, hour=18), NOW.replace(day=18, hour=20),
                  location="Kortrijk Xpo", organizer=EVELIEN, attendees=[("Hilde Vanthuyne", OWNER)])
    box.add_event("Tandarts", NOW.replace(day=19, hour=12, minute=30), NOW.replace(day=19, hour=13, minute=30),
                  sensitivity="Private")
    return box


def make_account(server: SandboxServer, *, retry_policy: RetryPolicy | None = None,
                 password: str | None = None, version: bool = True) -> Account:
    """As EXCHANGE-NOTES §6; version=False also leaves auth_type out, so both get probed."""
    config = Configuration(
        service_endpoint=server.url,
        credentials=Credentials(server.username, password or server.password),
        auth_type=BASIC if version else None,
        version=Version(build=Build(15, 2)) if version else None,
        retry_policy=retry_policy or FailFast(),
    )
    return Account(primary_smtp_address=server.mailbox.owner, config=config, autodiscover=False,
                   access_type=DELEGATE, default_timezone=BXL)


def standalone_root(account: Account) -> Root:
    """A root that is never fetched: folders are then opened by DistinguishedFolderId + Mailbox.

    It needs its own DistinguishedFolderId: without one, exchangelib gives the
    root one in the middle of a FindFolder, its hash changes and the paging
    bookkeeping fails with a KeyError.
    """
    mailbox = EwsMailbox(email_address=account.primary_smtp_address)
    return Root(account=account, _distinguished_id=DistinguishedFolderId(id="root", mailbox=mailbox))


def local(value: datetime) -> datetime:
    return value.astimezone(BXL)


def week_of(day: date) -> tuple[datetime, datetime]:
    start = datetime.combine(day - timedelta(days=day.weekday()), time(0), BXL)
    return start, start + timedelta(days=7)
