"""Secrets bigger than one Windows credential (a Microsoft 365 token cache) survive the keyring."""

from __future__ import annotations

import pytest

from kortrijk_cockpit.exchange import auth
from tests.integration.exchange_fixtures import MemoryKeyring


def test_a_long_secret_is_stored_in_parts_and_read_back_whole(memory_keyring: MemoryKeyring) -> None:
    secret = "".join(chr(0x41 + i % 26) for i in range(5000)) + "€é"
    auth.store_blob("m365:app@tenant", secret)
    assert auth.load_blob("m365:app@tenant") == secret
    assert all(len(value) <= MemoryKeyring.MAX_CHARS for value in memory_keyring.items.values())


def test_a_shorter_secret_leaves_no_old_parts_behind(memory_keyring: MemoryKeyring) -> None:
    auth.store_blob("cache", "x" * 4000)
    auth.store_blob("cache", "kort")
    assert auth.load_blob("cache") == "kort"
    assert len(memory_keyring.items) == 2  # the count and one part


def test_forgetting_removes_every_part(memory_keyring: MemoryKeyring) -> None:
    auth.store_blob("cache", "y" * 3000)
    auth.forget_blob("cache")
    assert auth.load_blob("cache") is None
    assert memory_keyring.items == {}


def test_a_torn_write_reads_as_nothing_rather_than_garbage(memory_keyring: MemoryKeyring) -> None:
    auth.store_blob("cache", "z" * 3000)
    del memory_keyring.items[(auth.SERVICE, "cache#1")]
    assert auth.load_blob("cache") is None


def test_a_keyring_that_refuses_gives_a_dutch_message(memory_keyring: MemoryKeyring,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(MemoryKeyring, "MAX_CHARS", 10)
    with pytest.raises(auth.SecretStoreError, match="referentiebeheerder"):
        auth.store_blob("cache", "w" * 3000)
