"""Triage by keyboard in the Mail area, checked in the store, the outbox and,
after a real push, on the sandbox's mailbox."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import datetime, timedelta

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from sqlalchemy import select

from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.config import Paths
from kortrijk_cockpit.domain import LinkKind, Mail, OutboxEntry
from kortrijk_cockpit.exchange.ews import EwsBackend
from kortrijk_cockpit.exchange.outbox import OutboxPusher
from kortrijk_cockpit.exchange.sync import SyncEngine
from kortrijk_cockpit.sandbox import Mailbox
from kortrijk_cockpit.services.handing_on import HandOnService
from kortrijk_cockpit.services.mail_list import MailListService, MailQuery
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.ui.main_window import MainWindow, MainWindowServices
from kortrijk_cockpit.ui.models.mail_list import MailListModel
from kortrijk_cockpit.ui.tasks import TaskRunner
from kortrijk_cockpit.ui.views.mail.area import MailArea
from kortrijk_cockpit.ui.views.mail.controller import MailController
from kortrijk_cockpit.ui.views.mail.reader_window import ReaderWindow
from tests.integration.mail_world import folders, mail
from tests.ui.conftest import NOW, make_services
from tests.ui.hand_on_world import seed


def ready(qtbot, store: Store, runner: TaskRunner, paths: Paths,  # type: ignore[no-untyped-def]
          services: MainWindowServices | None = None
          ) -> tuple[MainWindow, MailArea, MailController]:
    window = MainWindow(runner, paths.config, report_unexpected=lambda e: None,
                        services=services or make_services(store))
    qtbot.addWidget(window)
    window.resize(1600, 900)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.show_area("mail")
    area = window.mail_area()
    assert area is not None
    controller: MailController = area.controller  # type: ignore[attr-defined]
    settled(qtbot, controller)
    area.list.setFocus()
    qtbot.waitUntil(area.list.hasFocus)
    return window, area, controller


def settled(qtbot, controller: MailController) -> None:  # type: ignore[no-untyped-def]
    """The list's ids come from the task runner: wait until the newest have landed."""
    qtbot.waitUntil(lambda: controller.model.ready and not controller.model.busy)


def landed(qtbot, controller: MailController, steps: int) -> None:  # type: ignore[no-untyped-def]
    """`steps` keys pressed, and every one's write has landed."""
    qtbot.waitUntil(lambda: [e.landed for e in controller.actions.undo_stack] == [True] * steps)


def on_server(mailbox: Mailbox, subject: str):  # type: ignore[no-untyped-def]
    [item] = [i for f in mailbox.folders for i in f.items if i.subject == subject]
    return item


