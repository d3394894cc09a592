"""Refresh the Dutch translation files from the sources.

    python .ci/update_translations.py          # lupdate + lrelease
    python .ci/update_translations.py --check  # exit 1 if a .ts or .qm is stale

lupdate keeps finished translations and marks new strings unfinished; fill
those in Qt Linguist (or the .ts by hand), then run this again for the .qm.
"""

from __future__ import annotations

import filecmp
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "kortrijk_cockpit_nl.ts"


def tool(name: str) -> str:
    exe = Path(sys.executable).parent / f"pyside6-{name}"
    found = shutil.which(str(exe)) or shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"pyside6-{name} not found; install PySide6-Essentials")
    return found


def sources() -> list[str]:
    return sorted(str(p) for p in (ROOT / "kortrijk_cockpit" / "ui").rglob("*.py"))


def lupdate(ts: Path) -> None:
    subprocess.run([tool("lupdate"), "-silent", "-locations", "none", "-no-obsolete",
                    *sources(), "-ts", str(ts)], check=True)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def main() -> int:
    if "--check" in sys.argv:
        with tempfile.TemporaryDirectory() as tmp:
            ts = Path(tmp) / TS.name
            shutil.copy(TS, ts)
            lupdate(ts)
            if ts.read_text(encoding="utf-8") != TS.read_text(encoding="utf-8"):
                print("translation file is stale: run python .ci/update_translations.py")
                return 1
            qm = Path(tmp) / "check.qm"
            lrelease(TS, qm)
            if not filecmp.cmp(qm, TS.with_suffix(".qm"), shallow=False):
                print(".qm is stale: run python .ci/update_translations.py")
                return 1
        return 0
    lupdate(TS)
    lrelease(TS, TS.with_suffix(".qm"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
