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
