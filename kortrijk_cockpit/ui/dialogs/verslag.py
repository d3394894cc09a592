"""The verslag of one meeting: its versions (vN, made when and by whom, approved where),
a new version made on the task runner, its files opened in Word or a PDF reader, and the
requests to send a version or see who received it (part of the window that connects them).

Non-modal, one per meeting (`MainWindow.open_verslag`). It follows the change feed: a
version made elsewhere, or an approval that locks these minutes, shows without a reload.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kortrijk_cockpit.changes import Kind
from kortrijk_cockpit.clock import BRUSSELS
from kortrijk_cockpit.ui.change_feed import StaleWatch
from kortrijk_cockpit.ui.tasks import Lane

if TYPE_CHECKING:
    from kortrijk_cockpit.services.verslag import (
        VerslagOverview,
        VerslagService,
        VersionMade,
        VersionRow,
    )
    from kortrijk_cockpit.ui.change_feed import ChangeFeed
    from kortrijk_cockpit.ui.tasks import TaskRunner

Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 1


def _moment(value: Any) -> str:
    return f"{value.astimezone(BRUSSELS):%d/%m/%Y %H:%M}" if value is not None else ""


class VersionModel(QAbstractTableModel):
    VERSION, MADE, BY, APPROVED = range(4)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[VersionRow, ...] = ()

    def set_rows(self, rows: tuple[VersionRow, ...]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_at(self, row: int) -> VersionRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Version"), self.tr("Made"), self.tr("By"),
                    self.tr("Approved"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        if role == ROW_ROLE:
            return row
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == self.VERSION:
            return f"v{row.number}"
        if column == self.MADE:
            return _moment(row.created_at)
        if column == self.BY:
            return row.created_by
        if row.approved_at is None:
            return ""
        place = f" – {row.approved_in}" if row.approved_in else ""
        return f"{_moment(row.approved_at)}{place}"


def open_in_system(path: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class VerslagWindow(QWidget):
    """Versions of one meeting's verslag; Ctrl+Enter makes the next one."""

    loaded = Signal()
    made = Signal(object)  # VersionMade
    failed = Signal(str, object)  # label, exception
    send_requested = Signal(int)  # version id: part C's send dialog
    log_requested = Signal(int)  # meeting id: who received which version

    def __init__(self, service: VerslagService, runner: TaskRunner, feed: ChangeFeed,
                 meeting_id: int, *, opener: Callable[[Path], bool] = open_in_system,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.service, self.runner, self.feed = service, runner, feed
        self.meeting_id, self.opener = meeting_id, opener
        self.overview: VerslagOverview | None = None
        self._select_id: int | None = None  # the version just made: shown selected
        self.setWindowTitle(self.tr("Verslag"))
        self.headline = QLabel(self.tr("Reading the versions…"))
        self.headline.setTextFormat(Qt.TextFormat.PlainText)
        font = self.headline.font()
        font.setBold(True)
        self.headline.setFont(font)
        self.banner = QLabel()
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #e6f4ea; padding: 6px; border-radius: 3px;")
        self.banner.hide()
        self.model = VersionModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.doubleClicked.connect(lambda _index: self.open_file("pdf"))
        self.empty = QLabel(self.tr("No verslag yet. Make the first version when the minutes "
                                    "are complete (Ctrl+Enter)."))
        self.empty.setWordWrap(True)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)

        self.new_button = self._button(self.tr("Make new version"), self.finalise,
                                       QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Return),
                                       self.tr("Make the next version from the minutes "
                                               "(Ctrl+Enter)"))
        self.word_button = self._button(self.tr("Open Word"), lambda: self.open_file("docx"),
                                        QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_O),
                                        self.tr("Open the selected version in Word (Ctrl+O)"))
        self.pdf_button = self._button(
            self.tr("Open PDF"), lambda: self.open_file("pdf"),
            QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_O),
            self.tr("Open the selected version as PDF (Ctrl+Shift+O)"))
        self.decisions_button = self._button(
            self.tr("Decisions list"), lambda: self.open_file("decisions"),
            QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_B),
            self.tr("Open the besluitenlijst of the selected version (Ctrl+B)"))
        self.send_button = self._button(
            self.tr("Send…"), self.request_send,
            QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_E),
            self.tr("Send the selected version to the members and the distribution list "
                    "(Ctrl+Shift+E)"))
        self.log_button = self._button(self.tr("Send log"),
                                       lambda: self.log_requested.emit(self.meeting_id),
                                       None, self.tr("Who received which version, and when"))
        self.log_button.setEnabled(True)

        buttons = QHBoxLayout()
        for button in (self.new_button, self.word_button, self.pdf_button,
                       self.decisions_button, self.send_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.log_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.banner)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        close = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        close.activated.connect(self.close)
        self.resize(680, 360)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self.watch = StaleWatch(self, feed, [Kind.MEETING], self.reload)
        self.reload()

    def _button(self, text: str, slot: Callable[[], object], keys: QKeySequence | None,
                tip: str) -> QPushButton:
        button = QPushButton(text)
        if keys is not None:
            button.setShortcut(keys)
        button.setToolTip(tip)
        button.setAutoDefault(False)
        button.setEnabled(False)
        button.clicked.connect(lambda: slot())
        return button

    # -- reading --------------------------------------------------------------------
    def reload(self) -> None:
        service, meeting_id = self.service, self.meeting_id
        label = self.tr("Reading the verslag versions")
        self.runner.run(label, lambda _ctx: service.overview(meeting_id), owner=self,
                        on_success=self._show, on_failure=lambda exc: self.failed.emit(label,
                                                                                       exc))

    def _show(self, overview: VerslagOverview) -> None:
        selected = self.selected()
        self.overview = overview
        self.setWindowTitle(self.tr("Verslag – {title}").format(title=overview.title))
        self.headline.setText(overview.title)
        self.banner.setText(overview.banner)
        self.banner.setVisible(overview.locked)
        self.model.set_rows(overview.versions)
        self.empty.setVisible(not overview.versions)
        self.view.setVisible(bool(overview.versions))
        wanted = self._select_id or (selected.id if selected is not None else None)
        self._select_id = None
        keep = next((n for n, v in enumerate(overview.versions) if v.id == wanted), 0)
        if overview.versions:
            self.view.selectRow(keep)
        self._enable()
        self.loaded.emit()

    def selected(self) -> VersionRow | None:
        rows = self.view.selectionModel().selectedRows() if self.view.selectionModel() else []
        return self.model.row_at(rows[0].row()) if rows else None

    def _enable(self) -> None:
        chosen = self.selected() is not None
        locked = self.overview is None or self.overview.locked
        self.new_button.setEnabled(not locked and self.overview is not None)
        for button in (self.word_button, self.pdf_button, self.decisions_button,
                       self.send_button):
            button.setEnabled(chosen)

    # -- actions --------------------------------------------------------------------
    def finalise(self) -> None:
        if not self.new_button.isEnabled():
            return
        self.new_button.setEnabled(False)  # one version, however often she presses
        self.status.setText(self.tr("Making the verslag (Word and PDF)…"))
        service, meeting_id = self.service, self.meeting_id
        label = self.tr("Making the verslag")

        def make(ctx: Any) -> VersionMade:
            ctx.progress(0, 1, label)
            made = service.finalise(meeting_id)
            ctx.progress(1, 1, label)
            return made

        def done(made: VersionMade) -> None:
            self.status.setText(self.tr("Version {number} is ready.").format(
                number=made.number))
            self._select_id = made.version_id
            self.feed.publish(made.changes, self)
            self.watch.mark_fresh()  # reloaded right here, not again by the feed
            self.made.emit(made)
            self.reload()

        def failed(exc: BaseException) -> None:
            self.status.setText("")
            self._enable()
            self.failed.emit(label, exc)

        self.runner.run(label, make, owner=self, lane=Lane.STORE, on_success=done,
                        on_failure=failed)

    def open_file(self, kind: str) -> None:
        """Open the selected version's Word ("docx"), PDF ("pdf") or besluitenlijst."""
        row = self.selected()
        if row is None:
            return
        path = {"docx": row.files.docx, "pdf": row.files.pdf,
                "decisions": row.files.decisions_pdf}[kind]
        if not path.is_file():
            self.status.setText(self.tr("The file is no longer there: {path}").format(
                path=path))
            return
        if not self.opener(path):
            self.status.setText(self.tr("No program opens {name} on this computer.").format(
                name=path.name))

    def request_send(self) -> None:
        row = self.selected()
        if row is not None:
            self.send_requested.emit(row.id)
