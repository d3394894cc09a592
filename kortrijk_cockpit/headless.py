"""Sub-commands that run without a window: `sync --once` and `sandbox`. No Qt."""

from __future__ import annotations

import argparse
import logging
import sys

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
    endpoint = args.server or settings.exchange_endpoint
    mailbox = args.mailbox or settings.exchange_mailbox
    username = args.user or settings.exchange_username
    if not (endpoint and mailbox and username):
        raise ConfigError(
            "Er is nog geen Exchange-verbinding ingesteld. Stel ze in via het programma, of geef "
            "--server, --mailbox en --user mee."
        )
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
        register_secret(password)
    else:
        password = auth.load_password(username, endpoint) or ""
        if not password:
            raise ConfigError("Geen wachtwoord bewaard voor deze verbinding: gebruik "
                              "--password-stdin of meld u eerst aan in het programma.")
    backend = EwsBackend(
        EwsSettings(endpoint=endpoint, mailbox=mailbox, username=username,
                    auth=args.auth or settings.exchange_auth,
                    ca_bundle=settings.exchange_ca_bundle),
        password,
    )
    try:
        pushed = OutboxPusher(core.store.session_factory, backend, core.clock).push()
        report = SyncEngine(
            core.store.session_factory, backend, core.clock,
            SyncOptions(days_back=settings.calendar_days_back,
                        days_ahead=settings.calendar_days_ahead,
                        show_private=settings.show_private_items),
        ).sync()
    finally:
        backend.close()
        core.store.close()
    print(f"{APP_ID}: gesynchroniseerd: {report.created} nieuw, {report.updated} gewijzigd, "
          f"{report.removed} verwijderd, {report.events} afspraken; "
          f"{pushed.pushed} wijzigingen verstuurd.")
    return 0
