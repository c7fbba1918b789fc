"""Outlook ``.msg`` files (MS-OXMSG: MAPI properties in a Compound File) read with extract-msg
into the same ``IncomingMessage`` as an ``.eml`` file.

The internet headers Outlook keeps (``PR_TRANSPORT_MESSAGE_HEADERS``) are read with the same
helpers as an ``.eml`` header, so a ``.msg`` gets the same sender, Date: and Received: rules;
MAPI properties stand in where a saved draft or an Exchange-internal message has no headers.
Outlook items attached to the item (a forward as attachment) are read for their sender, subject,
text, sent date and recipients, as ``attached_messages`` reads the messages an ``.eml`` file
attaches.
"""

import logging
from datetime import UTC, datetime
from email import policy
from email.message import Message
from email.parser import Parser
from email.utils import format_datetime

import extract_msg
from extract_msg.enums import AttachmentType, ErrorBehavior
from extract_msg.msg_classes import MessageBase, MSGFile
from extract_msg.null_date import NullDate

from app.errors import MessageParseError
from app.models.enums import ReviewFlag
from app.services.intake.attached_messages import AttachedMessage
from app.services.intake.body import without_controls
from app.services.intake.forwards import read_forwards
from app.services.intake.header_text import visible_text
from app.services.intake.headers import (
    author_header,
    decoded_header,
    parse_sender,
    raw_header,
    raw_headers,
    received_times,
    sender_doubts,
    sender_name_damaged,
    sender_name_doubt,
)
from app.services.intake.message import IncomingMessage
from app.services.intake.outlook_body import item_body
from app.services.intake.quoted_dates import stated_zone
from app.services.intake.receipt import header_date
from app.services.intake.recipients import header_recipients

# Every Compound File Binary file starts with this signature (MS-CFB §2.2).
CFB_SIGNATURE = bytes.fromhex("d0cf11e0a1b11ae1")
# MAPI property tags (MS-OXPROPS): stream names without their type suffix, typed properties.
_SUBJECT = "__substg1.0_0037"
_SENDER_NAME = ("__substg1.0_0042", "__substg1.0_0C1A")  # sent representing, then sender
_SENDER_SMTP = ("__substg1.0_5D02", "__substg1.0_5D01", "__substg1.0_0065", "__substg1.0_0C1F")
_MESSAGE_ID = "__substg1.0_1035"
_TRANSPORT_HEADERS = "__substg1.0_007D"
_CLIENT_SUBMIT_TIME = "00390040"
_DELIVERY_TIME = "0E060040"
_MAX_EMBEDDED = 10  # items read as forwards; as ``attached_messages``
# Outlook prefixes saved headers with this line, which is not a header field.
_HEADER_BANNER = "Microsoft Mail Internet Headers Version 2.0"

# extract-msg and the libraries it reads with log what they find in a file (stream names, a
# damaged file's "OLE sector index out of range", an item's text at times). Each file's failure
# is reported by the import's results (``MessageParseError``); their records would only print as
# a stray "ERROR: …" line before the results table, or quote a message's content. They are
# dropped here: a handler of their own that writes nothing, and no passing on to the
# application's handlers (the app's own loggers, ``app.*``, are left as they are).
for _library in ("extract_msg", "olefile", "RTFDE", "compressed_rtf", "tzlocal"):
    logging.getLogger(_library).addHandler(logging.NullHandler())
    logging.getLogger(_library).propagate = False


def parse_outlook_message(raw: bytes) -> IncomingMessage:
    """Parse the bytes of an Outlook ``.msg`` file.

    Args:
        raw: the file's bytes (a Compound File holding MAPI properties, MS-OXMSG).

    Returns:
        The decoded message, ``raw`` being the original file. The sender and Date: come from the
        saved internet headers when present, else from the MAPI sender and submit-time
        properties; the delivery time counts as the newest Received: stamp.

    Raises:
        MessageParseError: the bytes are not a Compound File or extract-msg cannot read them as
            an Outlook item.
    """
    if not raw.startswith(CFB_SIGNATURE):
        raise MessageParseError("the file is not an Outlook .msg file")
    item = _open(raw)
    try:
        return _read_item(item, raw)
    except Exception as error:
        raise MessageParseError(
            f"the Outlook item cannot be read ({type(error).__name__})"
        ) from error
    finally:
        item.close()


