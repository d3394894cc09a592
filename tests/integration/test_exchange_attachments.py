"""Attachment content on demand, from the sandbox, under safe names only."""

from __future__ import annotations

import pytest

from pathlib import Path

from sqlalchemy import select

from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.config import Paths
from kortrijk_cockpit.domain import Attachment
from kortrijk_cockpit.exchange.attachments import AttachmentSaver
from kortrijk_cockpit.exchange.ews import EwsBackend
from kortrijk_cockpit.exchange.sync import SyncEngine
from kortrijk_cockpit.sandbox import Mailbox, SandboxServer
from kortrijk_cockpit.store import Store
from tests.integration.exchange_fixtures import NOW


@pytest.mark.both_protocols
def test_content_arrives_on_demand_under_a_safe_name(
        sqlite_store: Store, backend: EwsBackend, mailbox: Mailbox, sandbox: SandboxServer,
        clock: FixedClock, paths: Paths) -> None:
    pdf = b"%PDF-1.4 begroting"
    mailbox.add_message("inbox", subject="Nota", sender=("Els", "els@kortrijk.be"), received=NOW,
                        attachments=[("..\\..\\CON.pdf", pdf, "application/pdf")])
    SyncEngine(sqlite_store.session_factory, backend, clock).sync()
    assert "GetAttachment" not in sandbox.requests  # metadata only during sync
    with sqlite_store.session() as s:
        attachment = s.scalars(select(Attachment)).one()
        assert attachment.saved_path is None

    saver = AttachmentSaver(sqlite_store.session_factory, paths.attachments)
    saved = saver.save(backend, attachment.id)

    assert saved.read_bytes() == pdf
    assert saved.name == "_CON.pdf"
    assert saved.resolve().is_relative_to(paths.attachments.resolve())
    requests = sandbox.requests.count("GetAttachment")
    assert saver.save(backend, attachment.id) == saved  # from disk the second time
    assert sandbox.requests.count("GetAttachment") == requests
    assert Path(str(saved)).parent.name == str(attachment.mail_id)
