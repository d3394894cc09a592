"""TLS trust for the organisation's own servers (an internal CA), per host name."""

from __future__ import annotations

import ssl
from typing import Any, ClassVar
from urllib.parse import urlparse

import requests


class OrganisationCaAdapter(requests.adapters.HTTPAdapter):
    """Verifies TLS against the organisation's CA bundle for the hosts that have one.

    Set on the adapter rather than the session: requests lets REQUESTS_CA_BUNDLE
    from the environment override a session's `verify`, and corporate machines set it.
    """

    bundles: ClassVar[dict[str, str]] = {}

    def send(self, request: requests.PreparedRequest, *args: Any, **kwargs: Any) -> Any:
        bundle = self.bundles.get(urlparse(request.url or "").hostname or "")
        if bundle:
            kwargs["verify"] = bundle
        return super().send(request, *args, **kwargs)

    @classmethod
    def trust(cls, url: str, ca_bundle: str) -> None:
        """Verify `url`'s host against `ca_bundle` from now on ("" restores the system's trust)."""
        host = urlparse(url).hostname or ""
        if ca_bundle:
            cls.bundles[host] = ca_bundle
        else:
            cls.bundles.pop(host, None)


def is_tls_failure(exc: BaseException) -> bool:
    """exchangelib wraps requests' SSLError in a TransportError: look down the chain."""
    seen: BaseException | None = exc
    for _ in range(6):
        if seen is None:
            return False
        if isinstance(seen, ssl.SSLError | requests.exceptions.SSLError) or \
                "CERTIFICATE_VERIFY_FAILED" in str(seen):
            return True
        seen = seen.__cause__ or seen.__context__
    return False
