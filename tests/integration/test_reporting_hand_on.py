"""Mail → "Rapportering: ontvangen stuk", on SQLite and PostgreSQL: the open parts with the
sender's own first, and the link that makes the part ontvangen with its document."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select

from kortrijk_cockpit.changes import Kind
from kortrijk_cockpit.clock import BRUSSELS, FixedClock
from kortrijk_cockpit.domain import (
    Attachment,
    Deliverable,
    DeliverableStatus,
    Mail,
    MailFolder,
    Person,
)
from kortrijk_cockpit.domain.mail import FolderKind
from kortrijk_cockpit.services.reporting import ReportingService, Team
from kortrijk_cockpit.services.reporting_hand_on import ReportingHandOn
from kortrijk_cockpit.services.reporting_plan import PlanRules
from kortrijk_cockpit.services.triage import MailNotFound
from kortrijk_cockpit.store import Store

NOW = datetime(2026, 4, 20, 9, 0, tzinfo=BRUSSELS)
TEAMS = (Team("Financiën", "Financiën", "nathalie.claeys@kortrijk.be"),
         Team("Omgeving", "Mobiliteit", "Pieter Vandamme"))


def seed(store: Store, *, sender: str = "nathalie.claeys@kortrijk.be") -> tuple[
        ReportingHandOn, int]:
    with store.session_factory.begin() as s:
        s.add(Person(full_name="Nathalie Claeys", email="Nathalie.Claeys@kortrijk.be"))
    reporting = ReportingService(store.session_factory, FixedClock(NOW), PlanRules(), TEAMS)
    reporting.create_year(2026)
    with store.session_factory.begin() as s:
        folder = MailFolder(display_name="Postvak IN", kind=FolderKind.INBOX)
        s.add(folder)
        s.flush()
        mail = Mail(folder_id=folder.id, subject="Bijdrage jaarrekening", sender_email=sender,
                    sender_name="Nathalie Claeys" if "claeys" in sender else "Iemand")
        mail.attachments = [Attachment(name="logo.png", is_inline=True),
                            Attachment(name="Jaarrekening Financiën.xlsx"),
                            Attachment(name="Toelichting.docx")]
        s.add(mail)
        s.flush()
        return ReportingHandOn(store.session_factory, reporting), mail.id


def test_the_senders_open_parts_come_first_and_the_link_receives_the_part(
        store: Store) -> None:
    hand_on, mail_id = seed(store)

    parts = hand_on.open_parts(mail_id)

    assert len(parts) == 16  # eight cycles, two teams, all still open
    mine = [p for p in parts if p.from_sender]
    assert len(mine) == 8 and parts[:8] == mine  # Nathalie's parts first
    assert all(p.team == "Financiën" for p in mine)
    assert [p.due_date for p in mine] == sorted(p.due_date for p in mine)
    chosen = mine[0]

    changes = hand_on.link(chosen.id, mail_id)

    assert changes.rows(Kind.DELIVERABLE).all == {chosen.id}
    assert changes.rows(Kind.MAIL).all == {mail_id}
    with store.session() as s:
        part = s.get(Deliverable, chosen.id)
        assert part is not None
        assert part.status == DeliverableStatus.RECEIVED and part.delivered_at is not None
        assert (part.document_mail_id, part.document_name) == (
            mail_id, "Jaarrekening Financiën.xlsx")  # the first attachment, not the logo
    assert chosen.id not in {p.id for p in hand_on.open_parts(mail_id)}


def test_a_sender_who_owes_nothing_sees_every_open_part_by_date(store: Store) -> None:
    hand_on, mail_id = seed(store, sender="iemand@example.org")
    parts = hand_on.open_parts(mail_id)
    assert not any(p.from_sender for p in parts)
    assert [p.due_date for p in parts] == sorted(p.due_date for p in parts)


def test_a_mail_gone_meanwhile_says_so(store: Store) -> None:
    hand_on, mail_id = seed(store)
    with store.session_factory.begin() as s:
        s.delete(s.get(Mail, mail_id))
    with pytest.raises(MailNotFound):
        hand_on.open_parts(mail_id)
    with store.session() as s:
        assert s.scalars(select(Deliverable).where(
            Deliverable.document_mail_id.is_not(None))).all() == []