def test_key_5_puts_it_on_the_mat_shows_the_next_mail_and_ctrl_z_pushes_the_reverse(
        qtbot, app: QApplication, store: Store, runner: TaskRunner, paths: Paths,  # type: ignore[no-untyped-def]
        backend: EwsBackend, mailbox: Mailbox) -> None:
    clock = FixedClock(NOW)
    for minutes, subject in ((1, "Nota BBC"), (2, "Tweede"), (3, "Derde")):
        mailbox.add_message("inbox", subject=subject, categories=["Rood"], is_read=True,
                            sender=("Els Vandamme", "els.vandamme@kortrijk.be"),
                            received=NOW - timedelta(minutes=minutes))
    SyncEngine(store.session_factory, backend, clock).sync()
    window, area, controller = ready(qtbot, store, runner, paths)
    model = controller.model
    first, second = model.id_at(0), model.id_at(1)
    assert area.pane.mail_id() == first

    qtbot.keyClick(area.list, Qt.Key.Key_5)
    assert controller.current_id() == second and area.pane.mail_id() == second  # at once
    landed(qtbot, controller, 1)
    qtbot.waitUntil(lambda: model.row_of(first) == -1)  # it left Te behandelen
    assert model.id_at(0) == second and controller.current_id() == second
    with store.session() as s:
        assert s.get(Mail, first).categories == ["Agenderen MAT", "Rood"]  # type: ignore[union-attr]
        assert s.scalar(select(OutboxEntry.kind).where(OutboxEntry.mail_id == first)) \
            == "set_categories"

    pusher = OutboxPusher(store.session_factory, backend, clock)
    assert pusher.push().pushed >= 1
    assert on_server(mailbox, "Nota BBC").categories == ["Agenderen MAT", "Rood"]

    qtbot.keyClick(area.list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Ongedaan gemaakt"))
    qtbot.waitUntil(lambda: model.row_of(first) == 0)  # back in Te behandelen
    assert controller.current_id() == first
    assert pusher.push().pushed >= 1
    assert on_server(mailbox, "Nota BBC").categories == ["Rood"]


def test_ctrl_z_right_after_a_key_undoes_that_key_even_before_its_write_lands(
        qtbot, app: QApplication, store: Store, runner: TaskRunner, paths: Paths) -> None:  # type: ignore[no-untyped-def]
    from kortrijk_cockpit.ui.tasks import Lane

    f = folders(store)
    earlier, later = (mail(store, f.inbox, f"Mail {n}", hours_ago=n + 1) for n in range(2))
    window, area, controller = ready(qtbot, store, runner, paths)
    assert controller.current_id() == earlier
    qtbot.keyClick(area.list, Qt.Key.Key_3)  # Ter info, and it lands
    landed(qtbot, controller, 1)
    settled(qtbot, controller)
    assert controller.current_id() == later

    gate = threading.Event()  # the store lane is busy (a sync page, a slow disk)
    runner.run("busy", lambda _ctx: gate.wait(10), lane=Lane.STORE)
    qtbot.keyClick(area.list, Qt.Key.Key_5)
    qtbot.keyClick(area.list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    gate.set()
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Ongedaan gemaakt"))
    qtbot.waitUntil(lambda: runner.active_count == 0)
    with store.session() as s:
        assert s.get(Mail, later).categories == []  # the 5 was undone  # type: ignore[union-attr]
        assert s.get(Mail, earlier).categories == ["Ter info"]  # type: ignore[union-attr]
    assert [e.label for e in controller.actions.undo_stack] == ["Mail behandelen"]


def test_every_key_acts_on_the_whole_selection(
        qtbot, app: QApplication, store: Store, runner: TaskRunner, paths: Paths) -> None:  # type: ignore[no-untyped-def]
    f = folders(store)
    ids = [mail(store, f.inbox, f"Mail {n}", hours_ago=n + 1) for n in range(4)]
    _window, area, controller = ready(qtbot, store, runner, paths)
    selection = area.list.selectionModel()
    for row in (0, 1):
        selection.select(controller.model.index(row, 0),
                         QItemSelectionModel.SelectionFlag.Select
                         | QItemSelectionModel.SelectionFlag.Rows)
    qtbot.keyClick(area.list, Qt.Key.Key_3)  # Ter info
    assert controller.current_id() == ids[2]  # the next one not chosen
    landed(qtbot, controller, 1)
    qtbot.waitUntil(lambda: controller.model.ids() == ids[2:])
    with store.session() as s:
        assert [s.get(Mail, i).categories for i in ids] == [  # type: ignore[union-attr]
            ["Ter info"], ["Ter info"], [], []]

    qtbot.keyClick(area.list, Qt.Key.Key_U)  # read, then unread again
    landed(qtbot, controller, 2)
    with store.session() as s:
        assert s.get(Mail, ids[2]).is_read  # type: ignore[union-attr]
    qtbot.keyClick(area.list, Qt.Key.Key_J)
    assert controller.current_id() == ids[3]
    qtbot.keyClick(area.list, Qt.Key.Key_K)
    assert controller.current_id() == ids[2] and area.pane.mail_id() == ids[2]


def test_later_asks_when_and_takes_the_mail_out_until_then(
        qtbot, app: QApplication, store: Store, runner: TaskRunner, paths: Paths) -> None:  # type: ignore[no-untyped-def]
    from kortrijk_cockpit.ui.dialogs.snooze import SnoozeDialog

    f = folders(store)
    ids = [mail(store, f.inbox, f"Mail {n}", hours_ago=n + 1) for n in range(2)]
    _window, area, controller = ready(qtbot, store, runner, paths)
    qtbot.keyClick(area.list, Qt.Key.Key_L)
    dialog = controller.actions.dialog
    assert isinstance(dialog, SnoozeDialog) and dialog.isVisible()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_2)  # Morgen (8:00)
    landed(qtbot, controller, 1)
    qtbot.waitUntil(lambda: controller.model.ids() == ids[1:])
    with store.session() as s:
        until = s.get(Mail, ids[0]).snoozed_until  # type: ignore[union-attr]
    assert until is not None and until.astimezone(NOW.tzinfo).date() == NOW.date() + timedelta(1)
    qtbot.waitUntil(area.list.hasFocus)  # the keys go on in the list


def test_enter_opens_the_mail_in_its_own_window(
        qtbot, app: QApplication, store: Store, runner: TaskRunner, paths: Paths) -> None:  # type: ignore[no-untyped-def]
    f = folders(store)
    mail(store, f.inbox, "Uitnodiging Voka", body_text="Graag uw aanwezigheid.")
    window, area, _controller = ready(qtbot, store, runner, paths)
    qtbot.keyClick(area.list, Qt.Key.Key_Return)
    reader = window.findChild(ReaderWindow)
    assert reader is not None and reader.isVisible()
    assert reader.windowTitle() == "Uitnodiging Voka" and reader.pane.mail_id() is not None
    reader.close()


def test_a_mail_deleted_meanwhile_gives_a_dutch_message_and_loses_nothing(
        qtbot, app: QApplication, store: Store, runner: TaskRunner, paths: Paths) -> None:  # type: ignore[no-untyped-def]
    f = folders(store)
    ids = [mail(store, f.inbox, f"Mail {n}", hours_ago=n + 1) for n in range(2)]
    window, area, controller = ready(qtbot, store, runner, paths)
    with store.session_factory.begin() as s:  # Outlook deleted it; no sync yet
        s.delete(s.get(Mail, ids[0]))
    qtbot.keyClick(area.list, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox) is not None)
    box = window.findChild(QMessageBox)
    assert "bestaat niet meer" in box.text()
    assert controller.actions.undo_stack == []
    settled(qtbot, controller)
    assert controller.model.ids() == [ids[1]] and controller.current_id() == ids[1]
    with store.session() as s:
        assert s.get(Mail, ids[1]).categories == []  # type: ignore[union-attr]
    box.close()


