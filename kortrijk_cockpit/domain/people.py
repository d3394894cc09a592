"""People and organisations the office deals with.

Notes on external people are personal data: each person records why it is
kept (`purpose`) and until when (`retain_until`).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Boolean, Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kortrijk_cockpit.domain.base import Base, Versioned


class Organisation(Versioned, Base):
    __tablename__ = "organisations"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(unique=True)
    kind: Mapped[str] = mapped_column(String(80), default="")
    website: Mapped[str] = mapped_column(default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    people: Mapped[list[Person]] = relationship(back_populates="organisation")


class Person(Versioned, Base):
    __tablename__ = "people"

    id: Mapped[int] = mapped_column(primary_key=True)
    full_name: Mapped[str]
    function: Mapped[str] = mapped_column(default="")
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL"), index=True
    )
    email: Mapped[str] = mapped_column(default="", index=True)
    phone: Mapped[str] = mapped_column(String(64), default="")
    mandate: Mapped[str] = mapped_column(default="")
    is_internal: Mapped[bool] = mapped_column(default=False)
    notes: Mapped[str] = mapped_column(Text, default="")
    purpose: Mapped[str] = mapped_column(default="")
    retain_until: Mapped[date | None] = mapped_column(Date)
    last_contact_at: Mapped[datetime | None]
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)
    # Where the record came from: "mail", "agenda", "hand", "csv", "fiche" (an attendee).
    source: Mapped[str] = mapped_column(String(32), default="")
    # Made from a name nobody confirmed yet (a pasted attendee list): to check, then keep.
    to_confirm: Mapped[bool] = mapped_column(Boolean, default=False)

    organisation: Mapped[Organisation | None] = relationship(back_populates="people")
