"""Paths and settings."""

from __future__ import annotations

from pathlib import Path

import pytest

from kortrijk_cockpit.config import Paths, Settings, resources_dir
from kortrijk_cockpit.errors import ConfigError


def test_basedir_puts_everything_in_one_folder(tmp_path: Path) -> None:
    paths = Paths.for_basedir(tmp_path)
    paths.ensure()
    for folder in (paths.data, paths.config, paths.logs, paths.backups, paths.attachments):
        assert folder.is_dir() and folder.is_relative_to(tmp_path)
    assert paths.default_database.parent == paths.data


def test_a_file_in_the_way_is_refused_in_dutch(tmp_path: Path) -> None:
    (tmp_path / "bestand").write_text("x")
    with pytest.raises(ConfigError, match="--basedir"):
        Paths.for_basedir(tmp_path / "bestand").ensure()


def test_settings_round_trip_and_survive_a_damaged_file(tmp_path: Path) -> None:
    paths = Paths.for_basedir(tmp_path)
    paths.ensure()
    assert Settings.load(paths) == Settings()
    Settings(sync_interval_minutes=3).save(paths)
    assert Settings.load(paths).sync_interval_minutes == 3
    (paths.config / "settings.json").write_text("{kapot", encoding="utf-8")
    assert Settings.load(paths) == Settings()


def test_resources_are_found_from_a_source_checkout() -> None:
    assert (resources_dir() / "translations" / "kortrijk_cockpit_nl.qm").is_file()
    assert (resources_dir() / "icons" / "app.ico").is_file()
