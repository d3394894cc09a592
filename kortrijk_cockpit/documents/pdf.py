"""PDF from HTML through QtGui's QTextDocument and QPdfWriter: the one module that may
use QtGui (never QtWidgets), so the rest of `documents` stays Qt-free.

A QGuiApplication must exist (fonts). QTextDocument and QPdfWriter are reentrant:
a task-runner thread may render its own document.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
from PySide6.QtGui import QFont, QPagedPaintDevice, QPageLayout, QPageSize, QTextDocument

MARGINS_MM = QMarginsF(15, 12, 15, 12)
FONT_POINTS = 10


def text_document(html: str) -> QTextDocument:
    """The document both the PDF and the printer get."""
    document = QTextDocument()
    font = QFont("DejaVu Sans")
    font.setFamilies(["Segoe UI", "DejaVu Sans", "Arial"])
    font.setPointSize(FONT_POINTS)
    document.setDefaultFont(font)
    document.setDocumentMargin(0)
    document.setHtml(html)
    return document


def page_layout(*, landscape: bool = False) -> QPageLayout:
    orientation = QPageLayout.Orientation.Landscape if landscape \
        else QPageLayout.Orientation.Portrait
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), orientation,
                       MARGINS_MM, QPageLayout.Unit.Millimeter)


def print_to(document: QTextDocument, device: QPagedPaintDevice, *,
             landscape: bool = False) -> None:
    """Lay `document` out on A4 for `device` (a QPdfWriter or a QPrinter) and paint it."""
    device.setPageLayout(page_layout(landscape=landscape))
    # No page size of our own: print_ then lays a copy out on the device itself,
    # so point sizes are points on paper at any resolution.
    document.print_(device)


def html_to_pdf(html: str, *, title: str = "", landscape: bool = False) -> bytes:
    from PySide6.QtGui import QPdfWriter

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
    writer.setCreator("Kortrijk Cockpit")
    writer.setResolution(300)
    print_to(text_document(html), writer, landscape=landscape)
    del writer  # finishes the file
    buffer.close()
    return bytes(data.data())
