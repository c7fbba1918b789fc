"""The readable body of an incoming message: the text part, or the HTML part made plain text."""

import re
from email.message import EmailMessage, Message

from app.services.intake.declared_charset import DecodedText, decode_declared
from app.services.intake.mime_tree import mime_parts

_TRAILING_BLANKS = re.compile(r"[ \t]+$", re.MULTILINE)
_EXCESS_BLANK_LINES = re.compile(r"\n{3,}")
# html2text writes Markdown; these undo the escapes and heading marks it adds so that the
# officer (and triage) sees the sender's words only.
_ESCAPED_LINE_START = re.compile(r"^(\s*)\\([-+])", re.MULTILINE)
_ESCAPED_NUMBER_DOT = re.compile(r"^(\s*\d+)\\\.", re.MULTILINE)
_ESCAPED_BACKSLASH = re.compile(r"\\(\\)(?=[`*_{}\[\]()#+\-.!])")
_HEADING_MARK = re.compile(r"^#{1,6}\s+", re.MULTILINE)
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x84\x86-\x9f]")


def message_body(message: Message, own: bool = False) -> tuple[str, bool]:
    """Return the body text of a message and whether it came from HTML only.

    Args:
        message: the parsed message (``policy.default``).
        own: read the message's own words only, never the text of a message it attaches
            (a ``message/rfc822`` part, or the whole body when that is one): an attached
            message's text in a forward of a forward, each level read on its own.

    Returns:
        ``(text, html_only)``: the text/plain part decoded, or else the text/html part
        converted to plain text with ``html2text`` (``html_only`` is then ``True``); ``("",
        False)`` when the message has no text body.
    """
    part = _body_part(message, own)
    if part is None:
        return "", False
    text = _part_text(part)
    if part.get_content_subtype() == "html":
        return html_to_text(text), True
    return tidy_text(text), False


def _body_part(message: Message, own: bool = False) -> Message | None:
    if own and message.get_content_maintype() == "message":
        return None  # the whole body is the message forwarded
    if isinstance(message, EmailMessage):
        try:
            found = message.get_body(preferencelist=("plain", "html"))
        except (LookupError, ValueError, TypeError, AttributeError):
            found = None
        if found is not None:
            return found
    return _first_text_part(message, own)


def _first_text_part(message: Message, own: bool = False) -> Message | None:
    """Fallback walk for structures ``get_body`` gives up on (e.g. a text part marked inline
    inside an unusual multipart); prefers text/plain over text/html. ``own``: no part of an
    attached message (``message/*``) is looked at."""
    parts = (p for p, _ in mime_parts(message, into_messages=False)) if own else message.walk()
    candidates = [
        part
        for part in parts
        if part.get_content_maintype() == "text" and part.get_content_disposition() != "attachment"
    ]
    for subtype in ("plain", "html"):
        for part in candidates:
            if part.get_content_subtype() == subtype:
                return part
    return None


def _part_text(part: Message) -> str:
    return _decoded(part).text


def body_charset_mismatch(message: Message) -> bool:
    """Return whether the body part's declared charset did not fit its bytes.

    Args:
        message: the parsed message.

    Returns:
        ``True`` when the text/plain (or HTML) part that gives the body failed strict decoding
        in its declared charset or reads far better in another (``declared_charset``).
    """
    part = _body_part(message)
    return part is not None and _decoded(part).charset_mismatch


def _decoded(part: Message) -> DecodedText:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return DecodedText("", charset_mismatch=False)
    try:
        label = part.get_content_charset()
    except (ValueError, LookupError, TypeError):
        label = None
    return decode_declared(payload, label)


def without_controls(text: str) -> str:
    """Return body text without control characters (NUL, BEL, ESC, DEL, C1...; RFC 5322
    §2.3 allows none in mail text), keeping tabs, line breaks and form feeds.

    Args:
        text: decoded body text (e.g. an Outlook item's, which the byte-level repair of
            ``mail_bytes.prepare_mail`` never saw).

    Returns:
        The text; unchanged when it holds none.
    """
    return _CONTROLS.sub("", text)


def html_to_text(html: str) -> str:
    """Convert an HTML body to plain text with html2text, keeping every non-ASCII character.

    Args:
        html: the decoded HTML source.

    Returns:
        Plain text without tags, emphasis marks, link targets, images or Markdown escapes.
    """
    import html2text  # on first use: only HTML mail needs it, the app's start does not

    converter = html2text.HTML2Text(bodywidth=0)
    converter.unicode_snob = True
    converter.ignore_links = True
    converter.ignore_images = True
    converter.ignore_emphasis = True
    converter.ignore_tables = True
    text = converter.handle(html)
    text = _ESCAPED_BACKSLASH.sub(r"\1", text)
    text = _ESCAPED_NUMBER_DOT.sub(r"\1.", text)
    text = _ESCAPED_LINE_START.sub(r"\1\2", text)
    return tidy_text(_HEADING_MARK.sub("", text))


def tidy_text(text: str) -> str:
    """Return ``text`` with LF line ends, no trailing blanks and at most one blank line in a row."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _TRAILING_BLANKS.sub("", text)
    return _EXCESS_BLANK_LINES.sub("\n\n", text).strip("\n")
