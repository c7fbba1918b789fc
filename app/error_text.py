"""User-facing error messages in the UI's language.

Errors below the UI (``app/errors.py``) carry English sentences: logs, the command line and
tests rely on them. The UI shows them through ``localised``, which looks the sentence up in
``resources/translations/errors.zh_CN.toml`` (see the file's head for its format). A message
with parts known only at run time (a date, a file name) is matched as a pattern: each
``{placeholder}`` of the English entry matches any text, and the text it caught is put into
the Chinese sentence unchanged, so the translation carries exactly what the English message
carried and nothing more. A message the catalogue lacks is shown as it is.

A placeholder named in ``CODE_PLACEHOLDERS`` (``{kind}``, ``{case_kind}``, ``{letter_kind}``,
``{status}``…) carries a code of the app's enums (``account_cancellation``,
``deletion_done``): it is shown by its name in the UI's language (注销账号, 删除完成告知函; in
English "Account cancellation"), in the Chinese and the English UI alike. A text that is no
known code (a value the user typed) is shown unchanged.

This module imports no Qt: the UI passes the language it shows (``app.ui.labels.ui_language``)
and may pass its own names of codes (``app.ui.labels.code_label``); without them the names the
printed case file uses (``app.reports.case_file_labels``) are shown.
"""

import logging
import re
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType

from app.error_code_names import CODE_PLACEHOLDERS as CODE_PLACEHOLDERS
from app.error_code_names import CodeLabels as CodeLabels
from app.error_code_names import code_name
from app.error_code_names import printed_labels as printed_labels
from app.resources import resource_path

CATALOGUE_PATH = resource_path("translations", "errors.zh_CN.toml")
# A placeholder with this name is itself looked up: it holds a wrapped error's sentence
# (``SettingsError("rules.x", "must be a whole number")`` -> "{field}: {problem}"); the
# entry matches only when that sentence is known too. ``{problems}`` holds several such
# sentences joined by "; " (``TransitionBlockedError``: what a case still lacks), each looked up.
NESTED_LIST_PLACEHOLDER = "problems"
ENGLISH_LIST_SEPARATOR, CHINESE_LIST_SEPARATOR = "; ", "；"
NESTED_PLACEHOLDER = "problem"
# Longer texts are not matched against patterns: a message is a sentence or two, and a
# hostile multi-kilobyte file name must not make the lookup slow.
MAX_PATTERN_INPUT = 1000
_MAX_NESTING = 3
_TOKEN = re.compile(r"\{\{|\}\}|\{([A-Za-z_][A-Za-z0-9_]*)\}|[{}]|[^{}]+")
_log = logging.getLogger(__name__)


class CatalogueError(ValueError):
    """The error-message catalogue is malformed (names the entry, never a message's values)."""


@dataclass(frozen=True)
class CatalogueEntry:
    """One English message and its Chinese text.

    Attributes:
        english: the English key as written in the catalogue (``{name}`` placeholders,
            ``{{``/``}}`` for literal braces).
        chinese: the Chinese text, with the same placeholders.
        pattern: the compiled English key when it has placeholders, else ``None``.
        literals: the key's fixed pieces, to skip patterns that cannot match quickly.
    """

    english: str
    chinese: str
    pattern: re.Pattern[str] | None
    literals: tuple[str, ...]


