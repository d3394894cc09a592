"""The Mail area in the window: views with counts, the list, the pane, search,
the change feed, and what it remembers between runs."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from kortrijk_cockpit.changes import Changes, Kind
from kortrijk_cockpit.config import Paths
from kortrijk_cockpit.domain import Mail
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.ui.main_window import MainWindow
from kortrijk_cockpit.ui.models.mail_list import MailListModel
from kortrijk_cockpit.ui.tasks import TaskRunner
from kortrijk_cockpit.ui.views.mail.area import MailArea
from kortrijk_cockpit.ui.views.mail.controller import MailController
from tests.integration.mail_world import folders, mail
from tests.ui.conftest import make_services
from tests.ui.test_mail_list_model import many


def open_mail(qtbot, window: MainWindow) -> tuple[MailArea, MailController]:  # type: ignore[no-untyped-def]
    window.resize(1920, 1080)
    window.show()
    qtbot.waitExposed(window)
    window.show_area("mail")
    area = window.mail_area()
    assert area is not None
    controller: MailController = area.controller  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: controller.counts is not None)
    settled(qtbot, controller)
    return area, controller


def settled(qtbot, controller: MailController) -> None:  # type: ignore[no-untyped-def]
    """The list's ids come from the task runner: wait until the newest have landed."""
    qtbot.waitUntil(lambda: controller.model.ready and not controller.model.busy)


def tree_texts(area: MailArea) -> list[str]:
    model = area.tree_model
    return [model.index(r, 0, model.index(top, 0)).data()
            for top in range(model.rowCount()) for r in range(model.rowCount(model.index(top, 0)))]


def new_window(qtbot, store: Store, runner: TaskRunner, paths: Paths) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(runner, paths.config, report_unexpected=lambda e: None,
                        services=make_services(store))
    qtbot.addWidget(window)
    return window


def test_the_demo_inbox_in_dutch_with_views_counts_and_the_first_mail(
        qtbot, window: MainWindow, demo_store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    area, controller = open_mail(qtbot, window)
    texts = tree_texts(area)
    assert texts[0].startswith("Te behandelen (")
    assert texts[1].startswith("Wacht op antwoord") and texts[2].startswith("Opvolgen")
    assert {"Actie AD", "Ter info", "Agenderen MAT"} <= {t.split(" (")[0] for t in texts}
    assert any(t.startswith("Postvak IN (") for t in texts)  # unread count
    model = controller.model
    assert model.rowCount() > 0 and model.headerData(0, Qt.Orientation.Horizontal) == "Van"
    first = model.id_at(0)
    assert controller.current_id() == first and area.pane.mail_id() == first
    assert area.search.placeholderText().startswith("Zoeken")
    window.grab().save(str(tmp_path / "mail.png"))


def test_a_sync_page_above_keeps_her_mail_selected_and_visible(
        qtbot, app: QApplication, store: Store, runner: TaskRunner, paths: Paths) -> None:  # type: ignore[no-untyped-def]
    f = folders(store)
    many(store, f.inbox, 400, start_hours=2)
    window = new_window(qtbot, store, runner, paths)
    area, controller = open_mail(qtbot, window)
    model = controller.model
    bar = area.list.verticalScrollBar()
    bar.setValue(150)
    controller.select_row(160)
    chosen = controller.current_id()
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))

    new = many(store, f.inbox, 60, start_hours=0.5, prefix="Nieuw")
    window.feed.publish(Changes.of(Kind.MAIL, created=new))  # as the sync worker does
    qtbot.waitUntil(lambda: model.rowCount() == 460)
    assert resets == []
    assert controller.current_id() == chosen and area.pane.mail_id() == chosen
    rect = area.list.visualRect(model.index(model.row_of(chosen), 0))
    assert area.list.viewport().rect().contains(rect)  # still where she looked


def test_a_hidden_area_only_marks_itself_stale(
        qtbot, app: QApplication, store: Store, runner: TaskRunner, paths: Paths) -> None:  # type: ignore[no-untyped-def]
    f = folders(store)
    many(store, f.inbox, 5)
    window = new_window(qtbot, store, runner, paths)
    _area, controller = open_mail(qtbot, window)
    window.show_area("today")
    new = many(store, f.inbox, 3, start_hours=0.5, prefix="Nieuw")
    window.feed.publish(Changes.of(Kind.MAIL, created=new))
    assert controller.stale and controller.model.rowCount() == 5
    window.show_area("mail")
    qtbot.waitUntil(lambda: controller.model.rowCount() == 8)
    assert not controller.stale


