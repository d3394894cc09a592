"""The Mail area at 1920 and 1440 pixels wide: every column in view, Subject the
widest, the tree then list 55% / pane 45%, the suggestion on one line, and the
sort arrow pointing the way the list runs."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt

from kortrijk_cockpit.ui.main_window import MainWindow
from kortrijk_cockpit.ui.models.mail_list import MailListModel
from kortrijk_cockpit.ui.views.mail.area import SUBJECT_MIN, TREE_WIDTH, MailArea
from tests.ui.test_mail_area import open_mail, settled


def arrow_points_up(area: MailArea, column: int) -> bool:
    """Read the painted header: an up arrow is widest at its bottom row."""
    header = area.list.horizontalHeader()
    x = header.sectionViewportPosition(column)
    image = header.grab(QRect(x, 0, header.sectionSize(column), header.height())).toImage()
    background = image.pixelColor(2, image.height() // 2)
    widths: dict[int, int] = {}
    for y in range(3, image.height() - 3):  # inside the borders, at the section's right end
        for px in range(image.width() - 24, image.width() - 3):
            colour = image.pixelColor(px, y)
            if abs(colour.lightness() - background.lightness()) > 60:
                widths[y] = widths.get(y, 0) + 1
    rows = sorted(widths)
    assert len(rows) >= 3, "no arrow painted"
    return widths[rows[-1]] > widths[rows[0]]


@pytest.mark.parametrize("width", [1920, 1440])
def test_every_column_fits_and_subject_is_the_widest(
        qtbot, window: MainWindow, width: int, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    area, controller = open_mail(qtbot, window)
    window.resize(width, 1080 if width == 1920 else 900)
    qtbot.waitUntil(lambda: window.width() == width)
    settled(qtbot, controller)
    window.grab().save(str(tmp_path / f"mail-{width}.png"))

    widths = [area.list.columnWidth(c) for c in range(MailListModel.COLUMNS)]
    assert sum(widths) <= area.list.viewport().width()
    assert not area.list.horizontalScrollBar().isVisible()
    assert widths[MailListModel.SUBJECT] >= SUBJECT_MIN
    if width == 1920:
        assert widths[MailListModel.SUBJECT] == max(widths)
        header = area.list.horizontalHeader()
        for column in range(MailListModel.COLUMNS):  # every title can be read
            name = str(controller.model.headerData(column, Qt.Orientation.Horizontal) or "")
            assert header.fontMetrics().horizontalAdvance(name) < widths[column], name


def test_first_run_proportions_and_a_one_line_suggestion(
        qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    area, controller = open_mail(qtbot, window)
    tree, middle, pane = area.splitter.sizes()
    assert tree == TREE_WIDTH
    assert abs(middle / (middle + pane) - 0.55) < 0.02
    qtbot.waitUntil(area.suggestion.isVisible)  # the demo's first mail has one
    assert not area.suggestion_text.is_elided()
    assert area.suggestion.height() < 2.5 * area.suggestion_text.fontMetrics().height()


def test_the_sort_arrow_points_the_way_the_list_runs(
        qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    area, controller = open_mail(qtbot, window)
    assert controller.model.query.descending  # newest first
    assert not arrow_points_up(area, MailListModel.RECEIVED)
    area.list.horizontalHeader().setSortIndicator(MailListModel.RECEIVED,
                                                  Qt.SortOrder.AscendingOrder)
    settled(qtbot, controller)
    assert not controller.model.query.descending
    first, last = (controller.model.mail_row(r) for r in (0, controller.model.rowCount() - 1))
    assert first is not None and last is not None and first.received_at <= last.received_at
    assert arrow_points_up(area, MailListModel.RECEIVED)
