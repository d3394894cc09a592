"""people and fiches: tags, source and to-confirm on people; external mark on events;
event type, comments and versions of fiches

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMNs (no batch mode: the full-text triggers of 0002/0003 stay).
    add = op.add_column
    add("people", sa.Column("tags", sa.JSON(), nullable=False, server_default="[]"))
    add("people", sa.Column("source", sa.String(length=32), nullable=False, server_default=""))
    add("people", sa.Column("to_confirm", sa.Boolean(), nullable=False,
                            server_default=sa.false()))
    add("calendar_events", sa.Column("external_mark", sa.Boolean(), nullable=True))
    add("briefs", sa.Column("event_type", sa.String(length=40), nullable=False,
                            server_default=""))
    add("briefs", sa.Column("comments", sa.Text(), nullable=False, server_default=""))
    add("briefs", sa.Column("approved_by", sa.String(), nullable=False, server_default=""))
    op.create_table(
        "brief_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("brief_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(), nullable=False),
        sa.Column("status", sa.Enum("draft", "ready", "approved", name="briefstatus",
                                    native_enum=False, create_constraint=False, length=20),
                  nullable=False),
        sa.Column("step", sa.String(length=40), nullable=False),
        sa.Column("comments", sa.Text(), nullable=False),
        sa.Column("snapshot", sa.JSON(), nullable=False),
        sa.Column("docx_path", sa.String(length=1024), nullable=False),
        sa.Column("pdf_path", sa.String(length=1024), nullable=False),
        sa.ForeignKeyConstraint(["brief_id"], ["briefs.id"],
                                name=op.f("fk_brief_versions_brief_id_briefs"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_brief_versions")),
        sa.UniqueConstraint("brief_id", "number", name="uq_brief_versions"),
    )
    op.create_index(op.f("ix_brief_versions_brief_id"), "brief_versions", ["brief_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_brief_versions_brief_id"), table_name="brief_versions")
    op.drop_table("brief_versions")
    for column in ("approved_by", "comments", "event_type"):
        op.drop_column("briefs", column)
    op.drop_column("calendar_events", "external_mark")
    for column in ("to_confirm", "source", "tags"):
        op.drop_column("people", column)
