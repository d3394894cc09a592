"""Propose an outcome for a mail from how earlier mails were triaged.

Looked at in this order, the first with a clear answer wins: the same
conversation, the same sender, the same domain, similar subject words. An
answer needs at least two earlier mails with an outcome and one outcome on
more than half of them. Nothing is ever applied: the user accepts with a key.

The domain step skips the city's own domain (kortrijk.be: every colleague
writes from it, so "most mail from kortrijk.be was Ter info" says nothing
about this one; the sender step already covers a colleague) and the big
public mail providers (a private person's domain is not an organisation).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session, sessionmaker

from kortrijk_cockpit.domain import Mail
from kortrijk_cockpit.services.mail_sql import like_escape
from kortrijk_cockpit.services.outcomes import outcome_names
from kortrijk_cockpit.store.search import mail_match

OWN_DOMAINS = frozenset({"kortrijk.be"})
PUBLIC_DOMAINS = frozenset({"gmail.com", "hotmail.com", "outlook.com", "outlook.be", "live.com",
                            "live.be", "yahoo.com", "icloud.com", "telenet.be", "skynet.be",
                            "proximus.be"})
LOOK_BACK = 200  # the most recent triaged mails per step are enough for a majority
MIN_EARLIER = 2
_PREFIX = re.compile(r"^\s*((re|antw|aw|fw|fwd|tr|doorst)\s*:\s*)+", re.IGNORECASE)
_STOP = frozenset({"voor", "over", "naar", "met", "van", "een", "het", "de", "en", "in", "op",
                   "aan", "uit", "bij", "dat", "die", "deze", "the", "and"})


@dataclass(frozen=True)
class Suggestion:
    outcome: str
    reason: str  # Dutch, e.g. "3 van de 4 vorige mails van deze afzender: Agenderen MAT"


class SuggestionService:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def suggest(self, mail_id: int) -> Suggestion | None:
        with self._sessions() as s:
            mail = s.get(Mail, mail_id)
            if mail is None:
                return None
            outcomes = outcome_names(s)
            # Exchange spells one address in several cases; lower(sender_email) is what
            # the index ix_mails_sender_lower_received (migration 0006) holds.
            address = (mail.sender_email or "").strip().lower()
            sender = func.lower(Mail.sender_email)
            domain = address.rsplit("@", 1)[1] if "@" in address else ""
            steps: list[tuple[str, ColumnElement[bool] | None]] = [
                ("in dit gesprek",
                 Mail.conversation_id == mail.conversation_id if mail.conversation_id else None),
                ("van deze afzender", sender == address if address else None),
                (f"van {domain}",
                 sender.like(f"%@{like_escape(domain)}", escape="\\")
                 if domain and domain not in OWN_DOMAINS | PUBLIC_DOMAINS else None),
                ("met een gelijkaardig onderwerp", _subject_match(s, mail.subject)),
            ]
            for where, condition in steps:
                if condition is None:
                    continue
                found = _majority(s, mail.id, condition, outcomes, where)
                if found is not None:
                    return found
            return None


def _subject_match(s: Session, subject: str) -> ColumnElement[bool] | None:
    """Mails sharing the subject's two longest (most telling) words, by the full-text
    index; None when the subject has fewer."""
    words = [w for w in re.findall(r"\w+", _PREFIX.sub("", subject))
             if len(w) >= 4 and w.lower() not in _STOP and not w.isdigit()]
    words = sorted(words, key=len, reverse=True)[:2]
    if len(words) < 2:
        return None
    return mail_match(s.get_bind().dialect.name, " ".join(words))  # type: ignore[return-value]


def _outcome(categories: Sequence[str], outcomes: Sequence[str]) -> str | None:
    return next((o for o in outcomes if o in categories), None)


def _majority(s: Session, mail_id: int, condition: ColumnElement[bool],
              outcomes: Sequence[str], where: str) -> Suggestion | None:
    # The most recent mails by index, outcomes counted here: cheaper than matching
    # every earlier mail's categories in SQL.
    rows = s.scalars(select(Mail.categories).where(condition, Mail.id != mail_id)
                     .order_by(Mail.received_at.desc()).limit(LOOK_BACK)).all()
    chosen = Counter(o for o in (_outcome(cats or [], outcomes) for cats in rows) if o)
    total = sum(chosen.values())
    if total < MIN_EARLIER:
        return None
    outcome, count = chosen.most_common(1)[0]
    if count * 2 <= total:
        return None
    return Suggestion(outcome, f"{count} van de {total} vorige mails {where}: {outcome}")
