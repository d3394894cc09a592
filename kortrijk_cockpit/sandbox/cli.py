"""Serve a demo mailbox until interrupted: `run()` prints the endpoint URL, then the mailbox address."""

from __future__ import annotations

import signal
import sys
import threading
from types import FrameType

from kortrijk_cockpit.sandbox.demo import demo_mailbox
from kortrijk_cockpit.sandbox.ews.server import SandboxServer


def run(port: int = 0, mails: int = 300, events: int = 60) -> int:
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
        server.start()
        sys.stdout.write(f"{server.url}\n{server.mailbox.owner}\n")
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
