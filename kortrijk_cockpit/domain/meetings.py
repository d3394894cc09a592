"""Overleg: meeting series (MAT, DC, ...), meetings, agendas, stukken, action points."""

from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kortrijk_cockpit.domain.base import Base, Versioned, str_enum


class MeetingStatus(enum.StrEnum):
    PLANNED = "planned"
    AGENDA_SENT = "agenda_sent"
    HELD = "held"
    MINUTES_SENT = "minutes_sent"
    CANCELLED = "cancelled"


class AgendaItemKind(enum.StrEnum):
    APPROVAL = "approval"
    DECISION = "decision"
    ADVICE = "advice"
    DISCUSSION = "discussion"
    INFORMATION = "information"


class RequestStatus(enum.StrEnum):
    REQUESTED = "requested"
    RECEIVED = "received"
    WAIVED = "waived"


class ActionStatus(enum.StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"


class MeetingSeries(Versioned, Base):
    __tablename__ = "meeting_series"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str]
    description: Mapped[str] = mapped_column(Text, default="")
    weekday: Mapped[int | None] = mapped_column(Integer)  # 0 = Monday
    start_time: Mapped[str] = mapped_column(String(5), default="")  # "09:00", Brussels time
    duration_minutes: Mapped[int] = mapped_column(Integer, default=120)
    location: Mapped[str] = mapped_column(default="")
    chair_person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"))
    minute_taker_person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"))
    # Who receives the agenda and the verslag: "Naam <adres>" or "adres".
    distribution: Mapped[list[str]] = mapped_column(JSON, default=list)
    # The agenda's standard sections, in order (DOMAIN.md's for MAT and DC).
    agenda_sections: Mapped[list[str]] = mapped_column(JSON, default=list)
    # Weeks without meetings: ["2026-07-20/2026-08-14", ...] (first and last day).
    closures: Mapped[list[str]] = mapped_column(JSON, default=list)
    # The agenda closes this many working days before the meeting, at this time.
    agenda_close_days: Mapped[int] = mapped_column(Integer, default=3)
    agenda_close_time: Mapped[str] = mapped_column(String(5), default="12:00")
    # Stukken are due this many working days before the meeting.
    stukken_lead_days: Mapped[int] = mapped_column(Integer, default=3)

    meetings: Mapped[list[Meeting]] = relationship(back_populates="series")
    members: Mapped[list[SeriesMember]] = relationship(
        back_populates="series", order_by="SeriesMember.position",
        cascade="all, delete-orphan", passive_deletes=True)
    themes: Mapped[list[Theme]] = relationship(
        back_populates="series", order_by="Theme.position",
        cascade="all, delete-orphan", passive_deletes=True)


