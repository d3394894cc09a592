"""Opening the store: engine, session factory, and Dutch errors for what goes wrong.

SQLite is the default (WAL, foreign keys on); PostgreSQL is used by URL for a
team sharing one store. `open_store` either hands back a migrated, working
store or raises a `StoreError` and leaves the database file as it found it.
"""

from __future__ import annotations

import socket
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from kortrijk_cockpit.errors import (
    ConcurrentEditError,
    StoreCorruptError,
    StoreError,
    StoreLockedError,
    StoreUnreachableError,
)

SQLITE_BUSY_TIMEOUT_MS = 5000


@dataclass(frozen=True)
class Store:
    """A migrated database and the factory for short, per-unit-of-work sessions."""

    engine: Engine
    session_factory: sessionmaker[Session]

    @property
    def url(self) -> URL:
        return self.engine.url

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @property
    def display_url(self) -> str:
        return describe_url(self.engine.url)

    @property
    def location(self) -> str:
        """Where the data lives, for people: a file path or server/database."""
        url = self.engine.url
        if self.dialect == "sqlite":
            return url.database or ":memory:"
        return f"{url.host or 'localhost'}/{url.database or ''}"

    def session(self) -> Session:
        return self.session_factory()

    def close(self) -> None:
        self.engine.dispose()


def describe_url(url: URL) -> str:
    """The URL as it may be shown or logged: never with its password."""
    return url.render_as_string(hide_password=True)


def sqlite_url(path: Path) -> URL:
    return URL.create("sqlite+pysqlite", database=str(path))


def parse_url(raw: str) -> URL:
    try:
        url = make_url(raw)
    except ArgumentError as exc:
        raise StoreError(
            "Het databaseadres is ongeldig. Gebruik bijvoorbeeld "
            "postgresql+psycopg://gebruiker@server/cockpit of sqlite:///pad/naar/cockpit.sqlite3."
        ) from exc
    if url.get_backend_name() not in ("sqlite", "postgresql"):
        raise StoreError(
            f"Databasetype '{url.get_backend_name()}' wordt niet ondersteund: "
            "gebruik SQLite of PostgreSQL."
        )
    if url.get_backend_name() == "postgresql" and url.drivername == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
    return url


def _sqlite_on_connect(
    busy_timeout_ms: int, explicit_transactions: bool
) -> Callable[[sqlite3.Connection, Any], None]:
    def on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        if explicit_transactions:
            dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        cur.execute("PRAGMA foreign_keys = ON")
        if not explicit_transactions:
            # Switching to WAL rewrites the file header, so it waits until the
            # migration step has accepted the file as ours.
            cur.execute("PRAGMA journal_mode = WAL")
            cur.execute("PRAGMA synchronous = NORMAL")
        cur.close()

    return on_connect


def create_store_engine(
    url: URL, *, busy_timeout_ms: int = SQLITE_BUSY_TIMEOUT_MS, for_migrations: bool = False
) -> Engine:
    """An engine for the app, or (`for_migrations`) one with transactional DDL.

    On SQLite the app's engine keeps pysqlite's default of beginning a
    transaction at the first write: a session that only read holds no WAL
    snapshot, so its later UPDATE sees the newest row and a stale version is
    refused as StaleDataError, not as "database is locked". Migrations instead
    use SQLAlchemy's recipe (BEGIN emitted explicitly) so a failed upgrade
    rolls back whole.
    """
    try:
        if url.get_backend_name() == "sqlite":
            engine = create_engine(
                url,
                connect_args={"check_same_thread": False, "timeout": busy_timeout_ms / 1000},
            )
            event.listen(engine, "connect", _sqlite_on_connect(busy_timeout_ms, for_migrations))
            if for_migrations:
                event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN"))
        else:
            # JIT compiling costs ~170 ms on the mail list's scans of 100,000 rows
            # and never pays back on the app's short queries.
            engine = create_engine(
                url, pool_pre_ping=True,
                connect_args={"connect_timeout": 10, "options": "-c jit=off"},
            )
    except NoSuchModuleError as exc:
        raise StoreError(f"Geen stuurprogramma voor {url.drivername}.") from exc
    return engine


# SQLite primary result codes (extended codes carry the primary one in the low byte).
_SQLITE_LOCKED = {sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED}
_SQLITE_CORRUPT = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}
_SQLITE_UNWRITABLE = {sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM}
_PG_CONNECTION_BAD = 1  # libpq's CONNECTION_BAD (psycopg.pq.ConnStatus.BAD)


