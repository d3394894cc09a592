"""Imports point the way ARCHITECTURE.md says, and the Qt-free layers never import PySide6."""

from __future__ import annotations

import ast
import subprocess
import sys
import textwrap
from importlib.util import resolve_name
from pathlib import Path

import kortrijk_cockpit

QT_FREE = ["domain", "store", "services", "exchange", "documents", "imports"]
# Only the PDF renderer may use QtGui (QPdfWriter), never QtWidgets.
QTGUI_ALLOWED = {"kortrijk_cockpit.documents.pdf"}
# Alembic's environment script only runs inside a migration (it imports the domain, checked here).
NOT_IMPORTABLE = {"kortrijk_cockpit.store.migrations.env"}


def test_qt_free_layers_import_without_pyside6() -> None:
    script = textwrap.dedent(f"""
        import importlib, pkgutil, sys

        class BlockQt:
            def find_spec(self, name, path=None, target=None):
                if name == "PySide6" or name.startswith("PySide6."):
                    raise ImportError("Qt is blocked in this layer: " + name)
                return None

        sys.meta_path.insert(0, BlockQt())
        import kortrijk_cockpit
        allowed = {sorted(QTGUI_ALLOWED | NOT_IMPORTABLE)!r}
        checked = []
        for layer in {QT_FREE!r}:
            package = importlib.import_module("kortrijk_cockpit." + layer)
            checked.append(package.__name__)
            for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
                if info.name in allowed:
                    continue
                importlib.import_module(info.name)
                checked.append(info.name)
        print("\\n".join(checked))
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr
    checked = result.stdout.split()
    assert "kortrijk_cockpit.store.search" in checked
    assert "kortrijk_cockpit.services.dashboard" in checked
    assert "kortrijk_cockpit.store.migrations.versions.0002_full_text_search" in checked


def test_headless_command_line_does_not_load_qt() -> None:
    result = subprocess.run(
        [sys.executable, "-c",
         "import sys, kortrijk_cockpit.__main__, kortrijk_cockpit.app; "
         "print('PySide6' in sys.modules)"],
        capture_output=True, text=True, check=True,
    )
    assert result.stdout.strip() == "False"


PACKAGE = Path(kortrijk_cockpit.__file__).parent
BASE = {"__init__", "errors", "config", "clock", "task_context", "changes", "logging_setup",
        "temp_basedir"}
ROOTS = {"app", "headless", "__main__"}  # composition roots: may import anything
# Which layers each layer may import (its own always). ARCHITECTURE.md, "Layers".
ALLOWED = {
    "base": {"base"},
    "domain": {"base"},
    "store": {"domain", "base"},
    "documents": {"domain", "base"},
    "exchange": {"store", "domain", "base"},
    "services": {"store", "domain", "documents", "imports", "base", "demo_office"},
    "imports": {"base"},  # file readers (.eml, .msg, .ics) for services/mail_import.py: plain values
    "sandbox": {"base", "demo_office"},  # a separate server, not part of the client
    "demo_office": {"base"},  # plain data of the demo: what both demo generators tell
    "ui": {"services", "exchange", "store", "domain", "documents", "imports", "base"},  # never a root
}
# Base modules import no other base module, except these.
BASE_EDGES = {("config", "errors"), ("config", "temp_basedir")}
# The plain modules of exchange/ that services may use: records and errors, never a backend.
SERVICES_MAY_USE = {"exchange", "exchange.records", "exchange.errors", "exchange.outbox_kinds",
                    "exchange.attachments"}  # safe_filename/unique_path: imports save attachments
KNOWN_EXCEPTIONS: set[tuple[str, str]] = set()


def module_name(path: Path) -> str:
    """`exchange.round`, `exchange` for exchange/__init__.py, `__init__` for the package."""
    parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
    if parts[-1] == "__init__" and len(parts) > 1:
        parts.pop()
    return ".".join(parts)


def layer_of(module: str) -> str:
    if module in BASE:
        return "base"
    if module in ROOTS:
        return "roots"
    return module.split(".")[0]


def is_module(name: str) -> bool:
    target = PACKAGE.joinpath(*name.split("."))
    return target.with_suffix(".py").is_file() or (target / "__init__.py").is_file()


def imports_of(path: Path, module: str) -> set[str]:
    """Every module of ours that `path` imports, at any depth (functions, TYPE_CHECKING)."""
    package = "kortrijk_cockpit" + ("" if module == "__init__" else "." + module)
    if path.name != "__init__.py":
        package = package.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            prefix = resolve_name("." * node.level + (node.module or ""), package)
            # `from pkg import mod` imports the module pkg.mod; `from mod import name`, mod.
            names = [f"{prefix}.{alias.name}" if is_module(
                f"{prefix}.{alias.name}".removeprefix("kortrijk_cockpit.")) else prefix
                for alias in node.names]
        else:
            continue
        for name in names:
            if name == "kortrijk_cockpit":
                found.add("__init__")
            elif name.startswith("kortrijk_cockpit."):
                found.add(name.removeprefix("kortrijk_cockpit."))
    return found


def forbidden(source: str, target: str) -> bool:
    here, there = layer_of(source), layer_of(target)
    if (source, target) in KNOWN_EXCEPTIONS or here == "roots":
        return False
    if here == there:
        return here == "base" and target != "__init__" and (source, target) not in BASE_EDGES
    if here == "services" and there == "exchange":
        return target not in SERVICES_MAY_USE
    return there not in ALLOWED[here]


def offending_edges() -> list[str]:
    edges = []
    for path in sorted(PACKAGE.rglob("*.py")):
        source = module_name(path)
        for target in sorted(imports_of(path, source)):
            if forbidden(source, target):
                edges.append(f"{source} -> {target}")
    return edges


def test_every_import_points_the_way_the_architecture_says() -> None:
    edges = offending_edges()
    assert not edges, "imports against ARCHITECTURE.md's layers:\n" + "\n".join(edges)


def test_the_import_reader_sees_every_kind_of_import(tmp_path: Path) -> None:
    """The walk above must find local, TYPE_CHECKING and relative imports, or it proves nothing."""
    relative = tmp_path / "fake.py"
    relative.write_text("def f():\n    from . import records\n    from ..services import search\n"
                        "    from .errors import Offline\n", encoding="utf-8")
    assert imports_of(relative, "exchange.fake") == {
        "exchange.records", "services.search", "exchange.errors"}
    found = imports_of(PACKAGE / "app.py", "app")
    assert {"sandbox", "ui.sync_worker", "exchange.profile", "config"} <= found
    assert "exchange.backend" in imports_of(PACKAGE / "exchange" / "round.py", "exchange.round")
    assert "sandbox.ews.server" in imports_of(PACKAGE / "sandbox" / "__init__.py", "sandbox")
    assert "__init__" in imports_of(PACKAGE / "config.py", "config")
