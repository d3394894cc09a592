"""Allowing images per sender or per domain, kept in the store (SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest

from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.services.trusted_senders import TrustedSenders
from kortrijk_cockpit.store import Store


def test_a_sender_or_a_whole_domain_is_trusted(store: Store) -> None:
    senders = TrustedSenders(store.session_factory)
    assert not senders.is_trusted("nieuwsbrief@voka.be")

    assert senders.trust(" Nieuwsbrief@VOKA.be ") == "nieuwsbrief@voka.be"
    assert senders.is_trusted("NIEUWSBRIEF@voka.be")
    assert not senders.is_trusted("iemand.anders@voka.be")

    assert senders.trust("@Kortrijk.be") == "@kortrijk.be"
    assert senders.trust("kortrijk.be") == "@kortrijk.be"  # once, whichever way it is written
    assert senders.is_trusted("els.declercq@kortrijk.be")
    assert not senders.is_trusted("els@kortrijk.be.evil.example")
    assert senders.all() == ["@kortrijk.be", "nieuwsbrief@voka.be"]

    senders.untrust("@kortrijk.be")
    assert not senders.is_trusted("els.declercq@kortrijk.be")
    assert senders.all() == ["nieuwsbrief@voka.be"]


@pytest.mark.parametrize("nonsense", ["", "  ", "geen adres", "els@", "a@b@c.be"])
def test_nonsense_is_refused_in_dutch(store: Store, nonsense: str) -> None:
    with pytest.raises(UserFacingError, match="geen e-mailadres of domein"):
        TrustedSenders(store.session_factory).trust(nonsense)


def test_a_public_mail_provider_is_never_trusted_as_a_whole(store: Store) -> None:
    senders = TrustedSenders(store.session_factory)
    with pytest.raises(UserFacingError, match="iedereen kan daar een adres hebben"):
        senders.trust("@Gmail.com")
    senders.trust("jan.peeters@gmail.com")  # one known sender there is fine
    assert not senders.is_trusted("onbekende@gmail.com")
    assert senders.is_trusted("jan.peeters@gmail.com")
