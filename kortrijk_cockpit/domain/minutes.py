"""Minutes of an overleg: attendance, notes and decisions per item, the versioned verslag
and who received which version; and each action point's history."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from kortrijk_cockpit.domain.base import Base, Versioned, str_enum, utcnow


class AttendanceStatus(enum.StrEnum):
    PRESENT = "present"  # aanwezig
    EXCUSED = "excused"  # verontschuldigd
    ABSENT = "absent"  # afwezig


class Attendance(Base):
    """One member (or guest) at one meeting."""

    __tablename__ = "attendance"
    __table_args__ = (UniqueConstraint("meeting_id", "name", name="uq_attendance"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    name: Mapped[str]
    status: Mapped[AttendanceStatus] = mapped_column(
        str_enum(AttendanceStatus), default=AttendanceStatus.PRESENT)
    position: Mapped[int] = mapped_column(Integer, default=0)


class ItemMinutes(Versioned, Base):
    """What was said and decided on one agenda item. Versioned: two people typing the
    same item's minutes on a shared store never overwrite each other silently."""

    __tablename__ = "item_minutes"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    agenda_item_id: Mapped[int] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="CASCADE"), unique=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    decision: Mapped[str] = mapped_column(Text, default="")  # besluit
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_by: Mapped[str] = mapped_column(default="")


class MinutesVersion(Base):
    """A finalised verslag (v1, v2, ...): its documents and the content they were made
    from, so an earlier version stays readable after the minutes change."""

    __tablename__ = "minutes_versions"
    __table_args__ = (UniqueConstraint("meeting_id", "number", name="uq_minutes_versions"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(default="")
    docx_path: Mapped[str] = mapped_column(String(1024), default="")
    pdf_path: Mapped[str] = mapped_column(String(1024), default="")
    decisions_docx_path: Mapped[str] = mapped_column(String(1024), default="")
    decisions_pdf_path: Mapped[str] = mapped_column(String(1024), default="")
    snapshot: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # Approved as the first item of the series' next meeting; then the minutes are locked.
    approved_at: Mapped[datetime | None]
    approved_in_meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meetings.id", ondelete="SET NULL"))


class DeliveryCopy(enum.StrEnum):
    FULL = "full"  # members: every item
    WIDER = "wider"  # the distribution list: confidential items left out


class MinutesDelivery(Base):
    """The send log: who got which version, which copy, through which outbox entry."""

    __tablename__ = "minutes_deliveries"

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(
        ForeignKey("minutes_versions.id", ondelete="CASCADE"), index=True)
    recipient: Mapped[str]  # the address
    recipient_name: Mapped[str] = mapped_column(default="")
    copy: Mapped[DeliveryCopy] = mapped_column(str_enum(DeliveryCopy), default=DeliveryCopy.FULL)
    outbox_entry_id: Mapped[int | None] = mapped_column(
        ForeignKey("outbox_entries.id", ondelete="SET NULL"))
    queued_at: Mapped[datetime] = mapped_column(default=utcnow)


class ActionEventKind(enum.StrEnum):
    CREATED = "created"
    STATUS = "status"
    OWNER = "owner"
    DEADLINE = "deadline"
    ROUTED = "routed"  # "Agenderen op"
    DISCUSSED = "discussed"  # came back at a meeting and was talked about


class ActionPointEvent(Base):
    """One step in an action point's life: its status history and its route."""

    __tablename__ = "action_point_events"
    __table_args__ = (Index("ix_action_point_events_point_at", "action_point_id", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    action_point_id: Mapped[int] = mapped_column(
        ForeignKey("action_points.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(default=utcnow)
    kind: Mapped[ActionEventKind] = mapped_column(str_enum(ActionEventKind))
    old_value: Mapped[str] = mapped_column(String(512), default="")
    new_value: Mapped[str] = mapped_column(String(512), default="")
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meetings.id", ondelete="SET NULL"))
    actor: Mapped[str] = mapped_column(default="")
