"""Outlook .msg files (MS-OXMSG compound files) with extract-msg."""

from __future__ import annotations

import email.utils
import logging
from datetime import UTC, datetime
from typing import Any

from kortrijk_cockpit.imports.records import (
    NO_SUBJECT,
    UNKNOWN_SENDER,
    NotReadable,
    ParsedAttachment,
    ParsedMail,
)
from kortrijk_cockpit.imports.text import decode, html_to_text, repair, text_to_html

log = logging.getLogger(__name__)

NOT_OUTLOOK = "geen Outlook-bericht (beschadigd of een ander bestandstype)"


def parse_msg(data: bytes) -> ParsedMail:
    import extract_msg  # heavy (olefile, RTF tools): only when a .msg comes along
    from extract_msg.msg_classes import MessageBase

    try:
        message = extract_msg.openMsg(data, delayAttachments=False)
    except Exception as exc:  # noqa: BLE001 - olefile and extract-msg raise many kinds on bad input
        log.info("not an Outlook message: %r", exc)
        raise NotReadable(NOT_OUTLOOK) from exc
    try:
        if not isinstance(message, MessageBase):
            raise NotReadable("geen e-mailbericht (een ander soort Outlook-item)")
        try:
            return _read(message)
        except NotReadable:
            raise
        except Exception as exc:  # noqa: BLE001 - a damaged stream surfaces only when read
            log.info("damaged Outlook message: %r", exc)
            raise NotReadable(NOT_OUTLOOK) from exc
    finally:
        message.close()


def _read(message: Any) -> ParsedMail:
    name, address = email.utils.parseaddr(repair(message.sender or ""))
    html = _html(message)
    text = message.body or ""
    sent = message.date
    return ParsedMail(
        subject=(message.subject or "").strip() or NO_SUBJECT,
        sender_name=name or address or UNKNOWN_SENDER,
        sender_email=address,
        to=_recipients(message.to),
        cc=_recipients(message.cc),
        reply_to=_reply_to(message),
        sent_at=sent.astimezone(UTC) if isinstance(sent, datetime) and sent.tzinfo else None,
        body_text=text or html_to_text(html),
        body_html=html or text_to_html(text),
        internet_message_id=(message.messageId or "").strip() or None,
        attachments=tuple(_attachments(message, html)),
    )


def _reply_to(message: Any) -> tuple[str, ...]:
    """The Reply-To of the transport headers (extract-msg has no property of its own)."""
    try:
        value = message.header.get("Reply-To")
    except Exception:  # noqa: BLE001 - damaged header streams raise many kinds
        return ()
    return _recipients(repair(str(value))) if value else ()


def _html(message: Any) -> str:
    body = message.htmlBody
    if not body:
        return ""
    return body if isinstance(body, str) else decode(body, None)


def _recipients(value: str | None) -> tuple[str, ...]:
    pairs = email.utils.getaddresses([(value or "").replace(";", ",")])
    return tuple(f"{n} <{a}>" if n and a else (a or n) for n, a in pairs if n or a)


def _attachments(message: Any, html: str) -> list[ParsedAttachment]:
    found = []
    for att in message.attachments:
        data = att.data
        name = att.longFilename or att.shortFilename or att.displayName or ""
        if not isinstance(data, bytes):
            # An attached Outlook item: kept as a .msg of its own, named by its subject.
            try:
                inner = data.exportBytes()
            except Exception:  # noqa: BLE001 - an embedded item we cannot write back
                log.info("embedded item skipped: %r", name)
                continue
            subject = (getattr(data, "subject", "") or "").strip() or NO_SUBJECT
            found.append(ParsedAttachment(f"{subject}.msg", "application/vnd.ms-outlook", inner))
            continue
        content_id = (att.contentId or "").strip("<> ") or None
        found.append(ParsedAttachment(
            name=name or "bijlage",
            content_type=att.mimetype or "application/octet-stream",
            data=data,
            # Outlook's hidden flag is not always set: a picture the body shows is inline.
            is_inline=content_id is not None and f"cid:{content_id}" in html,
            content_id=content_id,
        ))
    return found
