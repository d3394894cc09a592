"""Shared fixtures: offscreen Qt, a store on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path

# Headless Qt with one 1920x1080 screen, the assistant's workstation.
os.environ.setdefault(
    "QT_QPA_PLATFORM",
    f"offscreen:configfile={Path(__file__).with_name('offscreen_screen.json')}",
)

import pytest  # noqa: E402

from kortrijk_cockpit.config import Paths  # noqa: E402
from kortrijk_cockpit.store import Store, open_store  # noqa: E402
from kortrijk_cockpit.store.database import parse_url, sqlite_url  # noqa: E402
from tests.pg_server import PostgresServer, PostgresUnavailable  # noqa: E402

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
# The sandbox EWS server and a real exchangelib client, for the Exchange tests.
pytest_plugins = ["tests.integration.exchange_fixtures", "tests.integration.m365_fixtures"]
_db_names = itertools.count(1)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """A module marked `both_protocols` runs each Exchange test over EWS and over Graph."""
    if "protocol" in metafunc.fixturenames and metafunc.definition.get_closest_marker(
            "both_protocols") is not None:
        metafunc.parametrize("protocol", ["ews", "graph"], indirect=True)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PostgresServer]:
    try:
        server = PostgresServer.start()
    except PostgresUnavailable as exc:
        if IN_CI:
            pytest.fail(f"PostgreSQL is required in CI but could not start: {exc}")
        pytest.skip(f"PostgreSQL not available: {exc}")
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A URL to an empty database: a SQLite file, or a fresh database on the test server."""
    if request.param == "sqlite":
        return str(sqlite_url(tmp_path / "cockpit.sqlite3"))
    server: PostgresServer = request.getfixturevalue("pg_server")
    return server.create_database(f"cockpit_test_{os.getpid()}_{next(_db_names)}")


@pytest.fixture
def paths(tmp_path: Path) -> Paths:
    paths = Paths.for_basedir(tmp_path / "base")
    paths.ensure()
    return paths


@pytest.fixture
def store(store_url: str, paths: Paths) -> Iterator[Store]:
    opened = open_store(parse_url(store_url), backups=paths.backups)
    yield opened
    opened.close()


@pytest.fixture
def sqlite_store(paths: Paths) -> Iterator[Store]:
    opened = open_store(sqlite_url(paths.default_database), backups=paths.backups)
    yield opened
    opened.close()
