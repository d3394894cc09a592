"""The lazy mail list: ids only, rows fetched around what is painted, and a
sync page applied as inserts and removals so the selection survives."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QTableView
from sqlalchemy import insert

from kortrijk_cockpit.changes import Changes, Kind
from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.domain import Mail
from kortrijk_cockpit.services.mail_list import MailListService, MailQuery, MailView
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.ui.models.mail_list import CACHE_LIMIT, MailListModel
from kortrijk_cockpit.ui.tasks import TaskRunner
from tests.integration.mail_world import NOW, folders, mail


def many(store: Store, folder_id: int, count: int, *, start_hours: float = 1,
         prefix: str = "Mail") -> list[int]:
    """`count` inbox mails, newest first, one minute apart, in one INSERT."""
    rows = [{"folder_id": folder_id, "subject": f"{prefix} {n}", "sender_name": f"Afzender {n % 40}",
             "sender_email": f"a{n % 40}@kortrijk.be", "categories": [], "to_recipients": [],
             "cc_recipients": [], "received_at": NOW - timedelta(hours=start_hours, minutes=n),
             "exchange_id": f"{prefix}-{n}", "is_read": n % 3 == 0}
            for n in range(count)]
    with store.session_factory.begin() as s:
        s.execute(insert(Mail), rows)
    with store.session_factory() as s:
        return list(s.scalars(Mail.__table__.select().with_only_columns(Mail.id)
                              .where(Mail.subject.like(f"{prefix} %")).order_by(Mail.id)))


def model_over(store: Store, qtbot, runner: TaskRunner,  # type: ignore[no-untyped-def]
               query: MailQuery = MailQuery()) -> tuple[MailListModel, QTableView]:
    service = MailListService(store.session_factory, FixedClock(NOW))
    model = MailListModel(service, query, lambda: NOW, runner)
    with qtbot.waitSignal(model.loaded):  # the ids come from the task runner
        model.set_query(query)
    view = QTableView()
    view.setModel(model)
    view.resize(900, 600)
    qtbot.addWidget(view)
    return model, view


def test_the_model_passes_qtmodeltester(qtmodeltester, qtbot, sqlite_store: Store,  # type: ignore[no-untyped-def]
                                        runner: TaskRunner) -> None:
    f = folders(sqlite_store)
    for n in range(5):
        mail(sqlite_store, f.inbox, f"Mail {n}", hours_ago=n, categories=["Ter info"] if n else [])
    model, _view = model_over(sqlite_store, qtbot, runner,
                              MailQuery(MailView.FOLDER, folder_id=f.inbox))
    assert model.rowCount() == 5
    qtmodeltester.check(model)


def test_only_rows_near_what_is_painted_are_read(qtbot, sqlite_store: Store,  # type: ignore[no-untyped-def]
                                                 runner: TaskRunner) -> None:
    f = folders(sqlite_store)
    many(sqlite_store, f.inbox, 6_000)
    model, view = model_over(sqlite_store, qtbot, runner)
    view.show()
    qtbot.waitUntil(lambda: model.cached_count() > 0)  # painted
    assert model.rowCount() == 6_000
    assert model.cached_count() <= 200  # one page, not 6,000 rows
    assert model.index(0, MailListModel.SUBJECT).data() == "Mail 0"
    # Scrolling far down reads another page there; the cache stays bounded.
    for row in range(0, 6_000, 150):
        assert model.index(row, MailListModel.SUBJECT).data() == f"Mail {row}"
    assert model.cached_count() <= CACHE_LIMIT
    assert model.index(5_999, MailListModel.SENDER).data() == "Afzender 39"


def test_a_sync_page_keeps_the_selected_mail_selected(qtbot, store: Store,  # type: ignore[no-untyped-def]
                                                      runner: TaskRunner) -> None:
    f = folders(store)
    many(store, f.inbox, 300, start_hours=2)
    model, view = model_over(store, qtbot, runner)
    chosen = model.id_at(120)
    view.selectionModel().setCurrentIndex(
        model.index(120, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
        | QItemSelectionModel.SelectionFlag.Rows)
    resets: list[bool] = []
    inserted: list[tuple[int, int]] = []
    model.modelReset.connect(lambda: resets.append(True))
    model.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))

    # A page of 50 newer mails lands above her, and one mail below is deleted.
    new = many(store, f.inbox, 50, start_hours=0.5, prefix="Nieuw")
    gone = model.id_at(200)
    with store.session_factory.begin() as s:
        s.delete(s.get(Mail, gone))
    with qtbot.waitSignal(model.loaded):
        model.apply(Changes.of(Kind.MAIL, created=new, removed=[gone]))

    assert resets == []  # never a reset
    assert inserted == [(0, 49)]  # one range, not fifty inserts
    assert model.rowCount() == 349
    assert model.row_of(gone) == -1
    assert model.id_at(view.currentIndex().row()) == chosen
    assert [model.id_at(i.row()) for i in view.selectionModel().selectedRows()] == [chosen]


def test_sorting_by_a_header_keeps_the_same_mail_selected(qtbot, store: Store,  # type: ignore[no-untyped-def]
                                                          runner: TaskRunner) -> None:
    f = folders(store)
    many(store, f.inbox, 120)
    model, view = model_over(store, qtbot, runner)
    view.setSortingEnabled(True)
    view.horizontalHeader().setSortIndicator(MailListModel.RECEIVED, Qt.SortOrder.DescendingOrder)
    chosen = model.id_at(7)
    view.selectRow(7)
    with qtbot.waitSignal(model.loaded):
        view.horizontalHeader().setSortIndicator(MailListModel.SENDER,
                                                 Qt.SortOrder.AscendingOrder)
    assert model.query.sort.value == "sender"
    assert model.index(0, MailListModel.SENDER).data() == "Afzender 0"
    assert model.id_at(view.currentIndex().row()) == chosen
    assert [model.id_at(i.row()) for i in view.selectionModel().selectedRows()] == [chosen]


def test_rows_show_state_flag_and_unread_in_dutch(qtbot, sqlite_store: Store,  # type: ignore[no-untyped-def]
                                                  runner: TaskRunner) -> None:
    from kortrijk_cockpit.domain import FlagStatus

    f = folders(sqlite_store)
    waiting = mail(sqlite_store, f.inbox, "Offerte", hours_ago=4 * 24,
                   categories=["Wacht op antwoord"], waiting_due_at=NOW + timedelta(days=1),
                   is_read=True)
    later = mail(sqlite_store, f.inbox, "Straks", hours_ago=2,
                 snoozed_until=NOW + timedelta(days=1), flag_status=FlagStatus.FLAGGED,
                 flag_due_at=NOW + timedelta(days=3))
    new = mail(sqlite_store, f.inbox, "Nieuw", hours_ago=1)
    model, _view = model_over(sqlite_store, qtbot, runner,
                              MailQuery(MailView.FOLDER, folder_id=f.inbox))

    def cell(mail_id: int, column: int, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        return model.index(model.row_of(mail_id), column).data(role)

    assert cell(new, MailListModel.STATE) == "Nieuw"
    assert cell(new, MailListModel.SUBJECT, Qt.ItemDataRole.FontRole).bold()
    assert cell(waiting, MailListModel.STATE) == "Wacht sinds 4 d."
    assert cell(waiting, MailListModel.SUBJECT, Qt.ItemDataRole.FontRole) is None
    assert cell(later, MailListModel.STATE) == "Later tot 24/11 10:00"
    assert cell(later, MailListModel.FLAG) == "⚑ 26/11"
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(7)] == [
        "Van", "Onderwerp", "Ontvangen", "Categorieën", "Vlag", None, "Status"]
    attachment = MailListModel.ATTACHMENT  # a narrow column: a paperclip, named in its tooltip
    assert model.headerData(attachment, Qt.Orientation.Horizontal,
                            Qt.ItemDataRole.ToolTipRole) == "Bijlage"
    assert not model.headerData(attachment, Qt.Orientation.Horizontal,
                                Qt.ItemDataRole.DecorationRole).isNull()


def test_a_burst_of_sync_pages_costs_at_most_two_queries(qtbot, store: Store,  # type: ignore[no-untyped-def]
                                                         runner: TaskRunner) -> None:
    f = folders(store)
    many(store, f.inbox, 100, start_hours=2)
    model, _view = model_over(store, qtbot, runner)
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    before = model.queries
    for page in range(10):  # ten pages land faster than one ids query runs
        new = many(store, f.inbox, 5, start_hours=1 - page / 20, prefix=f"Pagina{page}")
        model.apply(Changes.of(Kind.MAIL, created=new))
    qtbot.waitUntil(lambda: not model.busy)
    assert model.queries - before <= 2
    assert model.rowCount() == 150 and resets == []
    assert model.index(0, MailListModel.SUBJECT).data() == "Pagina9 0"


def test_an_answer_for_a_view_she_already_left_is_dropped(qtbot, store: Store,  # type: ignore[no-untyped-def]
                                                          runner: TaskRunner) -> None:
    f = folders(store)
    inbox = many(store, f.inbox, 30)
    archived = many(store, f.archive, 4, prefix="Archief")
    model, _view = model_over(store, qtbot, runner)
    lists: list[list[int]] = []
    model.loaded.connect(lambda _reset: lists.append(model.ids()))
    model.set_query(MailQuery(MailView.FOLDER, folder_id=f.inbox))
    model.set_query(MailQuery(MailView.FOLDER, folder_id=f.archive))  # before the inbox landed
    qtbot.waitUntil(lambda: not model.busy)
    assert lists == [archived]  # newest first; the inbox never flashed by
    assert model.query.folder_id == f.archive and not set(inbox) & set(model.ids())
