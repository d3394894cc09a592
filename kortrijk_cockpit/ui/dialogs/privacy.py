"""People kept past their retention date, with the reason: extend, export (a UTF-8 JSON
file) or erase (after a confirmation that names the person and says it cannot be
undone). Opened for one person from Personen, that person is listed and selected even
when not expired. Reads and writes run on the runner; the list follows the change feed.

Entry point for the lead's wiring: `show_privacy` (Personen's `privacy_requested(int)`).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QModelIndex, QObject, QStandardPaths, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kortrijk_cockpit.changes import Changes, Kind
from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.services.privacy import ExpiredPerson
from kortrijk_cockpit.ui.change_feed import StaleWatch
from kortrijk_cockpit.ui.models.headed_table import HeadedTableModel, Index
from kortrijk_cockpit.ui.tasks import Lane

if TYPE_CHECKING:
    from kortrijk_cockpit.services.privacy import PrivacyService
    from kortrijk_cockpit.ui.change_feed import ChangeFeed
    from kortrijk_cockpit.ui.tasks import TaskRunner

PERSON_ROLE = Qt.ItemDataRole.UserRole + 1


class PrivacyModel(HeadedTableModel):
    NAME, ORGANISATION, UNTIL, REASON = range(4)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ExpiredPerson] = []

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Name"), self.tr("Organisation"), self.tr("Kept until"),
                self.tr("Why"))

    def set_rows(self, rows: list[ExpiredPerson]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_of(self, person_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == person_id), -1)

    def remove(self, person_id: int) -> None:
        row = self.row_of(person_id)
        if row >= 0:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        person = self._rows[index.row()]
        if role == PERSON_ROLE:
            return person
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == self.NAME:
            return person.full_name
        if column == self.ORGANISATION:
            return person.organisation
        if column == self.UNTIL:
            return person.until.strftime("%d/%m/%Y") if person.until else ""
        return person.reason  # Dutch from the service


class PrivacyDialog(QDialog):
    loaded = Signal()
    acted = Signal()
    exported = Signal(object)  # Path
    failed = Signal(str, object)  # label, exception

    def __init__(self, service: PrivacyService, runner: TaskRunner, feed: ChangeFeed,
                 person_id: int = 0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service, self.runner, self.feed, self.person_id = service, runner, feed, person_id
        self._reading = self._again = False
        self.confirmation: QMessageBox | None = None
        self.setWindowTitle(self.tr("Privacy: retention, export and erasure"))
        self.model = PrivacyModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(
            PrivacyModel.REASON, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel(self.tr("Nobody is kept past their retention date."))
        self.empty.hide()
        today = service.today()
        self.until = QDateEdit(QDate(today.year + 1, today.month, min(today.day, 28)))
        self.until.setCalendarPopup(True)
        self.until.setDisplayFormat("dd/MM/yyyy")
        self.extend_button = QPushButton(self.tr("E&xtend"))
        self.export_button = QPushButton(self.tr("&Export…"))
        self.erase_button = QPushButton(self.tr("E&rase…"))
        self.extend_button.clicked.connect(self.extend_selected)
        self.export_button.clicked.connect(lambda: self.export_selected())
        self.erase_button.clicked.connect(self.erase_selected)
        actions = QHBoxLayout()
        actions.addWidget(QLabel(self.tr("Keep until")))
        actions.addWidget(self.until)
        for button in (self.extend_button, self.export_button, self.erase_button):
            actions.addWidget(button)
            button.setEnabled(False)
        actions.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)
        layout.addLayout(actions)
        layout.addWidget(buttons)
        self.resize(860, 400)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        erase = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.view)
        erase.setContext(Qt.ShortcutContext.WidgetShortcut)
        erase.activated.connect(self.erase_selected)  # still asks first
        self.watch = StaleWatch(self, feed, (Kind.PERSON,), self.refresh)
        self.refresh()

    def refresh(self) -> None:
        self.watch.mark_fresh()
        if self._reading:
            self._again = True
            return
        self._reading = True
        service, wanted, label = self.service, self.person_id, self.tr("Reading retention dates")

        def read(_ctx: object) -> list[ExpiredPerson]:
            rows = service.expired(service.today())
            if wanted and all(r.id != wanted for r in rows):
                try:
                    rows.insert(0, service.one(wanted))
                except UserFacingError:  # erased meanwhile: list the rest
                    pass
            return rows

        def finish() -> None:
            self._reading = False
            if self._again:
                self._again = False
                self.refresh()

        def shown(rows: list[ExpiredPerson]) -> None:
            chosen = self.selected()
            self.model.set_rows(rows)
            self._select(chosen.id if chosen else self.person_id)
            self._show_page()
            finish()
            self.loaded.emit()

        def failed(exc: BaseException) -> None:
            finish()
            self.failed.emit(label, exc)

        self.runner.run(label, read, owner=self, on_success=shown, on_failure=failed)

    def selected(self) -> ExpiredPerson | None:
        rows = self.view.selectionModel().selectedRows()
        return rows[0].data(PERSON_ROLE) if rows else None

    def extend_selected(self) -> None:
        person = self.selected()
        if person is None:
            return
        until = self.until.date().toPython()
        self._act(self.tr("Extending retention"),
                  lambda: self.service.extend(person.id, until))  # type: ignore[arg-type]

    def export_selected(self, path: Path | None = None) -> None:
        person = self.selected()
        if person is None:
            return
        if path is None:
            folder = Path(QStandardPaths.writableLocation(
                QStandardPaths.StandardLocation.DocumentsLocation))
            chosen, _kind = QFileDialog.getSaveFileName(
                self, self.tr("Export personal data"),
                str(folder / f"persoonsgegevens-{person.id}.json"),
                self.tr("JSON files (*.json)"))
            if not chosen:
                return
            path = Path(chosen)
        service, target, label = self.service, path, self.tr("Exporting personal data")

        def run(_ctx: object) -> Path:
            data = service.export(person.id)
            target.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
            return target

        self.runner.run(label, run, owner=self, on_success=self.exported.emit,
                        on_failure=lambda exc: self.failed.emit(label, exc))

    def erase_selected(self) -> None:
        person = self.selected()
        if person is None:
            return
        who = " · ".join(x for x in (person.full_name, person.organisation, person.email) if x)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Erase person"), self.tr(
            "Erase {person} everywhere?\n\nThe record, their blocks in fiches (also in "
            "earlier versions), links to mails, overleg membership and attendance go, and "
            "action points they owned show \"(gewist)\". This cannot be undone.").format(
                person=who),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Erase"))
        box.accepted.connect(lambda: self._act(
            self.tr("Erasing a person"), lambda: self.service.erase(person.id),
            gone=person.id))
        box.finished.connect(box.deleteLater)
        self.confirmation = box
        box.open()

    def _act(self, label: str, action: Callable[[], Changes], gone: int = 0) -> None:
        feed = self.feed
        if gone:
            self.model.remove(gone)
            self._show_page()

        def landed(changes: Changes) -> None:
            feed.publish(changes)

        self.runner.run(label, lambda _ctx: action(), owner=self, lane=Lane.STORE,
                        on_landed=landed, on_success=lambda _c: self.acted.emit(),
                        on_failure=lambda exc: self._act_failed(label, exc))

    def _act_failed(self, label: str, exc: BaseException) -> None:
        self.failed.emit(label, exc)
        self.refresh()

    def _select(self, person_id: int) -> None:
        row = self.model.row_of(person_id) if person_id else -1
        if row >= 0:
            self.view.selectRow(row)

    def _show_page(self) -> None:
        has_rows = self.model.rowCount() > 0
        self.view.setVisible(has_rows)
        self.empty.setVisible(not has_rows)
        self._selection_changed()

    def _selection_changed(self, *_: object) -> None:
        chosen = self.selected() is not None
        for button in (self.extend_button, self.export_button, self.erase_button):
            button.setEnabled(chosen)


def show_privacy(parent: QWidget, runner: TaskRunner, feed: ChangeFeed,
                 service: PrivacyService, person_id: int = 0) -> PrivacyDialog:
    """Show (not exec) the privacy list, with `person_id` selected when given; the caller
    connects `failed` to its error route."""
    dialog = PrivacyDialog(service, runner, feed, person_id, parent=parent)
    dialog.finished.connect(dialog.deleteLater)
    dialog.show()
    return dialog
