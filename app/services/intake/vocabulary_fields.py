"""Typed, validating access to one table of a triage TOML file.

Each accessor checks presence and type and raises ``TriageVocabularyError`` with the file and
the dotted field name, so that a broken vocabulary is reported where it is broken.
"""

import re
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import NoReturn

from app.errors import TriageVocabularyError
from app.models.enums import CaseKind

TomlTable = dict[str, object]


class TomlReader:
    """A table of a TOML file, with the file path and the table's dotted prefix."""

    def __init__(self, path: Path, data: TomlTable, prefix: str = "") -> None:
        """Wrap ``data`` read from ``path``; ``prefix`` is the table's dotted name (or "")."""
        self.path = path
        self._data = data
        self._prefix = prefix

    @classmethod
    def open(cls, path: Path) -> "TomlReader":
        """Read a TOML file.

        Raises:
            TriageVocabularyError: the file cannot be read or is not valid TOML.
        """
        try:
            with path.open("rb") as handle:
                return cls(path, tomllib.load(handle))
        except OSError as error:
            raise TriageVocabularyError(
                str(path), None, "", f"cannot be read ({error.strerror})"
            ) from error
        except tomllib.TOMLDecodeError as error:
            raise TriageVocabularyError(str(path), None, "", f"not valid TOML ({error})") from error

    def fail(self, key: str, problem: str) -> NoReturn:
        """Raise ``TriageVocabularyError`` for field ``key`` of this table."""
        raise TriageVocabularyError(str(self.path), None, self._name(key), problem)

    def _name(self, key: str) -> str:
        return f"{self._prefix}.{key}" if self._prefix else key

    def field_names(self) -> Iterator[str]:
        """Yield the field names of this table."""
        yield from self._data

    def _get(self, key: str, kind: type, what: str) -> object:
        if key not in self._data:
            self.fail(key, "missing")
        value = self._data[key]
        if not isinstance(value, kind) or isinstance(value, bool):
            self.fail(key, f"must be {what}")
        return value

    def table(self, key: str) -> "TomlReader":
        """Return sub-table ``key``."""
        value = self._get(key, dict, "a table")
        assert isinstance(value, dict)
        return TomlReader(self.path, value, self._name(key))

    def tables(self, key: str) -> list["TomlReader"]:
        """Return the array of tables ``key`` (``[[key]]``)."""
        items = self._get(key, list, "an array of tables")
        assert isinstance(items, list)
        return [self._element_table(key, index, item) for index, item in enumerate(items)]

    def _element_table(self, key: str, index: int, item: object) -> "TomlReader":
        if not isinstance(item, dict):
            self.fail(f"{key}[{index}]", "must be a table")
        return TomlReader(self.path, item, self._name(f"{key}[{index}]"))

    def string(self, key: str) -> str:
        """Return the non-empty string ``key``."""
        value = self._get(key, str, "a string")
        assert isinstance(value, str)
        if not value.strip():
            self.fail(key, "must not be empty")
        return value

    def strings(self, key: str, *, required: bool = True) -> list[str]:
        """Return the list of non-empty strings ``key`` (``[]`` when absent and not required)."""
        if not required and key not in self._data:
            return []
        values = self._get(key, list, "a list of strings")
        assert isinstance(values, list)
        if not all(isinstance(value, str) and value.strip() for value in values):
            self.fail(key, "must hold non-empty strings only")
        return [str(value) for value in values]

    def natural(self, key: str) -> int:
        """Return the integer ``key``, which must be ≥ 0."""
        value = self._get(key, int, "an integer")
        assert isinstance(value, int)
        if value < 0:
            self.fail(key, "must not be negative")
        return value

    def matching(self, key: str, pattern: re.Pattern[str]) -> str:
        """Return the string ``key``, which must match ``pattern``."""
        value = self.string(key)
        if not pattern.match(value):
            self.fail(key, f"must match {pattern.pattern}")
        return value

    def choice(self, key: str, allowed: frozenset[str]) -> str:
        """Return the string ``key``, which must be one of ``allowed``."""
        value = self.string(key)
        if value not in allowed:
            self.fail(key, f"must be one of {', '.join(sorted(allowed))}")
        return value

    def kind(self, text: str, key: str) -> CaseKind:
        """Return ``text`` as a request kind; field ``key`` is named if it is not one."""
        try:
            return CaseKind(text)
        except ValueError:
            self.fail(key, f"unknown request kind {text!r}")

    def kind_value(self, key: str) -> CaseKind:
        """Return the string ``key`` as a request kind."""
        return self.kind(self.string(key), key)

    def patterns(self, key: str) -> list[re.Pattern[str]]:
        """Return the list of regular expressions ``key``, compiled."""
        return [self._compile(key, text) for text in self.strings(key)]

    def optional_pattern(self, key: str) -> re.Pattern[str] | None:
        """Return the regular expression ``key`` compiled, ``None`` when absent."""
        return self._compile(key, self.string(key)) if key in self._data else None

    def _compile(self, key: str, text: str) -> re.Pattern[str]:
        try:
            return re.compile(text)
        except re.error as error:
            self.fail(key, f"bad regular expression ({error})")

    def int_pairs(self, key: str) -> list[tuple[int, int]]:
        """Return ``key`` as a list of ``[low, high]`` integer pairs with low ≤ high."""
        values = self._get(key, list, "a list of [low, high] pairs")
        assert isinstance(values, list)
        pairs = []
        for value in values:
            if not (
                isinstance(value, list) and len(value) == 2 and all(type(n) is int for n in value)
            ):
                self.fail(key, "must hold [low, high] integer pairs")
            if value[0] > value[1]:
                self.fail(key, "low must not exceed high")
            pairs.append((value[0], value[1]))
        return pairs