def test_without_compose_reply_says_it_is_not_connected(
        qtbot, app: QApplication, store: Store, runner: TaskRunner, paths: Paths) -> None:  # type: ignore[no-untyped-def]
    f = folders(store)
    mail(store, f.inbox, "Vraag")
    window, area, controller = ready(qtbot, store, runner, paths)
    requested: list[tuple[int, str]] = []
    controller.compose_requested.connect(lambda mail_id, mode: requested.append((mail_id, mode)))
    qtbot.keyClick(area.list, Qt.Key.Key_R)
    assert "nog niet aangesloten" in window.statusBar().currentMessage()
    controller.set_compose(object())
    qtbot.keyClick(area.list, Qt.Key.Key_R, Qt.KeyboardModifier.ShiftModifier)
    assert requested == [(controller.current_id(), "reply_all")]


def test_a_accepts_the_suggestion_shown_above_the_pane(
        qtbot, app: QApplication, store: Store, runner: TaskRunner, paths: Paths) -> None:  # type: ignore[no-untyped-def]
    f = folders(store)
    for n in range(3):  # how her earlier mails were handled
        mail(store, f.inbox, f"Agendapunt {n}", hours_ago=48 + n, categories=["Agenderen MAT"],
             sender_email="jan.peeters@kortrijk.be")
    new = mail(store, f.inbox, "Nog een punt", sender_email="jan.peeters@kortrijk.be")
    _window, area, controller = ready(qtbot, store, runner, paths)
    assert area.pane.mail_id() == new
    qtbot.waitUntil(area.suggestion.isVisible)  # computed on the runner
    assert area.suggestion_text.full_text() == (
        "Voorstel: Agenderen MAT — 3 van de 3 vorige mails van deze afzender · A aanvaarden")
    qtbot.keyClick(area.list, Qt.Key.Key_A)
    landed(qtbot, controller, 1)
    with store.session() as s:
        assert s.get(Mail, new).categories == ["Agenderen MAT"]  # type: ignore[union-attr]
    settled(qtbot, controller)
    assert area.is_empty_shown() and area.empty_title.text() == "Alles behandeld"


