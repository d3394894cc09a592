"""Graph (REST) ids of the sandbox's items, folders and attachments.

Exchange gives one item an EWS id and a REST id that differ (Graph's
`translateExchangeIds` converts between them). The sandbox does the same:
a REST id is the EWS id's content under another prefix in URL-safe base64,
so an EWS id handed to Graph is refused as malformed, as in Exchange.
"""

from __future__ import annotations

import base64
import binascii

_EWS = b"KRTK"
_REST = b"KRTR"


def to_rest(ews_id: str) -> str:
    """The REST id of an EWS id ("" stays "")."""
    if not ews_id:
        return ""
    try:
        raw = base64.b64decode(ews_id.encode("ascii"), validate=True)
    except (binascii.Error, ValueError, UnicodeEncodeError):
        return ews_id
    if not raw.startswith(_EWS):
        return ews_id
    return base64.urlsafe_b64encode(_REST + raw[len(_EWS):]).decode("ascii")


def from_rest(rest_id: str) -> str | None:
    """The EWS id of a REST id, or None when it is not one (an EWS id, or garbage)."""
    try:
        raw = base64.urlsafe_b64decode(rest_id.encode("ascii"))
    except (binascii.Error, ValueError, UnicodeEncodeError):
        return None
    if not raw.startswith(_REST) or "+" in rest_id or "/" in rest_id:
        return None
    return base64.b64encode(_EWS + raw[len(_REST):]).decode("ascii")


def etag(change_key: str) -> str:
    """An item's @odata.etag: its change key, weak, as Exchange writes it."""
    return f'W/"{change_key}"'


def change_key_of(if_match: str) -> str:
    """The change key in an If-Match header ("" for none or "*")."""
    value = if_match.strip()
    if value in ("", "*"):
        return ""
    value = value.removeprefix("W/")
    return value.strip('"')
