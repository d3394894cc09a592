"""Small but real attachments: DOCX, XLSX and PDF built with the standard library.

Fast and byte-for-byte deterministic (fixed zip timestamps), so thousands of
demo mails can carry one and two builds are identical.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from xml.sax.saxutils import escape

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}


@dataclass(frozen=True)
class DemoFile:
    """An attachment: a title and lines of text (tab-separated cells for a spreadsheet)."""

    name: str
    title: str
    lines: tuple[str, ...]

    @property
    def kind(self) -> str:
        return self.name.rsplit(".", 1)[-1].lower()

    @property
    def content_type(self) -> str:
        return CONTENT_TYPES[self.kind]


def render(file: DemoFile) -> bytes:
    """The file's bytes, in the format its name says."""
    return _render(file.kind, file.title, file.lines)


@lru_cache(maxsize=512)
def _render(kind: str, title: str, lines: tuple[str, ...]) -> bytes:
    if kind == "docx":
        return _docx(title, lines)
    if kind == "xlsx":
        return _xlsx(title, lines)
    if kind == "pdf":
        return _pdf(title, lines)
    raise ValueError(f"no demo renderer for .{kind}")


def _zip(parts: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(zipfile.ZipInfo(name, (2026, 1, 1, 0, 0, 0)), text,
                             compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_PKG = "http://schemas.openxmlformats.org/package/2006/"
_OFFICE_DOC = ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
               "officeDocument")


def _types(overrides: dict[str, str]) -> str:
    parts = "".join(f'<Override PartName="{p}" ContentType="{t}"/>' for p, t in overrides.items())
    return (f'{_XML}<Types xmlns="{_PKG}content-types">'
            f'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            f'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            f"{parts}</Types>")


def _rels(target: str, kind: str = _OFFICE_DOC) -> str:
    return (f'{_XML}<Relationships xmlns="{_PKG}relationships">'
            f'<Relationship Id="rId1" Type="{kind}" Target="{target}"/></Relationships>')


def _docx(title: str, lines: tuple[str, ...]) -> bytes:
    ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    bold = ('<w:p><w:r><w:rPr><w:b/></w:rPr>'
            f'<w:t xml:space="preserve">{escape(title)}</w:t></w:r></w:p>')
    body = "".join(f'<w:p><w:r><w:t xml:space="preserve">{escape(line)}</w:t></w:r></w:p>'
                   for line in lines)
    return _zip({
        "[Content_Types].xml": _types({"/word/document.xml": "application/vnd.openxmlformats-"
                                       "officedocument.wordprocessingml.document.main+xml"}),
        "_rels/.rels": _rels("word/document.xml"),
        "word/document.xml": f'{_XML}<w:document xmlns:w="{ns}"><w:body>{bold}{body}</w:body>'
                             "</w:document>",
    })


def _cell(ref: str, value: str) -> str:
    try:
        number = float(value.replace(",", "."))
    except ValueError:
        return f'<c r="{ref}" t="inlineStr"><is><t>{escape(value)}</t></is></c>'
    return f'<c r="{ref}"><v>{number:g}</v></c>'


def _xlsx(title: str, lines: tuple[str, ...]) -> bytes:
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rows = []
    for r, line in enumerate((title, *lines), start=1):
        cells = "".join(_cell(f"{chr(65 + c)}{r}", v) for c, v in enumerate(line.split("\t")))
        rows.append(f'<row r="{r}">{cells}</row>')
    sheet_type = "application/vnd.openxmlformats-officedocument.spreadsheetml."
    return _zip({
        "[Content_Types].xml": _types({"/xl/workbook.xml": sheet_type + "sheet.main+xml",
                                       "/xl/worksheets/sheet1.xml": sheet_type + "worksheet+xml"}),
        "_rels/.rels": _rels("xl/workbook.xml"),
        "xl/workbook.xml": f'{_XML}<workbook xmlns="{ns}" xmlns:r="http://schemas.openxmlformats'
                           '.org/officeDocument/2006/relationships"><sheets><sheet '
                           'name="Overzicht" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": _rels(
            "worksheets/sheet1.xml",
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"),
        "xl/worksheets/sheet1.xml": f'{_XML}<worksheet xmlns="{ns}"><sheetData>{"".join(rows)}'
                                    "</sheetData></worksheet>",
    })


def _pdf_text(text: str) -> bytes:
    raw = text.encode("cp1252", "replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _pdf(title: str, lines: tuple[str, ...]) -> bytes:
    """One A4 page in Helvetica, with a correct cross-reference table."""
    text = [b"BT /F1 16 Tf 56 780 Td (" + _pdf_text(title) + b") Tj ET"]
    for i, line in enumerate(lines):
        text.append(b"BT /F1 11 Tf 56 %d Td (" % (744 - 18 * i) + _pdf_text(line) + b") Tj ET")
    stream = b"\n".join(text)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1,
                                                                              xref)
    return bytes(out)
