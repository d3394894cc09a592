"""An outcome proposed from how earlier mails were triaged, with its reason in
Dutch; on SQLite and PostgreSQL."""

from __future__ import annotations

from kortrijk_cockpit.services.suggestions import Suggestion, SuggestionService
from kortrijk_cockpit.store import Store
from tests.integration.mail_world import folders, mail

VOKA = {"sender_name": "Jan Peeters", "sender_email": "jan.peeters@voka.be"}


def _suggest(store: Store, mail_id: int) -> Suggestion | None:
    return SuggestionService(store.session_factory).suggest(mail_id)


def test_most_earlier_mails_of_the_sender_give_the_suggestion(store: Store) -> None:
    f = folders(store)
    for n, outcome in enumerate(["Agenderen MAT", "Agenderen MAT", "Ter info", "Agenderen MAT"]):
        mail(store, f.archive, f"Vraag {n}", categories=[outcome, "Rood"], **VOKA)
    mail(store, f.inbox, "Nog niet behandeld", **VOKA)  # says nothing yet
    new = mail(store, f.inbox, "Nieuwe vraag", **VOKA)

    assert _suggest(store, new) == Suggestion(
        "Agenderen MAT", "3 van de 4 vorige mails van deze afzender: Agenderen MAT")


def test_the_conversation_comes_before_the_sender(store: Store) -> None:
    f = folders(store)
    for n in range(3):
        mail(store, f.archive, f"Ander {n}", categories=["Ter info"], **VOKA)
    for n in range(2):
        mail(store, f.archive, f"Re: Budget {n}", conversation_id="c-budget",
             categories=["Actie AD"], sender_email="fin@voka.be")
    new = mail(store, f.inbox, "Re: Budget", conversation_id="c-budget", **VOKA)

    assert _suggest(store, new) == Suggestion(
        "Actie AD", "2 van de 2 vorige mails in dit gesprek: Actie AD")


def test_the_domain_helps_but_not_the_citys_own(store: Store) -> None:
    f = folders(store)
    for n in range(2):
        mail(store, f.archive, f"Oud {n}", categories=["Agenderen DC"],
             sender_email=f"collega{n}@voka.be")
        mail(store, f.archive, f"Intern {n}", categories=["Ter info"],
             sender_email=f"dienst{n}@kortrijk.be")
    from_voka = mail(store, f.inbox, "Vraag", sender_email="nieuw@voka.be")
    colleague = mail(store, f.inbox, "Vraag", sender_email="nieuw@kortrijk.be")

    assert _suggest(store, from_voka) == Suggestion(
        "Agenderen DC", "2 van de 2 vorige mails van voka.be: Agenderen DC")
    assert _suggest(store, colleague) is None


def test_subject_words_and_no_suggestion_without_a_clear_majority(store: Store) -> None:
    f = folders(store)
    mail(store, f.archive, "Stukken voor DC: organisatiebeheersing", categories=["Agenderen DC"],
         sender_email="a@een.be")
    mail(store, f.archive, "Re: stukken organisatiebeheersing", categories=["Agenderen DC"],
         sender_email="b@twee.be")
    similar = mail(store, f.inbox, "Stukken voor DC: organisatiebeheersing (herzien)",
                   sender_email="c@drie.be")
    for outcome in ("Actie AD", "Ter info"):  # one each: no majority
        mail(store, f.archive, "x", categories=[outcome], **VOKA)
    undecided = mail(store, f.inbox, "Iets anders", **VOKA)
    single = mail(store, f.inbox, "Eenmalig", sender_email="zelden@example.org")

    suggestion = _suggest(store, similar)
    assert suggestion is not None and suggestion.outcome == "Agenderen DC"
    assert suggestion.reason == "2 van de 2 vorige mails met een gelijkaardig onderwerp: " \
        "Agenderen DC"
    assert _suggest(store, undecided) is None
    assert _suggest(store, single) is None


def test_the_sender_matches_in_any_case_and_by_its_index(store: Store) -> None:
    """Exchange spells one colleague's address in several cases."""
    f = folders(store)
    for n in range(2):
        mail(store, f.archive, f"Personeel {n}", categories=["Actie DM"],
             sender_email="els.vandamme@kortrijk.be")
    new = mail(store, f.inbox, "Nog een vraag", sender_email="Els.Vandamme@Kortrijk.be")

    assert _suggest(store, new) == Suggestion(
        "Actie DM", "2 van de 2 vorige mails van deze afzender: Actie DM")
    if store.engine.dialect.name == "sqlite":  # PostgreSQL plans by table size
        with store.engine.connect() as conn:
            plan = " ".join(str(row[-1]) for row in conn.exec_driver_sql(
                "EXPLAIN QUERY PLAN SELECT categories FROM mails "
                "WHERE lower(sender_email) = 'els.vandamme@kortrijk.be' "
                "ORDER BY received_at DESC LIMIT 200"))
        assert "ix_mails_sender_lower_received" in plan and "TEMP B-TREE" not in plan, plan
