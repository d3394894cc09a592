"""The Dagoverzicht as a document: HTML for QTextDocument (PDF and print) and plain text.

Qt-free, and it knows the overview only by shape (`documents` does not import
`services`): `services/day_overview.py`'s `DayOverview` fits these protocols.
The HTML keeps to what QTextDocument lays out well: one table per day, no floats.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from html import escape
from typing import Protocol


class Line(Protocol):
    @property
    def time_text(self) -> str: ...
    @property
    def subject(self) -> str: ...
    @property
    def location(self) -> str: ...
    @property
    def who(self) -> str: ...
    @property
    def is_cancelled(self) -> bool: ...
    @property
    def states(self) -> tuple[str, ...]: ...
    @property
    def preparation_missing(self) -> bool: ...
    @property
    def conflicts(self) -> tuple[str, ...]: ...


class Day(Protocol):
    @property
    def title(self) -> str: ...
    @property
    def headline(self) -> str: ...
    @property
    def lines(self) -> Sequence[Line]: ...


class Overview(Protocol):
    @property
    def title(self) -> str: ...
    @property
    def headline(self) -> str: ...
    @property
    def days(self) -> Sequence[Day]: ...
    @property
    def is_week(self) -> bool: ...
    @property
    def made_at(self) -> datetime: ...


RED = "#b3261e"
GREY = "#5f6368"
STYLE = f"""
body {{ font-family: 'Segoe UI', 'DejaVu Sans', sans-serif; font-size: 8.5pt; color: #1f1f1f; }}
p.title {{ font-size: 13pt; font-weight: bold; margin: 0; }}
p.day {{ font-size: 10pt; font-weight: bold; margin-top: 12px; margin-bottom: 4px; }}
p.headline {{ font-size: 10.5pt; font-weight: bold; margin-top: 4px; margin-bottom: 8px; }}
td {{ padding: 4px 6px; vertical-align: top; border-bottom: 1px solid #d0d0d0; }}
td.time {{ font-weight: bold; white-space: nowrap; }}
span.small {{ color: {GREY}; font-size: 8pt; }}
span.conflict {{ color: {RED}; font-weight: bold; }}
span.cancelled {{ text-decoration: line-through; color: {GREY}; }}
p.footer {{ color: {GREY}; font-size: 7pt; margin-top: 12px; }}
"""


def to_html(overview: Overview) -> str:
    parts = [f"<html><head><meta charset='utf-8'><title>{escape(overview.title)}</title>"
             f"<style>{STYLE}</style></head><body>",
             f"<p class='title'>{escape(overview.title)}</p>",
             f"<p class='headline'>{escape(overview.headline)}</p>"]
    for day in overview.days:
        if overview.is_week:
            parts.append(f"<p class='day'>{escape(day.headline)}</p>")
        if not day.lines:
            continue
        parts.append("<table width='100%' cellspacing='0' cellpadding='4'>")
        parts.append("<tr><td width='13%'><b>Uur</b></td><td width='52%'><b>Afspraak</b></td>"
                     "<td width='35%'><b>Fiche, agenda, stukken</b></td></tr>")
        parts.extend(_row(line) for line in day.lines)
        parts.append("</table>")
    parts.append(f"<p class='footer'>Opgemaakt op "
                 f"{overview.made_at:%d/%m/%Y om %H:%M} door Kortrijk Cockpit.</p>")
    parts.append("</body></html>")
    return "".join(parts)


def _row(line: Line) -> str:
    subject = escape(line.subject)
    if line.is_cancelled:
        subject = f"<span class='cancelled'>{subject}</span> <span class='small'>(geannuleerd)</span>"
    else:
        subject = f"<b>{subject}</b>"
    details = [escape(t) for t in (line.location, line.who) if t]
    what = subject + "".join(f"<br/><span class='small'>{d}</span>" for d in details)
    states = []
    if not line.is_cancelled:
        states = [f"<span class='conflict'>{escape(s)}</span>"
                  if line.preparation_missing and s.startswith("Geen voorbereiding")
                  else escape(s) for s in line.states]
        states += [f"<span class='conflict'>⚠ {escape(c)}</span>" for c in line.conflicts]
    return (f"<tr><td class='time'>{escape(line.time_text)}</td><td>{what}</td>"
            f"<td>{'<br/>'.join(states)}</td></tr>")


def to_text(overview: Overview) -> str:
    """The same overview as plain text (a mail body, a quick look in a test)."""
    out = [overview.title, overview.headline, ""]
    for day in overview.days:
        if overview.is_week:
            out.append(day.headline)
        for line in day.lines:
            mark = " (geannuleerd)" if line.is_cancelled else ""
            out.append(f"{line.time_text}  {line.subject}{mark}")
            for extra in (line.location, line.who, *line.states, *line.conflicts):
                if extra:
                    out.append(f"    {extra}")
        out.append("")
    return "\n".join(out)
