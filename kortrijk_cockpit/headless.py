"""Sub-commands that run without a window: `sync --once`, `import` and `sandbox`. No Qt."""

from __future__ import annotations

import argparse
import logging
import sys
from dataclasses import replace
from typing import TYPE_CHECKING

from kortrijk_cockpit import APP_ID
from kortrijk_cockpit.app import Options, build_core, prepare
from kortrijk_cockpit.errors import ConfigError, UserFacingError

if TYPE_CHECKING:
    from collections.abc import Callable

    from kortrijk_cockpit.app import Core
    from kortrijk_cockpit.exchange.backend import MailboxBackend
    from kortrijk_cockpit.exchange.ews import EwsSettings, Secret
    from kortrijk_cockpit.exchange.graph.settings import GraphSettings
    from kortrijk_cockpit.services.mail_import import MailImporter

log = logging.getLogger(__name__)


def run_sandbox(args: argparse.Namespace) -> int:
    from kortrijk_cockpit.sandbox.cli import run

    return run(port=args.port, mails=args.mails, events=args.events,
               graph=getattr(args, "graph", False))


def run_sync(args: argparse.Namespace, options: Options) -> int:
    from kortrijk_cockpit.exchange.ews import EwsBackend, EwsSettings

    paths, _log_file = prepare(options)
    core = build_core(options, paths)
    settings = core.settings
    if getattr(args, "graph", False):
        try:
            return _sync_once(core, _graph_backend(args))
        finally:
            core.store.close()
    if settings.exchange_backend == "graph" and not (args.server or args.auth):
        try:
            return _sync_once(core, _saved_graph_backend(args, core))
        finally:
            core.store.close()
    profile = EwsSettings.from_profile(settings)
    ews = replace(profile, endpoint=args.server or profile.endpoint,
                  mailbox=args.mailbox or profile.mailbox,
                  username=args.user or profile.username, auth=args.auth or profile.auth)
    if not (ews.mailbox and ews.username) or (ews.uses_oauth and not ews.endpoint):
        raise ConfigError(
            "Er is nog geen Exchange-verbinding ingesteld. Stel ze in via het programma, of geef "
            "--mailbox en --user mee (en --server, als autodiscover het adres niet vindt)."
        )
    secret = _secret(args, ews)
    try:
        if not ews.endpoint and isinstance(secret, str):
            from kortrijk_cockpit.exchange.discovery import discover_endpoint

            ews = replace(ews, endpoint=discover_endpoint(
                ews.mailbox, ews.username, secret, auth=ews.auth, ca_bundle=ews.ca_bundle))
        return _sync_once(core, lambda: EwsBackend(ews, secret))
    finally:
        core.store.close()


def _saved_graph_backend(args: argparse.Namespace, core: Core) -> Callable[[], MailboxBackend]:
    """`sync --once` over Microsoft Graph with the saved profile: a silent token only."""
    from kortrijk_cockpit.exchange.backends import open_backend
    from kortrijk_cockpit.exchange.graph.settings import GraphSettings

    graph = GraphSettings.from_profile(core.settings)
    graph = replace(graph, mailbox=args.mailbox or graph.mailbox)
    if not (graph.mailbox and graph.authority and graph.client_id):
        raise ConfigError("De verbinding met Microsoft 365 (Graph) is niet volledig "
                          "ingesteld: stel ze in via het programma (Verbinding met "
                          "Exchange, Ctrl+,).")
    secret = _secret(args, graph)
    return lambda: open_backend(graph, secret)


def _sync_once(core: Core, backend: Callable[[], MailboxBackend]) -> int:
    from kortrijk_cockpit.exchange.round import MailboxRound
    from kortrijk_cockpit.exchange.sync import SyncOptions
    from kortrijk_cockpit.task_context import TaskContext

    mailbox_round = MailboxRound(backend, core.store.session_factory, core.clock,
                                 SyncOptions.from_settings(core.settings))
    try:
        outcome = mailbox_round.run(
            TaskContext(), on_wait=lambda message, _seconds: log.info("%s", message))
    finally:
        mailbox_round.close()
    if not outcome.ok or outcome.sync is None or outcome.push is None:
        raise UserFacingError(outcome.message)
    report, pushed = outcome.sync, outcome.push
    print(f"{APP_ID}: gesynchroniseerd: {report.created} nieuw, {report.updated} gewijzigd, "
          f"{report.removed} verwijderd, {report.events} afspraken; "
          f"{pushed.pushed} wijzigingen verstuurd.")
    return 0


def _graph_backend(args: argparse.Namespace) -> Callable[[], MailboxBackend]:
    """`sync --once --graph`: Microsoft Graph at --server with a bearer token from stdin (the
    sandbox's, or one a script got elsewhere); the saved profile's sign-in is not used."""
    from kortrijk_cockpit.exchange.backends import open_backend
    from kortrijk_cockpit.exchange.graph.settings import GraphSettings, StaticToken

    if not (args.server and args.mailbox and args.token_stdin):
        raise ConfigError("Met --graph zijn --server (het Graph-adres), --mailbox en "
                          "--token-stdin nodig.")
    token = StaticToken(sys.stdin.readline().strip())  # registered as a secret at once
    graph = GraphSettings(mailbox=args.mailbox, username=args.user or "", endpoint=args.server)
    return lambda: open_backend(graph, token)


def mail_importer(core: Core) -> MailImporter:
    """The importer over the core's store, for `import` and for dropping files on the window."""
    return core.importer


def run_import(args: argparse.Namespace, options: Options) -> int:
    """One line per file imported, skipped or not read, then a summary; 1 if any was not read."""
    paths, _log_file = prepare(options)
    core = build_core(options, paths)
    try:
        report = mail_importer(core).import_files(args.files)
    finally:
        core.store.close()
    for line in [*(f.line for f in report.imported), *(s.line for s in report.skipped)]:
        print(f"{APP_ID}: {line}")
    for failure in report.failures:
        log.warning("import failed: %s", failure.line)
        print(f"{APP_ID}: {failure.line}", file=sys.stderr)
    print(f"{APP_ID}: {report.summary}")
    return 1 if report.failures else 0


def _secret(args: argparse.Namespace, ews: EwsSettings | GraphSettings) -> Secret:
    """The password from stdin, or the profile's secret from the keyring."""
    from kortrijk_cockpit.exchange.errors import SignInRequired
    from kortrijk_cockpit.exchange.profile import load_secret
    from kortrijk_cockpit.logging_setup import register_secret

    if ews.uses_oauth:
        if args.password_stdin:
            raise ConfigError("Bij Microsoft 365 wordt geen wachtwoord gebruikt: meld u aan in "
                              "het programma (Verbinding met Exchange, Ctrl+,).")
        # Silent only: a script cannot open a browser.
        session = load_secret(ews)
        if session is None:
            raise SignInRequired("U bent nog niet aangemeld bij Microsoft 365: meld u aan in "
                                 "het programma (Verbinding met Exchange, Ctrl+,).")
        return session
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
        register_secret(password)
        return password
    stored = load_secret(ews)
    if not isinstance(stored, str) or not stored:
        raise ConfigError("Geen wachtwoord bewaard voor deze verbinding: gebruik "
                          "--password-stdin of meld u eerst aan in het programma.")
    return stored
