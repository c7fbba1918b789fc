"""An incoming e-mail as triage needs it, parsed from raw bytes without ever failing on odd
content (its receipt instant: ``receipt``)."""

from dataclasses import dataclass, replace
from datetime import datetime, tzinfo
from email import errors, policy
from email.message import Message
from email.parser import BytesParser

from app.errors import MessageParseError
from app.models.enums import ReviewFlag
from app.services.intake.body import body_charset_mismatch, message_body
from app.services.intake.forwards import ForwardedRequest, ForwardedSender, read_forwards
from app.services.intake.headers import (
    MAX_COMMENT_DEPTH,
    author_header,
    comment_depth,
    decoded_header,
    parse_sender,
    raw_header,
    raw_headers,
    received_times,
    sender_doubts,
    sender_name_damaged,
    sender_name_doubt,
)
from app.services.intake.mime_tree import (
    MAX_MIME_DEPTH,
    cut_before_deep_containers,
    mime_depth,
    mime_parts,
)
from app.services.intake.quoted_dates import stated_zone
from app.services.intake.receipt import header_date
from app.services.intake.recipients import header_recipients

# How far into a file NUL bytes mark it as binary rather than mail: mail text never holds NUL
# (RFC 5322 §2.3), and looking at the head keeps big attachments cheap.
_BINARY_PROBE_BYTES = 4096
# The stdlib parser and Message.walk()/get_body() recurse per MIME level (and per nested header
# comment): a message nested deeper than ``MAX_MIME_DEPTH`` is read in the legacy policy (whose
# header accessors do not recurse) from a copy cut before its 65th container part, flagged.
# Defects of the stdlib parser (email.errors) that mean the message lost part of its content.
_DAMAGE = (
    errors.StartBoundaryNotFoundDefect,
    errors.CloseBoundaryNotFoundDefect,
    errors.NoBoundaryInMultipartDefect,
    errors.MultipartInvariantViolationDefect,
    errors.InvalidBase64CharactersDefect,
    errors.InvalidBase64LengthDefect,
    errors.InvalidBase64PaddingDefect,
)
# More container parts (multipart/*, message/*) than any real mail has: such a message goes
# straight to the cut copy (the stdlib parser's time grows with the square of the nesting).
_HOSTILE_CONTAINERS = 256
_STRUCTURED_HEADERS = ("Content-Type", "Content-Disposition", "Content-Transfer-Encoding")


