"""Opening a store: upgrades with a backup first, and clear Dutch refusals that
leave the database exactly as it was."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import text

from kortrijk_cockpit.config import Paths
from kortrijk_cockpit.errors import (
    StoreCorruptError,
    StoreError,
    StoreLockedError,
    StoreTooNewError,
    StoreUnreachableError,
)
from kortrijk_cockpit.services.search import SearchService
from kortrijk_cockpit.store import open_store
from kortrijk_cockpit.store.database import create_store_engine, parse_url, sqlite_url
from kortrijk_cockpit.store.schema import current_revision, head_revision, upgrade_store


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_store_at_first_schema(path: Path) -> None:
    """A store as the first release left it, with one mail in it."""
    engine = create_store_engine(sqlite_url(path), for_migrations=True)
    upgrade_store(engine, backups=None, target="0001")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO mail_folders (display_name, kind, sync_enabled, "
                          "total_count, unread_count) VALUES ('Postvak IN', 'inbox', 1, 0, 0)"))
        conn.execute(text(
            "INSERT INTO mails (folder_id, subject, sender_name, sender_email, to_recipients, "
            "cc_recipients, body_text, categories, flag_status, is_read, importance, "
            "sensitivity, has_attachments, version, received_at) VALUES (1, 'Jaarrekening 2025', "
            "'Els', 'els@kortrijk.be', '[]', '[]', 'tekst', '[]', 'none', 0, 'normal', "
            "'normal', 0, 1, :at)"),
            {"at": datetime(2026, 1, 5, 8, 0)},
        )
    engine.dispose()


def test_an_older_store_is_backed_up_then_upgraded_with_its_data(paths: Paths) -> None:
    db = paths.default_database
    make_store_at_first_schema(db)
    before = digest(db)

    store = open_store(sqlite_url(db), backups=paths.backups)
    try:
        assert current_revision(store.engine) == head_revision()
        hits = SearchService(store.session_factory).search("jaarrekening")
        assert [h.title for h in hits] == ["Jaarrekening 2025"]
    finally:
        store.close()

    backups = list(paths.backups.glob("cockpit-*-schema-0001.sqlite3"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert conn.execute("SELECT subject FROM mails").fetchall() == [("Jaarrekening 2025",)]
    assert before != digest(db)


def test_a_current_store_is_opened_without_a_backup(paths: Paths) -> None:
    open_store(sqlite_url(paths.default_database), backups=paths.backups).close()
    open_store(sqlite_url(paths.default_database), backups=paths.backups).close()
    assert list(paths.backups.iterdir()) == []


def test_a_store_from_a_newer_version_is_refused_and_left_alone(store_url: str,
                                                                paths: Paths) -> None:
    open_store(parse_url(store_url), backups=paths.backups).close()
    engine = create_store_engine(parse_url(store_url))
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0099'"))
    engine.dispose()
    sqlite_file = Path(parse_url(store_url).database or "") if "sqlite" in store_url else None
    before = digest(sqlite_file) if sqlite_file else None

    with pytest.raises(StoreTooNewError, match="nieuwere versie") as refused:
        open_store(parse_url(store_url), backups=paths.backups)
    assert "0099" in refused.value.user_message
    if sqlite_file:
        assert digest(sqlite_file) == before
    assert list(paths.backups.iterdir()) == []


def test_a_locked_store_gives_a_dutch_message_and_is_left_alone(paths: Paths) -> None:
    db = paths.default_database
    make_store_at_first_schema(db)
    before = digest(db)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreLockedError, match="vergrendeld"):
            open_store(sqlite_url(db), backups=paths.backups, busy_timeout_ms=200)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert digest(db) == before
    assert list(paths.backups.iterdir()) == []


@pytest.mark.parametrize("content", [b"this is no database" * 100,
                                     b"SQLite format 3\x00" + b"\xff" * 4000])
def test_a_corrupt_store_gives_a_dutch_message_and_is_left_alone(paths: Paths,
                                                                 content: bytes) -> None:
    db = paths.default_database
    db.write_bytes(content)
    with pytest.raises(StoreCorruptError, match="beschadigd") as refused:
        open_store(sqlite_url(db), backups=paths.backups)
    assert "ongewijzigd" in refused.value.user_message
    assert db.read_bytes() == content
    assert sorted(p.name for p in db.parent.iterdir() if p.is_file()) == [db.name]


def test_an_unreachable_server_gives_a_dutch_message_without_the_password() -> None:
    url = parse_url("postgresql://kabinet:geheim-wachtwoord@127.0.0.1:1/cockpit")
    with pytest.raises(StoreUnreachableError, match="niet bereikbaar") as refused:
        open_store(url)
    assert "geheim-wachtwoord" not in refused.value.user_message
    assert "geheim-wachtwoord" not in refused.value.detail


@pytest.mark.parametrize("raw", ["mysql://x@y/z", "dit is geen adres"])
def test_an_unsupported_or_malformed_url_is_refused_in_dutch(raw: str) -> None:
    with pytest.raises(StoreError, match="SQLite|PostgreSQL|ongeldig"):
        parse_url(raw)


def test_a_database_of_another_program_is_not_touched(paths: Paths) -> None:
    db = paths.default_database
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE klanten (id INTEGER)")
    before = digest(db)
    with pytest.raises(StoreError, match="niet van Kortrijk Cockpit"):
        open_store(sqlite_url(db), backups=paths.backups)
    assert digest(db) == before


def test_stored_times_survive_a_reopen_in_utc(paths: Paths) -> None:
    from kortrijk_cockpit.domain import CalendarEvent

    start = datetime(2026, 10, 25, 2, 30, tzinfo=ZoneInfo("Europe/Brussels"))  # DST ends
    store = open_store(sqlite_url(paths.default_database), backups=paths.backups)
    with store.session_factory.begin() as s:
        s.add(CalendarEvent(subject="Nacht", start_at=start, end_at=start))
    store.close()
    store = open_store(sqlite_url(paths.default_database), backups=paths.backups)
    with store.session() as s:
        event = s.query(CalendarEvent).one()
    store.close()
    # 02:30 happens twice that night; the first one (summer time) is meant.
    assert event.start_at.timestamp() == start.timestamp()
    assert (event.start_at.hour, event.start_at.minute) == (0, 30)


def test_missing_migration_files_give_a_dutch_message(paths: Paths, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import kortrijk_cockpit.store.schema as schema

    monkeypatch.setattr(schema, "MIGRATIONS_DIR", paths.data / "bestaat-niet")
    with pytest.raises(StoreError, match="installatie van Kortrijk Cockpit is onvolledig"):
        open_store(sqlite_url(paths.default_database), backups=paths.backups)
