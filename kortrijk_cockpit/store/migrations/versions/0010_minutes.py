"""minutes: attendance, item minutes, verslag versions and their send log; action point
history

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def _enum(name: str, *values: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=False, length=20)


def _add_reference(table: str, column: str, target: str) -> None:
    """As in 0009: SQLite takes the constraint only inline with the new column."""
    name = f"fk_{table}_{column}_{target}"
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"ALTER TABLE {table} ADD COLUMN {column} INTEGER "
                   f"CONSTRAINT {name} REFERENCES {target} (id) ON DELETE SET NULL")
        return
    op.add_column(table, sa.Column(column, sa.Integer(), nullable=True))
    op.create_foreign_key(op.f(name), table, target, [column], ["id"], ondelete="SET NULL")


def _fk(column: str, table: str, target: str, ondelete: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], [f"{target}.id"],
                                   name=op.f(f"fk_{table}_{column}_{target}"), ondelete=ondelete)


def upgrade() -> None:
    stamp = sa.DateTime(timezone=True)
    op.add_column("meetings", sa.Column("minutes_locked_at", stamp, nullable=True))
    _add_reference("action_points", "origin_agenda_item_id", "agenda_items")
    op.add_column("action_points", sa.Column("created_at", stamp, nullable=True))
    _add_reference("agenda_items", "approves_meeting_id", "meetings")

    op.create_table(
        "attendance",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("status", _enum("attendancestatus", "present", "excused", "absent"),
                  nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        _fk("meeting_id", "attendance", "meetings", "CASCADE"),
        _fk("person_id", "attendance", "people", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attendance")),
        sa.UniqueConstraint("meeting_id", "name", name="uq_attendance"),
    )
    op.create_index(op.f("ix_attendance_meeting_id"), "attendance", ["meeting_id"])
    op.create_table(
        "item_minutes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("agenda_item_id", sa.Integer(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("decision", sa.Text(), nullable=False),
        sa.Column("updated_at", stamp, nullable=False),
        sa.Column("updated_by", sa.String(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        _fk("meeting_id", "item_minutes", "meetings", "CASCADE"),
        _fk("agenda_item_id", "item_minutes", "agenda_items", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_item_minutes")),
        sa.UniqueConstraint("agenda_item_id", name=op.f("uq_item_minutes_agenda_item_id")),
    )
    op.create_index(op.f("ix_item_minutes_meeting_id"), "item_minutes", ["meeting_id"])
    op.create_table(
        "minutes_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("created_at", stamp, nullable=False),
        sa.Column("created_by", sa.String(), nullable=False),
        *(sa.Column(name, sa.String(length=1024), nullable=False) for name in (
            "docx_path", "pdf_path", "decisions_docx_path", "decisions_pdf_path")),
        sa.Column("snapshot", sa.JSON(), nullable=False),
        sa.Column("approved_at", stamp, nullable=True),
        sa.Column("approved_in_meeting_id", sa.Integer(), nullable=True),
        _fk("meeting_id", "minutes_versions", "meetings", "CASCADE"),
        _fk("approved_in_meeting_id", "minutes_versions", "meetings", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_minutes_versions")),
        sa.UniqueConstraint("meeting_id", "number", name="uq_minutes_versions"),
    )
    op.create_index(op.f("ix_minutes_versions_meeting_id"), "minutes_versions", ["meeting_id"])
    op.create_table(
        "minutes_deliveries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("recipient", sa.String(), nullable=False),
        sa.Column("recipient_name", sa.String(), nullable=False),
        sa.Column("copy", _enum("deliverycopy", "full", "wider"), nullable=False),
        sa.Column("outbox_entry_id", sa.Integer(), nullable=True),
        sa.Column("queued_at", stamp, nullable=False),
        _fk("version_id", "minutes_deliveries", "minutes_versions", "CASCADE"),
        _fk("outbox_entry_id", "minutes_deliveries", "outbox_entries", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_minutes_deliveries")),
    )
    op.create_index(op.f("ix_minutes_deliveries_version_id"), "minutes_deliveries",
                    ["version_id"])
    op.create_table(
        "action_point_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("action_point_id", sa.Integer(), nullable=False),
        sa.Column("at", stamp, nullable=False),
        sa.Column("kind", _enum("actioneventkind", "created", "status", "owner", "deadline",
                                "routed", "discussed"), nullable=False),
        sa.Column("old_value", sa.String(length=512), nullable=False),
        sa.Column("new_value", sa.String(length=512), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=True),
        sa.Column("actor", sa.String(), nullable=False),
        _fk("action_point_id", "action_point_events", "action_points", "CASCADE"),
        _fk("meeting_id", "action_point_events", "meetings", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_action_point_events")),
    )
    op.create_index("ix_action_point_events_point_at", "action_point_events",
                    ["action_point_id", "at"])


def downgrade() -> None:
    op.drop_index("ix_action_point_events_point_at", table_name="action_point_events")
    op.drop_table("action_point_events")
    op.drop_index(op.f("ix_minutes_deliveries_version_id"), table_name="minutes_deliveries")
    op.drop_table("minutes_deliveries")
    op.drop_index(op.f("ix_minutes_versions_meeting_id"), table_name="minutes_versions")
    op.drop_table("minutes_versions")
    op.drop_index(op.f("ix_item_minutes_meeting_id"), table_name="item_minutes")
    op.drop_table("item_minutes")
    op.drop_index(op.f("ix_attendance_meeting_id"), table_name="attendance")
    op.drop_table("attendance")
    op.drop_column("agenda_items", "approves_meeting_id")
    for column in ("created_at", "origin_agenda_item_id"):
        op.drop_column("action_points", column)
    op.drop_column("meetings", "minutes_locked_at")
