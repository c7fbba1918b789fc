"""Who wrote a forwarded message: the sender of an attached message (a ``message/rfc822``
part, or an attached ``.eml`` file) and of each message forwarded inline, as mail clients
quote it below a separator:

- Gmail: ``---------- Forwarded message ---------`` (``转发的邮件``, ``Weitergeleitete
  Nachricht``, ``Message transféré``...), then ``From:``/``发件人：``, ``Date:``, ``Subject:``;
- Outlook: ``-----Original Message-----`` (``原始邮件``, ``Ursprüngliche Nachricht``...) or a
  line of underscores, then ``From:``/``发件人:``, ``Sent:``/``发送时间:``, ``To:``, ``Subject:``;
- QQ Mail and Foxmail: ``------------------ 原始邮件 ------------------``, then
  ``发件人: "名"<a@qq.com>;``;
- Apple Mail: ``Begin forwarded message:``, then ``From:``, ``Subject:``, ``Date:``;
- Thunderbird: ``-------- Forwarded Message --------``, then ``Subject:``, ``Date:``, ``From:``.

The forwarded request (``ForwardedRequest``) is the first attached message with text (its own
or in a message it forwards in turn), or else the first inline forward; each holds its own
words only (what stands between its header block and the next one, which it forwards in turn),
so that a forward of a forward is read down to the innermost message's own text without the
notes of those who passed it on. An attached message forwards in turn the first message
quoted inline in its text, or else the first message it attaches itself (as an attachment, or
as its whole body): levels inline and attached mix in one chain.

An inline block is a run of at least two header lines, one of them a sender line with an
address, right after a separator line (dashes, underscores, or a line ending in a colon) or
of at least three lines. The wording of the separator is not matched, so a client's
language need not be listed; the header labels are, in the languages the clients ship.
"""

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from email.message import Message

from app.services.intake.attached_messages import AttachedMessage, attached_messages
from app.services.intake.forward_labels import (
    DATE_LABELS,
    HEADER_LABELS,
    RECIPIENT_LABELS,
    SENDER_LABELS,
    SUBJECT_LABELS,
)
from app.services.intake.quoted_senders import ForwardedSender as ForwardedSender  # re-exported
from app.services.intake.quoted_senders import quoted_addresses
from app.services.intake.quoted_senders import quoted_sender as quoted_sender  # re-exported

_QUOTE_MARKS = re.compile(r"^[ \t]*(?:>[ \t]?)+")
_LABEL_LINE = re.compile(
    r"^[\s>|*]*(?P<label>[^\W\d_](?:[^:：\n]{0,18}?[^\s:：])?)\**\s*[:：](?P<value>.*)$"
)
# A separator: a run of dashes, underscores, equals signs or box lines, with or without
# words between two such runs; or a line ending in a colon ("Begin forwarded message:").
_SEPARATOR = re.compile(
    r"^[\s>]*(?:[-_=*—–─]{3,}.{0,60}?[-_=*—–─]{2,}|_{8,}|-{8,}|.{1,80}[:：])\s*$"
)
_READ_CHARACTERS = 200_000  # forwards sit above the quoted text; a 50 MB body is not read whole
_MAX_SENDERS = 10


