"""What a reader of the demo office would notice: glued sentences, files that do not open."""

from __future__ import annotations

import io
import re
import zipfile
from xml.etree import ElementTree

import docx

# A letter or punctuation directly followed by a capital: "personeelMet", "groet,Hilde".
GLUED = re.compile(r"[a-zà-ÿ0-9.,;:!?)](?=[A-ZÀ-Þ])")
MENTIONS_FILE = re.compile(r"in bijlage|bijgevoegd|zie bijlage", re.IGNORECASE)


def glued(text: str) -> list[str]:
    return [text[max(0, m.start() - 20):m.end() + 20] for m in GLUED.finditer(text)]


def file_text(name: str, content: bytes) -> str:
    """The text inside an attachment, read the way its format demands (raises if it is broken)."""
    kind = name.rsplit(".", 1)[-1].lower()
    if kind == "docx":
        return "\n".join(p.text for p in docx.Document(io.BytesIO(content)).paragraphs)
    if kind == "xlsx":
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            ElementTree.fromstring(archive.read("xl/workbook.xml"))
            sheet = ElementTree.fromstring(archive.read("xl/worksheets/sheet1.xml"))
        return "\n".join(t.text or "" for t in sheet.iter() if t.tag.endswith("}t"))
    if kind == "pdf":
        assert content.startswith(b"%PDF-1.") and content.rstrip().endswith(b"%%EOF")
        xref = int(content.rsplit(b"startxref", 1)[1].split()[0])
        assert content[xref:xref + 4] == b"xref", "the cross-reference offset is wrong"
        return " ".join(re.findall(r"\((.*?)\) Tj", content.decode("cp1252")))
    raise AssertionError(f"unexpected attachment type: {name}")
