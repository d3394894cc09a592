"""A keyring backend in a JSON file, so a child process shares the test's keyring.

Selected in the child with PYTHON_KEYRING_BACKEND=tests.integration.file_keyring.FileKeyring;
the file is named by COCKPIT_TEST_KEYRING. (CI machines have no OS keyring.)
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from jaraco.classes import properties
from keyring.backend import KeyringBackend


class FileKeyring(KeyringBackend):
    @properties.classproperty
    def priority(cls) -> float:
        # Only viable where a test asked for it: keyring must never pick it on its own.
        if "COCKPIT_TEST_KEYRING" not in os.environ:
            raise RuntimeError("COCKPIT_TEST_KEYRING is not set")
        return 1

    def __init__(self, path: Path | None = None) -> None:
        super().__init__()
        self.path = path or Path(os.environ["COCKPIT_TEST_KEYRING"])

    def _items(self) -> dict[str, str]:
        try:
            return dict(json.loads(self.path.read_text(encoding="utf-8")))
        except FileNotFoundError:
            return {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._items().get(f"{service}\n{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        items = self._items()
        items[f"{service}\n{username}"] = password
        self.path.write_text(json.dumps(items), encoding="utf-8")

    def delete_password(self, service: str, username: str) -> None:
        items = self._items()
        items.pop(f"{service}\n{username}", None)
        self.path.write_text(json.dumps(items), encoding="utf-8")
