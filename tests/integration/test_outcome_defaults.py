"""The office's outcomes are made once, even when two workstations start together on
one shared store (both see none at their first look)."""

from __future__ import annotations

import threading

from sqlalchemy import event, select

from kortrijk_cockpit.domain import TriageOutcome
from kortrijk_cockpit.services.outcomes import DEFAULT_OUTCOMES, OutcomeService
from kortrijk_cockpit.store import Store


def test_two_first_starts_at_once_write_the_outcomes_once(store: Store) -> None:
    barrier, local = threading.Barrier(2, timeout=20), threading.local()

    def after_execute(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        if "FROM triage_outcomes" in statement and not getattr(local, "looked", False):
            local.looked = True
            barrier.wait()  # each has seen an empty list before either writes

    results: list[object] = []

    def first_start() -> None:
        try:
            results.append([o.name for o in OutcomeService(store.session_factory).outcomes()])
        except Exception as exc:  # noqa: BLE001 - reported below
            results.append(exc)

    event.listen(store.engine, "after_cursor_execute", after_execute)
    try:
        threads = [threading.Thread(target=first_start) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
    finally:
        event.remove(store.engine, "after_cursor_execute", after_execute)

    names = [o.name for o in DEFAULT_OUTCOMES]
    assert results == [names, names]
    with store.session() as s:
        assert len(s.scalars(select(TriageOutcome)).all()) == len(names)
