"""Find the EWS address from the director's mailbox address: Exchange (SOAP) autodiscover.

exchangelib's `Autodiscovery` does the protocol: step 1 https://<domain>/, step 2
https://autodiscover.<domain>/ (both /autodiscover/autodiscover.svc), step 3 a plain
HTTP GET on autodiscover.<domain> whose redirect is followed, step 4 the DNS SRV
record _autodiscover._tcp.<domain>, each candidate asked GetUserSettings with the
assistant's credentials. `_Discovery` keeps those steps and changes four things:

* no autodiscover cache: exchangelib remembers a domain's autodiscover server in
  memory and in a shelve file in the temp folder, shared by every process of the
  user, and trusts it before asking DNS again. A cached server can answer for a
  changed profile (other credentials, auth type, CA bundle) or come from another
  program or test, so every search starts from DNS;
* the auth type is the profile's (NTLM or Basic), not guessed with an extra
  unauthenticated request per candidate;
* TLS trusts the organisation's CA bundle as well as the public CAs on every host
  the search touches, including redirect and SRV targets it only learns on the way;
* one deadline for the whole search: every HTTP request and DNS query gets at most
  the time that is left, and no new step starts after it.
"""

from __future__ import annotations

import contextvars
import logging
import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import urlparse

import certifi
import dns.exception
import requests
from exchangelib import BASIC, NTLM, Configuration, Credentials, FailFast
from exchangelib.autodiscover.discovery import Autodiscovery
from exchangelib.autodiscover.protocol import AutodiscoverProtocol
from exchangelib.errors import (
    AutoDiscoverCircularRedirect,
    AutoDiscoverError,
    ErrorNonExistentMailbox,
    RedirectError,
    TransportError,
    UnauthorizedError,
)
from exchangelib.transport import get_unauthenticated_autodiscover_response
from exchangelib.util import CONNECTION_ERRORS

from kortrijk_cockpit.exchange.errors import AuthenticationFailed, BackendError
from kortrijk_cockpit.exchange.tls import OrganisationCaAdapter, is_tls_failure

log = logging.getLogger(__name__)

TIMEOUT = 30.0  # seconds for the whole search
REQUEST_TIMEOUT = 10.0  # per HTTP request (connect, and again for the answer)
DNS_TIMEOUT = 2.0  # per DNS server asked
DNS_LIFETIME = 5.0  # per DNS query, all servers together
_AUTH_TYPES = {"ntlm": NTLM, "basic": BASIC}
# What we ask for; exchangelib asks all ~60 settings by default.
_SETTINGS = ["external_ews_url", "internal_ews_url", "auto_discover_smtp_address"]

# The CA file the current search verifies against (set per thread by discover_endpoint).
_search_trust: contextvars.ContextVar[str] = contextvars.ContextVar("search_trust", default="")


class AutodiscoverFailed(BackendError):
    """Autodiscover found no EWS address for the mailbox: the user must enter it."""


