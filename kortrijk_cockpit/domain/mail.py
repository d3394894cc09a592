"""The director's mail as synced from Exchange."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kortrijk_cockpit.domain.base import Base, Versioned, str_enum, utcnow


class FolderKind(enum.StrEnum):
    INBOX = "inbox"
    SENT = "sent"
    DELETED = "deleted"
    CALENDAR = "calendar"
    CUSTOM = "custom"
    IMPORTED = "imported"  # local only: mails imported from .eml/.msg files, never synced


class FlagStatus(enum.StrEnum):
    NONE = "none"
    FLAGGED = "flagged"
    COMPLETE = "complete"


class Importance(enum.StrEnum):
    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"


class Sensitivity(enum.StrEnum):
    NORMAL = "normal"
    PERSONAL = "personal"
    PRIVATE = "private"
    CONFIDENTIAL = "confidential"


class MailFolder(Base):
    __tablename__ = "mail_folders"

    id: Mapped[int] = mapped_column(primary_key=True)
    exchange_id: Mapped[str | None] = mapped_column(String(512), unique=True)
    change_key: Mapped[str | None] = mapped_column(String(255))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("mail_folders.id", ondelete="SET NULL"))
    display_name: Mapped[str]
    kind: Mapped[FolderKind] = mapped_column(str_enum(FolderKind), default=FolderKind.CUSTOM)
    sync_enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    total_count: Mapped[int] = mapped_column(Integer, default=0)
    unread_count: Mapped[int] = mapped_column(Integer, default=0)


class Mail(Versioned, Base):
    __tablename__ = "mails"
    __table_args__ = (
        Index("ix_mails_folder_received", "folder_id", "received_at"),
        Index("ix_mails_conversation", "conversation_id"),
        Index("ix_mails_folder_sender", "folder_id", "sender_name"),
        Index("ix_mails_message_id", "internet_message_id"),
        # Expression indexes, made by migration 0006 only (SQLite cannot reflect them):
        # (lower(sender_email), received_at) for the suggestions, and on PostgreSQL a
        # trigram index on the categories' text for the category view.
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    folder_id: Mapped[int] = mapped_column(ForeignKey("mail_folders.id", ondelete="CASCADE"))
    exchange_id: Mapped[str | None] = mapped_column(String(512), unique=True)
    change_key: Mapped[str | None] = mapped_column(String(255))
    conversation_id: Mapped[str | None] = mapped_column(String(512))
    subject: Mapped[str] = mapped_column(String(1024), default="")
    # From: on whose behalf it was sent; `sent_by` the Sender ("Naam <adres>") only when
    # someone else sent it for From ("X namens Y").
    sender_name: Mapped[str] = mapped_column(default="")
    sender_email: Mapped[str] = mapped_column(default="")
    sent_by: Mapped[str] = mapped_column(String(1024), default="")
    to_recipients: Mapped[list[str]] = mapped_column(JSON, default=list)
    cc_recipients: Mapped[list[str]] = mapped_column(JSON, default=list)
    # Reply-To ("Naam <adres>"): where a reply goes instead of From; comes with the body.
    reply_to: Mapped[list[str]] = mapped_column(JSON, default=list)
    received_at: Mapped[datetime | None]
    sent_at: Mapped[datetime | None]
    body_text: Mapped[str] = mapped_column(Text, default="")
    body_html: Mapped[str | None] = mapped_column(Text)
    categories: Mapped[list[str]] = mapped_column(JSON, default=list)
    flag_status: Mapped[FlagStatus] = mapped_column(str_enum(FlagStatus), default=FlagStatus.NONE)
    flag_due_at: Mapped[datetime | None]
    is_read: Mapped[bool] = mapped_column(Boolean, default=False)
    importance: Mapped[Importance] = mapped_column(str_enum(Importance), default=Importance.NORMAL)
    sensitivity: Mapped[Sensitivity] = mapped_column(
        str_enum(Sensitivity), default=Sensitivity.NORMAL
    )
    has_attachments: Mapped[bool] = mapped_column(Boolean, default=False)
    # "IPM.Note"; "IPM.Schedule.Meeting.Request" (and .Canceled, .Resp.*) for meeting mail.
    item_class: Mapped[str] = mapped_column(String(128), default="IPM.Note")
    # A meeting request's event, for the reading pane: start/end (ISO), location,
    # organizer, is_all_day, and after a response our "response" and "responded_at".
    meeting: Mapped[dict[str, object] | None] = mapped_column(JSON)
    internet_message_id: Mapped[str | None] = mapped_column(String(998))
    # Local triage state, never pushed to Exchange:
    snoozed_until: Mapped[datetime | None]  # "Later": back in Te behandelen from then on
    waiting_due_at: Mapped[datetime | None]  # "Wacht op antwoord": marked when no reply by then
    imported_from: Mapped[str | None] = mapped_column(String(1024))  # file name of an import

    folder: Mapped[MailFolder] = relationship()
    attachments: Mapped[list[Attachment]] = relationship(
        back_populates="mail", cascade="all, delete-orphan", passive_deletes=True
    )


class Attachment(Base):
    """Attachment metadata; the content is fetched on demand, never during sync."""

    __tablename__ = "attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    mail_id: Mapped[int] = mapped_column(ForeignKey("mails.id", ondelete="CASCADE"), index=True)
    exchange_id: Mapped[str | None] = mapped_column(String(512))
    name: Mapped[str] = mapped_column(String(512))
    content_type: Mapped[str] = mapped_column(default="application/octet-stream")
    size: Mapped[int] = mapped_column(Integer, default=0)
    is_inline: Mapped[bool] = mapped_column(Boolean, default=False)
    content_id: Mapped[str | None]
    saved_path: Mapped[str | None] = mapped_column(String(1024))

    mail: Mapped[Mail] = relationship(back_populates="attachments")


class LinkKind(enum.StrEnum):
    """What a mail was handed on to."""

    ACTION_POINT = "action_point"
    AGENDA_ITEM = "agenda_item"
    DOCUMENT_REQUEST = "document_request"  # a stuk: the owner's mail that brought it
    BRIEF = "brief"
    PERSON = "person"


class MailLink(Base):
    """A mail handed on to the office's work; followed from both sides."""

    __tablename__ = "mail_links"
    __table_args__ = (
        UniqueConstraint("mail_id", "target_kind", "target_id", name="uq_mail_links_target"),
        Index("ix_mail_links_target", "target_kind", "target_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    mail_id: Mapped[int] = mapped_column(ForeignKey("mails.id", ondelete="CASCADE"), index=True)
    target_kind: Mapped[LinkKind] = mapped_column(str_enum(LinkKind))
    target_id: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class TriageOutcome(Versioned, Base):
    """One of the office's outcomes, kept on the mail as an Outlook category."""

    __tablename__ = "triage_outcomes"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(255), unique=True)  # the category's name
    shortcut: Mapped[str] = mapped_column(String(16), default="")  # one key, e.g. "1"
    colour: Mapped[str] = mapped_column(String(16), default="")  # "#rrggbb"
    position: Mapped[int] = mapped_column(Integer, default=0)


class TextTemplate(Versioned, Base):
    """A Dutch standard text for replies (kind "reply") or the signature ("signature").

    Placeholders: {naam}, {voornaam}, {datum}, {vergadering}, {onderwerp}.
    """

    __tablename__ = "text_templates"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(255))
    kind: Mapped[str] = mapped_column(String(20), default="reply")
    body: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)


class TrustedImageSender(Base):
    """A sender (address, or "@domain") whose remote images the user allowed."""

    __tablename__ = "trusted_image_senders"

    id: Mapped[int] = mapped_column(primary_key=True)
    address: Mapped[str] = mapped_column(String(320), unique=True)  # lower case
