"""Secrets never reach the log file or a crash report."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from kortrijk_cockpit.logging_setup import redact, register_secret, setup_logging


@pytest.fixture
def log_file(tmp_path: Path):  # type: ignore[no-untyped-def]
    path = setup_logging(tmp_path)
    yield path
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_cockpit", False):
            root.removeHandler(handler)
            handler.close()


def test_registered_secrets_and_credentials_are_scrubbed(log_file: Path) -> None:
    register_secret("Kortrijk-2026!geheim")
    log = logging.getLogger("test")
    log.info("login with %s", "Kortrijk-2026!geheim")
    log.info("password=hunter22 token: abc.def.ghi")
    log.info("Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.payload")
    log.info("postgresql+psycopg://kabinet:s3cr3t@db/cockpit")
    try:
        raise RuntimeError("failed for Kortrijk-2026!geheim")
    except RuntimeError:
        log.exception("boom")
    for handler in logging.getLogger().handlers:
        handler.flush()
    written = log_file.read_text(encoding="utf-8")
    for secret in ("Kortrijk-2026!geheim", "hunter22", "abc.def.ghi", "eyJhbGciOiJSUzI1NiJ9",
                   "s3cr3t"):
        assert secret not in written
    assert "login with ***" in written
    assert "RuntimeError" in written


def test_plain_text_is_left_alone() -> None:
    assert redact("Agenda MAT 24/11 verstuurd") == "Agenda MAT 24/11 verstuurd"
