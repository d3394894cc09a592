"""`--demo --graph`: the demo's mail and calendar arrive through the sandbox's Microsoft
Graph front-end, not EWS, by the same wiring the app starts with."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kortrijk_cockpit.__main__ import build_parser
from kortrijk_cockpit.app import Options, build_core, start_sync
from kortrijk_cockpit.config import Paths
from kortrijk_cockpit.domain import CalendarEvent, Mail
from kortrijk_cockpit.exchange.graph.settings import GraphSettings
from kortrijk_cockpit.exchange.round import RoundOutcome
from kortrijk_cockpit.sandbox.ews.server import EWS_PATH
from kortrijk_cockpit.sandbox.graph.http import API as GRAPH_API


def test_demo_graph_syncs_the_demo_mailbox_over_graph_only(  # type: ignore[no-untyped-def]
        qtbot, app, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    options = Options.from_args(build_parser().parse_args(
        ["--basedir", str(tmp_path), "--demo", "--graph"]))
    assert options.demo and options.graph
    paths = Paths.for_basedir(tmp_path)
    paths.ensure()
    caplog.set_level(logging.DEBUG, logger="kortrijk_cockpit.sandbox.ews.server")
    core = build_core(options, paths)
    assert core.exchange is not None and core.exchange.sandbox is not None
    server = core.exchange.sandbox
    assert isinstance(core.exchange.settings, GraphSettings)
    sync = start_sync(core, core.exchange)
    try:
        with qtbot.waitSignal(sync.round_finished, timeout=120_000) as finished:
            sync.start()
        outcome = finished.args[0]
    finally:
        sync.shutdown()
        core.exchange.close()
    try:
        assert isinstance(outcome, RoundOutcome) and outcome.ok, outcome.message
        with core.store.session() as s:
            mails = s.scalar(select(func.count()).select_from(Mail).where(
                Mail.exchange_id.is_not(None)))
            events = s.scalar(select(func.count()).select_from(CalendarEvent))
    finally:
        core.store.close()
    # The demo mailbox's mail and appointments, through delta, $batch and calendarView.
    assert mails and mails > 100 and events and events > 20
    assert server.errors == []
    assert {"SyncFolderItems", "GetItem"} <= set(server.requests)
    paths_asked = [r.getMessage() for r in caplog.records if '"' in r.getMessage()]
    assert any(f" {GRAPH_API}/" in line for line in paths_asked)
    assert any("/$batch" in line for line in paths_asked)
    assert not any(EWS_PATH in line for line in paths_asked)  # not one EWS request


def test_graph_without_demo_is_refused_in_one_dutch_line() -> None:
    result = subprocess.run([sys.executable, "-m", "kortrijk_cockpit", "--graph",
                             "--smoke-test"], capture_output=True, text=True, timeout=120,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, check=False)
    assert result.returncode == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "--graph werkt alleen samen met --demo" in lines[0], lines


def test_demo_graph_smoke_test_starts_and_quits_cleanly(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "kortrijk_cockpit", "--basedir", str(tmp_path),
                             "--demo", "--graph", "--smoke-test", "--debug"],
                            capture_output=True, text=True, timeout=180,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, check=False)
    assert result.returncode == 0, result.stderr
    log = (tmp_path / "logs" / "cockpit.log").read_text(encoding="utf-8")
    assert "(Microsoft Graph)" in log
    assert not list((tmp_path / "logs").glob("crash-*.txt"))
