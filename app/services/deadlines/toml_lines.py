"""Line numbers of keys in a TOML text, for error messages.

``tomllib`` returns plain dicts without positions, so the text is scanned once for table headers
and ``key =`` lines. The scan is deliberately simple: it understands ``[table]``, ``[[array]]``,
dotted and quoted keys, inline tables on one line and multi-line strings (which it skips). A key
that cannot be placed falls back to the line of its nearest placed parent.
"""

import re

_HEADER = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(
    r"""^\s*((?:[A-Za-z0-9_\-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_\-]+|"[^"]*"|'[^']*'))*)\s*="""
)
_INLINE_KEY = re.compile(r"""[{,]\s*([A-Za-z0-9_\-]+|"[^"]*")\s*=""")


def _split_key(dotted: str) -> list[str]:
    """Return the parts of a dotted TOML key with quotes removed."""
    parts = re.findall(r"""[A-Za-z0-9_\-]+|"[^"]*"|'[^']*'""", dotted)
    return [part.strip("\"'") for part in parts]


class KeyLines:
    """Index from dotted key (``"access.period.unit"``) to its 1-based line in a TOML text."""

    def __init__(self, text: str) -> None:
        """Scan ``text`` (the TOML source) once."""
        self._lines: dict[str, int] = {}
        self._scan(text.splitlines())

    def _scan(self, lines: list[str]) -> None:
        table: list[str] = []
        in_string = False
        for number, line in enumerate(lines, start=1):
            if in_string:
                in_string = _toggles_multiline(line) != in_string
                continue
            header = _HEADER.match(line)
            if header:
                table = _split_key(header.group(1))
                self._lines.setdefault(".".join(table), number)
                continue
            key = _KEY.match(line)
            if key:
                self._record(table + _split_key(key.group(1)), line, number)
                in_string = _toggles_multiline(line[key.end() :])

    def _record(self, path: list[str], line: str, number: int) -> None:
        # A dotted key (period.n = 15) also places its parents (period) on its first line.
        for end in range(1, len(path) + 1):
            self._lines.setdefault(".".join(path[:end]), number)
        dotted = ".".join(path)
        for inner in _INLINE_KEY.finditer(line):
            self._lines.setdefault(f"{dotted}.{inner.group(1).strip(chr(34))}", number)

    def line_of(self, dotted: str) -> int | None:
        """Return the line of ``dotted`` or of its nearest placed parent; ``None`` if neither."""
        parts = dotted.split(".")
        while parts:
            found = self._lines.get(".".join(parts))
            if found is not None:
                return found
            parts.pop()
        return None


def _toggles_multiline(text: str) -> bool:
    """Return whether ``text`` opens (or closes) a multi-line string without closing it again."""
    return (text.count('"""') + text.count("'''")) % 2 == 1
