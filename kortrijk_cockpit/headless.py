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
    from kortrijk_cockpit.sandbox.cli import run

    return run(port=args.port, mails=args.mails, events=args.events)


def run_sync(args: argparse.Namespace, options: Options) -> int:
    from kortrijk_cockpit.exchange import auth
    from kortrijk_cockpit.exchange.ews import EwsBackend, EwsSettings, Secret
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
    if not (ews.mailbox and ews.username) or (ews.uses_oauth and not ews.endpoint):
        raise ConfigError(
            "Er is nog geen Exchange-verbinding ingesteld. Stel ze in via het programma, of geef "
            "--mailbox en --user mee (en --server, als autodiscover het adres niet vindt)."
        )
    secret: Secret
    if ews.uses_oauth:
        from kortrijk_cockpit.exchange.m365 import M365Session

        if args.password_stdin:
            raise ConfigError("Bij Microsoft 365 wordt geen wachtwoord gebruikt: meld u aan in "
                              "het programma (Verbinding met Exchange, Ctrl+,).")
        # Silent only: a script cannot open a browser. SignInRequired says what to do.
        secret = M365Session(ews.authority, ews.client_id, ca_bundle=ews.ca_bundle)
    elif args.password_stdin:
        secret = sys.stdin.readline().rstrip("\r\n")
        register_secret(secret)
    else:
        secret = auth.load_password(ews.username, ews.endpoint) or ""
        if not secret:
            raise ConfigError("Geen wachtwoord bewaard voor deze verbinding: gebruik "
                              "--password-stdin of meld u eerst aan in het programma.")
    try:
        if not ews.endpoint and isinstance(secret, str):
            from kortrijk_cockpit.exchange.discovery import discover_endpoint

            ews = replace(ews, endpoint=discover_endpoint(
                ews.mailbox, ews.username, secret, auth=ews.auth, ca_bundle=ews.ca_bundle))
        backend = EwsBackend(ews, secret)  # Microsoft 365: fetches a token already
        try:
            pushed = OutboxPusher(core.store.session_factory, backend, core.clock).push()
            report = SyncEngine(
                core.store.session_factory, backend, core.clock,
                SyncOptions.from_settings(settings),
            ).sync()
        finally:
            backend.close()
    finally:
        core.store.close()
    print(f"{APP_ID}: gesynchroniseerd: {report.created} nieuw, {report.updated} gewijzigd, "
          f"{report.removed} verwijderd, {report.events} afspraken; "
          f"{pushed.pushed} wijzigingen verstuurd.")
    return 0