def _open(raw: bytes) -> MSGFile:
    # extract-msg and olefile raise a wide variety of exception types (struct.error, KeyError,
    # IndexError, their own errors) on damaged files; each means "cannot be read" here.
    try:
        return extract_msg.openMsg(
            raw, strict=False, delayAttachments=True, errorBehavior=ErrorBehavior.SUPPRESS_ALL
        )
    except Exception as error:
        raise MessageParseError(
            f"the Outlook file cannot be opened ({type(error).__name__})"
        ) from error


def _read_item(item: MSGFile, raw: bytes) -> IncomingMessage:
    headers = _transport_headers(item)
    sender, stood_in = _sender(item, headers)
    from_name, from_address = parse_sender(sender)
    senders, address_invisibles = sender_doubts(sender)
    sent_at, date_problem = _sent_at(item, headers)
    body_text, html_only = item_body(item)
    shown_text = without_controls(body_text)
    reply_to = raw_header(headers, "Reply-To") if headers is not None else None
    reply_to_name, reply_to_address = parse_sender(reply_to)
    from_lines = len(raw_headers(headers, "From")) if headers is not None else 0
    forwarded, request = read_forwards(None, shown_text, _embedded_messages(item))
    return IncomingMessage(
        message_id=_message_id(item, headers),
        subject=_subject(item, headers),
        from_name=from_name,
        from_address=from_address,
        sent_at=sent_at,
        date_problem=date_problem,
        received_header_times=_received(item, headers),
        body_text=shown_text,
        html_only=html_only,
        raw=raw,
        reply_to_name=reply_to_name,
        reply_to_address=reply_to_address,
        # The same doubts as an .eml file's (``message._decode``): the .msg is no safer.
        several_senders=senders > 1 or from_lines > 1,
        address_invisibles=address_invisibles or sender_doubts(reply_to)[1],
        name_invisibles=sender_name_doubt(sender) or sender_name_doubt(reply_to),
        name_damaged=sender_name_damaged(sender) or sender_name_damaged(reply_to),
        forwarded=forwarded,
        forwarded_request=request,
        sender_stood_in=stood_in,
        stray_controls=shown_text != body_text,
        date_zone=stated_zone(raw_header(headers, "Date")) if headers is not None else None,
        recipients=header_recipients(headers) if headers is not None else _mapi_to(item),
    )


def _embedded_messages(item: MSGFile) -> list[AttachedMessage]:
    """The Outlook items attached to ``item`` (Outlook's "Forward as attachment", MS-OXMSG
    §2.2.2.1 embedded message objects), at most 10: sender, subject and text, each read as an
    item's own; items nested in them are not opened. One that extract-msg cannot read is
    passed over: the item itself is still read."""
    found: list[AttachedMessage] = []
    try:
        attachments = item.attachments
    except Exception:  # extract-msg's many error types (see ``_open``): none can be read
        return found
    for attachment in attachments:
        try:
            embedded = attachment.data if attachment.type is AttachmentType.MSG else None
            if isinstance(embedded, MSGFile):
                headers = _transport_headers(embedded)
                name, address = parse_sender(_sender(embedded, headers)[0])
                text = without_controls(item_body(embedded)[0])
                subject, date = _subject(embedded, headers), _date_text(embedded, headers)
                to = header_recipients(headers) if headers is not None else _mapi_to(embedded)
                found.append(AttachedMessage(name, address, subject, text, date, to))
        except Exception:  # as above: this one cannot be read
            continue
        if len(found) == _MAX_EMBEDDED:
            break
    return found


def _transport_headers(item: MSGFile) -> Message | None:
    text = item.getStringStream(_TRANSPORT_HEADERS)
    if not text or not text.strip():
        return None
    text = text.removeprefix(_HEADER_BANNER).lstrip("\r\n")
    parsed = Parser(policy=policy.default).parsestr(text, headersonly=True)
    return parsed if parsed.keys() else None


def _first_string(item: MSGFile, names: tuple[str, ...]) -> str | None:
    for name in names:
        value = item.getStringStream(name)
        if value and value.strip():
            return value.strip()
    return None


