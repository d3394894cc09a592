"""Another program holding the SQLite write lock, as the sync worker does while it writes a page."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from kortrijk_cockpit.store import Store


@contextmanager
def write_lock_held(store: Store) -> Iterator[None]:
    """Hold the write lock (BEGIN IMMEDIATE on the same file) until the block ends."""
    other = sqlite3.connect(str(store.url.database), isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        yield
        other.execute("COMMIT")
    finally:
        other.close()
