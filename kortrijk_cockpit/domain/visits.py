"""Visits and tours (bezoek / rondleiding): a checklist per appointment, from a template.

The template is kept per kind: a tour needs a guide and a route, a visit a
room and a gift, and two short lists are easier to keep than one with
"only for" marks. A visit keeps a copy of its appointment's subject and start
so its checklist outlives the appointment (cancelled, then removed by the
next sync): the link is set to NULL, the work done stays.
"""

from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kortrijk_cockpit.domain.base import Base, Versioned, str_enum


class VisitKind(enum.StrEnum):
    VISIT = "bezoek"
    TOUR = "rondleiding"


class VisitTemplateItem(Versioned, Base):
    """One line of the checklist template the office keeps for a kind."""

    __tablename__ = "visit_template_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[VisitKind] = mapped_column(str_enum(VisitKind), index=True)
    label: Mapped[str]
    position: Mapped[int] = mapped_column(Integer, default=0)
    # Working days from the appointment's day: -3 is three working days before.
    offset_days: Mapped[int] = mapped_column(Integer, default=0)


class Visit(Versioned, Base):
    __tablename__ = "visits"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int | None] = mapped_column(
        ForeignKey("calendar_events.id", ondelete="SET NULL"), unique=True
    )
    kind: Mapped[VisitKind] = mapped_column(str_enum(VisitKind))
    subject: Mapped[str] = mapped_column(String(1024), default="")
    start_at: Mapped[datetime]
    created_at: Mapped[datetime]


class VisitChecklistItem(Versioned, Base):
    __tablename__ = "visit_checklist_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    label: Mapped[str]
    owner_name: Mapped[str] = mapped_column(default="")
    owner_person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL")
    )
    offset_days: Mapped[int] = mapped_column(Integer, default=0)
    # Set only when she picked a date; else the date follows the appointment.
    due_date: Mapped[date | None] = mapped_column(Date)
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(Text, default="")
