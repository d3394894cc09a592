"""Changes waiting for Exchange, as a table."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from kortrijk_cockpit.ui.formatting import format_datetime
from kortrijk_cockpit.ui.models.keyed_rows import KeyedTableModel

if TYPE_CHECKING:
    from kortrijk_cockpit.services.outbox import OutboxItem

Index = QModelIndex | QPersistentModelIndex


def status_text(status: str) -> str:
    return {
        "pending": QCoreApplication.translate("Outbox", "Waiting"),
        "failed": QCoreApplication.translate("Outbox", "Failed"),
        "conflict": QCoreApplication.translate("Outbox", "Conflict"),
    }.get(status, status)


class OutboxModel(KeyedTableModel):
    """Open outbox entries in the order they go out (entry id)."""

    WHEN, WHAT, SUBJECT, STATUS, REASON = range(5)
    EntryRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: Any = None) -> None:
        super().__init__(lambda item: item.entry_id, parent)

    def set_items(self, items: list[OutboxItem]) -> None:
        self.set_rows(items)



    def headers(self) -> tuple[str, ...]:
        return (self.tr("Made"), self.tr("Change"), self.tr("Mail"), self.tr("Status"),
                self.tr("Reason"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item: OutboxItem = self._rows[index.row()]
        if role == self.EntryRole:
            return item
        if role == Qt.ItemDataRole.ToolTipRole:
            from kortrijk_cockpit.ui.plain_text import plain_tooltip

            # A mail's subject (or a description quoting it): shown, never rendered.
            text = self.data(index, Qt.ItemDataRole.DisplayRole)
            return plain_tooltip(text) if text else None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == self.WHEN:
            return format_datetime(item.created_at)
        if column == self.WHAT:
            return item.description  # Dutch, from the outbox protocol
        if column == self.SUBJECT:
            return item.subject
        if column == self.STATUS:
            return status_text(item.status.value)
        if column == self.REASON:
            if item.next_attempt_at and not item.last_error:
                return self.tr("Next try {when}").format(when=format_datetime(item.next_attempt_at))
            return item.last_error
        return None

    def item(self, row: int) -> OutboxItem:
        return self._rows[row]  # type: ignore[no-any-return]
