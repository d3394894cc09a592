"""The Rapportering hooks (in Dutch, as the app runs): a preview of who gets what before the request mails are queued
(off the GUI thread, published on the feed), and the milestones put on the agenda."""

from __future__ import annotations

from datetime import datetime

from pytestqt.qtbot import QtBot
from PySide6.QtWidgets import QWidget
from sqlalchemy import func, select

from kortrijk_cockpit.changes import Changes, Kind
from kortrijk_cockpit.clock import BRUSSELS, FixedClock
from kortrijk_cockpit.domain import OutboxEntry
from kortrijk_cockpit.services.reporting_agenda import ReportingAgendaService
from kortrijk_cockpit.services.reporting_plan import WorkingDays
from kortrijk_cockpit.services.reporting_requests import MailKind, ReportingRequestService
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.ui.change_feed import ChangeFeed
from kortrijk_cockpit.ui.tasks import TaskRunner
from kortrijk_cockpit.ui.views.reporting_mail import ReportingMailActions
from tests.integration.test_reporting_requests import make_parts

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=BRUSSELS)


def test_request_mails_are_previewed_then_queued(
        qtbot: QtBot, sqlite_store: Store, runner: TaskRunner) -> None:
    make_parts(sqlite_store)
    clock = FixedClock(NOW)
    host = QWidget()
    qtbot.addWidget(host)
    feed = ChangeFeed(host)
    published: list[Changes] = []
    feed.changed.connect(lambda changes, _by: published.append(changes))
    actions = ReportingMailActions(
        runner, feed, ReportingRequestService(sqlite_store.session_factory, clock, WorkingDays()),
        ReportingAgendaService(sqlite_store.session_factory, clock), host)

    actions.mail(MailKind.REQUEST)
    qtbot.waitUntil(lambda: actions.dialog is not None and actions.dialog.isVisible())
    dialog = actions.dialog
    assert dialog is not None
    owners = [dialog.model.item(r).text() for r in range(dialog.model.rowCount())]
    assert owners == ["Jan Vercruysse <jan.vercruysse@kortrijk.be>",  # overdue: first
                      "Nathalie Claeys <nathalie.claeys@kortrijk.be>",
                      "Onbekende Collega (geen adres: niet gemaild)"]
    assert dialog.model.item(1).rowCount() == 2  # both her parts in one mail
    with sqlite_store.session() as s:  # nothing queued before Send
        assert s.scalar(select(func.count()).select_from(OutboxEntry)) == 0

    with qtbot.waitSignal(actions.message) as sent:
        dialog.send_button.click()
    assert sent.args == ["Mails klaargezet: 2. Geen adres voor: Onbekende Collega."]
    assert any(c.touched(Kind.OUTBOX) and c.touched(Kind.DELIVERABLE) for c in published)
    with sqlite_store.session() as s:
        assert s.scalar(select(func.count()).select_from(OutboxEntry)) == 2

    actions.mail(MailKind.REQUEST)  # all asked: nothing left to send
    qtbot.waitUntil(lambda: actions.dialog is not dialog and actions.dialog is not None
                    and actions.dialog.isVisible())
    assert actions.dialog is not None and not actions.dialog.send_button.isEnabled()
    actions.dialog.reject()
