"""Replies go where Outlook sends them: to the Reply-To addresses when a mail has them,
else to From (on whose behalf it was sent), never to the secretariat that pressed Send.
Real sandbox and exchangelib; the store on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from pathlib import Path

from sqlalchemy import select

from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.config import Paths
from kortrijk_cockpit.domain import Mail
from kortrijk_cockpit.exchange.ews import EwsBackend
from kortrijk_cockpit.exchange.outbox import OutboxPusher
from kortrijk_cockpit.exchange.sync import SyncEngine
from kortrijk_cockpit.sandbox import Mailbox
from kortrijk_cockpit.sandbox.model import Address
from kortrijk_cockpit.services.compose import ComposeMode, ComposeService
from kortrijk_cockpit.services.mail_import import MailImporter
from kortrijk_cockpit.services.mail_list import MailListService
from kortrijk_cockpit.store import Store
from tests.integration.exchange_fixtures import NOW, stored_as
from tests.msg_files import MsgMail, msg_bytes

OWNER = "algemeen.directeur@kortrijk.be"
DIRECTOR = ("Hilde Vanthuyne", OWNER)
MAYOR = ("Ruth Vandenberghe", "burgemeester@kortrijk.be")
SECRETARIAT = ("Secretariaat burgemeester", "secretariaat.burgemeester@kortrijk.be")
FORM = ("Meldingen Kortrijk", "no-reply@meldingen.kortrijk.be")
CITIZEN = ("Sofie Claeys", "sofie.claeys@telenet.be")
JAN = ("Jan Vercruysse", "jan.vercruysse@kortrijk.be")


def _compose(store: Store) -> ComposeService:
    return ComposeService(store.session_factory, FixedClock(NOW), OWNER,
                          director_name=DIRECTOR[0])


def _synced(store: Store, backend: EwsBackend, item_id: str) -> Mail:
    SyncEngine(store.session_factory, backend, FixedClock(NOW)).sync()
    with store.session() as s:
        return s.scalars(select(Mail).where(Mail.exchange_id.in_(stored_as(item_id)))).one()


def _sent(mailbox: Mailbox, subject: str) -> list[Address]:
    return next(i for i in mailbox.folder("sentitems").items if i.subject == subject).to


@pytest.mark.both_protocols
def test_a_mail_sent_on_the_mayors_behalf_is_answered_to_the_mayor(
        store: Store, backend: EwsBackend, mailbox: Mailbox) -> None:
    item = mailbox.add_message("inbox", "Receptie 11 juli", sender=SECRETARIAT, author=MAYOR,
                               to=[DIRECTOR], received=NOW, body_html="<p>Graag uw komst.</p>")
    mail = _synced(store, backend, item)
    # The list shows the mayor; who pressed Send stays known ("namens").
    assert (mail.sender_name, mail.sender_email) == MAYOR
    detail = MailListService(store.session_factory, FixedClock(NOW)).detail(mail.id)
    assert detail is not None and detail.sent_by == f"{SECRETARIAT[0]} <{SECRETARIAT[1]}>"

    compose = _compose(store)
    draft = compose.draft(mail.id, ComposeMode.REPLY)
    assert draft.to == (f"{MAYOR[0]} <{MAYOR[1]}>",)
    compose.send(draft)
    OutboxPusher(store.session_factory, backend, FixedClock(NOW)).push()
    assert _sent(mailbox, "Antw: Receptie 11 juli") == [MAYOR]


@pytest.mark.both_protocols
def test_a_mail_with_reply_to_is_answered_to_those_addresses(
        store: Store, backend: EwsBackend, mailbox: Mailbox) -> None:
    item = mailbox.add_message("inbox", "Melding: losliggende tegel Grote Markt", sender=FORM,
                               reply_to=[CITIZEN], to=[DIRECTOR], received=NOW,
                               body_html="<p>Een tegel ligt los.</p>")
    mail = _synced(store, backend, item)
    assert mail.reply_to == [f"{CITIZEN[0]} <{CITIZEN[1]}>"] and mail.sent_by == ""

    compose = _compose(store)
    draft = compose.draft(mail.id, ComposeMode.REPLY)
    assert draft.to == (f"{CITIZEN[0]} <{CITIZEN[1]}>",) and draft.cc == ()
    compose.send(draft)
    OutboxPusher(store.session_factory, backend, FixedClock(NOW)).push()
    assert _sent(mailbox, "Antw: Melding: losliggende tegel Grote Markt") == [CITIZEN]


@pytest.mark.both_protocols
def test_reply_all_includes_the_reply_to_addresses_without_the_director_or_doubles(
        store: Store, backend: EwsBackend, mailbox: Mailbox) -> None:
    item = mailbox.add_message("inbox", "Werkgroep mobiliteit", sender=FORM,
                               reply_to=[CITIZEN, JAN], to=[DIRECTOR, JAN], cc=[MAYOR],
                               received=NOW, body_html="<p>Verslag.</p>")
    mail = _synced(store, backend, item)

    compose = _compose(store)
    draft = compose.draft(mail.id, ComposeMode.REPLY_ALL)
    assert draft.to == (f"{CITIZEN[0]} <{CITIZEN[1]}>", f"{JAN[0]} <{JAN[1]}>")
    assert draft.cc == (f"{MAYOR[0]} <{MAYOR[1]}>",)
    compose.send(draft)
    OutboxPusher(store.session_factory, backend, FixedClock(NOW)).push()
    assert _sent(mailbox, "Antw: Werkgroep mobiliteit") == [CITIZEN, JAN]


FORM_EML = (
    b"From: Meldingen Kortrijk <no-reply@meldingen.kortrijk.be>\r\n"
    b"Reply-To: Sofie Claeys <sofie.claeys@telenet.be>\r\n"
    b"To: algemeen.directeur@kortrijk.be\r\n"
    b"Subject: Melding: zwerfvuil Leieboorden\r\n"
    b"Date: Fri, 20 Nov 2026 14:30:00 +0100\r\n"
    b"Message-ID: <melding-77@meldingen.kortrijk.be>\r\n"
    b"Content-Type: text/plain; charset=utf-8\r\n\r\nZwerfvuil aan de Leie.\r\n"
)


def test_imported_eml_and_msg_are_answered_to_their_reply_to(
        store: Store, paths: Paths, tmp_path: Path) -> None:
    eml = tmp_path / "melding.eml"
    eml.write_bytes(FORM_EML)
    msg = tmp_path / "lijst.msg"
    msg.write_bytes(msg_bytes(MsgMail(
        subject="Nieuwsbrief VVSG", message_id="<vvsg-1@vvsg.be>",
        headers="From: VVSG <nieuwsbrief@vvsg.be>\r\nReply-To: Info VVSG <info@vvsg.be>\r\n"
                "Subject: Nieuwsbrief VVSG\r\n\r\n")))
    importer = MailImporter(store.session_factory, FixedClock(NOW), paths.attachments)
    report = importer.import_files([eml, msg])
    assert report.failures == [] and len(report.mails) == 2

    compose = _compose(store)
    first, second = (compose.draft(mail_id, ComposeMode.REPLY) for mail_id in report.mails)
    assert first.to == (f"{CITIZEN[0]} <{CITIZEN[1]}>",)
    assert second.to == ("Info VVSG <info@vvsg.be>",)
