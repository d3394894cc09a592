"""full-text search over document requests (stukken)

The office asks for "stukken" and searches for that word, which no request's
own text contains: the index holds it as a fixed first term beside the title
and who was asked. On SQLite that needs a plain FTS5 table (an external-content
one can only index columns the table has), filled by triggers; on PostgreSQL a
generated tsvector column ('dutch') with a GIN index, as in 0002.
`store/search.py` must match these columns.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

TABLE = "document_requests"
KIND_WORD = "stukken"
INDEXED = ("title", "requested_from", "requested_from_email")


def _sqlite_upgrade() -> None:
    fts = f"{TABLE}_fts"
    cols = ", ".join(INDEXED)
    new_vals = ", ".join(f"new.{c}" for c in INDEXED)
    insert_new = (f"INSERT INTO {fts}(rowid, kind, {cols}) "
                  f"VALUES (new.id, '{KIND_WORD}', {new_vals});")
    op.execute(f"CREATE VIRTUAL TABLE {fts} USING fts5(kind, {cols}, "
               "tokenize='unicode61 remove_diacritics 2')")
    op.execute(f"CREATE TRIGGER {TABLE}_fts_ai AFTER INSERT ON {TABLE} BEGIN {insert_new} END")
    op.execute(f"CREATE TRIGGER {TABLE}_fts_ad AFTER DELETE ON {TABLE} BEGIN "
               f"DELETE FROM {fts} WHERE rowid = old.id; END")
    op.execute(f"CREATE TRIGGER {TABLE}_fts_au AFTER UPDATE OF {cols} ON {TABLE} BEGIN "
               f"DELETE FROM {fts} WHERE rowid = old.id; {insert_new} END")
    op.execute(f"INSERT INTO {fts}(rowid, kind, {cols}) "
               f"SELECT id, '{KIND_WORD}', {cols} FROM {TABLE}")


def _postgres_upgrade() -> None:
    doc = " || ' ' || ".join([f"'{KIND_WORD}'", *(f"coalesce({c}, '')" for c in INDEXED)])
    op.execute(f"ALTER TABLE {TABLE} ADD COLUMN search_vector tsvector "
               f"GENERATED ALWAYS AS (to_tsvector('dutch', {doc})) STORED")
    op.execute(f"CREATE INDEX ix_{TABLE}_search ON {TABLE} USING gin (search_vector)")


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_upgrade()
    else:
        _postgres_upgrade()


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for suffix in ("ai", "ad", "au"):
            op.execute(f"DROP TRIGGER IF EXISTS {TABLE}_fts_{suffix}")
        op.execute(f"DROP TABLE IF EXISTS {TABLE}_fts")
    else:
        op.execute(f"DROP INDEX IF EXISTS ix_{TABLE}_search")
        op.execute(f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS search_vector")
