"""Discussiefiches: briefs that prepare the director for external events."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kortrijk_cockpit.domain.base import Base, Versioned, str_enum
from kortrijk_cockpit.domain.people import Person


class BriefStatus(enum.StrEnum):
    DRAFT = "draft"  # concept (also: sent back with comments)
    READY = "ready"  # ter nazicht
    APPROVED = "approved"  # goedgekeurd


class Brief(Versioned, Base):
    __tablename__ = "briefs"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str]
    calendar_event_id: Mapped[int | None] = mapped_column(
        ForeignKey("calendar_events.id", ondelete="SET NULL")
    )
    starts_at: Mapped[datetime | None]
    place: Mapped[str] = mapped_column(default="")
    organiser: Mapped[str] = mapped_column(default="")
    director_role: Mapped[str] = mapped_column(default="")
    logistics: Mapped[str] = mapped_column(Text, default="")
    objective: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[str] = mapped_column(Text, default="")
    key_messages: Mapped[str] = mapped_column(Text, default="")
    asks_offers: Mapped[str] = mapped_column(Text, default="")
    sensitive_topics: Mapped[str] = mapped_column(Text, default="")
    background: Mapped[str] = mapped_column(Text, default="")
    follow_up: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[BriefStatus] = mapped_column(str_enum(BriefStatus), default=BriefStatus.DRAFT)
    approved_at: Mapped[datetime | None]
    # The kind of event ("netwerkevent", "werkbezoek", ...): which sections it shows.
    event_type: Mapped[str] = mapped_column(String(40), default="")
    # The director's last comments when he sent it back (they come back to the assistant).
    comments: Mapped[str] = mapped_column(Text, default="")
    approved_by: Mapped[str] = mapped_column(default="")

    people: Mapped[list[BriefPerson]] = relationship(
        back_populates="brief",
        order_by="BriefPerson.position",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )


class BriefVersion(Base):
    """A fiche as it stood at a review step or when published: earlier versions stay
    readable, and the published one has its documents."""

    __tablename__ = "brief_versions"
    __table_args__ = (UniqueConstraint("brief_id", "number", name="uq_brief_versions"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    brief_id: Mapped[int] = mapped_column(ForeignKey("briefs.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(default="")
    status: Mapped[BriefStatus] = mapped_column(str_enum(BriefStatus))
    step: Mapped[str] = mapped_column(String(40), default="")  # "ter nazicht", "goedgekeurd", ...
    comments: Mapped[str] = mapped_column(Text, default="")
    snapshot: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    docx_path: Mapped[str] = mapped_column(String(1024), default="")
    pdf_path: Mapped[str] = mapped_column(String(1024), default="")


class BriefPerson(Base):
    """A person worth meeting at the event, with what to talk about."""

    __tablename__ = "brief_people"

    id: Mapped[int] = mapped_column(primary_key=True)
    brief_id: Mapped[int] = mapped_column(ForeignKey("briefs.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    open_matters: Mapped[str] = mapped_column(Text, default="")
    opener: Mapped[str] = mapped_column(Text, default="")

    brief: Mapped[Brief] = relationship(back_populates="people")
    person: Mapped[Person] = relationship()
