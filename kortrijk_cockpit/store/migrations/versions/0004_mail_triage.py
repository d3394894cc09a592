"""mail triage: outcomes, links, standard texts, meeting mail, Later, waiting, imports

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ALTERs, not batch mode: rebuilding `mails` on SQLite would drop the
    # full-text triggers of 0002.
    for column in (
        sa.Column("item_class", sa.String(length=128), nullable=False,
                  server_default="IPM.Note"),
        sa.Column("meeting", sa.JSON(), nullable=True),
        sa.Column("internet_message_id", sa.String(length=998), nullable=True),
        sa.Column("snoozed_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("waiting_due_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("imported_from", sa.String(length=1024), nullable=True),
    ):
        op.add_column("mails", column)
    op.create_index("ix_mails_folder_sender", "mails", ["folder_id", "sender_name"])
    op.create_index("ix_mails_message_id", "mails", ["internet_message_id"])
    op.add_column("calendar_events", sa.Column("ical_uid", sa.String(length=512), nullable=True))
    op.add_column("calendar_events",
                  sa.Column("imported_from", sa.String(length=1024), nullable=True))

    op.create_table(
        "mail_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("mail_id", sa.Integer(), nullable=False),
        sa.Column("target_kind", sa.Enum("action_point", "agenda_item", "brief", "person",
                                         name="linkkind", native_enum=False, length=20),
                  nullable=False),
        sa.Column("target_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["mail_id"], ["mails.id"],
                                name=op.f("fk_mail_links_mail_id_mails"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mail_links")),
        sa.UniqueConstraint("mail_id", "target_kind", "target_id", name="uq_mail_links_target"),
    )
    op.create_index("ix_mail_links_target", "mail_links", ["target_kind", "target_id"])
    op.create_index(op.f("ix_mail_links_mail_id"), "mail_links", ["mail_id"])

    op.create_table(
        "triage_outcomes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("shortcut", sa.String(length=16), nullable=False),
        sa.Column("colour", sa.String(length=16), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_triage_outcomes")),
        sa.UniqueConstraint("name", name=op.f("uq_triage_outcomes_name")),
    )
    op.create_table(
        "text_templates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_text_templates")),
    )
    op.create_table(
        "trusted_image_senders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("address", sa.String(length=320), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_trusted_image_senders")),
        sa.UniqueConstraint("address", name=op.f("uq_trusted_image_senders_address")),
    )


def downgrade() -> None:
    op.drop_table("trusted_image_senders")
    op.drop_table("text_templates")
    op.drop_table("triage_outcomes")
    op.drop_index("ix_mail_links_mail_id", table_name="mail_links")
    op.drop_index("ix_mail_links_target", table_name="mail_links")
    op.drop_table("mail_links")
    op.drop_column("calendar_events", "imported_from")
    op.drop_column("calendar_events", "ical_uid")
    op.drop_index("ix_mails_message_id", table_name="mails")
    op.drop_index("ix_mails_folder_sender", table_name="mails")
    for column in ("imported_from", "waiting_due_at", "snoozed_until",
                   "internet_message_id", "meeting", "item_class"):
        op.drop_column("mails", column)
