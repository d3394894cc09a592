"""Writing mail over Graph: categories, read state, the follow-up flag, moves, sending on
behalf of the director, replies, forwards and meeting answers (exactly once).

The same semantics as `EwsBackend`: a PATCH names the change key it read in
`If-Match` (a change made in Outlook meanwhile is a 412: `ItemConflict`); what
is sent carries the outbox's marker so a lost answer is found, not sent twice.
"""

from __future__ import annotations

import base64
import logging
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from kortrijk_cockpit.domain import FlagStatus, FolderKind
from kortrijk_cockpit.exchange.errors import BackendError, ItemGone
from kortrijk_cockpit.exchange.graph import convert
from kortrijk_cockpit.exchange.graph.client import GraphClient
from kortrijk_cockpit.exchange.graph.reading import marker_filter
from kortrijk_cockpit.exchange.html_text import html_to_text
from kortrijk_cockpit.exchange.records import (
    MEETING_ANSWERS,
    FlagUpdate,
    OutgoingAttachment,
    OutgoingMail,
    OutgoingResponse,
    ResponseKind,
)
from kortrijk_cockpit.logging_setup import register_secret

log = logging.getLogger(__name__)

# Graph refuses a request of more than 4 MB: files from 3 MB go through an upload session.
LARGE_ATTACHMENT = 3 * 1024 * 1024
INLINE_TOTAL = 3 * 1024 * 1024  # more than this in one sendMail: a draft, file by file
CHUNK = 10 * 320 * 1024  # upload chunks are multiples of 320 KiB
_FLAG = {FlagStatus.FLAGGED: "flagged", FlagStatus.COMPLETE: "complete",
         FlagStatus.NONE: "notFlagged"}
_CREATE = {ResponseKind.REPLY: "createReply", ResponseKind.REPLY_ALL: "createReplyAll",
           ResponseKind.FORWARD: "createForward"}
_ANSWER = {ResponseKind.ACCEPT: "accept", ResponseKind.TENTATIVE: "tentativelyAccept",
           ResponseKind.DECLINE: "decline"}
_DRAFTS = "/mailFolders/drafts/messages"
_DELETED = "/mailFolders/deleteditems/messages"


def etag(change_key: str) -> str:
    """The If-Match of a change key (Exchange's weak etag)."""
    return f'W/"{change_key}"'


