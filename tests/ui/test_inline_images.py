"""Inline (cid:) images of synced mail: the pane asks the sync worker for them
through real EWS, and shows them in the text when they arrive."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.config import Paths
from kortrijk_cockpit.domain import Attachment
from kortrijk_cockpit.exchange.ews import EwsBackend
from kortrijk_cockpit.exchange.round import MailboxRound
from kortrijk_cockpit.exchange.sync import SyncEngine
from kortrijk_cockpit.sandbox import Mailbox, SandboxServer
from kortrijk_cockpit.sandbox.model import Attachment as ServerAttachment
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.ui.sync_worker import SyncController, SyncWorker
from kortrijk_cockpit.ui.tasks import TaskRunner
from tests.integration.exchange_fixtures import settings_for
from tests.ui.conftest import NOW
from tests.ui.test_mail_area import new_window, open_mail
from tests.ui.test_safe_browser import png, red_pixels


def test_an_inline_image_of_a_synced_mail_appears_in_the_pane(
        qtbot, app: QApplication, store: Store, runner: TaskRunner, paths: Paths,  # type: ignore[no-untyped-def]
        sandbox: SandboxServer, mailbox: Mailbox, backend: EwsBackend) -> None:
    logo = ServerAttachment("", "logo.png", png("#ff0000"), "image/png", is_inline=True,
                            content_id="logo@kortrijk.be")
    big = ServerAttachment("", "foto.png", b"\x89PNG" + bytes(3 * 1024 * 1024), "image/png",
                           is_inline=True, content_id="foto@kortrijk.be")
    mailbox.add_message("inbox", "Met logo", sender=("Els", "els@kortrijk.be"),
                        received=NOW - timedelta(hours=1), attachments=[logo, big],
                        body_html='<p>Ons logo:</p><img src="cid:logo@kortrijk.be">'
                                  '<img src="cid:foto@kortrijk.be">')
    SyncEngine(store.session_factory, backend, FixedClock(NOW)).sync()
    worker = SyncWorker(MailboxRound(
        lambda: EwsBackend(settings_for(sandbox, mailbox), sandbox.password),
        store.session_factory, FixedClock(NOW), attachments_root=paths.attachments))
    sync = SyncController(worker, interval_minutes=10)
    try:
        window = new_window(qtbot, store, runner, paths)
        window.attach_sync(sync)
        area, _controller = open_mail(qtbot, window)
        qtbot.waitUntil(lambda: red_pixels(area.pane.body) > 0, timeout=20_000)
        with store.session() as s:
            saved = {name: path for name, path in s.execute(select(Attachment.name, Attachment.saved_path))}
        assert saved["logo.png"] and saved["foto.png"] is None  # over 2 MB: not fetched
        assert area.pane.attachments.isHidden()  # part of the text, not a file to open
    finally:
        sync.shutdown()
