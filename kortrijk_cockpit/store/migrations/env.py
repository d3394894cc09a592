"""Alembic environment: always run on a connection the app hands in."""

from __future__ import annotations

from alembic import context

from kortrijk_cockpit.domain import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only the app and tests run migrations
    raise RuntimeError("migrations run through kortrijk_cockpit.store.schema only")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
