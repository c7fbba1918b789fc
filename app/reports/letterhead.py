"""The letterhead printed on every letter: the controller's name, address, contacts and images."""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from app.errors import TemplateError, TemplateFieldError
from app.reports.images import LetterImage, load_image, read_image_source
from app.reports.terms import swap_words
from app.resources import resource_path
from app.services.letter_languages import BILINGUAL_HALVES, TRADITIONAL

_REQUIRED = ("company_name", "address", "privacy_contact")
_OPTIONAL = (
    "company_name_en",
    "address_en",
    "company_name_hant",
    "address_hant",
    "website",
    "complaint_channel",
)
_IMAGES = ("logo", "signature_image")


@dataclass(frozen=True)
class Letterhead:
    """Who the letter is from, as plain text (escaped when printed), with optional images.

    Attributes:
        company_name: the controller's registered name in Chinese (e.g. ``须云科技有限公司``).
        address: its postal address in Chinese.
        privacy_contact: the e-mail address requesters write to about their personal information
            (PIPL Art. 52 contact of the person responsible for personal information protection).
        company_name_en: the English name, or ``None`` to print ``company_name`` in English letters.
        address_en: the English address, or ``None`` to print ``address``.
        company_name_hant, address_hant: the name and address in Traditional Chinese, printed
            on ``zh-Hant`` letters (Hong Kong, Taiwan), or ``None`` to print the Simplified
            ones (``in_traditional`` still gives their labels, e.g. 邮政编码, in Traditional).
        website: an optional web address printed under the contact.
        complaint_channel: where to complain internally (a web form, a telephone line), or
            ``None`` to name ``privacy_contact``.
        logo: PNG or JPEG bytes, or the path of such a file, printed at the top left; ``None``.
        signature_image: a signature or company seal (PNG/JPEG bytes or path) printed above the
            signature lines; ``None``.

    Raises:
        LetterheadImageError: an image is missing, unreadable, damaged or not PNG/JPEG (raised
            when the letterhead is made, so settings reject it before any letter is built).
    """

    company_name: str
    address: str
    privacy_contact: str
    company_name_en: str | None = None
    address_en: str | None = None
    company_name_hant: str | None = None
    address_hant: str | None = None
    website: str | None = None
    complaint_channel: str | None = None
    logo: bytes | Path | None = None
    signature_image: bytes | Path | None = None

    def __post_init__(self) -> None:
        # Paths are read once here: the letterhead then holds the exact image bytes it prints.
        for role in _IMAGES:
            source = getattr(self, role)
            if source is not None:
                data = read_image_source(source, role)
                load_image(data, role)
                object.__setattr__(self, role, data)

    def image(self, role: str) -> LetterImage | None:
        """Return the validated ``"logo"`` or ``"signature_image"``, or ``None`` when unset."""
        data = getattr(self, role)
        return load_image(data, role) if isinstance(data, bytes) else None

    def name_for(self, language: str) -> str:
        """Return the company name for ``language`` (``"zh"``, ``"zh-Hant"``, ``"en"``, or
        bilingual ``"zh+en"`` / ``"zh-Hant+en"``: its Chinese)."""
        if language == "en":
            return self.company_name_en or self.company_name
        return self._chinese(language, self.company_name, self.company_name_hant)

    def other_name_for(self, language: str) -> str | None:
        """Return the name in the other language, printed small under the main one, or ``None``."""
        other = self.company_name if language == "en" else self.company_name_en
        return other if other and other != self.name_for(language) else None

    def address_for(self, language: str) -> str:
        """Return the postal address for ``language``; both addresses for a bilingual letter
        (the Chinese one of its script first)."""
        if language == "en":
            return self.address_en or self.address
        chinese = self._chinese(language, self.address, self.address_hant)
        if language in BILINGUAL_HALVES and self.address_en and self.address_en != chinese:
            return f"{chinese}\n{self.address_en}"
        return chinese

    @staticmethod
    def _chinese(language: str, simplified: str, traditional: str | None) -> str:
        script = BILINGUAL_HALVES.get(language, language)
        return traditional or simplified if script == TRADITIONAL else simplified

    def in_traditional(self, words: Sequence[tuple[str, str]]) -> Letterhead:
        """Return this letterhead as a Traditional Chinese letter prints it.

        Args:
            words: (word, replacement) pairs from the Traditional terms
                (``LetterTerms.letterhead_words_for``), applied in order to the address:
                the Simplified address's labels in Traditional (邮政编码 -> 郵政編碼) and the
                jurisdiction's own (Taiwan: 郵遞區號).

        Returns:
            A copy whose ``company_name_hant`` and ``address_hant`` are set: the Traditional
            ones entered, else the Simplified ones (the registered name prints as registered),
            the address with ``words`` replaced.
        """
        address = swap_words(self.address_hant or self.address, words)
        name = self.company_name_hant or self.company_name
        return replace(self, company_name_hant=name, address_hant=address)

    def complaints(self) -> str:
        """Return the internal complaint channel (``complaint_channel`` or the privacy contact)."""
        return self.complaint_channel or self.privacy_contact

    def printed_texts(self) -> list[str]:
        """Return every string this letterhead may print (for the glyph check)."""
        values = (getattr(self, name) for name in _REQUIRED + _OPTIONAL)
        return [value for value in values if value]

    def with_texts(self, change: Callable[[str], str]) -> Letterhead:
        """Return this letterhead with ``change`` applied to each text it prints (the images
        kept), e.g. ``placeholders.Placeholders.shown``."""

        def changed(text: str | None) -> str | None:
            return change(text) if text else text

        return replace(
            self,
            company_name=change(self.company_name),
            address=change(self.address),
            privacy_contact=change(self.privacy_contact),
            company_name_en=changed(self.company_name_en),
            address_en=changed(self.address_en),
            company_name_hant=changed(self.company_name_hant),
            address_hant=changed(self.address_hant),
            website=changed(self.website),
            complaint_channel=changed(self.complaint_channel),
        )


