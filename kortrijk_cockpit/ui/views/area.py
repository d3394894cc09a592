"""An area that a later issue fills: an honest empty state, plus the record
that quick search jumped to."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kortrijk_cockpit.ui.areas import Area, kind_label
from kortrijk_cockpit.ui.formatting import format_datetime

if TYPE_CHECKING:  # the services pull in SQLAlchemy, which loads after the window shows
    from datetime import datetime

    from kortrijk_cockpit.services.dashboard import DashboardSnapshot
    from kortrijk_cockpit.services.records import RecordDetail, RelatedRecord

# A related record reads as a link, yet is a button: Tab and Space reach it too.
_LINK_STYLE = ("QPushButton { border: none; padding: 1px 0; text-align: left;"
               " color: palette(link); text-decoration: underline; }")


class AreaView(QWidget):
    record_requested = Signal(str, int)  # record kind, id: a related record to show

    def __init__(self, area: Area, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.area = area
        heading = QLabel(area.label)
        heading.setObjectName("viewHeading")

        self.record = QFrame()
        self.record.setObjectName("recordCard")
        self.record_kind = QLabel()
        self.record_kind.setObjectName("tileCaption")
        self.record_title = QLabel()
        self.record_title.setTextFormat(Qt.TextFormat.PlainText)  # a mail's subject: text only
        self.record_title.setObjectName("recordTitle")
        self.record_title.setWordWrap(True)
        self.record_meta = QLabel()
        self.record_meta.setTextFormat(Qt.TextFormat.PlainText)
        self.record_meta.setObjectName("tileDetail")
        self.record_body = QPlainTextEdit()
        self.record_body.setReadOnly(True)
        # Handed-on mail, both ways: the mails a record came from, what a mail became.
        self.related = QWidget()
        self.related_caption = QLabel()
        self.related_caption.setObjectName("tileCaption")
        self._related_rows = QVBoxLayout(self.related)
        self._related_rows.setContentsMargins(0, 0, 0, 0)
        self._related_rows.setSpacing(2)
        self._related_rows.addWidget(self.related_caption)
        self.related_links: list[QPushButton] = []
        card = QVBoxLayout(self.record)
        for widget in (self.record_kind, self.record_title, self.record_meta, self.related,
                       self.record_body):
            card.addWidget(widget)
        self.record.hide()

        self.empty_title = QLabel(area.empty_title)
        self.empty_title.setObjectName("emptyTitle")
        self.empty_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_text = QLabel()
        self.empty_text.setObjectName("emptyText")
        self.empty_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_text.setWordWrap(True)
        # A wrapped label gets its height right only inside a fixed-width
        # column, so the empty state is a column centred between stretches.
        self.empty_state = QWidget()
        self.empty_state.setFixedWidth(560)
        column = QVBoxLayout(self.empty_state)
        column.addWidget(self.empty_title)
        column.addWidget(self.empty_text)
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addWidget(self.empty_state)
        centred.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addWidget(heading)
        layout.addSpacing(12)
        layout.addWidget(self.record, 1)
        layout.addStretch(1)
        layout.addLayout(centred)
        layout.addStretch(2)
        self._set_empty(area.empty_title, area.empty_text)

    def _set_empty(self, title: str, text: str) -> None:
        self.empty_title.setText(title)
        self.empty_text.setText(text + "\n\n" + self.tr("Search everything with Ctrl+K."))

    def show_local_copy(self, snapshot: DashboardSnapshot) -> None:
        """Mail and Agenda say what is kept locally; "appears once connected"
        only while there is nothing and nothing was ever synchronised."""
        if self.area.key == "mail":
            count, synced_at = snapshot.mails_stored, snapshot.mail_synced_at
            title = (self.tr("%n mail(s) synchronised", "", count) if count
                     else self.tr("No mail in the synchronised folders"))
            later = self.tr("Mail gets its own screen soon; find any mail now with quick search.")
        elif self.area.key == "calendar":
            count, synced_at = snapshot.events_stored, snapshot.calendar_synced_at
            title = (self.tr("%n appointment(s) synchronised", "", count) if count
                     else self.tr("No appointments in the synchronised period"))
            later = self.tr("The calendar gets its own screen soon.")
        else:
            return
        if not count and synced_at is None:
            self._set_empty(self.area.empty_title, self.area.empty_text)
            return
        self._set_empty(title, " ".join(filter(None, (self._last_sync(synced_at), later))))

    def _last_sync(self, synced_at: datetime | None) -> str:
        if synced_at is None:
            return ""
        return self.tr("Last synchronised on {when}.").format(when=format_datetime(synced_at))

    def show_record(self, detail: RecordDetail) -> None:
        self.record_kind.setText(kind_label(detail.kind))
        self.record_title.setText(detail.title)
        meta = [detail.subtitle, format_datetime(detail.when)]
        self.record_meta.setText(" · ".join(m for m in meta if m))
        self.record_body.setPlainText(detail.body)
        self.record_body.setVisible(bool(detail.body))
        self._show_related(detail)
        self.record.show()
        self.empty_state.hide()

    def _show_related(self, detail: RecordDetail) -> None:
        for button in self.related_links:
            self._related_rows.removeWidget(button)
            button.deleteLater()
        self.related_links = [self._related_link(r) for r in detail.related]
        for button in self.related_links:
            self._related_rows.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        self.related_caption.setText(self.tr("Became") if detail.kind == "mail"
                                     else self.tr("From mail"))
        self.related.setVisible(bool(detail.related))

    def _related_link(self, related: RelatedRecord) -> QPushButton:
        text = related.title if related.kind == "mail" else (
            f"{kind_label(related.kind)}: {related.title}")
        if related.detail:
            text += f" ({related.detail})"
        button = QPushButton(text.replace("&", "&&"))  # a title's "&" is no mnemonic
        button.setObjectName("relatedRecord")
        button.setFlat(True)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.setStyleSheet(_LINK_STYLE)
        button.setToolTip(self.tr("Open the mail in Mail") if related.kind == "mail"
                          else self.tr("Show this record"))
        button.clicked.connect(
            lambda *_: self.record_requested.emit(related.kind, related.ref_id))
        return button
