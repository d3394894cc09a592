"""The reading pane: one mail's headers, its sanitised body, attachments,
what it was handed on to, and a meeting request's answer buttons.

The pane only shows and asks: it emits what the user wants (open or save an
attachment, allow images, answer a meeting, follow a link) and the Mail area
carries it out through the services.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kortrijk_cockpit.ui.plain_text import plain_label, plain_tooltip
from kortrijk_cockpit.ui.views.mail.attachment_list import AttachmentList
from kortrijk_cockpit.ui.views.mail.mail_format import format_size, header_moment
from kortrijk_cockpit.ui.views.mail.meeting_card import MeetingCard
from kortrijk_cockpit.ui.views.mail.safe_browser import SafeBrowser

if TYPE_CHECKING:
    from kortrijk_cockpit.clock import Clock
    from kortrijk_cockpit.services.mail_list import AttachmentInfo, LinkInfo, MailDetail
    from kortrijk_cockpit.ui.tasks import TaskRunner

__all__ = ["ReadingPane", "format_size"]

DEFAULT_CHIP = "#d9d9d9"


class ElidedLabel(QLabel):
    """One line that ends in '…' when it does not fit; the whole text is its tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setTextFormat(Qt.TextFormat.PlainText)

    def set_full_text(self, text: str) -> None:
        self._full = text
        self._elide()

    def full_text(self) -> str:
        return self._full

    def is_elided(self) -> bool:
        return self.text() != self._full

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight,
                                              max(40, self.width()))
        self.setText(shown)
        self.setToolTip(plain_tooltip(self._full) if shown != self._full else "")


def _public_provider(domain: str) -> bool:
    """'@gmail.com': anyone can have an address there, so it vouches for no one."""
    from kortrijk_cockpit.services.suggestions import PUBLIC_DOMAINS

    return domain.removeprefix("@") in PUBLIC_DOMAINS


def _chip_style(colour: str) -> str:
    background = QColor(colour if QColor.isValidColorName(colour) else DEFAULT_CHIP)
    text = "#000000" if background.lightnessF() > 0.6 else "#ffffff"
    return (f"background-color: {background.name()}; color: {text}; "
            "border-radius: 8px; padding: 1px 8px;")