def _image_path(path: Path, name: str, value: object) -> Path:
    if not isinstance(value, str) or not value.strip():
        raise TemplateFieldError(str(path), f"letterhead.{name}", "must be a file path")
    return path.parent / value


def load_letterhead(path: Path) -> Letterhead:
    """Read a letterhead from a TOML file with a ``[letterhead]`` table.

    Image fields (``logo``, ``signature_image``) are file paths relative to the TOML file.

    Args:
        path: the TOML file.

    Returns:
        The ``Letterhead``.

    Raises:
        TemplateError: the file is unreadable or not TOML.
        TemplateFieldError: a required field is missing or blank, a field is unknown or not text.
        LetterheadImageError: an image file is missing, unreadable or not PNG/JPEG.
    """
    try:
        table = tomllib.loads(path.read_text(encoding="utf-8")).get("letterhead", {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise TemplateError(f"{path}: cannot be read as TOML ({exc})") from exc
    images = {name: _image_path(path, name, table.pop(name)) for name in _IMAGES if name in table}
    for name, value in table.items():
        if name not in _REQUIRED + _OPTIONAL or not isinstance(value, str):
            raise TemplateFieldError(str(path), f"letterhead.{name}", "unknown field or not text")
    for name in _REQUIRED:
        if not str(table.get(name, "")).strip():
            raise TemplateFieldError(str(path), f"letterhead.{name}", "required field is missing")
    return Letterhead(**table, **images)  # type: ignore[arg-type]  # names and types checked above


def default_letterhead() -> Letterhead:
    """Return the shipped letterhead (``resources/letterhead.toml``), used until settings hold one.

    Raises:
        TemplateFieldError, LetterheadImageError: the shipped file is malformed.
    """
    return load_letterhead(resource_path("letterhead.toml"))
