"""Who a forwarded message was from and to, as a mail client quotes the sender and the
recipients in the header block above a message it forwards inline (``forwards``): ``Name
<a@b>``, ``"Name"<a@b>;``, ``Name [mailto:a@b]``, ``a@b (Name)``, or a name alone.
"""

import re
from dataclasses import dataclass

from app.services.intake.name_characters import visible_name
from app.services.intake.word_characters import without_invisibles

_NOT_IN_ADDRESS = r"\s@<>()\[\],;:\"'“”「」（）"
_ADDRESS = re.compile(rf"[^{_NOT_IN_ADDRESS}]+@[^{_NOT_IN_ADDRESS}]+\.[^{_NOT_IN_ADDRESS}.]+")
_ADDRESS_WRAPPING = re.compile(r"[<\[(（]\s*(?:mailto:)?\s*$|^\s*[>\])）]")


@dataclass(frozen=True)
class ForwardedSender:
    """The sender of a forwarded message: display name and address (domain lower-cased),
    either ``None`` when the quoted header does not give it."""

    name: str | None
    address: str | None


def quoted_sender(value: str) -> ForwardedSender | None:
    """Read a sender as a client quotes it: ``Name <a@b>``, ``"Name"<a@b>;``, ``Name
    [mailto:a@b]``, ``a@b (Name)``, ``a@b`` or a name alone (an Exchange-internal sender).

    Args:
        value: the text after the sender label.

    Returns:
        The sender, or ``None`` when the text is empty.
    """
    visible = without_invisibles(value)
    found = _ADDRESS.search(visible)
    if found is None:
        return _named(value, None)
    local, _, domain = found.group().rpartition("@")
    before, after = visible[: found.start()], visible[found.end() :]
    rest = _ADDRESS_WRAPPING.sub("", before) + " " + _ADDRESS_WRAPPING.sub("", after)
    return _named(rest, f"{local}@{domain.lower()}")


def quoted_addresses(value: str) -> tuple[str, ...]:
    """Return the addresses in a quoted To:/Cc: value (``"service"<service@x.example>;``,
    ``a@b, c@d``), domains lower-cased, each once, in their order; names alone give none."""
    found: dict[str, None] = {}
    for written in _ADDRESS.findall(without_invisibles(value)):
        local, _, domain = written.rpartition("@")
        found.setdefault(f"{local}@{domain.lower()}", None)
    return tuple(found)


def _named(text: str, address: str | None) -> ForwardedSender | None:
    cleaned = visible_name(text)[0].replace("mailto:", " ")
    name = " ".join(cleaned.split()).strip(" \"'“”;,；，*()（）<>[]")
    if not name and address is None:
        return None
    return ForwardedSender(name or None, address)
