"""Reporting flows (BBC, management reporting) planned backwards from the council, what
teams deliver for them, and the projects the office runs."""

from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kortrijk_cockpit.domain.base import Base, Versioned, str_enum


class DeliverableStatus(enum.StrEnum):
    REQUESTED = "requested"  # gevraagd
    IN_PROGRESS = "in_progress"  # in opmaak
    RECEIVED = "received"  # ontvangen
    APPROVED = "approved"  # goedgekeurd


OPEN_DELIVERABLES = (DeliverableStatus.REQUESTED, DeliverableStatus.IN_PROGRESS)


class MilestoneKind(enum.StrEnum):
    DRAFTS = "drafts"  # draft from the teams by
    MATDC = "matdc"  # on the MAT/DC by
    COLLEGE = "college"  # on the college by
    COUNCIL = "council"  # the council decides
    AGENCY = "agency"  # the digital report to the Flemish agency
    DEADLINE = "deadline"  # a fixed point without council (the college's 1 March)


class ReportingCycle(Versioned, Base):
    __tablename__ = "reporting_cycles"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    kind: Mapped[str] = mapped_column(String(40), default="")  # "bbc", "management", ...
    period: Mapped[str] = mapped_column(String(40), default="")  # "2026", "2026-H1", ...
    starts_on: Mapped[date | None] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
    template: Mapped[str] = mapped_column(String(40), default="")  # its year template
    year: Mapped[int | None]
    deadline: Mapped[date | None] = mapped_column(Date)  # the fixed point planned back from

    deliverables: Mapped[list[Deliverable]] = relationship(
        back_populates="cycle", cascade="all, delete-orphan", passive_deletes=True
    )
    milestones: Mapped[list[ReportingMilestone]] = relationship(
        back_populates="cycle", order_by="ReportingMilestone.due_on",
        cascade="all, delete-orphan", passive_deletes=True
    )


class ReportingMilestone(Base):
    """A date the cycle must make: "op het college tegen", "op het MAT/DC tegen", ..."""

    __tablename__ = "reporting_milestones"

    id: Mapped[int] = mapped_column(primary_key=True)
    cycle_id: Mapped[int] = mapped_column(
        ForeignKey("reporting_cycles.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[MilestoneKind] = mapped_column(str_enum(MilestoneKind))
    title: Mapped[str] = mapped_column(String(255), default="")
    due_on: Mapped[date] = mapped_column(Date)
    planned_on: Mapped[date | None] = mapped_column(Date)  # where the rule put it, if moved
    note: Mapped[str] = mapped_column(Text, default="")  # Dutch: why it moved
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meetings.id", ondelete="SET NULL"))
    agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="SET NULL"))

    cycle: Mapped[ReportingCycle] = relationship(back_populates="milestones")


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
        str_enum(DeliverableStatus), default=DeliverableStatus.REQUESTED
    )
    delivered_at: Mapped[datetime | None]
    directie: Mapped[str] = mapped_column(default="")
    owner_person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"))
    milestone_id: Mapped[int | None] = mapped_column(
        ForeignKey("reporting_milestones.id", ondelete="SET NULL"))
    # The received document: a mail (its attachment) linked from Mail, as for stukken.
    document_mail_id: Mapped[int | None] = mapped_column(
        ForeignKey("mails.id", ondelete="SET NULL"))
    document_name: Mapped[str] = mapped_column(default="")
    frequency: Mapped[str] = mapped_column(String(20), default="")  # management reports
    requested_at: Mapped[datetime | None]
    reminded_at: Mapped[datetime | None]

    cycle: Mapped[ReportingCycle] = relationship(back_populates="deliverables")


class ProjectStatus(enum.StrEnum):
    PLANNED = "planned"
    RUNNING = "running"
    ON_HOLD = "on_hold"
    DONE = "done"


class Project(Versioned, Base):
    __tablename__ = "projects"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(255))
    goal: Mapped[str] = mapped_column(Text, default="")
    owner_person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"))
    owner_name: Mapped[str] = mapped_column(default="")
    status: Mapped[ProjectStatus] = mapped_column(
        str_enum(ProjectStatus), default=ProjectStatus.PLANNED)
    starts_on: Mapped[date | None] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
    is_own: Mapped[bool] = mapped_column(default=False)  # the assistant runs it herself
    notes: Mapped[str] = mapped_column(Text, default="")

    milestones: Mapped[list[ProjectMilestone]] = relationship(
        back_populates="project", order_by="ProjectMilestone.due_on",
        cascade="all, delete-orphan", passive_deletes=True
    )
    links: Mapped[list[ProjectLink]] = relationship(
        back_populates="project", cascade="all, delete-orphan", passive_deletes=True
    )


class ProjectMilestone(Base):
    __tablename__ = "project_milestones"

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(
        ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(255))
    due_on: Mapped[date] = mapped_column(Date)
    done_on: Mapped[date | None] = mapped_column(Date)

    project: Mapped[Project] = relationship(back_populates="milestones")


class ProjectLink(Base):
    """An action point or a mail that belongs to a project."""

    __tablename__ = "project_links"
    __table_args__ = (UniqueConstraint("project_id", "kind", "ref_id", name="uq_project_links"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(
        ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # "action_point" | "mail"
    ref_id: Mapped[int]

    project: Mapped[Project] = relationship(back_populates="links")
