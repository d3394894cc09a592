"""mail sender index: suggestions by sender and the van: filter stay fast at 100k mails

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_mails_sender_received", "mails", ["sender_email", "received_at"])


def downgrade() -> None:
    op.drop_index("ix_mails_sender_received", table_name="mails")
