"""Reading the director's mailbox over Graph: folders, delta pages, bodies in `$batch`,
the calendar view, single items, attachments, and finding what the outbox wrote."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import quote

from kortrijk_cockpit.domain import FolderKind
from kortrijk_cockpit.exchange.errors import AccessDenied, BackendError, ItemGone
from kortrijk_cockpit.exchange.graph import convert
from kortrijk_cockpit.exchange.graph.client import GraphClient, error_for
from kortrijk_cockpit.exchange.records import (
    Change,
    EventRecord,
    FolderRecord,
    ItemFiles,
    MailBody,
    MailSummary,
    Removed,
    SyncPage,
    Upserted,
)

log = logging.getLogger(__name__)

_FOLDERS = (("inbox", FolderKind.INBOX), ("sentitems", FolderKind.SENT),
            ("deleteditems", FolderKind.DELETED))
_TEXT_BODY = ['outlook.body-content-type="text"']
CALENDAR_PAGE = 500
WINDOW_MOVES_AFTER_DAYS = 7


def _iso(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def quoted(value: str) -> str:
    """A string literal in an OData `$filter`."""
    return "'" + value.replace("'", "''") + "'"


def marker_filter(marker: str) -> str:
    return (f"singleValueExtendedProperties/Any(ep: ep/id eq '{convert.MARKER_ID}' "
            f"and ep/value eq {quoted(marker)})")


class GraphReading:
    """The reading half of `GraphBackend`."""

    mailbox: str
    _client: GraphClient

    # -- folders -------------------------------------------------------------------
    def folders(self) -> list[FolderRecord]:
        records = []
        for name, kind in _FOLDERS:
            try:
                found = self._client.get(f"/mailFolders/{name}")
            except AccessDenied:
                if kind == FolderKind.INBOX:
                    raise
                log.info("no access to the director's %s folder; skipped", kind.value)
                continue
            records.append(self._folder(found, kind))
        calendar = self._client.get("/calendar", params={"$select": "id,name,changeKey"})
        records.append(FolderRecord(exchange_id=str(calendar["id"]),
                                    name=str(calendar.get("name") or ""),
                                    kind=FolderKind.CALENDAR,
                                    change_key=str(calendar.get("changeKey") or "")))
        known = {r.exchange_id for r in records}
        return records + self._custom_folders(known)

    def _custom_folders(self, known: set[str]) -> list[FolderRecord]:
        """The mail folders at the top of the mailbox; none when the delegate may not list them."""
        try:
            pages = list(self._client.pages("/mailFolders", params={"$top": "100"}))
        except (AccessDenied, ItemGone):
            return []
        return [self._folder(f, FolderKind.CUSTOM) for page in pages for f in page["value"]
                if str(f["id"]) not in known]

    @staticmethod
    def _folder(found: dict[str, object], kind: FolderKind) -> FolderRecord:
        return FolderRecord(
            exchange_id=str(found["id"]), name=str(found.get("displayName") or ""), kind=kind,
            parent_exchange_id=str(found.get("parentFolderId") or ""),
            total_count=int(found.get("totalItemCount") or 0),  # type: ignore[call-overload]
            unread_count=int(found.get("unreadItemCount") or 0))  # type: ignore[call-overload]

    # -- delta ---------------------------------------------------------------------
    def _default_window(self) -> tuple[datetime, datetime]:
        settings = self._client.settings
        now = datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
        return now - timedelta(days=settings.days_back), now + timedelta(days=settings.days_ahead)

    def sync_page(self, folder: FolderRecord, sync_state: str, *, max_changes: int,
                  window: tuple[datetime, datetime] | None = None) -> SyncPage:
        """A delta page; the state kept is Graph's own next or delta link (a URL)."""
        if folder.kind == FolderKind.CALENDAR:
            return self._calendar_page(sync_state, max_changes, window or self._default_window())
        prefer = [f"odata.maxpagesize={max_changes}"]
        if sync_state:
            page = self._client.get(sync_state, prefer=prefer)
        else:
            page = self._client.get(
                f"/mailFolders/{quote(folder.exchange_id, safe='')}/messages/delta",
                prefer=prefer, params={"$select": convert.SUMMARY_SELECT,
                                       "$expand": convert.EXTENDED})
        changes: list[Change] = [Removed(str(item["id"])) if "@removed" in item
                                 else Upserted(convert.summary(item))
                                 for item in page.get("value", [])]
        return self._page(page, changes)

    @staticmethod
    def _page(page: dict[str, Any], changes: list[Change], prefix: str = "") -> SyncPage:
        delta = page.get("@odata.deltaLink")
        link = str(delta or page.get("@odata.nextLink") or "")
        return SyncPage(changes=changes, sync_state=prefix + link, last_page=bool(delta))

    def _calendar_page(self, sync_state: str, max_changes: int,
                       window: tuple[datetime, datetime]) -> SyncPage:
        """Whether the calendar changed (the window is then re-read), from a calendarView
        delta. A delta is bound to its window: once the sync's window has moved on by a
        week, a new delta starts on the new one (and reports everything as changed)."""
        prefer = [f"odata.maxpagesize={max_changes}"]
        start, end = window
        began, _, link = sync_state.partition("|")
        try:
            moved = abs((start - datetime.fromisoformat(began)).days) >= WINDOW_MOVES_AFTER_DAYS
        except ValueError:
            moved = True
        if link and not moved:
            page = self._client.get(link, prefer=prefer)
            began_at = began
        else:
            page = self._client.get("/calendarView/delta", prefer=prefer, params={
                "startDateTime": _iso(start), "endDateTime": _iso(end), "$select": "subject"})
            began_at = start.astimezone(UTC).isoformat()
        changes: list[Change] = [
            Removed(str(item["id"])) if "@removed" in item else
            Upserted(MailSummary(exchange_id=str(item["id"]),
                                 change_key=str(item.get("changeKey") or "")))
            for item in page.get("value", [])]
        return self._page(page, changes, prefix=f"{began_at}|")

    # -- bodies --------------------------------------------------------------------
    def fetch_bodies(self, exchange_ids: list[str]) -> list[MailBody | None]:
        asked = [{"method": "GET", "url": self._client.user_path(
            f"/messages/{quote(i, safe='')}?$select={convert.BODY_SELECT}"
            f"&$expand={convert.ATTACHMENTS}")} for i in exchange_ids]
        bodies: list[MailBody | None] = []
        for status, answer in self._client.batch(asked):
            if status == 404:
                bodies.append(None)  # gone meanwhile; the next sync removes it
            elif status >= 400:
                raise error_for(status, answer)
            else:
                bodies.append(convert.body(answer))
        return bodies

    # -- the calendar -----------------------------------------------------------------
    def calendar_view(self, start: datetime, end: datetime) -> list[EventRecord]:
        params = {"startDateTime": _iso(start), "endDateTime": _iso(end),
                  "$select": convert.EVENT_SELECT, "$top": str(CALENDAR_PAGE)}
        return [convert.event(item)
                for page in self._client.pages("/calendarView", params=params, prefer=_TEXT_BODY)
                for item in page.get("value", [])]

    def event(self, exchange_id: str) -> EventRecord | None:
        try:
            found = self._client.get(f"/events/{quote(exchange_id, safe='')}",
                                     params={"$select": convert.EVENT_SELECT}, prefer=_TEXT_BODY)
        except ItemGone:
            return None
        return convert.event(found)

    def series_master(self, exchange_id: str) -> EventRecord | None:
        try:
            found = self._client.get(f"/events/{quote(exchange_id, safe='')}",
                                     params={"$select": "id,type,seriesMasterId"})
        except ItemGone:
            return None
        master = found.get("seriesMasterId")
        if found.get("type") == "seriesMaster":
            master = found["id"]
        return self.event(str(master)) if master else None

    def event_files(self, exchange_id: str) -> ItemFiles | None:
        try:
            found = self._client.get(f"/events/{quote(exchange_id, safe='')}", params={
                "$select": "id,changeKey", "$expand": "attachments($select=id,name,contentType,size)"})
        except ItemGone:
            return None
        return ItemFiles(str(found.get("changeKey") or ""), convert.attachments("events", found))

    # -- single items ------------------------------------------------------------------
    def item_summary(self, exchange_id: str) -> MailSummary | None:
        try:
            found = self._client.get(f"/messages/{quote(exchange_id, safe='')}", params={
                "$select": convert.SUMMARY_SELECT, "$expand": convert.EXTENDED})
        except ItemGone:
            return None
        return convert.summary(found)

    def fetch_attachment(self, attachment_id: str) -> bytes:
        try:
            return self._client.call("GET", f"/{attachment_id}/$value").content
        except ItemGone:
            raise ItemGone("De bijlage bestaat niet meer op de server.") from None

    def may_view_private(self) -> bool:
        """Whether the director's calendar lets this delegate see private appointments."""
        me = self._client.settings.username.lower()
        try:
            found = self._client.get("/calendar/calendarPermissions")
        except BackendError:
            return False  # not knowing means not showing
        for permission in found.get("value", []):
            address = str((permission.get("emailAddress") or {}).get("address") or "").lower()
            if me and (address == me or address.split("@")[0] == me.split("@")[0]):
                return permission.get("role") == "delegateWithPrivateEventAccess"
        return False

    # -- what the outbox wrote -------------------------------------------------------------
    def _marked(self, path: str, marker: str) -> dict[str, object] | None:
        found = self._client.get(path, params={"$filter": marker_filter(marker),
                                               "$select": "id,changeKey", "$top": "1"})
        values = found.get("value") or []
        return values[0] if values else None

    def find_marked(self, folder: FolderKind, marker: str) -> tuple[str, str] | None:
        # What was sent can still wait in the Outbox until transport submits it.
        places = ("/mailFolders/sentitems/messages", "/mailFolders/outbox/messages") \
            if folder == FolderKind.SENT else ("/calendar/events",)
        for path in places:
            try:
                found = self._marked(path, marker)
            except AccessDenied:
                if "outbox" not in path:
                    raise
                log.info("no access to the director's Outbox; not looked in")
                continue
            if found is not None:
                return str(found["id"]), str(found.get("changeKey") or "")
        return None

    def find_in_folder(self, folder_exchange_id: str, subject: str,
                       received_at: datetime | None) -> str | None:
        found = self._client.get(
            f"/mailFolders/{quote(folder_exchange_id, safe='')}/messages",
            params={"$filter": f"subject eq {quoted(subject)}",
                    "$select": "id,receivedDateTime", "$top": "50"})
        for item in found.get("value", []):
            received = convert.stamp(item.get("receivedDateTime"))
            if received_at is None or (received is not None
                                       and abs((received - received_at).total_seconds()) < 1):
                return str(item["id"])
        return None
