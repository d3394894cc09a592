"""After a sync with a known password, that password is nowhere on disk."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest

from kortrijk_cockpit.config import Paths, Settings
from kortrijk_cockpit.exchange import auth
from kortrijk_cockpit.exchange.backend import MailboxBackend
from kortrijk_cockpit.exchange.ews import EwsBackend
from kortrijk_cockpit.exchange.graph.backend import GraphBackend
from kortrijk_cockpit.exchange.graph.settings import StaticToken
from kortrijk_cockpit.exchange.sync import SyncEngine
from kortrijk_cockpit.logging_setup import setup_logging
from kortrijk_cockpit.sandbox import Mailbox, SandboxServer
from kortrijk_cockpit.store import open_store
from kortrijk_cockpit.store.database import sqlite_url
from tests.integration.exchange_fixtures import (
    NOW,
    MemoryKeyring,
    graph_settings_for,
    settings_for,
)


@pytest.mark.both_protocols
def test_a_known_password_never_reaches_database_settings_logs_or_crash_report(
        tmp_path: Path, memory_keyring: MemoryKeyring, clock,  # type: ignore[no-untyped-def]
        protocol: str) -> None:
    """Over Graph the secret is the bearer token (a sandbox's static one: no keyring)."""
    paths = Paths.for_basedir(tmp_path)
    paths.ensure()
    setup_logging(paths.logs, debug=True)
    mailbox = Mailbox(owner="algemeen.directeur@kortrijk.be")
    mailbox.add_message("inbox", subject="Budget 2027", sender=("Els", "els@kortrijk.be"),
                        received=NOW)
    with SandboxServer(mailbox) as server:
        backend: MailboxBackend
        if protocol == "graph":
            PASSWORD = server.graph_token
            graph = graph_settings_for(server, mailbox)
            settings = Settings(graph_endpoint=graph.endpoint, exchange_mailbox=graph.mailbox,
                                exchange_username=graph.username)
            settings.save(paths)
            store = open_store(sqlite_url(paths.default_database), backups=paths.backups)
            backend = GraphBackend(graph, StaticToken(PASSWORD))
        else:
            PASSWORD = server.password
            ews = settings_for(server, mailbox)
            auth.store_password(ews.username, ews.endpoint, PASSWORD)
            settings = Settings(exchange_endpoint=ews.endpoint, exchange_mailbox=ews.mailbox,
                                exchange_username=ews.username, exchange_auth=ews.auth)
            settings.save(paths)
            store = open_store(sqlite_url(paths.default_database), backups=paths.backups)
            backend = EwsBackend(ews, auth.load_password(ews.username, ews.endpoint) or "")
        SyncEngine(store.session_factory, backend, clock).sync()
        logging.getLogger("test").info("signed in with %s", PASSWORD)
        try:
            raise RuntimeError(f"sync crashed after login with {PASSWORD}")
        except RuntimeError:
            from kortrijk_cockpit.ui.crash import format_report

            (paths.logs / "crash-test.txt").write_text(format_report(*sys.exc_info()))  # type: ignore[arg-type]
        backend.close()
        store.close()
    for handler in logging.getLogger().handlers:
        handler.flush()

    # In the keyring, and only there (the sandbox's static token is not even there).
    assert list(memory_keyring.items.values()) == ([] if protocol == "graph" else [PASSWORD])
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert {p.name for p in files} >= {"cockpit.sqlite3", "settings.json", "cockpit.log",
                                       "crash-test.txt"}
    assert [p for p in files if PASSWORD.encode() in p.read_bytes()] == []
    import sqlite3

    with sqlite3.connect(paths.default_database) as conn:  # the sync did happen
        assert conn.execute("SELECT subject FROM mails").fetchall() == [("Budget 2027",)]
