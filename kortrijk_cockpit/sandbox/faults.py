"""Fault injection: what tests switch on to see the client cope with a misbehaving Exchange.

Counted faults are consumed by the next matching request(s); `operation`
limits one to an EWS operation name ("GetItem"). The switches
(`deny_root`, `send_as_denied`, `hold_in_outbox`, `ews_blocked`,
`graph_not_enabled`) stay on until switched off.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

BUSY = "busy"
STATUS = "status"
DROP = "drop"
LOSE_ANSWER = "lose_answer"
SLOW = "slow"


@dataclass
class Fault:
    kind: str
    remaining: int
    operation: str | None = None
    backoff_ms: int = 0
    status: int = 0
    retry_after: int | None = None
    seconds: float = 0.0

    def matches(self, operation: str) -> bool:
        return self.operation is None or self.operation == operation


class Faults:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._queue: list[Fault] = []
        self._sync_state: dict[str, int] = {}
        # ErrorAccessDenied for root/msgfolderroot: a delegate with Inbox/Calendar rights only.
        self.deny_root = False
        # ErrorSendAsDenied when sending: the delegate lacks Send-on-Behalf rights.
        self.send_as_denied = False
        # Slow transport: what is sent waits in the Outbox (without its Sent Items copy)
        # until `Mailbox.submit_outbox()`.
        self.hold_in_outbox = False
        # Every request answered this much later: a network round trip (benchmarks).
        self.latency_s = 0.0
        # Exchange Online with EWS blocked for this app: EWS answers 403 with a diagnostic.
        self.ews_blocked = False
        # A mailbox on an on-premises server: Graph answers 404 MailboxNotEnabledForRESTAPI.
        self.graph_not_enabled = False

    def _add(self, fault: Fault) -> None:
        if fault.remaining < 1:
            raise ValueError("count must be at least 1")
        with self._lock:
            self._queue.append(fault)

    def server_busy(self, count: int = 1, backoff_ms: int = 100, *,
                    operation: str | None = None) -> None:
        """HTTP 500 SOAP fault ErrorServerBusy asking the client to wait `backoff_ms`."""
        self._add(Fault(BUSY, count, operation, backoff_ms=backoff_ms))

    def http_status(self, status: int, count: int = 1, *, operation: str | None = None,
                    retry_after: int | None = None) -> None:
        """A bare HTTP error (503, 401, ...), optionally with a Retry-After header (seconds)."""
        self._add(Fault(STATUS, count, operation, status=status, retry_after=retry_after))

    def drop_connection(self, count: int = 1, *, operation: str | None = None) -> None:
        """Read the request, then close the socket without answering."""
        self._add(Fault(DROP, count, operation))

    def lose_answer(self, count: int = 1, *, operation: str | None = None) -> None:
        """Carry the request out, then close the socket without answering: the client
        cannot tell whether it happened (a VPN drop or timeout after the server committed)."""
        self._add(Fault(LOSE_ANSWER, count, operation))

    def slow(self, seconds: float, count: int = 1, *, operation: str | None = None) -> None:
        """Answer normally, but only after `seconds`."""
        self._add(Fault(SLOW, count, operation, seconds=seconds))

    def invalid_sync_state(self, folder: str = "inbox", count: int = 1) -> None:
        """ErrorInvalidSyncStateData on SyncFolderItems for `folder` (key, name or id)."""
        if count < 1:
            raise ValueError("count must be at least 1")
        with self._lock:
            self._sync_state[folder.lower()] = self._sync_state.get(folder.lower(), 0) + count

    def take(self, operation: str) -> Fault | None:
        """Consume one use of the first queued fault that matches `operation`."""
        with self._lock:
            for fault in self._queue:
                if fault.matches(operation):
                    fault.remaining -= 1
                    if fault.remaining == 0:
                        self._queue.remove(fault)
                    return fault
            return None

    def take_invalid_sync_state(self, *names: str) -> bool:
        with self._lock:
            for name in names:
                left = self._sync_state.get(name.lower(), 0)
                if left:
                    self._sync_state[name.lower()] = left - 1
                    return True
            return False

    @property
    def pending(self) -> int:
        """How many fault uses are still queued (the switches not counted)."""
        with self._lock:
            return sum(f.remaining for f in self._queue) + sum(self._sync_state.values())

    def clear(self) -> None:
        with self._lock:
            self._queue.clear()
            self._sync_state.clear()
            self.deny_root = False
            self.send_as_denied = False
            self.hold_in_outbox = False
            self.latency_s = 0.0
            self.ews_blocked = False
            self.graph_not_enabled = False
