"""Guards against Qt binding bugs that would crash the app after a while."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    fired = Signal(str, object)


def test_emitting_signals_does_not_release_references_it_does_not_own(app) -> None:  # type: ignore[no-untyped-def]
    # PySide6 6.12.0 dropped a reference to True on every emission to a Python
    # slot; after a few hundred signals the interpreter aborted.
    emitter = _Emitter()
    received: list[str] = []
    emitter.fired.connect(lambda text, _obj: received.append(text))
    before = sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None)
    for _ in range(50):
        emitter.fired.emit("x", None)
    after = sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None)
    assert len(received) == 50
    assert after == before
