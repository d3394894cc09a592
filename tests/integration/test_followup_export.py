"""Opvolging out of the app: the shown rows to Excel (real dates, bold header, red
overdue rows, autofilter, widths) and to PDF (A4 landscape, the filter in the title);
action points carry their overleg and status."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtWidgets import QApplication

from kortrijk_cockpit.clock import BRUSSELS, FixedClock
from kortrijk_cockpit.domain import ActionPoint, ActionStatus, MeetingSeries
from kortrijk_cockpit.services.followup_export import export_title, write_pdf, write_xlsx
from kortrijk_cockpit.services.visits import VisitService
from kortrijk_cockpit.store import Store

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=BRUSSELS)


def seed(store: Store) -> VisitService:
    with store.session_factory.begin() as s:
        mat = MeetingSeries(code="MAT", name="Managementteam")
        s.add(mat)
        s.flush()
        s.add_all([
            ActionPoint(title="Nota personeelsplan", owner_name="Els", due_date=date(2026, 11, 1),
                        target_series_id=mat.id),
            ActionPoint(title="Budget 2027", owner_name="Jan", due_date=date(2026, 12, 4),
                        status=ActionStatus.IN_PROGRESS),
            ActionPoint(title="Verslag ingediend", owner_name="Els", status=ActionStatus.DONE),
        ])
    return VisitService(store.session_factory, FixedClock(NOW))


def test_action_points_carry_series_and_status(store: Store) -> None:
    visits = seed(store)
    rows = {r.what: r for r in visits.open_items()}
    assert set(rows) == {"Nota personeelsplan", "Budget 2027"}
    assert rows["Nota personeelsplan"].series == "MAT" and rows["Nota personeelsplan"].overdue
    assert rows["Budget 2027"].status == ActionStatus.IN_PROGRESS
    everything = {r.what: r for r in visits.open_items(include_done=True)}
    assert everything["Verslag ingediend"].done and not everything["Verslag ingediend"].overdue


def test_excel_reads_back(sqlite_store: Store, tmp_path: Path) -> None:
    rows = seed(sqlite_store).open_items()
    path = tmp_path / "Opvolging.xlsx"
    write_xlsx(rows, path, title=export_title("Eigenaar: Els", NOW.date()))
    sheet = load_workbook(path).active
    assert sheet is not None
    assert [c.value for c in sheet[1]] == ["Wat", "Reeks", "Waarvoor", "Eigenaar", "Deadline",
                                           "Status"]
    assert sheet["A1"].font.bold
    assert sheet["A2"].value == "Nota personeelsplan"
    assert sheet["E2"].value == datetime(2026, 11, 1)  # a real date, not text
    assert sheet["E2"].number_format == "DD/MM/YYYY"
    assert sheet["F2"].value == "open (te laat)"
    assert sheet["A2"].fill.fgColor.rgb == "FFF4C7CE"  # overdue: red fill
    assert sheet["A3"].fill.fill_type is None
    assert sheet["F3"].value == "in uitvoering"
    assert sheet.auto_filter.ref == "A1:F3"
    assert sheet.column_dimensions["A"].width > sheet.column_dimensions["B"].width


def test_pdf_is_landscape_with_filter_in_title(qapp: QApplication, sqlite_store: Store,
                                               tmp_path: Path) -> None:
    rows = seed(sqlite_store).open_items()
    path = tmp_path / "Opvolging.pdf"
    write_pdf(rows, path, title=export_title("Reeks: MAT", NOW.date()))
    reader = PdfReader(path)
    page = reader.pages[0]
    assert page.mediabox.width > page.mediabox.height  # A4 landscape
    text = " ".join(page.extract_text().split())
    assert "Opvolging – Reeks: MAT – 23/11/2026" in text
    assert "Nota personeelsplan" in text and "Budget 2027" in text
