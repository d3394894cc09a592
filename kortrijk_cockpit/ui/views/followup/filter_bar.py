"""Opvolging's filter bar: owner (type-ahead), series, due, "also finished"; exports."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QSettings, QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from kortrijk_cockpit.domain.meetings import ActionStatus
from kortrijk_cockpit.services.visits import VISITS_SERIES
from kortrijk_cockpit.ui.views.followup.model import Due, Filters


class FollowupFilterBar(QWidget):
    changed = Signal()
    export_excel = Signal()
    export_pdf = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.owner = QLineEdit()
        self.owner.setPlaceholderText(self.tr("Owner…"))
        self.owner.setClearButtonEnabled(True)
        self.owner.setAccessibleName(self.tr("Filter by owner"))
        self._owners = QStringListModel(self)
        completer = QCompleter(self._owners, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.owner.setCompleter(completer)
        self.series = QComboBox()
        self.series.setAccessibleName(self.tr("Filter by series"))
        self.series.addItem(self.tr("All series"), "")
        self.series.addItem(self.tr("Visits"), VISITS_SERIES)
        self.due = QComboBox()
        self.due.setAccessibleName(self.tr("Filter by due date"))
        for label, due in ((self.tr("Any due date"), Due.ANY), (self.tr("Late"), Due.LATE),
                           (self.tr("This week"), Due.THIS_WEEK), (self.tr("Later"), Due.LATER),
                           (self.tr("No due date"), Due.NONE)):
            self.due.addItem(label, due)
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("Filter by status"))
        for label, status in ((self.tr("Any status"), ""),
                              (self.tr("Open"), ActionStatus.OPEN.value),
                              (self.tr("In progress"), ActionStatus.IN_PROGRESS.value),
                              (self.tr("Done"), ActionStatus.DONE.value)):
            self.status.addItem(label, status)
        self.with_done = QCheckBox(self.tr("Also finished"))
        self.excel = QPushButton(self.tr("Excel…"))
        self.excel.setToolTip(self.tr("Export the list as shown to Excel"))
        self.pdf = QPushButton(self.tr("PDF…"))
        self.pdf.setToolTip(self.tr("Export the list as shown to PDF"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.owner, self.series, self.due, self.status, self.with_done):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.excel)
        layout.addWidget(self.pdf)
        self.owner.textChanged.connect(self.changed)
        self.series.currentIndexChanged.connect(self.changed)
        self.due.currentIndexChanged.connect(self.changed)
        self.status.currentIndexChanged.connect(self.changed)
        self.with_done.toggled.connect(self.changed)
        self.excel.clicked.connect(self.export_excel)
        self.pdf.clicked.connect(self.export_pdf)

    def filters(self) -> Filters:
        status = self.status.currentData()
        return Filters(owner=self.owner.text().strip(), series=self.series.currentData() or "",
                       due=self.due.currentData(), with_done=self.with_done.isChecked(),
                       status=ActionStatus(status) if status else None)

    def loads_done(self) -> bool:
        """Finished rows are read when asked for, or when the status filter wants them."""
        return self.with_done.isChecked() or self.status.currentData() == ActionStatus.DONE.value

    # -- remembered between runs ----------------------------------------------------------
    def save(self, settings: QSettings) -> None:
        f = self.filters()
        settings.setValue(f"{KEY}/owner", f.owner)
        settings.setValue(f"{KEY}/series", f.series)
        settings.setValue(f"{KEY}/due", f.due.value)
        settings.setValue(f"{KEY}/status", f.status.value if f.status else "")
        settings.setValue(f"{KEY}/with_done", f.with_done)

    def restore(self, settings: QSettings) -> None:
        """The filters of the last run; a series not loaded yet is kept as a choice."""
        self.owner.setText(str(settings.value(f"{KEY}/owner", "") or ""))
        series = str(settings.value(f"{KEY}/series", "") or "")
        if series and self.series.findData(series) < 0:
            self.series.addItem(series, series)
        self.series.setCurrentIndex(max(0, self.series.findData(series)))
        due = str(settings.value(f"{KEY}/due", Due.ANY.value) or Due.ANY.value)
        self.due.setCurrentIndex(max(0, self.due.findData(Due(due) if due in DUE_VALUES
                                                            else Due.ANY)))
        status = str(settings.value(f"{KEY}/status", "") or "")
        self.status.setCurrentIndex(max(0, self.status.findData(status)))
        self.with_done.setChecked(str(settings.value(f"{KEY}/with_done", "false")).lower()
                                  == "true")

    def describe(self) -> str:
        """The filter in Dutch words for an export's title; "" when nothing is filtered."""
        f = self.filters()
        parts = []
        if f.owner:
            parts.append(f"eigenaar: {f.owner}")
        if f.series:
            parts.append(f"reeks: {f.series}")
        if f.due is not Due.ANY:
            parts.append(f"deadline: {DUE_WORDS[f.due]}")
        if f.status is not None:
            parts.append(f"status: {STATUS_WORDS[f.status]}")
        if f.with_done:
            parts.append("ook afgewerkte")
        return ", ".join(parts)

    def set_choices(self, owners: Iterable[str], series: Iterable[str]) -> None:
        """The owners and overleg codes in the list; the current choice stays."""
        self._owners.setStringList(sorted({o for o in owners if o}, key=str.casefold))
        known = {self.series.itemData(i) for i in range(self.series.count())}
        for code in sorted({s for s in series if s} - known):
            self.series.addItem(code, code)


DUE_WORDS = {Due.LATE: "te laat", Due.THIS_WEEK: "deze week", Due.LATER: "later",
             Due.NONE: "zonder datum"}
STATUS_WORDS = {ActionStatus.OPEN: "open", ActionStatus.IN_PROGRESS: "lopend",
                ActionStatus.DONE: "afgewerkt", ActionStatus.CANCELLED: "geannuleerd"}
DUE_VALUES = {d.value for d in Due}
KEY = "followup_filters"
