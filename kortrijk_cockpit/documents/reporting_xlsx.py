"""The reporting matrix as an Excel workbook for the management team: a sheet per view
(matrix, te laat, mijlpalen, onderdelen), the header frozen, status cells coloured like
traffic lights, dates as real dates so Excel sorts and filters them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from kortrijk_cockpit.documents.reporting_model import Light, ReportingMatrix

DATE_FORMAT = "DD/MM/YYYY"
HEADER_FILL = PatternFill(fill_type="solid", start_color="FFE8EEF3", end_color="FFE8EEF3")
LIGHT_FILLS = {light: PatternFill(fill_type="solid", start_color=argb, end_color=argb)
               for light, argb in ((Light.GREEN, "FFC6EFCE"), (Light.ORANGE, "FFFFE699"),
                                   (Light.RED, "FFF4C7CE"))}
WRAP = Alignment(wrap_text=True, vertical="top")


def _sheet(book: Workbook, title: str, headers: Sequence[str], widths: Sequence[int],
           rows: Iterable[Sequence[object]], *, date_columns: Sequence[int] = (),
           freeze: str = "A2") -> Worksheet:
    sheet = book.create_sheet(title)
    sheet.append(list(headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = WRAP
    for row in rows:
        sheet.append(list(row))
        for column in date_columns:
            sheet.cell(sheet.max_row, column).number_format = DATE_FORMAT
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = freeze
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{max(sheet.max_row, 1)}"
    return sheet


def workbook_bytes(matrix: ReportingMatrix) -> bytes:
    book = Workbook()
    first = book.active
    assert first is not None  # a new workbook always has its first sheet
    book.remove(first)
    _matrix_sheet(book, matrix)
    _sheet(book, "Te laat", ("Eigenaar", "Team", "Onderdeel", "Cyclus", "Deadline",
                             "Dagen te laat"), (26, 24, 36, 36, 12, 12),
           ((p.owner, p.team, p.title, p.cycle, p.due, p.days_late) for p in matrix.late),
           date_columns=(5,))
    _sheet(book, "Mijlpalen", ("Cyclus", "Mijlpaal", "Datum", "Verschoven omdat"),
           (36, 30, 12, 70),
           ((c.name, m.title, m.due_on, m.note) for c in matrix.cycles for m in c.milestones),
           date_columns=(3,))
    cells = [(c.name, r, cell) for r in matrix.rows
             for c, cell in zip(matrix.cycles, r.cells, strict=True) if cell is not None]
    parts = _sheet(book, "Onderdelen", ("Cyclus", "Directie", "Team", "Eigenaar", "Onderdeel",
                                        "Deadline", "Status", "Document"),
                   (36, 20, 24, 26, 36, 12, 14, 30),
                   ((name, r.directie, r.team, cell.owner, cell.title, cell.due, cell.label,
                     cell.document) for name, r, cell in cells), date_columns=(6,))
    for row, (_name, _r, cell) in enumerate(cells, start=2):
        parts.cell(row, 7).fill = LIGHT_FILLS[cell.light]
    book.properties.title = matrix.title
    book.properties.creator = "Kortrijk Cockpit"
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def _matrix_sheet(book: Workbook, matrix: ReportingMatrix) -> None:
    """Teams down, cycles across; a cell says its status and due date, coloured."""
    headers = ["Directie", "Team", "Eigenaar"] + [c.name for c in matrix.cycles]
    rows = [[r.directie, r.team, r.owner]
            + [f"{cell.label}\n{cell.due.strftime('%d/%m/%Y')}" if cell else ""
               for cell in r.cells] for r in matrix.rows]
    sheet = _sheet(book, "Matrix", headers, [18, 24, 24] + [18] * len(matrix.cycles), rows,
                   freeze="D2")
    sheet.row_dimensions[1].height = 45
    for index, row in enumerate(matrix.rows, start=2):
        for column, cell in enumerate(row.cells, start=4):
            target = sheet.cell(index, column)
            target.alignment = WRAP
            if cell is not None:
                target.fill = LIGHT_FILLS[cell.light]