class ReadingPane(QWidget):
    open_attachment = Signal(int)  # attachment id
    save_attachment = Signal(int)  # attachment id
    allow_images = Signal(str)  # the sender's address or "@domain"
    meeting_response = Signal(int, str, str)  # mail id, "accept"|"tentative"|"decline", message
    link_activated = Signal(str, int)  # LinkKind value, target id

    def __init__(self, parent: QWidget | None = None, *, runner: TaskRunner | None = None,
                 clock: Clock | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readingPane")
        self._clock = clock
        self._detail: MailDetail | None = None
        self._colours: dict[str, str] = {}
        self._allowed_now: set[str] = set()  # allowed in this session, before the store says so

        self.empty = QLabel()
        self.empty.setObjectName("emptyText")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)

        self.subject = plain_label(QLabel())  # the sender's words, never HTML
        self.subject.setObjectName("recordTitle")
        self.subject.setWordWrap(True)
        self.subject.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sender = ElidedLabel()
        self.to = ElidedLabel()
        self.cc = ElidedLabel()
        self.date = QLabel()
        self.date.setObjectName("tileDetail")
        self.flag = QLabel()
        self.flag.setObjectName("mailFlag")
        self.imported = plain_label(QLabel())
        self.imported.setObjectName("tileDetail")
        self.chips = QWidget()
        self._chip_row = QHBoxLayout(self.chips)
        self._chip_row.setContentsMargins(0, 0, 0, 0)
        chips_and_flag = QHBoxLayout()
        chips_and_flag.addWidget(self.chips)
        chips_and_flag.addWidget(self.flag)
        chips_and_flag.addStretch(1)

        self.images_bar = QFrame()
        self.images_bar.setObjectName("imagesBar")
        self.images_text = QLabel(self.tr("Images blocked"))
        self.images_sender = QPushButton(self.tr("Show for this sender"))
        self.images_domain = QPushButton()
        self.images_sender.clicked.connect(lambda: self._allow(self._sender_key()))
        self.images_domain.clicked.connect(lambda: self._allow(self._domain_key()))
        bar = QHBoxLayout(self.images_bar)
        bar.setContentsMargins(6, 2, 6, 2)
        bar.addWidget(self.images_text)
        bar.addStretch(1)
        bar.addWidget(self.images_sender)
        bar.addWidget(self.images_domain)

        self.links = QLabel()
        self.links.setObjectName("mailLinks")
        self.links.setWordWrap(True)
        self.links.setTextFormat(Qt.TextFormat.RichText)
        self.links.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                           | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.links.linkActivated.connect(self._link)

        self.meeting = MeetingCard(self._now)
        self.meeting.responded.connect(self._responded)

        self.body = SafeBrowser(runner=runner)
        self.body.setObjectName("mailBody")

        self.attachments = AttachmentList()
        self.attachments.open_requested.connect(self.open_attachment)
        self.attachments.save_requested.connect(self.save_attachment)

        self.content = QWidget()
        column = QVBoxLayout(self.content)
        column.setContentsMargins(0, 0, 0, 0)
        for widget in (self.subject, self.sender, self.to, self.cc, self.date):
            column.addWidget(widget)
        column.addLayout(chips_and_flag)
        for widget in (self.imported, self.links, self.images_bar, self.meeting):
            column.addWidget(widget)
        column.addWidget(self.body, 1)
        column.addWidget(self.attachments)

        layout = QVBoxLayout(self)
        layout.addWidget(self.content, 1)
        layout.addWidget(self.empty, 1)
        self.clear()

    # -- public API -------------------------------------------------------------------

    def mail_id(self) -> int | None:
        return self._detail.id if self._detail else None

    def show_mail(self, detail: MailDetail) -> None:
        same_mail = self._detail is not None and self._detail.id == detail.id
        self._detail = detail
        self.empty.hide()
        self.content.show()
        self.subject.setText(detail.subject or self.tr("(no subject)"))
        sender = (f"{detail.sender} <{detail.sender_email}>" if detail.sender and detail.sender_email
                  else detail.sender or detail.sender_email)
        if detail.sent_by:  # as Outlook shows mail sent for someone: "X namens Y"
            self.sender.set_full_text(self.tr("From: {sent_by} on behalf of {sender}").format(
                sent_by=detail.sent_by, sender=sender))
        else:
            self.sender.set_full_text(self.tr("From: {sender}").format(sender=sender))
        self.to.set_full_text(self.tr("To: {names}").format(names="; ".join(detail.to)))
        self.to.setVisible(bool(detail.to))
        self.cc.set_full_text(self.tr("Cc: {names}").format(names="; ".join(detail.cc)))
        self.cc.setVisible(bool(detail.cc))
        self.date.setText(header_moment(detail.received_at) if detail.received_at else "")
        self.date.setVisible(detail.received_at is not None)
        self._show_chips(detail.categories)
        self._show_flag(detail)
        self.imported.setText(self.tr("Imported from {file}").format(file=detail.imported_from))
        self.imported.setVisible(bool(detail.imported_from))
        self._show_links(detail.links)
        if detail.meeting is not None:
            landed = self.meeting.pending is not None and bool(detail.meeting.response)
            if not same_mail or self.meeting.isHidden() or landed:
                self.meeting.show_meeting(detail.meeting)
            self.meeting.show()
        else:
            self.meeting.hide()
        self._show_body(detail)
        self.attachments.show_attachments(tuple(a for a in detail.attachments if not a.is_inline))

    def clear(self, message: str = "") -> None:
        self._detail = None
        self.content.hide()
        self.body.clear()
        self.empty.setText(message)
        self.empty.show()

    def set_colours(self, colours: dict[str, str]) -> None:
        """The categories' colours ("#rrggbb"), e.g. from the office's outcomes."""
        self._colours = dict(colours)
        if self._detail is not None:
            self._show_chips(self._detail.categories)

    def set_conflicts(self, conflicts: list[str]) -> None:
        """What else is in the director's agenda during the shown meeting request."""
        self.meeting.set_conflicts(conflicts)

    def meeting_answer_failed(self, mail_id: int) -> None:
        """The meeting answer for this mail was not recorded: the card offers the
        answers again (the Mail area calls this from the write's failure)."""
        if self._detail is not None and self._detail.id == mail_id:
            self.meeting.answer_failed()

    def set_runner(self, runner: TaskRunner) -> None:
        """Allowed remote images are fetched on this runner (without one, they stay out)."""
        self.body.runner = runner

    def inline_ready(self, attachment_id: int, path: str) -> None:
        """An inline (cid:) image of the shown mail was fetched: show it in the text."""
        detail = self._detail
        if detail is None or not any(a.id == attachment_id for a in detail.attachments):
            return
        self._detail = replace(detail, attachments=tuple(
            replace(a, saved_path=path) if a.id == attachment_id else a
            for a in detail.attachments))
        self._show_body(self._detail)

    def attachment(self, attachment_id: int) -> AttachmentInfo | None:
        if self._detail is None:
            return None
        return next((a for a in self._detail.attachments if a.id == attachment_id), None)

    # -- parts ------------------------------------------------------------------------

    def _show_chips(self, categories: tuple[str, ...]) -> None:
        while (item := self._chip_row.takeAt(0)) is not None:
            if item.widget():
                item.widget().deleteLater()
        for name in categories:
            chip = plain_label(QLabel(name))  # a sender can set categories (Keywords)
            chip.setObjectName("categoryChip")
            chip.setStyleSheet(_chip_style(self._colours.get(name, DEFAULT_CHIP)))
            self._chip_row.addWidget(chip)
        self.chips.setVisible(bool(categories))

    def _show_flag(self, detail: MailDetail) -> None:
        status = str(detail.flag_status)
        if status == "flagged" and detail.flag_due_at is not None:
            from kortrijk_cockpit.ui.formatting import format_date, local

            text = self.tr("Follow up by {date}").format(
                date=format_date(local(detail.flag_due_at).date()))
        elif status == "flagged":
            text = self.tr("Flagged for follow-up")
        elif status == "complete":
            text = self.tr("Follow-up done")
        else:
            text = ""
        self.flag.setText(text)
        self.flag.setVisible(bool(text))

    def _show_links(self, links: tuple[LinkInfo, ...]) -> None:
        import html

        names = {"action_point": self.tr("Action point"), "agenda_item": self.tr("Agenda item"),
                 "brief": self.tr("Brief"), "person": self.tr("Person")}
        entries = []
        for link in links:
            text = f"{names.get(str(link.kind), '')} {link.title}".strip()
            if link.detail:
                text += f" ({link.detail})"
            entries.append(f'<a href="{html.escape(str(link.kind))}:{link.target_id}">'
                           f"{html.escape(text)}</a>")
        self.links.setText(self.tr("Became: {links}").format(links=" · ".join(entries)))
        self.links.setVisible(bool(links))

    def _show_body(self, detail: MailDetail) -> None:
        from kortrijk_cockpit.services.mail_html import safe_body

        allowed = detail.images_allowed or bool(
            {self._sender_key(), self._domain_key()} & self._allowed_now)
        body = safe_body(detail.body_html, detail.body_text, allow_remote_images=allowed)
        inline: dict[str, Path | bytes] = {
            a.content_id: Path(a.saved_path) for a in detail.attachments
            if a.content_id and a.saved_path}
        self.body.show_html(body.html, inline=inline, remote_images=body.remote_images)
        domain = self._domain_key()
        self.images_domain.setText(self.tr("For {domain}").format(domain=domain))
        self.images_domain.setVisible(domain != "@" and not _public_provider(domain))
        self.images_bar.setVisible(body.blocked_images > 0)

    # -- what the user asks -----------------------------------------------------------

    def _sender_key(self) -> str:
        return self._detail.sender_email.strip().lower() if self._detail else ""

    def _domain_key(self) -> str:
        return "@" + self._sender_key().rpartition("@")[2]

    def _allow(self, key: str) -> None:
        if self._detail is None or not key.strip("@"):
            return
        self._allowed_now.add(key)
        self.allow_images.emit(key)
        self._show_body(self._detail)

    def _link(self, href: str) -> None:
        kind, _, target = href.partition(":")
        if target.isdigit():
            self.link_activated.emit(kind, int(target))

    def _responded(self, kind: str, message: str) -> None:
        if self._detail is not None:
            self.meeting_response.emit(self._detail.id, kind, message)

    def _now(self) -> datetime:
        if self._clock is not None:
            return self._clock.now()
        from kortrijk_cockpit.clock import BRUSSELS

        return datetime.now(BRUSSELS)
