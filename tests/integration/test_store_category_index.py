"""The category index on PostgreSQL needs pg_trgm; a login that may not create it
still gets a working store, without the index."""

from __future__ import annotations

import os

import psycopg
import pytest
from sqlalchemy.engine import make_url

from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.services.mail_list import MailListService, MailQuery, MailView
from kortrijk_cockpit.store import open_store
from kortrijk_cockpit.store.database import parse_url
from tests.integration.mail_world import NOW, folders, mail


@pytest.mark.postgres
def test_a_login_without_extension_rights_gets_the_store_without_the_index(  # type: ignore[no-untyped-def]
        pg_server) -> None:
    role, database = f"cockpit_app_{os.getpid()}", f"cockpit_plain_{os.getpid()}"
    admin = f"host=127.0.0.1 port={pg_server.port} user=postgres"
    with psycopg.connect(f"{admin} dbname=postgres", autocommit=True) as conn:
        conn.execute(f'CREATE ROLE "{role}" LOGIN')
        conn.execute(f'CREATE DATABASE "{database}"')  # owned by postgres, not by the app
    with psycopg.connect(f"{admin} dbname={database}", autocommit=True) as conn:
        conn.execute(f'GRANT USAGE, CREATE ON SCHEMA public TO "{role}"')
    url = make_url(pg_server.url(database)).set(username=role)

    store = open_store(parse_url(url.render_as_string(hide_password=False)), backups=None)
    try:
        with store.engine.connect() as conn:
            indexes = set(conn.exec_driver_sql(
                "SELECT indexname FROM pg_indexes WHERE tablename = 'mails'").scalars())
            has_trgm = conn.exec_driver_sql(
                "SELECT count(*) FROM pg_extension WHERE extname = 'pg_trgm'").scalar()
        assert "ix_mails_categories_trgm" not in indexes and has_trgm == 0
        assert "ix_mails_sender_lower_received" in indexes
        f = folders(store)
        wanted = mail(store, f.inbox, "Budget", categories=["Actie AD"])
        mail(store, f.inbox, "Advies", categories=["Actie ADVIES"])
        service = MailListService(store.session_factory, FixedClock(NOW))
        assert service.ids(MailQuery(MailView.CATEGORY, category="Actie AD")) == [wanted]
    finally:
        store.close()
