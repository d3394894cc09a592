"""The reporting matrix as PDF for the management team: landscape A4, what is late and
who owes it first, then the matrix with its traffic lights, then the milestones per cycle
with their move notes. HTML for QTextDocument, rendered by `documents/pdf.py`.

Qt-free itself (the renderer is imported when a PDF is made).
"""

from __future__ import annotations

from html import escape

from kortrijk_cockpit.documents.agenda_pdf import ACCENT, GREY, RED
from kortrijk_cockpit.documents.reporting_model import Light, ReportingMatrix, day

LIGHT_COLOURS = {Light.GREEN: "#c6efce", Light.ORANGE: "#ffe699", Light.RED: "#f4c7ce"}
# Where the template's long compounds may break in a narrow column (soft hyphens), so a
# header never breaks mid-syllable.
BREAKS = {"Managementrapportering": "Management\u00adrapportering",
          "Opvolgingsrapportering": "Opvolgings\u00adrapportering",
          "investeringskredieten": "investerings\u00adkredieten",
          "meerjarenplan": "meerjaren\u00adplan"}

STYLE = f"""
body {{ font-family: 'Arial', 'DejaVu Sans', sans-serif; font-size: 8pt; color: #1f1f1f; }}
p.org {{ color: {GREY}; font-size: 7pt; margin: 0; }}
p.title {{ font-size: 13pt; font-weight: bold; color: {ACCENT}; margin-top: 2px;
           margin-bottom: 4px; }}
p.late {{ font-size: 10pt; font-weight: bold; color: {RED}; margin-top: 2px;
          margin-bottom: 2px; }}
p.owes {{ margin-top: 0; margin-bottom: 1px; }}
p.ok {{ font-size: 10pt; font-weight: bold; color: #2e7d32; margin-top: 2px;
        margin-bottom: 4px; }}
p.head {{ font-size: 10pt; font-weight: bold; color: {ACCENT}; margin-top: 8px;
          margin-bottom: 2px; }}
p.grey {{ color: {GREY}; margin: 0; }}
th {{ background-color: #e8eef3; text-align: left; padding: 1px 2px; font-size: 6.5pt; }}
td {{ padding: 2px 3px; vertical-align: top; font-size: 7.5pt; }}
span.note {{ color: {GREY}; font-size: 7pt; }}
p.footer {{ color: {GREY}; font-size: 7pt; margin-top: 8px; }}
"""


def _late(matrix: ReportingMatrix) -> list[str]:
    """One line per owner: who owes what, the longest overdue first."""
    if not matrix.late:
        return [f"<p class='ok'>Niets te laat op {day(matrix.today)}.</p>"]
    count = len(matrix.late)
    parts = [f"<p class='late'>Te laat: {count} onderde{'el' if count == 1 else 'len'} "
             f"op {day(matrix.today)}</p>"]
    by_owner = sorted(matrix.late, key=lambda p: (-p.days_late, p.owner))
    order = list(dict.fromkeys(p.owner for p in by_owner))
    for owner in order:
        owed = [p for p in by_owner if p.owner == owner]
        what = "; ".join(f"{escape(p.title)} voor {escape(p.cycle)} "
                         f"(deadline {day(p.due)}, {p.days_late} d te laat)" for p in owed)
        team = escape(owed[0].team)
        parts.append(f"<p class='owes'><b>{escape(owner or 'Geen eigenaar')}</b> "
                     f"({team}): {what}</p>")
    return parts


def _breakable(name: str) -> str:
    for word, marked in BREAKS.items():
        name = name.replace(word, marked)
    return escape(name)


def _matrix(matrix: ReportingMatrix) -> str:
    width = max(6, 77 // max(len(matrix.cycles), 1))
    head = ("<tr><th width='12%'>Team</th><th width='11%'>Eigenaar</th>"
            + "".join(f"<th width='{width}%'>{_breakable(c.name)}<br/>"
                      f"<span class='note'>{day(c.deadline)}</span></th>"
                      for c in matrix.cycles) + "</tr>")
    body = []
    for row in matrix.rows:
        cells = []
        for cell in row.cells:
            if cell is None:
                cells.append("<td></td>")
                continue
            colour = LIGHT_COLOURS[cell.light]
            weight = " style='font-weight:bold'" if cell.light == Light.RED else ""
            cells.append(f"<td bgcolor='{colour}'><span{weight}>{escape(cell.label)}</span>"
                         f"<br/>{day(cell.due)}</td>")
        body.append(f"<tr><td><b>{escape(row.team)}</b><br/>"
                    f"<span class='note'>{escape(row.directie)}</span></td>"
                    f"<td>{escape(row.owner)}</td>{''.join(cells)}</tr>")
    legend = (f"<p class='grey'>{matrix.count(Light.RED)} te laat · "
              f"{matrix.count(Light.ORANGE)} open, nog op tijd · "
              f"{matrix.count(Light.GREEN)} ontvangen of goedgekeurd</p>")
    return ("<table width='100%' cellspacing='0' cellpadding='2' border='0.5'>"
            f"{head}{''.join(body)}</table>{legend}")


def _milestones(matrix: ReportingMatrix) -> str:
    rows = []
    for cycle in matrix.cycles:
        steps = " → ".join(f"{escape(m.title)} <b>{day(m.due_on)}</b>"
                           for m in cycle.milestones)
        notes = "".join(f"<br/><span class='note'>{escape(m.title)}: {escape(m.note)}</span>"
                        for m in cycle.milestones if m.note)
        rows.append(f"<tr><td width='22%'><b>{escape(cycle.name)}</b></td>"
                    f"<td>{steps}{notes}</td></tr>")
    return ("<table width='100%' cellspacing='0' cellpadding='2' border='0'>"
            + "".join(rows) + "</table>")


def to_html(matrix: ReportingMatrix) -> str:
    parts = [f"<html><head><meta charset='utf-8'><title>{escape(matrix.title)}</title>"
             f"<style>{STYLE}</style></head><body>",
             "<p class='org'>Stad Kortrijk · OCMW Kortrijk — Algemeen directeur</p>",
             f"<p class='title'>{escape(matrix.title)}</p>"]
    parts += _late(matrix)
    if not matrix.cycles:
        parts.append("<p class='grey'>Voor dit jaar zijn nog geen cycli aangemaakt.</p>")
    else:
        parts.append("<p class='head'>Matrix: teams × cycli</p>")
        parts.append(_matrix(matrix))
        parts.append("<p class='head'>Mijlpalen per cyclus</p>")
        parts.append(_milestones(matrix))
    parts.append(f"<p class='footer'>Kortrijk Cockpit · toestand op {day(matrix.today)}</p>"
                 "</body></html>")
    return "".join(parts)


def to_pdf(matrix: ReportingMatrix) -> bytes:
    """Needs a QGuiApplication (fonts); any thread may call it."""
    from kortrijk_cockpit.documents.pdf import html_to_pdf

    return html_to_pdf(to_html(matrix), title=matrix.title, landscape=True)
