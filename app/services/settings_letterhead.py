"""The letterhead kept in settings: the controller's names, address, privacy contact and images.

Letters and certificates print it (``app.reports.settings_letterhead.letterhead_for`` turns it
into a ``Letterhead``); with nothing stored they print ``resources/letterhead.toml``. The text
is stored as JSON under ``letterhead``; the logo and the signature or seal image as bytes under
``letterhead.logo`` and ``letterhead.signature_image`` (one ``content`` column per setting).
"""

import hashlib
from dataclasses import asdict, dataclass, field, replace
from urllib.parse import urlsplit

from sqlalchemy.orm import Session

from app.errors import SettingsError
from app.models import Setting
from app.services.contact_points import normalise_email
from app.services.settings import has_invisible_characters, write_settings

LETTERHEAD_KEY = "letterhead"
IMAGE_KEYS = {"logo": "letterhead.logo", "signature_image": "letterhead.signature_image"}
REQUIRED = ("company_name", "address", "privacy_contact")
TEXT_FIELDS = (
    *REQUIRED,
    "company_name_en",
    "address_en",
    "company_name_hant",
    "address_hant",
    "website",
    "complaint_channel",
)
MAX_TEXT = 2000
MAX_IMAGE_BYTES = 5 * 1024 * 1024
# Checked here by signature only (services do not decode images); app.reports.images decodes
# them fully when the Letterhead is built, which the settings page does before saving.
_SIGNATURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")
WEB_SCHEMES = ("http", "https")
NOT_AN_EMAIL = "must be an e-mail address"
NOT_A_WEB_ADDRESS = "must be a web address starting with http:// or https://"
HOLDS_USER_INFO = "must not hold a user name or password before the host"
BAD_PORT = "must have a port from 1 to 65535 when it gives one"


