"""Zoek een moment: who, how long, between which days; then the first slots that suit
everyone, and the chosen one booked with invitations.

The colleagues' free/busy is read by the sync worker (it owns the Exchange
session), the rest on the task runner; the dialog only gathers input and shows
answers. A failure is shown in the dialog itself, so what was typed stays.
Enter in the attendee field adds the attendee, Delete in the attendee list removes
one, Enter elsewhere searches, Enter or a double-click on a proposal books it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QDate,
    QEvent,
    QModelIndex,
    QObject,
    QSortFilterProxyModel,
    QStringListModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.ui.models.proposals import ProposalModel
from kortrijk_cockpit.ui.tasks import Lane, TaskRunner

if TYPE_CHECKING:
    from kortrijk_cockpit.changes import Changes
    from kortrijk_cockpit.exchange.records import BusyBlock
    from kortrijk_cockpit.services.find_time import FindTimeService, MeetingRequest, Proposal
    from kortrijk_cockpit.ui.sync_worker import SyncController

ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class FindTimeDialog(QDialog):
    booked = Signal(int)  # the new appointment's id, once it is in the store
    proposals_shown = Signal(int)  # how many proposals a search found
    failed = Signal(str)  # the Dutch message shown

    def __init__(self, service: FindTimeService, runner: TaskRunner,
                 sync: SyncController | None, *, today: date,
                 announce: Callable[[Changes], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Find a time"))
        self.setObjectName("findTimeDialog")
        self.resize(620, 640)
        self._service = service
        self._runner = runner
        self._sync = sync
        self._announce = announce
        self._asked: int | None = None  # the free/busy request whose answer we wait for
        self._request: MeetingRequest | None = None  # what the shown proposals are for

        self.subject = QLineEdit()
        self.location = QLineEdit()
        self.attendee = QLineEdit()
        self.attendee.setPlaceholderText(self.tr("Name or mail address; ↓ chooses, Enter adds"))
        # The colleagues the typed text matches, as a list under the field (no popup):
        # Up/Down choose, Enter adds the chosen one.
        self._known = QStringListModel(self)
        self.matches = QSortFilterProxyModel(self)
        self.matches.setSourceModel(self._known)
        self.matches.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.match_list = QListView()
        self.match_list.setModel(self.matches)
        self.match_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.match_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.match_list.setMaximumHeight(90)
        self.match_list.clicked.connect(lambda _index: self.add_attendee())
        self.attendee.textChanged.connect(self._filter_known)
        runner.run(self.tr("Reading the colleagues"), lambda _ctx: service.invitees(), owner=self,
                   on_success=lambda found: self._known.setStringList([i.label for i in found]))
        self.attendees = QStringListModel(self)
        self.attendee_list = QListView()
        self.attendee_list.setModel(self.attendees)
        self.attendee_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.attendee_list.setMaximumHeight(110)
        self.duration = QSpinBox()
        self.duration.setRange(15, 600)
        self.duration.setSingleStep(15)
        self.duration.setValue(60)
        self.duration.setSuffix(self.tr(" minutes"))
        self.first_day = QDateEdit(_qdate(today))
        self.last_day = QDateEdit(_qdate(today + timedelta(days=14)))
        for edit in (self.first_day, self.last_day):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")

        form = QFormLayout()
        form.addRow(self.tr("&Subject:"), self.subject)
        form.addRow(self.tr("&Location:"), self.location)
        form.addRow(self.tr("&Attendees:"), self.attendee)
        form.addRow("", self.match_list)
        form.addRow("", self.attendee_list)
        form.addRow(self.tr("&Duration:"), self.duration)
        form.addRow(self.tr("&From:"), self.first_day)
        form.addRow(self.tr("&Until:"), self.last_day)

        self.search_button = QPushButton(self.tr("Search"))
        self.search_button.setDefault(True)
        self.search_button.clicked.connect(self.search)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setFormat(self.tr("Reading availability…"))
        self.progress.setTextVisible(True)
        self.cancel_button = QPushButton(self.tr("Stop"))
        self.cancel_button.clicked.connect(self.cancel_search)
        searching = QHBoxLayout()
        searching.addWidget(self.search_button)
        searching.addWidget(self.progress, 1)
        searching.addWidget(self.cancel_button)
        self._set_searching(False)

        self.message = QLabel()
        self.message.setObjectName("findTimeMessage")
        self.message.setWordWrap(True)
        self.proposals = ProposalModel(self)
        self.table = QTableView()
        self.table.setModel(self.proposals)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda index: self.book(index.row()))

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.book_button = self.buttons.addButton(self.tr("Book this time"),
                                                  QDialogButtonBox.ButtonRole.ActionRole)
        self.book_button.setAutoDefault(False)
        self.book_button.setEnabled(False)
        self.book_button.clicked.connect(lambda: self.book(self.table.currentIndex().row()))
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(searching)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        for widget in (self.attendee, self.attendee_list, self.table):
            widget.installEventFilter(self)
        if sync is not None:
            sync.free_busy_ready.connect(self._on_free_busy)
            sync.free_busy_failed.connect(self._on_free_busy_failed)

    # -- attendees -------------------------------------------------------------
    def add_attendee(self) -> bool:
        text = self.attendee.text().strip()
        if not text:
            return False
        from kortrijk_cockpit.services.find_time import address_of

        current = self.match_list.currentIndex()
        if current.isValid():
            chosen = str(current.data())
        elif address_of(text):
            chosen = text
        else:
            chosen = str(self.matches.index(0, 0).data()) if self.matches.rowCount() == 1 else ""
        if not chosen:
            self._show_message(self.tr("'{text}' is not a known colleague nor a mail address.")
                               .format(text=text))
            return True
        if chosen not in self.attendees.stringList():
            row = self.attendees.rowCount()
            self.attendees.insertRows(row, 1)
            self.attendees.setData(self.attendees.index(row), chosen)
        self.attendee.clear()
        self.message.clear()
        return True

    def _filter_known(self, text: str) -> None:
        self.matches.setFilterFixedString(text.strip())
        self.match_list.setCurrentIndex(QModelIndex())  # nothing chosen until Up/Down

    def _move_match(self, step: int) -> None:
        rows = self.matches.rowCount()
        if rows:
            row = self.match_list.currentIndex().row()
            row = 0 if row < 0 else max(0, min(rows - 1, row + step))
            self.match_list.setCurrentIndex(self.matches.index(row, 0))

    def remove_attendee(self) -> None:
        row = self.attendee_list.currentIndex().row()
        if row >= 0:
            self.attendees.removeRows(row, 1)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if watched is self.attendee and event.key() in ENTER:
                if self.add_attendee():
                    return True
            elif watched is self.attendee and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                self._move_match(1 if event.key() == Qt.Key.Key_Down else -1)
                return True
            elif watched is self.attendee_list and event.key() in (Qt.Key.Key_Delete,
                                                                   Qt.Key.Key_Backspace):
                self.remove_attendee()
                return True
            elif watched is self.table and event.key() in ENTER:
                self.book(self.table.currentIndex().row())
                return True  # not on to the dialog: that would search again
        return super().eventFilter(watched, event)

    # -- searching -------------------------------------------------------------
    def _meeting(self) -> MeetingRequest:
        from kortrijk_cockpit.services.find_time import MeetingRequest

        return MeetingRequest(
            subject=self.subject.text().strip(), location=self.location.text().strip(),
            attendees=tuple(self.attendees.stringList()),
            duration=timedelta(minutes=self.duration.value()),
            first_day=self.first_day.date().toPython(),  # type: ignore[arg-type]
            last_day=self.last_day.date().toPython())  # type: ignore[arg-type]

    def search(self) -> None:
        self.add_attendee()  # a name typed but not yet added counts too
        request = self._meeting()
        try:
            start, end = self._service.window(request)
            addresses = self._service.addresses(request)
        except UserFacingError as exc:
            self._show_message(exc.user_message, failed=True)
            return
        self.proposals.set_proposals([])
        self.book_button.setEnabled(False)
        if not addresses:  # the director alone: his own calendar is enough
            self._propose(request, {})
            return
        if self._sync is None:
            self._show_message(self.tr("Not connected to Exchange: the colleagues' availability "
                                       "cannot be read. Set up the connection first "
                                       "(File, Connection with Exchange)."), failed=True)
            return
        self._set_searching(True)
        self.message.setText(self.tr("Reading the availability of {count} people…")
                             .format(count=len(addresses)))
        self._request = request
        self._asked = self._sync.request_free_busy(addresses, start, end)

    def cancel_search(self) -> None:
        """The answer, when it comes, is dropped; the request itself is short."""
        self._asked = None
        self._set_searching(False)
        self.message.setText(self.tr("Search stopped."))

    def _on_free_busy(self, request_id: int, found: object) -> None:
        if request_id != self._asked or self._request is None:
            return
        self._asked = None
        self._propose(self._request, found)  # type: ignore[arg-type]

    def _on_free_busy_failed(self, request_id: int, message: str) -> None:
        if request_id != self._asked:
            return
        self._asked = None
        self._set_searching(False)
        self._show_message(message, failed=True)

    def _propose(self, request: MeetingRequest, found: dict[str, list[BusyBlock]]) -> None:
        self._set_searching(True)
        self._request = request
        self._runner.run(self.tr("Finding a time"),
                         lambda _ctx: self._service.propose(request, found), owner=self,
                         on_success=self._show_proposals, on_failure=self._on_failure)

    def _show_proposals(self, proposals: list[Proposal]) -> None:
        self._set_searching(False)
        self.proposals.set_proposals(proposals)
        if proposals:
            self.message.setText(self.tr("The first times that suit everyone:"))
            self.table.setCurrentIndex(self.proposals.index(0, 0))
            self.table.setFocus()
        else:
            self.message.setText(self.tr("No time suits everyone in this period. "
                                         "Try a longer period or a shorter meeting."))
        self.book_button.setEnabled(bool(proposals))
        self.proposals_shown.emit(len(proposals))

    # -- booking ---------------------------------------------------------------
    def book(self, row: int) -> None:
        proposal = self.proposals.proposal(row)
        request = self._request
        if proposal is None or request is None:
            return
        # The subject and place as they are now (typed after the search, too).
        from dataclasses import replace

        request = replace(request, subject=self.subject.text().strip(),
                          location=self.location.text().strip())
        self.book_button.setEnabled(False)
        announce = self._announce
        self._runner.run(self.tr("Booking the appointment"),
                         lambda _ctx: self._service.book(request, proposal), owner=self,
                         lane=Lane.STORE, on_landed=lambda written: announce(written.changes),
                         on_success=self._on_booked, on_failure=self._on_failure)

    def _on_booked(self, written: object) -> None:
        self.booked.emit(getattr(written, "event_id", 0))
        self.accept()

    # -- feedback --------------------------------------------------------------
    def _on_failure(self, exc: BaseException) -> None:
        self._set_searching(False)
        self.book_button.setEnabled(self.proposals.rowCount() > 0)
        if isinstance(exc, UserFacingError):
            self._show_message(exc.user_message, failed=True)
        else:
            self._runner.report(self.windowTitle(), exc)

    def _show_message(self, text: str, *, failed: bool = False) -> None:
        self.message.setText(text)
        if failed:
            self.failed.emit(text)

    def _set_searching(self, searching: bool) -> None:
        self.progress.setVisible(searching)
        self.cancel_button.setVisible(searching)
        self.search_button.setEnabled(not searching)
