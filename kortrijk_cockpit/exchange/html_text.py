"""Plain text of an HTML body, shared by the EWS and Graph backends."""

from __future__ import annotations

import html
import re

import nh3

# Where a line ends in HTML; without this a list item runs into the next line of text.
_LINE_END = re.compile(r"<br\s*/?>|</(?:li|div|tr|h[1-6]|ul|ol)>", re.IGNORECASE)


def html_to_text(body: str) -> str:
    """Plain text of an HTML body, for search and previews (scripts and styles dropped)."""
    lines = _LINE_END.sub("\n", re.sub(r"<li\b[^>]*>", "- ", body, flags=re.IGNORECASE))
    stripped = nh3.clean(re.sub(r"</p>", "\n\n", lines, flags=re.IGNORECASE), tags=set())
    lines = [line.strip() for line in html.unescape(stripped).splitlines()]
    return "\n".join(lines).strip()
