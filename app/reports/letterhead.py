"""The letterhead printed on every letter: the controller's name, address and privacy contact."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from app.errors import TemplateFieldError
from app.resources import resource_path

_REQUIRED = ("company_name", "address", "privacy_contact")
_OPTIONAL = ("company_name_en", "address_en", "website")


@dataclass(frozen=True)
class Letterhead:
    """Who the letter is from, as plain text (escaped when printed).

    Attributes:
        company_name: the controller's registered name in Chinese (e.g. ``须云科技有限公司``).
        address: its postal address in Chinese.
        privacy_contact: the e-mail address requesters write to about their personal information
            (PIPL Art. 52 contact of the person responsible for personal information protection).
        company_name_en: the English name, or ``None`` to print ``company_name`` in English letters.
        address_en: the English address, or ``None`` to print ``address``.
        website: an optional web address printed under the contact.
    """

    company_name: str
    address: str
    privacy_contact: str
    company_name_en: str | None = None
    address_en: str | None = None
    website: str | None = None

    def name_for(self, language: str) -> str:
        """Return the company name for a letter in ``language`` (``"zh"`` or ``"en"``)."""
        return self.company_name_en or self.company_name if language == "en" else self.company_name

    def other_name_for(self, language: str) -> str | None:
        """Return the name in the other language, printed small under the main one, or ``None``."""
        other = self.company_name if language == "en" else self.company_name_en
        return other if other and other != self.name_for(language) else None

    def address_for(self, language: str) -> str:
        """Return the postal address for a letter in ``language`` (``"zh"`` or ``"en"``)."""
        return self.address_en or self.address if language == "en" else self.address

    def printed_texts(self) -> list[str]:
        """Return every string this letterhead may print (for the glyph check)."""
        values = (getattr(self, name) for name in _REQUIRED + _OPTIONAL)
        return [value for value in values if value]


def load_letterhead(path: Path) -> Letterhead:
    """Read a letterhead from a TOML file with a ``[letterhead]`` table.

    Args:
        path: the TOML file.

    Returns:
        The ``Letterhead``.

    Raises:
        TemplateFieldError: a required field is missing or blank, a field is unknown or not text.
    """
    with path.open("rb") as handle:
        table = tomllib.load(handle).get("letterhead", {})
    for name, value in table.items():
        if name not in _REQUIRED + _OPTIONAL or not isinstance(value, str):
            raise TemplateFieldError(str(path), f"letterhead.{name}", "unknown field or not text")
    for name in _REQUIRED:
        if not str(table.get(name, "")).strip():
            raise TemplateFieldError(str(path), f"letterhead.{name}", "required field is missing")
    return Letterhead(**table)


def default_letterhead() -> Letterhead:
    """Return the shipped letterhead (``resources/letterhead.toml``), used until settings hold one.

    Raises:
        TemplateFieldError: the shipped file is malformed.
    """
    return load_letterhead(resource_path("letterhead.toml"))
