"""A loopback EWS (Exchange Web Services) server with the director's mailbox, for tests and demos.

Real exchangelib talks to it over HTTP; see `server.py` for the endpoint,
`mailbox.py` for the data and `faults.py` for what can go wrong on purpose.
"""

from __future__ import annotations

from kortrijk_cockpit.sandbox.demo import demo_mailbox
from kortrijk_cockpit.sandbox.ews.server import SandboxServer
from kortrijk_cockpit.sandbox.faults import Faults
from kortrijk_cockpit.sandbox.mailbox import Folder, Mailbox
from kortrijk_cockpit.sandbox.model import (
    Address,
    Attachment,
    Invitation,
    Item,
    SentAttachment,
    SentMessage,
)

__all__ = [
    "Address", "Attachment", "Faults", "Folder", "Invitation", "Item", "Mailbox", "SandboxServer",
    "SentAttachment", "SentMessage", "demo_mailbox",
]
