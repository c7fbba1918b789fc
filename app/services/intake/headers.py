"""Header fields of an incoming message, read from the raw header text so that no malformed
header can raise: decoded text, the sender's address, the Date: and Received: instants.

The stdlib's structured header classes (``policy.default``) raise on some hostile values when a
header is accessed, so this module works on raw values and uses ``email.utils`` parsers, whose
failures are caught here and turned into ``None``.
"""

import re
from datetime import datetime
from email.message import Message
from email.utils import getaddresses

from app.services.intake.header_text import (
    REPLACEMENT,
    decode_encoded_words,
    restore_8bit,
    visible_text,
)
from app.services.intake.mail_dates import parse_mail_date
from app.services.intake.name_characters import visible_name
from app.services.intake.word_characters import without_invisibles

_FOLDING = re.compile(r"\r?\n(?=[ \t])")
_LINE_BREAKS = re.compile(r"[\r\n]+")
# A deliberately plain addr-spec test: one "@", no white space or angle brackets, a dotted or
# bare domain. Strict RFC 5322 validation would reject addresses people really use.
_ADDR_SPEC = re.compile(r"^[^\s@<>()\[\],;:\"]+@[^\s@<>()\[\],;:\"]+$")
_ANGLE_PART = re.compile(r"<[^>]*>?")
# Comments (RFC 5322 §3.2.2) nest; ``email.utils`` reads them recursively, so a header whose
# comments nest deeper than this loses them all before it is read (they never hold the address).
MAX_COMMENT_DEPTH = 16
# An RFC 5322 group with no mailbox (§3.4: display-name ":" [group-list] ";"), such as
# "undisclosed-recipients:;": a name for hidden recipients, never a person or an address.
_EMPTY_GROUP = re.compile(r'^\s*[^:<>@"]*:\s*(?:\([^()]*\)\s*)?;?\s*$')
# Hangul fillers (U+3164, halfwidth U+FFA0; the conjoining U+115F/U+1160 when no jamo stands
# beside them) are letters (Lo) that show as nothing: a name or address written with one looks
# like another. No mail address holds them (IDNA2008 disallows them, RFC 5892), so they are
# invisible characters here, as ``word_characters.without_invisibles`` treats format ones.
_HANGUL_FILLERS = re.compile("[\u3164\uffa0]|(?<![\u1100-\u11ff])[\u115f\u1160](?![\u1100-\u11ff])")
_ADDRESS_FILLERS = re.compile("[\u115f\u1160\u3164\uffa0]")


def raw_header(message: Message, name: str) -> str | None:
    """Return the first raw value of header ``name`` (case-insensitive), unfolded, or ``None``.

    Args:
        message: the parsed message.
        name: the header field name, e.g. ``"Subject"``.

    Returns:
        The value with folding removed and raw 8-bit bytes decoded; ``None`` when absent.
    """
    values = raw_headers(message, name)
    return values[0] if values else None


def raw_headers(message: Message, name: str) -> list[str]:
    """Return every raw value of header ``name`` in message order, unfolded and 8-bit decoded."""
    wanted = name.lower()
    return [_unfold(str(value)) for key, value in message.raw_items() if key.lower() == wanted]


def _unfold(value: str) -> str:
    return _LINE_BREAKS.sub(" ", _FOLDING.sub("", restore_8bit(value))).strip()


def decoded_header(message: Message, name: str) -> str:
    """Return the fully decoded text of header ``name`` for display (``header_text.visible_text``:
    no control, bidi override or invisible characters), ``""`` when absent."""
    value = raw_header(message, name)
    return "" if value is None else visible_text(decode_encoded_words(value)).strip()


def parse_sender(value: str | None) -> tuple[str | None, str | None]:
    """Split a From:-style header into display name and address.

    Args:
        value: the raw (unfolded, 8-bit decoded) header value, or ``None``.

    Returns:
        ``(name, address)``: the decoded display name without controls, bidi overrides or
        invisible characters where they carry no meaning (``name_characters.visible_name``)
        and without the U+FFFD of characters lost in decoding (``sender_name_damaged``),
        or ``None``; the first valid addr-spec with its domain lower-cased, or ``None`` when
        the header holds no usable address (the text is then kept as the name, e.g.
        ``From: Zhang San``). Comments nested deeper than ``MAX_COMMENT_DEPTH`` are dropped.
    """
    name, address = _sender_parts(value)
    return _clean_name(name, address or ""), address


def sender_name_doubt(value: str | None) -> bool:
    """Return whether ``parse_sender`` removed invisible characters (zero-width joiners
    beside Latin or Han letters, bidi controls, BOM...) from the display name of ``value``."""
    name, _ = _sender_parts(value)
    return name is not None and _visible_name(name)[1]


def sender_name_damaged(value: str | None) -> bool:
    """Return whether the display name of ``value`` lost characters in decoding (U+FFFD: an
    encoded word cut inside a character, ``header_text.cut_reading``, or bytes no charset
    reads), which ``parse_sender`` leaves out of the name kept."""
    name, _ = _sender_parts(value)
    return name is not None and REPLACEMENT in name


def _visible_name(name: str) -> tuple[str, bool]:
    """``name_characters.visible_name`` of ``name`` without Hangul fillers standing alone."""
    shown = _HANGUL_FILLERS.sub("", name)
    cleaned, changed = visible_name(shown)
    return cleaned, changed or shown != name


def address_without_invisibles(written: str) -> str:
    """Return an address as written without invisible characters (format and control
    characters, ``word_characters.without_invisibles``, and Hangul fillers)."""
    return _ADDRESS_FILLERS.sub("", without_invisibles(written))


