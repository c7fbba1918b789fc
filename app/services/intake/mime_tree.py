"""The MIME tree of a parsed message walked with an explicit stack and a depth bound.

The stdlib's ``Message.walk()`` and ``get_body()`` recurse once per level, so a hostile message
nested a few hundred levels deep exhausts the interpreter stack; these walks never recurse.
"""

import re
from collections.abc import Iterator
from email.message import Message

# Real mail nests a handful of levels (a forwarded message inside a signed one inside a mixed
# one); parts below this depth are never read.
MAX_MIME_DEPTH = 64
# A header that opens a container part (multipart/*, message/*), at a line start; each one
# can add a level to the tree.
_CONTAINER_HEADER = re.compile(rb"(?im)^content-type:[ \t]*(?:\r?\n[ \t]+)?(?:multipart|message)/")


def mime_parts(
    message: Message, max_depth: int = MAX_MIME_DEPTH, into_messages: bool = True
) -> Iterator[tuple[Message, int]]:
    """Yield the parts of ``message`` in ``walk()`` order with their depth (the message itself
    at 0), leaving out every part deeper than ``max_depth``.

    Args:
        message: the parsed message (any policy).
        max_depth: the deepest level yielded.
        into_messages: whether the parts of an attached message (below a ``message/*``
            part, or below ``message`` itself when it is one) are yielded.

    Returns:
        An iterator of ``(part, depth)``.
    """
    pending: list[tuple[Message, int]] = [(message, 0)]
    while pending:
        part, depth = pending.pop()
        yield part, depth
        inside = into_messages or part.get_content_maintype() != "message"
        children = (
            part.get_payload() if inside and part.is_multipart() and depth < max_depth else None
        )
        if isinstance(children, list):
            pending.extend(
                (child, depth + 1) for child in reversed(children) if isinstance(child, Message)
            )


def mime_depth(message: Message, limit: int = MAX_MIME_DEPTH) -> int:
    """Return the nesting depth of the MIME tree, counted no further than ``limit + 1``."""
    return max(depth for _, depth in mime_parts(message, limit + 1))


def cut_before_deep_containers(raw: bytes, containers: int = MAX_MIME_DEPTH) -> bytes | None:
    """Return ``raw`` cut just before its container header number ``containers + 1``, or
    ``None`` when it has no more than ``containers`` of them.

    However its parts are arranged, the cut copy nests at most ``containers`` levels, so the
    stdlib parser (which recurses per level) reads it; what lay before the cut is kept.

    Args:
        raw: the message bytes.
        containers: how many multipart/message Content-Type headers to keep.

    Returns:
        The cut bytes, or ``None``.
    """
    for count, header in enumerate(_CONTAINER_HEADER.finditer(raw), start=1):
        if count > containers:
            return raw[: header.start()]
    return None
