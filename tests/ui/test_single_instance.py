"""A second start on the same data folder brings the first window forward."""

from __future__ import annotations

from pathlib import Path

from kortrijk_cockpit.ui.single_instance import SingleInstance


def test_second_instance_asks_the_first_to_show_itself(qtbot, app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first = SingleInstance(tmp_path)
    assert not first.notify_running()
    assert first.listen()
    second = SingleInstance(tmp_path)
    with qtbot.waitSignal(first.activation_requested, timeout=5000):
        assert second.notify_running()
    first.close()
    assert not SingleInstance(tmp_path).notify_running()


def test_other_data_folders_run_side_by_side(app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first = SingleInstance(tmp_path / "a")
    assert first.listen()
    assert not SingleInstance(tmp_path / "b").notify_running()
    first.close()