def sqlite_code(orig: BaseException) -> int | None:
    """The primary SQLite result code of a driver error, if it carries one."""
    code = getattr(orig, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def pg_sqlstate(orig: BaseException) -> str:
    """psycopg's SQLSTATE ("" for client-side failures such as a refused connection)."""
    state = getattr(orig, "sqlstate", None)
    return state if isinstance(state, str) else ""


def translate_db_error(exc: BaseException, url: URL) -> StoreError:
    """Map a driver error to a Dutch message the user can act on.

    Decided by the driver's error code, never by its message text: the text
    is localised (PostgreSQL's lc_messages) and changes between versions.
    """
    orig = getattr(exc, "orig", None) or exc
    where = describe_url(url)
    if url.get_backend_name() == "sqlite":
        error = _sqlite_error(sqlite_code(orig), url.database or "", str(orig))
    else:
        state = pg_sqlstate(orig)
        failure = _connect_failure(orig, url)
        if not failure and isinstance(exc, DBAPIError) and exc.connection_invalidated:
            failure = "network"
        error = _pg_error(state, where, f"{type(orig).__name__} {state}".strip(), failure)
    return error or StoreError(
        f"De gegevensbank {where} kon niet worden gebruikt ({type(orig).__name__}).",
        detail=type(orig).__name__,
    )


def _sqlite_error(code: int | None, path: str, detail: str) -> StoreError | None:
    if code in _SQLITE_LOCKED:
        return StoreLockedError(
            f"De gegevensbank {path} is vergrendeld door een ander programma. "
            "Sluit andere vensters van Kortrijk Cockpit en probeer opnieuw.",
            detail=detail,
        )
    if code in _SQLITE_CORRUPT:
        return StoreCorruptError(
            f"De gegevensbank {path} is beschadigd en werd niet geopend. "
            "Het bestand is ongewijzigd gelaten; zet een reservekopie terug "
            "uit de map 'backups' of neem contact op met de informaticadienst.",
            detail=detail,
        )
    if code in _SQLITE_UNWRITABLE:
        return StoreError(
            f"De gegevensbank {path} kan niet worden geopend of beschreven. "
            "Controleer of de map bestaat en schrijfbaar is.",
            detail=detail,
        )
    if code == sqlite3.SQLITE_FULL:
        return _disk_full(detail)
    return None


def _connect_failure(orig: BaseException, url: URL) -> str:
    """Why psycopg could not connect, from libpq's state and the socket: never its message.

    libpq reports a refused login (FATAL during start-up) without an SQLSTATE,
    so "no server answered" and "the server said no" are told apart by
    whether the server's port accepts a TCP connection.
    Returns "" (not a connection failure), "auth" or "network".
    """
    pgconn = getattr(orig, "pgconn", None)
    if pg_sqlstate(orig) or pgconn is None or pgconn.status != _PG_CONNECTION_BAD:
        return ""
    if getattr(pgconn, "needs_password", False):
        return "auth"
    if not url.host or url.host.startswith("/"):
        return "network"  # a Unix socket: nothing to probe
    try:
        socket.create_connection((url.host, url.port or 5432), timeout=3).close()
    except OSError:
        return "network"
    return "auth"


def _pg_error(state: str, where: str, detail: str, failure: str) -> StoreError | None:
    cls = state[:2]
    if cls == "28":  # invalid_authorization_specification, invalid_password
        return StoreUnreachableError(
            f"Aanmelden bij de gegevensbank {where} is mislukt: controleer gebruiker en wachtwoord.",
            detail=detail,
        )
    if failure == "auth":  # the server answered but refused the login (or the database name)
        return StoreUnreachableError(
            f"De server weigerde de aanmelding bij de gegevensbank {where}: controleer gebruiker, "
            "wachtwoord en de naam van de gegevensbank.",
            detail=detail,
        )
    if state == "3D000":  # invalid_catalog_name
        return StoreUnreachableError(
            f"De gegevensbank {where} bestaat niet op die server: controleer het adres.",
            detail=detail,
        )
    if state == "53100":  # disk_full
        return _disk_full(detail)
    if state in ("40001", "40P01", "55P03"):  # serialization, deadlock, lock not available
        return StoreLockedError(
            f"De gegevensbank {where} is bezet door een andere gebruiker. Probeer opnieuw.",
            detail=detail,
        )
    # connection_exception, admin shutdown / cannot connect now, or no server answered at all
    if cls == "08" or state in ("57P01", "57P02", "57P03") or failure == "network":
        return StoreUnreachableError(
            f"De gegevensbank {where} is niet bereikbaar. "
            "Controleer de netwerkverbinding en het adres, of werk met een lokale gegevensbank.",
            detail=detail,
        )
    return None


def _disk_full(detail: str) -> StoreError:
    return StoreError(
        "De schijf is vol: er kon niets worden opgeslagen. Maak ruimte vrij en probeer opnieuw.",
        detail=detail,
    )


@contextmanager
def store_errors(sessions: sessionmaker[Session]) -> Iterator[None]:
    """Driver errors (a full disk, a lock held too long) as a Dutch `StoreError`."""
    try:
        yield
    except DBAPIError as exc:
        bind = sessions.kw.get("bind")
        url = bind.url if isinstance(bind, Engine) else make_url("sqlite://")
        raise translate_db_error(exc, url) from exc


def probe(engine: Engine) -> None:
    """Touch the database once so a locked, corrupt or unreachable one fails here."""
    try:
        with engine.connect() as conn:
            if engine.dialect.name == "sqlite":
                conn.execute(text("SELECT count(*) FROM sqlite_master")).scalar_one()
            else:
                conn.execute(text("SELECT 1")).scalar_one()
    except DBAPIError as exc:
        engine.dispose()
        raise translate_db_error(exc, engine.url) from exc


STALE_MESSAGE = (
    "Iemand anders heeft dit intussen gewijzigd. Uw wijziging werd niet bewaard: "
    "laad opnieuw om de nieuwste versie te zien en breng uw wijziging dan opnieuw aan."
)


class CockpitSession(Session):
    """A session whose stale save is an expected failure with a Dutch message.

    Every write, by a service, the sync engine or a headless command, flushes
    here (commit and autoflush both go through `flush`), so this is the one
    place that sees a `Versioned` row changed by someone else; callers and the
    UI only know `ConcurrentEditError`, never SQLAlchemy.
    """

    def flush(self, objects: Any = None) -> None:
        try:
            super().flush(objects)
        except StaleDataError as exc:
            raise ConcurrentEditError(STALE_MESSAGE, detail=str(exc)) from exc


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    # expire_on_commit=False: services return detached data after commit.
    return sessionmaker(engine, class_=CockpitSession, expire_on_commit=False)
