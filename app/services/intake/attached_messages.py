"""Messages attached to a message: a ``message/rfc822`` (or ``message/global``) part, as a
"forward as attachment" sends it, or an attached ``.eml`` or Outlook ``.msg`` file (any
content type: clients label them ``application/octet-stream`` as often as not).

Only the attached message's sender, subject, own body text (never that of a message it
attaches in turn), Date:, recipients and the messages it attaches in turn (a forward of a
forward) are read, for the forward's requester, for triage (``forwards``) and for when the
company first received it (``first_receipt``); the case keeps the whole file as received.
"""

from dataclasses import dataclass, replace
from email import policy
from email.message import Message
from email.parser import BytesParser
from email.utils import format_datetime

from app.errors import MessageParseError
from app.services.intake.body import message_body
from app.services.intake.headers import decoded_header, parse_sender, raw_header
from app.services.intake.mime_tree import cut_before_deep_containers, mime_parts
from app.services.intake.recipients import header_recipients

# MS-CFB §2.2: every Outlook item (a Compound File) starts with these bytes.
_CFB_SIGNATURE = bytes.fromhex("d0cf11e0a1b11ae1")
_MESSAGE_TYPES = ("message/rfc822", "message/global")  # RFC 2046 §5.2.1, RFC 6532 §3.5
_MESSAGE_FILE_ENDINGS = (".eml", ".msg")
_MAX_ATTACHED = 10  # forwards read; more is a mailbox export, not a forward
# Attached ``.eml`` files read inside attached ``.eml`` files: each level is parsed anew.
_MAX_FILE_LEVELS = 10


@dataclass(frozen=True)
class AttachedMessage:
    """A message attached to another: its sender (display name, address with the domain
    lower-cased; either ``None`` when not given), decoded subject (``""`` if none), its own
    body text (``""`` if none, as when its whole body is a ``message/rfc822``), Date: as
    written (``None`` if none), the addresses of its To: and Cc: (domains lower-cased) and
    the messages it attaches in turn (``forwards``, in tree order)."""

    name: str | None
    address: str | None
    subject: str
    text: str
    date: str | None = None
    recipients: tuple[str, ...] = ()
    forwards: "tuple[AttachedMessage, ...]" = ()


def attached_messages(message: Message | None, levels: int = 0) -> list[AttachedMessage]:
    """Return the messages attached to ``message`` (at any depth of its MIME tree, in tree
    order), at most 10, each with those it attaches in turn (``forwards``): a forward of a
    forward attached, or whose middle level's whole body is the message it forwards.

    Args:
        message: the parsed message; ``None`` (an Outlook item's text alone) gives none.
        levels: how many attached ``.eml`` files ``message`` lies in (none are read in
            files nested deeper than 10).

    Returns:
        The attached messages that could be read; an attached file that is no message (or
        nests too deeply to parse) is left out.
    """
    if message is None:
        return []
    found: list[AttachedMessage] = []
    parents: list[int | None] = []
    open_messages: list[tuple[int, int]] = []  # (depth, index in found) of the walk's path
    for part, depth in mime_parts(message):
        while open_messages and open_messages[-1][0] >= depth:
            open_messages.pop()
        attached = _attached(part, levels)
        if attached is None:
            continue
        parents.append(open_messages[-1][1] if open_messages else None)
        open_messages.append((depth, len(found)))
        found.append(attached)
        if len(found) == _MAX_ATTACHED:
            break
    # Children come after their parent in tree order: built from the last, each is whole.
    for index in reversed(range(len(found))):
        children = [found[i] for i, parent in enumerate(parents) if parent == index]
        if children:
            found[index] = replace(found[index], forwards=(*children, *found[index].forwards))
    return found


def _attached(part: Message, levels: int) -> AttachedMessage | None:
    if part.get_content_type() in _MESSAGE_TYPES:
        payload = part.get_payload()
        inner = payload[0] if isinstance(payload, list) and payload else None
        return _from_mail(inner) if isinstance(inner, Message) else None
    if part.is_multipart() or part.get_content_maintype() == "text":
        return None
    name = (part.get_filename() or "").strip().casefold()
    data = part.get_payload(decode=True) if name.endswith(_MESSAGE_FILE_ENDINGS) else None
    if not isinstance(data, bytes):
        return None
    if data.startswith(_CFB_SIGNATURE):
        return _from_outlook(data)
    if levels >= _MAX_FILE_LEVELS:
        return None
    # Read as a too deeply nested message is (``message._decode_deep``): no deeper than 64
    # levels, with the legacy policy, whose headers are plain strings. A hostile file nested
    # hundreds of levels would otherwise cost ``policy.default`` seconds for a sender and text.
    cut = cut_before_deep_containers(data)
    try:
        inner = BytesParser(policy=policy.compat32).parsebytes(data if cut is None else cut)
    except RecursionError:
        return None
    read = _from_mail(inner) if inner.keys() else None
    if read is None:
        return None
    try:
        return replace(read, forwards=tuple(attached_messages(inner, levels + 1)))
    except RecursionError:
        return read


def _from_mail(inner: Message) -> AttachedMessage | None:
    try:
        name, address = parse_sender(raw_header(inner, "From"))
        text = message_body(inner, own=True)[0]
        subject = decoded_header(inner, "Subject")
        date, recipients = raw_header(inner, "Date"), header_recipients(inner)
        return AttachedMessage(name, address, subject, text, date, recipients)
    except RecursionError:  # comments or parts nested past the stack: not read
        return None


def _from_outlook(data: bytes) -> AttachedMessage | None:
    from app.services.intake.outlook import parse_outlook_message  # imports this module

    try:
        item = parse_outlook_message(data)
    except MessageParseError:
        return None
    sent = item.sent_at if item.date_problem is None else None
    date = format_datetime(sent) if sent is not None else None
    name, address = item.from_name, item.from_address
    return AttachedMessage(name, address, item.subject, item.body_text, date, item.recipients)
