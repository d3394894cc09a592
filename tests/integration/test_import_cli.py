"""`kortrijk-cockpit import FILE...` as a real process, on SQLite and PostgreSQL."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

from tests.integration.test_mail_import import OFFERTE
from tests.msg_files import MsgMail, msg_bytes


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kortrijk_cockpit", *args],
                          capture_output=True, text=True, timeout=120, check=False)


def calendar() -> bytes:
    """Two events next week: the command uses the real clock and the calendar window."""
    days = [(date.today() + timedelta(days=n)).strftime("%Y%m%d") for n in (7, 8)]
    events = "".join(f"BEGIN:VEVENT\r\nUID:cli-{day}@kortrijk.be\r\nSUMMARY:DC\r\n"
                     f"DTSTART;TZID=Europe/Brussels:{day}T090000\r\nDURATION:PT1H\r\n"
                     "END:VEVENT\r\n" for day in days)
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n{events}END:VCALENDAR\r\n".encode()


def files(folder: Path) -> list[str]:
    folder.mkdir()
    (folder / "offerte.eml").write_bytes(OFFERTE)
    (folder / "receptie.msg").write_bytes(msg_bytes(MsgMail(subject="Nieuwjaarsreceptie")))
    (folder / "overleg.ics").write_bytes(calendar())
    return [str(folder / n) for n in ("offerte.eml", "receptie.msg", "overleg.ics")]


def test_import_prints_a_line_per_file_and_a_summary(tmp_path: Path) -> None:
    basedir = tmp_path / "base"
    result = run("--basedir", str(basedir), "import", *files(tmp_path / "in"))

    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.splitlines() == [
        "kortrijk-cockpit: offerte.eml: mail \u201cOfferte renovatie belfort \u2013 versie 2\u201d "
        "ge\u00efmporteerd",
        "kortrijk-cockpit: receptie.msg: mail \u201cNieuwjaarsreceptie\u201d ge\u00efmporteerd",
        "kortrijk-cockpit: overleg.ics: 2 afspraken ge\u00efmporteerd",
        "kortrijk-cockpit: Ge\u00efmporteerd: 2 mails en 2 afspraken.",
    ]
    with sqlite3.connect(basedir / "data" / "cockpit.sqlite3") as db:
        assert db.execute("SELECT count(*) FROM mails WHERE imported_from IS NOT NULL"
                          ).fetchone() == (2,)
        assert db.execute("SELECT count(*) FROM calendar_events").fetchone() == (2,)

    again = run("--basedir", str(basedir), "import", *files(tmp_path / "again"))
    assert again.returncode == 0
    assert "offerte.eml: al ge\u00efmporteerd" in again.stdout
    assert again.stdout.splitlines()[-1] == (
        "kortrijk-cockpit: Ge\u00efmporteerd: 0 mails en 0 afspraken; 3 overgeslagen.")


def test_an_unreadable_file_gets_one_line_and_exit_code_1(tmp_path: Path) -> None:
    good = files(tmp_path / "in")
    empty = tmp_path / "leeg.msg"
    empty.write_bytes(b"")
    pdf = tmp_path / "nota.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")

    result = run("--basedir", str(tmp_path / "base"), "import", str(empty), *good, str(pdf))

    assert result.returncode == 1
    assert result.stderr.splitlines() == ["kortrijk-cockpit: leeg.msg: leeg bestand",
                                          "kortrijk-cockpit: nota.pdf: onbekend bestandstype .pdf"]
    assert result.stdout.splitlines()[-1] == (
        "kortrijk-cockpit: Ge\u00efmporteerd: 2 mails en 2 afspraken; 2 bestanden niet gelezen.")


def test_import_into_postgresql(pg_server, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    url = pg_server.create_database("cockpit_import_cli")
    result = run("--basedir", str(tmp_path / "base"), "--database", url, "import",
                 *files(tmp_path / "in"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == (
        "kortrijk-cockpit: Ge\u00efmporteerd: 2 mails en 2 afspraken.")


def test_import_needs_a_file() -> None:
    result = run("import")
    assert result.returncode == 2
    assert "deze argumenten ontbreken: BESTAND" in result.stderr
