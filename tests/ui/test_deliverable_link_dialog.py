"""Mail → "Rapportering: ontvangen stuk" by keyboard: the sender's open parts on top,
type to filter, Enter; the real service then marks the chosen part ontvangen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from sqlalchemy import select

from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.domain import Deliverable, DeliverableStatus
from kortrijk_cockpit.services.mail_list import MailListService
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.ui.dialogs.deliverable_link import DeliverableLinkDialog
from tests.integration.test_reporting_hand_on import NOW, seed


def shown(qtbot, dialog: QDialog) -> QDialog:  # type: ignore[no-untyped-def]
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    return dialog


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def test_the_senders_part_first_type_to_filter_and_enter_links(  # type: ignore[no-untyped-def]
        qtbot, app, sqlite_store: Store) -> None:
    hand_on, mail_id = seed(sqlite_store)
    detail = MailListService(sqlite_store.session_factory, FixedClock(NOW)).detail(mail_id)
    assert detail is not None
    dialog = shown(qtbot, DeliverableLinkDialog(detail, hand_on))

    rows = [dialog.model.index(r, 0).data() for r in range(dialog.model.rowCount())]
    assert len(rows) == 16
    assert rows[0].startswith("Bijdrage Financiën — ") and "Nathalie Claeys" in rows[0]
    assert focused() is dialog.filter
    qtbot.keyClicks(focused(), "mobiliteit jaarrekening")
    assert dialog.model.rowCount() == 1
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
    request = dialog.request()
    assert request.mail_id == mail_id

    hand_on.link(request.deliverable_id, request.mail_id)

    with sqlite_store.session() as s:
        part = s.get(Deliverable, request.deliverable_id)
        assert part is not None and part.team == "Mobiliteit"
        assert part.status == DeliverableStatus.RECEIVED
        assert part.document_name == "Jaarrekening Financiën.xlsx"


def test_no_open_part_says_so(qtbot, app, sqlite_store: Store) -> None:  # type: ignore[no-untyped-def]
    hand_on, mail_id = seed(sqlite_store)
    with sqlite_store.session_factory.begin() as s:
        for part in s.scalars(select(Deliverable)):
            part.status = DeliverableStatus.APPROVED
    detail = MailListService(sqlite_store.session_factory, FixedClock(NOW)).detail(mail_id)
    assert detail is not None
    dialog = shown(qtbot, DeliverableLinkDialog(detail, hand_on))
    assert dialog.model.rowCount() == 0
    assert dialog.empty.isVisibleTo(dialog) and not dialog.ok_button.isEnabled()