@dataclass(frozen=True)
class LetterheadFields:
    """The letterhead as plain values (see ``app.reports.letterhead.Letterhead``).

    Attributes:
        company_name, address, privacy_contact: required, Chinese (PIPL Art. 52 contact).
        company_name_en, address_en, website, complaint_channel: optional text, ``None`` if unset.
        company_name_hant, address_hant: optional, in Traditional Chinese, for the letters to
            Hong Kong and Taiwan (``None``: they print the Simplified ones).
        logo, signature_image: PNG or JPEG bytes, or ``None``.
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
    logo: bytes | None = field(default=None, repr=False)
    signature_image: bytes | None = field(default=None, repr=False)

    def texts(self) -> dict[str, str | None]:
        """Return the text fields by name (images left out)."""
        values = asdict(self)
        return {name: values[name] for name in TEXT_FIELDS}


def privacy_contact_address(text: str) -> str | None:
    """Return the privacy contact ``text`` as the e-mail address letters print (domain
    lower-cased, a ``mailto:`` or angle brackets dropped), ``None`` when it is none.

    Every letter tells the requester to write to it (PIPL Art. 52: the contact of the person
    responsible for personal information protection is made public), so it is checked as a
    requester's address is (``app.services.contact_points.normalise_email``).
    """
    return normalise_email(text)


def is_web_address(text: str) -> bool:
    """Return whether ``text`` is what a letter may print as the company's website: an
    ``http://`` or ``https://`` address with a host, no spaces, no user name or password and
    a valid port, if any (never ``javascript:``, ``ftp:``, a bare word or
    ``https://user:pw@evil.com``); see ``web_address_problem``."""
    return web_address_problem(text) is None


def web_address_problem(text: str) -> str | None:
    """Return what is wrong with ``text`` as the company's website, ``None`` when nothing.

    Returns:
        ``NOT_A_WEB_ADDRESS`` (spaces, another scheme, no host, a malformed IPv6 host),
        ``HOLDS_USER_INFO`` (``user:pw@`` before the host: printed on letters it would show
        the credentials, and it makes the address read as another site's, RFC 3986 s. 3.2.1
        deprecates a password there), or ``BAD_PORT`` (not 1-65535, RFC 6335 s. 6).
    """
    if text != text.strip() or any(character.isspace() for character in text):
        return NOT_A_WEB_ADDRESS
    try:
        parts = urlsplit(text)
        host = parts.hostname
    except ValueError:  # a malformed IPv6 host
        return NOT_A_WEB_ADDRESS
    if parts.scheme.lower() not in WEB_SCHEMES or not host:
        return NOT_A_WEB_ADDRESS
    if "@" in parts.netloc:
        return HOLDS_USER_INFO
    try:
        port = parts.port
    except ValueError:  # not a number, or above 65535
        return BAD_PORT
    return BAD_PORT if port == 0 else None


def validate_letterhead(fields: LetterheadFields) -> None:
    """Check required text, lengths, the privacy contact and website, and image signatures.

    Raises:
        SettingsError: a required field is blank, a field is too long or holds control or
            invisible characters (a line break is allowed), the privacy contact is not an
            e-mail address, the website not an http(s) address with a host (or one with a
            user name or password, or a port outside 1-65535: ``web_address_problem``), or an
            image is not PNG/JPEG or larger than 5 MiB (``field`` names it, e.g.
            ``letterhead.company_name``).
    """
    for name, value in fields.texts().items():
        if name in REQUIRED and not (value or "").strip():
            raise SettingsError(f"letterhead.{name}", "is required")
        if value is not None and len(value) > MAX_TEXT:
            raise SettingsError(f"letterhead.{name}", f"is longer than {MAX_TEXT} characters")
        if value is not None and has_invisible_characters(value, allowed="\n"):
            raise SettingsError(f"letterhead.{name}", "holds control or invisible characters")
    if privacy_contact_address(fields.privacy_contact) is None:
        raise SettingsError("letterhead.privacy_contact", NOT_AN_EMAIL)
    website_problem = web_address_problem(fields.website) if fields.website is not None else None
    if website_problem is not None:
        raise SettingsError("letterhead.website", website_problem)
    for role in IMAGE_KEYS:
        data = getattr(fields, role)
        if data is not None and not data.startswith(_SIGNATURES):
            raise SettingsError(f"letterhead.{role}", "must be a PNG or JPEG image")
        if data is not None and len(data) > MAX_IMAGE_BYTES:
            raise SettingsError(f"letterhead.{role}", "is larger than 5 MiB")


def stored_letterhead(session: Session) -> LetterheadFields | None:
    """Return the letterhead stored in settings, or ``None`` when none is (use the default)."""
    stored = session.get(Setting, LETTERHEAD_KEY)
    if stored is None or not isinstance(stored.value, dict):
        return None
    texts = {name: _text(stored.value.get(name)) for name in TEXT_FIELDS}
    return LetterheadFields(
        company_name=texts["company_name"] or "",
        address=texts["address"] or "",
        privacy_contact=texts["privacy_contact"] or "",
        company_name_en=texts["company_name_en"],
        address_en=texts["address_en"],
        company_name_hant=texts["company_name_hant"],
        address_hant=texts["address_hant"],
        website=texts["website"],
        complaint_channel=texts["complaint_channel"],
        logo=_content(session, IMAGE_KEYS["logo"]),
        signature_image=_content(session, IMAGE_KEYS["signature_image"]),
    )


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _content(session: Session, key: str) -> bytes | None:
    stored = session.get(Setting, key)
    return stored.content if stored is not None else None


def save_letterhead(session: Session, fields: LetterheadFields, *, actor: str) -> None:
    """Store ``fields`` as the team's letterhead (replacing the images too), audited.

    The audit payload holds the SHA-256 of each image, not the text (a contact may be a
    person's address).

    Raises:
        SettingsError: see ``validate_letterhead``.
        SettingsPermissionError: ``actor`` may not change settings.
    """
    validate_letterhead(fields)
    fields = replace(fields, privacy_contact=privacy_contact_address(fields.privacy_contact) or "")
    texts = {name: value for name, value in fields.texts().items() if value and value.strip()}
    entries: dict[str, tuple[object, bytes | None]] = {LETTERHEAD_KEY: (texts, None)}
    hashes: dict[str, str | None] = {}
    for role, key in IMAGE_KEYS.items():
        data = getattr(fields, role)
        entries[key] = ({"role": role}, data) if data is not None else (None, None)
        hashes[role] = hashlib.sha256(data).hexdigest() if data is not None else None
    write_settings(session, entries, actor=actor, payload={"images_sha256": hashes})


def reset_letterhead(session: Session, *, actor: str) -> None:
    """Remove the stored letterhead: letters print the shipped default again, audited.

    Raises:
        SettingsPermissionError: ``actor`` may not change settings.
    """
    keys = (LETTERHEAD_KEY, *IMAGE_KEYS.values())
    write_settings(session, {key: (None, None) for key in keys}, actor=actor)
