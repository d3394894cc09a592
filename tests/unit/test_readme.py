"""The README's quick start stays true: CI runs its test command verbatim."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def quick_start_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```(?:bash|bat)\n(.*?)```", section, re.S)
    return [line for block in blocks for line in block.splitlines()
            if line and not line.startswith(("#", "::"))]


def test_two_commands_per_platform() -> None:
    commands = quick_start_commands()
    assert len(commands) == 4
    assert sum("--demo" in c for c in commands) == 2
    assert sum("pytest" in c for c in commands) == 2


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    linux_test = next(c for c in quick_start_commands() if "pytest" in c and "bin/" in c)
    assert linux_test in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()


def test_on_debian_both_commands_install_the_system_packages_first() -> None:
    """A fresh Debian has no Qt libraries for a window (exit 134 otherwise) and no
    PostgreSQL: one command each still installs and starts the demo, or runs the tests."""
    linux = [c for c in quick_start_commands() if "bin/" in c]
    assert len(linux) == 2 and all(c.startswith("bash .ci/system_packages && ") for c in linux)
    script = (ROOT / ".ci" / "system_packages").read_text(encoding="utf-8")
    listed = set(re.search(r"packages=\(([^)]*)\)", script, re.S).group(1).split())  # type: ignore[union-attr]
    # What Qt 6's xcb platform plugin needs beyond a desktop-less Debian.
    assert {"libxcb-icccm4", "libxcb-keysyms1", "libxcb-cursor0", "libxcb-image0",
            "libxcb-render-util0", "libxcb-shape0", "libxcb-xinerama0", "libxcb-xkb1",
            "libxkbcommon-x11-0", "libegl1", "libgl1", "libfontconfig1",
            "libdbus-1-3", "python3-venv"} <= listed
    assert "postgresql" in script


def test_command_lines_call_the_venv_command() -> None:
    """`kortrijk-cockpit` is not on PATH after the quick start: every command line says where."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```[a-z]*\n(.*?)```", readme, re.S)
    calls = [line for block in blocks for line in block.splitlines()
             if re.match(r"\s*(echo .*\| )?\S*kortrijk-cockpit\b", line)
             and not line.lstrip().startswith("#")]
    assert calls
    for line in calls:
        assert re.search(r"\.venv[/\\](bin|Scripts)[/\\]kortrijk-cockpit", line), line
