"""The app's own start-up gives the window the reporting mail and agenda services."""

from __future__ import annotations

from pathlib import Path

from kortrijk_cockpit.app import Options, build_core, resolve_paths, window_services
from kortrijk_cockpit.services.reporting_requests import MailKind


def test_the_window_gets_request_mails_and_milestone_placing(tmp_path: Path) -> None:
    options = Options(basedir=tmp_path / "base")
    paths = resolve_paths(options)  # not `prepare`: it sets up the process's logging
    paths.ensure()
    core = build_core(options, paths)
    try:
        services = window_services(core, paths)
        assert services.reporting_requests is not None
        assert services.reporting_agenda is not None
        assert services.reporting_requests.preview(MailKind.REQUEST).mails == ()
        assert services.reporting_agenda.place_milestones().placed == ()
    finally:
        core.store.close()
