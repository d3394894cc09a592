"""Wires the Rapportering area to `ReportingService`.

Reads and writes go through the TaskRunner's store lane; every write is announced on the
change feed and the area reloads from the feed (Kind.CYCLE, Kind.DELIVERABLE), never on a
timer; a hidden area only marks itself stale.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QMessageBox

from kortrijk_cockpit.changes import Changes, Kind
from kortrijk_cockpit.domain.reporting import DeliverableStatus
from kortrijk_cockpit.ui.tasks import Lane
from kortrijk_cockpit.ui.views.reporting.models import RowRole, status_label

if TYPE_CHECKING:
    from kortrijk_cockpit.services.reporting import CycleRow, CycleTemplate, ReportingService
    from kortrijk_cockpit.services.reporting_matrix import MatrixCell, ReportingMatrix
    from kortrijk_cockpit.ui.change_feed import ChangeFeed
    from kortrijk_cockpit.ui.tasks import TaskRunner
    from kortrijk_cockpit.ui.views.reporting.area import ReportingArea

# The Dutch names' first letters: gevraagd, in opmaak, ontvangen, goedgekeurd.
STATUS_KEYS = {Qt.Key.Key_G: DeliverableStatus.REQUESTED,
               Qt.Key.Key_O: DeliverableStatus.IN_PROGRESS,
               Qt.Key.Key_R: DeliverableStatus.RECEIVED,
               Qt.Key.Key_A: DeliverableStatus.APPROVED}


class ReportingController(QObject):
    def __init__(self, area: ReportingArea, reporting: ReportingService, runner: TaskRunner,
                 feed: ChangeFeed) -> None:
        super().__init__(area)
        self.area = area
        self._reporting = reporting
        self._runner = runner
        self._feed = feed
        self.cycle_id: int | None = None
        self.shown_year: int | None = None
        self._stale = False
        self.confirm_box: QMessageBox | None = None
        area.cycle_table.selectionModel().currentChanged.connect(self._cycle_chosen)
        area.year.valueChanged.connect(lambda _y: self.reload())
        for widget in (area, area.cycle_table, area.milestone_table, area.matrix_table,
                       area.year):
            widget.installEventFilter(self)
        feed.changed.connect(self._on_changed)

    def start(self) -> None:
        self.reload()

    # -- reading -----------------------------------------------------------------
    def reload(self) -> None:
        self._stale = False
        reporting, year = self._reporting, self.area.year.value()
        self._runner.run(self.tr("Loading reporting"),
                         lambda _c: (reporting.cycles(year), reporting.matrix(year)),
                         owner=self.area, lane=Lane.STORE, on_success=self._loaded,
                         on_failure=lambda exc: self.area.failed.emit(
                             self.tr("Loading reporting"), exc))

    def _loaded(self, read: tuple[list[CycleRow], ReportingMatrix]) -> None:
        cycles, matrix = read
        area = self.area
        if matrix.year != area.year.value():
            return  # an answer for a year she already left
        current = self.current_cell()
        area.cycle_model.today = matrix.today
        area.cycle_model.set_rows(cycles)
        area.cycles_empty.setText(self.tr(
            "No reporting cycles for {year} yet. Choose “Create year…” (Ctrl+Shift+J) to make "
            "them from the year template.").format(year=matrix.year))
        area.cycle_pages.setCurrentIndex(1 if cycles else 0)
        area.matrix_model.set_matrix(matrix)
        area.matrix_pages.setCurrentIndex(1 if matrix.teams else 0)
        at = area.cycle_model.row_of(self.cycle_id) if self.cycle_id is not None else -1
        if cycles:
            area.cycle_table.selectionModel().setCurrentIndex(
                area.cycle_model.index(max(at, 0), 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
        self._show_milestones()
        if current is not None:
            self._select_cell(current.deliverable_id)
        self.shown_year = matrix.year
        area.loaded.emit()

    def _cycle_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row: CycleRow | None = current.data(RowRole) if current.isValid() else None
        self.cycle_id = row.id if row is not None else None
        self._show_milestones()

    def _show_milestones(self) -> None:
        area = self.area
        at = area.cycle_model.row_of(self.cycle_id) if self.cycle_id is not None else -1
        row: CycleRow | None = area.cycle_model.rows()[at] if at >= 0 else None
        area.milestone_model.set_rows(list(row.milestones) if row is not None else [])
        area.milestone_pages.setCurrentIndex(1 if row is not None and row.milestones else 0)

    def current_cell(self) -> MatrixCell | None:
        return self.area.matrix_model.cell(self.area.matrix_table.currentIndex())

    def _select_cell(self, deliverable_id: int) -> None:
        index = self.area.matrix_model.index_of(deliverable_id)
        if index.isValid():
            self.area.matrix_table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    # -- the change feed ---------------------------------------------------------
    def _on_changed(self, changes: Changes, _initiator: object) -> None:
        touched = any(kind in changes.wholesale or bool(changes.rows(kind))
                      for kind in (Kind.CYCLE, Kind.DELIVERABLE))
        if not touched:
            return
        if not self.area.isVisible():
            self._stale = True
            return
        self.reload()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if watched is self.area and kind == QEvent.Type.Show and self._stale:
            self.reload()
            return False
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) \
                or not isinstance(event, QKeyEvent) \
                or event.modifiers() != Qt.KeyboardModifier.NoModifier:
            return False
        key = Qt.Key(event.key())
        ours = key == Qt.Key.Key_F5 or (watched is self.area.matrix_table
                                        and key in STATUS_KEYS)
        if not ours:
            return False
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()  # before the window's F5 (synchronise) and the table's search
            return True
        if key == Qt.Key.Key_F5:
            self.reload()
        else:
            self.set_status(STATUS_KEYS[key])
        return True

    # -- writing -----------------------------------------------------------------
    def _write(self, label: str, fn: Any, on_success: Any = None) -> None:
        feed, area = self._feed, self.area

        def landed(result: Any) -> None:
            changes = result if isinstance(result, Changes) else None
            if isinstance(result, tuple):
                changes = next((r for r in result if isinstance(r, Changes)), None)
            if changes is not None:
                feed.publish(changes, area)

        self._runner.run(label, lambda _c: fn(), owner=area, lane=Lane.STORE,
                         on_landed=landed, on_success=on_success,
                         on_failure=lambda exc: area.failed.emit(label, exc))

    def set_status(self, status: DeliverableStatus) -> None:
        cell = self.current_cell()
        if cell is None:
            self.area.message.emit(self.tr("Choose a team's part in the matrix first."))
            return
        if cell.status == status:
            return
        reporting, part = self._reporting, cell.deliverable_id
        self._write(self.tr("Saving the part's status"),
                    lambda: reporting.set_status(part, status),
                    on_success=lambda _c: self.area.message.emit(
                        self.tr("“{title}”: {status}.").format(title=cell.title,
                                                               status=status_label(status))))

    def create_year(self) -> None:
        reporting, year = self._reporting, self.area.year.value()
        self._runner.run(self.tr("Loading reporting"), lambda _c: reporting.to_make(year),
                         owner=self.area, lane=Lane.STORE,
                         on_success=lambda read: self._confirm_year(year, *read),
                         on_failure=lambda exc: self.area.failed.emit(
                             self.tr("Loading reporting"), exc))

    def _confirm_year(self, year: int, todo: list[CycleTemplate], teams: int) -> None:
        if not todo:
            self.area.message.emit(self.tr("All reporting cycles of {year} exist already.")
                                   .format(year=year))
            return
        names = "\n".join(f"• {t.name}" for t in todo)
        parts = (self.tr("Each with a part for each of the {n} team(s), due on the teams' "
                         "draft date.").format(n=teams) if teams
                 else self.tr("No reporting teams are set, so no parts are requested."))
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Create year"),
                          self.tr("Create these reporting cycles for {year}, planned back from "
                                  "the council?").format(year=year),
                          QMessageBox.StandardButton.NoButton, self.area)
        box.setInformativeText(f"{names}\n\n{parts}")
        create = box.addButton(self.tr("Create"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(create)
        box.setEscapeButton(cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _r: box.clickedButton() is create and self._create(year))
        self.confirm_box = box
        box.open()

    def _create(self, year: int) -> None:
        reporting = self._reporting
        self._write(self.tr("Creating the reporting year"), lambda: reporting.create_year(year),
                    on_success=lambda made: self.area.message.emit(
                        self.tr("%n reporting cycle(s) created.", "", len(made[0]))))
