"""A record by its id, or the user's Dutch "it is gone" when someone removed it meanwhile;
owners' mail addresses for the services that mail them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from kortrijk_cockpit.domain import Person
from kortrijk_cockpit.errors import UserFacingError

T = TypeVar("T")


def existing(s: Session, model: type[T], ref_id: int, gone: str) -> T:
    found = s.get(model, ref_id)
    if found is None:
        raise UserFacingError(gone)
    return found


def owner_emails(s: Session, owners: Iterable[tuple[int, int | None, str]], *,
                 names_may_be_addresses: bool = False) -> dict[int, str]:
    """Each owner's address by key, from (key, person id, name): the linked person, else a
    person by that name, else (`names_may_be_addresses`) a name typed as an address.
    Owners without one are left out. Two queries, whatever the number of owners."""
    wanted = list(owners)
    ids = {person_id for _, person_id, _ in wanted if person_id}
    names = {name for _, _, name in wanted if name}
    by_id: dict[int, str] = {}
    by_name: dict[str, str] = {}
    if ids:
        by_id = {i: e for i, e in s.execute(
            select(Person.id, Person.email).where(Person.id.in_(ids), Person.email != ""))}
    if names:
        by_name = {n.casefold(): e for n, e in s.execute(
            select(Person.full_name, Person.email)
            .where(Person.full_name.in_(names), Person.email != ""))}
    found: dict[int, str] = {}
    for key, person_id, name in wanted:
        email = (by_id.get(person_id, "") if person_id else "") \
            or by_name.get(name.casefold(), "") \
            or (name.strip() if names_may_be_addresses and "@" in name else "")
        if email:
            found[key] = email
    return found
