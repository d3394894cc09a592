"""Vandaag: the cockpit of tiles, fed by the dashboard service."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from kortrijk_cockpit.ui.formatting import format_datetime, long_date
from kortrijk_cockpit.ui.widgets.tile import Tile

if TYPE_CHECKING:
    from kortrijk_cockpit.services.dashboard import DashboardSnapshot

COLUMNS = 4
OUTBOX = "outbox"  # not an area: the tile opens the Uitgaand dialog


class TodayView(QWidget):
    area_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(self.tr("Today"))
        self.heading.setObjectName("viewHeading")
        self.subheading = QLabel("")
        self.subheading.setObjectName("viewSubheading")
        self.status = QLabel(self.tr("Loading the overview…"))
        self.status.setObjectName("emptyText")
        specs = [
            ("unread", "mail", self.tr("Unread mail")),
            ("events", "calendar", self.tr("Appointments today")),
            ("next_meeting", "meetings", self.tr("Next meeting")),
            ("actions", "followup", self.tr("Open action points")),
            ("requests", "meetings", self.tr("Requested documents")),
            ("briefs", "briefs", self.tr("Briefs to approve")),
            ("deliverables", "reporting", self.tr("Reporting due within 14 days")),
            ("outbox", OUTBOX, self.tr("Waiting for Exchange")),
        ]
        self.tiles: dict[str, Tile] = {}
        grid = QGridLayout()
        grid.setSpacing(16)
        for i, (key, area, caption) in enumerate(specs):
            tile = Tile(key, area, caption)
            tile.activated.connect(self.area_requested)
            self.tiles[key] = tile
            grid.addWidget(tile, i // COLUMNS, i % COLUMNS)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addWidget(self.heading)
        layout.addWidget(self.subheading)
        layout.addSpacing(12)
        layout.addLayout(grid)
        layout.addWidget(self.status)
        layout.addStretch(1)

    def set_day(self, day: date) -> None:
        self.subheading.setText(long_date(day))

    def show_error(self, message: str) -> None:
        self.status.setText(message)
        self.status.show()

    def set_snapshot(self, snap: DashboardSnapshot) -> None:
        self.status.hide()
        t = self.tiles
        t["unread"].set_content(str(snap.unread_mails),
                                self.tr("%n flagged", "", snap.flagged_mails))
        t["events"].set_content(str(snap.events_today))
        if snap.next_meeting:
            t["next_meeting"].set_content(snap.next_meeting.title,
                                          format_datetime(snap.next_meeting.starts_at))
        else:
            t["next_meeting"].set_content("—", self.tr("No meeting planned"))
        t["actions"].set_content(str(snap.open_actions),
                                 self.tr("%n overdue", "", snap.overdue_actions),
                                 alert=snap.overdue_actions > 0)
        t["requests"].set_content(str(snap.open_requests),
                                  self.tr("%n past the deadline", "", snap.overdue_requests),
                                  alert=snap.overdue_requests > 0)
        t["briefs"].set_content(str(snap.briefs_to_approve))
        t["deliverables"].set_content(str(snap.deliverables_due_soon))
        t["outbox"].set_content(str(snap.pending_outbox),
                                self.tr("changes not yet sent to Exchange"))
