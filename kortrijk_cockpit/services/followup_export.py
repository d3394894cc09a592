"""Opvolging out of the app: the list as shown (filtered) to Excel or to PDF."""

from __future__ import annotations

from datetime import date
from html import escape
from pathlib import Path

from kortrijk_cockpit.documents.followup_xlsx import HEADERS, FollowupLine, workbook_bytes
from kortrijk_cockpit.domain import ActionStatus
from kortrijk_cockpit.services.visits import FollowupRow

STATUS_LABELS = {ActionStatus.OPEN: "open", ActionStatus.IN_PROGRESS: "in uitvoering",
                 ActionStatus.DONE: "afgewerkt", ActionStatus.CANCELLED: "geannuleerd"}


def line_of(row: FollowupRow) -> FollowupLine:
    status = STATUS_LABELS[row.status] if not row.done else STATUS_LABELS[ActionStatus.DONE]
    return FollowupLine(row.what, row.series, row.context, row.owner, row.due_date,
                        status + (" (te laat)" if row.overdue else ""), row.overdue)


def export_title(filters: str, today: date) -> str:
    """"Opvolging – Eigenaar: Els – 23/11/2026"; the filter part only when one is set."""
    parts = ["Opvolging", filters, today.strftime("%d/%m/%Y")]
    return " – ".join(p for p in parts if p)


def file_name(today: date, suffix: str) -> str:
    return f"Opvolging {today.isoformat()}{suffix}"


def write_xlsx(rows: list[FollowupRow], path: Path, *, title: str) -> None:
    path.write_bytes(workbook_bytes([line_of(r) for r in rows], title=title))


def pdf_html(rows: list[FollowupRow], *, title: str) -> str:
    head = "".join(f"<th align='left'>{escape(h)}</th>" for h in HEADERS)
    body = []
    for line in map(line_of, rows):
        due = line.due.strftime("%d/%m/%Y") if line.due else ""
        style = " style='color:#b00020'" if line.overdue else ""
        cells = (line.what, line.series, line.context, line.owner, due, line.status)
        body.append(f"<tr{style}>" + "".join(f"<td>{escape(c)}</td>" for c in cells) + "</tr>")
    empty = "" if rows else "<p>Niets op te volgen voor deze filter.</p>"
    return (f"<h2>{escape(title)}</h2>{empty}"
            "<table width='100%' cellspacing='0' cellpadding='3' border='0.5'>"
            f"<thead><tr>{head}</tr></thead>{''.join(body)}</table>")


def write_pdf(rows: list[FollowupRow], path: Path, *, title: str) -> None:
    """A4 landscape: six columns need the width. Needs a QGuiApplication (fonts)."""
    from kortrijk_cockpit.documents.pdf import html_to_pdf

    path.write_bytes(html_to_pdf(pdf_html(rows, title=title), title=title, landscape=True))
