"""full-text search

FTS5 external-content tables kept current by triggers on SQLite; a stored
tsvector column ('dutch') with a GIN index on PostgreSQL. The columns indexed
per table are a snapshot here on purpose: `store/search.py` must match them,
and a later change to either is a new revision.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

INDEXED = {
    "mails": ("subject", "sender_name", "sender_email", "body_text"),
    "people": ("full_name", "function", "email", "mandate", "notes"),
    "meetings": ("title", "location", "minutes_text"),
    "agenda_items": ("title", "description", "owner_name", "directorate"),
    "action_points": ("title", "description", "owner_name"),
    "briefs": (
        "title", "place", "organiser", "objective", "key_messages", "background",
    ),
}


def _sqlite_upgrade(table: str, cols: tuple[str, ...]) -> None:
    fts = f"{table}_fts"
    col_list = ", ".join(cols)
    new_vals = ", ".join(f"new.{c}" for c in cols)
    old_vals = ", ".join(f"old.{c}" for c in cols)
    op.execute(
        f"CREATE VIRTUAL TABLE {fts} USING fts5({col_list}, content='{table}', "
        "content_rowid='id', tokenize='unicode61 remove_diacritics 2')"
    )
    op.execute(
        f"CREATE TRIGGER {table}_fts_ai AFTER INSERT ON {table} BEGIN "
        f"INSERT INTO {fts}(rowid, {col_list}) VALUES (new.id, {new_vals}); END"
    )
    op.execute(
        f"CREATE TRIGGER {table}_fts_ad AFTER DELETE ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {col_list}) VALUES ('delete', old.id, {old_vals}); END"
    )
    # Only a change to an indexed column rewrites the index row, so flag and
    # read-state updates during triage stay cheap.
    op.execute(
        f"CREATE TRIGGER {table}_fts_au AFTER UPDATE OF {col_list} ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {col_list}) VALUES ('delete', old.id, {old_vals}); "
        f"INSERT INTO {fts}(rowid, {col_list}) VALUES (new.id, {new_vals}); END"
    )
    op.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")


def _postgres_upgrade(table: str, cols: tuple[str, ...]) -> None:
    doc = " || ' ' || ".join(f"coalesce({c}, '')" for c in cols)
    op.execute(
        f"ALTER TABLE {table} ADD COLUMN search_vector tsvector "
        f"GENERATED ALWAYS AS (to_tsvector('dutch', {doc})) STORED"
    )
    op.execute(f"CREATE INDEX ix_{table}_search ON {table} USING gin (search_vector)")


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    for table, cols in INDEXED.items():
        if dialect == "sqlite":
            _sqlite_upgrade(table, cols)
        else:
            _postgres_upgrade(table, cols)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for table in INDEXED:
        if dialect == "sqlite":
            for suffix in ("ai", "ad", "au"):
                op.execute(f"DROP TRIGGER IF EXISTS {table}_fts_{suffix}")
            op.execute(f"DROP TABLE IF EXISTS {table}_fts")
        else:
            op.execute(f"DROP INDEX IF EXISTS ix_{table}_search")
            op.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS search_vector")