def discover_endpoint(mailbox: str, username: str, password: str, *, auth: str = "ntlm",
                      ca_bundle: str = "", timeout: float = TIMEOUT) -> str:
    """The EWS URL of `mailbox` (the director's), asked with the assistant's credentials.

    Raises `AuthenticationFailed` when an autodiscover server refused the credentials
    and `AutodiscoverFailed` (Dutch message naming the domain) when nothing was found.
    No request or DNS query starts after `timeout` seconds, and one under way gets at
    most the time that was left (to connect, and again for the answer), so the search
    ends within about twice `timeout` at worst.
    """
    address = mailbox.strip()
    local, _, domain = address.rpartition("@")
    domain = domain.lower()
    if not local or not domain:
        raise AutodiscoverFailed(f"'{mailbox}' is geen geldig e-mailadres: het adres van de "
                                 "algemeen directeur ziet eruit als naam@kortrijk.be.")
    if auth not in _AUTH_TYPES:
        raise ValueError(f"autodiscover supports ntlm and basic, not {auth!r}")
    search = _Discovery(address, Credentials(username, password), _AUTH_TYPES[auth],
                        deadline=time.monotonic() + timeout)
    started = time.monotonic()
    try:
        with _trusting(ca_bundle):
            response = search.run()
    except UnauthorizedError as exc:
        raise AuthenticationFailed(
            "Aanmelden bij Exchange is mislukt: controleer gebruikersnaam en wachtwoord.",
            detail=str(exc)[:500]) from exc
    except ErrorNonExistentMailbox as exc:
        raise AutodiscoverFailed(
            f"De Exchange-server van {domain} kent het adres {address} niet. Controleer het "
            "adres van de algemeen directeur.", detail=str(exc)[:500]) from exc
    except (AutoDiscoverError, TransportError, dns.exception.DNSException,
            *CONNECTION_ERRORS) as exc:
        raise _not_found(domain, search.untrusted, exc) from exc
    finally:
        search.close()
        log.info("autodiscover for %s took %.1f s", domain, time.monotonic() - started)
    settings = response.user_settings or {}
    endpoint = settings.get("external_ews_url") or settings.get("internal_ews_url") or ""
    if urlparse(endpoint).scheme not in ("http", "https"):
        raise _not_found(domain, [], AutoDiscoverError(f"no EWS URL in {settings!r}"))
    log.info("autodiscover: EWS for %s is %s", address, endpoint)
    return str(endpoint)


def _not_found(domain: str, untrusted: list[str], exc: BaseException) -> AutodiscoverFailed:
    example = f"bv. https://mail.{domain}/EWS/Exchange.asmx"
    if untrusted:
        return AutodiscoverFailed(
            f"Het EWS-adres voor {domain} kon niet automatisch worden gevonden: het certificaat "
            f"van {untrusted[0]} wordt niet vertrouwd. Stel het CA-certificaat van de organisatie "
            f"in, of vul het adres van de Exchange-server in ({example}).", detail=str(exc)[:500])
    return AutodiscoverFailed(
        f"Het EWS-adres voor {domain} kon niet automatisch worden gevonden. Vul het adres van "
        f"de Exchange-server in ({example}).", detail=str(exc)[:500])


@contextmanager
def _trusting(ca_bundle: str) -> Iterator[None]:
    """While searching, verify TLS against the public CAs plus `ca_bundle` (if any).

    The organisation's bundle alone would refuse hosts with a public certificate (the
    domain's website, often autodiscover itself); requests takes one CA file, so the
    two are joined in a temporary one.
    """
    if not ca_bundle:
        yield
        return
    try:
        organisation = Path(ca_bundle).read_bytes()
    except OSError as exc:
        raise AutodiscoverFailed(f"Het CA-certificaat {ca_bundle} kan niet worden gelezen.",
                                 detail=str(exc)) from exc
    handle, name = tempfile.mkstemp(prefix="cockpit-ca-", suffix=".pem")
    try:
        with os.fdopen(handle, "wb") as joined:
            joined.write(Path(certifi.where()).read_bytes() + b"\n" + organisation + b"\n")
        token = _search_trust.set(name)
        try:
            yield
        finally:
            _search_trust.reset(token)
    finally:
        os.unlink(name)


class _SearchAdapter(OrganisationCaAdapter):
    """The CA file of the search in progress for every host; else the per-host bundles."""

    def send(self, request: requests.PreparedRequest, *args: Any, **kwargs: Any) -> Any:
        trust = _search_trust.get()
        if not trust:
            return super().send(request, *args, **kwargs)
        kwargs["verify"] = trust
        return requests.adapters.HTTPAdapter.send(self, request, *args, **kwargs)


class _SearchProtocol(AutodiscoverProtocol):
    HTTP_ADAPTER_CLS = _SearchAdapter  # a class attribute: exchangelib builds sessions per class


