"""Reading template files: the language folder, TOML with its hash, placeholder checks."""

from __future__ import annotations

import hashlib
import string
import tomllib
from pathlib import Path
from typing import Any

from app.errors import TemplateError, TemplateFieldError
from app.resources import resource_path
from app.services.letter_languages import folder_name


def letters_dir(templates_dir: Path | None, language: str) -> Path:
    """Return the folder of one language's templates.

    Args:
        templates_dir: the ``letters`` folder, or ``None`` for the shipped one.
        language: ``"zh"``, ``"en"``, ``"zh-Hant"`` (folder ``zh_Hant``), ...

    Raises:
        TemplateError: no templates exist for the language.
    """
    name = folder_name(language)
    folder = (templates_dir or resource_path("letters")) / name
    if not name.replace("_", "").isalpha() or not folder.is_dir():
        raise TemplateError(f"no letter templates for language '{language}'")
    return folder


def read_bytes(path: Path) -> tuple[bytes, str]:
    """Return a template file's bytes and their SHA-256 (hex).

    Raises:
        TemplateError: the file cannot be read.
    """
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise TemplateError(f"{path}: cannot be read ({exc.strerror})") from exc
    return raw, hashlib.sha256(raw).hexdigest()


def parse_toml(path: Path, raw: bytes) -> dict[str, Any]:
    """Return the TOML tables of a file's bytes.

    Raises:
        TemplateError: not UTF-8 or not valid TOML (the message names the file).
    """
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise TemplateError(f"{path}: not valid UTF-8 TOML ({exc})") from exc


def read_toml(path: Path) -> tuple[dict[str, Any], str]:
    """Return the file's TOML tables and the SHA-256 of the exact bytes parsed.

    Raises:
        TemplateError: unreadable, not UTF-8 or not valid TOML.
    """
    raw, sha256 = read_bytes(path)
    return parse_toml(path, raw), sha256


def check_placeholders(path: Path, where: str, text: object, allowed: frozenset[str]) -> str:
    """Validate one template string and return it.

    Args:
        path: the template file (for the error). where: the TOML key (for the error).
        text: the value read from TOML. allowed: the placeholder names it may use.

    Raises:
        TemplateFieldError: not text, unbalanced braces, formatting options, or a placeholder
            not in ``allowed`` (the error's ``field`` is that placeholder's name).
    """
    if not isinstance(text, str):
        raise TemplateFieldError(str(path), where, "must be text")
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError as exc:
        raise TemplateFieldError(str(path), where, "unbalanced { or } (write {{ or }})") from exc
    for _literal, name, spec, conversion in parsed:
        if name is not None and (name not in allowed or spec or conversion):
            problem = f"unknown placeholder in {where}; known: {', '.join(sorted(allowed))}"
            raise TemplateFieldError(str(path), name or "{}", problem)
    return text
