"""Which of the director's mail folders are kept in sync."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kortrijk_cockpit.changes import Changes, Kind
from kortrijk_cockpit.domain import FolderKind, MailFolder
from kortrijk_cockpit.errors import UserFacingError

ALWAYS = (FolderKind.INBOX, FolderKind.SENT)  # the office cannot work without these
LOCAL = (FolderKind.IMPORTED,)  # exist only in the store: nothing to synchronise


@dataclass(frozen=True)
class FolderChoice:
    folder_id: int
    name: str
    kind: FolderKind
    synced: bool
    fixed: bool  # always synced; the user cannot switch it off


class FolderService:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def mail_folders(self, *, include_local: bool = False) -> list[FolderChoice]:
        """The folders the sync can keep: what the folders dialog offers. The Mail
        area's tree also lists the local "Geïmporteerd" folder (`include_local`)."""
        skipped = [FolderKind.CALENDAR] if include_local else [FolderKind.CALENDAR, *LOCAL]
        with self._sessions() as s:
            folders = s.scalars(select(MailFolder).where(MailFolder.kind.not_in(skipped))
                                .order_by(MailFolder.kind, MailFolder.display_name)).all()
        order = {k: i for i, k in enumerate(FolderKind)}
        return sorted(
            (FolderChoice(f.id, f.display_name, f.kind,
                          f.kind not in LOCAL and (f.sync_enabled or f.kind in ALWAYS),
                          f.kind in ALWAYS or f.kind in LOCAL) for f in folders),
            key=lambda c: (order[c.kind], c.name.lower()),
        )

    def set_synced(self, folder_id: int, synced: bool) -> Changes:
        with self._sessions.begin() as s:
            folder = s.get(MailFolder, folder_id)
            if folder is None:
                raise UserFacingError("Deze map bestaat niet meer.")
            if folder.kind in LOCAL:
                raise UserFacingError("Geïmporteerde mails staan alleen hier, niet in Exchange.")
            if folder.kind in ALWAYS and not synced:
                raise UserFacingError("Postvak IN en Verzonden items worden altijd gesynchroniseerd.")
            folder.sync_enabled = synced
            return Changes.of(Kind.FOLDER, updated=[folder_id])
