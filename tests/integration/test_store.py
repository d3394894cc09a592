"""The store on SQLite and on a real PostgreSQL server: schema, time zones,
optimistic locking, full-text search."""

from __future__ import annotations

import warnings
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import inspect, select
from sqlalchemy.exc import SAWarning, StatementError
from sqlalchemy.orm.exc import StaleDataError

from kortrijk_cockpit.domain import (
    ActionPoint,
    AgendaItem,
    Brief,
    FolderKind,
    Mail,
    MailFolder,
    Meeting,
    Person,
)
from kortrijk_cockpit.errors import ConcurrentEditError
from kortrijk_cockpit.services.search import SearchService
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.store.schema import current_revision, head_revision

BRUSSELS = ZoneInfo("Europe/Brussels")


def _inbox(store: Store) -> int:
    with store.session_factory.begin() as s:
        folder = MailFolder(display_name="Postvak IN", kind=FolderKind.INBOX)
        s.add(folder)
        s.flush()
        return folder.id


def test_new_store_is_created_at_the_newest_schema(store: Store) -> None:
    assert current_revision(store.engine) == head_revision()
    tables = set(inspect(store.engine).get_table_names())
    assert {"mails", "people", "meetings", "agenda_items", "action_points", "briefs",
            "outbox_entries", "sync_states", "audit_entries", "deliverables"} <= tables


