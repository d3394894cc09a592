"""Driver errors become Dutch store errors by their codes, whatever language the text is in."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import psycopg
import pytest
from sqlalchemy.exc import OperationalError

from kortrijk_cockpit.errors import (
    StoreCorruptError,
    StoreError,
    StoreLockedError,
    StoreUnreachableError,
)
from kortrijk_cockpit.store.database import parse_url, sqlite_url, translate_db_error

SQLITE = sqlite_url(Path("/tmp/cockpit.sqlite3"))
POSTGRES = parse_url("postgresql+psycopg://kabinet@db.kortrijk.be/cockpit")


def sqlite_error(code: int, text: str) -> OperationalError:
    orig = sqlite3.OperationalError(text)
    orig.sqlite_errorcode = code  # type: ignore[attr-defined]
    return OperationalError("SELECT 1", {}, orig)


def pg_error(sqlstate: str, text: str) -> OperationalError:
    return OperationalError("SELECT 1", {}, psycopg.errors.lookup(sqlstate)(text))


@pytest.mark.parametrize(("code", "kind", "words"), [
    (sqlite3.SQLITE_BUSY, StoreLockedError, "vergrendeld"),
    (517, StoreLockedError, "vergrendeld"),  # SQLITE_BUSY_SNAPSHOT: an extended code
    (sqlite3.SQLITE_LOCKED, StoreLockedError, "vergrendeld"),
    (sqlite3.SQLITE_CORRUPT, StoreCorruptError, "beschadigd"),
    (779, StoreCorruptError, "beschadigd"),  # SQLITE_CORRUPT_INDEX
    (sqlite3.SQLITE_NOTADB, StoreCorruptError, "beschadigd"),
    (sqlite3.SQLITE_FULL, StoreError, "schijf is vol"),
    (sqlite3.SQLITE_READONLY, StoreError, "schrijfbaar"),
    (1032, StoreError, "schrijfbaar"),  # SQLITE_READONLY_DBMOVED
    (sqlite3.SQLITE_CANTOPEN, StoreError, "schrijfbaar"),
])
def test_sqlite_errors_are_told_apart_by_their_code(code: int, kind: type, words: str) -> None:
    # A French text that names none of the English words the driver would use.
    error = translate_db_error(sqlite_error(code, "échec de l'opération"), SQLITE)
    assert type(error) is kind
    assert words in error.user_message


def test_sqlite_code_wins_over_misleading_text() -> None:
    error = translate_db_error(sqlite_error(sqlite3.SQLITE_CORRUPT, "database is locked"), SQLITE)
    assert isinstance(error, StoreCorruptError)


def test_sqlite_error_without_a_known_code_is_a_general_store_error() -> None:
    error = translate_db_error(sqlite_error(sqlite3.SQLITE_IOERR, "disk is full"), SQLITE)
    assert type(error) is StoreError
    assert "kon niet worden gebruikt" in error.user_message


@pytest.mark.parametrize(("sqlstate", "kind", "words"), [
    ("53100", StoreError, "schijf is vol"),
    ("08006", StoreUnreachableError, "niet bereikbaar"),
    ("57P01", StoreUnreachableError, "niet bereikbaar"),
    ("28P01", StoreUnreachableError, "gebruiker en wachtwoord"),
    ("28000", StoreUnreachableError, "gebruiker en wachtwoord"),
    ("3D000", StoreUnreachableError, "bestaat niet"),
    ("40001", StoreLockedError, "bezet"),
    ("40P01", StoreLockedError, "bezet"),
])
def test_postgresql_errors_are_told_apart_by_their_sqlstate(sqlstate: str, kind: type,
                                                            words: str) -> None:
    # PostgreSQL with lc_messages=fr_FR: the text says nothing our code could match.
    error = translate_db_error(pg_error(sqlstate, "ÉCHEC : opération refusée"), POSTGRES)
    assert type(error) is kind
    assert words in error.user_message
    assert sqlstate in error.detail


def test_postgresql_text_about_passwords_without_the_code_is_not_an_auth_error() -> None:
    error = translate_db_error(pg_error("42P01", "password authentication failed"), POSTGRES)
    assert type(error) is StoreError
