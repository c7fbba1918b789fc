"""The levels of a forward of a forward read one by one (QA18 F3): a level whose whole body is
the message it forwards (a bare message/rfc822) has no words of its own and is followed to the
next; each level's text is its own; a chain is read no deeper than ten attached messages."""

from base64 import encodebytes

import pytest

from app.models.enums import CaseKind, ReviewFlag
from app.services.intake.files import parse_incoming
from app.services.intake.forwarded_triage import triage_forward
from app.services.intake.forwards import ForwardedSender
from app.services.intake.vocabulary import default_rules
from tests.services.intake.forward_chain_mail import Level, chain_of
from tests.services.intake.test_forward_chains import (
    DELETION,
    MIDDLE,
    ORIGINAL,
    OUTER,
    OUTER_DATE,
    USER_DATE,
)

OWN = frozenset({"xuyun.example"})


def test_a_bare_middle_level_has_no_words_of_its_own() -> None:
    raw = chain_of([OUTER, MIDDLE, ORIGINAL], ["attached", "bare"])
    request = parse_incoming(raw).forwarded_request
    assert request is not None
    chain = [(n.sender.address if n.sender else None, n.text) for n in request.chain()]
    assert chain == [("li.na@xuyun.example", ""), ("wang.xm@example.cn", DELETION)]


def test_a_chain_of_thirty_bare_levels_is_read_ten_deep() -> None:
    levels = [
        Level(f"Staff {n} <s{n}@xuyun.example>", "sales@xuyun.example", "Fwd", OUTER_DATE, "")
        for n in range(30)
    ]
    raw = chain_of([*levels, ORIGINAL], ["bare"] * 30)
    request = parse_incoming(raw).forwarded_request
    # Ten attached messages are read (more is a mailbox export): the user's, thirty levels
    # down, is never reached, and no colleague's level has words: no request is read (before,
    # the first level's text was the user's, read through every level below it).
    assert request is None


def test_an_encoded_innermost_level_below_a_bare_one_is_read() -> None:
    # The user's client wrote GB18030 in base64; the middle level is a bare message/rfc822.
    inner = (
        b"From: =?gb18030?b?zfXQocP3?= <wang.xm@example.cn>\nTo: service@xuyun.example\n"
        b"Subject: =?gb18030?b?yb6z/Q==?=\nDate: " + USER_DATE.encode() + b"\n"
        b"MIME-Version: 1.0\nContent-Type: text/plain; charset=gb18030\n"
        b"Content-Transfer-Encoding: base64\n\n"
    )
    inner += encodebytes(DELETION.encode("gb18030"))
    middle = chain_of([MIDDLE], []).split(b"\n\n", 1)[0].replace(b"text/plain", b"message/rfc822")
    raw = chain_of([OUTER], []).split(b"\n\n", 1)[0]
    raw = raw.replace(b"text/plain; charset=utf-8", b"message/rfc822") + b"\n\n"
    raw += middle.replace(b"; charset=utf-8", b"") + b"\n\n" + inner
    message = parse_incoming(raw)
    assert message.forwarded_request is not None
    nodes = [(n.sender, n.text) for n in message.forwarded_request.chain()]
    assert nodes[-1] == (ForwardedSender("王小明", "wang.xm@example.cn"), DELETION)
    assert triage_forward(message, default_rules(), OWN).kind == CaseKind.DELETION


@pytest.mark.parametrize(
    "body", [b"", b"not a message at all\n", b"Subject: x\n\n\n", b"\xff\xfe\x00garbage\n"]
)
def test_a_bare_level_holding_no_message_names_no_other_person(body: bytes) -> None:
    raw = chain_of([OUTER], []).replace(b"text/plain; charset=utf-8", b"message/rfc822")
    raw = raw.split(b"\n\n", 1)[0] + b"\n\n" + body
    message = parse_incoming(raw)
    request = message.forwarded_request
    assert request is None or [n.sender for n in request.chain()] == [None]
    proposal = triage_forward(message, default_rules(), OWN)
    assert proposal.requester_email == "wang.wei@xuyun.example"
    assert ReviewFlag.FORWARDED not in proposal.flags
