"""A second start on the same data folder brings the first window forward."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from kortrijk_cockpit.ui.single_instance import SingleInstance


def test_second_instance_asks_the_first_to_show_itself(qtbot, app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first = SingleInstance(tmp_path)
    assert first.acquire()
    assert first.listen()
    second = SingleInstance(tmp_path)
    assert not second.acquire()
    with qtbot.waitSignal(first.activation_requested, timeout=5000):
        assert second.notify_running()
    first.close()
    third = SingleInstance(tmp_path)
    assert third.acquire()
    assert not third.notify_running()
    third.close()


def test_other_data_folders_run_side_by_side(app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = SingleInstance(tmp_path / "a")
    assert first.acquire() and first.listen()
    other = SingleInstance(tmp_path / "b")
    assert other.acquire()
    assert not other.notify_running()
    other.close()
    first.close()


def test_a_lock_left_by_a_crashed_instance_is_taken_over(app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # A process that takes the lock and dies without releasing it, as a crash would.
    crashed = subprocess.run(
        [sys.executable, "-c",
         "import os, sys; from PySide6.QtCore import QLockFile; "
         "lock = QLockFile(sys.argv[1]); assert lock.tryLock(0); os._exit(0)",
         str(tmp_path / "cockpit.lock")],
        check=True, timeout=60,
    )
    assert crashed.returncode == 0 and (tmp_path / "cockpit.lock").exists()
    survivor = SingleInstance(tmp_path)
    assert survivor.acquire()
    survivor.close()
