"""A PostgreSQL server that answers but refuses the login is not reported as unreachable."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import make_url

from kortrijk_cockpit.errors import StoreUnreachableError
from kortrijk_cockpit.store import open_store
from kortrijk_cockpit.store.database import parse_url


@pytest.mark.postgres
def test_an_unknown_role_is_a_refused_login_not_an_unreachable_server(pg_server) -> None:  # type: ignore[no-untyped-def]
    url = make_url(pg_server.url()).set(username="onbekende_rol", database="cockpit")
    with pytest.raises(StoreUnreachableError) as refused:
        open_store(parse_url(url.render_as_string(hide_password=False)), backups=None)
    assert "weigerde de aanmelding" in refused.value.user_message
    assert "niet bereikbaar" not in refused.value.user_message
