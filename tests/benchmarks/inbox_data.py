"""A realistic 100,000-mail store for the inbox benchmark, inserted fast.

Mails are copies of the demo office's threads (senders from its cast, its
subjects and texts), spread over three years in Postvak IN, Verzonden items
and Behandeld; most carry an office outcome, as a year of triage leaves them;
some wait for an answer, some are flagged; threads share a conversation id.
Core inserts in batches; the full-text index is filled by the store itself
(triggers on SQLite, a generated column on PostgreSQL).
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from sqlalchemy import insert

from kortrijk_cockpit import demo_office as office
from kortrijk_cockpit.domain import FlagStatus, FolderKind, Mail, MailFolder
from kortrijk_cockpit.services.outcomes import DEFAULT_OUTCOMES, WAITING_OUTCOME
from kortrijk_cockpit.store import Store

START = datetime(2024, 1, 1, 8, tzinfo=office.BRUSSELS)
OUTCOMES = [o.name for o in DEFAULT_OUTCOMES]
EXTRA = ["Rood", "Privé", "Gemeenteraad", "Personeel"]


def seed_inbox(store: Store, n: int = 100_000, *, batch: int = 5000, seed: int = 8) -> None:
    rng = random.Random(seed)
    sample = [m for m in office.demo_mails(400, seed, START + timedelta(days=90))
              if not m.private]
    with store.session_factory.begin() as s:
        folders = {kind: MailFolder(display_name=name, kind=kind, exchange_id=f"bench-{name}")
                   for kind, name in ((FolderKind.INBOX, "Postvak IN"),
                                      (FolderKind.SENT, "Verzonden items"),
                                      (FolderKind.CUSTOM, "Behandeld"))}
        s.add_all(folders.values())
        s.flush()
        inbox, sent, handled = (folders[k].id for k in (FolderKind.INBOX, FolderKind.SENT,
                                                          FolderKind.CUSTOM))
        minutes = 3 * 365 * 24 * 60 / n  # three years of mail
        conversation = 0
        for offset in range(0, n, batch):
            rows = []
            for i in range(offset, min(offset + batch, n)):
                demo = sample[i % len(sample)]
                if rng.random() < 0.45:  # a thread goes on, or a new one starts
                    conversation += 1
                roll = rng.random()
                folder = sent if roll < 0.12 else handled if roll < 0.55 else inbox
                categories = _categories(rng, i, n)
                flagged = rng.random() < 0.04
                received = START + timedelta(minutes=minutes * i)
                rows.append({
                    "folder_id": folder, "exchange_id": f"bench-{i}", "change_key": "ck",
                    "conversation_id": f"conv-{conversation}",
                    "subject": f"{demo.subject} #{i}" if i % 3 else demo.subject,
                    "sender_name": demo.author.name, "sender_email": demo.author.email,
                    "to_recipients": [f"{m.name} <{m.email}>" for m in demo.to],
                    "cc_recipients": [f"{m.name} <{m.email}>" for m in demo.cc],
                    "received_at": received, "sent_at": received,
                    "body_text": "\n\n".join(demo.paragraphs),
                    "categories": categories, "is_read": i < n - 400 or rng.random() < 0.3,
                    "has_attachments": bool(demo.attachments),
                    "flag_status": FlagStatus.FLAGGED if flagged else FlagStatus.NONE,
                    "flag_due_at": received + timedelta(days=7) if flagged else None,
                    "waiting_due_at": received + timedelta(days=7)
                    if WAITING_OUTCOME in categories else None,
                    "version": 1,
                })
            s.execute(insert(Mail), rows)


def _categories(rng: random.Random, i: int, n: int) -> list[str]:
    """Triaged, except the most recent few hundred; now and then an extra category."""
    chosen = [] if i > n - 600 or rng.random() < 0.1 else [rng.choice(OUTCOMES)]
    if rng.random() < 0.15:
        chosen.append(rng.choice(EXTRA))
    return sorted(chosen)
