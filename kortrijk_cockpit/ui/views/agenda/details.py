"""The Agenda's details panel: the selected appointment and what the office has
for it, each record one click away, and its "Voorbereiding" block.

Layout only; `DetailsController` reads and writes. Every text that comes from
outside (subjects, names, places, titles) is shown as plain text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kortrijk_cockpit.ui.plain_text import plain_label, plain_tooltip

if TYPE_CHECKING:
    from kortrijk_cockpit.services.appointment_context import Linked
    from kortrijk_cockpit.services.appointment_details import AppointmentDetails

CONFLICT_STYLE = "color: #c62828;"  # the canvas's conflict red
CONFLICT_LINK_STYLE = "QLabel { color: #c62828; }"
MAX_ATTENDEES = 5  # then "+n"
MAX_LINKS = 5  # mails and action points per kind; then "+n meer"
_WEEKDAYS = ("ma", "di", "wo", "do", "vr", "za", "zo")


class DetailsPanel(QScrollArea):
    open_record = Signal(str, int)  # kind, ref_id (as MainWindow.open_record takes)
    book_requested = Signal(int)  # the appointment whose preparation to book
    visit_requested = Signal(int)  # the appointment whose bezoek/rondleiding checklist to open

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agendaDetails")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # it wraps
        self.setMinimumWidth(220)
        self._body = QWidget()
        self._layout = QVBoxLayout(self._body)
        self._layout.setContentsMargins(12, 10, 12, 10)
        self._layout.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.setWidget(self._body)
        self.event_id: int | None = None
        self.book_button: QPushButton | None = None
        self.preparation_label: QLabel | None = None
        self.show_message(self.tr("Choose an appointment"))

    # -- states ---------------------------------------------------------------------------
    def show_message(self, text: str) -> None:
        """An empty state: nothing chosen, gone, or loading."""
        self._clear()
        self.event_id = None
        label = self._label(text)
        label.setObjectName("detailsEmpty")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setEnabled(False)

    def show_details(self, details: AppointmentDetails) -> None:
        self._clear()
        event, context = details.event, details.context
        self.event_id = event.id
        title = self._label(event.subject)
        title.setObjectName("detailsSubject")
        font = title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        title.setFont(font)
        self._label(_when(details))
        if event.is_private_block:
            return  # "Privé": the office keeps nothing else for it
        if event.is_cancelled:
            self._label(self.tr("Cancelled")).setStyleSheet(CONFLICT_STYLE)
        if event.location:
            self._label(self.tr("Place: {place}").format(place=event.location))
        if event.organizer:
            self._label(self.tr("Organiser: {name}").format(name=event.organizer))
        if details.attendees:
            names = list(details.attendees[:MAX_ATTENDEES])
            more = len(details.attendees) - len(names)
            text = ", ".join(names) + (f" +{more}" if more else "")
            label = self._label(self.tr("Attendees: {names}").format(names=text))
            label.setObjectName("detailsAttendees")
            label.setToolTip(plain_tooltip("\n".join(details.attendees)))
        for conflict in details.conflicts:
            label = self._label(conflict.message)
            label.setObjectName("detailsConflict")
            label.setStyleSheet(CONFLICT_STYLE)

        self._heading(self.tr("From the office"))
        if not context.has_anything:
            self._label(self.tr("Nothing from the office for this appointment")).setEnabled(False)
        if context.meeting is not None:
            self._link(context.meeting, f"{context.meeting.title} — {context.agenda_text()}")
            stukken = self._label(context.stukken.text())
            stukken.setObjectName("detailsStukken")
            if context.stukken.overdue:
                stukken.setStyleSheet(CONFLICT_STYLE)
        if context.brief is not None:
            self._link(context.brief, f"{context.brief.title} — {context.brief_text()}")
        self._links(self.tr("Mails"), context.mails)
        self._links(self.tr("Open action points"), context.action_points)
        self._preparation(details)
        self._visit(details)

    def _visit(self, details: AppointmentDetails) -> None:
        found = details.checklist
        if found is None:
            self._heading(self.tr("Visit or tour"))
            text = self.tr("Checklist (room, catering, guide, …)")
        else:
            from kortrijk_cockpit.domain.visits import VisitKind

            self._heading(self.tr("Visit") if found.kind == VisitKind.VISIT else self.tr("Tour"))
            done, late = sum(1 for i in found.items if i.done), details.late_items()
            text = self.tr("Checklist: {done}/{total} done").format(
                done=done, total=len(found.items))
            if late:
                text += self.tr(", {late} late").format(late=late)
        checklist = LinkLabel(text)
        checklist.setObjectName("detailsVisit")
        if details.late_items():
            checklist.setStyleSheet(checklist.styleSheet() + CONFLICT_LINK_STYLE)
        event_id = details.event.id
        checklist.clicked.connect(lambda: self.visit_requested.emit(event_id))
        self._layout.addWidget(checklist)

    def set_booking(self, busy: bool) -> None:
        """While the block is being booked: no second click, and say so."""
        if self.book_button is not None:
            self.book_button.setEnabled(not busy)
            self.book_button.setText(self.tr("Booking…") if busy else self.tr("Book"))

    # -- parts ----------------------------------------------------------------------------
    def _preparation(self, details: AppointmentDetails) -> None:
        from kortrijk_cockpit.services.preparation import PreparationBlock

        if details.booked is None and details.proposal is None:
            return
        self._heading(self.tr("Preparation"))
        row = QHBoxLayout()
        if details.booked is not None:
            text = self.tr("Preparation booked ({when})").format(when=details.booked.when())
        elif isinstance(details.proposal, PreparationBlock):
            text = self.tr("Proposal: {when}").format(when=details.proposal.when())
            self.book_button = QPushButton(self.tr("Book"))
            self.book_button.setObjectName("detailsBook")
            self.book_button.setToolTip(self.tr("Book this preparation block in the director's "
                                                "calendar (Ctrl+B)"))
            self.book_button.setShortcut("Ctrl+B")
            event_id = details.event.id
            self.book_button.clicked.connect(lambda: self.book_requested.emit(event_id))
        else:
            text = details.proposal.reason if details.proposal is not None else ""
        label = plain_label(QLabel(text))
        label.setObjectName("detailsPreparation")
        label.setWordWrap(True)
        self.preparation_label = label
        row.addWidget(label, 1)
        if self.book_button is not None:
            row.addWidget(self.book_button)
        self._layout.addLayout(row)

    def _links(self, heading: str, records: tuple[Linked, ...]) -> None:
        if not records:
            return
        self._heading(heading)
        for record in records[:MAX_LINKS]:
            self._link(record, record.title)
        if len(records) > MAX_LINKS:
            self._label(self.tr("+{count} more").format(count=len(records) - MAX_LINKS))

    def _link(self, record: Linked, text: str) -> LinkLabel:
        """One click (or Enter) to the record; wraps like the rest of the panel."""
        link = LinkLabel(text)
        link.setObjectName(f"detailsLink_{record.kind}")
        link.setToolTip(plain_tooltip(text))
        kind, ref_id = record.kind, record.ref_id
        link.clicked.connect(lambda: self.open_record.emit(kind, ref_id))
        self._layout.addWidget(link)
        return link

    def _heading(self, text: str) -> None:
        label = self._label(text)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        label.setContentsMargins(0, 8, 0, 0)

    def _label(self, text: str) -> QLabel:
        label = plain_label(QLabel(text))
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._layout.addWidget(label)
        return label

    def _clear(self) -> None:
        self.book_button = None
        self.preparation_label = None
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget()
            if widget is not None:
                _drop(widget)
            elif item.layout() is not None:
                _drop_layout(item.layout())

    # -- for tests and the lead ---------------------------------------------------------
    def texts(self) -> list[str]:
        """What the panel says, top to bottom (labels and link texts)."""
        found: list[str] = []
        for widget in self._body.findChildren(QWidget):
            if widget.property("dropped"):  # on its way out (deleteLater)
                continue
            if isinstance(widget, QLabel | QPushButton):
                found.append(widget.text())
        return found

    def links(self) -> list[LinkLabel]:
        return [b for b in self._body.findChildren(LinkLabel) if not b.property("dropped")]


class LinkLabel(QLabel):
    """A record's title as a link: plain text (it comes from outside), wrapped, in the
    link colour; a click, Enter or Space opens it."""

    clicked = Signal()

    def __init__(self, text: str) -> None:
        super().__init__(text)
        plain_label(self)
        self.setWordWrap(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setStyleSheet("QLabel { color: palette(link); padding: 2px 0 2px 6px; }"
                           "QLabel:focus { text-decoration: underline; }")

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        event.setAccepted(event.button() == Qt.MouseButton.LeftButton)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() != Qt.MouseButton.LeftButton:
            event.ignore()
            return
        event.accept()
        if self.rect().contains(event.position().toPoint()):
            self.clicked.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit()
            return
        super().keyPressEvent(event)


def _drop_layout(layout: object) -> None:
    from PySide6.QtWidgets import QLayout

    assert isinstance(layout, QLayout)
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget()
        if widget is not None:
            _drop(widget)


def _drop(widget: QWidget) -> None:
    """Gone at once for the eye and for `texts()`; deleted when Qt gets round to it."""
    widget.hide()
    widget.setProperty("dropped", True)
    widget.deleteLater()


def _when(details: AppointmentDetails) -> str:
    event = details.event
    start, end = event.start, event.end
    day = f"{_WEEKDAYS[start.weekday()]} {start:%d/%m/%Y}"
    if event.is_all_day:
        return day
    if end.date() != start.date():
        return f"{day} {start:%H:%M} – {_WEEKDAYS[end.weekday()]} {end:%d/%m/%Y} {end:%H:%M}"
    return f"{day} {start:%H:%M}–{end:%H:%M}"