class _Discovery(Autodiscovery):
    """exchangelib's autodiscover steps, without its cache, with a deadline (module docstring)."""

    DNS_RESOLVER_ATTRS: ClassVar[dict[str, float]] = {"timeout": DNS_TIMEOUT}

    def __init__(self, email: str, credentials: Credentials, auth_type: str, *,
                 deadline: float) -> None:
        super().__init__(email=email, credentials=credentials)
        self.email: str = email
        self._auth_type = auth_type
        self._deadline = deadline
        self._protocols: list[_SearchProtocol] = []
        self.untrusted: list[str] = []  # autodiscover hosts whose certificate TLS refused
        self._domain = ""

    def run(self) -> Any:
        """The UserResponse with the settings (exchangelib's discover(), minus the cache)."""
        self._emails_visited.append(self.email.lower())
        self._domain = self.email.rpartition("@")[2].lower()
        response = self._step_1(hostname=self._domain)
        if response.redirect_address:  # another address holds the mailbox: start over
            if response.redirect_address.lower() in self._emails_visited:
                raise AutoDiscoverCircularRedirect("Redirected to an address already seen")
            self.email = response.redirect_address
            return self.run()
        return response

    def close(self) -> None:
        for protocol in self._protocols:
            protocol.close()
        self._protocols.clear()

    def _left(self, most: float) -> float:
        return max(0.1, min(most, self._deadline - time.monotonic()))

    def _protocol(self, url: str, credentials: Credentials | None) -> _SearchProtocol:
        protocol = _SearchProtocol(config=Configuration(
            service_endpoint=url, credentials=credentials,
            auth_type=self._auth_type if credentials else None,
            retry_policy=FailFast()))
        protocol.TIMEOUT = self._left(REQUEST_TIMEOUT)  # shadows the class's 10 s
        self._protocols.append(protocol)
        return protocol

    def _ensure_valid_hostname(self, url: str) -> None:
        # Called before every HTTP request of the search: the place to stop when time is up.
        if time.monotonic() >= self._deadline:
            raise TransportError("autodiscover: out of time")
        self.DNS_RESOLVER_LIFETIME = self._left(DNS_LIFETIME)
        super()._ensure_valid_hostname(url)

    def _get_srv_records(self, hostname: str) -> list[Any]:
        if time.monotonic() >= self._deadline:
            return []
        self.DNS_RESOLVER_LIFETIME = self._left(DNS_LIFETIME)
        return list(super()._get_srv_records(hostname))

    def _get_unauthenticated_response(self, url: str, method: str = "post") -> tuple[None, Any]:
        # The HEAD on redirect and SRV targets, the GET of step 3.
        self._ensure_valid_hostname(url)
        try:
            return None, get_unauthenticated_autodiscover_response(
                protocol=self._protocol(url, None), method=method)
        except TransportError as exc:
            self._note(url, exc)
            raise

    def _attempt_response(self, url: str) -> tuple[bool, Any]:
        # exchangelib's, with our protocol and without writing the autodiscover cache.
        self._urls_visited.append(url.lower())
        try:
            self._ensure_valid_hostname(url)
        except TransportError:
            return False, None
        protocol = self._protocol(url, self.credentials)
        try:
            return True, protocol.get_user_settings(user=self.email, settings=_SETTINGS)
        except RedirectError as exc:
            if self._redirect_url_is_valid(url=exc.url):
                return self._attempt_response(url=exc.url)
            return False, None
        except (TransportError, *CONNECTION_ERRORS) as exc:
            self._note(url, exc)
            return False, None
        except ValueError as exc:  # not exactly one UserResponse: not an autodiscover server
            self._note(url, exc)
            return False, None

    def _note(self, url: str, exc: BaseException) -> None:
        log.debug("autodiscover: %s failed: %s", url, exc)
        host = urlparse(url).hostname or url
        # Not the bare domain (step 1): that is usually the website, whose certificate
        # says nothing about the Exchange server's.
        if is_tls_failure(exc) and host != self._domain and host not in self.untrusted:
            self.untrusted.append(host)
