"""The director's Briefings window: read-only, his external appointments of this and
next week with their fiche beside them, and two big buttons: approve, or send back with
a comment. No editing, no mail, no agenda.

Keys: ↑↓ choose, Enter approves (after a confirmation), C comments, F5 reloads (a shared
store changes under him). His writes carry his user name (BriefService's actor) and land
on the change feed, so the list follows at once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QItemSelection, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kortrijk_cockpit.changes import Changes, Kind
from kortrijk_cockpit.domain import BriefStatus
from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.services.briefings import BriefingService, FicheText
from kortrijk_cockpit.services.briefs import BriefService, FicheRow
from kortrijk_cockpit.ui.briefings.comment_dialog import CommentDialog
from kortrijk_cockpit.ui.briefings.fiche_html import fiche_html
from kortrijk_cockpit.ui.briefings.model import STATE, SUBJECT, WHEN, BriefingListModel
from kortrijk_cockpit.ui.change_feed import ChangeFeed, StaleWatch
from kortrijk_cockpit.ui.tasks import Lane, TaskRunner

BIG = "font-size: 14pt; padding: 10px 28px;"


@dataclass(frozen=True)
class BriefingsServices:
    briefings: BriefingService
    briefs: BriefService  # with actor = the director's user name


class BriefingsWindow(QMainWindow):
    rows_loaded = Signal(int)  # how many appointments
    fiche_shown = Signal(object)  # FicheText, or None for an appointment without fiche
    reviewed = Signal(int)  # a brief id, once his approval or comment is stored

    def __init__(self, runner: TaskRunner,
                 report_unexpected: Callable[[BaseException], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._report_unexpected = report_unexpected
        self._services: BriefingsServices | None = None
        self._fiche: FicheText | None = None
        self._drafts: dict[int, str] = {}  # a comment he cancelled: kept, not lost
        self.feed = ChangeFeed(self)
        self.setWindowTitle(self.tr("Kortrijk Cockpit — Briefings"))
        self.resize(1200, 760)

        heading = QLabel(self.tr("Briefings: external appointments this week and next"))
        heading.setObjectName("viewHeading")
        self.model = BriefingListModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(WHEN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SUBJECT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(STATE, QHeaderView.ResizeMode.ResizeToContents)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.empty = QLabel(self.tr("No external appointments this week or next."))
        self.empty.setObjectName("emptyText")
        self.empty.hide()
        self.pane = QTextBrowser()
        self.pane.setOpenLinks(False)
        self.approve_button = QPushButton(self.tr("&Approve"))
        self.approve_button.setStyleSheet(BIG)
        self.approve_button.setToolTip(self.tr("Approve this brief (Enter asks first)"))
        self.approve_button.clicked.connect(self.approve)
        self.comment_button = QPushButton(self.tr("&Comment…"))
        self.comment_button.setStyleSheet(BIG)
        self.comment_button.setToolTip(self.tr("Send the brief back with a comment (C)"))
        self.comment_button.clicked.connect(self.ask_comment)
        self.message = QLabel("")
        self.message.setWordWrap(True)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.empty)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.pane, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.approve_button)
        buttons.addWidget(self.comment_button)
        buttons.addStretch(1)
        right_layout.addLayout(buttons)
        right_layout.addWidget(self.message)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([420, 780])
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(heading)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)
        for widget in (self.table, self.pane):
            widget.installEventFilter(self)
        self._enable(None)
        self.pane.setHtml(self._plain(self.tr("Loading…")))

    def attach(self, services: BriefingsServices) -> None:
        self._services = services
        StaleWatch(self, self.feed, (Kind.BRIEF, Kind.EVENT), self.refresh)
        self.refresh()

    # -- loading -----------------------------------------------------------------------

    def refresh(self) -> None:
        services = self._services
        if services is None:
            return
        self._runner.run(self.tr("Loading the briefings"),
                         lambda _c: services.briefings.two_weeks(), owner=self,
                         on_success=self._rows_ready, on_failure=self._failed)

    def current_row(self) -> FicheRow | None:
        return self.model.row(self.table.currentIndex().row())

    def _rows_ready(self, rows: list[FicheRow]) -> None:
        kept = self.current_row()
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)
        self.table.setVisible(bool(rows))
        at = self.model.row_of(kept.event_id) if kept is not None else -1
        if rows:
            self.table.selectRow(max(at, 0))
        else:
            self._show(None)
        self.rows_loaded.emit(len(rows))

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show(self.current_row())

    def _show(self, row: FicheRow | None) -> None:
        self._fiche = None
        self._enable(None)
        services = self._services
        if row is None or services is None:
            self.pane.setHtml(self._plain(self.tr("No appointment chosen.")))
            return
        if row.brief_id is None:
            self.pane.setHtml(self._plain(
                self.tr("No brief yet for \"{subject}\".").format(subject=row.subject)))
            self.fiche_shown.emit(None)
            return
        brief_id = row.brief_id
        self._runner.run(self.tr("Loading the brief"),
                         lambda _c: services.briefings.fiche(brief_id), owner=self,
                         on_success=self._fiche_ready, on_failure=self._failed)

    def _fiche_ready(self, fiche: FicheText) -> None:
        row = self.current_row()
        if row is None or row.brief_id != fiche.brief_id:
            return  # he moved on meanwhile
        self._fiche = fiche
        self.pane.setHtml(fiche_html(fiche))
        self._enable(fiche)
        self.fiche_shown.emit(fiche)

    def _enable(self, fiche: FicheText | None) -> None:
        status = fiche.status if fiche is not None else None
        self.approve_button.setEnabled(status in (BriefStatus.DRAFT, BriefStatus.READY))
        self.comment_button.setEnabled(status in (BriefStatus.READY, BriefStatus.APPROVED))

    @staticmethod
    def _plain(text: str) -> str:
        return f"<p style='color:#666666; font-size:12pt'>{text}</p>"

    # -- his review --------------------------------------------------------------------

    def ask_approve(self) -> None:
        """Enter: approving is one key, so ask first."""
        fiche = self._fiche
        if fiche is None or not self.approve_button.isEnabled():
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Approve"),
                          self.tr("Approve the brief for \"{title}\"?").format(title=fiche.title),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Approve"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Cancel"))
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(
            lambda button: self.approve() if button is box.button(
                QMessageBox.StandardButton.Yes) else None)
        box.open()

    def approve(self) -> None:
        fiche, services = self._fiche, self._services
        if fiche is None or services is None:
            return
        self._enable(None)  # one click is enough: no second approval meanwhile
        self._write(self.tr("Approving the brief"), fiche.brief_id,
                    lambda: services.briefs.approve(fiche.brief_id, fiche.version),
                    self.tr("Approved: {title}").format(title=fiche.title))

    def ask_comment(self) -> None:
        fiche = self._fiche
        if fiche is None or not self.comment_button.isEnabled():
            return
        dialog = CommentDialog(fiche.title, self._drafts.get(fiche.brief_id, ""), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def done(result: int) -> None:
            if result == CommentDialog.DialogCode.Accepted:
                self._drafts.pop(fiche.brief_id, None)
                self.send_back(fiche, dialog.comment())
            elif dialog.comment():
                self._drafts[fiche.brief_id] = dialog.text.toPlainText()

        dialog.finished.connect(done)
        dialog.open()

    def send_back(self, fiche: FicheText, comments: str) -> None:
        services = self._services
        if services is None:
            return
        self._enable(None)
        self._write(self.tr("Sending the brief back"), fiche.brief_id,
                    lambda: services.briefs.send_back(fiche.brief_id, comments, fiche.version),
                    self.tr("Sent back with your comment: {title}").format(title=fiche.title))

    def _write(self, label: str, brief_id: int, write: Callable[[], Changes],
               done: str) -> None:
        feed = self.feed  # not the window itself: a stored write is announced regardless

        def landed(changes: Changes) -> None:
            feed.publish(changes)

        def succeeded(_changes: Changes) -> None:
            self.message.setText(done)
            self.reviewed.emit(brief_id)

        self._runner.run(label, lambda _c: write(), owner=self, lane=Lane.STORE,
                         on_landed=landed, on_success=succeeded, on_failure=self._failed)

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, UserFacingError):
            self._report_unexpected(exc)
            return
        self.message.setText(exc.user_message)
        self.refresh()  # e.g. the assistant changed it meanwhile: show it as it is now

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.ask_approve()
                return True
            if key == Qt.Key.Key_C:
                self.ask_comment()
                return True
            if key == Qt.Key.Key_F5:
                self.refresh()
                return True
        return super().eventFilter(watched, event)
