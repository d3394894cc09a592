"""Reporting flows (BBC, management reporting) and what teams deliver for them."""

from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kortrijk_cockpit.domain.base import Base, Versioned, str_enum


class DeliverableStatus(enum.StrEnum):
    OPEN = "open"
    SUBMITTED = "submitted"
    APPROVED = "approved"
    LATE = "late"


class ReportingCycle(Versioned, Base):
    __tablename__ = "reporting_cycles"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    kind: Mapped[str] = mapped_column(String(40), default="")  # "bbc", "management", ...
    period: Mapped[str] = mapped_column(String(40), default="")  # "2026", "2026-H1", ...
    starts_on: Mapped[date | None] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)

    deliverables: Mapped[list[Deliverable]] = relationship(
        back_populates="cycle", cascade="all, delete-orphan", passive_deletes=True
    )


class Deliverable(Versioned, Base):
    __tablename__ = "deliverables"

    id: Mapped[int] = mapped_column(primary_key=True)
    cycle_id: Mapped[int] = mapped_column(
        ForeignKey("reporting_cycles.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(512))
    team: Mapped[str] = mapped_column(default="")
    owner_name: Mapped[str] = mapped_column(default="")
    due_date: Mapped[date] = mapped_column(Date)
    status: Mapped[DeliverableStatus] = mapped_column(
        str_enum(DeliverableStatus), default=DeliverableStatus.OPEN
    )
    delivered_at: Mapped[datetime | None]

    cycle: Mapped[ReportingCycle] = relationship(back_populates="deliverables")