@dataclass(frozen=True)
class ForwardedRequest:
    """A forwarded message's own words: its subject (``""`` when not given), its text (for an
    inline forward, the lines below its header block down to the next forward's, quote marks
    removed; for an attached message, its text above any inline forward it holds), its sender
    when known, and the message it forwards in turn (``quoted``), if any; ``date``: its date
    as written (an attached message's Date:, an inline block's "Sent:"/"发送时间:" value;
    ``None`` when not given, read by ``quoted_dates``), ``recipients``: the addresses its
    To:/Cc: lines give (domains lower-cased), for when the company first received it
    (``first_receipt``)."""

    subject: str
    text: str
    sender: ForwardedSender | None = None
    quoted: "ForwardedRequest | None" = None
    date: str | None = None
    recipients: tuple[str, ...] = ()

    def chain(self) -> "Iterator[ForwardedRequest]":
        """Yield this message and each one it forwards in turn, outermost first."""
        node: ForwardedRequest | None = self
        while node is not None:
            yield node
            node = node.quoted

    def innermost(self, keep: Callable[[ForwardedSender], bool]) -> "ForwardedRequest | None":
        """Return the innermost message of this chain that has text and whose sender ``keep``
        accepts (one without a known sender is accepted).

        Args:
            keep: tells a sender whose words count (e.g. another person's, not the
                controller's own letter quoted back).

        Returns:
            That message; ``None`` when no message in the chain qualifies.
        """
        found: ForwardedRequest | None = None
        node: ForwardedRequest | None = self
        while node is not None:
            if node.text.strip() and (node.sender is None or keep(node.sender)):
                found = node
            node = node.quoted
        return found


def forwarded_senders(message: Message | None, body_text: str) -> tuple[ForwardedSender, ...]:
    """Return the senders of the messages ``message`` forwards, attached ones first, then
    those quoted inline in ``body_text`` in their order, then those the forwarded request's
    chain quotes inline in an attached message; each sender once, at most 10.

    Args:
        message: the parsed message (``None`` for an Outlook item: only its text is read).
        body_text: the decoded body text.

    Returns:
        The senders; empty when nothing was forwarded.
    """
    return read_forwards(message, body_text)[0]


def read_forwards(
    message: Message | None, body_text: str, embedded: Sequence[AttachedMessage] = ()
) -> tuple[tuple[ForwardedSender, ...], ForwardedRequest | None]:
    """Return what ``message`` forwards: the senders (as ``forwarded_senders``) and the
    forwarded request's own words.

    Args:
        message: the parsed message (``None`` for an Outlook item: only its text is read).
        body_text: the decoded body text.
        embedded: the messages an Outlook item holds as attachments (``outlook``), read
            after those ``message`` attaches.

    Returns:
        ``(senders, request)``: ``request`` is the first attached message with text in its
        chain (``ForwardedRequest.chain``), else the first inline forward with text below its
        header block; ``None`` when there is none.
    """
    attached = [*attached_messages(message), *embedded]
    found = [ForwardedSender(a.name, a.address) for a in attached if a.name or a.address]
    found += inline_senders(body_text)
    requests = (_request(a) for a in attached)
    request = next((r for r in requests if _has_text(r)), None) or inline_request(body_text)
    # Then those an attached message quotes inline (a forward of a forward's deepest level).
    found += [node.sender for node in request.chain() if node.sender] if request else []
    unique: dict[tuple[str | None, str | None], ForwardedSender] = {}
    for sender in found:
        key = (sender.address.casefold() if sender.address else None, sender.name)
        unique.setdefault(key, sender)
    return tuple(unique.values())[:_MAX_SENDERS], request


def _has_text(request: ForwardedRequest) -> bool:
    """Whether any message of ``request``'s chain has text."""
    return request.innermost(lambda _: True) is not None


def _request(attached: AttachedMessage) -> ForwardedRequest:
    """An attached message's words: its text above any inline forward it holds, which is
    read as the message it forwards in turn; else the first message it attaches whose chain
    has text (else its first) is."""
    named = attached.name or attached.address
    sender = ForwardedSender(attached.name, attached.address) if named else None
    lines = attached.text[:_READ_CHARACTERS].splitlines()
    blocks = list(_inline_blocks(lines))
    own, quoted = attached.text, None
    if blocks:
        own = _own_text(lines[: blocks[0][2] - len(blocks[0][1])], above_next=True)
        quoted = _chain(lines, blocks)
    elif attached.forwards:
        inner = [_request(a) for a in attached.forwards]
        quoted = next((r for r in inner if _has_text(r)), inner[0])
    return ForwardedRequest(
        attached.subject, own, sender, quoted, attached.date, attached.recipients
    )


