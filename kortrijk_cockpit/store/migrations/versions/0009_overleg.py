"""overleg: series settings, members and themes; agenda items and stukken grow

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

_KIND = sa.Enum("approval", "decision", "advice", "discussion", "information",
                name="agendaitemkind", native_enum=False, create_constraint=False, length=20)


def _add_reference(table: str, column: str, target: str) -> None:
    """An id column pointing at `target` (ON DELETE SET NULL). SQLite cannot add a
    constraint to a table, but takes it inline with the new column."""
    name = f"fk_{table}_{column}_{target}"
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"ALTER TABLE {table} ADD COLUMN {column} INTEGER "
                   f"CONSTRAINT {name} REFERENCES {target} (id) ON DELETE SET NULL")
        return
    op.add_column(table, sa.Column(column, sa.Integer(), nullable=True))
    op.create_foreign_key(op.f(name), table, target, [column], ["id"], ondelete="SET NULL")


def upgrade() -> None:
    # Plain ADD COLUMNs, not batch mode: rebuilding these tables on SQLite would drop
    # the full-text triggers of 0002/0003.
    add = op.add_column
    _add_reference("meeting_series", "chair_person_id", "people")
    _add_reference("meeting_series", "minute_taker_person_id", "people")
    for name in ("distribution", "agenda_sections", "closures"):
        add("meeting_series", sa.Column(name, sa.JSON(), nullable=False, server_default="[]"))
    add("meeting_series", sa.Column("agenda_close_days", sa.Integer(), nullable=False,
                                    server_default="3"))
    add("meeting_series", sa.Column("agenda_close_time", sa.String(length=5), nullable=False,
                                    server_default="12:00"))
    add("meeting_series", sa.Column("stukken_lead_days", sa.Integer(), nullable=False,
                                    server_default="3"))

    op.create_table(
        "series_members",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("series_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["series_id"], ["meeting_series.id"],
                                name=op.f("fk_series_members_series_id_meeting_series"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"],
                                name=op.f("fk_series_members_person_id_people"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_series_members")),
        sa.UniqueConstraint("series_id", "person_id", name="uq_series_members"),
    )
    op.create_index(op.f("ix_series_members_series_id"), "series_members", ["series_id"])
    op.create_table(
        "themes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("series_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=512), nullable=False),
        sa.Column("directorate", sa.String(), nullable=False),
        sa.Column("owner_name", sa.String(), nullable=False),
        sa.Column("kind", _KIND, nullable=False),
        sa.Column("duration_minutes", sa.Integer(), nullable=False),
        sa.Column("cadence_weeks", sa.Integer(), nullable=True),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("is_bbc", sa.Boolean(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["series_id"], ["meeting_series.id"],
                                name=op.f("fk_themes_series_id_meeting_series"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_themes")),
    )
    op.create_index(op.f("ix_themes_series_id"), "themes", ["series_id"])

    add("agenda_items", sa.Column("section", sa.String(), nullable=False, server_default=""))
    add("agenda_items", sa.Column("is_confidential", sa.Boolean(), nullable=False,
                                  server_default=sa.false()))
    _add_reference("agenda_items", "theme_id", "themes")
    op.create_index(op.f("ix_agenda_items_theme_id"), "agenda_items", ["theme_id"])
    _add_reference("agenda_items", "action_point_id", "action_points")
    add("agenda_items", sa.Column("added_at", sa.DateTime(timezone=True), nullable=True))

    add("document_requests", sa.Column("reminded_at", sa.DateTime(timezone=True),
                                       nullable=True))
    _add_reference("document_requests", "received_mail_id", "mails")
    _add_reference("document_requests", "received_attachment_id", "attachments")
    add("document_requests", sa.Column("saved_path", sa.String(length=1024), nullable=True))


def downgrade() -> None:
    for column in ("saved_path", "received_attachment_id", "received_mail_id", "reminded_at"):
        op.drop_column("document_requests", column)
    op.drop_index(op.f("ix_agenda_items_theme_id"), table_name="agenda_items")
    for column in ("added_at", "action_point_id", "theme_id", "is_confidential", "section"):
        op.drop_column("agenda_items", column)
    op.drop_index(op.f("ix_themes_series_id"), table_name="themes")
    op.drop_table("themes")
    op.drop_index(op.f("ix_series_members_series_id"), table_name="series_members")
    op.drop_table("series_members")
    for column in ("stukken_lead_days", "agenda_close_time", "agenda_close_days", "closures",
                   "agenda_sections", "distribution", "minute_taker_person_id",
                   "chair_person_id"):
        op.drop_column("meeting_series", column)
