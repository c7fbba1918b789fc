"""Incoming message files of either kind: RFC 5322 (``.eml``) or Outlook (``.msg``), told apart
by their content rather than their name, because saved mail is often misnamed."""

import hashlib
from dataclasses import dataclass, replace
from email import policy
from email.parser import BytesHeaderParser
from pathlib import Path

from app.errors import MessageParseError
from app.services.file_names import visible_file_name
from app.services.intake.headers import parse_sender, raw_header
from app.services.intake.mail_bytes import prepare_mail
from app.services.intake.message import IncomingMessage, parse_message
from app.services.intake.word_characters import without_invisibles

# Every Compound File Binary file starts with this signature (MS-CFB §2.2); the Outlook reader
# (extract-msg, slow to import) is loaded only when such a file comes in.
CFB_SIGNATURE = bytes.fromhex("d0cf11e0a1b11ae1")
# The largest message file imported: 50 MiB. Gmail accepts mail up to 50 MB, Exchange Online
# 25-35 MB by default, Postfix 10 MB (message_size_limit): no request reaches the privacy
# mailbox bigger than this, and refusing before reading keeps a stray video or disk image from
# taking the import's memory (parsing costs several times the file's size).
MAX_MESSAGE_MIB = 50
_MIB = 1024 * 1024
MAX_MESSAGE_BYTES = MAX_MESSAGE_MIB * _MIB
_HEADER_PROBE_BYTES = 256 * 1024


@dataclass(frozen=True)
class MessageKey:
    """What tells whether a message file was imported already, read without parsing the body.

    Attributes:
        sha256: hex SHA-256 of the file's bytes (the stored original's digest).
        message_id: the Message-ID without angle brackets or white space, ``None`` if absent.
        from_address: the From: addr-spec, domain lower-cased; ``None`` if unparseable.
    """

    sha256: str
    message_id: str | None
    from_address: str | None


def message_key(raw: bytes) -> MessageKey:
    """Return the duplicate key of a message file from its bytes and header block only.

    Costs one hash of the bytes and a parse of at most the first 256 KiB: an importer can
    skip a re-imported 50 MB mail before parsing it (the duplicate rule is the importer's:
    same bytes, or same Message-ID from the same sender).

    Args:
        raw: the file's bytes.

    Returns:
        The key; for Outlook items and header-less files only ``sha256`` is set.
    """
    digest = hashlib.sha256(raw).hexdigest()
    if raw.startswith(CFB_SIGNATURE):
        return MessageKey(digest, None, None)
    head = prepare_mail(raw[:_HEADER_PROBE_BYTES]).data  # UTF-16 or stray NULs, as parsed
    headers = BytesHeaderParser(policy=policy.default).parsebytes(head)
    message_id = "".join((raw_header(headers, "Message-ID") or "").split()).strip("<>")
    return MessageKey(digest, message_id or None, parse_sender(raw_header(headers, "From"))[1])


def parse_incoming(raw: bytes) -> IncomingMessage:
    """Parse the bytes of a message file, Outlook ``.msg`` or RFC 5322 mail.

    UTF-16 files are decoded, stray NUL bytes dropped and big attachments left unread first
    (``mail_bytes.prepare_mail``; ``removed_nul_bytes`` tells whether NULs were dropped).

    Args:
        raw: the file's bytes.

    Returns:
        The decoded message (``raw`` kept as given).

    Raises:
        MessageParseError: the bytes are neither a mail message nor an Outlook item.
    """
    if raw.startswith(CFB_SIGNATURE):
        from app.services.intake.outlook import parse_outlook_message

        return parse_outlook_message(raw)
    prepared = prepare_mail(raw).data
    message = parse_message(prepared)
    return message if prepared is raw else replace(message, raw=raw)