def test_search_filters_show_in_the_same_list_and_esc_clears(
        qtbot, app: QApplication, store: Store, runner: TaskRunner, paths: Paths) -> None:  # type: ignore[no-untyped-def]
    f = folders(store)
    mine = mail(store, f.inbox, "Begroting 2027", sender_name="Jan Peeters",
                sender_email="jan.peeters@kortrijk.be")
    mail(store, f.inbox, "Verlof", hours_ago=2)
    archived = mail(store, f.archive, "Begroting 2026", hours_ago=30,
                    sender_name="Jan Peeters", sender_email="jan.peeters@kortrijk.be")
    window = new_window(qtbot, store, runner, paths)
    area, controller = open_mail(qtbot, window)
    area.list.setFocus()
    qtbot.keyClick(area.list, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert area.search.hasFocus()
    qtbot.keyClicks(area.search, 'van:"Jan Peeters"')
    qtbot.keyClick(area.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: controller.model.ids() == [mine, archived])  # every folder
    before = controller.model.ids()
    qtbot.keyClicks(area.search, " voor:31-02-2026")
    qtbot.keyClick(area.search, Qt.Key.Key_Return)
    qtbot.waitUntil(area.search_error.isVisible)
    assert "31-02-2026" in area.search_error.text()
    assert controller.model.ids() == before  # the list keeps its old content
    qtbot.keyClick(area.search, Qt.Key.Key_Escape)
    assert area.search.text() == "" and not area.search_error.isVisible()
    settled(qtbot, controller)
    assert controller.model.rowCount() == 2 and archived not in controller.model.ids()


def test_an_empty_todo_says_all_handled(
        qtbot, app: QApplication, store: Store, runner: TaskRunner, paths: Paths) -> None:  # type: ignore[no-untyped-def]
    f = folders(store)
    mail(store, f.inbox, "Al gedaan", categories=["Ter info"])
    window = new_window(qtbot, store, runner, paths)
    area, _controller = open_mail(qtbot, window)
    assert area.is_empty_shown() and area.empty_title.text() == "Alles behandeld"
    assert area.pane.mail_id() is None


def test_a_quick_search_hit_opens_the_mail_in_its_folder(
        qtbot, app: QApplication, store: Store, runner: TaskRunner, paths: Paths) -> None:  # type: ignore[no-untyped-def]
    f = folders(store)
    mail(store, f.inbox, "Nieuw")
    filed = mail(store, f.archive, "Oud dossier", hours_ago=200)
    window = new_window(qtbot, store, runner, paths)
    area, controller = open_mail(qtbot, window)
    window.show_area("today")
    window.open_record("mail", filed)
    assert window.current_area() == "mail"
    assert controller.view_key() == f"folder:{f.archive}"
    assert area.tree.currentIndex().data().startswith("Archief")
    qtbot.waitUntil(lambda: controller.current_id() == filed)  # once the folder's ids are in
    assert area.pane.mail_id() == filed and controller.model.queries == 2  # asked once


def test_view_sort_grouping_and_splitter_are_remembered(
        qtbot, app: QApplication, store: Store, runner: TaskRunner, paths: Paths) -> None:  # type: ignore[no-untyped-def]
    f = folders(store)
    for n in range(4):
        mail(store, f.inbox, f"Mail {n}", hours_ago=n, sender_name=f"Afzender {3 - n}")
    first = new_window(qtbot, store, runner, paths)
    area, controller = open_mail(qtbot, first)
    controller.choose_view(f"folder:{f.inbox}")
    area.list.horizontalHeader().setSortIndicator(MailListModel.SENDER,
                                                  Qt.SortOrder.AscendingOrder)
    area.grouping.setChecked(True)
    area.splitter.setSizes([300, 900, 500])
    sizes = area.splitter.sizes()
    first.close()

    second = new_window(qtbot, store, runner, paths)
    area2, controller2 = open_mail(qtbot, second)
    query = controller2.model.query
    assert controller2.view_key() == f"folder:{f.inbox}"
    assert (query.sort.value, query.descending, query.conversations) == ("sender", False, True)
    assert area2.grouping.isChecked()
    assert area2.list.horizontalHeader().sortIndicatorSection() == MailListModel.SENDER
    assert area2.splitter.sizes() == sizes
    assert controller2.model.index(0, MailListModel.SENDER).data() == "Afzender 0"


def test_a_sort_by_header_click_keeps_the_mail_selected(
        qtbot, app: QApplication, store: Store, runner: TaskRunner, paths: Paths) -> None:  # type: ignore[no-untyped-def]
    f = folders(store)
    ids = [mail(store, f.inbox, f"Mail {n}", hours_ago=n, sender_name=f"Afzender {n % 3}")
           for n in range(9)]
    window = new_window(qtbot, store, runner, paths)
    area, controller = open_mail(qtbot, window)
    controller.select_id(ids[4])
    header = area.list.horizontalHeader()
    x = header.sectionViewportPosition(MailListModel.SENDER) + 10
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert controller.model.query.sort.value == "sender"
    settled(qtbot, controller)
    assert controller.current_id() == ids[4] and area.pane.mail_id() == ids[4]
    with store.session() as s:
        assert s.scalar(select(Mail.sender_name).where(Mail.id == controller.model.id_at(0))) \
            == "Afzender 0"


def test_the_shortcut_overlay_lists_every_key(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    area, _controller = open_mail(qtbot, window)
    window.activateWindow()
    area.list.setFocus()
    qtbot.waitUntil(area.list.hasFocus)
    qtbot.keyClick(area.list, "?")
    assert area.overlay.isVisible()
    text = area.overlay.card.text()
    for words in ("ongedaan maken", "Later", "Maak actiepunt", "Agenderen op", "Voor fiche",
                  "Koppel aan persoon", "Volgende / vorige mail", "Opvolgmarkering wissen"):
        assert words in text
    qtbot.keyClick(area.overlay, Qt.Key.Key_Escape)
    assert not area.overlay.isVisible() and area.list.hasFocus()
