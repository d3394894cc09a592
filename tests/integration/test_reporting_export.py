"""The year's reporting matrix exported for the management team: Excel read back with
openpyxl, PDF with pypdf; on SQLite and PostgreSQL for the gathering."""

from __future__ import annotations

from datetime import datetime
from io import BytesIO
from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from kortrijk_cockpit.clock import BRUSSELS, FixedClock
from kortrijk_cockpit.documents.reporting_model import Light
from kortrijk_cockpit.domain import Deliverable, DeliverableStatus, ReportingCycle
from kortrijk_cockpit.services.reporting import ReportingService, Team
from kortrijk_cockpit.services.reporting_export import ReportingExportService
from kortrijk_cockpit.services.reporting_plan import PlanRules, parse_periods
from kortrijk_cockpit.store import Store

NOW = datetime(2026, 7, 1, 9, 0, tzinfo=BRUSSELS)
TEAMS = (Team("Financiën", "Financiën", "Nathalie Claeys"),
         Team("Omgeving", "Ruimtelijke planning", "Annelies Verhaeghe"),
         Team("Omgeving", "Mobiliteit", "Pieter Vandamme"),
         Team("Welzijn", "Sociaal huis", "Sofie Desmet"),
         Team("Personeel", "HR", "Koen Lambrecht"),
         Team("Ondersteuning", "ICT", "Ward Deprez"))


def seed(store: Store) -> ReportingExportService:
    rules = PlanRules(closures=parse_periods(["2026-07-20/2026-08-14"]))
    reporting = ReportingService(store.session_factory, FixedClock(NOW), rules, TEAMS)
    reporting.create_year(2026)
    with store.session_factory.begin() as s:
        parts = s.scalars(select(Deliverable).join(ReportingCycle)
                          .where(Deliverable.due_date < NOW.date())).all()
        for part in parts:  # all in before 1 July but two: ICT's Q1 and Mobiliteit's jaarrekening
            late = (part.team, part.cycle.template) in {("ICT", "management_q1"),
                                                        ("Mobiliteit", "jaarrekening")}
            if not late:
                part.status = DeliverableStatus.APPROVED
        for part in s.scalars(select(Deliverable).where(Deliverable.team == "HR")):
            if part.cycle.template == "opvolging":
                part.status = DeliverableStatus.RECEIVED
                part.document_name = "Opvolging HR.xlsx"
    return ReportingExportService(store.session_factory, FixedClock(NOW), reporting)


def test_the_matrix_counts_and_who_owes_what(store: Store) -> None:
    matrix = seed(store).matrix(2026)

    assert len(matrix.cycles) == 8 and len(matrix.rows) == 6
    assert [p.owner for p in matrix.late] == ["Ward Deprez", "Pieter Vandamme"]  # longest first
    assert matrix.late[0].cycle == "Managementrapportering Q1 2026"
    assert matrix.late[0].days_late == (NOW.date() - matrix.late[0].due).days > 0
    assert matrix.count(Light.RED) == 2
    assert matrix.count(Light.RED) + matrix.count(Light.ORANGE) + matrix.count(
        Light.GREEN) == 48
    assert matrix.count(Light.GREEN) > 0 and matrix.count(Light.ORANGE) > 0


def test_excel_reads_back_with_lights_frozen_headers_and_milestones(
        sqlite_store: Store, tmp_path: Path) -> None:
    path = tmp_path / "Rapportering 2026.xlsx"
    seed(sqlite_store).write_xlsx(2026, path)

    book = load_workbook(BytesIO(path.read_bytes()))
    assert book.sheetnames == ["Matrix", "Te laat", "Mijlpalen", "Onderdelen"]
    sheet = book["Matrix"]
    assert sheet.freeze_panes == "D2"
    headers = [c.value for c in sheet[1]]
    assert headers[:3] == ["Directie", "Team", "Eigenaar"] and len(headers) == 3 + 8
    assert sheet.max_row == 1 + 6
    rows = {row[1].value: row for row in sheet.iter_rows(min_row=2)}
    q1 = headers.index("Managementrapportering Q1 2026")
    assert str(rows["ICT"][q1].value).startswith("te laat")
    assert rows["ICT"][q1].fill.fgColor.rgb == "FFF4C7CE"  # red
    assert str(rows["Financiën"][q1].value).startswith("goedgekeurd")
    assert rows["Financiën"][q1].fill.fgColor.rgb == "FFC6EFCE"  # green
    mjp = headers.index("Aanpassing meerjarenplan 2027")
    assert rows["HR"][mjp].fill.fgColor.rgb == "FFFFE699"  # open, in time: orange
    assert sheet.column_dimensions["B"].width == 24

    late = book["Te laat"]
    assert late.freeze_panes == "A2"
    assert [r[0].value for r in late.iter_rows(min_row=2)] == ["Ward Deprez", "Pieter Vandamme"]
    assert isinstance(late["E2"].value, datetime) and late["E2"].number_format == "DD/MM/YYYY"

    milestones = [tuple(c.value for c in r) for r in book["Mijlpalen"].iter_rows(min_row=2)]
    moved = [m for m in milestones if m[0] == "Jaarrekening 2025" and m[3]]
    assert moved and "Pinkstermaandag" in " ".join(str(m[3]) for m in moved)

    parts = book["Onderdelen"]
    documents = [r[7].value for r in parts.iter_rows(min_row=2) if r[7].value]
    assert documents == ["Opvolging HR.xlsx"]


def test_pdf_puts_what_is_late_and_who_owes_it_on_page_one(
        qapp: QApplication, sqlite_store: Store, tmp_path: Path) -> None:
    path = tmp_path / "Rapportering 2026.pdf"
    seed(sqlite_store).write_pdf(2026, path)

    reader = PdfReader(path)
    assert 1 <= len(reader.pages) <= 2  # six teams, eight cycles
    page = reader.pages[0]
    assert page.mediabox.width > page.mediabox.height  # A4 landscape
    text = " ".join(page.extract_text().split())
    assert "Rapportering 2026" in text
    assert text.index("Te laat: 2 onderdelen") < text.index("Matrix")
    assert "Ward Deprez" in text and "Managementrapportering Q1 2026" in text
    assert text.index("Ward Deprez") < text.index("Pieter Vandamme") < text.index("Matrix")
    everything = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert "Pinkstermaandag" in everything  # a move note under the milestones


def test_an_empty_year_still_exports(qapp: QApplication, sqlite_store: Store,
                                     tmp_path: Path) -> None:
    rules = PlanRules()
    reporting = ReportingService(sqlite_store.session_factory, FixedClock(NOW), rules, TEAMS)
    export = ReportingExportService(sqlite_store.session_factory, FixedClock(NOW), reporting)
    export.write_pdf(2031, tmp_path / "leeg.pdf")
    export.write_xlsx(2031, tmp_path / "leeg.xlsx")
    text = PdfReader(tmp_path / "leeg.pdf").pages[0].extract_text()
    assert "nog geen cycli" in " ".join(text.split())
    assert load_workbook(tmp_path / "leeg.xlsx")["Matrix"].max_row == 1
