"""The temporary folder of a `--demo` or `--temp-basedir` run, and its removal.

A clean exit removes the run's folder. A crashed run's folder (crash report
included) stays until the next start, which removes it once no process uses
it any more. Only our own folders are touched: the name has our prefix and
the folder holds our marker file with the pid of the run that made it.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path

PREFIX = "kortrijk-cockpit-"
MARKER = ".kortrijk-cockpit-temp"

_made: list[Path] = []  # this process's folders, removed by remove_own()


def make() -> Path:
    remove_stale()
    base = Path(tempfile.mkdtemp(prefix=PREFIX))
    (base / MARKER).write_text(str(os.getpid()), encoding="ascii")
    _made.append(base)
    return base


def remove_own() -> None:
    """Remove the folders this process made; the log file in them is closed first."""
    while _made:
        base = _made.pop()
        _close_logs_under(base)
        shutil.rmtree(base, ignore_errors=True)


def remove_stale(temp_root: Path | None = None) -> list[Path]:
    """Remove earlier runs' folders whose process is gone; returns what was removed."""
    root = temp_root or Path(tempfile.gettempdir())
    removed = []
    for folder in root.glob(f"{PREFIX}*"):
        owner = _owner(folder)
        if owner is None or owner == os.getpid() or _alive(owner):
            continue
        shutil.rmtree(folder, ignore_errors=True)
        removed.append(folder)
    return removed


def _owner(folder: Path) -> int | None:
    """The pid in our marker, or None for a folder that is not ours."""
    try:
        return int((folder / MARKER).read_text(encoding="ascii").strip())
    except (OSError, ValueError):
        return None


def _alive(pid: int) -> bool:
    if sys.platform == "win32":  # os.kill(pid, 0) would terminate the process on Windows
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        try:
            return bool(kernel32.GetExitCodeProcess(handle, ctypes.byref(code))) and \
                code.value == 259  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: alive
    return True


def _close_logs_under(base: Path) -> None:
    """Windows cannot delete an open file: let go of the log file in `base`."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        filename = getattr(handler, "baseFilename", "")
        if filename and Path(filename).is_relative_to(base):
            root.removeHandler(handler)
            handler.close()
