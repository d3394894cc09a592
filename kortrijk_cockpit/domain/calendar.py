"""The director's calendar as synced from Exchange."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kortrijk_cockpit.domain.base import Base, Versioned, str_enum
from kortrijk_cockpit.domain.mail import Sensitivity


class CalendarEvent(Versioned, Base):
    """One appointment or one occurrence of a recurring series.

    A private appointment is kept only as a busy block: `is_private_block`
    set, subject "Privé", no body, location or attendees.
    """

    __tablename__ = "calendar_events"
    __table_args__ = (Index("ix_calendar_events_start", "start_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    exchange_id: Mapped[str | None] = mapped_column(String(512), unique=True)
    change_key: Mapped[str | None] = mapped_column(String(255))
    series_exchange_id: Mapped[str | None] = mapped_column(String(512))
    subject: Mapped[str] = mapped_column(String(1024), default="")
    start_at: Mapped[datetime]
    end_at: Mapped[datetime]
    is_all_day: Mapped[bool] = mapped_column(Boolean, default=False)
    location: Mapped[str] = mapped_column(default="")
    organizer: Mapped[str] = mapped_column(default="")
    attendees: Mapped[list[str]] = mapped_column(JSON, default=list)
    categories: Mapped[list[str]] = mapped_column(JSON, default=list)
    body_text: Mapped[str] = mapped_column(Text, default="")
    sensitivity: Mapped[Sensitivity] = mapped_column(
        str_enum(Sensitivity), default=Sensitivity.NORMAL
    )
    is_private_block: Mapped[bool] = mapped_column(Boolean, default=False)
    is_cancelled: Mapped[bool] = mapped_column(Boolean, default=False)
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meetings.id", ondelete="SET NULL"), index=True
    )
    ical_uid: Mapped[str | None] = mapped_column(String(512))  # an imported .ics event's UID
    imported_from: Mapped[str | None] = mapped_column(String(1024))  # local only, never pushed
    # External event (gets a fiche) marked by hand: True/False; None = by the rules
    # (organiser outside the city's domains, or an "extern" category). Local only.
    external_mark: Mapped[bool | None] = mapped_column(Boolean)