def stored_message_text(raw: bytes) -> str:
    """Return the text a case shows of its stored original message: the file read by the
    importer's own rule (``parse_incoming``: stray NULs dropped, UTF-16 and Outlook items
    decoded), so that whatever was imported can be shown.

    Args:
        raw: the stored original's bytes, as received.

    Returns:
        The decoded body text. Bytes that rule refuses (a message an older version imported
        under other rules) are shown as UTF-8 text, undecodable bytes replaced and control
        and invisible characters removed: showing them cleaned beats not showing the case.
    """
    try:
        return parse_incoming(raw).body_text
    except MessageParseError:
        return without_invisibles(raw.decode("utf-8", errors="replace"))


def removed_nul_bytes(raw: bytes) -> int:
    """Return how many stray NUL bytes ``parse_incoming`` drops from a text mail (0 if none).

    Args:
        raw: the file's bytes (``IncomingMessage.raw``).

    Returns:
        The count; an importer flags the case for review when it is not 0, since a NUL may
        stand where a character of the letter was.
    """
    if b"\x00" not in raw or raw.startswith(CFB_SIGNATURE):
        return 0
    return prepare_mail(raw).removed_nul_bytes


def removed_stray_bytes(raw: bytes) -> int:
    """Return how many stray control bytes (NUL, SOH, BEL, DEL...) ``parse_incoming`` drops
    from a text mail (0 if none).

    Args:
        raw: the file's bytes (``IncomingMessage.raw``).

    Returns:
        The count; an importer flags the case for review when it is not 0, since a control
        byte may stand where a character of the letter was.
    """
    if raw.startswith(CFB_SIGNATURE):
        return 0
    prepared = prepare_mail(raw)
    return prepared.removed_nul_bytes + prepared.removed_control_bytes


def read_message_file(path: Path) -> IncomingMessage:
    """Read and parse a ``.eml`` or ``.msg`` file.

    Args:
        path: the file.

    Returns:
        The parsed message.

    Raises:
        MessageParseError: the file cannot be read, is larger than ``MAX_MESSAGE_BYTES``
            (50 MiB) or is not a message; the error message names the file (its name only,
            never its content).
    """
    return parse_named(path, read_message_bytes(path))


def read_message_bytes(path: Path) -> bytes:
    """Read a message file's bytes, refusing one larger than 50 MiB before reading it.

    Args:
        path: the file.

    Returns:
        The bytes.

    Raises:
        MessageParseError: the file cannot be read or is too large (the message names the
            file and the limit).
    """
    name = visible_file_name(path.name)  # a bidi override must not disguise the name
    try:
        size = path.stat().st_size
        if size > MAX_MESSAGE_BYTES:
            raise MessageParseError(_too_large(name, size))
        return path.read_bytes()
    except OSError as error:
        raise MessageParseError(f"{name}: cannot be read ({error.strerror})") from error


def parse_named(path: Path, raw: bytes) -> IncomingMessage:
    """Parse bytes read from ``path`` (``parse_incoming``), naming the file in any error.

    Raises:
        MessageParseError: the bytes are not a message; the message starts with the file name.
    """
    name = visible_file_name(path.name)
    try:
        return parse_incoming(raw)
    except MessageParseError as error:
        raise MessageParseError(f"{name}: {error}") from error


def _too_large(name: str, size: int) -> str:
    """The refusal of a file of ``size`` bytes over ``MAX_MESSAGE_BYTES``: its size in MiB to
    one decimal, or in bytes where that would not show it over the limit (up to 50.05 MiB
    rounds to "50.0", which reads as within it)."""
    mib = f"{size / _MIB:.1f}"
    limit = f"{MAX_MESSAGE_BYTES:,}"
    if float(mib) > MAX_MESSAGE_MIB:
        return f"{name}: the file is {mib} MiB; a message file may be at most {MAX_MESSAGE_MIB} MiB"
    return (
        f"{name}: the file is {size:,} bytes; a message file may be at most {limit} bytes "
        f"({MAX_MESSAGE_MIB} MiB)"
    )
