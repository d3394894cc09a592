"""The local store: engine and sessions, migrations, full-text search, backup. No Qt."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import URL

from kortrijk_cockpit.store.database import (
    SQLITE_BUSY_TIMEOUT_MS,
    Store,
    create_store_engine,
    make_session_factory,
    probe,
)
from kortrijk_cockpit.store.schema import upgrade_store

__all__ = ["Store", "open_store"]


def open_store(
    url: URL, *, backups: Path | None = None, busy_timeout_ms: int = SQLITE_BUSY_TIMEOUT_MS
) -> Store:
    """Open (and migrate) the store at `url`, or raise a `StoreError` in Dutch."""
    migrator = create_store_engine(url, busy_timeout_ms=busy_timeout_ms, for_migrations=True)
    try:
        probe(migrator)
        upgrade_store(migrator, backups)
    finally:
        migrator.dispose()
    engine = create_store_engine(url, busy_timeout_ms=busy_timeout_ms)
    return Store(engine=engine, session_factory=make_session_factory(engine))
