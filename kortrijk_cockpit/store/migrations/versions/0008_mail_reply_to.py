"""mail: Reply-To, and who sent a mail on someone's behalf

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ALTERs, not batch mode: rebuilding `mails` on SQLite would drop the
    # full-text triggers of 0002. Mails already stored keep an empty Reply-To until
    # Exchange changes them; sender_* stays their Sender until then.
    op.add_column("mails", sa.Column("reply_to", sa.JSON(), nullable=False,
                                     server_default="[]"))
    op.add_column("mails", sa.Column("sent_by", sa.String(length=1024), nullable=False,
                                     server_default=""))


def downgrade() -> None:
    op.drop_column("mails", "sent_by")
    op.drop_column("mails", "reply_to")