def inline_senders(text: str) -> list[ForwardedSender]:
    """Return the senders of the messages quoted inline in ``text`` (see the module
    docstring), in their order; a header block whose sender line has neither a name nor an
    address gives none."""
    lines = text[:_READ_CHARACTERS].splitlines()
    return [sender for sender, _, _ in _inline_blocks(lines)]


def inline_request(text: str) -> ForwardedRequest | None:
    """Return the first message quoted inline in ``text``, chained to those it quotes in turn:
    each with the subject its header block gives and its own lines (below its block, above
    the next one's separator), without quote marks ("> ").

    Args:
        text: the decoded body text.

    Returns:
        The outermost request; ``None`` when ``text`` quotes no forward or no quoted message
        has text.
    """
    lines = text[:_READ_CHARACTERS].splitlines()
    request = _chain(lines, list(_inline_blocks(lines)))
    return request if request is not None and _has_text(request) else None


def forwarder_text(text: str) -> str:
    """Return the forwarder's own words in ``text``: its lines above the first message quoted
    inline, without the separator that introduces it; all of ``text`` when it quotes none."""
    lines = text[:_READ_CHARACTERS].splitlines()
    first = next(_inline_blocks(lines), None)
    if first is None:
        return text
    return _own_text(lines[: first[2] - len(first[1])], above_next=True)


def _chain(
    lines: list[str], blocks: list[tuple[ForwardedSender, list[tuple[str, str]], int]]
) -> ForwardedRequest | None:
    """The requests of the inline ``blocks``, each quoting the next, the first outermost."""
    request, stop = None, len(lines)
    for sender, block, end in reversed(blocks):
        subject = next((value for label, value in block if label in SUBJECT_LABELS), "")
        date = next((value for label, value in block if label in DATE_LABELS and value), None)
        recipients = tuple(
            address
            for label, value in block
            if label in RECIPIENT_LABELS
            for address in quoted_addresses(value)
        )
        own = _own_text(lines[end:stop], above_next=stop < len(lines))
        request = ForwardedRequest(subject, own, sender, request, date, recipients)
        stop = end - len(block)
    return request


def _own_text(lines: list[str], above_next: bool) -> str:
    """Lines without quote marks and, ``above_next`` another forward's header block, without
    the separator that introduces it ("-----Original Message-----", "On … wrote:")."""
    kept = [_QUOTE_MARKS.sub("", line) for line in lines]
    while above_next and kept and (not kept[-1].strip() or _SEPARATOR.match(kept[-1])):
        kept.pop()
    return "\n".join(kept).strip()


def _inline_blocks(
    lines: list[str],
) -> Iterator[tuple[ForwardedSender, list[tuple[str, str]], int]]:
    """Each inline forward's sender, header block and the index of the line after it."""
    index = 0
    while index < len(lines):
        block = _header_block(lines, index)
        if not block:
            index += 1
            continue
        sender = _block_sender(block)
        if sender is not None and (len(block) >= 3 or _after_separator(lines, index)):
            yield sender, block, index + len(block)
        index += len(block)


def _header_block(lines: list[str], start: int) -> list[tuple[str, str]]:
    """The (label, value) pairs of the header lines running from ``start``."""
    block = []
    for line in lines[start:]:
        match = _LABEL_LINE.match(line)
        label = match.group("label").casefold() if match else ""
        if match is None or label not in HEADER_LABELS:
            break
        block.append((label, match.group("value").strip()))
    return block


def _block_sender(block: list[tuple[str, str]]) -> ForwardedSender | None:
    if len(block) < 2:
        return None
    value = next((value for label, value in block if label in SENDER_LABELS), None)
    return None if value is None else quoted_sender(value)


def _after_separator(lines: list[str], start: int) -> bool:
    """Whether a separator line stands just above ``start`` (blank lines skipped, at most
    two: Apple Mail leaves one after "Begin forwarded message:")."""
    above = [line for line in lines[max(start - 3, 0) : start] if line.strip()]
    return bool(above) and _SEPARATOR.match(above[-1]) is not None