@dataclass(frozen=True)
class IncomingMessage:
    """One received e-mail, decoded.

    Attributes:
        message_id: Message-ID without angle brackets or white space; ``None`` if absent.
        subject: the fully decoded subject, ``""`` if none; like ``from_name`` it holds no
            control, bidi override or invisible characters (``header_text.visible_text``).
        from_name: the decoded display name of From:, ``None`` if it has none.
        from_address: the From: addr-spec with its domain lower-cased; ``None`` if unparseable.
        sent_at: the Date: header as an aware UTC instant; ``None`` if missing or unparsable;
            a time without a known zone is read as UTC.
        date_problem: ``MISSING_DATE`` / ``UNPARSABLE_DATE`` when ``sent_at`` is ``None``;
            ``DATE_WITHOUT_ZONE`` when the Date: has no zone, ``-0000`` or an unknown zone
            name (RFC 5322 §3.3 requires one; the time is read as UTC), ``DATE_ZONE_AMBIGUOUS``
            when it names a zone of several meanings ("CST"; read by the earliest), so a
            person confirms the receipt date.
        received_header_times: aware UTC instants of the Received: headers, newest first.
        body_text: decoded plain text (HTML-only bodies converted to text).
        html_only: whether the body came from an HTML part alone.
        raw: the original bytes, untouched.
        reply_to_name, reply_to_address: Reply-To:'s display name and first address (as
            From:'s), for mail a web form sends from a noreply address on a person's behalf.
        charset_mismatch: whether the body's text is not what its declared charset gives
            (strict decoding failed, or another reading was taken: UTF-8 or GBK labelled
            ISO-8859-1, Big5 labelled gb2312); the text is then the detected reading.
        damaged: whether the MIME structure or a part's transfer encoding is broken (no
            closing boundary, invalid base64...: ``damage_of``); the text is then what the
            parser recovered.
        several_senders: whether From: names more than one address (RFC 5322 §3.6.2); only
            the first became ``from_address``, so a person checks who the requester is; also
            when the message has several From: lines.
        address_invisibles: whether From: or Reply-To: held an address with invisible
            characters (zero-width space, bidi marks, BOM...), removed from the address kept.
        name_invisibles: whether From:'s or Reply-To:'s display name lost invisible
            characters (``name_characters.visible_name``: a ZWJ beside Latin letters, bidi
            controls, BOM...; joiners that Persian, Indic or emoji spellings need are kept).
        name_damaged: whether From:'s, the standing-in author's or Reply-To:'s display name
            lost characters in decoding (``headers.sender_name_damaged``: an encoded word cut
            inside a character), left out of the name kept.
        deeply_nested: whether the MIME parts or a header's comments nest deeper than the
            parser can follow (64 levels; comments 16): only the headers and the text above
            that depth were read.
        forwarded: the senders of the messages this one forwards, attached or quoted inline
            (``forwards.forwarded_senders``); empty when it forwards none.
        forwarded_request: the forwarded message's own subject and text (an attached
            message's, or the lines below an inline forward's header), chained to the
            messages it forwards in turn (``ForwardedRequest.innermost``), which triage
            reads for a forward of another person's mail; ``None`` when it forwards none.
        sender_stood_in: whether From: named no mailbox (e.g. "undisclosed-recipients:;")
            and Sender: or Reply-To: gave ``from_address`` (``headers.author_header``).
        stray_controls: whether control characters (NUL...) were removed from an Outlook
            item's text (an ``.eml`` file's bytes are counted: ``files.removed_stray_bytes``).
        recipients: the addresses of To: and Cc: (``recipients.header_recipients``).
        date_zone: the UTC offset the Date: header states (``+0100``), ``None`` without one:
            the zone the sender's mail client writes a forwarded message's date line in
            (``quoted_dates``).
    """

    message_id: str | None
    subject: str
    from_name: str | None
    from_address: str | None
    sent_at: datetime | None
    date_problem: ReviewFlag | None
    received_header_times: tuple[datetime, ...]
    body_text: str
    html_only: bool
    raw: bytes
    damaged: bool = False
    charset_mismatch: bool = False
    reply_to_name: str | None = None
    reply_to_address: str | None = None
    several_senders: bool = False
    address_invisibles: bool = False
    name_invisibles: bool = False
    name_damaged: bool = False
    deeply_nested: bool = False
    forwarded: tuple[ForwardedSender, ...] = ()
    sender_stood_in: bool = False
    stray_controls: bool = False
    forwarded_request: ForwardedRequest | None = None
    date_zone: tzinfo | None = None
    recipients: tuple[str, ...] = ()


def parse_message(raw: bytes) -> IncomingMessage:
    """Parse the bytes of an RFC 5322 message.

    Args:
        raw: the message file's bytes.

    Returns:
        The decoded message. Malformed headers never raise: they give ``None`` values and, for
        the date, a review flag. A message whose MIME parts nest more than 64 levels deep, or
        whose structured headers' comments nest more than 16, is read as far as it goes
        (``deeply_nested``; never ``RecursionError``).

    Raises:
        MessageParseError: the bytes are not a mail message at all (empty, binary, or without
            a single header field).
    """
    _reject_non_mail(raw)
    parsed = _parsed_in_full(raw)
    if parsed is None:
        return _decode_deep(raw)
    try:
        return _decode(raw, parsed)
    except RecursionError:  # a part's structured header with deeply nested comments
        return _decode_deep(raw)


def _parsed_in_full(raw: bytes) -> Message | None:
    """``raw`` parsed with ``policy.default``; ``None`` when it nests too deeply for that."""
    if cut_before_deep_containers(raw, _HOSTILE_CONTAINERS) is not None:
        return None  # not worth the seconds a full parse of it takes
    try:
        parsed = BytesParser(policy=policy.default).parsebytes(raw)
    except RecursionError:
        return None
    return None if _too_deep(parsed) else parsed


