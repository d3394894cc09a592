"""A record by its id, or the user's Dutch "it is gone" when someone removed it meanwhile."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy.orm import Session

from kortrijk_cockpit.errors import UserFacingError

T = TypeVar("T")


def existing(s: Session, model: type[T], ref_id: int, gone: str) -> T:
    found = s.get(model, ref_id)
    if found is None:
        raise UserFacingError(gone)
    return found
