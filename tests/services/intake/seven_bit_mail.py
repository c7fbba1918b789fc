"""Builds a one-part 7-bit text mail around body bytes as given (ISO-2022 escapes and shifts
kept), for the charset tests."""


def seven_bit_mail(head: str, charset: str, body: bytes) -> bytes:
    """``head`` (header lines, each ending CRLF), a text/plain part labelled ``charset`` with
    Content-Transfer-Encoding 7bit, and ``body`` unchanged."""
    return (
        f"{head}Content-Type: text/plain; charset={charset}\r\nMIME-Version: 1.0\r\n"
        "Content-Transfer-Encoding: 7bit\r\n\r\n"
    ).encode("ascii") + body
