"""When Qt cannot start (no usable platform plugin), its reason reaches stderr, not only the log."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_a_qt_fatal_message_is_printed_on_stderr(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "nonexistent"}
    result = subprocess.run(
        [sys.executable, "-m", "kortrijk_cockpit", "--smoke-test", "--basedir", str(tmp_path)],
        capture_output=True, text=True, timeout=120, env=env, cwd=tmp_path, check=False)
    assert result.returncode != 0
    assert 'Qt platform plugin "nonexistent"' in result.stderr  # Qt's own reason
    assert "no Qt platform plugin could be initialized" in result.stderr
    assert "bash .ci/system_packages" in result.stderr
    log = (tmp_path / "logs" / "cockpit.log").read_text(encoding="utf-8")
    assert "no Qt platform plugin could be initialized" in log