def empty_group(value: str | None) -> bool:
    """Return whether a From:-style header value is an RFC 5322 group without a mailbox
    ("undisclosed-recipients:;", §3.4), which names no one."""
    return value is not None and _EMPTY_GROUP.match(value) is not None


def _sender_parts(value: str | None) -> tuple[str | None, str | None]:
    """The decoded display name as written and the normalised address of a From:-style
    header (see ``parse_sender``)."""
    if value is None or empty_group(value):
        return None, None
    value = without_deep_comments(value)
    for name, written in getaddresses([value]):
        # A zero-width space or bidi mark copied into an address is no part of it: no mail
        # system delivers to it, and the same person would be filed twice (``sender_doubts``).
        address = address_without_invisibles(written)
        if _ADDR_SPEC.match(address):
            return decode_encoded_words(name), _normalise_address(address)
    # No address: a broken header, whose stray quotes (``"unterminated <x@``) are not the name.
    without_brackets = _ANGLE_PART.sub(" ", value).strip("\"' \t")
    return decode_encoded_words(without_brackets), None


def author_header(message: Message) -> tuple[str | None, bool]:
    """Return the header value that names the message's author, and whether it stands in.

    From: is the author (RFC 5322 §3.6.2); when it names no mailbox (missing, a bare name or
    an empty group such as "undisclosed-recipients:;"), Sender: — the mailbox that sent it —
    or else Reply-To: stands in, and the second value is ``True`` for a person to check.

    Args:
        message: the parsed message (or an Outlook item's saved transport headers).

    Returns:
        ``(raw value, stood_in)``; ``(From: value or None, False)`` when nothing stands in.
    """
    written = raw_header(message, "From")
    if parse_sender(written)[1] is not None:
        return written, False
    for name in ("Sender", "Reply-To"):
        value = raw_header(message, name)
        if parse_sender(value)[1] is not None:
            return value, True
    return written, False


def sender_doubts(value: str | None) -> tuple[int, bool]:
    """Tell what ``parse_sender`` leaves out of a From:-style header.

    Args:
        value: the raw (unfolded, 8-bit decoded) header value, or ``None``.

    Returns:
        ``(addresses, invisible)``: how many valid addr-specs the header holds (only the first
        becomes the sender; RFC 5322 §3.6.2 allows several authors), and whether any of them
        held invisible characters (format characters, Unicode category Cf, or controls) that
        were removed.
    """
    if value is None:
        return 0, False
    written = [address for _, address in getaddresses([without_deep_comments(value)])]
    cleaned = [address_without_invisibles(address) for address in written]
    valid = [address for address in cleaned if _ADDR_SPEC.match(address)]
    return len(valid), cleaned != written


def without_deep_comments(value: str) -> str:
    """Return ``value`` unchanged, or without any of its comments when they nest deeper than
    ``MAX_COMMENT_DEPTH`` (read in one pass, never recursively; an unclosed comment runs to
    the end). Quoted strings are not comments: ``"Smith (Jr)" <a@b>`` keeps its name."""
    if comment_depth(value) <= MAX_COMMENT_DEPTH:
        return value
    kept, depth, quoted, escaped = [], 0, False, False
    for char in value:
        opens = char == "(" and not quoted and not escaped
        closes = char == ")" and depth > 0 and not escaped
        if depth == 0 and not opens:
            kept.append(char)
            quoted = quoted != (char == '"' and not escaped)
        depth += 1 if opens else -1 if closes else 0
        escaped = char == "\\" and not escaped
    return "".join(kept)


def comment_depth(value: str) -> int:
    """Return how deep the comments of a structured header value nest (0 without any)."""
    deepest, depth, quoted, escaped = 0, 0, False, False
    for char in value:
        if not escaped and char == '"' and depth == 0:
            quoted = not quoted
        elif not escaped and not quoted and char in "()":
            depth = depth + 1 if char == "(" else max(depth - 1, 0)
            deepest = max(deepest, depth)
        escaped = char == "\\" and not escaped
    return deepest


def _clean_name(name: str | None, address: str) -> str | None:
    if name is None:
        return None
    shown = _visible_name(name)[0].replace(REPLACEMENT, "")
    cleaned = _unwrap_quotes(" ".join(shown.split()))
    if not cleaned or cleaned.lower() == address.lower():
        return None
    return cleaned


def _unwrap_quotes(name: str) -> str:
    """Remove one pair of quotes around the whole name, which ``getaddresses`` leaves when
    they came from inside an encoded word or a header without an address; quotes within the
    name (``Smith, John "JJ"``, from RFC 5322 quoted-pairs) are part of it."""
    for quote in "\"'":
        if len(name) >= 2 and name[0] == quote and name[-1] == quote:
            return name[1:-1].strip()
    return name


def _normalise_address(address: str) -> str:
    local, _, domain = address.rpartition("@")
    return f"{local}@{domain.lower()}"


def received_times(message: Message) -> tuple[datetime, ...]:
    """Return the instants stamped in the Received: headers, newest first.

    Args:
        message: the parsed message.

    Returns:
        Aware UTC instants, sorted newest first; headers without a parsable date (the text
        after the last ``;``, RFC 5321 §4.4) are skipped.
    """
    instants = []
    for value in raw_headers(message, "Received"):
        _, separator, stamp = value.rpartition(";")
        instant = parse_mail_date(stamp) if separator else None
        if instant is not None:
            instants.append(instant)
    return tuple(sorted(instants, reverse=True))
