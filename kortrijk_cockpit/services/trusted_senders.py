"""Senders whose remote images the user chose to see: an address, or "@domain"."""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from kortrijk_cockpit.domain import TrustedImageSender
from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.services.suggestions import PUBLIC_DOMAINS


def normalise(address_or_domain: str) -> str:
    """'Els@Kortrijk.be' -> 'els@kortrijk.be'; 'Kortrijk.be' or '@kortrijk.be' -> '@kortrijk.be'."""
    value = address_or_domain.strip().lower()
    if value and "@" not in value:
        value = "@" + value
    local, _, domain = value.rpartition("@")
    if not domain or "." not in domain or " " in value or "@" in local:
        raise UserFacingError(f"'{address_or_domain}' is geen e-mailadres of domein.")
    return value


def domain_of(email: str) -> str:
    """'els@kortrijk.be' -> '@kortrijk.be'."""
    return "@" + email.strip().lower().rpartition("@")[2]


class TrustedSenders:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def trust(self, address_or_domain: str) -> str:
        """Remember it (once); returns the stored form."""
        value = normalise(address_or_domain)
        if value.startswith("@") and value[1:] in PUBLIC_DOMAINS:
            raise UserFacingError(
                f"Afbeeldingen toelaten voor heel {value} kan niet: iedereen kan daar een "
                "adres hebben. Sta de afzender zelf toe.")
        try:
            with self._sessions.begin() as s:
                if s.scalar(select(TrustedImageSender.id)
                            .where(TrustedImageSender.address == value)) is None:
                    s.add(TrustedImageSender(address=value))
        except IntegrityError:  # another workstation trusted it at the same moment
            pass
        return value

    def untrust(self, address_or_domain: str) -> None:
        value = normalise(address_or_domain)
        with self._sessions.begin() as s:
            s.execute(delete(TrustedImageSender).where(TrustedImageSender.address == value))

    def is_trusted(self, email: str) -> bool:
        address = email.strip().lower()
        if "@" not in address:
            return False
        with self._sessions() as s:
            return s.scalar(select(TrustedImageSender.id).where(
                TrustedImageSender.address.in_((address, domain_of(address)))).limit(1)) is not None

    def all(self) -> list[str]:
        with self._sessions() as s:
            return list(s.scalars(select(TrustedImageSender.address)
                                  .order_by(TrustedImageSender.address)))