def test_t_makes_an_action_point_the_mail_then_shows(
        qtbot, app: QApplication, store: Store, runner: TaskRunner, paths: Paths) -> None:  # type: ignore[no-untyped-def]
    from kortrijk_cockpit.domain import ActionPoint, LinkKind
    from kortrijk_cockpit.ui.dialogs.action_point import ActionPointDialog

    f = folders(store)
    chosen = mail(store, f.inbox, "RE: Offerte brandweerkazerne")
    window, area, controller = ready(qtbot, store, runner, paths)
    qtbot.keyClick(area.list, Qt.Key.Key_T)
    dialog = controller.actions.dialog
    assert isinstance(dialog, ActionPointDialog)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    assert dialog.title.text() == "Offerte brandweerkazerne"
    qtbot.keyClick(dialog.title, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.owner, "Jan Peeters")
    dialog.accept()
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "Actiepunt gemaakt")
    with store.session() as s:
        point = s.scalar(select(ActionPoint).where(ActionPoint.source_mail_id == chosen))
        assert point is not None and point.title == "Offerte brandweerkazerne"
    detail = controller.services.mail_list.detail(chosen)
    assert detail is not None and [link.kind for link in detail.links] == [LinkKind.ACTION_POINT]
    assert area.pane.mail_id() == chosen


class ThreadRecordingMailList(MailListService):
    """The real service; it only notes on which thread each ids query ran."""

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.threads: list[int] = []

    def ids(self, query: MailQuery) -> list[int]:
        self.threads.append(threading.get_ident())
        return super().ids(query)


def test_a_triage_key_never_runs_the_list_query_on_the_gui_thread(
        qtbot, app: QApplication, store: Store, runner: TaskRunner, paths: Paths) -> None:  # type: ignore[no-untyped-def]
    f = folders(store)
    ids = [mail(store, f.inbox, f"Mail {n}", hours_ago=n + 1) for n in range(3)]
    mail_list = ThreadRecordingMailList(store.session_factory, FixedClock(NOW))
    _window, area, controller = ready(qtbot, store, runner, paths,
                                      replace(make_services(store), mail_list=mail_list))
    gui = threading.get_ident()
    assert mail_list.threads and gui not in mail_list.threads  # opening the area neither
    mail_list.threads.clear()

    qtbot.keyClick(area.list, Qt.Key.Key_3)  # Ter info
    assert gui not in mail_list.threads  # the key returned without a list query of its own
    assert controller.current_id() == ids[1]  # the next mail, at once
    landed(qtbot, controller, 1)
    settled(qtbot, controller)
    assert controller.model.ids() == ids[1:] and controller.current_id() == ids[1]
    assert mail_list.threads and gui not in mail_list.threads


# Hand on, file and flag: each key opens its dialog, driven by keyboard ----------------------

def dialog_of(qtbot, controller: MailController, kind: type) -> QDialog:  # type: ignore[no-untyped-def]
    dialog = controller.actions.dialog
    assert isinstance(dialog, kind) and dialog.isVisible()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def linked_both_ways(store: Store, mail_id: int, kind: LinkKind, target_id: int) -> bool:
    service = HandOnService(store.session_factory, FixedClock(NOW))
    forward = any(link.kind == kind and link.target_id == target_id
                  for link in service.links(mail_id))
    back = any(ref.id == mail_id for ref in service.mails_linked_to(kind, target_id))
    return forward and back


def test_g_puts_the_mail_on_the_next_mat_and_the_pane_says_what_it_became(
        qtbot, app: QApplication, sqlite_store: Store, runner: TaskRunner, paths: Paths) -> None:  # type: ignore[no-untyped-def]
    from kortrijk_cockpit.domain import AgendaItem
    from kortrijk_cockpit.ui.dialogs.agenda_item import AgendaItemDialog

    world = seed(sqlite_store)
    chosen = mail(sqlite_store, world.inbox, "RE: Personeelsplan 2027")
    window, area, controller = ready(qtbot, sqlite_store, runner, paths)
    assert controller.current_id() == chosen and not area.pane.links.isVisible()
    qtbot.keyClick(area.list, Qt.Key.Key_G)
    dialog = dialog_of(qtbot, controller, AgendaItemDialog)
    # Without an "Agenderen …" outcome the first series is chosen (not the separator).
    assert dialog.meeting.currentText() == "Het volgende DC (donderdag 26/11/2026 09:00)"
    qtbot.keyClick(dialog.title, Qt.Key.Key_End)
    qtbot.keyClicks(dialog.title, " - advies")
    qtbot.keyClick(dialog.title, Qt.Key.Key_Tab)
    qtbot.keyClick(dialog.meeting, Qt.Key.Key_Down)
    assert dialog.meeting.currentText() == "Het volgende MAT (dinsdag 24/11/2026 09:00)"
    qtbot.keyClick(dialog.meeting, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "Geagendeerd")
    with sqlite_store.session() as s:
        item = s.scalar(select(AgendaItem).where(AgendaItem.source_mail_id == chosen))
        assert item is not None and item.meeting_id == world.mat_next
        assert item.title == "Personeelsplan 2027 - advies"
        item_id = item.id
    assert linked_both_ways(sqlite_store, chosen, LinkKind.AGENDA_ITEM, item_id)
    qtbot.waitUntil(area.pane.links.isVisible)
    assert area.pane.mail_id() == chosen
    assert "Werd: " in area.pane.links.text()
    assert "Agendapunt Personeelsplan 2027 - advies (MAT 24/11/2026)" in area.pane.links.text()
    qtbot.waitUntil(area.list.hasFocus)  # the keys go on in the list


