"""The verslag's send log: empty until sent, then one row per recipient and version,
newest first, and "in de outbox" turns "verstuurd" when the change feed says the outbox
moved (no timer)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import select

from kortrijk_cockpit.changes import Changes, Kind
from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.domain import AuditEntry, OutboxEntry, OutboxStatus
from kortrijk_cockpit.services.verslag_sending import VerslagSendingService
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.ui.change_feed import ChangeFeed
from kortrijk_cockpit.ui.dialogs.send_log import SendLogDialog, SendLogModel, show_send_log
from kortrijk_cockpit.ui.tasks import TaskRunner
from tests.integration.verslag_sending_world import NOW, seed


def column(dialog: SendLogDialog, number: int) -> list[str]:
    model = dialog.model
    return [model.index(r, number).data() for r in range(model.rowCount())]


def test_the_log_lists_each_send_newest_first_and_follows_the_outbox(
        qtbot, app: QApplication, sqlite_store: Store, runner: TaskRunner,  # type: ignore[no-untyped-def]
        tmp_path: Path, qtmodeltester) -> None:
    world = seed(sqlite_store, tmp_path)
    feed = ChangeFeed()
    parent = QWidget()
    qtbot.addWidget(parent)
    service = VerslagSendingService(sqlite_store.session_factory, FixedClock(NOW))
    dialog = show_send_log(parent, runner, feed, service, world.meeting_id)
    qtbot.waitUntil(lambda: dialog.empty.isVisible(), timeout=10_000)
    assert dialog.empty.text() == "Dit verslag is nog niet verstuurd."

    sent = service.send(world.version_id)
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        feed.publish(sent.changes)
    assert not dialog.empty.isVisible()
    assert column(dialog, SendLogModel.RECIPIENT) == [
        "Sofie Declercq <sofie.declercq@kortrijk.be>",
        "Koen Vandamme <koen.vandamme@kortrijk.be>",
        "Secretariaat AD <secretariaat.ad@kortrijk.be>",
        "diensthoofden@kortrijk.be"]
    assert column(dialog, SendLogModel.COPY) == ["volledig", "volledig",
                                                 "zonder vertrouwelijke punten",
                                                 "zonder vertrouwelijke punten"]
    assert set(column(dialog, SendLogModel.STATE)) == {"in de outbox"}
    assert column(dialog, SendLogModel.QUEUED)[0] == "20/11/2026 14:00"
    qtmodeltester.check(dialog.model)

    # The pusher is done with the members' mail: the feed says the outbox moved.
    with sqlite_store.session_factory.begin() as s:
        first = s.scalars(select(OutboxEntry).order_by(OutboxEntry.id)).first()
        assert first is not None
        first.status = OutboxStatus.DONE
        s.add(AuditEntry(action="pushed:send_mail", entity="none",
                         detail={"outbox_entry": first.id}, at=NOW.replace(hour=15)))
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        feed.publish(Changes.of(Kind.OUTBOX, updated=[first.id]))
    assert column(dialog, SendLogModel.STATE) == [
        "verstuurd 20/11/2026 15:00", "verstuurd 20/11/2026 15:00",
        "in de outbox", "in de outbox"]

    # Sent again later: the new send comes first.
    later = VerslagSendingService(sqlite_store.session_factory, FixedClock(NOW.replace(hour=16)))
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        feed.publish(later.send(world.version_id).changes)
    assert dialog.model.rowCount() == 8
    assert column(dialog, SendLogModel.QUEUED)[:4] == ["20/11/2026 16:00"] * 4
    assert column(dialog, SendLogModel.VERSION)[0] == "v1"
    assert dialog.model.index(0, 0).data(Qt.ItemDataRole.DisplayRole) == "v1"
