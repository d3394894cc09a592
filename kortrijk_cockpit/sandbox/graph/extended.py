"""Graph's names for MAPI properties ("Integer 0x36", "String {guid} Name X") and the
`$expand` / `$filter` clauses that ask for them.

They map to the canonical keys of `sandbox/mapi.py`, so a property set over
EWS is found over Graph and the other way round (the outbox's marker).
"""

from __future__ import annotations

import re

from kortrijk_cockpit.sandbox.model import Item

SENSITIVITY_KEY = "0x0036"  # PidTagSensitivity, Integer
MESSAGE_CLASS_KEY = "0x001a"  # PidTagMessageClass, String
_SENSITIVITY = {"Normal": "0", "Personal": "1", "Private": "2", "Confidential": "3"}

_ID = re.compile(r"^\s*(?P<type>\w+)\s+(?:(?P<tag>0x[0-9A-Fa-f]+)|\{(?P<guid>[0-9A-Fa-f-]{36})\}\s+"
                 r"(?:Name\s+(?P<name>.+?)|Id\s+(?P<pid>0x[0-9A-Fa-f]+|\d+)))\s*$")
# singleValueExtendedProperties($filter=id eq '...' or id eq '...')
_EXPAND = re.compile(r"singleValueExtendedProperties\(\$filter=(?P<clause>[^)]*)\)", re.IGNORECASE)
_QUOTED_ID = re.compile(r"id\s+eq\s+'(?P<id>(?:[^']|'')*)'", re.IGNORECASE)
# singleValueExtendedProperties/Any(ep: ep/id eq '...' and ep/value eq '...')
_ANY = re.compile(r"singleValueExtendedProperties/any\(\s*(?P<var>\w+)\s*:\s*(?P=var)/id\s+eq\s+"
                  r"'(?P<id>(?:[^']|'')*)'\s+and\s+(?P=var)/value\s+eq\s+'(?P<value>(?:[^']|'')*)'\s*\)",
                  re.IGNORECASE)


def canonical(graph_id: str) -> str:
    """The mailbox's key for a Graph property id; ValueError when it names none."""
    found = _ID.match(graph_id)
    if found is None:
        raise ValueError(f"Not an extended property id: {graph_id!r}")
    if found["tag"]:
        return f"0x{int(found['tag'], 16):04x}"
    guid = found["guid"].lower()
    if found["name"]:
        return f"{{{guid}}}/{found['name']}"
    pid = found["pid"]
    return f"{{{guid}}}/0x{int(pid, 16 if pid.lower().startswith('0x') else 10):04x}"


def value_of(item: Item, key: str) -> str | None:
    """The property's value on `item` as Graph gives it (a string), or None."""
    if key == SENSITIVITY_KEY:
        return _SENSITIVITY.get(item.sensitivity, "0")
    if key == MESSAGE_CLASS_KEY:
        return item.item_class if item.is_message else "IPM.Appointment"
    value = item.extended_properties.get(key)
    return value if isinstance(value, str) else None


def expanded_ids(expand: str) -> list[str]:
    """The property ids `$expand=singleValueExtendedProperties($filter=...)` asks for."""
    found = _EXPAND.search(expand or "")
    if found is None:
        return []
    return [m["id"].replace("''", "'") for m in _QUOTED_ID.finditer(found["clause"])]


def render(item: Item, expand: str) -> list[dict[str, str]] | None:
    """The `singleValueExtendedProperties` of `item` an `$expand` asks for; None if it asks none."""
    wanted = expanded_ids(expand)
    if not wanted:
        return None
    found = []
    for graph_id in wanted:
        try:
            value = value_of(item, canonical(graph_id))
        except ValueError:
            continue
        if value is not None:
            found.append({"id": graph_id, "value": value})
    return found


def marker_filter(filter_text: str) -> tuple[str, str] | None:
    """(canonical key, value) of a `$filter` on one extended property's value, or None."""
    found = _ANY.search(filter_text or "")
    if found is None:
        return None
    return canonical(found["id"].replace("''", "'")), found["value"].replace("''", "'")


def stored_values(properties: list[dict[str, str]] | None) -> dict[str, str]:
    """The mailbox keys and values of a request's `singleValueExtendedProperties`."""
    stored = {}
    for prop in properties or []:
        key = canonical(str(prop.get("id", "")))
        if key in (SENSITIVITY_KEY, MESSAGE_CLASS_KEY):
            continue  # real fields of the item, not extended properties
        stored[key] = str(prop.get("value", ""))
    return stored
