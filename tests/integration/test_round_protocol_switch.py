"""A profile switched from EWS to Graph: the first Graph round translates the store's ids
before it pushes or pulls, and an EWS round afterwards refuses rather than lose links."""

from __future__ import annotations

from sqlalchemy import select

from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.domain import ActionPoint, Mail
from kortrijk_cockpit.exchange.round import MailboxRound, RoundStatus
from kortrijk_cockpit.sandbox import Mailbox, SandboxServer
from kortrijk_cockpit.sandbox.graph.ids import to_rest
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.task_context import TaskContext
from tests.integration.exchange_fixtures import NOW, make_backend

SENDER = ("Els Vandamme", "els.vandamme@kortrijk.be")


def run(protocol: str, store: Store, sandbox: SandboxServer, mailbox: Mailbox,
        clock: FixedClock) -> tuple[RoundStatus, str]:
    mailbox_round = MailboxRound(lambda: make_backend(protocol, sandbox, mailbox),
                                 store.session_factory, clock)
    try:
        outcome = mailbox_round.run(TaskContext())
    finally:
        mailbox_round.close()
    return outcome.status, outcome.message


def test_the_first_graph_round_keeps_the_ews_stores_links_and_ews_cannot_come_back(
        store: Store, sandbox: SandboxServer, mailbox: Mailbox, clock: FixedClock) -> None:
    item = mailbox.add_message("inbox", subject="Nota BBC", sender=SENDER, received=NOW,
                               body_html="<p>Graag nalezen.</p>",
                               attachments=[("nota.pdf", b"%PDF-1.4", "application/pdf")])
    assert run("ews", store, sandbox, mailbox, clock)[0] is RoundStatus.SYNCED
    with store.session_factory.begin() as s:
        mail = s.scalars(select(Mail)).one()
        mail_id = mail.id
        s.add(ActionPoint(title="Nota nalezen", source_mail_id=mail_id))

    sandbox.requests.clear()
    assert run("graph", store, sandbox, mailbox, clock)[0] is RoundStatus.SYNCED

    assert sandbox.requests[0] == "ConvertId"  # before the outbox or the pull
    assert "GetItem" not in sandbox.requests  # no body fetched again
    with store.session() as s:
        mail = s.scalars(select(Mail)).one()
        assert (mail.id, mail.exchange_id) == (mail_id, to_rest(item))
        assert mail.body_text and s.scalar(select(ActionPoint.source_mail_id)) == mail_id

    status, message = run("ews", store, sandbox, mailbox, clock)
    assert status is RoundStatus.ERROR and "Microsoft 365 (Graph)" in message
    with store.session() as s:
        assert s.scalar(select(Mail.exchange_id)) == to_rest(item)  # untouched
