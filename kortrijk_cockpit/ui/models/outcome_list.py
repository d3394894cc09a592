"""The office's outcomes while they are edited: name, key and colour, in the
order the Mail area's tree shows them. Nothing is stored until the dialog saves."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

if TYPE_CHECKING:
    from kortrijk_cockpit.services.outcomes import Outcome

Index = QModelIndex | QPersistentModelIndex


class OutcomeListModel(QAbstractTableModel):
    NAME, KEY, COLOUR = range(3)
    OutcomeRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._outcomes: list[Outcome] = []

    # -- Qt's side --------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._outcomes)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else 3

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._outcomes):
            return None
        outcome = self._outcomes[index.row()]
        column = index.column()
        if role == self.OutcomeRole:
            return outcome
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.NAME:
                return outcome.name
            if column == self.KEY:
                return outcome.shortcut
            return outcome.colour
        if role == Qt.ItemDataRole.DecorationRole and column == self.COLOUR:
            return QColor(outcome.colour) if QColor.isValidColorName(outcome.colour) else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.KEY:
            return Qt.AlignmentFlag.AlignCenter
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (QCoreApplication.translate("OutcomeListModel", "Outcome"),
                QCoreApplication.translate("OutcomeListModel", "Key"),
                QCoreApplication.translate("OutcomeListModel", "Colour"))[section] \
            if 0 <= section < 3 else None

    # -- editing ------------------------------------------------------------------------
    def outcomes(self) -> list[Outcome]:
        return list(self._outcomes)

    def outcome(self, row: int) -> Outcome:
        return self._outcomes[row]

    def set_outcomes(self, outcomes: Sequence[Outcome]) -> None:
        self.beginResetModel()
        self._outcomes = list(outcomes)
        self.endResetModel()

    def replace(self, row: int, outcome: Outcome) -> None:
        self._outcomes[row] = outcome
        self.dataChanged.emit(self.index(row, 0), self.index(row, 2))

    def insert(self, row: int, outcome: Outcome) -> None:
        self.beginInsertRows(QModelIndex(), row, row)
        self._outcomes.insert(row, outcome)
        self.endInsertRows()

    def remove(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._outcomes[row]
        self.endRemoveRows()

    def move(self, row: int, step: int) -> bool:
        """One place up (-1) or down (+1); False at either end."""
        target = row + step
        if not (0 <= row < len(self._outcomes) and 0 <= target < len(self._outcomes)):
            return False
        # Qt counts the destination before the move: one further when going down.
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), target + 1 if step > 0
                           else target)
        self._outcomes.insert(target, self._outcomes.pop(row))
        self.endMoveRows()
        return True
