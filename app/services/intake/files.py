"""Incoming message files of either kind: RFC 5322 (``.eml``) or Outlook (``.msg``), told apart
by their content rather than their name, because saved mail is often misnamed."""

from pathlib import Path

from app.errors import MessageParseError
from app.services.intake.message import IncomingMessage, parse_message

# Every Compound File Binary file starts with this signature (MS-CFB §2.2); the Outlook reader
# (extract-msg, slow to import) is loaded only when such a file comes in.
CFB_SIGNATURE = bytes.fromhex("d0cf11e0a1b11ae1")


def parse_incoming(raw: bytes) -> IncomingMessage:
    """Parse the bytes of a message file, Outlook ``.msg`` or RFC 5322 mail.

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
    return parse_message(raw)


def read_message_file(path: Path) -> IncomingMessage:
    """Read and parse a ``.eml`` or ``.msg`` file.

    Args:
        path: the file.

    Returns:
        The parsed message.

    Raises:
        MessageParseError: the file cannot be read or is not a message; the error message names
            the file (its name only, never its content).
    """
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise MessageParseError(f"{path.name}: cannot be read ({error.strerror})") from error
    try:
        return parse_incoming(raw)
    except MessageParseError as error:
        raise MessageParseError(f"{path.name}: {error}") from error
