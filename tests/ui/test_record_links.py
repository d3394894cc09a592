"""A handed-on mail is followed from both sides: the action point's card links to
its mail (opened in the Mail area), the mail's pane links back to the card."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.config import Paths
from kortrijk_cockpit.services.handing_on import HandOnService
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.ui.main_window import MainWindow
from kortrijk_cockpit.ui.tasks import TaskRunner
from kortrijk_cockpit.ui.views.area import AreaView
from kortrijk_cockpit.ui.views.mail.controller import MailController
from tests.integration.mail_world import folders, mail
from tests.ui.conftest import NOW, make_services


def shown_window(qtbot, store: Store, runner: TaskRunner, paths: Paths  # type: ignore[no-untyped-def]
                 ) -> MainWindow:
    window = MainWindow(runner, paths.config, report_unexpected=lambda e: None,
                        services=make_services(store))
    qtbot.addWidget(window)
    window.resize(1600, 900)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_an_action_points_mail_opens_in_mail_and_its_pane_links_back(
        qtbot, app: QApplication, store: Store, runner: TaskRunner, paths: Paths) -> None:  # type: ignore[no-untyped-def]
    f = folders(store)
    asked = mail(store, f.inbox, "Nota fietsbeleid", hours_ago=3)
    newer = mail(store, f.inbox, "Personeelsfeest", hours_ago=1)  # the Mail area opens on this
    HandOnService(store.session_factory, FixedClock(NOW)).make_action_point(
        asked, title="Fietsbeleid nalezen", owner_name="Jan Peeters", due_date=date(2026, 12, 4))
    window = shown_window(qtbot, store, runner, paths)

    search = window.open_quick_search()
    assert search is not None
    qtbot.keyClicks(search.query, "nalezen")
    qtbot.waitUntil(lambda: search.model.rowCount() > 0)
    qtbot.keyClick(search.query, Qt.Key.Key_Return)
    assert window.current_area() == "followup"
    card = window.views["followup"]
    assert isinstance(card, AreaView)
    assert card.record_title.text() == "Fietsbeleid nalezen"
    assert card.related_caption.text() == "Uit mail"
    [link] = card.related_links
    assert link.text() == "Nota fietsbeleid (Els Vandamme, 23/11/2026)"

    qtbot.mouseClick(link, Qt.MouseButton.LeftButton)

    assert window.current_area() == "mail"
    area = window.mail_area()
    assert area is not None
    controller: MailController = area.controller  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: controller.current_id() == asked)  # the list loads off the GUI thread
    assert controller.current_id() == asked != newer  # selected in the list…
    qtbot.waitUntil(lambda: area.pane.mail_id() == asked)  # …and read in the pane
    became = area.pane.links
    assert became.isVisible() and "Actiepunt Fietsbeleid nalezen" in became.text()

    # The pane's "Werd: Actiepunt …" link, clicked on its text, shows the card again.
    rect = became.contentsRect()
    on_link = QPoint(rect.left() + became.fontMetrics().horizontalAdvance("Werd: Actie"),
                     rect.center().y())
    qtbot.mouseClick(became, Qt.MouseButton.LeftButton, pos=on_link)

    assert window.current_area() == "followup"
    assert window.views["followup"] is card and card.isVisible()
    assert (card.record_kind.text(), card.record_title.text()) == (
        "Actiepunt", "Fietsbeleid nalezen")
    assert [b.text() for b in card.related_links] == [
        "Nota fietsbeleid (Els Vandamme, 23/11/2026)"]
