"""Sub-commands that run without a window: `sync --once` and `sandbox`. No Qt."""

from __future__ import annotations

import argparse
import logging
import sys
from dataclasses import replace

from kortrijk_cockpit import APP_ID
from kortrijk_cockpit.app import Options, build_core, prepare
from kortrijk_cockpit.errors import ConfigError

log = logging.getLogger(__name__)


def run_sandbox(args: argparse.Namespace) -> int:
    from kortrijk_cockpit.exchange.sandbox.cli import run

    return run(port=args.port, mails=args.mails, events=args.events)


def run_sync(args: argparse.Namespace, options: Options) -> int:
    from kortrijk_cockpit.exchange import auth
    from kortrijk_cockpit.exchange.ews import EwsBackend, EwsSettings
    from kortrijk_cockpit.exchange.outbox import OutboxPusher
    from kortrijk_cockpit.exchange.sync import SyncEngine, SyncOptions
    from kortrijk_cockpit.logging_setup import register_secret

    paths, _log_file = prepare(options)
    core = build_core(options, paths)
    settings = core.settings
    profile = EwsSettings.from_profile(settings)
    ews = replace(profile, endpoint=args.server or profile.endpoint,
                  mailbox=args.mailbox or profile.mailbox,
                  username=args.user or profile.username, auth=args.auth or profile.auth)
    if not (ews.endpoint and ews.mailbox and ews.username):
        raise ConfigError(
            "Er is nog geen Exchange-verbinding ingesteld. Stel ze in via het programma, of geef "
            "--server, --mailbox en --user mee."
        )
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
        register_secret(password)
    else:
        password = auth.load_password(ews.username, ews.endpoint) or ""
        if not password:
            raise ConfigError("Geen wachtwoord bewaard voor deze verbinding: gebruik "
                              "--password-stdin of meld u eerst aan in het programma.")
    backend = EwsBackend(ews, password)
    try:
        pushed = OutboxPusher(core.store.session_factory, backend, core.clock).push()
        report = SyncEngine(
            core.store.session_factory, backend, core.clock,
            SyncOptions.from_settings(settings),
        ).sync()
    finally:
        backend.close()
        core.store.close()
    print(f"{APP_ID}: gesynchroniseerd: {report.created} nieuw, {report.updated} gewijzigd, "
          f"{report.removed} verwijderd, {report.events} afspraken; "
          f"{pushed.pushed} wijzigingen verstuurd.")
    return 0