def _moment(value: datetime) -> dict[str, str]:
    return {"dateTime": value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S"), "timeZone": "UTC"}


def recipients(people: tuple[str, ...] | list[str]) -> list[dict[str, Any]]:
    """Graph recipients of "Name <address>" or bare addresses (as ews.py reads them)."""
    found = []
    for person in people:
        name, _, rest = person.rpartition("<")
        email = rest.rstrip(">").strip() if rest.endswith(">") else person.strip()
        address: dict[str, str] = {"address": email}
        if name.strip().strip('"').strip():
            address["name"] = name.strip().strip('"').strip()
        found.append({"emailAddress": address})
    return found


def marker_property(marker: str) -> list[dict[str, str]]:
    return [{"id": convert.MARKER_ID, "value": marker}] if marker else []


def file_attachment(attachment: OutgoingAttachment) -> dict[str, Any]:
    return {"@odata.type": "#microsoft.graph.fileAttachment", "name": attachment.name,
            "contentType": attachment.content_type,
            "contentBytes": base64.b64encode(attachment.content).decode("ascii")}


def _path(exchange_id: str) -> str:
    return f"/messages/{quote(exchange_id, safe='')}"


class GraphMailWriting:
    """The mail-writing half of `GraphBackend`."""

    mailbox: str
    _client: GraphClient

    if TYPE_CHECKING:  # from GraphReading, beside it in GraphBackend
        def find_marked(self, folder: FolderKind, marker: str) -> tuple[str, str] | None: ...

    # -- PATCH with If-Match -----------------------------------------------------------
    def _patch(self, exchange_id: str, change_key: str, changes: dict[str, Any]) -> str:
        headers = {"If-Match": etag(change_key)} if change_key else None
        answer = self._client.call("PATCH", _path(exchange_id), json=changes, headers=headers)
        return str(answer.json().get("changeKey") or "")

    def set_categories(self, exchange_id: str, change_key: str, categories: list[str]) -> str:
        return self._patch(exchange_id, change_key, {"categories": list(categories)})

    def set_read(self, exchange_id: str, change_key: str, is_read: bool) -> str:
        return self._patch(exchange_id, change_key, {"isRead": is_read})

    def set_flag(self, exchange_id: str, change_key: str, flag: FlagUpdate) -> str:
        value: dict[str, Any] = {"flagStatus": _FLAG[flag.status]}
        if flag.status == FlagStatus.FLAGGED:
            # As EWS: a flag without a due date has none (not an older one kept).
            due = _moment(flag.due_at) if flag.due_at is not None else None
            value.update(dueDateTime=due, startDateTime=due)
        return self._patch(exchange_id, change_key, {"flag": value})

    def move(self, exchange_id: str, folder_exchange_id: str) -> str:
        moved = self._client.call("POST", f"{_path(exchange_id)}/move",
                                  json={"destinationId": folder_exchange_id}).json()
        return str(moved.get("id") or "")

    # -- sending -------------------------------------------------------------------------
    def _message(self, mail: OutgoingMail) -> dict[str, Any]:
        message: dict[str, Any] = {
            "subject": mail.subject, "body": {"contentType": "html", "content": mail.body_html},
            "toRecipients": recipients(mail.to), "ccRecipients": recipients(mail.cc),
            "bccRecipients": recipients(mail.bcc),
            "from": {"emailAddress": {"address": self.mailbox}}}
        if mail.marker:
            message["singleValueExtendedProperties"] = marker_property(mail.marker)
        return message

    def send_mail(self, mail: OutgoingMail) -> None:
        """One sendMail, unless the files make the request too large for Graph: then a
        marked draft, its files (large ones through an upload session), and /send. A
        marked draft left by an earlier attempt is sent when its files are all there,
        else removed and made again (never two)."""
        total = sum(len(a.content) for a in mail.attachments)
        if total < INLINE_TOTAL and all(len(a.content) < LARGE_ATTACHMENT
                                        for a in mail.attachments):
            message = self._message(mail)
            message["attachments"] = [file_attachment(a) for a in mail.attachments]
            self._client.call("POST", "/sendMail",
                              json={"message": message, "saveToSentItems": True})
            return
        if mail.marker:
            earlier = self._marked_draft(mail.marker)
            if earlier is not None:
                if self._has_files(earlier, mail.attachments):
                    self._send_draft(earlier)
                    return
                self._delete_draft(earlier)
        draft = str(self._client.call("POST", "/messages", json=self._message(mail)).json()["id"])
        try:
            for attachment in mail.attachments:
                self._attach(draft, attachment)
        except BackendError:
            if not mail.marker:
                self._delete_draft(draft)  # unmarked: a retry could not find it
            raise
        self._send_draft(draft)

    def _attach(self, message_id: str, attachment: OutgoingAttachment) -> None:
        if len(attachment.content) < LARGE_ATTACHMENT:
            self._client.call("POST", f"{_path(message_id)}/attachments",
                              json=file_attachment(attachment))
            return
        upload(self._client, _path(message_id), attachment)

    def _has_files(self, message_id: str, wanted: tuple[OutgoingAttachment, ...]) -> bool:
        found = self._client.get(f"{_path(message_id)}/attachments",
                                 params={"$select": "id,name,size"})
        have = sorted((str(a.get("name")), int(a.get("size") or 0)) for a in found.get("value", []))
        return have == sorted((a.name, len(a.content)) for a in wanted)

    def _send_draft(self, draft_id: str) -> None:
        self._client.call("POST", f"{_path(draft_id)}/send")

    def _delete_draft(self, draft_id: str) -> None:
        """Best effort: a draft of ours that will not be sent."""
        try:
            self._client.call("POST", f"{_path(draft_id)}/permanentDelete")
        except BackendError as exc:
            log.info("could not remove an unsent draft: %s", type(exc).__name__)

    def _marked_in(self, path: str, marker: str) -> str | None:
        found = self._client.get(path, params={"$filter": marker_filter(marker),
                                               "$select": "id", "$top": "1"})
        values = found.get("value") or []
        return str(values[0]["id"]) if values else None

    def _marked_draft(self, marker: str) -> str | None:
        return self._marked_in(_DRAFTS, marker)

    # -- replies, forwards, meeting answers ------------------------------------------------
    def send_response(self, response: OutgoingResponse) -> None:
        """As EWS: Exchange makes the reply or forward as a draft (conversation and
        In-Reply-To kept); her body, her recipients and our marker go on it; then /send.
        A failure between making and marking removes the draft again.

        A meeting answer is an action on the event (it cannot carry our marker): the
        request message is marked first, so a lost answer is recognised by the marked
        request having gone to Deleted Items (`resume_response`)."""
        if response.marker and self.resume_response(response.marker):
            return
        if response.kind in MEETING_ANSWERS:
            self._answer_meeting(response)
            return
        made = self._client.call("POST", f"{_path(response.reference_id)}/{_CREATE[response.kind]}",
                                 json={}).json()
        draft = str(made["id"])
        changes: dict[str, Any] = {
            "body": {"contentType": "html", "content": response.body_html},
            "toRecipients": recipients(response.to), "ccRecipients": recipients(response.cc),
            "singleValueExtendedProperties": marker_property(response.marker)}
        if response.subject:
            changes["subject"] = response.subject
        try:
            self._patch(draft, "", changes)
        except BackendError:
            self._delete_draft(draft)
            raise
        self._send_draft(draft)

    def _answer_meeting(self, response: OutgoingResponse) -> None:
        found = self._client.get(_path(response.reference_id), params={
            "$select": "id", "$expand": "microsoft.graph.eventMessage/event($select=id)"})
        event = (found.get("event") or {}).get("id")
        if not event:
            raise ItemGone("De afspraak bij deze uitnodiging bestaat niet meer in de agenda.")
        if response.marker:
            self._patch(response.reference_id, "", {
                "singleValueExtendedProperties": marker_property(response.marker)})
        self._client.call("POST", f"/events/{quote(str(event), safe='')}/{_ANSWER[response.kind]}",
                          json={"comment": html_to_text(response.body_html)
                                if response.body_html else "", "sendResponse": True})

    def resume_response(self, marker: str) -> bool:
        # Sent Items or the Outbox: it went. A marked draft: send it now. A marked meeting
        # request in Deleted Items: Exchange moved it there when the answer left.
        if self.find_marked(FolderKind.SENT, marker) is not None:
            return True
        draft = self._marked_draft(marker)
        if draft is not None:
            self._send_draft(draft)
            return True
        return self._marked_in(_DELETED, marker) is not None

    def discard_response(self, marker: str) -> None:
        draft = self._marked_draft(marker)
        if draft is not None:
            # Gone for good: a marked draft in Deleted Items would read as "answered".
            self._client.call("POST", f"{_path(draft)}/permanentDelete")


def upload(client: GraphClient, item_path: str, attachment: OutgoingAttachment) -> None:
    """A file of any size on a message or event (`item_path`: "/messages/<id>" or
    "/events/<id>") through an upload session: the URL carries its own secret and
    takes no bearer token."""
    session = client.call("POST", f"{item_path}/attachments/createUploadSession", json={
        "AttachmentItem": {"attachmentType": "file", "name": attachment.name,
                           "size": len(attachment.content),
                           "contentType": attachment.content_type}}).json()
    url = str(session["uploadUrl"])
    register_secret(url)  # the URL is the session's credential: never in a log line
    content, size = attachment.content, len(attachment.content)
    for start in range(0, size, CHUNK):
        chunk = content[start:start + CHUNK]
        client.call("PUT", url, data=chunk, signed=False, headers={
            "Content-Type": "application/octet-stream",
            "Content-Range": f"bytes {start}-{start + len(chunk) - 1}/{size}"})
