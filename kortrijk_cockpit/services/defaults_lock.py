"""The lock taken before writing an office's first defaults (outcomes, standard texts),
so two first starts at once on one shared store write them only once."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table, false, func, select, update
from sqlalchemy.orm import Session

_DEFAULTS_LOCK = 0x4B437474  # PostgreSQL advisory lock key ("KCtt")


def lock_for_defaults(s: Session, table: Table | Any, column: Any) -> None:
    """Held until the transaction ends: PostgreSQL's advisory lock; on SQLite a no-op
    UPDATE of `table`, which takes the database's write lock (a reader holds no
    snapshot before)."""
    if s.get_bind().dialect.name == "postgresql":
        s.execute(select(func.pg_advisory_xact_lock(_DEFAULTS_LOCK)))
    else:
        s.execute(update(table).where(false()).values({column: column}))
