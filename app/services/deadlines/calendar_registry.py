"""Which calendars the ``holidays`` package has, read from its files without running them.

Loading the rule files checks each calendar spec ("holidays:CN", "holidays:US-CA") against the
package: its country codes and, for a spec with a region, the country's subdivisions. Asking
the package costs memory the desktop app then keeps: ``import holidays`` is about 7 MiB, and a
country class's ``subdivisions`` imports ``holidays.countries``, whose ``__init__`` imports all
250 countries (8 MiB more; ``benchmarks/memory.py``, issue 6's peak with the list and the
dashboard open, where no deadline is computed). The registry's ``COUNTRIES`` table and each
country class's ``subdivisions`` are literals in the package's source, so they are read from
there with ``ast`` (parsed and evaluated as literals; nothing of the package runs). Where an
installed release writes either another way (computed, inherited, in a zip archive), the
package is imported and asked instead: the same answer, only dearer.
"""

import ast
import importlib.util
import re
from functools import cache
from pathlib import Path
from typing import Any

PACKAGE = "holidays"
REGISTRY_FILE = "registry.py"
COUNTRIES_TABLE = "COUNTRIES"  # {module name: (class name, alpha-2 code, alpha-3 code, ...)}
COUNTRIES_FOLDER = "countries"
SUBDIVISIONS = "subdivisions"
CLASS_INDENT = " " * 4  # a class body's statements, as the package is formatted (ruff)
MAX_STATEMENT_LINES = 2000  # the registry's table is about 260 lines
CLOSING_BRACKETS = (")", "]", "}")
# The end of a class body: the next class, function or decorator at the left margin.
_TOP_LEVEL = re.compile(r"(class |def |@)")


@cache
def supported_countries() -> frozenset[str]:
    """Return the ISO 3166-1 alpha-2 codes of every country ``holidays`` has a calendar of.

    Returns:
        The codes (``"CN"``, ``"US"``...), read from the package's registry source, or asked of
        the imported package where that source is not a literal table.
    """
    table = _countries_table(_package_folder())
    if table is None:
        import holidays  # the registry is no literal here: ask the package itself

        table = dict(holidays.registry.COUNTRIES)
    return frozenset(str(entry[1]) for entry in table.values())


@cache
def subdivisions_of(country: str) -> frozenset[str]:
    """Return the subdivision codes ``holidays`` knows of ``country`` (e.g. ``"CA"`` of ``"US"``).

    Args:
        country: an alpha-2 code among ``supported_countries()``.

    Returns:
        The class's ``subdivisions`` (its deprecated codes are not included, as the class's own
        attribute does not include them).

    Raises:
        AttributeError: ``holidays`` has no country ``country`` (asked of the package).
    """
    folder = _package_folder()
    table = _countries_table(folder) or {}
    for module, entry in table.items():
        if entry[1] == country and folder is not None:
            found = _class_subdivisions(folder / COUNTRIES_FOLDER / f"{module}.py", entry[0])
            if found is not None:
                return found
    import holidays  # not written as a literal here: the class itself answers

    return frozenset(getattr(holidays, country).subdivisions)


def _package_folder() -> Path | None:
    """The installed package's folder, found without importing it (``None`` if it is not a
    folder of files, e.g. inside a zip archive)."""
    spec = importlib.util.find_spec(PACKAGE)
    locations = spec.submodule_search_locations if spec is not None else None
    folder = Path(next(iter(locations))) if locations else None
    return folder if folder is not None and folder.is_dir() else None


@cache
def _countries_table(folder: Path | None) -> dict[str, tuple[str, ...]] | None:
    """The registry's ``COUNTRIES`` table read from ``folder/registry.py``, or ``None`` when
    the file or a literal table of (class name, alpha-2 code, ...) tuples is not there."""
    if folder is None:
        return None
    value = _assigned_literal(_lines(folder / REGISTRY_FILE), COUNTRIES_TABLE, "")
    if not isinstance(value, dict) or not all(_is_entry(entry) for entry in value.values()):
        return None
    return {str(module): tuple(entry) for module, entry in value.items()}


def _class_subdivisions(path: Path, class_name: str) -> frozenset[str] | None:
    """The ``subdivisions`` literal in the body of class ``class_name`` of ``path``, or
    ``None`` when the class does not set it there as a tuple of strings."""
    lines = _lines(path)
    header = re.compile(rf"class {re.escape(class_name)}\b")
    start = next((i for i, line in enumerate(lines) if header.match(line)), None)
    if start is None:
        return None
    end = next((i for i in range(start + 1, len(lines)) if _TOP_LEVEL.match(lines[i])), None)
    value = _assigned_literal(lines[start + 1 : end], SUBDIVISIONS, CLASS_INDENT)
    if isinstance(value, tuple) and all(isinstance(code, str) for code in value):
        return frozenset(value)
    return None


def _lines(path: Path) -> list[str]:
    """The lines of the source file ``path`` (none when it cannot be read as UTF-8)."""
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return []


def _assigned_literal(lines: list[str], name: str, indent: str) -> Any:
    """The literal first assigned to ``name`` at ``indent`` in ``lines`` (``x = ...`` or
    ``x: T = ...``), or ``None`` when it is not assigned there or not a literal.

    Only the assignment's own lines are parsed: its first line alone, else up to a line that
    starts with a closing bracket at ``indent`` (black's and ruff's layout) where they form a
    statement. Parsing a whole country file (76 kB for the United States) leaves 2 MiB of
    Python's memory behind; its assignment alone, a few kB.
    """
    start = re.compile(rf"{re.escape(indent)}{re.escape(name)}\s*[:=]")
    first = next((i for i, line in enumerate(lines) if start.match(line)), None)
    if first is None:
        return None
    for last in range(first, min(len(lines), first + MAX_STATEMENT_LINES)):
        if last == first or lines[last].removeprefix(indent).startswith(CLOSING_BRACKETS):
            text = "\n".join(line.removeprefix(indent) for line in lines[first : last + 1])
            statement = _statement(text)
            if statement is not None:
                return _literal(statement)
    return None


def _statement(text: str) -> ast.expr | None:
    """The value of the one assignment ``text`` is, or ``None`` when it is not (yet) one."""
    try:
        body = ast.parse(text).body
    except (SyntaxError, ValueError):
        return None
    node = body[0] if len(body) == 1 else None
    return node.value if isinstance(node, ast.Assign | ast.AnnAssign) else None


def _literal(value: ast.expr | None) -> Any:
    """``value`` evaluated as a literal (nothing runs), or ``None`` when it is none."""
    if value is None:
        return None
    try:
        return ast.literal_eval(value)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return None


def _is_entry(entry: object) -> bool:
    """A registry entry: a tuple of at least a class name and an alpha-2 code, all strings."""
    return isinstance(entry, tuple) and len(entry) >= 2 and all(isinstance(v, str) for v in entry)
