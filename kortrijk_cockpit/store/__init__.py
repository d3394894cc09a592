"""The local store: engine and sessions, migrations, full-text search, backup. No Qt."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import URL

from kortrijk_cockpit.store.database import (
    Store,
    create_store_engine,
    make_session_factory,
    probe,
)
from kortrijk_cockpit.store.schema import upgrade_store

__all__ = ["Store", "open_store"]


def open_store(url: URL, *, backups: Path | None = None) -> Store:
    """Open (and migrate) the store at `url`, or raise a `StoreError` in Dutch."""
    engine = create_store_engine(url)
    probe(engine)
    try:
        upgrade_store(engine, backups)
    except BaseException:
        engine.dispose()
        raise
    return Store(engine=engine, session_factory=make_session_factory(engine))
