"""Serve a demo mailbox until interrupted.

`run()` prints four lines: the endpoint URL, the mailbox address, the user
name and the password to sign in with (NTLM or Basic). With `graph=True` the four
lines are the Microsoft Graph endpoint (`.../v1.0`), the mailbox, the user and the
bearer token; the same server and mailbox answer both protocols either way.
"""

from __future__ import annotations

import errno
import signal
import sys
import threading
from types import FrameType

from kortrijk_cockpit.errors import ConfigError
from kortrijk_cockpit.sandbox.demo import demo_mailbox
from kortrijk_cockpit.sandbox.ews.server import SandboxServer


def run(port: int = 0, mails: int = 300, events: int = 60, *, graph: bool = False) -> int:
    """Start a demo sandbox on 127.0.0.1:`port` (0: any free port) and serve until SIGINT/SIGTERM."""
    stop = threading.Event()

    def request_stop(signum: int, frame: FrameType | None) -> None:
        stop.set()

    on_main_thread = threading.current_thread() is threading.main_thread()
    previous = {}
    if on_main_thread:
        for signum in (signal.SIGINT, signal.SIGTERM):
            previous[signum] = signal.signal(signum, request_stop)
    server = SandboxServer(demo_mailbox(mails=mails, events=events), port=port)
    try:
        _start(server, port)
        sys.stdout.write("".join(f"{line}\n" for line in _sign_in_lines(server, graph=graph)))
        sys.stdout.flush()
        # Event.wait with a timeout keeps the main thread responsive to signals.
        while not stop.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    return 0


def _sign_in_lines(server: SandboxServer, *, graph: bool) -> list[str]:
    """What a client needs: endpoint, mailbox, user and its secret (password or token)."""
    if graph:
        return [server.graph_url, server.mailbox.owner, server.mailbox.delegate,
                server.graph_token]
    return [server.url, server.mailbox.owner, server.username, server.password]


def _start(server: SandboxServer, port: int) -> None:
    try:
        server.start()
    except OSError as exc:
        reason = {
            errno.EADDRINUSE: "is al in gebruik door een ander programma",
            errno.EACCES: "mag niet worden gebruikt (poorten onder 1024 vragen beheerdersrechten)",
        }.get(exc.errno or 0, f"kan niet worden geopend (systeemfout {exc.errno})")
        raise ConfigError(f"Poort {port} {reason}: kies een andere met --port, of laat --port "
                          "weg voor een vrije poort.", detail=repr(exc)) from exc
