"""Opvolging as an Excel workbook: one sheet, ready to filter and print.

Dates are real dates (so Excel sorts and filters them), overdue lines have a red fill,
the header is bold and carries an autofilter.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

HEADERS = ("Wat", "Reeks", "Waarvoor", "Eigenaar", "Deadline", "Status")
WIDTHS = (48, 12, 40, 22, 12, 16)
LATE_FILL = PatternFill(fill_type="solid", start_color="FFF4C7CE", end_color="FFF4C7CE")
DATE_FORMAT = "DD/MM/YYYY"


@dataclass(frozen=True)
class FollowupLine:
    """One exported line, in plain values (Dutch labels already)."""

    what: str
    series: str
    context: str
    owner: str
    due: date | None
    status: str
    overdue: bool


def workbook_bytes(lines: list[FollowupLine], *, title: str) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook always has its first sheet
    sheet.title = "Opvolging"
    sheet.append(HEADERS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for line in lines:
        sheet.append((line.what, line.series, line.context, line.owner, line.due, line.status))
        row = sheet.max_row
        sheet.cell(row, 5).number_format = DATE_FORMAT
        if line.overdue:
            for column in range(1, len(HEADERS) + 1):
                sheet.cell(row, column).fill = LATE_FILL
    for column, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(HEADERS))}{max(sheet.max_row, 1)}"
    sheet.freeze_panes = "A2"
    book.properties.title = title
    book.properties.creator = "Kortrijk Cockpit"
    out = BytesIO()
    book.save(out)
    return out.getvalue()
