"""Text from bytes whose charset may be missing, wrong or unknown."""

from __future__ import annotations

import base64
import binascii
import codecs
import html
import re

import nh3

# Windows' Western code page: what a mislabelled Belgian mail is in practice
# (a superset of latin-1 for the printable range, with the euro sign).
FALLBACK = "cp1252"


def decode(data: bytes, charset: str | None) -> str:
    """The declared charset if it really fits, else UTF-8, else cp1252; never raises."""
    for candidate in (charset, "utf-8", FALLBACK):
        if not candidate:
            continue
        try:
            codecs.lookup(candidate)
            return data.decode(candidate)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode(FALLBACK, errors="replace")


def repair(text: str) -> str:
    """Undo the email package's surrogate escapes (raw 8-bit bytes in a header)."""
    if not any("\udc80" <= ch <= "\udcff" for ch in text):
        return text
    return decode(text.encode("utf-8", errors="surrogateescape"), None)


_ENCODED_WORD = re.compile(r"=\?([^?\s]+)\?([qQbB])\?([^?\s]*)\?=")
_BETWEEN_WORDS = re.compile(r"(?<=\?=)\s+(?==\?)")


def decode_words(text: str) -> str:
    """RFC 2047 encoded words, each in its own charset with `decode`'s fallbacks.

    The email package gives up on a charset it does not know (U+FFFD); Outlook
    and webmail send those ("x-unknown", "windows-1252 ") often enough.
    """
    def word(match: re.Match[str]) -> str:
        charset, encoding, payload = match.groups()
        raw = payload.encode("ascii", errors="replace")
        try:
            data = base64.b64decode(raw + b"=" * (-len(raw) % 4)) if encoding in "bB" \
                else binascii.a2b_qp(raw, header=True)
        except (binascii.Error, ValueError):
            return match.group(0)
        return decode(data, charset.split("*")[0])  # RFC 2231 language suffix

    return _ENCODED_WORD.sub(word, _BETWEEN_WORDS.sub("", text))


_LINE_END = re.compile(r"<br\s*/?>|</(?:p|li|div|tr|h[1-6]|ul|ol)>", re.IGNORECASE)


def html_to_text(body: str) -> str:
    """Plain text of an HTML body, for search and previews."""
    text = nh3.clean(_LINE_END.sub("\n", body), tags=set())  # scripts and styles go whole
    lines = [line.strip() for line in html.unescape(text).splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def text_to_html(text: str) -> str:
    """A plain-text body as HTML, as the sync stores it (the reading pane shows HTML)."""
    return f"<pre>{html.escape(text)}</pre>"
