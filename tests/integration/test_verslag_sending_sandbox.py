"""The verslag leaves through the sandbox (real exchangelib): the members' mail carries the
full Word and PDF, the distribution list's mail (Bcc) the copy without the confidential
item, read back from what arrived; the send log turns "verstuurd" after the push.
SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.config import Paths
from kortrijk_cockpit.domain import DeliveryCopy
from kortrijk_cockpit.exchange.ews import EwsBackend
from kortrijk_cockpit.exchange.round import MailboxRound
from kortrijk_cockpit.sandbox import Mailbox, SandboxServer
from kortrijk_cockpit.services.verslag_sending import DeliveryState, VerslagSendingService
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.task_context import TaskContext
from tests.integration.exchange_fixtures import settings_for
from tests.integration.verslag_sending_world import NOW, OPEN_ITEM, SECRET_ITEM, docx_text, pdf_text, seed


@pytest.fixture
def mailbox_round(store: Store, sandbox: SandboxServer, mailbox: Mailbox, clock: FixedClock,
                  paths: Paths) -> Iterator[MailboxRound]:
    mailbox_round = MailboxRound(lambda: EwsBackend(settings_for(sandbox, mailbox),
                                                    sandbox.password),
                                 store.session_factory, clock, attachments_root=paths.attachments)
    yield mailbox_round
    mailbox_round.close()


def test_both_copies_arrive_with_their_attachments_and_the_log_says_verstuurd(
        store: Store, mailbox: Mailbox, mailbox_round: MailboxRound, tmp_path: Path,
        qapp: QApplication) -> None:
    world = seed(store, tmp_path / "verslagen")
    service = VerslagSendingService(store.session_factory, FixedClock(NOW),
                                    director_name="Hilde Vanthuyne")
    service.send(world.version_id)
    assert {line.state for line in service.log(world.meeting_id)} == {DeliveryState.QUEUED}

    assert mailbox_round.run(TaskContext()).ok

    assert len(mailbox.sent) == 2
    full = next(m for m in mailbox.sent if m.to)
    wider = next(m for m in mailbox.sent if not m.to)
    assert [a.email for a in full.to] == ["sofie.declercq@kortrijk.be",
                                          "koen.vandamme@kortrijk.be"]
    assert [a.email for a in wider.bcc] == ["secretariaat.ad@kortrijk.be",
                                            "diensthoofden@kortrijk.be"]
    assert full.subject == wider.subject == "Verslag MAT 17/11/2026 (versie 1)"
    full_files = {a.name.rsplit(".", 1)[1]: a.content for a in full.attachments}
    wider_files = {a.name.rsplit(".", 1)[1]: a.content for a in wider.attachments}
    assert sorted(full_files) == sorted(wider_files) == ["docx", "pdf"]
    assert SECRET_ITEM in docx_text(full_files["docx"])
    assert SECRET_ITEM in pdf_text(full_files["pdf"])
    assert OPEN_ITEM in docx_text(wider_files["docx"])
    assert OPEN_ITEM in pdf_text(wider_files["pdf"])
    assert SECRET_ITEM not in docx_text(wider_files["docx"])
    assert SECRET_ITEM not in pdf_text(wider_files["pdf"])
    assert SECRET_ITEM not in wider.body_html

    lines = service.log(world.meeting_id)
    assert [(line.number, line.recipient, line.copy) for line in lines] == [
        (1, "sofie.declercq@kortrijk.be", DeliveryCopy.FULL),
        (1, "koen.vandamme@kortrijk.be", DeliveryCopy.FULL),
        (1, "secretariaat.ad@kortrijk.be", DeliveryCopy.WIDER),
        (1, "diensthoofden@kortrijk.be", DeliveryCopy.WIDER)]
    assert {line.state for line in lines} == {DeliveryState.SENT}
    assert all(line.sent_at is not None for line in lines)
    assert all(line.state_text.startswith("verstuurd ") for line in lines)


def test_a_finalised_verslag_goes_out_without_the_confidential_item_for_the_wider_list(
        store: Store, mailbox: Mailbox, mailbox_round: MailboxRound, clock: FixedClock,
        tmp_path: Path, qapp: QApplication) -> None:
    """The whole road: minutes typed, v1 made by the verslag service (docxtpl and PDF),
    sent through the outbox, read back from the sandbox's sent mail."""
    from sqlalchemy import select

    from kortrijk_cockpit.domain import MeetingSeries
    from tests.integration import verslag_world as typed

    world = typed.seed(store, clock)
    with store.session_factory.begin() as s:
        series = s.scalars(select(MeetingSeries)).one()
        series.distribution = ["Secretariaat <secretariaat.ad@kortrijk.be>"]
    made = typed.service(store, clock, tmp_path / "verslagen").finalise(world.meeting)
    sending = VerslagSendingService(store.session_factory, clock)
    sending.send(made.version_id)
    assert mailbox_round.run(TaskContext()).ok

    full = next(m for m in mailbox.sent if m.to)
    wider = next(m for m in mailbox.sent if not m.to)
    assert [a.email for a in wider.bcc] == ["secretariaat.ad@kortrijk.be"]
    full_files = {a.name.rsplit(".", 1)[1]: a.content for a in full.attachments}
    wider_files = {a.name.rsplit(".", 1)[1]: a.content for a in wider.attachments}
    for secret in (typed.SECRET, typed.SECRET_DECISION, typed.SECRET_ACTION):
        assert secret in _all_docx_text(full_files["docx"])
        assert secret in pdf_text(full_files["pdf"])
        assert secret not in _all_docx_text(wider_files["docx"])
        assert secret not in pdf_text(wider_files["pdf"])
    assert typed.BUDGET_DECISION in docx_text(wider_files["docx"])
    assert typed.BUDGET_DECISION in pdf_text(wider_files["pdf"])


def _all_docx_text(data: bytes) -> str:
    """Paragraphs and table cells (the action points are a table)."""
    import io

    from docx import Document

    document = Document(io.BytesIO(data))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)
