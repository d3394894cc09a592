"""The Mark of the Web on attachments we write or open (Windows only).

Windows keeps where a file came from in its `Zone.Identifier` alternate data
stream. ZoneId=3 ("Internet") makes Office open the file in Protected View
with macros blocked, and SmartScreen ask before a program runs, as they do
for an attachment Outlook saves. Elsewhere there is no such stream: a no-op.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger(__name__)

ZONE_STREAM = ":Zone.Identifier"
INTERNET_ZONE = "[ZoneTransfer]\r\nZoneId=3\r\n"


def _write_stream(target: str, text: str) -> None:
    with open(target, "w", encoding="ascii", newline="") as stream:
        stream.write(text)


def mark_from_internet(path: Path, *, platform: str = sys.platform,
                       write: Callable[[str, str], None] = _write_stream) -> bool:
    """Mark `path` as from the Internet; False where that is not possible (not NTFS,
    not Windows). A failure is logged, never raised: the file still opens."""
    if not platform.startswith("win"):
        return False
    try:
        write(str(path) + ZONE_STREAM, INTERNET_ZONE)
    except OSError as exc:  # e.g. a FAT32 stick: no alternate streams
        log.warning("could not mark %s as from the Internet: %s", path.name, exc)
        return False
    return True
