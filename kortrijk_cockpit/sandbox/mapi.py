"""MAPI properties the mailbox keeps as extended properties: one canonical key per property.

A client may name the same property by tag, by distinguished set name or by
set GUID (exchangelib sends `DistinguishedPropertySetId="Task" PropertyId="33029"`);
all of them map to one key, so a value set one way is found the other way.
Front-ends (EWS today, Graph later) translate their own names to these keys.
"""

from __future__ import annotations

from datetime import UTC, datetime

PSETID_TASK = "00062003-0000-0000-c000-000000000046"
PSETID_COMMON = "00062008-0000-0000-c000-000000000046"

_DISTINGUISHED_SETS = {
    "Address": "00062004-0000-0000-c000-000000000046",
    "Appointment": "00062002-0000-0000-c000-000000000046",
    "CalendarAssistant": "11000e07-b51b-40d6-af21-caa85edab1d0",
    "Common": PSETID_COMMON,
    "InternetHeaders": "00020386-0000-0000-c000-000000000046",
    "Meeting": "6ed8da90-450b-101b-98da-00aa003f1305",
    "PublicStrings": "00020329-0000-0000-c000-000000000046",
    "Sharing": "00062040-0000-0000-c000-000000000046",
    "Task": PSETID_TASK,
    "UnifiedMessaging": "4442858e-a9e3-4e80-b900-317a210cc15b",
}

FLAG_STATUS = "0x1090"  # PidTagFlagStatus, Integer: 2 flagged, 1 complete
FLAG_COMPLETE_TIME = "0x1091"  # PidTagFlagCompleteTime, SystemTime
TASK_START = f"{{{PSETID_TASK}}}/0x8104"  # PidLidTaskStartDate, SystemTime
TASK_DUE = f"{{{PSETID_TASK}}}/0x8105"  # PidLidTaskDueDate, SystemTime
FLAG_REQUEST = f"{{{PSETID_COMMON}}}/0x8530"  # PidLidFlagRequest, String ("Opvolgen")


def _int(text: str) -> int:
    text = text.strip()
    return int(text, 16) if text.lower().startswith("0x") else int(text)


def canonical_key(attrs: dict[str, str]) -> str:
    """Key for an ExtendedFieldURI's attributes; ValueError if they name no property."""
    tag = attrs.get("PropertyTag")
    if tag:
        return f"0x{_int(tag):04x}"
    set_id = attrs.get("PropertySetId", "").lower()
    if not set_id:
        name = attrs.get("DistinguishedPropertySetId", "")
        if name not in _DISTINGUISHED_SETS:
            raise ValueError(f"Unknown property set {name!r}")
        set_id = _DISTINGUISHED_SETS[name]
    if attrs.get("PropertyId"):
        return f"{{{set_id}}}/0x{_int(attrs['PropertyId']):04x}"
    if attrs.get("PropertyName"):
        return f"{{{set_id}}}/{attrs['PropertyName']}"
    raise ValueError("ExtendedFieldURI names no property")


def to_utc(value: datetime) -> datetime:
    """`value` in UTC; also for datetime subclasses whose astimezone() refuses stdlib zones
    (exchangelib's EWSDateTime)."""
    return datetime.fromtimestamp(value.timestamp(), UTC)


def format_time(value: datetime) -> str:
    return to_utc(value).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_time(value: str | list[str] | None) -> datetime | None:
    if not value or isinstance(value, list):
        return None
    text = value.strip()
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    parsed = datetime.fromisoformat(text)
    return (parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)).astimezone(UTC)
