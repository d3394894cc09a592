"""Schema upgrades at start-up, with a backup first and a refusal of newer stores.

Each released schema is an Alembic revision in `migrations/versions`. Before
upgrading an existing SQLite store it is copied (through SQLite's backup API,
safe with WAL) to a timestamped file in the backups folder.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError as AlembicError
from sqlalchemy import Engine, inspect
from sqlalchemy.exc import DBAPIError

from kortrijk_cockpit.errors import StoreError, StoreTooNewError
from kortrijk_cockpit.store.database import translate_db_error

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade_store(engine: Engine, backups: Path | None, target: str = "head") -> Path | None:
    """Bring the store to `target`; return the backup file made, if any."""
    try:
        script = ScriptDirectory.from_config(alembic_config())
        current = current_revision(engine)
        if current is not None and current not in {r.revision for r in script.walk_revisions()}:
            raise StoreTooNewError(
                "Deze gegevensbank is gemaakt met een nieuwere versie van Kortrijk Cockpit "
                f"(schema {current}). Installeer de nieuwste versie; de gegevensbank is niet gewijzigd."
            )
        wanted = script.get_current_head() if target == "head" else target
        if current == wanted:
            return None
        backup = None
        if current is not None and engine.dialect.name == "sqlite" and backups is not None:
            backup = backup_sqlite(engine, backups, label=current)
        elif current is None and _has_foreign_tables(engine):
            raise StoreError(
                "Deze gegevensbank bevat al tabellen die niet van Kortrijk Cockpit zijn. "
                "Kies een lege gegevensbank."
            )
        cfg = alembic_config()
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, target)
        return backup
    except DBAPIError as exc:
        raise translate_db_error(exc, engine.url) from exc
    except AlembicError as exc:
        # A damaged installation (migration files missing or unreadable).
        raise StoreError(
            "De gegevensbank kon niet worden bijgewerkt: de installatie van Kortrijk Cockpit "
            "is onvolledig. Installeer het programma opnieuw; de gegevensbank is niet gewijzigd.",
            detail=str(exc),
        ) from exc


def _has_foreign_tables(engine: Engine) -> bool:
    names = inspect(engine).get_table_names()
    return any(not n.startswith("sqlite_") for n in names)


def backup_sqlite(engine: Engine, backups: Path, *, label: str) -> Path:
    database = engine.url.database
    assert database, "backup of an in-memory database"
    backups.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
    target = backups / f"{Path(database).stem}-{stamp}-schema-{label}.sqlite3"
    source = sqlite3.connect(database)
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    return target
