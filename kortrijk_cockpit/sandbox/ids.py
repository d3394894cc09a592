"""Opaque EWS identifiers: item, folder and attachment ids, change keys, sync states.

They look like Exchange's (base64) and are deterministic, so a demo mailbox
built from the same seed has the same ids every time.
"""

from __future__ import annotations

import base64
import binascii
from datetime import date


def _encode(text: str) -> str:
    return base64.b64encode(b"KRTK" + text.encode("ascii")).decode("ascii")


def _decode(token: str) -> str | None:
    try:
        raw = base64.b64decode(token.encode("ascii"), validate=True)
    except (binascii.Error, ValueError, UnicodeEncodeError):
        return None
    if not raw.startswith(b"KRTK"):
        return None
    try:
        return raw[4:].decode("ascii")
    except UnicodeDecodeError:
        return None


def item_id(number: int) -> str:
    return _encode(f"i:{number}")


def folder_id(number: int) -> str:
    return _encode(f"f:{number}")


def attachment_id(number: int) -> str:
    return _encode(f"a:{number}")


def change_key(number: int, version: int) -> str:
    return _encode(f"ck:{number}:{version}")


def conversation_id(number: int) -> str:
    return _encode(f"c:{number}")


def occurrence_id(master_number: int, day: date) -> str:
    return _encode(f"o:{master_number}:{day.isoformat()}")


def parse_occurrence_id(token: str) -> tuple[int, date] | None:
    text = _decode(token)
    if not text or not text.startswith("o:"):
        return None
    try:
        _, number, day = text.split(":")
        return int(number), date.fromisoformat(day)
    except ValueError:
        return None


def is_well_formed(token: str) -> bool:
    return _decode(token) is not None


def sync_state(scope: str, watermark: int, nonce: int) -> str:
    """A state for `scope` (a folder number, or "h<number>" for the hierarchy)."""
    return _encode(f"s:{scope}:{watermark}:{nonce}")


def parse_sync_state(token: str, scope: str) -> int | None:
    """The watermark in a state made for `scope`, or None if it is not one."""
    text = _decode(token.strip())
    if not text:
        return None
    parts = text.split(":")
    if len(parts) != 4 or parts[0] != "s" or parts[1] != scope:
        return None
    try:
        return int(parts[2])
    except ValueError:
        return None
