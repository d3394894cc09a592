"""Vandaag: the cockpit of tiles, fed by the dashboard service."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kortrijk_cockpit.ui.formatting import LOCALE, format_datetime, local, long_date
from kortrijk_cockpit.ui.views.today_deadlines import DeadlinePanel
from kortrijk_cockpit.ui.widgets.day_tile import DayTile
from kortrijk_cockpit.ui.widgets.tile import Tile

if TYPE_CHECKING:
    from kortrijk_cockpit.services.briefings import ExternalOutlook
    from kortrijk_cockpit.services.dashboard import DashboardSnapshot
    from kortrijk_cockpit.services.stukken import MeetingStukken

COLUMNS = 4
DEADLINES_WIDTH = 380  # at most, beside the tiles
DEADLINES_NARROWEST = 280  # narrower than this (a 1280 screen) the list is left out
EXTERNAL_LINES = 3  # the external appointments the tile names; more become "+n"
OUTBOX = "outbox"  # not an area: the tile opens the Uitgaand dialog


class TodayView(QWidget):
    area_requested = Signal(str)
    day_requested = Signal(object)  # datetime.date: the Agenda on that day
    followup_series_requested = Signal(str)  # MAT or DC: Opvolging filtered on that series

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._day: date | None = None
        self.heading = QLabel(self.tr("Today"))
        self.heading.setObjectName("viewHeading")
        self.subheading = QLabel("")
        self.subheading.setObjectName("viewSubheading")
        self.status = QLabel(self.tr("Loading the overview…"))
        self.status.setObjectName("emptyText")
        specs = [
            ("unread", "mail", self.tr("Unread mail")),
            # Today's appointments and the next MAT and DC have their own tiles above.
            ("actions", "followup", self.tr("Open action points")),
            ("requests", "meetings", self.tr("Requested documents")),
            ("briefs", "briefs", self.tr("Briefs to approve")),
            ("deliverables", "reporting", self.tr("Reporting due within 14 days")),
            ("outbox", OUTBOX, self.tr("Waiting for Exchange")),
            ("external", "briefs", self.tr("External appointments")),
            ("own_projects", "projects", self.tr("My projects")),
        ]
        self.tiles: dict[str, Tile] = {}
        grid = QGridLayout()
        grid.setSpacing(16)
        for i, (key, area, caption) in enumerate(specs):
            tile = Tile(key, area, caption)
            tile.activated.connect(self.area_requested)
            self.tiles[key] = tile
            grid.addWidget(tile, i // COLUMNS, i % COLUMNS)
        # The next MAT and DC: their agenda and how far the stukken are.
        self.overleg_tiles = {"MAT": Tile("next_mat", "meetings", self.tr("Next MAT")),
                              "DC": Tile("next_dc", "meetings", self.tr("Next DC"))}
        overleg = QHBoxLayout()
        overleg.setSpacing(16)
        # Beside them what the overleggen left overdue (in the grid it would need a
        # third row, and the window would outgrow small screens).
        self.tiles["overdue"] = Tile("overdue", "followup", self.tr("Overdue action points"))
        # Beside the deadlines the row is narrower: the long caption wraps, never cut off.
        self.tiles["overdue"].caption.setWordWrap(True)
        self.tiles["overdue"].caption.setSizePolicy(QSizePolicy.Policy.Ignored,
                                                    QSizePolicy.Policy.Preferred)
        for tile in (*self.overleg_tiles.values(), self.tiles["overdue"]):
            tile.activated.connect(self.area_requested)
            overleg.addWidget(tile, 1)
        # What comes back at the next MAT and DC: a click opens Opvolging on that series.
        self.back_tiles = {code: Tile(f"back_{code.lower()}", "followup", caption)
                           for code, caption in (("MAT", self.tr("Back at the next MAT")),
                                                 ("DC", self.tr("Back at the next DC")))}
        for code, tile in self.back_tiles.items():
            # Narrower than the others, wrapping: five tiles on the row still fit a 1280
            # screen.
            tile.setMinimumSize(110, 120)
            for label in (tile.caption, tile.value, tile.detail):
                label.setWordWrap(True)
                label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            tile.activated.connect(lambda _area, c=code: self.followup_series_requested.emit(c))
            overleg.addWidget(tile, 1)
        # Today's and the next working day's appointments, side by side above the counts.
        self.day_tiles = (DayTile(self.tr("Today")), DayTile(self.tr("Tomorrow")))
        days = QHBoxLayout()
        days.setSpacing(16)
        for day_tile in self.day_tiles:
            day_tile.day_requested.connect(self.day_requested)
            days.addWidget(day_tile, 1)
        # Every deadline of the coming two weeks, in a column beside the tiles.
        self.deadlines = DeadlinePanel()
        # It never widens the window (small screens keep fitting): it takes what the tiles
        # leave, up to DEADLINES_WIDTH, and is left out when that is too little.
        self.deadlines.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.deadlines.setMaximumWidth(DEADLINES_WIDTH)
        self.deadlines.area_requested.connect(self.area_requested)
        self._tiles = tiles = QVBoxLayout()
        tiles.setContentsMargins(0, 0, 0, 0)
        tiles.addLayout(days)
        tiles.addSpacing(16)
        tiles.addLayout(overleg)
        tiles.addSpacing(16)
        tiles.addLayout(grid)
        tiles.addWidget(self.status)
        tiles.addStretch(1)
        body = QHBoxLayout()  # its default spacing: the tiles' column inherits it
        body.addLayout(tiles, 1)
        body.addSpacing(16)
        body.addWidget(self.deadlines, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addWidget(self.heading)
        layout.addWidget(self.subheading)
        layout.addSpacing(12)
        layout.addLayout(body, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        margins = self.layout().contentsMargins()
        room = (self.width() - margins.left() - margins.right() - 16
                - self._tiles.minimumSize().width())
        self.deadlines.setVisible(room >= DEADLINES_NARROWEST)
        super().resizeEvent(event)

    def set_day(self, day: date) -> None:
        self._day = day  # by the services' clock: "vandaag" in the deadlines
        self.subheading.setText(long_date(day))

    def show_error(self, message: str) -> None:
        self.status.setText(message)
        self.status.show()

    def set_snapshot(self, snap: DashboardSnapshot) -> None:
        self.status.hide()
        t = self.tiles
        t["unread"].set_content(str(snap.unread_mails),
                                self.tr("%n flagged", "", snap.flagged_mails))
        t["actions"].set_content(str(snap.open_actions),
                                 self.tr("%n overdue", "", snap.overdue_actions),
                                 alert=snap.overdue_actions > 0)
        t["requests"].set_content(str(snap.open_requests),
                                  self.tr("%n past the deadline", "", snap.overdue_requests),
                                  alert=snap.overdue_requests > 0)
        t["overdue"].set_content(str(snap.overdue_actions), self.overdue_text(snap),
                                 alert=snap.overdue_actions > 0)
        t["briefs"].set_content(str(snap.briefs_to_approve))
        t["deliverables"].set_content(str(snap.deliverables_due_soon))
        self._set_days(snap)
        self._set_overleg(snap.overleg)
        self._set_coming_back(snap)
        t["outbox"].set_content(str(snap.pending_outbox),
                                self.tr("changes not yet sent to Exchange"))
        self._set_external(snap.external)
        self._set_own_projects(snap)
        self.deadlines.set_rows(snap.deadlines, self._day or date.today())

    def _set_own_projects(self, snap: DashboardSnapshot) -> None:
        """Her own projects, each with its next milestone: "Parafeerroute — 20/02 Analyse"."""
        lines = []
        for row in snap.own_projects[:EXTERNAL_LINES]:
            nxt = row.next_milestone
            lines.append(f"{row.name} — {nxt.due_on:%d/%m} {nxt.title}" if nxt
                         else self.tr("{name} — no milestone planned").format(name=row.name))
        if len(snap.own_projects) > EXTERNAL_LINES:
            lines.append(self.tr("+%n more", "", len(snap.own_projects) - EXTERNAL_LINES))
        overdue = sum(r.overdue for r in snap.own_projects)
        if overdue:
            lines.append(self.tr("%n milestone(s) overdue", "", overdue))
        self.tiles["own_projects"].set_content(str(len(snap.own_projects)), "\n".join(lines),
                                               alert=overdue > 0)

    def _set_external(self, outlook: ExternalOutlook | None) -> None:
        """The coming week's external appointments with their fiche's state; alert when
        one within three days has no approved fiche; his comments when he sent one back."""
        tile = self.tiles["external"]
        if outlook is None:
            tile.set_content("—")
            return
        lines = [f"{row.subject} {self.short_moment(row.starts_at)} — {row.state}"
                 for row in outlook.rows[:EXTERNAL_LINES]]
        if len(outlook.rows) > EXTERNAL_LINES:
            lines.append(self.tr("+%n more", "", len(outlook.rows) - EXTERNAL_LINES))
        if not outlook.rows:
            lines.append(self.tr("none in the coming 7 days"))
        if outlook.unapproved_soon:
            lines.append(self.tr("%n within 3 days without an approved brief", "",
                                 outlook.unapproved_soon))
        lines += [self.tr("Director's comment on {title}: {comments}").format(
                      title=c.title, comments=c.comments) for c in outlook.sent_back]
        tile.set_content(str(len(outlook.rows)), "\n".join(lines),
                         alert=outlook.unapproved_soon > 0 or bool(outlook.sent_back))

    @staticmethod
    def short_moment(moment: datetime) -> str:
        """'di 14:00': the weekday is enough within a week."""
        at = local(moment)
        day = LOCALE.toString(QDate(at.year, at.month, at.day), "ddd").rstrip(".")
        return f"{day} {at:%H:%M}"

    def _set_days(self, snap: DashboardSnapshot) -> None:
        for day_tile, plan in zip(self.day_tiles, snap.agenda_days, strict=False):
            count = len([line for line in plan.lines if not line.is_cancelled])
            if day_tile is self.day_tiles[0]:
                name = self.tr("Today")
            elif plan.day == snap.agenda_days[0].day + timedelta(days=1):
                name = self.tr("Tomorrow")
            else:
                name = long_date(plan.day)
            day_tile.set_day(self.tr("{day}: %n appointment(s)", "", count).format(day=name), plan)

    def _set_overleg(self, meetings: tuple[MeetingStukken, ...]) -> None:
        by_code = {m.series_code: m for m in meetings}
        for code, tile in self.overleg_tiles.items():
            meeting = by_code.get(code)
            if meeting is None:
                tile.set_content("—", self.tr("No meeting planned"))
                continue
            tile.set_content(format_datetime(meeting.starts_at),
                             self.tr("%n agenda item(s)", "", meeting.items) + " · "
                             + self.stukken_text(meeting),
                             alert=meeting.late > 0)

    def _set_coming_back(self, snap: DashboardSnapshot) -> None:
        by_code = {c.series_code: c for c in snap.coming_back}
        for code, tile in self.back_tiles.items():
            back = by_code.get(code)
            if back is None:
                tile.set_content("—", self.tr("No meeting planned"))
                continue
            titles = "\n".join(back.first_titles) if back.first_titles \
                else self.tr("nothing comes back")
            tile.set_content(str(back.count), f"{format_datetime(back.starts_at)}\n{titles}")

    def overdue_text(self, snap: DashboardSnapshot) -> str:
        """The oldest three, one a line: "01/11 Nota personeelsplan (Els)"."""
        if not snap.oldest_overdue:
            return self.tr("nothing overdue")
        return "\n".join(f"{a.due_date:%d/%m} {a.title}" + (f" ({a.owner})" if a.owner else "")
                         for a in snap.oldest_overdue)

    def stukken_text(self, meeting: MeetingStukken) -> str:
        """"3/5 in, 1 late" ("3/5 binnen, 1 te laat")."""
        if not meeting.expected:
            return self.tr("no documents requested")
        text = self.tr("{received}/{expected} in").format(received=meeting.received,
                                                          expected=meeting.expected)
        if meeting.late:
            text += ", " + self.tr("%n late", "", meeting.late)
        return text
