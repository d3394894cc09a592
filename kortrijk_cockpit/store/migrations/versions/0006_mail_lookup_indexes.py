"""mail lookup indexes: the sender in any case, and the category filter on PostgreSQL

- `ix_mails_sender_lower_received` on (lower(sender_email), received_at) replaces
  0005's plain index: Exchange spells one address in several cases, so the
  suggestions compare lower case, and still read the 200 newest by index.
- PostgreSQL: a trigram GIN index on the categories' JSON text serves the
  `LIKE '%"Actie AD"%'` of the category view, `categorie:` and Wacht op antwoord
  (100,000 mails: ~50 -> ~25 ms). It needs the pg_trgm extension; where it is
  not installed and this login may not create it, the index is left out and the
  lists scan instead (slower, same answers).

Both are expression indexes, made here only: SQLite cannot reflect them, so the
models do not declare them (tests/integration/test_store.py knows them by name).

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import logging

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

SENDER_INDEX = "ix_mails_sender_lower_received"
CATEGORY_INDEX = "ix_mails_categories_trgm"
_log = logging.getLogger(__name__)


def upgrade() -> None:
    op.drop_index("ix_mails_sender_received", table_name="mails")
    op.execute(f"CREATE INDEX {SENDER_INDEX} ON mails (lower(sender_email), received_at)")
    if op.get_bind().dialect.name == "postgresql" and _trigrams_available():
        # The expression must be the one SQLAlchemy writes for CAST(categories AS TEXT).
        # No pending list (fastupdate): a synced page is in the index at once, rather
        # than scanned from the list until autovacuum merges it (measured: no gain then).
        op.execute(f"CREATE INDEX {CATEGORY_INDEX} ON mails "
                   "USING gin ((CAST(categories AS TEXT)) gin_trgm_ops) "
                   "WITH (fastupdate = off)")


def _trigrams_available() -> bool:
    bind = op.get_bind()
    if bind.scalar(sa.text("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")):
        return True
    if not bind.scalar(sa.text("SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'")):
        _log.info("pg_trgm is not installed on the server: no category index")
        return False
    try:
        # pg_trgm is a trusted extension: a database owner may create it, others not.
        # A savepoint, so a refusal leaves the upgrade's transaction usable.
        with bind.begin_nested():
            bind.execute(sa.text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
    except sa.exc.DBAPIError as exc:
        _log.info("pg_trgm could not be created (%s): no category index",
                  type(exc.orig).__name__)
        return False
    return True


def downgrade() -> None:
    op.execute(f"DROP INDEX IF EXISTS {CATEGORY_INDEX}")
    op.drop_index(SENDER_INDEX, table_name="mails")
    op.create_index("ix_mails_sender_received", "mails", ["sender_email", "received_at"])
