"""Someone else saves a record between our read and our write: a real stale save."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, text
from sqlalchemy.orm import Session

from kortrijk_cockpit.store import Store


def someone_else_edits_first(store: Store, table: str, row_id: int, **changes: str) -> None:
    """Before the next flush of any session of `store`, another connection
    saves that row (new version, `changes`) and commits, as a colleague would."""
    sets = "".join(f", {column} = :{column}" for column in changes)

    def edit(_session: Session, _context: Any, _instances: Any) -> None:
        with store.engine.begin() as other:
            other.execute(text(f"UPDATE {table} SET version = version + 1{sets} WHERE id = :id"),
                          {"id": row_id, **changes})

    event.listen(store.session_factory, "before_flush", edit, once=True)
