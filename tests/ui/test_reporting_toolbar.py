"""The Rapportering area's toolbar: the matrix exported to Excel from the area (read back),
and the mail and agenda actions present with their keys."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtWidgets import QFileDialog

from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.services.reporting_agenda import ReportingAgendaService
from kortrijk_cockpit.services.reporting_export import ReportingExportService
from kortrijk_cockpit.services.reporting_requests import ReportingRequestService
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.ui.change_feed import ChangeFeed
from kortrijk_cockpit.ui.tasks import TaskRunner
from kortrijk_cockpit.ui.views.reporting.actions import ReportingToolbar
from kortrijk_cockpit.ui.views.reporting_mail import ReportingMailActions
from tests.ui.test_reporting_area import NOW, _area, _service


def test_the_matrix_is_exported_to_excel_from_the_area(  # type: ignore[no-untyped-def]
        qtbot, sqlite_store: Store, runner: TaskRunner, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    service = _service(sqlite_store)
    service.create_year(2026)
    feed = ChangeFeed()
    area = _area(qtbot, service, runner, feed)
    clock = FixedClock(NOW)
    mail = ReportingMailActions(runner, feed, ReportingRequestService(
        sqlite_store.session_factory, clock, service.days, "Hilde Vanthuyne"),
        ReportingAgendaService(sqlite_store.session_factory, clock), area)
    ReportingToolbar(area, runner, mail,
                     ReportingExportService(sqlite_store.session_factory, clock, service))
    keys = {a.text(): a.shortcut().toString() for a in area.toolbar.actions() if a.text()}
    assert keys["Bijdragen opvragen…"] == "Ctrl+Shift+R"
    assert keys["Eigenaars herinneren…"] == "Ctrl+Shift+H"
    assert keys["Mijlpalen op het MAT/DC zetten"] == "Ctrl+Shift+A"

    target = tmp_path / "matrix.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args, **kwargs: (str(target), "")))
    export = next(a for a in area.toolbar.actions() if a.text() == "Exporteren naar Excel…")
    with qtbot.waitSignal(area.message, timeout=20_000) as said:
        export.trigger()
    assert said.args[0] == "De matrix is bewaard als matrix.xlsx."
    book = openpyxl.load_workbook(target)
    values = [c.value for row in book.worksheets[0].iter_rows() for c in row if c.value]
    assert "Financiën" in values or any("Financiën" in str(v) for v in values)
