"""QA11 command-line defects: ``list`` shows an extended case's binding due date and, in JSON,
both dates by name (D5); a database a newer version of the app upgraded gives one clear line,
not a traceback, and is left as it was (D4)."""

import hashlib
import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select, text

from app.cli import main
from app.models import Case
from app.reports.letter_text import check_letter_text
from app.services.clock_adjustments import take_extension
from app.services.deadlines import load_rule_book
from app.store import unlock
from app.store.migrations_runner import head_revision
from tests.conftest import CORPUS_INBOX

PASSPHRASE = "qa11 passphrase 十一"
# 001-en-access-default.eml: an EU access request received Tue 18 Aug 2026 (Date: header);
# due one month later, Fri 18 Sep 2026 (GDPR Art. 12(3), Reg. 1182/71 Art. 3(2)(c)), and
# two further months once extended: Wed 18 Nov 2026, a working day in Ireland.
ORIGINAL_DUE = date(2026, 9, 18)
EXTENDED_DUE = date(2026, 11, 18)


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_keyring: None) -> Path:
    monkeypatch.setenv("PRIVACY_DESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("PRIVACY_DESK_PASSPHRASE", PASSPHRASE)
    assert main(["import", str(CORPUS_INBOX / "001-en-access-default.eml")]) == 0
    return tmp_path / "data"


def _extend(data_dir: Path) -> None:
    database = unlock(data_dir / "privacy-desk.db", secrets=None, passphrase=PASSPHRASE)
    try:
        with database.session() as session:
            case = session.scalars(select(Case)).one()
            assert case.due_date == ORIGINAL_DUE
            # Taken within the first month, as the notice must be.
            extended = take_extension(
                session,
                case,
                load_rule_book(),
                printable=check_letter_text,
                reason="many systems to search",
                today=date(2026, 9, 1),
                extended_at=datetime(2026, 9, 1, 9, tzinfo=UTC),
            )
            assert extended == EXTENDED_DUE
    finally:
        database.close()


def test_list_shows_the_binding_due_date_of_an_extended_case(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["list", "--format", "json"]) == 0
    (before,) = json.loads(capsys.readouterr().out)
    assert (before["due_date"], before["original_due_date"], before["extended_due_date"]) == (
        "2026-09-18",
        "2026-09-18",
        None,
    )
    _extend(data_dir)
    assert main(["list", "--format", "json"]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert (row["due_date"], row["original_due_date"], row["extended_due_date"]) == (
        "2026-11-18",
        "2026-09-18",
        "2026-11-18",
    )
    assert main(["list"]) == 0
    assert capsys.readouterr().out == (
        "PD-2026-000001  access                new        due 2026-11-18"
        " (extended from 2026-09-18)\n"
    )


def test_a_database_from_a_newer_version_is_refused_in_one_line_and_left_alone(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = data_dir / "privacy-desk.db"
    database = unlock(path, secrets=None, passphrase=PASSPHRASE)
    with database.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '0099'"))
    database.close()
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    capsys.readouterr()
    assert main(["list"]) == 2
    assert capsys.readouterr().err == (
        "error: This database was written by a newer version of Privacy Desk (schema 0099; "
        f"this version knows up to {head_revision()}): update the app to open it.\n"
    )
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest
    assert not (data_dir / "backups").exists()
