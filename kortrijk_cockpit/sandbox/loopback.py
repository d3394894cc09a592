"""The HTTP server under the sandbox's endpoints: a thread per connection, all joined on stop."""

from __future__ import annotations

import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class LoopbackHttpServer(ThreadingHTTPServer):
    """Keep-alive connections are tracked so `close_open_connections` can end them."""

    daemon_threads = False  # joined in server_close(): no thread outlives stop()
    block_on_close = True

    def __init__(self, address: tuple[str, int], handler: type[BaseHTTPRequestHandler]) -> None:
        self._open: set[socket.socket] = set()
        self._open_lock = threading.Lock()
        super().__init__(address, handler)

    def process_request(self, request: socket.socket,  # type: ignore[override]
                        client_address: tuple[str, int]) -> None:
        with self._open_lock:
            self._open.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: socket.socket) -> None:  # type: ignore[override]
        with self._open_lock:
            self._open.discard(request)
        super().shutdown_request(request)

    def close_open_connections(self) -> None:
        """Wake handler threads that wait on idle keep-alive connections."""
        with self._open_lock:
            sockets = list(self._open)
        for sock in sockets:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def serve_in_background(self, name: str) -> None:
        self._serving = threading.Thread(target=self.serve_forever,
                                         kwargs={"poll_interval": 0.05}, name=name)
        self._serving.start()

    def stop(self) -> None:
        """Stop serving and join every thread: the accept loop, then each connection's."""
        self.shutdown()
        self._serving.join()
        self.close_open_connections()
        self.server_close()  # joins the connection threads
