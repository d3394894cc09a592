"""The autodiscover scenarios, run inside a private network namespace (see netns.py).

`python -m tests.integration.autodiscover_world` reads {"scenarios": [names]} on
stdin and prints {"result": {name: outcome}}. In the namespace, kortrijk.test is a
website that refuses connections (127.0.0.2, nothing listens), and the sandbox EWS
server listens with TLS on 127.0.0.1:443, certificate from a throwaway CA for
kortrijk.test, autodiscover.kortrijk.test and mail.kortrijk.test, advertising
https://mail.kortrijk.test/EWS/Exchange.asmx. Each scenario sets the DNS records
(and the matching hosts file), then calls `discover_endpoint` as the app does.
"""

from __future__ import annotations

import json
import logging
import os
import shelve
import ssl
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from tests.integration.fake_dns import FakeDns, Records
from tests.integration.netns import isolate_network, report, write_hosts

DOMAIN = "kortrijk.test"
OWNER = f"algemeen.directeur@{DOMAIN}"
EWS_URL = f"https://mail.{DOMAIN}/EWS/Exchange.asmx"
STALE = f"https://oud.{DOMAIN}/autodiscover/autodiscover.svc"
EXCHANGE, WEBSITE = "127.0.0.1", "127.0.0.2"  # nothing listens on the website's address
HOSTS = (DOMAIN, f"autodiscover.{DOMAIN}", f"mail.{DOMAIN}")

_WEBSITE_ONLY: Records = {(DOMAIN, "A"): [WEBSITE]}
_AUTODISCOVER_HOST: Records = {**_WEBSITE_ONLY, (f"autodiscover.{DOMAIN}", "A"): [EXCHANGE],
                               (f"mail.{DOMAIN}", "A"): [EXCHANGE]}
_SRV_ONLY: Records = {**_WEBSITE_ONLY, (f"mail.{DOMAIN}", "A"): [EXCHANGE],
                      (f"_autodiscover._tcp.{DOMAIN}", "SRV"): [f"0 0 443 mail.{DOMAIN}."]}

# name -> DNS records, and how the app calls discover_endpoint
SCENARIOS: dict[str, dict[str, Any]] = {
    "autodiscover_host": {"dns": _AUTODISCOVER_HOST, "open_mailbox": True, "check": True,
                          "cli": True},
    "srv_only": {"dns": _SRV_ONLY},
    "nothing": {"dns": _WEBSITE_ONLY},
    "wrong_password": {"dns": _AUTODISCOVER_HOST, "password": "fout-wachtwoord"},
    "unknown_mailbox": {"dns": _AUTODISCOVER_HOST, "mailbox": f"onbekend@{DOMAIN}"},
    "untrusted_certificate": {"dns": _AUTODISCOVER_HOST, "trust": False},
    # The server takes the request and never answers: the search must give up in time.
    "silent_server": {"dns": _AUTODISCOVER_HOST, "silent": True, "timeout": 1.5},
}
_LOGGERS = ("exchangelib.autodiscover.discovery", "kortrijk_cockpit.exchange.discovery",
            "kortrijk_cockpit.sandbox.ews.server")


def issue_certificates(folder: Path, names: tuple[str, ...]) -> tuple[Path, Path, Path]:
    """A throwaway CA and a server certificate it signed for `names`: (ca, cert, key)."""
    now = datetime.now(UTC)
    ca_key, key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Stad Kortrijk test-CA")])
    ca = (
        x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name)
        .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5)).not_valid_after(now + timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False),
                       critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()),
                       critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, names[-1])]))
        .issuer_name(ca_name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5)).not_valid_after(now + timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(n) for n in names]),
                       critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()),
                       critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    paths = folder / "ca.pem", folder / "server.pem", folder / "server-key.pem"
    paths[0].write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    paths[1].write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    paths[2].write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return paths


class _Lines(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.name.rsplit('.', 1)[-1]}: {record.getMessage()}")


def main() -> None:
    wanted = json.loads(sys.stdin.read() or "{}").get("scenarios") or list(SCENARIOS)
    with tempfile.TemporaryDirectory(prefix="cockpit-autodiscover-") as tmp:
        folder = Path(tmp)
        isolate_network(folder, {})
        # Only now: exchangelib and the app read nothing of the real network before this.
        import exchangelib.autodiscover.cache as ad_cache

        ad_cache.AUTODISCOVER_PERSISTENT_STORAGE = folder / "exchangelib-autodiscover.cache"
        report({"result": run(folder, wanted)})


