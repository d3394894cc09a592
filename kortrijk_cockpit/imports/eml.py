"""Internet mail files (.eml, RFC 5322) with the standard library's `email` package.

Mail from the wild is often broken: charsets that lie or do not exist, raw
8-bit headers, missing headers, truncated multiparts. We read what is there
and fill in Dutch fallbacks; only a file with no mail headers at all is refused.
"""

from __future__ import annotations

import email
import email.utils
from datetime import UTC, datetime
from email import policy
from email.message import EmailMessage, Message
from email.parser import BytesParser

from kortrijk_cockpit.imports.records import (
    NO_SUBJECT,
    UNKNOWN_SENDER,
    NotReadable,
    ParsedAttachment,
    ParsedMail,
)
from kortrijk_cockpit.imports.text import decode, decode_words, html_to_text, repair, text_to_html

# Real mail nests multiparts a handful of levels deep; deeper is hostile or broken.
MAX_DEPTH = 32
ORIGINAL_NAME = "origineel bericht.eml"
TOO_DEEP = f"te diep genest: het volledige bericht is bewaard als bijlage \u201c{ORIGINAL_NAME}\u201d"
TOO_DEEP_DROPPED = "te diep genest: de diepste delen zijn weggelaten"

# At least one of these makes a file a mail; random bytes and other text files have none.
_MAIL_HEADERS = ("from", "to", "cc", "subject", "date", "message-id", "mime-version",
                 "content-type", "received", "return-path", "sender", "reply-to")


def parse_eml(data: bytes) -> ParsedMail:
    try:
        message = email.message_from_bytes(data, _class=EmailMessage, policy=policy.default)
    except RecursionError:
        # The stdlib parser recurses once per nested multipart: a few hundred levels
        # exhaust the stack. Real mail nests a handful; read the headers and keep the rest whole.
        message = BytesParser(_class=EmailMessage, policy=policy.default).parsebytes(
            data, headersonly=True)
        _check_headers(message)
        return read_message(message, data, walk=False)
    _check_headers(message)
    return read_message(message, data)


def _check_headers(message: Message) -> None:
    if not any(name in message for name in _MAIL_HEADERS):
        raise NotReadable("geen e-mailbericht (geen kopregels gevonden)")


def read_message(message: Message, original: bytes | None = None, *,
                 walk: bool = True) -> ParsedMail:
    """The mail in `message`; where its structure cannot be read whole (too deeply
    nested), the parts we reach are read and `original` is kept as an attachment."""
    sender_name, sender_email = _sender(message)
    html, text = "", ""
    attachments: list[ParsedAttachment] = []
    leaves, complete = _leaves(message) if walk else ([], False)
    for part in leaves:
        kind = part.get_content_type()
        is_body = part.get_content_disposition() != "attachment" and not part.get_filename()
        if is_body and kind == "text/html" and not html:
            html = _text(part)
        elif is_body and kind == "text/plain" and not text:
            text = _text(part)
        else:
            attachment = _attachment(part)
            if attachment is None:
                complete = False
            else:
                attachments.append(attachment)
    notes: tuple[str, ...] = ()
    if not complete:
        notes = (TOO_DEEP if original is not None else TOO_DEEP_DROPPED,)
        if original is not None:
            attachments.append(ParsedAttachment(ORIGINAL_NAME, "message/rfc822", original))
    return ParsedMail(
        subject=header(message, "subject") or NO_SUBJECT,
        sender_name=sender_name,
        sender_email=sender_email,
        to=_addresses(message, "to"),
        cc=_addresses(message, "cc"),
        reply_to=_addresses(message, "reply-to"),
        sent_at=_date(header(message, "date")),
        body_text=text or html_to_text(html),
        body_html=html or text_to_html(text),
        internet_message_id=header(message, "message-id").strip() or None,
        attachments=tuple(attachments),
        notes=notes,
    )


