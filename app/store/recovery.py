"""The recovery key as people read and type it: grouped hex, the QR payload, and reading a
typed or scanned key back. The printable sheet itself is ``app.store.recovery_sheet`` (kept
apart so that unlocking with a typed key does not load ReportLab).
"""

import contextlib
import re

from app.store.keys import RAW_KEY_BYTES, DatabaseKey, Passphrase, RawKey

QR_PREFIX = "PRIVACYDESK-KEY:1:"
GROUP = 4
GROUPS_PER_LINE = 4


def grouped_hex(key: RawKey) -> list[str]:
    """Return the key as upper-case hex in lines of four four-digit groups (4 lines for 32
    bytes), e.g. ``["0A1B 2C3D 4E5F 6071", …]``."""
    digits = key.key.hex().upper()
    groups = [digits[i : i + GROUP] for i in range(0, len(digits), GROUP)]
    step = GROUPS_PER_LINE
    return [" ".join(groups[i : i + step]) for i in range(0, len(groups), step)]


def qr_payload(key: RawKey) -> str:
    """Return the QR code's text: ``PRIVACYDESK-KEY:1:`` + upper-case hex (QR alphanumeric)."""
    return QR_PREFIX + key.key.hex().upper()


def parse_recovery_key(text: str) -> RawKey:
    """Read a key typed from the sheet or scanned from its QR code.

    Spaces, dashes, line breaks and letter case are ignored; the QR prefix is accepted.

    Raises:
        ValueError: not 64 hex digits.
    """
    body = text.strip()
    if body.upper().startswith(QR_PREFIX):
        body = body[len(QR_PREFIX) :]
    digits = re.sub(r"[\s\-]", "", body)
    if not re.fullmatch(f"[0-9A-Fa-f]{{{RAW_KEY_BYTES * 2}}}", digits):
        raise ValueError("a recovery key is 64 hexadecimal digits")
    return RawKey(bytes.fromhex(digits))


def keys_from_typed_text(text: str) -> list[DatabaseKey]:
    """Return the keys a typed answer to "recovery key or passphrase?" may be: the recovery key
    when it reads as one (64 hex digits), then the text as a passphrase (a 64-digit passphrase
    is possible, so both are tried); empty text gives none."""
    keys: list[DatabaseKey] = []
    with contextlib.suppress(ValueError):
        keys.append(parse_recovery_key(text))
    with contextlib.suppress(ValueError):  # empty, or a NUL character: not a passphrase
        keys.append(Passphrase(text))
    return keys