def _too_deep(parsed: Message) -> bool:
    """Whether the recursive accessors of ``policy.default`` could run out of stack: MIME
    parts deeper than 64 levels, or a structured header with deeply nested comments."""
    if mime_depth(parsed) > MAX_MIME_DEPTH:
        return True
    values = (raw_header(parsed, name) or "" for name in _STRUCTURED_HEADERS)
    return any(comment_depth(value) > MAX_COMMENT_DEPTH for value in values)


def _decode_deep(raw: bytes) -> IncomingMessage:
    """Read a message nested too deeply for ``policy.default``: the legacy policy's header
    accessors parse without recursion, and the copy parsed stops before the 65th container
    part, so that no walk goes deeper than 65 levels. The original stays whole in ``raw``."""
    cut = cut_before_deep_containers(raw)
    shallow = BytesParser(policy=policy.compat32).parsebytes(raw if cut is None else cut)
    return replace(_decode(raw, shallow), deeply_nested=True, damaged=False)


def _decode(raw: bytes, parsed: Message) -> IncomingMessage:
    if not parsed.keys():
        raise MessageParseError("the file has no mail header fields")
    sent_at, date_problem = header_date(parsed)
    from_header, reply_to_header = raw_header(parsed, "From"), raw_header(parsed, "Reply-To")
    author, stood_in = author_header(parsed)
    from_name, from_address = parse_sender(author)
    if stood_in:  # the author's own name, where From: gives one ("Zhang San", no address)
        from_name = parse_sender(from_header)[0] or from_name
    reply_to_name, reply_to_address = parse_sender(reply_to_header)
    senders, from_invisibles = sender_doubts(author)
    body_text, html_only = message_body(parsed)
    forwarded, request = read_forwards(parsed, body_text)
    return IncomingMessage(
        message_id=_message_id(parsed),
        subject=decoded_header(parsed, "Subject"),
        from_name=from_name,
        from_address=from_address,
        sent_at=sent_at,
        date_problem=date_problem,
        received_header_times=received_times(parsed),
        body_text=body_text,
        html_only=html_only,
        raw=raw,
        damaged=damage_of(parsed),
        charset_mismatch=body_charset_mismatch(parsed),
        reply_to_name=reply_to_name,
        reply_to_address=reply_to_address,
        several_senders=senders > 1 or len(raw_headers(parsed, "From")) > 1,
        sender_stood_in=stood_in,
        address_invisibles=from_invisibles or sender_doubts(reply_to_header)[1],
        name_invisibles=sender_name_doubt(from_header) or sender_name_doubt(reply_to_header),
        name_damaged=any(map(sender_name_damaged, (from_header, author, reply_to_header))),
        deeply_nested=any(
            comment_depth(value or "") > MAX_COMMENT_DEPTH
            for value in (from_header, reply_to_header)
        ),
        forwarded=forwarded,
        forwarded_request=request,
        date_zone=stated_zone(raw_header(parsed, "Date")),
        recipients=header_recipients(parsed),
    )


def damage_of(parsed: Message) -> bool:
    """Return whether a parsed message is damaged: a defect the stdlib parser records for a
    broken MIME structure (missing start or closing boundary, a multipart without one) or
    transfer encoding (invalid base64 characters, length or padding) on any part.

    Args:
        parsed: the message, already read by ``message_body`` (decoding a part records its
            encoding defects).

    Returns:
        ``True`` when any such defect is found; other defects (odd header syntax) are not
        damage to the letter's text.
    """
    for part, _ in mime_parts(parsed):
        if not part.is_multipart():
            part.get_payload(decode=True)  # records the part's transfer-encoding defects
        if any(isinstance(defect, _DAMAGE) for defect in part.defects):
            return True
    return False


def _reject_non_mail(raw: bytes) -> None:
    if not raw.strip():
        raise MessageParseError("the file is empty")
    if b"\x00" in raw[:_BINARY_PROBE_BYTES]:
        raise MessageParseError("the file is binary, not a mail message")


def _message_id(parsed: Message) -> str | None:
    value = raw_header(parsed, "Message-ID")
    if value is None:
        return None
    cleaned = "".join(value.split()).strip("<>")
    return cleaned or None
