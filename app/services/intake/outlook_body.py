"""The text of an Outlook ``.msg`` item (MS-OXMSG): its plain-text body, else its HTML body, else
the HTML or text Outlook encapsulated in its compressed RTF body (MS-OXRTFEX), decoded by the
item's internet code page."""

from extract_msg.msg_classes import MessageBase, MSGFile

from app.services.intake.body import html_to_text, tidy_text
from app.services.intake.decoding import decode_text

# MAPI property tags (MS-OXPROPS): stream names without their type suffix, typed properties.
_PLAIN_BODY = "__substg1.0_1000"
_HTML_BODY = "__substg1.0_10130102"
_INTERNET_CODEPAGE = "3FDE0003"


def item_body(item: MSGFile) -> tuple[str, bool]:
    """The text of an Outlook item.

    Args:
        item: an open extract-msg item (the file's own item or an attached one).

    Returns:
        The text (tidied; HTML turned into text) and whether it came from HTML only. Plain text
        when the item has it; else the HTML body, or the HTML or text that Outlook encapsulated
        in its compressed RTF body (MS-OXRTFEX); ``("", False)`` when it has none.

    Raises:
        Whatever extract-msg raises on a damaged item; the callers treat any error as "cannot
        be read".
    """
    plain = item.getStringStream(_PLAIN_BODY)
    if plain is not None and plain.strip():
        return tidy_text(plain), False
    html = item.getStream(_HTML_BODY)
    if html:
        return html_to_text(decode_text(html, _codepage_label(item))), True
    if isinstance(item, MessageBase) and item.rtfBody:
        return _rtf_body(item)
    return "", False


def _rtf_body(item: MessageBase) -> tuple[str, bool]:
    encapsulated = item.deencapsulatedRtf
    if encapsulated is None:
        return "", False
    content = encapsulated.content
    text = content if isinstance(content, str) else decode_text(content, _codepage_label(item))
    if encapsulated.content_type == "html":
        return html_to_text(text), True
    return tidy_text(text), False


def _codepage_label(item: MSGFile) -> str | None:
    """The Windows code page of the item's internet body (PR_INTERNET_CPID) as a codec label."""
    codepage = item.getPropertyVal(_INTERNET_CODEPAGE)
    if not isinstance(codepage, int):
        return None
    return "utf-8" if codepage == 65001 else f"cp{codepage}"
