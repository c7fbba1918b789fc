"""Builds Outlook .msg files for tests: a Compound File with MAPI property streams (MS-OXMSG)
written with extract-msg's own OleWriter, because no public sample could be fetched as bytes."""

import io
import struct
from datetime import UTC, datetime

from extract_msg.ole_writer import OleWriter

_FILETIME_EPOCH = datetime(1601, 1, 1, tzinfo=UTC)
PT_SYSTIME = 0x0040


def _filetime(instant: datetime) -> int:
    return int((instant - _FILETIME_EPOCH).total_seconds() * 10_000_000)


def build_msg(
    strings: dict[str, str],
    *,
    binaries: dict[str, bytes] | None = None,
    times: dict[int, datetime] | None = None,
    embedded: list[dict[str, str]] | None = None,
) -> bytes:
    """Return .msg bytes with Unicode string properties (``{"0037": subject}`` →
    ``__substg1.0_0037001F``), binary properties (full tag, e.g. ``"10130102"``), PtypTime
    properties (property id → aware instant) in the top-level property stream, and attached
    Outlook items (``embedded``: each one's string properties)."""
    writer = OleWriter()
    for prop_id, text in {"001A": "IPM.Note", **strings}.items():
        writer.addEntry(f"__substg1.0_{prop_id}001F", text.encode("utf-16-le"))
    for tag, data in (binaries or {}).items():
        writer.addEntry(f"__substg1.0_{tag}", data)
    attached = embedded or []
    # Top-level header (MS-OXMSG §2.4.1.1): reserved, next recipient and attachment ids,
    # recipient and attachment counts, reserved.
    properties = bytearray(8) + struct.pack("<IIII", 0, len(attached), 0, len(attached))
    properties += bytearray(8)
    for time_id, instant in (times or {}).items():
        properties += struct.pack("<IIQ", (time_id << 16) | PT_SYSTIME, 6, _filetime(instant))
    writer.addEntry("__properties_version1.0", bytes(properties))
    writer.addEntry("__nameid_version1.0", storage=True)
    for stream in ("00020102", "00030102", "00040102"):
        writer.addEntry(["__nameid_version1.0", f"__substg1.0_{stream}"], b"")
    for number, item in enumerate(attached):
        _add_embedded(writer, f"__attach_version1.0_#{number:08X}", item)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _add_embedded(writer: OleWriter, storage: str, strings: dict[str, str]) -> None:
    """An attachment storage holding an Outlook item (MS-OXMSG §2.2.2.1): PidTagAttachMethod
    (0x3705, PtypInteger32) afEmbeddedMessage (5), the item in PidTagAttachDataObject
    (``__substg1.0_3701000D``) with its own 24-byte property header."""
    writer.addEntry(storage, storage=True)
    method = struct.pack("<IIQ", (0x3705 << 16) | 0x0003, 6, 5)
    writer.addEntry([storage, "__properties_version1.0"], bytes(8) + method)
    item = [storage, "__substg1.0_3701000D"]
    writer.addEntry(item, storage=True)
    for prop_id, text in {"001A": "IPM.Note", **strings}.items():
        writer.addEntry([*item, f"__substg1.0_{prop_id}001F"], text.encode("utf-16-le"))
    writer.addEntry([*item, "__properties_version1.0"], bytes(24))
