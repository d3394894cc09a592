"""TLS: an unknown certificate is refused and named; the organisation's CA bundle fixes it."""

from __future__ import annotations

import ipaddress
import ssl
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import exchangelib
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from kortrijk_cockpit.exchange.connection import check_connection
from kortrijk_cockpit.sandbox import Mailbox, SandboxServer
from tests.integration.exchange_fixtures import settings_for


def internal_ca_certificate(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1, as an internal CA would issue."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Stad Kortrijk test-CA")])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5)).not_valid_after(now + timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName(
            [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "ca.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


@pytest.fixture
def tls_sandbox(tmp_path: Path, mailbox: Mailbox) -> Iterator[tuple[SandboxServer, Path]]:
    cert, key = internal_ca_certificate(tmp_path)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    with SandboxServer(mailbox, tls=context) as server:
        yield server, cert
    exchangelib.close_connections()


def test_an_unknown_certificate_is_refused_and_named(tls_sandbox, mailbox: Mailbox) -> None:  # type: ignore[no-untyped-def]
    server, _cert = tls_sandbox
    check = check_connection(settings_for(server, mailbox), server.password)
    assert (check.ok, check.step) == (False, "network")
    assert "certificaat" in check.message


def test_the_organisations_ca_bundle_makes_it_work(tls_sandbox, mailbox: Mailbox) -> None:  # type: ignore[no-untyped-def]
    server, cert = tls_sandbox
    settings = replace(settings_for(server, mailbox), ca_bundle=str(cert))
    check = check_connection(settings, server.password)
    assert check.ok, check.message
    assert server.url.startswith("https://")
