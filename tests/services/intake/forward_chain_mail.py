"""Builds a forward of a forward as raw bytes, level by level, in the forms mail clients
send (QA18 F2, F3): each level forwards the next attached as a message/rfc822 part beside its
note, as its whole body (a bare message/rfc822), or as an attached .eml file."""

from base64 import encodebytes
from dataclasses import dataclass


@dataclass(frozen=True)
class Level:
    """One message of a chain: sender, To:, subject, Date: (``None``: no Date: line) and
    its own words."""

    sender: str
    to: str
    subject: str
    date: str | None
    text: str


def _headers(level: Level, content_type: str) -> bytes:
    date = f"Date: {level.date}\n" if level.date is not None else ""
    return (
        f"From: {level.sender}\nTo: {level.to}\nSubject: {level.subject}\n{date}"
        f"MIME-Version: 1.0\nContent-Type: {content_type}\n\n"
    ).encode()


def _leaf(level: Level) -> bytes:
    return _headers(level, "text/plain; charset=utf-8") + f"{level.text}\n".encode()


def _wrap(level: Level, inner: bytes, form: str, boundary: str) -> bytes:
    """``level`` forwarding ``inner`` in ``form``: "attached" (message/rfc822 part beside
    the forwarder's note), "bare" (the whole body is the message/rfc822), "eml-file" (an
    attached .eml file, base64)."""
    if form == "bare":
        return _headers(level, "message/rfc822") + inner
    mixed = _headers(level, f'multipart/mixed; boundary="{boundary}"')
    note = f"--{boundary}\nContent-Type: text/plain; charset=utf-8\n\n{level.text}\n"
    if form == "attached":
        part = b"Content-Type: message/rfc822\n\n" + inner
    else:
        part = (
            b"Content-Type: application/octet-stream\nContent-Transfer-Encoding: base64\n"
            b'Content-Disposition: attachment; filename="request.eml"\n\n' + encodebytes(inner)
        )
    return (
        mixed + note.encode() + f"--{boundary}\n".encode() + part + f"\n--{boundary}--\n".encode()
    )


def chain_of(levels: list[Level], forms: list[str]) -> bytes:
    """The chain's bytes; ``levels`` outermost first, ``forms[i]`` how ``levels[i]``
    forwards the next."""
    raw = _leaf(levels[-1])
    for index in reversed(range(len(forms))):
        raw = _wrap(levels[index], raw, forms[index], f"L{index}")
    return raw
