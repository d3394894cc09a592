"""The checklist templates for visits and tours, one per kind: add, rename, reorder,
remove, and each item's date in working days from the appointment. Saved on OK;
existing checklists keep their items."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kortrijk_cockpit.ui.tasks import Lane

if TYPE_CHECKING:
    from kortrijk_cockpit.services.visits import TemplateLine, VisitService
    from kortrijk_cockpit.ui.tasks import TaskRunner

Index = QModelIndex | QPersistentModelIndex


class TemplateModel(QAbstractTableModel):
    LABEL, OFFSET = range(2)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lines: list[TemplateLine] = []

    def lines(self) -> list[TemplateLine]:
        return list(self._lines)

    def set_lines(self, lines: tuple[TemplateLine, ...]) -> None:
        self.beginResetModel()
        self._lines = list(lines)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 2

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [self.tr("Item"), self.tr("Working days from the appointment")][section] \
            if 0 <= section < 2 else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsEditable)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole,
                                               Qt.ItemDataRole.EditRole):
            return None
        line = self._lines[index.row()]
        return line.label if index.column() == self.LABEL else line.offset_days

    def setData(self, index: Index, value: Any,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        from dataclasses import replace

        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        line = self._lines[index.row()]
        self._lines[index.row()] = (replace(line, label=str(value).strip())
                                    if index.column() == self.LABEL
                                    else replace(line, offset_days=int(value)))
        self.dataChanged.emit(index, index)
        return True

    def add(self, line: TemplateLine) -> int:
        at = len(self._lines)
        self.beginInsertRows(QModelIndex(), at, at)
        self._lines.append(line)
        self.endInsertRows()
        return at

    def remove(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._lines[row]
        self.endRemoveRows()

    def move(self, row: int, by: int) -> int:
        to = row + by
        if not (0 <= row < len(self._lines) and 0 <= to < len(self._lines)):
            return row
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), to + 1 if by > 0 else to)
        self._lines.insert(to, self._lines.pop(row))
        self.endMoveRows()
        return to


class ChecklistTemplateDialog(QDialog):
    saved = Signal()

    def __init__(self, visits: VisitService, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._visits = visits
        self._runner = runner
        self.setWindowTitle(self.tr("Checklist for visits and tours"))
        self.resize(560, 420)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Visit (bezoek)"), "bezoek")
        self.kind.addItem(self.tr("Tour (rondleiding)"), "rondleiding")
        self.kind.currentIndexChanged.connect(lambda _i: self._load())
        self._loaded_kind: str | None = None
        self.model = TemplateModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        add = QPushButton(self.tr("&Add"))
        add.clicked.connect(self.add_line)
        remove = QPushButton(self.tr("&Remove"))
        remove.clicked.connect(self.remove_line)
        up = QPushButton(self.tr("&Up"))
        up.clicked.connect(lambda: self.move_line(-1))
        down = QPushButton(self.tr("&Down"))
        down.clicked.connect(lambda: self.move_line(1))
        for keys, slot in (("Ins", self.add_line), ("Del", self.remove_line),
                           ("Ctrl+Up", lambda: self.move_line(-1)),
                           ("Ctrl+Down", lambda: self.move_line(1))):
            shortcut = QShortcut(QKeySequence(keys), self.view)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        side = QVBoxLayout()
        for button in (add, remove, up, down):
            side.addWidget(button)
        side.addStretch()
        middle = QHBoxLayout()
        middle.addWidget(self.view)
        middle.addLayout(side)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.kind)
        layout.addLayout(middle)
        layout.addWidget(QLabel(self.tr("A negative number is before the appointment: -3 is "
                                        "three working days before. New checklists follow "
                                        "this list; existing ones keep theirs.")))
        layout.addWidget(self.buttons)
        self._load()

    def _load(self) -> None:
        from kortrijk_cockpit.domain.visits import VisitKind

        kind = VisitKind(self.kind.currentData())
        # The store lane keeps answers in order: a quick switch of kind never shows
        # the earlier kind's list last.
        self._runner.run(self.tr("Loading the checklist"),
                         lambda _c: (kind.value, self._visits.template(kind)), owner=self,
                         lane=Lane.STORE, on_success=self._show)

    def _show(self, loaded: tuple[str, tuple[TemplateLine, ...]]) -> None:
        kind, lines = loaded
        self.model.set_lines(lines)
        self._loaded_kind = kind
        if lines:
            self.view.setCurrentIndex(self.model.index(0, 0))

    def add_line(self) -> None:
        from kortrijk_cockpit.services.visits import TemplateLine

        row = self.model.add(TemplateLine(self.tr("new item"), -1))
        index = self.model.index(row, TemplateModel.LABEL)
        self.view.setCurrentIndex(index)
        self.view.edit(index)

    def remove_line(self) -> None:
        row = self.view.currentIndex().row()
        if row >= 0:
            self.model.remove(row)

    def move_line(self, by: int) -> None:
        current = self.view.currentIndex()
        if current.isValid():
            to = self.model.move(current.row(), by)
            self.view.setCurrentIndex(self.model.index(to, current.column()))

    def save(self) -> None:
        from kortrijk_cockpit.domain.visits import VisitKind

        kind, lines, visits = VisitKind(self._loaded_kind), self.model.lines(), self._visits
        self._runner.run(self.tr("Saving the checklist"),
                         lambda _c: visits.save_template(kind, lines), owner=self,
                         lane=Lane.STORE, on_success=self._saved)

    def _saved(self, _result: object) -> None:
        self.saved.emit()
        self.accept()
