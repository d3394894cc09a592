"""Real Outlook .msg files for the import tests, written from scratch.

A .msg is a Compound File (MS-CFB) holding MAPI properties (MS-OXMSG). We
write version 3 files (512-byte sectors; streams under 4,096 bytes in the
mini stream) with the few properties Outlook itself always writes, so
extract-msg reads them through its normal path. No third-party sample file
is shipped: the public ones we found are GPL-licensed.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from datetime import UTC, datetime

SECTOR, MINI, CUTOFF = 512, 64, 4096
FREE, END, FATSECT, NOSTREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF

# Property types (MS-OXCDATA)
PT_LONG, PT_BOOLEAN, PT_SYSTIME, PT_UNICODE, PT_BINARY = 0x0003, 0x000B, 0x0040, 0x001F, 0x0102


@dataclass
class Node:
    """A storage (children) or a stream (data) of the compound file."""

    name: str
    data: bytes | None = None
    children: list[Node] = field(default_factory=list)

    @property
    def is_storage(self) -> bool:
        return self.data is None


def _key(node: Node) -> tuple[int, str]:
    # MS-CFB orders siblings by name length first, then by upper-cased name.
    return len(node.name), node.name.upper()


def _chain(start: int, count: int) -> list[int]:
    return [start + i + 1 for i in range(count - 1)] + [END] if count else []


def compound_file(root_children: list[Node]) -> bytes:
    """The bytes of a version 3 compound file with these storages and streams."""
    entries: list[tuple[Node, int]] = []  # (node, object type)

    def number(node: Node, kind: int) -> int:
        entries.append((node, kind))
        return len(entries) - 1

    siblings: dict[int, tuple[int, int]] = {}
    child_of: dict[int, int] = {}

    def tree(nodes: list[Node]) -> int:
        """A balanced binary tree of siblings (all black: readers do not re-balance)."""
        if not nodes:
            return NOSTREAM
        ordered = sorted(nodes, key=_key)
        middle = len(ordered) // 2
        index = number(ordered[middle], 1 if ordered[middle].is_storage else 2)
        left, right = tree(ordered[:middle]), tree(ordered[middle + 1:])
        siblings[index] = (left, right)
        if ordered[middle].is_storage:
            child_of[index] = tree(ordered[middle].children)
        return index

    root = Node("Root Entry", children=root_children)
    number(root, 5)
    child_of[0] = tree(root_children)
    siblings[0] = (NOSTREAM, NOSTREAM)

    # Small streams go to the mini stream, large ones to sectors of their own.
    mini_stream, mini_fat = bytearray(), []
    starts: dict[int, tuple[int, int]] = {}  # entry -> (start sector, size)
    big: list[tuple[int, bytes]] = []
    for index, (node, kind) in enumerate(entries):
        if kind != 2:
            continue
        data = node.data or b""
        if not data:
            starts[index] = (END, 0)
        elif len(data) < CUTOFF:
            first = len(mini_fat)
            count = -(-len(data) // MINI)
            mini_fat += _chain(first, count)
            mini_stream += data.ljust(count * MINI, b"\0")
            starts[index] = (first, len(data))
        else:
            big.append((index, data))

    def sectors(size: int) -> int:
        return -(-size // SECTOR)

    dir_count = sectors(len(entries) * 128)
    minifat_count = sectors(len(mini_fat) * 4)
    ministream_count = sectors(len(mini_stream))
    big_counts = [sectors(len(d)) for _i, d in big]
    payload = dir_count + minifat_count + ministream_count + sum(big_counts)
    fat_count = 1
    while fat_count * (SECTOR // 4) < fat_count + payload:
        fat_count += 1
    assert fat_count <= 109, "test files stay small: no DIFAT sectors"

    fat: list[int] = [FATSECT] * fat_count
    dir_start = len(fat)
    fat += _chain(dir_start, dir_count)
    minifat_start = len(fat) if minifat_count else END
    fat += _chain(len(fat), minifat_count)
    ministream_start = len(fat) if ministream_count else END
    fat += _chain(len(fat), ministream_count)
    for (index, data), count in zip(big, big_counts, strict=True):
        starts[index] = (len(fat), len(data))
        fat += _chain(len(fat), count)
    fat += [FREE] * (fat_count * (SECTOR // 4) - len(fat))

    directory = bytearray()
    for index, (node, kind) in enumerate(entries):
        name = node.name.encode("utf-16-le") + b"\0\0"
        assert len(name) <= 64, node.name
        left, right = siblings.get(index, (NOSTREAM, NOSTREAM))
        if kind == 5:
            start, size = ministream_start, len(mini_stream)
        else:
            start, size = starts.get(index, (0, 0))
        directory += struct.pack(
            "<64sHBBIII16sIQQIQ", name, len(name), kind, 1, left, right,
            child_of.get(index, NOSTREAM), b"\0" * 16, 0, 0, 0, start, size)
    directory += b"".join(_empty_entry() for _ in range(dir_count * 4 - len(entries)))

    header = struct.pack(
        "<8s16sHHHHH6sIIIIIIIII", bytes.fromhex("D0CF11E0A1B11AE1"), b"\0" * 16,
        0x3E, 3, 0xFFFE, 9, 6, b"\0" * 6, 0, fat_count, dir_start, 0, CUTOFF,
        minifat_start, minifat_count, END, 0)
    difat = list(range(fat_count)) + [FREE] * (109 - fat_count)
    header += struct.pack("<109I", *difat)

    def padded(data: bytes | bytearray, count: int) -> bytes:
        return bytes(data).ljust(count * SECTOR, b"\0")

    mini_fat_bytes = struct.pack(f"<{len(mini_fat)}I", *mini_fat)
    body = padded(struct.pack(f"<{len(fat)}I", *fat), fat_count) + padded(directory, dir_count)
    body += padded(mini_fat_bytes, minifat_count) + padded(mini_stream, ministream_count)
    for (_index, data), count in zip(big, big_counts, strict=True):
        body += padded(data, count)
    return header + body


def _empty_entry() -> bytes:
    return struct.pack("<64sHBBIII16sIQQIQ", b"", 0, 0, 0, NOSTREAM, NOSTREAM, NOSTREAM,
                       b"\0" * 16, 0, 0, 0, 0, 0)


# --- MAPI properties (MS-OXMSG) -------------------------------------------------

Value = str | bytes | int | bool | datetime


def _filetime(moment: datetime) -> int:
    return int((moment - datetime(1601, 1, 1, tzinfo=UTC)).total_seconds() * 10_000_000)


def _typed(tag: int, value: Value) -> int:
    """The full property tag for a 16-bit property id, typed by its Python value."""
    if isinstance(value, bool):
        return tag << 16 | PT_BOOLEAN
    if isinstance(value, int):
        return tag << 16 | PT_LONG
    if isinstance(value, datetime):
        return tag << 16 | PT_SYSTIME
    return tag << 16 | (PT_UNICODE if isinstance(value, str) else PT_BINARY)


def property_storage(props: dict[int, Value], header: bytes) -> list[Node]:
    """The `__properties_version1.0` stream plus one `__substg1.0_` stream per variable value."""
    table = bytearray(header)
    streams: list[Node] = []
    for pid, value in props.items():
        tag = _typed(pid, value)
        if isinstance(value, str | bytes):
            data = value.encode("utf-16-le") if isinstance(value, str) else value
            size = len(data) + (2 if isinstance(value, str) else 0)
            table += struct.pack("<IIII", tag, 6, size, 0)
            streams.append(Node(f"__substg1.0_{tag:08X}", data))
        elif isinstance(value, datetime):
            table += struct.pack("<IIQ", tag, 6, _filetime(value))
        else:
            table += struct.pack("<IIQ", tag, 6, int(value))
    return [Node("__properties_version1.0", bytes(table)), *streams]


@dataclass
class MsgAttachment:
    name: str
    data: bytes = b""
    mime: str = "application/octet-stream"
    content_id: str | None = None
    embedded: MsgMail | None = None  # an attached Outlook item instead of a file


@dataclass
class MsgMail:
    subject: str | None = "Offerte onderhoud stadhuis"
    sender_name: str = "Jan Peeters"
    sender_email: str = "jan.peeters@voorbeeld.be"
    to: list[tuple[str, str]] = field(
        default_factory=lambda: [("Algemeen directeur", "algemeen.directeur@kortrijk.be")])
    cc: list[tuple[str, str]] = field(default_factory=list)
    sent: datetime | None = datetime(2026, 11, 20, 14, 30, tzinfo=UTC)
    body: str = "Beste,\n\nIn bijlage de offerte.\n\nJan"
    html: str | None = None
    message_id: str | None = "<offerte-123@voorbeeld.be>"
    attachments: list[MsgAttachment] = field(default_factory=list)
    headers: str | None = None  # the transport headers of a received mail (Reply-To ...)


def msg_bytes(mail: MsgMail) -> bytes:
    """An Outlook .msg file (Unicode strings, as Outlook 2003 and later write)."""
    children = _message(mail, embedded=False)
    children.append(Node("__nameid_version1.0", children=[
        Node("__substg1.0_00020102", b""), Node("__substg1.0_00030102", b""),
        Node("__substg1.0_00040102", b"")]))
    return compound_file(children)


def _message(mail: MsgMail, *, embedded: bool) -> list[Node]:
    """A message's properties, recipients and attachments: the file's root storage, or
    the storage of an attached Outlook item (whose property header is 8 bytes shorter)."""
    props: dict[int, Value] = {0x001A: "IPM.Note", 0x0C1A: mail.sender_name,
                               0x0C1F: mail.sender_email, 0x0C1E: "SMTP",
                               0x5D01: mail.sender_email, 0x1000: mail.body,
                               0x0E07: 1}  # message flags: read
    if mail.subject is not None:
        props[0x0037] = mail.subject
    if mail.sent is not None:
        props[0x0039] = mail.sent  # client submit time
        props[0x0E06] = mail.sent  # delivery time
    if mail.html is not None:
        props[0x1013] = mail.html.encode("utf-8")
        props[0x3FDE] = 65001  # the HTML body's code page: UTF-8
    if mail.message_id is not None:
        props[0x1035] = mail.message_id
    if mail.headers is not None:
        props[0x007D] = mail.headers
    props[0x0E04] = "; ".join(n for n, _a in mail.to)
    props[0x0E03] = "; ".join(n for n, _a in mail.cc)
    recipients = [*((n, a, 1) for n, a in mail.to), *((n, a, 2) for n, a in mail.cc)]
    counts = struct.pack("<IIII", len(recipients), len(mail.attachments),
                         len(recipients), len(mail.attachments))
    children = property_storage(props, b"\0" * 8 + counts + (b"" if embedded else b"\0" * 8))
    for number, (name, address, kind) in enumerate(recipients):
        recipient: dict[int, Value] = {0x3001: name, 0x3003: address, 0x3002: "SMTP",
                                       0x39FE: address, 0x0C15: kind}
        children.append(Node(f"__recip_version1.0_#{number:08X}",
                             children=property_storage(recipient, b"\0" * 8)))
    for number, att in enumerate(mail.attachments):
        children.append(Node(f"__attach_version1.0_#{number:08X}", children=_attachment(att)))
    return children


def _attachment(att: MsgAttachment) -> list[Node]:
    if att.embedded is not None:  # attach method 5: an embedded message, PT_OBJECT 0x3701
        props: dict[int, Value] = {0x3705: 5, 0x3001: att.name, 0x370E: "message/rfc822"}
        return [*property_storage(props, b"\0" * 8),
                Node("__substg1.0_3701000D", children=_message(att.embedded, embedded=True))]
    attachment: dict[int, Value] = {0x3705: 1, 0x3701: att.data, 0x3707: att.name,
                                    0x3704: att.name[:12], 0x3001: att.name,
                                    0x370E: att.mime, 0x0E20: len(att.data)}
    if att.content_id:
        attachment[0x3712] = att.content_id
    return property_storage(attachment, b"\0" * 8)
