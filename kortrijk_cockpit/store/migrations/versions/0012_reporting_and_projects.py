"""reporting and projects: milestones planned back from the council, deliverables with
owner, directie and document; projects with milestones and links

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

# The deliverable statuses the issue names (gevraagd, in opmaak, ontvangen, goedgekeurd);
# "late" was never a status but a date gone by.
_STATUS = {"open": "requested", "late": "requested", "submitted": "received"}


def _add_reference(table: str, column: str, target: str) -> None:
    """SQLite takes the constraint only inline with the new column (as in 0009, 0010)."""
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


def _enum(name: str, *values: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=False, length=20)


def upgrade() -> None:
    add = op.add_column
    add("reporting_cycles", sa.Column("template", sa.String(length=40), nullable=False,
                                      server_default=""))
    add("reporting_cycles", sa.Column("year", sa.Integer(), nullable=True))
    add("reporting_cycles", sa.Column("deadline", sa.Date(), nullable=True))
    op.create_table(
        "reporting_milestones",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cycle_id", sa.Integer(), nullable=False),
        sa.Column("kind", _enum("milestonekind", "drafts", "matdc", "college", "council",
                                "agency", "deadline"), nullable=False),
        sa.Column("title", sa.String(length=255), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("planned_on", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=True),
        sa.Column("agenda_item_id", sa.Integer(), nullable=True),
        _fk("cycle_id", "reporting_milestones", "reporting_cycles", "CASCADE"),
        _fk("meeting_id", "reporting_milestones", "meetings", "SET NULL"),
        _fk("agenda_item_id", "reporting_milestones", "agenda_items", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reporting_milestones")),
    )
    op.create_index(op.f("ix_reporting_milestones_cycle_id"), "reporting_milestones",
                    ["cycle_id"])

    add("deliverables", sa.Column("directie", sa.String(), nullable=False, server_default=""))
    _add_reference("deliverables", "owner_person_id", "people")
    _add_reference("deliverables", "milestone_id", "reporting_milestones")
    _add_reference("deliverables", "document_mail_id", "mails")
    add("deliverables", sa.Column("document_name", sa.String(), nullable=False,
                                  server_default=""))
    add("deliverables", sa.Column("frequency", sa.String(length=20), nullable=False,
                                  server_default=""))
    stamp = sa.DateTime(timezone=True)
    add("deliverables", sa.Column("requested_at", stamp, nullable=True))
    add("deliverables", sa.Column("reminded_at", stamp, nullable=True))
    deliverables = sa.table("deliverables", sa.column("status", sa.String()))
    for old, new in _STATUS.items():
        op.execute(deliverables.update().where(deliverables.c.status == old)
                   .values(status=new))

    op.create_table(
        "projects",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("goal", sa.Text(), nullable=False),
        sa.Column("owner_person_id", sa.Integer(), nullable=True),
        sa.Column("owner_name", sa.String(), nullable=False),
        sa.Column("status", _enum("projectstatus", "planned", "running", "on_hold", "done"),
                  nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=True),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column("is_own", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        _fk("owner_person_id", "projects", "people", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_projects")),
    )
    op.create_table(
        "project_milestones",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=255), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=True),
        _fk("project_id", "project_milestones", "projects", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_project_milestones")),
    )
    op.create_index(op.f("ix_project_milestones_project_id"), "project_milestones",
                    ["project_id"])
    op.create_table(
        "project_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("ref_id", sa.Integer(), nullable=False),
        _fk("project_id", "project_links", "projects", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_project_links")),
        sa.UniqueConstraint("project_id", "kind", "ref_id", name="uq_project_links"),
    )
    op.create_index(op.f("ix_project_links_project_id"), "project_links", ["project_id"])


def downgrade() -> None:
    for table in ("project_links", "project_milestones"):
        op.drop_index(op.f(f"ix_{table}_project_id"), table_name=table)
        op.drop_table(table)
    op.drop_table("projects")
    deliverables = sa.table("deliverables", sa.column("status", sa.String()))
    for old, new in (("requested", "open"), ("in_progress", "open"), ("received", "submitted")):
        op.execute(deliverables.update().where(deliverables.c.status == old)
                   .values(status=new))
    with op.batch_alter_table("deliverables") as batch:
        for column in ("reminded_at", "requested_at", "frequency", "document_name",
                       "document_mail_id", "milestone_id", "owner_person_id", "directie"):
            batch.drop_column(column)
    op.drop_index(op.f("ix_reporting_milestones_cycle_id"), table_name="reporting_milestones")
    op.drop_table("reporting_milestones")
    with op.batch_alter_table("reporting_cycles") as batch:
        for column in ("deadline", "year", "template"):
            batch.drop_column(column)