def test_the_migrated_schema_matches_the_models(store: Store) -> None:
    """A column the models have but no migration adds would fail only on a user's
    upgraded store; compare what the migrations built with what the code expects."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from kortrijk_cockpit.domain import Base

    with store.engine.connect() as conn, warnings.catch_warnings():
        # SQLite cannot reflect 0006's expression indexes; they are checked by name below.
        warnings.filterwarnings("ignore", "Skipped unsupported reflection of expression-based",
                                SAWarning)
        ctx = MigrationContext.configure(conn, opts={"compare_type": False})
        diff = [d for d in compare_metadata(ctx, Base.metadata)
                if not _is_made_by_hand(d)]
    if store.engine.dialect.name == "sqlite":
        diff = _without_renamed_keys(diff)
    assert diff == []
    names = _index_names(store)
    assert "ix_mails_sender_lower_received" in names
    assert ("ix_mails_categories_trgm" in names) == (store.engine.dialect.name == "postgresql")


def _is_made_by_hand(diff: object) -> bool:
    """The full-text tables, columns and indexes are made by hand (0002, 0003), and
    so are the expression indexes of 0006."""
    text = repr(diff)
    return any(name in text for name in ("_fts", "search_vector",
                                         "ix_mails_sender_lower_received",
                                         "ix_mails_categories_trgm"))


def _without_renamed_keys(diff: list[Any]) -> list[Any]:
    """SQLite cannot add a constraint to a table, so 0009 adds its foreign keys inline
    with their columns; SQLite then reflects them without a name or ON DELETE. A key
    both "removed" and "added" with the same columns and target is the same key."""
    def shape(entry: Any) -> tuple[object, ...]:
        fk = entry[1]
        return (fk.parent.name, tuple(c.name for c in fk.columns),
                fk.referred_table.name, tuple(e.column.name for e in fk.elements))

    removed = {shape(d) for d in diff if d[0] == "remove_fk"}
    added = {shape(d) for d in diff if d[0] == "add_fk"}
    same = removed & added
    return [d for d in diff if d[0] not in ("remove_fk", "add_fk") or shape(d) not in same]


def _index_names(store: Store) -> set[str]:
    query = ("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'mails'"
             if store.engine.dialect.name == "sqlite"
             else "SELECT indexname FROM pg_indexes WHERE tablename = 'mails'")
    with store.engine.connect() as conn:
        return {str(name) for (name,) in conn.exec_driver_sql(query)}


def test_times_are_kept_in_utc_and_naive_times_are_refused(store: Store) -> None:
    folder = _inbox(store)
    local = datetime(2026, 3, 29, 9, 30, tzinfo=BRUSSELS)  # the day summer time starts
    with store.session_factory.begin() as s:
        s.add(Mail(folder_id=folder, subject="tijd", received_at=local))
    with store.session() as s:
        got = s.scalars(select(Mail.received_at)).one()
    assert got == local
    assert got.utcoffset() == timedelta(0)
    assert got.hour == 7

    with pytest.raises(StatementError, match="naive datetime"), store.session_factory.begin() as s:
        s.add(Mail(folder_id=folder, subject="naïef", received_at=datetime(2026, 1, 1, 9)))


def test_a_stale_save_is_refused_and_the_first_save_is_kept(store: Store) -> None:
    with store.session_factory.begin() as s:
        point = ActionPoint(title="Nota personeelsplan", owner_name="Koen")
        s.add(point)
    first, second = store.session(), store.session()
    try:
        mine = first.get(ActionPoint, point.id)
        theirs = second.get(ActionPoint, point.id)
        assert mine is not None and theirs is not None
        mine.owner_name = "Els"
        first.commit()
        theirs.owner_name = "Bart"
        with pytest.raises(ConcurrentEditError, match="^Iemand anders heeft dit intussen") as err:
            second.commit()
        assert isinstance(err.value.__cause__, StaleDataError)
    finally:
        first.close()
        second.close()
    with store.session() as s:
        saved = s.get(ActionPoint, point.id)
        assert saved is not None
        assert (saved.owner_name, saved.version) == ("Els", 2)


def _seed_searchable(store: Store) -> dict[str, int]:
    folder = _inbox(store)
    start = datetime(2026, 12, 1, 9, tzinfo=BRUSSELS)
    with store.session_factory.begin() as s:
        mail = Mail(folder_id=folder, subject="Begroting 2027: tweede lezing",
                    sender_name="Els Vandamme", body_text="De kredieten voor de stationsomgeving.")
        person = Person(full_name="Wim Vanhoutte", function="directeur Voka",
                        notes="Sprak over de stationsomgeving")
        meeting = Meeting(title="MAT 01/12/2026", starts_at=start,
                          ends_at=start + timedelta(hours=2), location="Stadhuis")
        s.add_all([mail, person, meeting])
        s.flush()
        item = AgendaItem(meeting_id=meeting.id, title="Personeelsplan 2027", owner_name="Koen")
        action = ActionPoint(title="Begroting toelichten aan de schepen", owner_name="Els")
        brief = Brief(title="Voka netwerkavond", objective="Steun voor de stationsomgeving")
        s.add_all([item, action, brief])
        s.flush()
        return {"mail": mail.id, "person": person.id, "meeting": meeting.id,
                "agenda_item": item.id, "action_point": action.id, "brief": brief.id}


def test_search_finds_every_kind_of_record(store: Store) -> None:
    ids = _seed_searchable(store)
    search = SearchService(store.session_factory)

    found = {(h.kind, h.ref_id) for h in search.search("stationsomgeving")}
    assert found == {("mail", ids["mail"]), ("person", ids["person"]), ("brief", ids["brief"])}

    assert [(h.kind, h.title) for h in search.search("personeelsplan")] == [
        ("agenda_item", "Personeelsplan 2027")
    ]
    kinds = {h.kind for h in search.search("begroting")}
    assert kinds == {"mail", "action_point"}
    assert {h.kind for h in search.search("MAT")} == {"meeting"}


def test_search_matches_word_prefixes_as_you_type(store: Store) -> None:
    _seed_searchable(store)
    search = SearchService(store.session_factory)
    assert [h.title for h in search.search("Vanhou")] == ["Wim Vanhoutte"]
    assert [h.title for h in search.search("perso 2027")] == ["Personeelsplan 2027"]


def test_search_follows_edits_and_deletes(store: Store) -> None:
    ids = _seed_searchable(store)
    search = SearchService(store.session_factory)
    with store.session_factory.begin() as s:
        mail = s.get(Mail, ids["mail"])
        assert mail is not None
        mail.subject = "Jaarrekening 2026"
        mail.body_text = ""
    assert "mail" not in {h.kind for h in search.search("begroting")}
    assert [h.ref_id for h in search.search("jaarrekening")] == [ids["mail"]]
    with store.session_factory.begin() as s:
        s.delete(s.get(Mail, ids["mail"]))
    assert search.search("jaarrekening") == []


@pytest.mark.parametrize("query", ['"', "NEAR(a b", "a OR", "*", "'; DROP TABLE mails; --",
                                   "a & | ! :*", "", "   "])
def test_search_takes_any_input_without_error(store: Store, query: str) -> None:
    _seed_searchable(store)
    assert isinstance(SearchService(store.session_factory).search(query), list)


def test_only_read_state_changes_do_not_disturb_search(store: Store) -> None:
    ids = _seed_searchable(store)
    with store.session_factory.begin() as s:
        mail = s.get(Mail, ids["mail"])
        assert mail is not None
        mail.is_read = True
        mail.categories = ["MAT"]
    assert [h.ref_id for h in SearchService(store.session_factory).search("begroting")
            if h.kind == "mail"] == [ids["mail"]]


def test_person_retention_date_round_trips(store: Store) -> None:
    with store.session_factory.begin() as s:
        s.add(Person(full_name="Ine Callewaert", purpose="netwerkcontact",
                     retain_until=date(2028, 11, 23), last_contact_at=datetime.now(UTC)))
    with store.session() as s:
        person = s.scalars(select(Person)).one()
    assert person.retain_until == date(2028, 11, 23)


def test_every_search_hit_opens_as_a_record_and_a_deleted_one_as_nothing(store: Store) -> None:
    from kortrijk_cockpit.services.records import RecordService

    ids = _seed_searchable(store)
    records = RecordService(store.session_factory)
    titles = {kind: records.detail(kind, ref_id) for kind, ref_id in ids.items()}
    assert {k: d.title for k, d in titles.items() if d} == {
        "mail": "Begroting 2027: tweede lezing", "person": "Wim Vanhoutte",
        "meeting": "MAT 01/12/2026", "agenda_item": "Personeelsplan 2027",
        "action_point": "Begroting toelichten aan de schepen", "brief": "Voka netwerkavond",
    }
    agenda = titles["agenda_item"]
    assert agenda is not None and agenda.subtitle == "MAT 01/12/2026"
    with store.session_factory.begin() as s:
        s.delete(s.get(Person, ids["person"]))
    assert records.detail("person", ids["person"]) is None
    assert records.detail("onbekend", 1) is None
