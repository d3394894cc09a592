"""A tiny authoritative DNS server (UDP, dnspython) for tests in a private network namespace.

exchangelib's autodiscover resolves names itself with dnspython (A records before
every request, the SRV record _autodiscover._tcp.<domain> in step 4), reading the
name servers from /etc/resolv.conf, so a test that points resolv.conf here decides
what exists. Unknown names get NXDOMAIN; known names without the asked type an
empty NOERROR answer, as a real server gives.
"""

from __future__ import annotations

import socket
import threading
from types import TracebackType
from typing import Self

import dns.exception
import dns.flags
import dns.message
import dns.rcode
import dns.rdatatype
import dns.rrset

Records = dict[tuple[str, str], list[str]]  # (name, type) -> rdata ("127.0.0.1", "0 0 443 mail.x.")


def _name(name: str) -> str:
    return name.lower().rstrip(".") + "."


class FakeDns:
    def __init__(self, host: str = "127.0.0.1", port: int = 53) -> None:
        self._records: Records = {}
        self._lock = threading.Lock()
        self.queries: list[tuple[str, str]] = []  # (name, type) in the order asked
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self._sock.bind((host, port))
        self._sock.settimeout(0.1)  # how often the loop looks at `_stopping`
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._serve, name="fake-dns")

    def set_records(self, records: Records) -> None:
        with self._lock:
            self._records = {(_name(n), t.upper()): list(v) for (n, t), v in records.items()}
            self.queries.clear()

    def start(self) -> Self:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        self._thread.join()
        self._sock.close()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()

    def _serve(self) -> None:
        while not self._stopping.is_set():
            try:
                data, peer = self._sock.recvfrom(4096)
            except TimeoutError:
                continue
            try:
                query = dns.message.from_wire(data)
            except dns.exception.DNSException:
                continue
            self._sock.sendto(self._answer(query).to_wire(), peer)

    def _answer(self, query: dns.message.Message) -> dns.message.Message:
        response = dns.message.make_response(query)
        response.flags |= dns.flags.AA
        if not query.question:
            response.set_rcode(dns.rcode.FORMERR)
            return response
        question = query.question[0]
        name, rtype = _name(question.name.to_text()), dns.rdatatype.to_text(question.rdtype)
        with self._lock:
            self.queries.append((name, rtype))
            values = self._records.get((name, rtype))
            exists = any(key[0] == name for key in self._records)
        if values:
            response.answer.append(dns.rrset.from_text_list(question.name, 60, "IN", rtype, values))
        elif not exists:
            response.set_rcode(dns.rcode.NXDOMAIN)
        return response
