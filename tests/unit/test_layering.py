"""The Qt-free layers never import PySide6."""

from __future__ import annotations

import subprocess
import sys
import textwrap

QT_FREE = ["domain", "store", "services", "exchange", "documents"]
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