def header(message: Message, name: str) -> str:
    """A header's text, RFC 2047 words decoded; '' when missing.

    The email package's own reading wins, unless it had to give up on some
    characters (raw 8-bit bytes, an unknown charset): then we decode the raw
    header ourselves, with fallbacks.
    """
    try:
        parsed = message.get(name)
    except Exception:  # noqa: BLE001 - the header parser has failed on hostile input before
        parsed = None
    text = "" if parsed is None else str(parsed)
    if parsed is None or "\ufffd" in text:
        raw = next((v for k, v in message.raw_items() if k.lower() == name), None)
        if raw is not None:
            text = decode_words(repair(str(raw)))
    return " ".join(text.split())


def _sender(message: Message) -> tuple[str, str]:
    name, address = email.utils.parseaddr(header(message, "from") or header(message, "sender"))
    return name or address or UNKNOWN_SENDER, address


def _addresses(message: Message, name: str) -> tuple[str, ...]:
    pairs = email.utils.getaddresses([header(message, name)])
    # As the sync stores them: "Name <address>", or whichever of the two there is.
    return tuple(f"{n} <{a}>" if n and a else (a or n) for n, a in pairs if n or a)


def _date(value: str) -> datetime | None:
    if not value:
        return None
    try:
        moment = email.utils.parsedate_to_datetime(value)
        # "-0000" means "time zone unknown": read it as UTC, as RFC 5322 suggests.
        return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    except (TypeError, ValueError, IndexError, OverflowError):  # year 9999 at -14:00 overflows
        return None


def _leaves(message: Message) -> tuple[list[Message], bool]:
    """The non-multipart parts in order, down to MAX_DEPTH; and whether that was all of them.

    Iterative, so hostile nesting cannot exhaust the stack. A nested message
    stays whole (it is an attachment).
    """
    leaves: list[Message] = []
    complete = True
    stack: list[tuple[Message, int]] = [(message, 0)]
    while stack:
        part, depth = stack.pop()
        if not (part.is_multipart() and part.get_content_maintype() == "multipart"):
            leaves.append(part)
            continue
        subs = part.get_payload()
        if not isinstance(subs, list):
            continue
        if depth >= MAX_DEPTH:
            complete = False
            continue
        stack.extend((sub, depth + 1) for sub in reversed(subs))
    return leaves, complete


def _payload(part: Message) -> bytes | None:
    """The part's content; None when a nested message cannot be written back whole."""
    if part.get_content_type() == "message/rfc822" or part.is_multipart():
        inner = part.get_payload(0) if part.is_multipart() else part.get_payload()
        if isinstance(inner, Message):
            try:
                return inner.as_bytes()
            except RecursionError:  # the generator recurses per level, like the parser
                return None
            except Exception:  # noqa: BLE001 - re-serialising a broken message can fail
                try:
                    return str(inner).encode("utf-8", errors="replace")
                except Exception:  # noqa: BLE001 - and so can the lenient way
                    return None
    data = part.get_payload(decode=True)
    return data if isinstance(data, bytes) else b""


def _text(part: Message) -> str:
    text = decode(_payload(part) or b"", part.get_content_charset())
    return text.replace("\r\n", "\n")


def _attachment(part: Message) -> ParsedAttachment | None:
    data = _payload(part)
    if data is None:
        return None
    kind = part.get_content_type()
    name = repair(part.get_filename() or "")
    if kind == "message/rfc822":
        inner = part.get_payload(0) if part.is_multipart() else None
        subject = header(inner, "subject") if isinstance(inner, Message) else ""
        name = name or f"{subject or NO_SUBJECT}.eml"
    content_id = header(part, "content-id").strip("<> ") or None
    return ParsedAttachment(
        name=name or _unnamed(kind),
        content_type=kind,
        data=data,
        is_inline=part.get_content_disposition() == "inline" or (
            content_id is not None and part.get_content_disposition() != "attachment"),
        content_id=content_id,
    )


def _unnamed(kind: str) -> str:
    extension = {"text/plain": ".txt", "text/html": ".html", "text/calendar": ".ics",
                 "image/png": ".png", "image/jpeg": ".jpg", "image/gif": ".gif",
                 "application/pdf": ".pdf"}.get(kind, "")
    return f"bijlage{extension}"