def _subject(item: MSGFile, headers: Message | None) -> str:
    subject = item.getStringStream(_SUBJECT)
    if subject is not None:
        return " ".join(visible_text(subject).split())
    return decoded_header(headers, "Subject") if headers is not None else ""


def _sender(item: MSGFile, headers: Message | None) -> tuple[str | None, bool]:
    """The sender as a From: value, and whether it stands in for a From: without a mailbox:
    the saved header's when it has an address, else one made of the MAPI sender name and
    SMTP address properties, else the saved Sender: or Reply-To: (``author_header``)."""
    if headers is not None:
        written = raw_header(headers, "From")
        if parse_sender(written)[1] is not None:
            return written, False
    name = _first_string(item, _SENDER_NAME)
    address = _first_string(item, _SENDER_SMTP)
    # An Exchange-internal sender has an X.500 DN ("/O=…") instead of an address: parse_sender
    # rejects it, keeping the display name.
    mapi = f'"{name or ""}" <{address}>' if address else name
    if parse_sender(mapi)[1] is None and headers is not None:
        author, stood_in = author_header(headers)
        if stood_in:
            return author, True
    return mapi, False


def _sent_at(item: MSGFile, headers: Message | None) -> tuple[datetime | None, ReviewFlag | None]:
    """The sent instant and its problem, by the ``.eml`` rule (``header_date``): a Date:
    without a known zone is flagged ``DATE_WITHOUT_ZONE``, one naming a zone of several
    meanings ``DATE_ZONE_AMBIGUOUS``, an unreadable one ``UNPARSABLE_DATE``,
    for a person to confirm,
    none at all ``MISSING_DATE``. Outlook's submit time (PR_CLIENT_SUBMIT_TIME, UTC by
    definition, MS-OXCDATA §2.11.1) stands in for the instant where the header gives none or
    no zone; it is a sent date of its own, so an item without a Date: (a saved draft, an
    Exchange-internal message) that has one is not flagged, but an unreadable or zone-less
    Date: stays flagged: the two disagree or cannot be compared."""
    sent_at, problem = header_date(headers) if headers is not None else (None, None)
    if sent_at is not None and problem is None:
        return sent_at, None
    submitted = _mapi_time(item, _CLIENT_SUBMIT_TIME)
    if submitted is not None:
        return submitted, (None if problem in (None, ReviewFlag.MISSING_DATE) else problem)
    return sent_at, problem or ReviewFlag.MISSING_DATE


def _date_text(item: MSGFile, headers: Message | None) -> str | None:
    """An attached item's sent date as RFC 5322 text: its saved Date: when readable with a
    zone, else its submit time (UTC), else the Date: as written (perhaps unreadable)."""
    sent_at, problem = header_date(headers) if headers is not None else (None, None)
    instant = sent_at if problem is None else None
    instant = instant or _mapi_time(item, _CLIENT_SUBMIT_TIME)
    if instant is not None:
        return format_datetime(instant)
    return raw_header(headers, "Date") if headers is not None else None


def _mapi_to(item: MSGFile) -> tuple[str, ...]:
    """The SMTP addresses of an item's recipient table (an item without saved headers)."""
    recipients = item.recipients if isinstance(item, MessageBase) else []
    addresses = (parse_sender(f"<{r.email}>")[1] for r in recipients if r.email)
    return tuple(address for address in addresses if address is not None)


def _mapi_time(item: MSGFile, tag: str) -> datetime | None:
    value = item.getPropertyVal(tag)
    if not isinstance(value, datetime) or isinstance(value, NullDate):
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)  # MAPI PtypTime is UTC (MS-OXCDATA §2.11.1)
    return value.astimezone(UTC)


def _received(item: MSGFile, headers: Message | None) -> tuple[datetime, ...]:
    stamps = list(received_times(headers)) if headers is not None else []
    delivered = _mapi_time(item, _DELIVERY_TIME)
    if delivered is not None:
        stamps.append(delivered)
    return tuple(sorted(set(stamps), reverse=True))


def _message_id(item: MSGFile, headers: Message | None) -> str | None:
    value = item.getStringStream(_MESSAGE_ID)
    if not value and headers is not None:
        value = raw_header(headers, "Message-ID")
    cleaned = "".join((value or "").split()).strip("<>")
    return cleaned or None