@dataclass(frozen=True)
class Catalogue:
    """The messages of one language.

    Attributes:
        entries: every entry, in catalogue order.
        exact: literal English message -> Chinese text, for entries without placeholders.
        patterns: entries with placeholders, most specific (most fixed text) first.
    """

    entries: tuple[CatalogueEntry, ...]
    exact: Mapping[str, str]
    patterns: tuple[CatalogueEntry, ...]

    def translate(
        self, message: str, depth: int = 0, labels: CodeLabels | None = None
    ) -> str | None:
        """Return the translation of ``message``, or ``None`` when no entry matches.

        Args:
            message: an English error message.
            depth: how deep in wrapped ``{problem}`` sentences this lookup is (0 at the top;
                deeper than 3 is not looked up, so a hostile message cannot recurse long).
            labels: names of codes in Chinese, for the ``CODE_PLACEHOLDERS``; ``None``
                keeps codes as they are.
        """
        if message in self.exact:
            return self.exact[message]
        for entry, groups in self._matches(message, depth):
            values = self._captured(groups, depth, labels)
            if values is not None:
                return _fill(entry.chinese, values)
        return None

    def relabel(self, message: str, labels: CodeLabels, depth: int = 0) -> str:
        """Return the English ``message`` with each code in a ``CODE_PLACEHOLDERS`` placeholder
        (also inside a wrapped ``{problem}``) shown by its name from ``labels``; a message no
        entry matches, or with no code known to ``labels``, unchanged.

        Args:
            message: an English error message.
            labels: names of codes in English.
            depth: as for ``translate``.
        """
        if message in self.exact:
            return message
        for entry, groups in self._matches(message, depth):
            values = {name: code_name(name, text, labels) for name, text in groups.items()}
            for name in (NESTED_PLACEHOLDER, NESTED_LIST_PLACEHOLDER):
                if name in groups:
                    items = groups[name].split(ENGLISH_LIST_SEPARATOR)
                    relabelled = (self.relabel(item, labels, depth + 1) for item in items)
                    values[name] = ENGLISH_LIST_SEPARATOR.join(relabelled)
            return _fill(entry.english, values)
        return message

    def _matches(self, message: str, depth: int) -> Iterator[tuple[CatalogueEntry, dict[str, str]]]:
        """Yield each pattern entry that matches ``message`` with the texts it caught, most
        specific first; none for a message too long or nested too deep."""
        if len(message) > MAX_PATTERN_INPUT or depth > _MAX_NESTING:
            return
        for entry in self.patterns:
            if entry.pattern is None or not all(piece in message for piece in entry.literals):
                continue
            match = entry.pattern.fullmatch(message)
            if match:
                yield entry, match.groupdict()

    def _captured(
        self, groups: dict[str, str], depth: int, labels: CodeLabels | None
    ) -> dict[str, str] | None:
        """The texts to put into the Chinese sentence, codes by their names; ``None`` when a
        wrapped ``{problem}`` or an item of ``{problems}`` is not itself known (a
        half-translated sentence would hide that it is new)."""
        values = {
            name: code_name(name, text, labels, chinese=True) for name, text in groups.items()
        }
        if NESTED_PLACEHOLDER in groups:
            translated = self.translate(groups[NESTED_PLACEHOLDER], depth + 1, labels)
            if translated is None:
                return None
            values[NESTED_PLACEHOLDER] = translated
        if NESTED_LIST_PLACEHOLDER in groups:
            items = groups[NESTED_LIST_PLACEHOLDER].split(ENGLISH_LIST_SEPARATOR)
            translated_items = [self.translate(item, depth + 1, labels) for item in items]
            if None in translated_items:
                return None
            values[NESTED_LIST_PLACEHOLDER] = CHINESE_LIST_SEPARATOR.join(
                map(str, translated_items)
            )
        return values


EMPTY_CATALOGUE = Catalogue((), MappingProxyType({}), ())


def localised(message: str, language: str, labels: CodeLabels | None = None) -> str:
    """Return ``message`` in the UI language.

    Args:
        message: an error's English text (``str(error)``).
        language: the UI language: ``zh``/``zh_CN`` for Chinese (``ui_language()``), else
            English.
        labels: the UI's names of codes in that language (``app.ui.labels.code_label``);
            ``None``: the printed case file's (``printed_labels``).

    Returns:
        The Chinese text when the UI is Chinese and the catalogue knows the message, else
        ``message``; either way a code in a ``CODE_PLACEHOLDERS`` placeholder shown by its
        name. Never raises: a missing or malformed catalogue means English as raised.
    """
    names = labels or printed_labels(language)
    catalogue = runtime_catalogue(CATALOGUE_PATH)
    if not language.lower().startswith("zh"):
        return catalogue.relabel(message, names)
    return catalogue.translate(message, labels=names) or message


