"""`--demo` and `--temp-basedir` leave no folder behind; a crashed run's folder goes at the next start."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kortrijk_cockpit.temp_basedir import MARKER, PREFIX


def run(tmp: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(tmp)}
    return subprocess.run([sys.executable, "-m", "kortrijk_cockpit", *args], capture_output=True,
                          text=True, timeout=180, env=env, check=False)


def ours(tmp: Path) -> list[Path]:
    return sorted(tmp.glob(f"{PREFIX}*"))


@pytest.fixture
def tmp(tmp_path: Path) -> Path:
    folder = tmp_path / "temp"
    folder.mkdir()
    return folder


@pytest.mark.parametrize("option", ["--demo", "--temp-basedir"])
def test_a_clean_gui_exit_removes_its_temporary_folder(tmp: Path, option: str) -> None:
    result = run(tmp, option, "--smoke-test")
    assert result.returncode == 0, result.stderr
    assert ours(tmp) == []


def test_a_headless_run_removes_its_temporary_folder(tmp: Path) -> None:
    result = run(tmp, "--temp-basedir", "sync", "--once")  # no profile: an expected failure
    assert result.returncode == 2
    assert "nog geen Exchange-verbinding" in result.stderr
    assert ours(tmp) == []


def make_leftover(tmp: Path, name: str, pid: int | None) -> Path:
    folder = tmp / name
    (folder / "data").mkdir(parents=True)
    (folder / "data" / "cockpit.sqlite3").write_bytes(b"x")
    if pid is not None:
        (folder / MARKER).write_text(str(pid), encoding="ascii")
    return folder


def test_a_crashed_runs_folder_is_removed_at_the_next_start_and_only_ours(tmp: Path) -> None:
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    crashed = make_leftover(tmp, f"{PREFIX}crashed", gone.pid)
    running = make_leftover(tmp, f"{PREFIX}running", os.getpid())  # a live instance's folder
    foreign = make_leftover(tmp, f"{PREFIX}foreign", None)  # same prefix, but not our marker
    result = run(tmp, "--temp-basedir", "--smoke-test")
    assert result.returncode == 0, result.stderr
    assert not crashed.exists()
    assert running.is_dir() and foreign.is_dir()
    assert ours(tmp) == [foreign, running]
