"""Duplicate people side by side: merge (after a confirmation that says who is kept) or
"geen dubbel". The pairs are found on the runner with progress (a big store takes a
while) and the list follows the change feed.

Entry point for the lead's wiring: `show_duplicates` (Personen's `duplicates_requested()`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kortrijk_cockpit.changes import Changes, Kind
from kortrijk_cockpit.services.person_merge import DuplicatePair, PersonSide
from kortrijk_cockpit.ui.change_feed import StaleWatch
from kortrijk_cockpit.ui.models.headed_table import HeadedTableModel, Index
from kortrijk_cockpit.ui.tasks import Lane

if TYPE_CHECKING:
    from kortrijk_cockpit.services.person_merge import PersonMergeService
    from kortrijk_cockpit.ui.change_feed import ChangeFeed
    from kortrijk_cockpit.ui.tasks import TaskRunner

PAIR_ROLE = Qt.ItemDataRole.UserRole + 1


def details(side: PersonSide) -> str:
    return " · ".join(x for x in (side.function, side.organisation, side.email, side.phone)
                      if x)


def describe(side: PersonSide) -> str:
    return " · ".join(x for x in (side.full_name, details(side)) if x)


class DuplicatesModel(HeadedTableModel):
    LEFT_NAME, LEFT_DETAILS, RIGHT_NAME, RIGHT_DETAILS, REASON = range(5)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pairs: list[DuplicatePair] = []

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Person"), self.tr("Details"), self.tr("Possible duplicate"),
                self.tr("Details"), self.tr("Why"))

    def set_pairs(self, pairs: list[DuplicatePair]) -> None:
        self.beginResetModel()
        self._pairs = pairs
        self.endResetModel()

    def drop(self, gone: set[int], key: tuple[int, int] | None = None) -> None:
        """Rows of a merged-away person, or of a pair called "geen dubbel", go at once."""
        for row in reversed(range(len(self._pairs))):
            pair = self._pairs[row]
            if pair.key == key or {pair.left.id, pair.right.id} & gone:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._pairs[row]
                self.endRemoveRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._pairs)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._pairs):
            return None
        pair = self._pairs[index.row()]
        if role == PAIR_ROLE:
            return pair
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        column = index.column()
        side = pair.left if column in (self.LEFT_NAME, self.LEFT_DETAILS) else pair.right
        if column in (self.LEFT_NAME, self.RIGHT_NAME):
            return side.full_name
        if column in (self.LEFT_DETAILS, self.RIGHT_DETAILS):
            return details(side)
        return pair.reason  # Dutch from the service


class DuplicatesDialog(QDialog):
    loaded = Signal()
    acted = Signal()
    failed = Signal(str, object)  # label, exception

    def __init__(self, service: PersonMergeService, runner: TaskRunner, feed: ChangeFeed,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service, self.runner, self.feed = service, runner, feed
        self._reading = self._again = False
        self.confirmation: QMessageBox | None = None
        self.setWindowTitle(self.tr("Possible duplicates"))
        self.model = DuplicatesModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.empty = QLabel(self.tr("No possible duplicates."))
        self.empty.hide()
        self.keep_left = QPushButton(self.tr("&Merge, keep the left one…"))
        self.keep_right = QPushButton(self.tr("Merge, keep the &right one…"))
        self.not_duplicate = QPushButton(self.tr("&Not a duplicate"))
        for button in (self.keep_left, self.keep_right, self.not_duplicate):
            button.setEnabled(False)
        self.keep_left.clicked.connect(lambda: self.merge_selected(keep_left=True))
        self.keep_right.clicked.connect(lambda: self.merge_selected(keep_left=False))
        self.not_duplicate.clicked.connect(self.reject_selected)
        actions = QHBoxLayout()
        for button in (self.keep_left, self.keep_right, self.not_duplicate):
            actions.addWidget(button)
        actions.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)
        layout.addLayout(actions)
        layout.addWidget(buttons)
        self.resize(980, 420)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.watch = StaleWatch(self, feed, (Kind.PERSON,), self.refresh)
        self.refresh()

    def refresh(self) -> None:
        self.watch.mark_fresh()
        if self._reading:
            self._again = True
            return
        self._reading = True
        self.progress.show()
        service, label = self.service, self.tr("Looking for duplicates")

        def finish() -> None:
            self._reading = False
            self.progress.hide()
            if self._again:
                self._again = False
                self.refresh()

        def shown(pairs: list[DuplicatePair]) -> None:
            self.model.set_pairs(pairs)
            self._show_page()
            finish()
            self.loaded.emit()

        def failed(exc: BaseException) -> None:
            finish()
            self.failed.emit(label, exc)

        def progressed(done: int, total: int, _message: str) -> None:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

        self.runner.run(label, service.candidates, owner=self, on_success=shown,
                        on_failure=failed, on_progress=progressed)

    def selected(self) -> DuplicatePair | None:
        rows = self.view.selectionModel().selectedRows()
        return rows[0].data(PAIR_ROLE) if rows else None

    def merge_selected(self, *, keep_left: bool = True) -> None:
        pair = self.selected()
        if pair is None:
            return
        keep, drop = (pair.left, pair.right) if keep_left else (pair.right, pair.left)
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Merge people"), self.tr(
            "Keep {kept} and merge {dropped} into it?\n\nEmpty fields of {kept} are filled "
            "from {dropped}; tags and notes are combined; every mail, fiche, overleg and "
            "action point of {dropped} moves to {kept}. Then {dropped} is removed.").format(
                kept=describe(keep), dropped=describe(drop)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Merge"))
        box.accepted.connect(lambda: self._act(
            self.tr("Merging people"),
            lambda: self.service.merge(keep.id, drop.id, (keep.version, drop.version)),
            gone={drop.id}))
        box.finished.connect(box.deleteLater)
        self.confirmation = box
        box.open()

    def reject_selected(self) -> None:
        pair = self.selected()
        if pair is not None:
            left, right = pair.key
            self._act(self.tr("Marking as not a duplicate"),
                      lambda: self.service.not_duplicate(left, right), key=pair.key)

    def _act(self, label: str, action: Any, *, gone: set[int] | None = None,
             key: tuple[int, int] | None = None) -> None:
        feed = self.feed
        self.model.drop(gone or set(), key)
        self._show_page()

        def landed(changes: Changes) -> None:
            feed.publish(changes)

        self.runner.run(label, lambda _ctx: action(), owner=self, lane=Lane.STORE,
                        on_landed=landed, on_success=lambda _c: self.acted.emit(),
                        on_failure=lambda exc: self._act_failed(label, exc))

    def _act_failed(self, label: str, exc: BaseException) -> None:
        self.failed.emit(label, exc)
        self.refresh()  # the rows removed at once may have to come back

    def _show_page(self) -> None:
        has_rows = self.model.rowCount() > 0
        self.view.setVisible(has_rows)
        self.empty.setVisible(not has_rows)
        self._selection_changed()

    def _selection_changed(self, *_: object) -> None:
        chosen = self.selected() is not None
        for button in (self.keep_left, self.keep_right, self.not_duplicate):
            button.setEnabled(chosen)


def show_duplicates(parent: QWidget, runner: TaskRunner, feed: ChangeFeed,
                    service: PersonMergeService) -> DuplicatesDialog:
    """Show (not exec) the duplicates; the caller connects `failed` to its error route."""
    dialog = DuplicatesDialog(service, runner, feed, parent=parent)
    dialog.finished.connect(dialog.deleteLater)
    dialog.show()
    return dialog
