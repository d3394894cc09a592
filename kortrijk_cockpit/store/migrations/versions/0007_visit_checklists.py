"""visits and tours: checklist templates per kind, a checklist per appointment

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_KIND = sa.Enum("bezoek", "rondleiding", name="visitkind", native_enum=False,
                create_constraint=False, length=20)

# The office's starting template (working days from the appointment's day);
# from here on she keeps it herself in "Checklist voor bezoeken".
DEFAULT_ITEMS = (("zaal", -10), ("catering", -3), ("parking", -2), ("gids", -5),
                 ("onthaal", -1), ("geschenk", -3), ("pers", -2), ("opvolgmail", 1))


def upgrade() -> None:
    template = op.create_table(
        "visit_template_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", _KIND, nullable=False),
        sa.Column("label", sa.String(length=255), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("offset_days", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visit_template_items")),
    )
    op.create_index(op.f("ix_visit_template_items_kind"), "visit_template_items", ["kind"])
    op.create_table(
        "visits",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=True),
        sa.Column("kind", _KIND, nullable=False),
        sa.Column("subject", sa.String(length=1024), nullable=False),
        sa.Column("start_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["event_id"], ["calendar_events.id"],
                                name=op.f("fk_visits_event_id_calendar_events"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visits")),
        sa.UniqueConstraint("event_id", name=op.f("uq_visits_event_id")),
    )
    op.create_table(
        "visit_checklist_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("visit_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=255), nullable=False),
        sa.Column("owner_name", sa.String(length=255), nullable=False),
        sa.Column("owner_person_id", sa.Integer(), nullable=True),
        sa.Column("offset_days", sa.Integer(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["visit_id"], ["visits.id"],
                                name=op.f("fk_visit_checklist_items_visit_id_visits"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["owner_person_id"], ["people.id"],
                                name=op.f("fk_visit_checklist_items_owner_person_id_people"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visit_checklist_items")),
    )
    op.create_index(op.f("ix_visit_checklist_items_visit_id"), "visit_checklist_items",
                    ["visit_id"])
    op.bulk_insert(template, [
        {"kind": kind, "label": label, "position": position, "offset_days": offset,
         "version": 1}
        for kind in ("bezoek", "rondleiding")
        for position, (label, offset) in enumerate(DEFAULT_ITEMS)
    ])


def downgrade() -> None:
    op.drop_index(op.f("ix_visit_checklist_items_visit_id"), table_name="visit_checklist_items")
    op.drop_table("visit_checklist_items")
    op.drop_table("visits")
    op.drop_index(op.f("ix_visit_template_items_kind"), table_name="visit_template_items")
    op.drop_table("visit_template_items")
