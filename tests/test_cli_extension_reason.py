"""``python -m app clock extend`` and ``clock correct-reason`` (QA18 F10): a reason the
extension notice could not print is refused when typed, and the reason of a case extended with
one (before this check existed) can be corrected, after which the notice prints.

The case: 001-en-access-default.eml (an EU access request) re-dated Mon 30 Nov 2026 10:00 +0100
(09:00 UTC). GDPR Art. 12(3) with Reg. 1182/71 Art. 3(2)(c): one month ends Wed 30 Dec 2026,
the last day to notify an extension; extended, three months end on 30 Feb 2027, which does not
exist, so on Sun 28 Feb 2027, moved by Art. 3(4) to Mon 1 Mar 2027.
"""

from collections.abc import Sequence
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

import app.cli.cases
import app.cli.clock
from app.cli import main
from app.models import Case, Event
from app.services.clock_adjustments import take_extension
from app.services.deadlines import load_rule_book
from app.store import unlock
from tests.conftest import CORPUS_INBOX
from tests.reports.pdf_reading import read_pdf, squash

PASSPHRASE = "extension reason 延期理由"
TODAY = date(2026, 12, 1)  # the QA run's day: within the first month
UNPRINTABLE = "大量数据 / large volume of records — 𠮷"  # U+20BB7: in no bundled face
CORRECTED = "大量数据 / large volume of records in archived systems"


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_keyring: None) -> Path:
    monkeypatch.setenv("PRIVACY_DESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("PRIVACY_DESK_PASSPHRASE", PASSPHRASE)
    # The commands count from the company's today; the test is set on the QA run's day.
    monkeypatch.setattr(app.cli.clock, "company_today", lambda: TODAY)
    monkeypatch.setattr(app.cli.cases, "company_today", lambda: TODAY)
    mail = (CORPUS_INBOX / "001-en-access-default.eml").read_bytes()
    redated = mail.replace(
        b"Date: Tue, 18 Aug 2026 22:57:00 +0200", b"Date: Mon, 30 Nov 2026 10:00:00 +0100"
    )
    assert redated != mail
    (tmp_path / "eu.eml").write_bytes(redated)
    assert main(["import", str(tmp_path / "eu.eml")]) == 0
    return tmp_path / "data"


def _reason(data_dir: Path) -> tuple[str | None, list[str]]:
    database = unlock(data_dir / "privacy-desk.db", secrets=None, passphrase=PASSPHRASE)
    try:
        with database.session() as session:
            case = session.scalars(select(Case)).one()
            actions = list(session.scalars(select(Event.action).order_by(Event.id)))
            return case.extension_reason, actions
    finally:
        database.close()


def test_extend_refuses_a_reason_the_notice_cannot_print(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    args = ["--actor", "li.na", "clock", "extend", "PD-2026-000001", "--reason"]
    assert main([*args, UNPRINTABLE]) == 2
    err = capsys.readouterr().err
    assert err.startswith(
        "error: The reason holds characters no letter font on this computer has (U+20BB7), "
        "so the extension notice could not print it: type the reason without them, or "
        "install a TrueType (.ttf) font covering CJK Extension B"
    )
    assert _reason(data_dir)[0] is None
    assert main([*args, CORRECTED]) == 0
    assert capsys.readouterr().out == ("PD-2026-000001: extended to 2027-03-01; due 2027-03-01\n")


def _accept_anything(_texts: Sequence[str]) -> None:
    """The entry as it was before QA18 F10: no font check."""


def test_a_reason_entered_before_the_check_is_corrected_and_the_notice_prints(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = unlock(data_dir / "privacy-desk.db", secrets=None, passphrase=PASSPHRASE)
    try:
        with database.session() as session:
            case = session.scalars(select(Case)).one()
            extended = take_extension(
                session,
                case,
                load_rule_book(),
                reason=UNPRINTABLE,
                printable=_accept_anything,
                today=TODAY,
            )
            assert extended == date(2027, 3, 1)
    finally:
        database.close()
    notice = tmp_path / "ext.pdf"
    letter = ["letter", "PD-2026-000001", "--template", "extension_notice", "--lang", "en"]
    capsys.readouterr()
    assert main([*letter, "-o", str(notice)]) == 2
    assert "U+20BB7" in capsys.readouterr().err
    assert not notice.exists()
    # Extending again is refused; the reason is corrected instead.
    correct = ["--actor", "li.na", "clock", "correct-reason", "PD-2026-000001", "--reason"]
    assert main([*correct, "still 𠮷"]) == 2
    assert "(U+20BB7)" in capsys.readouterr().err
    assert main([*correct, CORRECTED]) == 0
    assert capsys.readouterr().out == (
        "PD-2026-000001: extension reason corrected; due 2027-03-01\n"
    )
    reason, actions = _reason(data_dir)
    assert reason == CORRECTED
    assert actions[-1] == "clock.extension_reason_corrected"
    assert main([*letter, "-o", str(notice)]) == 0
    text = squash(" ".join(read_pdf(notice.read_bytes())[0]))
    assert "Originalduedate30December2026Newduedate1March2027" in text
    assert squash("Reasons for the extension • " + CORRECTED) in text