def test_b_attaches_every_selected_mail_to_the_brief_typed(
        qtbot, app: QApplication, sqlite_store: Store, runner: TaskRunner, paths: Paths) -> None:  # type: ignore[no-untyped-def]
    from kortrijk_cockpit.ui.dialogs.brief_link import BriefLinkDialog

    world = seed(sqlite_store)
    ids = [mail(sqlite_store, world.inbox, f"Voka {n}", hours_ago=n + 1) for n in range(3)]
    window, area, controller = ready(qtbot, sqlite_store, runner, paths)
    area.list.selectionModel().select(controller.model.index(1, 0),
                                      QItemSelectionModel.SelectionFlag.Select
                                      | QItemSelectionModel.SelectionFlag.Rows)
    qtbot.keyClick(area.list, Qt.Key.Key_B)
    dialog = dialog_of(qtbot, controller, BriefLinkDialog)
    qtbot.keyClicks(dialog.filter, "voka")
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "Gekoppeld aan de fiche")
    assert [linked_both_ways(sqlite_store, i, LinkKind.BRIEF, world.voka) for i in ids] == [
        True, True, False]
    qtbot.waitUntil(lambda: "Fiche Netwerkmoment Voka" in area.pane.links.text())


def test_p_links_the_mail_to_the_person_typed(
        qtbot, app: QApplication, sqlite_store: Store, runner: TaskRunner, paths: Paths) -> None:  # type: ignore[no-untyped-def]
    from kortrijk_cockpit.ui.dialogs.person_link import PersonLinkDialog

    world = seed(sqlite_store)
    chosen = mail(sqlite_store, world.inbox, "Uitnodiging provincieraad",
                  sender_name="Griffie", sender_email="griffie@west-vlaanderen.be")
    window, area, controller = ready(qtbot, sqlite_store, runner, paths)
    qtbot.keyClick(area.list, Qt.Key.Key_P)
    dialog = dialog_of(qtbot, controller, PersonLinkDialog)
    qtbot.keyClicks(dialog.filter, "sofie")
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "Gekoppeld aan de persoon")
    assert linked_both_ways(sqlite_store, chosen, LinkKind.PERSON, world.sofie)
    qtbot.waitUntil(lambda: "Persoon Sofie Maes (Gedeputeerde)" in area.pane.links.text())


def test_v_files_the_mail_it_leaves_the_view_and_lands_in_that_folder_on_the_server(
        qtbot, app: QApplication, store: Store, runner: TaskRunner, paths: Paths,  # type: ignore[no-untyped-def]
        backend: EwsBackend, mailbox: Mailbox) -> None:
    from kortrijk_cockpit.domain import MailFolder
    from kortrijk_cockpit.services.folders import FolderService
    from kortrijk_cockpit.ui.dialogs.file_to_folder import FolderPickerDialog

    clock = FixedClock(NOW)
    for minutes, subject in ((1, "Verslag DC"), (2, "Tweede")):
        mailbox.add_message("inbox", subject=subject, sender=("Els Vandamme",
                                                             "els.vandamme@kortrijk.be"),
                            received=NOW - timedelta(minutes=minutes), is_read=True)
    SyncEngine(store.session_factory, backend, clock).sync()
    with store.session() as s:
        handled = s.scalar(select(MailFolder.id).where(MailFolder.display_name == "Behandeld"))
    assert handled is not None
    FolderService(store.session_factory).set_synced(handled, True)
    FolderPickerDialog.recent = []
    _window, area, controller = ready(qtbot, store, runner, paths)
    model = controller.model
    first, second = model.id_at(0), model.id_at(1)

    qtbot.keyClick(area.list, Qt.Key.Key_V)
    dialog = dialog_of(qtbot, controller, FolderPickerDialog)
    qtbot.keyClicks(dialog.filter, "behan")
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)
    assert controller.current_id() == second  # the next mail, before the move lands
    landed(qtbot, controller, 1)
    qtbot.waitUntil(lambda: model.row_of(first) == -1)  # it left Te behandelen
    with store.session() as s:
        assert s.get(Mail, first).folder_id == handled  # type: ignore[union-attr]
    assert OutboxPusher(store.session_factory, backend, clock).push().pushed == 1
    assert [i.subject for i in mailbox.folder("Behandeld").items] == ["Verslag DC"]
    assert [i.subject for i in mailbox.folder("inbox").items] == ["Tweede"]
    FolderPickerDialog.recent = []


