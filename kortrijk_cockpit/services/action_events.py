"""Writing one step of an action point's history (its status history and its route).

Every writer of an action point calls `record` in its own transaction, so the history
the Opvolging area shows is complete. Kept apart so any service can record without
importing the services that read the history back.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy.orm import Session

from kortrijk_cockpit.domain import ActionEventKind, ActionPointEvent
from kortrijk_cockpit.domain.meetings import ActionPoint


def record(s: Session, point: ActionPoint, kind: ActionEventKind, *, at: datetime,
           old: str = "", new: str = "", meeting_id: int | None = None,
           actor: str = "") -> None:
    """One step of `point`'s history (the point must have its id: flush first)."""
    s.add(ActionPointEvent(action_point_id=point.id, at=at, kind=kind, old_value=old[:512],
                           new_value=new[:512], meeting_id=meeting_id, actor=actor))


def due_text(day: date | None) -> str:
    return f"{day:%d/%m/%Y}" if day is not None else ""
