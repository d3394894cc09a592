"""Attachment content on demand, written only under sanitised names.

A sender chooses the name; we choose where it lands. Names lose path parts,
control and reserved characters, trailing dots and spaces, and Windows'
reserved device names, and are kept inside the mail's own folder.
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from kortrijk_cockpit.domain import Attachment
from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.exchange.backend import MailboxBackend

# Windows also opens COM¹, COM², COM³, LPT¹, LPT², LPT³ as devices (superscript digits).
_RESERVED = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
             *(f"{port}{i}" for port in ("COM", "LPT") for i in (*range(10), "¹", "²", "³"))}
_FORBIDDEN = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]')
MAX_NAME = 150


def safe_filename(name: str, *, fallback: str = "bijlage") -> str:
    """A file name that is valid and harmless on Windows and elsewhere."""
    name = unicodedata.normalize("NFC", name)
    # Format characters (category Cf) are invisible: U+202E turns 'factuur\u202egpj.exe'
    # into what reads as 'factuurexe.jpg'; zero-width ones hide a name's real ending.
    name = "".join(c for c in name if unicodedata.category(c) != "Cf")
    name = name.replace("\\", "/").split("/")[-1]  # no directories, ever
    name = _FORBIDDEN.sub("_", name).strip().rstrip(". ")
    stem = name.split(".")[0].strip().upper()
    if stem in _RESERVED:  # CON, CON.docx and 'con .txt' all open the device
        name = f"_{name}"
    if not name.strip("._ "):
        name = fallback
    if len(name) > MAX_NAME:
        base, ext = os.path.splitext(name)
        name = base[: MAX_NAME - len(ext)] + ext
    return name


def unique_path(folder: Path, name: str) -> Path:
    candidate = folder / name
    base, ext = os.path.splitext(name)
    counter = 2
    while candidate.exists():
        candidate = folder / f"{base} ({counter}){ext}"
        counter += 1
    return candidate


class AttachmentSaver:
    def __init__(self, sessions: sessionmaker[Session], root: Path) -> None:
        self._sessions = sessions
        self._root = root

    def save(self, backend: MailboxBackend, attachment_id: int) -> Path:
        """Fetch the content if not on disk yet; return where it is."""
        with self._sessions() as s:
            row = s.get(Attachment, attachment_id)
            if row is None:
                raise UserFacingError("Deze bijlage bestaat niet meer.")
            if row.saved_path and Path(row.saved_path).is_file():
                return Path(row.saved_path)
            exchange_id, name, mail_id = row.exchange_id, row.name, row.mail_id
        if not exchange_id:
            raise UserFacingError("Deze bijlage kan niet van de server worden gehaald.")
        content = backend.fetch_attachment(exchange_id)
        folder = self._root / str(mail_id)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            target = unique_path(folder, safe_filename(name))
            assert target.resolve().parent == folder.resolve()
            tmp = target.with_name(target.name + ".part")
            tmp.write_bytes(content)
            os.replace(tmp, target)
        except OSError as exc:
            raise UserFacingError(
                "De bijlage kon niet worden opgeslagen" + (
                    ": de schijf is vol." if exc.errno == 28 else f" ({exc.strerror})."),
                detail=repr(exc),
            ) from exc
        with self._sessions.begin() as s:
            row = s.get(Attachment, attachment_id)
            if row is not None:
                row.saved_path = str(target)
        return target
