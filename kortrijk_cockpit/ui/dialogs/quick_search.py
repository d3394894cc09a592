"""Ctrl+K: search everything, arrow to a hit, Enter to jump to it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListView, QVBoxLayout, QWidget

from kortrijk_cockpit.ui.models.search_results import SearchResultsModel

if TYPE_CHECKING:
    from kortrijk_cockpit.services.search import SearchHit, SearchService

DEBOUNCE_MS = 150


class QuickSearchDialog(QDialog):
    hit_chosen = Signal(object)  # SearchHit

    def __init__(self, search: SearchService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._search = search
        self.setWindowTitle(self.tr("Quick search"))
        self.setModal(True)
        # Rows read "kind: title — who · date"; wide enough for them on a full-HD screen.
        width = max(760, int(parent.width() * 0.6)) if parent is not None else 760
        self.resize(width, 480)
        self.query = QLineEdit()
        self.query.setPlaceholderText(
            self.tr("Search mail, people, meetings, agenda items, requested documents, action points, briefs…")
        )
        self.query.setClearButtonEnabled(True)
        self.model = SearchResultsModel(self)
        self.results = QListView()
        self.results.setModel(self.model)
        self.results.setUniformItemSizes(True)
        # A long title is shortened in the middle: the kind and the date stay readable.
        self.results.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.activated.connect(self._choose_index)
        self.hint = QLabel(self.tr("Type at least two letters."))
        self.hint.setObjectName("emptyText")
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.hint)

        # Searching runs once typing pauses, not on every key.
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.run_search)
        self.query.textChanged.connect(self._debounce.start)
        self.query.installEventFilter(self)

    def run_search(self) -> None:
        text = self.query.text().strip()
        hits = self._search.search(text) if len(text) >= 2 else []
        self.model.set_hits(hits)
        if len(text) < 2:
            self.hint.setText(self.tr("Type at least two letters."))
        elif not hits:
            self.hint.setText(self.tr("Nothing found for “{query}”.").format(query=text))
        else:
            self.hint.setText(self.tr("%n result(s). Enter opens the selected one.", "", len(hits)))
            self.results.setCurrentIndex(self.model.index(0, 0))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        # Arrow keys and Enter in the query field act on the result list.
        if watched is self.query and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                row = self.results.currentIndex().row() + (1 if key == Qt.Key.Key_Down else -1)
                if 0 <= row < self.model.rowCount():
                    self.results.setCurrentIndex(self.model.index(row, 0))
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._debounce.isActive():
                    self._debounce.stop()
                    self.run_search()
                self._choose_index(self.results.currentIndex())
                return True
        return super().eventFilter(watched, event)

    def _choose_index(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        hit: SearchHit = self.model.hit(index.row())
        self.hit_chosen.emit(hit)
        self.accept()
