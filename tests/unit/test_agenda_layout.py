"""Overlapping appointments of a day get columns, like in Outlook."""

from __future__ import annotations

from datetime import UTC, datetime

from kortrijk_cockpit.services.agenda_layout import Placed, layout_day


def at(hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, 24, hour, minute, tzinfo=UTC)


def test_apart_appointments_take_the_whole_width() -> None:
    assert layout_day([(1, at(9), at(10)), (2, at(11), at(12))]) == {
        1: Placed(0, 1), 2: Placed(0, 1)}


def test_back_to_back_is_not_an_overlap() -> None:
    assert layout_day([(1, at(9), at(10)), (2, at(10), at(11))]) == {
        1: Placed(0, 1), 2: Placed(0, 1)}


def test_overlapping_ones_share_the_width() -> None:
    assert layout_day([(1, at(9), at(11)), (2, at(10), at(12))]) == {
        1: Placed(0, 2), 2: Placed(1, 2)}


def test_a_freed_column_is_reused_and_the_cluster_keeps_its_width() -> None:
    # 1 runs all morning; 2 and 3 follow each other beside it; 4 overlaps 1 and 3.
    placed = layout_day([(1, at(9), at(12)), (2, at(9), at(10)), (3, at(10), at(11)),
                         (4, at(10, 30), at(11, 30))])
    assert placed == {1: Placed(0, 3), 2: Placed(1, 3), 3: Placed(1, 3), 4: Placed(2, 3)}


def test_a_later_cluster_starts_afresh() -> None:
    placed = layout_day([(1, at(9), at(10)), (2, at(9), at(10)), (3, at(14), at(15))])
    assert placed[3] == Placed(0, 1)
    assert placed[1].columns == placed[2].columns == 2


def test_the_longer_one_goes_left_when_both_start_together() -> None:
    placed = layout_day([(1, at(9), at(9, 30)), (2, at(9), at(11))])
    assert placed == {2: Placed(0, 2), 1: Placed(1, 2)}


def test_zero_length_appointments_still_get_a_column() -> None:
    placed = layout_day([(1, at(9), at(9)), (2, at(9), at(9))])
    assert placed == {1: Placed(0, 2), 2: Placed(1, 2)}


def test_nothing_in_nothing_out() -> None:
    assert layout_day([]) == {}
