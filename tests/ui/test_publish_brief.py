"""The publish confirmation: which PDF goes onto which appointment, the mail option,
then the result; the change feed hears of it; a fiche without an appointment is
refused in Dutch in the dialog itself."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import func, select

from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.domain import Brief, OutboxEntry
from kortrijk_cockpit.sandbox import Mailbox
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.ui.change_feed import ChangeFeed
from kortrijk_cockpit.ui.dialogs.publish_brief import publish_brief
from kortrijk_cockpit.ui.tasks import TaskRunner
from tests.integration.test_fiche_publish_sandbox import SUBJECT, publisher, seed


def test_it_says_what_goes_where_and_publishes_with_the_mail(
        qtbot, app: QApplication, sqlite_store: Store, runner: TaskRunner,  # type: ignore[no-untyped-def]
        tmp_path: Path) -> None:
    from tests.integration.exchange_fixtures import NOW as MOMENT

    brief_id, _ = seed(sqlite_store, Mailbox(owner="algemeen.directeur@kortrijk.be"))
    parent, feed = QWidget(), ChangeFeed()
    qtbot.addWidget(parent)
    heard: list[object] = []
    feed.changed.connect(lambda changes, _initiator: heard.append(changes))
    service = publisher(sqlite_store, FixedClock(MOMENT), tmp_path)
    dialog = publish_brief(parent, runner, feed, service, brief_id)
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=10_000)
    assert dialog.windowTitle() == f"Fiche publiceren – {SUBJECT}"
    assert f"Fiche {brief_id} v1 - {SUBJECT}.pdf" in dialog.what.text()
    assert f"\"{SUBJECT}\" van 03/12/2026 18:00" in dialog.what.text()
    assert dialog.mail_box.isEnabled() and not dialog.mail_box.isChecked()

    dialog.mail_box.setChecked(True)
    with qtbot.waitSignal(dialog.published, timeout=20_000):
        qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "Versie 1 is gemaakt." in dialog.status.text()
    assert "algemeen.directeur@kortrijk.be" in dialog.status.text()
    assert heard and dialog.result is not None and dialog.result.pdf.is_file()
    with sqlite_store.session() as s:
        assert s.scalar(select(func.count()).select_from(OutboxEntry)) == 2


def test_a_fiche_without_appointment_is_refused_in_the_dialog(
        qtbot, app: QApplication, sqlite_store: Store, runner: TaskRunner,  # type: ignore[no-untyped-def]
        tmp_path: Path) -> None:
    from tests.integration.exchange_fixtures import NOW as MOMENT

    with sqlite_store.session_factory.begin() as s:
        brief = Brief(title="Losse fiche")
        s.add(brief)
        s.flush()
        brief_id = brief.id
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = publish_brief(parent, runner, ChangeFeed(), publisher(
        sqlite_store, FixedClock(MOMENT), tmp_path), brief_id)
    qtbot.waitUntil(lambda: "hoort bij geen afspraak" in dialog.status.text(), timeout=10_000)
    assert not dialog.publish_button.isEnabled()