class SeriesMember(Base):
    """A person who sits on an overleg (and gets its agenda)."""

    __tablename__ = "series_members"
    __table_args__ = (UniqueConstraint("series_id", "person_id", name="uq_series_members"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    series_id: Mapped[int] = mapped_column(
        ForeignKey("meeting_series.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)

    series: Mapped[MeetingSeries] = relationship(back_populates="members")


class Theme(Versioned, Base):
    """A subject that comes back on an overleg: a BBC milestone before its deadline, or a
    recurring theme of a directie with a cadence ("every 6 weeks")."""

    __tablename__ = "themes"

    id: Mapped[int] = mapped_column(primary_key=True)
    series_id: Mapped[int] = mapped_column(
        ForeignKey("meeting_series.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(512))
    directorate: Mapped[str] = mapped_column(default="")
    owner_name: Mapped[str] = mapped_column(default="")
    kind: Mapped[AgendaItemKind] = mapped_column(
        str_enum(AgendaItemKind), default=AgendaItemKind.DISCUSSION)
    duration_minutes: Mapped[int] = mapped_column(Integer, default=15)
    cadence_weeks: Mapped[int | None] = mapped_column(Integer)  # None: a one-off milestone
    deadline: Mapped[date | None] = mapped_column(Date)  # a BBC milestone: on a meeting before
    is_bbc: Mapped[bool] = mapped_column(Boolean, default=False)
    position: Mapped[int] = mapped_column(Integer, default=0)

    series: Mapped[MeetingSeries] = relationship(back_populates="themes")


class Meeting(Versioned, Base):
    __tablename__ = "meetings"
    __table_args__ = (Index("ix_meetings_starts", "starts_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    series_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting_series.id", ondelete="SET NULL"), index=True
    )
    title: Mapped[str]
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    location: Mapped[str] = mapped_column(default="")
    status: Mapped[MeetingStatus] = mapped_column(
        str_enum(MeetingStatus), default=MeetingStatus.PLANNED
    )
    minutes_text: Mapped[str] = mapped_column(Text, default="")
    # Set when the verslag is approved at the next meeting: the minutes no longer change.
    minutes_locked_at: Mapped[datetime | None]

    series: Mapped[MeetingSeries | None] = relationship(back_populates="meetings")
    agenda_items: Mapped[list[AgendaItem]] = relationship(
        back_populates="meeting",
        foreign_keys="AgendaItem.meeting_id",
        order_by="AgendaItem.position",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )


class AgendaItem(Versioned, Base):
    __tablename__ = "agenda_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(512))
    description: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[AgendaItemKind] = mapped_column(
        str_enum(AgendaItemKind), default=AgendaItemKind.DISCUSSION
    )
    owner_name: Mapped[str] = mapped_column(default="")
    directorate: Mapped[str] = mapped_column(default="")
    duration_minutes: Mapped[int] = mapped_column(Integer, default=15)
    source_mail_id: Mapped[int | None] = mapped_column(ForeignKey("mails.id", ondelete="SET NULL"))
    section: Mapped[str] = mapped_column(default="")  # one of the series' agenda sections
    is_confidential: Mapped[bool] = mapped_column(Boolean, default=False)
    theme_id: Mapped[int | None] = mapped_column(ForeignKey("themes.id", ondelete="SET NULL"),
                                                 index=True)
    action_point_id: Mapped[int | None] = mapped_column(
        ForeignKey("action_points.id", ondelete="SET NULL"))
    # When it was put on this meeting: after the agenda closed, it is marked late.
    added_at: Mapped[datetime | None]
    # "Goedkeuring verslag": approving it locks that meeting's minutes.
    approves_meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meetings.id", ondelete="SET NULL"))

    meeting: Mapped[Meeting] = relationship(back_populates="agenda_items",
                                            foreign_keys=[meeting_id])
    document_requests: Mapped[list[DocumentRequest]] = relationship(
        back_populates="agenda_item", cascade="all, delete-orphan", passive_deletes=True
    )


class DocumentRequest(Versioned, Base):
    """Stukken requested for an agenda item, with a deadline and reminder."""

    __tablename__ = "document_requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    agenda_item_id: Mapped[int] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(512))
    requested_from: Mapped[str] = mapped_column(default="")
    requested_from_email: Mapped[str] = mapped_column(default="")
    requested_at: Mapped[datetime | None]
    due_at: Mapped[datetime]
    reminder_at: Mapped[datetime | None]
    received_at: Mapped[datetime | None]
    status: Mapped[RequestStatus] = mapped_column(
        str_enum(RequestStatus), default=RequestStatus.REQUESTED
    )
    reminded_at: Mapped[datetime | None]  # the last reminder mail queued
    # What came in: the owner's mail and the attachment kept as the stuk.
    received_mail_id: Mapped[int | None] = mapped_column(
        ForeignKey("mails.id", ondelete="SET NULL"))
    received_attachment_id: Mapped[int | None] = mapped_column(
        ForeignKey("attachments.id", ondelete="SET NULL"))
    saved_path: Mapped[str | None] = mapped_column(String(1024))

    agenda_item: Mapped[AgendaItem] = relationship(back_populates="document_requests")


class ActionPoint(Versioned, Base):
    """An actiepunt / opvolgpunt, carried from meeting to meeting until done."""

    __tablename__ = "action_points"
    __table_args__ = (Index("ix_action_points_status_due", "status", "due_date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(512))
    description: Mapped[str] = mapped_column(Text, default="")
    owner_name: Mapped[str] = mapped_column(default="")
    owner_person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL")
    )
    due_date: Mapped[date | None] = mapped_column(Date)
    status: Mapped[ActionStatus] = mapped_column(str_enum(ActionStatus), default=ActionStatus.OPEN)
    origin_meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meetings.id", ondelete="SET NULL")
    )
    target_series_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting_series.id", ondelete="SET NULL")
    )
    target_meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meetings.id", ondelete="SET NULL")
    )
    source_mail_id: Mapped[int | None] = mapped_column(ForeignKey("mails.id", ondelete="SET NULL"))
    completed_at: Mapped[datetime | None]
    # The agenda item it was typed under in the minutes (None: from a mail, by hand).
    origin_agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="SET NULL", use_alter=True))
    created_at: Mapped[datetime | None]
