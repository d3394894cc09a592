"""Opvolging's filter bar: owner (type-ahead), series, due, "also finished"; exports."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

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
        self.with_done = QCheckBox(self.tr("Also finished"))
        self.excel = QPushButton(self.tr("Excel…"))
        self.excel.setToolTip(self.tr("Export the list as shown to Excel"))
        self.pdf = QPushButton(self.tr("PDF…"))
        self.pdf.setToolTip(self.tr("Export the list as shown to PDF"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.owner, self.series, self.due, self.with_done):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.excel)
        layout.addWidget(self.pdf)
        self.owner.textChanged.connect(self.changed)
        self.series.currentIndexChanged.connect(self.changed)
        self.due.currentIndexChanged.connect(self.changed)
        self.with_done.toggled.connect(self.changed)
        self.excel.clicked.connect(self.export_excel)
        self.pdf.clicked.connect(self.export_pdf)

    def filters(self) -> Filters:
        return Filters(owner=self.owner.text().strip(), series=self.series.currentData() or "",
                       due=self.due.currentData(), with_done=self.with_done.isChecked())

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
