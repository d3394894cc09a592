"""`--briefings`, or the "director" role in the settings, starts the read-only Briefings
window instead of the full app; run as a real process with a smoke-test exit."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

from kortrijk_cockpit.clock import BRUSSELS
from kortrijk_cockpit.config import Paths
from kortrijk_cockpit.domain import CalendarEvent
from kortrijk_cockpit.store import open_store
from kortrijk_cockpit.store.database import sqlite_url
from tests.integration.test_command_line import run


def seed_external_appointment(basedir: Path) -> None:
    """One reception tomorrow (this or next week, whatever today is)."""
    paths = Paths.for_basedir(basedir)
    paths.ensure()
    store = open_store(sqlite_url(paths.default_database), backups=paths.backups)
    start = datetime.now(BRUSSELS).replace(hour=14, minute=0, second=0,
                                           microsecond=0) + timedelta(days=1)
    with store.session_factory.begin() as s:
        s.add(CalendarEvent(subject="Voka-receptie", start_at=start,
                            end_at=start + timedelta(hours=2), organizer="jan@voka.be"))
    store.close()


def log_of(basedir: Path) -> str:
    return (basedir / "logs" / "cockpit.log").read_text(encoding="utf-8")


def test_briefings_option_opens_the_briefings_window(tmp_path: Path) -> None:
    seed_external_appointment(tmp_path)
    result = run("--briefings", "--smoke-test", "--basedir", str(tmp_path))
    assert result.returncode == 0, result.stderr
    log = log_of(tmp_path)
    assert "briefings window shown" in log and "main window shown" not in log
    assert "briefings: 1 external appointment(s)" in log
    assert not list((tmp_path / "logs").glob("crash-*.txt"))


def test_the_director_role_opens_the_briefings_window(tmp_path: Path) -> None:
    paths = Paths.for_basedir(tmp_path)
    paths.ensure()
    (paths.config / "settings.json").write_text(json.dumps({"role": "director"}),
                                                encoding="utf-8")
    result = run("--smoke-test", "--basedir", str(tmp_path))
    assert result.returncode == 0, result.stderr
    log = log_of(tmp_path)
    assert "briefings window shown" in log and "main window shown" not in log
    assert "briefings: 0 external appointment(s)" in log
