"""A series' themes: name, directie, owner, type, minutes, a cadence in weeks or a
one-off deadline (BBC). Keyboard first: Ins adds, F2 edits, Del removes, Ctrl+Up/Down
reorders, Ctrl+S saves, Esc asks before dropping changes."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kortrijk_cockpit.errors import ConcurrentEditError, UserFacingError
from kortrijk_cockpit.ui.dialogs.keep_changes import ask_to_keep
from kortrijk_cockpit.ui.dialogs.messages import show_failure
from kortrijk_cockpit.ui.tasks import Lane

if TYPE_CHECKING:
    from kortrijk_cockpit.services.series import SeriesService, SeriesWrite, ThemeDraft
    from kortrijk_cockpit.ui.change_feed import ChangeFeed
    from kortrijk_cockpit.ui.tasks import TaskRunner

Index = QModelIndex | QPersistentModelIndex
# The agenda item types in the office's words (AgendaItemKind values).
KIND_LABELS = {"approval": "goedkeuring", "decision": "beslissing", "advice": "advies",
               "discussion": "bespreking", "information": "informatie"}


def _parse_date(text: str) -> date | None:
    text = text.strip()
    if not text:
        return None
    for pattern in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(text)


class ThemeModel(QAbstractTableModel):
    NAME, DIRECTORATE, OWNER, KIND, MINUTES, CADENCE, DEADLINE, BBC = range(8)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._themes: list[ThemeDraft] = []

    def themes(self) -> list[ThemeDraft]:
        return list(self._themes)

    def set_themes(self, themes: tuple[ThemeDraft, ...]) -> None:
        self.beginResetModel()
        self._themes = list(themes)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._themes)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 8

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = [self.tr("Theme"), self.tr("Directorate"), self.tr("Owner"), self.tr("Type"),
                  self.tr("Minutes"), self.tr("Every … weeks"), self.tr("Deadline"),
                  self.tr("BBC")]
        return titles[section] if 0 <= section < len(titles) else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.BBC:
            return flags | Qt.ItemFlag.ItemIsUserCheckable
        return flags | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        theme, column = self._themes[index.row()], index.column()
        if column == self.BBC:
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if theme.is_bbc else Qt.CheckState.Unchecked
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return None
        if column == self.KIND:
            return KIND_LABELS[theme.kind.value]
        if column == self.MINUTES:
            return theme.duration_minutes
        if column == self.CADENCE:
            return "" if theme.cadence_weeks is None else str(theme.cadence_weeks)
        if column == self.DEADLINE:
            return "" if theme.deadline is None else f"{theme.deadline:%d/%m/%Y}"
        return (theme.name, theme.directorate, theme.owner_name)[column]

    def setData(self, index: Index, value: Any,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        from kortrijk_cockpit.domain import AgendaItemKind

        if not index.isValid():
            return False
        theme, column = self._themes[index.row()], index.column()
        if column == self.BBC and role == Qt.ItemDataRole.CheckStateRole:
            changed = replace(theme, is_bbc=Qt.CheckState(value) == Qt.CheckState.Checked)
        elif role != Qt.ItemDataRole.EditRole:
            return False
        else:
            text = str(value).strip()
            try:
                if column == self.NAME:
                    changed = replace(theme, name=text)
                elif column == self.DIRECTORATE:
                    changed = replace(theme, directorate=text)
                elif column == self.OWNER:
                    changed = replace(theme, owner_name=text)
                elif column == self.KIND:
                    kinds = {label: key for key, label in KIND_LABELS.items()}
                    changed = replace(theme, kind=AgendaItemKind(kinds[text.casefold()]))
                elif column == self.MINUTES:
                    changed = replace(theme, duration_minutes=int(text))
                elif column == self.CADENCE:
                    changed = replace(theme, cadence_weeks=int(text) if text else None)
                else:
                    changed = replace(theme, deadline=_parse_date(text))
            except (KeyError, ValueError):
                return False  # the cell keeps what it had
        self._themes[index.row()] = changed
        self.dataChanged.emit(index, index)
        return True

    def add(self, theme: ThemeDraft) -> int:
        at = len(self._themes)
        self.beginInsertRows(QModelIndex(), at, at)
        self._themes.append(theme)
        self.endInsertRows()
        return at

    def remove(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._themes[row]
        self.endRemoveRows()

    def move(self, row: int, by: int) -> int:
        to = row + by
        if not (0 <= row < len(self._themes) and 0 <= to < len(self._themes)):
            return row
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), to + 1 if by > 0 else to)
        self._themes.insert(to, self._themes.pop(row))
        self.endMoveRows()
        return to


class ThemesEditorDialog(QDialog):
    saved = Signal(int)  # the series' new version
    themes_loaded = Signal()

    def __init__(self, service: SeriesService, runner: TaskRunner, feed: ChangeFeed,
                 series_id: int, version: int | None, title: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._runner = runner
        self._feed = feed
        self._series_id = series_id
        self._version = version
        self._loaded: list[ThemeDraft] | None = None
        self.keep_question: QMessageBox | None = None
        self.setWindowTitle(self.tr("Themes of {series}").format(series=title))
        self.resize(900, 460)
        self.model = ThemeModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(ThemeModel.NAME,
                                                          QHeaderView.ResizeMode.Stretch)
        for keys, slot in (("Ins", self.add_theme), ("Del", self.remove_theme),
                           ("Ctrl+Up", lambda: self.move_theme(-1)),
                           ("Ctrl+Down", lambda: self.move_theme(1))):
            shortcut = QShortcut(QKeySequence(keys), self.view)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        self.message = QLabel()
        self.message.setObjectName("errorText")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        save_keys = QShortcut(QKeySequence.StandardKey.Save, self)
        save_keys.activated.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(QLabel(self.tr(
            "Ins adds, F2 edits, Del removes, Ctrl+Up/Down moves a theme. Type: goedkeuring, "
            "beslissing, advies, bespreking or informatie. A recurring theme has a cadence "
            "in weeks; a BBC milestone a deadline (dd/mm/yyyy).")))
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        service_ = service
        runner.run(self.tr("Loading the themes"), lambda _c: service_.themes(series_id),
                   owner=self, lane=Lane.STORE, on_success=self._show)

    def _show(self, themes: tuple[ThemeDraft, ...]) -> None:
        self.model.set_themes(themes)
        self._loaded = list(themes)
        if themes:
            self.view.setCurrentIndex(self.model.index(0, 0))
        self.view.setFocus()
        self.themes_loaded.emit()

    def is_dirty(self) -> bool:
        return self._loaded is not None and self.model.themes() != self._loaded

    def add_theme(self) -> None:
        from kortrijk_cockpit.services.series import ThemeDraft

        row = self.model.add(ThemeDraft(self.tr("New theme")))
        index = self.model.index(row, ThemeModel.NAME)
        self.view.setCurrentIndex(index)
        self.view.edit(index)

    def remove_theme(self) -> None:
        row = self.view.currentIndex().row()
        if row >= 0:
            self.model.remove(row)

    def move_theme(self, by: int) -> None:
        current = self.view.currentIndex()
        if current.isValid():
            to = self.model.move(current.row(), by)
            self.view.setCurrentIndex(self.model.index(to, current.column()))

    def save(self) -> None:
        from kortrijk_cockpit.services.series import validate_themes

        themes = self.model.themes()
        problem = validate_themes(themes)
        if problem:
            self.message.setText(problem)
            return
        service, feed, series_id, version = (self._service, self._feed, self._series_id,
                                             self._version)
        self._runner.run(self.tr("Saving the themes"),
                         lambda _c: service.save_themes(series_id, version, themes),
                         owner=self, lane=Lane.STORE,
                         on_landed=lambda w: feed.publish(w.changes, None),
                         on_success=self._saved, on_failure=self._failed)

    def _saved(self, written: SeriesWrite) -> None:
        self._loaded = None
        self.saved.emit(written.version)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ConcurrentEditError):
            self.stale_box = show_failure(self, self.windowTitle(), exc, reload=self._reload)
        elif isinstance(exc, UserFacingError):
            self.message.setText(exc.user_message)
        else:
            self._runner.report(self.windowTitle(), exc)

    def _reload(self) -> None:
        service, series_id = self._service, self._series_id

        def read(_c: object) -> tuple[int | None, tuple[ThemeDraft, ...]]:
            return service.series(series_id).version, service.themes(series_id)

        def show(loaded: tuple[int | None, tuple[ThemeDraft, ...]]) -> None:
            self._version = loaded[0]
            self._show(loaded[1])

        self._runner.run(self.tr("Loading the themes"), read, owner=self, lane=Lane.STORE,
                         on_success=show, on_failure=self._failed)

    def reject(self) -> None:
        """Esc or Cancel: ask first when something was changed."""
        if not self.is_dirty() or self.keep_question is not None:
            super().reject()
            return
        self.keep_question = ask_to_keep(
            self, self.tr("Save the changed themes?"), save=self.save,
            discard=lambda: super(ThemesEditorDialog, self).reject(),
            answered=lambda: setattr(self, "keep_question", None))
