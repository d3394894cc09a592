"""Small, explicit store contents for tests that need a mail to act on."""

from __future__ import annotations

from kortrijk_cockpit.domain import FolderKind, Mail, MailFolder
from kortrijk_cockpit.store import Store


def inbox_mails(store: Store, *subjects: str, categories: tuple[str, ...] = ()) -> list[int]:
    """An inbox holding one synced mail per subject; returns their ids."""
    with store.session_factory.begin() as s:
        folder = MailFolder(display_name="Postvak IN", kind=FolderKind.INBOX, exchange_id="f")
        s.add(folder)
        s.flush()
        mails = [Mail(folder_id=folder.id, exchange_id=f"m{n + 1}", change_key=f"ck{n + 1}",
                      subject=subject, categories=list(categories))
                 for n, subject in enumerate(subjects)]
        s.add_all(mails)
        s.flush()
        return [m.id for m in mails]
