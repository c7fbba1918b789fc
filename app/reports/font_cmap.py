"""Reading which characters an installed font has, without loading the whole font.

Finding a face for a missing character may mean looking at every font on the computer. ReportLab's
``TTFontFile`` reads and parses a whole font (a few hundred fonts took 4-8 s, Windows' CJK
collections are tens of megabytes each); fontTools reads tables lazily but is not one of our
dependencies. This module reads only the sfnt table directory and the ``cmap`` table (the
OpenType spec, "cmap — Character to Glyph Index Mapping Table", formats 4 and 12), a few
kilobytes per font, and keeps the answer as ranges.
"""

from __future__ import annotations

import bisect
import struct
from array import array
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

TRUETYPE_VERSIONS = (b"\x00\x01\x00\x00", b"true")
# Unicode subtables, best first: (platform, encoding, format). (3, 0) symbol cmaps are left out:
# they map a private-use range, not the characters a letter prints.
_PREFERRED = ((3, 10, 12), (0, 6, 12), (0, 4, 12), (3, 1, 4), (0, 3, 4), (0, 2, 4), (0, 1, 4))


class CodeRanges:
    """A face's code points kept as runs of consecutive values: a scan of a few hundred fonts
    would hold hundreds of megabytes as sets of ints, and cmaps are mostly long runs."""

    def __init__(self, ranges: Iterable[tuple[int, int]]) -> None:
        starts: list[int] = []
        ends: list[int] = []
        for start, end in sorted(ranges):
            if ends and start <= ends[-1] + 1:
                ends[-1] = max(ends[-1], end)
            else:
                starts.append(start)
                ends.append(end)
        self._starts = array("I", starts)
        self._ends = array("I", ends)

    @classmethod
    def of(cls, code_points: Iterable[int]) -> CodeRanges:
        """Return the ranges of a collection of code points."""
        return cls((code_point, code_point) for code_point in code_points)

    def __len__(self) -> int:
        return len(self._starts)

    def __contains__(self, code_point: object) -> bool:
        if not isinstance(code_point, int):
            return False
        index = bisect.bisect_right(self._starts, code_point) - 1
        return index >= 0 and code_point <= self._ends[index]


def read_code_ranges(path: Path, index: int = 0) -> tuple[CodeRanges | None, str]:
    """Read the characters one face of a font file maps to glyphs.

    Args:
        path: a ``.ttf``/``.otf`` font or a ``.ttc``/``.otc`` collection. index: the face.

    Returns:
        ``(ranges, "")``, or ``(None, reason)`` when ReportLab could not embed the face (CFF or
        bitmap-only outlines, no Unicode cmap, unreadable or damaged file).
    """
    try:
        with path.open("rb") as stream:
            tables, reason = _table_directory(stream, index)
            if tables is None:
                return None, reason
            offset, length = tables[b"cmap"]
            stream.seek(offset)
            ranges = _unicode_ranges(stream.read(length))
    except (OSError, struct.error, IndexError) as exc:
        return None, f"unreadable ({type(exc).__name__})"
    return (CodeRanges(ranges), "") if ranges is not None else (None, "no Unicode cmap")


def _table_directory(
    stream: BinaryIO, index: int
) -> tuple[dict[bytes, tuple[int, int]] | None, str]:
    head = stream.read(12)
    if head[:4] == b"ttcf":
        count = struct.unpack(">I", head[8:12])[0]
        if index >= count:
            return None, "no such face in the collection"
        stream.seek(12 + 4 * index)
        stream.seek(struct.unpack(">I", stream.read(4))[0])
        head = stream.read(12)
    if head[:4] not in TRUETYPE_VERSIONS:
        return None, "not TrueType outlines (CFF or damaged)"
    records = stream.read(16 * struct.unpack(">H", head[4:6])[0])
    tables = {
        records[at : at + 4]: struct.unpack(">II", records[at + 8 : at + 16])
        for at in range(0, len(records) - 15, 16)
    }
    if b"glyf" not in tables or b"cmap" not in tables:
        return None, "no outlines or no cmap (a bitmap or colour font)"
    return tables, ""


def _unicode_ranges(cmap: bytes) -> list[tuple[int, int]] | None:
    count = struct.unpack(">H", cmap[2:4])[0]
    subtables: dict[tuple[int, int, int], int] = {}
    for at in range(4, 4 + 8 * count, 8):
        platform, encoding, offset = struct.unpack(">HHI", cmap[at : at + 8])
        kind = struct.unpack(">H", cmap[offset : offset + 2])[0]
        subtables.setdefault((platform, encoding, kind), offset)
    for key in _PREFERRED:
        if key in subtables:
            read = _format12 if key[2] == 12 else _format4
            return read(cmap, subtables[key])
    return None


def _format12(cmap: bytes, offset: int) -> list[tuple[int, int]]:
    groups = struct.unpack(">I", cmap[offset + 12 : offset + 16])[0]
    ranges = []
    for at in range(offset + 16, offset + 16 + 12 * groups, 12):
        start, end, glyph = struct.unpack(">III", cmap[at : at + 12])
        ranges.append((start + (glyph == 0), end))  # glyph 0 is .notdef: not a glyph
    return [(start, end) for start, end in ranges if start <= end]


def _format4(cmap: bytes, offset: int) -> list[tuple[int, int]]:
    segments = struct.unpack(">H", cmap[offset + 6 : offset + 8])[0] // 2
    column = offset + 14
    ends = struct.unpack(f">{segments}H", cmap[column : column + 2 * segments])
    starts = struct.unpack(f">{segments}H", cmap[column + 2 * segments + 2 :][: 2 * segments])
    deltas = struct.unpack(f">{segments}h", cmap[column + 4 * segments + 2 :][: 2 * segments])
    range_offsets_at = column + 6 * segments + 2
    ranges = []
    for i, (start, end, delta) in enumerate(zip(starts, ends, deltas, strict=True)):
        range_offset = struct.unpack(">H", cmap[range_offsets_at + 2 * i :][:2])[0]
        for code in range(start, min(end, 0xFFFE) + 1) if range_offset else ():
            at = range_offsets_at + 2 * i + range_offset + 2 * (code - start)
            glyph = struct.unpack(">H", cmap[at : at + 2])[0]
            if glyph and (glyph + delta) & 0xFFFF:
                ranges.append((code, code))
        if not range_offset and start <= min(end, 0xFFFE):
            ranges += _without_notdef(start, min(end, 0xFFFE), (-delta) & 0xFFFF)
    return ranges


def _without_notdef(start: int, end: int, notdef_code: int) -> list[tuple[int, int]]:
    """A segment mapped by delta alone maps at most one code to glyph 0 (.notdef)."""
    if not start <= notdef_code <= end:
        return [(start, end)]
    return [(a, b) for a, b in ((start, notdef_code - 1), (notdef_code + 1, end)) if a <= b]