def run(folder: Path, wanted: list[str]) -> dict[str, Any]:
    from exchangelib import BASIC, Configuration, Credentials, close_connections
    from exchangelib.autodiscover import AutodiscoverProtocol, autodiscover_cache
    from exchangelib.autodiscover.cache import AUTODISCOVER_PERSISTENT_STORAGE

    from kortrijk_cockpit.sandbox import Mailbox, SandboxServer
    from kortrijk_cockpit.sandbox.ews.server import PASSWORD, USERNAME

    ca, cert, key = issue_certificates(folder, HOSTS)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    # A stale autodiscover server in exchangelib's cache (memory and disk): the search
    # must neither use it nor replace it.
    stale_key = (DOMAIN, Credentials(USERNAME, PASSWORD))
    autodiscover_cache[stale_key] = AutodiscoverProtocol(config=Configuration(
        service_endpoint=STALE, credentials=stale_key[1], auth_type=BASIC))
    handler = _Lines()
    for name in _LOGGERS:
        logging.getLogger(name).addHandler(handler)
        logging.getLogger(name).setLevel(logging.DEBUG)
    results: dict[str, Any] = {}
    mailbox = Mailbox(owner=OWNER)
    with FakeDns() as dns_server, SandboxServer(mailbox, port=443, tls=context,
                                                public_url=EWS_URL) as server:
        for name in wanted:
            spec = SCENARIOS[name]
            dns_server.set_records(spec["dns"])
            write_hosts(folder / "hosts", {n: v[0] for (n, t), v in spec["dns"].items() if t == "A"})
            server.requests.clear()
            handler.lines.clear()
            if spec.get("silent"):
                server.faults.slow(30, operation="GetUserSettings")
            outcome = _discover(spec, ca, USERNAME, PASSWORD)
            if spec.get("open_mailbox") and outcome["endpoint"]:
                outcome["folders"] = _folders(outcome["endpoint"], ca, USERNAME, PASSWORD)
            if spec.get("check"):
                outcome["check"] = _check(ca, USERNAME, PASSWORD)
            if spec.get("cli"):
                outcome["cli"] = _sync_once(folder, ca, USERNAME, PASSWORD)
            outcome.update(requests=list(server.requests), log=list(handler.lines),
                           dns_queries=[" ".join(q) for q in dns_server.queries])
            results[name] = outcome
            close_connections()
    with shelve.open(str(AUTODISCOVER_PERSISTENT_STORAGE), flag="r") as db:
        results["_cache"] = {domain: db[domain][0] for domain in db}  # domain -> endpoint
    if server.errors:
        results["_server_errors"] = server.errors
    return results


def _discover(spec: dict[str, Any], ca: Path, username: str, password: str) -> dict[str, Any]:
    from kortrijk_cockpit.errors import UserFacingError
    from kortrijk_cockpit.exchange.discovery import discover_endpoint

    started = time.monotonic()
    outcome: dict[str, Any] = {"endpoint": None, "error": None, "message": None}
    try:
        outcome["endpoint"] = discover_endpoint(
            spec.get("mailbox", OWNER), username, spec.get("password", password), auth="basic",
            ca_bundle=str(ca) if spec.get("trust", True) else "",
            **({"timeout": spec["timeout"]} if "timeout" in spec else {}))
    except UserFacingError as exc:
        outcome.update(error=type(exc).__name__, message=exc.user_message)
    outcome["seconds"] = round(time.monotonic() - started, 2)
    return outcome


def _folders(endpoint: str, ca: Path, username: str, password: str) -> list[str]:
    from kortrijk_cockpit.exchange.ews import EwsBackend, EwsSettings

    backend = EwsBackend(EwsSettings(endpoint=endpoint, mailbox=OWNER, username=username,
                                     auth="basic", ca_bundle=str(ca)), password)
    try:
        return [folder.kind.value for folder in backend.folders()]
    finally:
        backend.close()


def _check(ca: Path, username: str, password: str) -> dict[str, Any]:
    """"Verbinding testen" with the EWS address left empty."""
    from dataclasses import asdict

    from kortrijk_cockpit.exchange.connection import check_connection
    from kortrijk_cockpit.exchange.ews import EwsSettings

    settings = EwsSettings(endpoint="", mailbox=OWNER, username=username, auth="basic",
                           ca_bundle=str(ca))
    return asdict(check_connection(settings, password))


def _sync_once(folder: Path, ca: Path, username: str, password: str) -> dict[str, Any]:
    """`sync --once` without --server, trusting the CA the way many Windows PCs are set up."""
    env = dict(os.environ, REQUESTS_CA_BUNDLE=str(ca))
    done = subprocess.run(
        [sys.executable, "-m", "kortrijk_cockpit", "--basedir", str(folder / "cli"), "sync",
         "--once", "--mailbox", OWNER, "--user", username, "--auth", "basic",
         "--password-stdin"], input=password + "\n", env=env, capture_output=True, text=True,
        timeout=120, check=False)
    return {"returncode": done.returncode, "stdout": done.stdout, "stderr": done.stderr}


if __name__ == "__main__":
    main()