@cache
def runtime_catalogue(path: Path) -> Catalogue:
    """Return the catalogue at ``path``, read once; ``EMPTY_CATALOGUE`` (English shown) when
    it cannot be read or is malformed, logged as a warning. Tests use ``load_catalogue``, which
    raises instead, so a broken catalogue fails the build, never a user's session."""
    try:
        return load_catalogue(path)
    except (OSError, CatalogueError) as error:
        _log.warning("error-message catalogue unusable, showing English: %s", error)
        return EMPTY_CATALOGUE


def load_catalogue(path: Path) -> Catalogue:
    """Read and check a catalogue file.

    Args:
        path: the TOML file (a ``[messages]`` table of ``"English" = "中文"``).

    Returns:
        The catalogue.

    Raises:
        OSError: the file cannot be read.
        CatalogueError: not TOML, no ``[messages]`` table, a value that is not text, an empty
            translation, a lone brace, a placeholder named twice in one English key, or a
            Chinese text whose placeholders differ from its key's.
    """
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise CatalogueError(f"{path.name}: not valid UTF-8 TOML ({error})") from error
    messages = data.get("messages")
    if not isinstance(messages, dict):
        raise CatalogueError(f"{path.name}: needs a [messages] table")
    entries = tuple(_entry(path.name, key, value) for key, value in messages.items())
    return _catalogue(entries)


def _catalogue(entries: tuple[CatalogueEntry, ...]) -> Catalogue:
    exact = {_unescape(e.english): e.chinese for e in entries if e.pattern is None}
    patterns = [e for e in entries if e.pattern is not None]
    patterns.sort(key=lambda e: -sum(len(piece) for piece in e.literals))
    return Catalogue(entries, MappingProxyType(exact), tuple(patterns))


def _entry(file: str, english: str, chinese: object) -> CatalogueEntry:
    if not isinstance(chinese, str) or not chinese.strip():
        raise CatalogueError(f"{file}: the entry {english!r} needs a Chinese text")
    names = _placeholders(file, english)
    if len(set(names)) != len(names):
        raise CatalogueError(f"{file}: the entry {english!r} names a placeholder twice")
    if set(_placeholders(file, chinese)) != set(names):
        raise CatalogueError(f"{file}: the entry {english!r} has other placeholders in Chinese")
    if not names:
        return CatalogueEntry(english, _unescape(chinese), None, ())
    literals = tuple(piece for kind, piece in _tokens(file, english) if kind == "text" and piece)
    return CatalogueEntry(english, chinese, _compile(file, english), literals)


def _tokens(file: str, text: str) -> Iterator[tuple[str, str]]:
    """Yield ``("text", literal)`` and ``("name", placeholder)`` pieces of a catalogue text."""
    for match in _TOKEN.finditer(text):
        token = match.group(0)
        if match.group(1) is not None:
            yield "name", match.group(1)
        elif token in ("{", "}"):
            raise CatalogueError(f"{file}: a lone brace in {text!r} (write {{{{ or }}}})")
        else:
            yield "text", token[0] if token in ("{{", "}}") else token


def _placeholders(file: str, text: str) -> list[str]:
    return [piece for kind, piece in _tokens(file, text) if kind == "name"]


def _compile(file: str, english: str) -> re.Pattern[str]:
    parts = (
        f"(?P<{piece}>.*?)" if kind == "name" else re.escape(piece)
        for kind, piece in _tokens(file, english)
    )
    return re.compile("".join(parts), re.DOTALL)


def _unescape(text: str) -> str:
    return text.replace("{{", "{").replace("}}", "}")


def _fill(chinese: str, values: Mapping[str, str]) -> str:
    """Put the captured texts into ``chinese``; a captured text is never itself parsed."""
    return "".join(
        values[piece] if kind == "name" else piece for kind, piece in _tokens("", chinese)
    )
