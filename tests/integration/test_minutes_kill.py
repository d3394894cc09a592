"""Killed mid-sentence: a real app process types minutes and is killed with SIGKILL; the
store holds everything typed up to the autosave interval (plus a margin) before the
kill, and the next start of the app opens the minutes at that item with that text."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import select

from kortrijk_cockpit.config import Paths
from kortrijk_cockpit.domain import ItemMinutes
from kortrijk_cockpit.services.minutes import AUTOSAVE_MS
from kortrijk_cockpit.store import open_store
from kortrijk_cockpit.store.database import sqlite_url
from tests.minutes_world import seed_minutes_world

ROOT = Path(__file__).resolve().parents[2]
MARGIN_S = 1.5  # a save on a busy machine: the store lane, a commit
TYPE_FOR_S = 5.0  # at least two autosaves while typing goes on


def app_process(basedir: Path, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen([sys.executable, "-m", "tests.integration.minutes_app",
                             str(basedir), *args], cwd=ROOT, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_killed_while_typing_loses_at_most_the_autosave_interval(tmp_path: Path) -> None:
    basedir = tmp_path / "base"
    paths = Paths.for_basedir(basedir)
    paths.ensure()
    store = open_store(sqlite_url(paths.default_database), backups=paths.backups)
    try:
        world = seed_minutes_world(store.session_factory)
    finally:
        store.close()

    typing = app_process(basedir, "type", str(world.meeting_id))
    assert typing.stdout is not None
    seen: list[tuple[float, int]] = []  # when the line arrived, how much was typed by then
    started: float | None = None
    try:
        for line in typing.stdout:
            now = time.monotonic()
            if line.startswith("typed "):
                seen.append((now, int(line.split()[1])))
                started = started or now
                if now - started >= TYPE_FOR_S:
                    break
            elif line.strip() != "typing":
                raise AssertionError(f"unexpected output: {line!r}")
        else:
            raise AssertionError(f"the app stopped: {typing.stderr.read() if typing.stderr else ''}")
        typing.send_signal(signal.SIGKILL)
        killed_at = time.monotonic()
    finally:
        if typing.poll() is None:
            typing.kill()
        typing.wait(30)
        for stream in (typing.stdout, typing.stderr):
            if stream is not None:
                stream.close()
    assert typing.returncode == -signal.SIGKILL

    safe_before = killed_at - AUTOSAVE_MS / 1000 - MARGIN_S
    must_have = max((n for at, n in seen if at <= safe_before), default=0)
    assert must_have > 0  # the test typed long enough to mean something
    full = "".join(f"woord{n:03d} " for n in range(len(seen) + 5))
    store = open_store(sqlite_url(paths.default_database), backups=paths.backups)
    try:
        with store.session() as s:
            saved = s.scalar(select(ItemMinutes.notes)
                             .where(ItemMinutes.agenda_item_id == world.item_ids[0]))
    finally:
        store.close()
    assert saved is not None and full.startswith(saved)  # what was typed, in order
    assert len(saved) >= must_have, (len(saved), must_have, seen[-1])

    reopened = app_process(basedir, "report")
    out, err = reopened.communicate(timeout=90)
    assert reopened.returncode == 0, err
    report = json.loads(out.strip().splitlines()[-1])
    assert report["title"] == "Notulen MAT 05/01/2027"
    assert report["item"] == "1. Begrotingswijziging"
    assert report["notes"] == saved
    assert report["field"] == "notes"
    assert report["cursor"] >= must_have  # the cursor where she was typing
