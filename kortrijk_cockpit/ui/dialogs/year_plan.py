"""Generate a year for a series: the preview first (new, already planned, skipped), then create.

The dialog holds no use case: it shows a `YearPlanPreview` and says yes or no;
the caller writes through `YearPlanService.generate` on the store lane.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kortrijk_cockpit.clock import BRUSSELS

if TYPE_CHECKING:
    from kortrijk_cockpit.services.year_plan import YearPlanPreview

_Index = QModelIndex | QPersistentModelIndex


class PreviewModel(QAbstractTableModel):
    """Every weekday of the year in order, with what generating does with it."""

    def __init__(self, preview: YearPlanPreview, parent: QObject | None = None) -> None:
        super().__init__(parent)
        rows: list[tuple[date, str]] = [
            (s.astimezone(BRUSSELS).date(), self.tr("new, %1").replace(
                "%1", s.astimezone(BRUSSELS).strftime("%H:%M"))) for s in preview.new]
        rows += [(d, self.tr("already planned")) for d in preview.existing]
        rows += [(s.day, self.tr("skipped: %1").replace("%1", s.reason)) for s in preview.skipped]
        self._rows = sorted(rows)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else 2

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Date"), self.tr("What happens"))[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        day, what = self._rows[index.row()]
        return day.strftime("%d/%m/%Y") if index.column() == 0 else what


class YearPlanDialog(QDialog):
    def __init__(self, preview: YearPlanPreview, series_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Year plan %1").replace("%1", str(preview.year)))
        count = len(preview.new)
        self.summary = QLabel(self.tr("%1: %2 new meetings of %3 minutes; %4 already planned, "
                                      "%5 skipped.")
                              .replace("%1", series_name).replace("%2", str(count))
                              .replace("%3", str(preview.duration_minutes))
                              .replace("%4", str(len(preview.existing)))
                              .replace("%5", str(len(preview.skipped))), self)
        self.summary.setWordWrap(True)
        self.model = PreviewModel(preview, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.create_button = self.buttons.addButton(
            self.tr("&Create %1 meetings").replace("%1", str(count)),
            QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_button.setEnabled(count > 0)
        self.create_button.setDefault(count > 0)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addWidget(self.buttons)
        self.resize(520, 560)
