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

from kortrijk_cockpit.imports.records import (
    NO_SUBJECT,
    UNKNOWN_SENDER,
    NotReadable,
    ParsedAttachment,
    ParsedMail,
)
from kortrijk_cockpit.imports.text import decode, decode_words, html_to_text, repair, text_to_html

# At least one of these makes a file a mail; random bytes and other text files have none.
_MAIL_HEADERS = ("from", "to", "cc", "subject", "date", "message-id", "mime-version",
                 "content-type", "received", "return-path", "sender", "reply-to")


def parse_eml(data: bytes) -> ParsedMail:
    message = email.message_from_bytes(data, _class=EmailMessage, policy=policy.default)
    if not any(name in message for name in _MAIL_HEADERS):
        raise NotReadable("geen e-mailbericht (geen kopregels gevonden)")
    return read_message(message)


def read_message(message: Message) -> ParsedMail:
    sender_name, sender_email = _sender(message)
    html, text = "", ""
    attachments: list[ParsedAttachment] = []
    for part in _leaves(message):
        kind = part.get_content_type()
        is_body = part.get_content_disposition() != "attachment" and not part.get_filename()
        if is_body and kind == "text/html" and not html:
            html = _text(part)
        elif is_body and kind == "text/plain" and not text:
            text = _text(part)
        else:
            attachments.append(_attachment(part))
    return ParsedMail(
        subject=header(message, "subject") or NO_SUBJECT,
        sender_name=sender_name,
        sender_email=sender_email,
        to=_addresses(message, "to"),
        cc=_addresses(message, "cc"),
        sent_at=_date(header(message, "date")),
        body_text=text or html_to_text(html),
        body_html=html or text_to_html(text),
        internet_message_id=header(message, "message-id").strip() or None,
        attachments=tuple(attachments),
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
    except (TypeError, ValueError, IndexError):
        return None
    # "-0000" means "time zone unknown": read it as UTC, as RFC 5322 suggests.
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _leaves(part: Message) -> list[Message]:
    """The non-multipart parts, in order; a nested message stays whole (it is an attachment)."""
    if part.is_multipart() and part.get_content_maintype() == "multipart":
        subs = part.get_payload()
        return [leaf for sub in subs for leaf in _leaves(sub)] if isinstance(subs, list) else []
    return [part]


def _payload(part: Message) -> bytes:
    if part.get_content_type() == "message/rfc822" or part.is_multipart():
        inner = part.get_payload(0) if part.is_multipart() else part.get_payload()
        if isinstance(inner, Message):
            try:
                return inner.as_bytes()
            except Exception:  # noqa: BLE001 - re-serialising a broken message can fail
                return str(inner).encode("utf-8", errors="replace")
    data = part.get_payload(decode=True)
    return data if isinstance(data, bytes) else b""


def _text(part: Message) -> str:
    text = decode(_payload(part), part.get_content_charset())
    return text.replace("\r\n", "\n")


def _attachment(part: Message) -> ParsedAttachment:
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
        data=_payload(part),
        is_inline=part.get_content_disposition() == "inline" or (
            content_id is not None and part.get_content_disposition() != "attachment"),
        content_id=content_id,
    )


def _unnamed(kind: str) -> str:
    extension = {"text/plain": ".txt", "text/html": ".html", "text/calendar": ".ics",
                 "image/png": ".png", "image/jpeg": ".jpg", "image/gif": ".gif",
                 "application/pdf": ".pdf"}.get(kind, "")
    return f"bijlage{extension}"
