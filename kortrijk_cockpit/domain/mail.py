"""The director's mail as synced from Exchange."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kortrijk_cockpit.domain.base import Base, Versioned, str_enum


class FolderKind(enum.StrEnum):
    INBOX = "inbox"
    SENT = "sent"
    DELETED = "deleted"
    CALENDAR = "calendar"
    CUSTOM = "custom"


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
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    folder_id: Mapped[int] = mapped_column(ForeignKey("mail_folders.id", ondelete="CASCADE"))
    exchange_id: Mapped[str | None] = mapped_column(String(512), unique=True)
    change_key: Mapped[str | None] = mapped_column(String(255))
    conversation_id: Mapped[str | None] = mapped_column(String(512))
    subject: Mapped[str] = mapped_column(String(1024), default="")
    sender_name: Mapped[str] = mapped_column(default="")
    sender_email: Mapped[str] = mapped_column(default="")
    to_recipients: Mapped[list[str]] = mapped_column(JSON, default=list)
    cc_recipients: Mapped[list[str]] = mapped_column(JSON, default=list)
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