def test_i_flags_with_a_due_date_on_the_server_and_shift_i_clears_it(
        qtbot, app: QApplication, store: Store, runner: TaskRunner, paths: Paths,  # type: ignore[no-untyped-def]
        backend: EwsBackend, mailbox: Mailbox) -> None:
    from kortrijk_cockpit.clock import BRUSSELS
    from kortrijk_cockpit.ui.dialogs.flag_due import FlagDialog

    clock = FixedClock(NOW)
    mailbox.add_message("inbox", subject="Offerte", received=NOW - timedelta(minutes=5),
                        sender=("Jan Peeters", "jan.peeters@kortrijk.be"), is_read=True)
    SyncEngine(store.session_factory, backend, clock).sync()
    _window, area, controller = ready(qtbot, store, runner, paths)
    chosen = controller.current_id()
    assert chosen is not None
    flag_cell = controller.model.index(0, MailListModel.FLAG)

    qtbot.keyClick(area.list, Qt.Key.Key_I)
    dialog = dialog_of(qtbot, controller, FlagDialog)
    qtbot.keyClick(dialog, Qt.Key.Key_2)  # Morgen: Tuesday 24/11, due at the end of the day
    landed(qtbot, controller, 1)
    tomorrow = datetime(2026, 11, 24, 17, 0, tzinfo=BRUSSELS)
    qtbot.waitUntil(lambda: flag_cell.data() == "⚑ 24/11")  # the row repaints in place
    assert controller.current_id() == chosen  # a flag keeps the mail where it is
    pusher = OutboxPusher(store.session_factory, backend, clock)
    assert pusher.push().pushed == 1
    server = on_server(mailbox, "Offerte")
    assert server.flag_status == "Flagged" and server.flag_due == tomorrow

    qtbot.waitUntil(area.list.hasFocus)
    qtbot.keyClick(area.list, Qt.Key.Key_I, Qt.KeyboardModifier.ShiftModifier)
    landed(qtbot, controller, 2)
    qtbot.waitUntil(lambda: flag_cell.data() == "")
    assert pusher.push().pushed == 1
    server = on_server(mailbox, "Offerte")
    assert server.flag_status == "NotFlagged" and server.flag_due is None


def test_o_marks_the_reporting_part_the_mail_brings_as_received(
        qtbot, app: QApplication, sqlite_store: Store, runner: TaskRunner, paths: Paths) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from kortrijk_cockpit.domain import Deliverable, DeliverableStatus
    from kortrijk_cockpit.services.reporting import ReportingService, Team
    from kortrijk_cockpit.services.reporting_hand_on import ReportingHandOn
    from kortrijk_cockpit.services.reporting_plan import PlanRules
    from kortrijk_cockpit.ui.dialogs.deliverable_link import DeliverableLinkDialog

    world = seed(sqlite_store)
    reporting = ReportingService(sqlite_store.session_factory, FixedClock(NOW), PlanRules(),
                                 [Team("Financiën", "Financiën", "Nathalie Claeys")])
    reporting.create_year(2027)
    chosen = mail(sqlite_store, world.inbox, "Jaarrekening: bijdrage Financiën")
    services = replace(make_services(sqlite_store), reporting_hand_on=ReportingHandOn(
        sqlite_store.session_factory, reporting))
    window, area, controller = ready(qtbot, sqlite_store, runner, paths, services)
    assert controller.current_id() == chosen
    qtbot.keyClick(area.list, Qt.Key.Key_O)
    dialog = dialog_of(qtbot, controller, DeliverableLinkDialog)
    qtbot.keyClicks(dialog.filter, "jaarrekening")
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage()
                    == "Bijdrage voor de rapportering ontvangen")
    with sqlite_store.session() as s:
        part = s.scalars(select(Deliverable).where(Deliverable.document_mail_id == chosen)).one()
        assert part.status == DeliverableStatus.RECEIVED and "Jaarrekening" in part.cycle.name
