"""Whom a message was addressed to: the addresses of its To: and Cc: headers, for when the
company first received a request forwarded to its privacy team (``first_receipt``)."""

from email.message import Message
from email.utils import getaddresses

from app.services.intake.headers import parse_sender, raw_headers, without_deep_comments

_MAX_RECIPIENTS = 100  # a To: line longer than this is a mailing list's, read no further


def header_recipients(message: Message) -> tuple[str, ...]:
    """Return the addresses of a message's To: and Cc: headers (every line of each).

    Args:
        message: the parsed message, or an Outlook item's saved internet headers.

    Returns:
        Each address once, in header order, with its domain lower-cased and without invisible
        characters (as ``parse_sender`` keeps a sender's); at most 100. A value that
        ``email.utils`` cannot split gives none; nothing raises.
    """
    found: dict[str, None] = {}
    for name in ("To", "Cc"):
        for value in raw_headers(message, name):
            try:
                pairs = getaddresses([without_deep_comments(value)])
            except (ValueError, TypeError, IndexError, RecursionError):
                continue
            for _, written in pairs:
                address = parse_sender(f"<{written.strip()}>")[1] if written.strip() else None
                if address is not None:
                    found.setdefault(address, None)
    return tuple(found)[:_MAX_RECIPIENTS]
