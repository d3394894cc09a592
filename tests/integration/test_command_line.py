"""The command-line contract, run as a real process."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from kortrijk_cockpit import __version__


def run(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "kortrijk_cockpit", *args], capture_output=True,
                          text=True, timeout=timeout, env=env, check=False)


def assert_one_dutch_line(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    for word in words:
        assert word in lines[0]


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"kortrijk-cockpit {__version__}"


def test_bad_arguments_get_one_dutch_line() -> None:
    assert_one_dutch_line(run("--kleur"), "fout", "onbekende argumenten: --kleur", "--help")
    assert_one_dutch_line(run("rood"), "ongeldige keuze: 'rood'", "kies uit 'sync', 'sandbox'")
    assert_one_dutch_line(run("--database"), "verwacht een waarde")
    assert_one_dutch_line(run("--basedir", "x", "--temp-basedir"), "kan niet samen met")


def test_smoke_test_builds_shows_and_quits_cleanly(tmp_path: Path) -> None:
    result = run("--smoke-test", "--basedir", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "data" / "cockpit.sqlite3").is_file()
    log = (tmp_path / "logs" / "cockpit.log").read_text(encoding="utf-8")
    assert "main window shown" in log
    assert not list((tmp_path / "logs").glob("crash-*.txt"))


def test_demo_smoke_test_opens_a_filled_temporary_store() -> None:
    result = run("--demo", "--smoke-test", "--debug")
    assert result.returncode == 0, result.stderr


def test_unwritable_basedir_gets_one_dutch_line(tmp_path: Path) -> None:
    blocker = tmp_path / "bestand"
    blocker.write_text("geen map")
    assert_one_dutch_line(run("--smoke-test", "--basedir", str(blocker / "sub")),
                          "kan niet worden aangemaakt")


def test_unreachable_database_gets_one_dutch_line(tmp_path: Path) -> None:
    result = run("--smoke-test", "--basedir", str(tmp_path),
                 "--database", "postgresql+psycopg://kabinet:geheim@127.0.0.1:1/cockpit")
    assert_one_dutch_line(result, "niet bereikbaar")
    assert "geheim" not in result.stderr
    assert "geheim" not in (tmp_path / "logs" / "cockpit.log").read_text(encoding="utf-8")


def test_corrupt_database_gets_one_dutch_line_and_is_kept(tmp_path: Path) -> None:
    db = tmp_path / "data" / "cockpit.sqlite3"
    db.parent.mkdir(parents=True)
    db.write_bytes(b"kapot" * 1000)
    assert_one_dutch_line(run("--smoke-test", "--basedir", str(tmp_path)), "beschadigd")
    assert db.read_bytes() == b"kapot" * 1000


@pytest.mark.postgres
def test_smoke_test_on_postgresql(pg_server, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    url = pg_server.create_database("cockpit_cli_smoke")
    result = run("--smoke-test", "--basedir", str(tmp_path), "--database", url)
    assert result.returncode == 0, result.stderr


def test_a_second_start_on_the_same_data_folder_defers_to_the_first(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    first = subprocess.Popen(  # a normal GUI run: stays up until terminated
        [sys.executable, "-m", "kortrijk_cockpit", "--basedir", str(tmp_path)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        log = tmp_path / "logs" / "cockpit.log"
        second = None
        for _ in range(600):  # bounded: until the first window is up
            if log.exists() and "main window shown" in log.read_text(encoding="utf-8"):
                second = run("--smoke-test", "--basedir", str(tmp_path))
                break
            try:
                first.wait(timeout=0.1)
                break
            except subprocess.TimeoutExpired:
                continue
        assert second is not None, "first instance never showed its window"
        assert second.returncode == 0
        assert "al geopend" in second.stderr
    finally:
        first.terminate()
        first.wait(timeout=30)
    assert first.returncode is not None


def test_sqlite_store_from_cli_uses_wal(tmp_path: Path) -> None:
    assert run("--smoke-test", "--basedir", str(tmp_path)).returncode == 0
    with sqlite3.connect(tmp_path / "data" / "cockpit.sqlite3") as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
