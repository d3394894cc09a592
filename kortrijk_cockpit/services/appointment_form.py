"""What the appointment dialog needs from the store, and its attendee line checked.

Qt-free. `CalendarService.details` refuses what the service refuses (a private
or a cancelled appointment), so the dialog never opens on something that
cannot be saved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from kortrijk_cockpit.errors import UserFacingError

_ADDRESS = re.compile(r"^[^@\s<>;,]+@[^@\s<>;,]+\.[^@\s<>;,]+$")


@dataclass(frozen=True)
class AppointmentDetails:
    id: int
    subject: str
    location: str
    start: datetime  # Europe/Brussels
    end: datetime
    is_all_day: bool
    attendees: tuple[str, ...]
    body: str
    is_recurring: bool  # an occurrence of a series: "deze keer / hele reeks"


def parse_attendees(text: str) -> tuple[str, ...]:
    """'Naam <adres>; adres, ...' as the service takes them ("Naam <adres>" or "adres")."""
    found: list[str] = []
    for part in re.split(r"[;\n]", text):
        part = part.strip().rstrip(",").strip()
        if not part:
            continue
        name, _, rest = part.partition("<")
        address = rest.rstrip(">").strip() if rest else name.strip()
        if not _ADDRESS.match(address):
            raise UserFacingError(
                f"'{part}' is geen geldig e-mailadres. Schrijf de genodigden als "
                "'Naam <adres>' of 'adres', gescheiden door een puntkomma.")
        found.append(f"{name.strip()} <{address}>" if rest and name.strip() else address)
    return tuple(found)


def attendee_line(attendees: tuple[str, ...]) -> str:
    return "; ".join(attendees)
