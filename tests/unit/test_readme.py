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
    commands = [c for c in quick_start_commands() if "apt-get" not in c]
    assert len(commands) == 4
    assert sum("--demo" in c for c in commands) == 2
    assert sum("pytest" in c for c in commands) == 2


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    linux_test = next(c for c in quick_start_commands() if "pytest" in c and "bin/" in c)
    assert linux_test in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()


def test_ci_installs_exactly_the_system_packages_the_readme_names() -> None:
    [apt] = [c for c in quick_start_commands() if "apt-get install" in c]
    readme = apt.split("apt-get install", 1)[1].split()
    ci = re.search(r"gui_packages=\(([^)]*)\)", (ROOT / ".ci" / "run").read_text(encoding="utf-8"))
    assert ci is not None
    assert sorted(readme) == sorted(ci.group(1).split())
    # What Qt 6's xcb platform plugin needs beyond a desktop-less Debian (exit 134 otherwise).
    assert {"libxcb-icccm4", "libxcb-keysyms1", "libxcb-cursor0", "libxcb-image0",
            "libxcb-render-util0", "libxcb-shape0", "libxcb-xinerama0", "libxcb-xkb1",
            "libxkbcommon-x11-0", "libegl1", "libgl1", "libfontconfig1",
            "libdbus-1-3"} <= set(readme)


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
