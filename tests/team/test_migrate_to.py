"""``python -m app migrate-to``: the corpus database moved to the team server gives identical
rows, letters and hashes, the audit chain verifies there, and the local file is untouched."""

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import select

from app.cli import main
from app.models import Base, Letter
from app.models.enums import CaseKind
from app.reports.case_letters import render_case_letter
from app.services.audit import verify_chain
from app.services.deadlines import load_rule_book
from app.services.importing import ImportOutcome, import_paths
from app.services.letters import generate_letter
from app.store import Database, system_secret_store, unlock
from app.store.postgres import PASSWORD_ENV
from app.store.team_copy import table_fingerprints
from tests.conftest import CORPUS_INBOX
from tests.services import test_workflow as scenarios
from tests.team.conftest import TeamServer


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def corpus_database(tmp_path: Path) -> Path:
    """A local encrypted database (key in the keyring) holding the whole corpus inbox plus two
    cases worked to the end, one with an approved and sent letter."""
    path = tmp_path / "privacy-desk.db"
    database = unlock(path, secrets=system_secret_store(), passphrase=None, create=True)
    rule_book = load_rule_book()
    try:
        with database.session() as session:
            case = scenarios._case(session, rule_book, CaseKind.ACCESS)
            for language in ("zh", "en"):
                generate_letter(
                    session,
                    case.reference,
                    "acknowledgement",
                    language,
                    renderer=render_case_letter,
                    rule_book=rule_book,
                    issued_date=scenarios.TODAY,
                    actor=scenarios.HANDLER,
                )
        scenarios.test_a_partial_deletion_keeps_transaction_records_under_legal_hold(
            database, rule_book
        )
        report = import_paths(database.session, [CORPUS_INBOX], rule_book)
        assert report.count(ImportOutcome.IMPORTED) > 40
    finally:
        database.close()
    return path


def _rows(database: Database) -> dict[str, tuple[int, str]]:
    return table_fingerprints(database.engine, Base.metadata)


def test_the_corpus_moves_to_the_team_server_identical_and_verified(
    corpus_database: Path,
    team_server: TeamServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    before = _digest(corpus_database)
    monkeypatch.setenv(PASSWORD_ENV, team_server.password())
    url = team_server.url().render_as_string()
    assert main(["--database", str(corpus_database), "migrate-to", url]) == 0
    printed = capsys.readouterr().out
    assert _digest(corpus_database) == before
    assert "audit chain verified on the server" in printed
    local = unlock(corpus_database, secrets=system_secret_store(), passphrase=None)
    server = team_server.open("qian_auditor")
    try:
        assert _rows(server) == _rows(local)
        with local.session() as mine, server.session() as theirs:
            letters = select(Letter.id, Letter.sha256, Letter.pdf).order_by(Letter.id)
            copied = theirs.execute(letters).all()
            assert copied == mine.execute(letters).all()
            assert len(copied) == 2
            assert all(hashlib.sha256(pdf).hexdigest() == sha for _, sha, pdf in copied)
            assert verify_chain(theirs) == verify_chain(mine)
            assert verify_chain(theirs).ok
    finally:
        server.close()
        local.close()
    assert "letter: 2 rows" in printed


def test_the_cli_works_on_the_server_which_numbers_on_after_the_copied_rows(
    corpus_database: Path,
    team_server: TeamServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv(PASSWORD_ENV, team_server.password())
    assert (
        main(
            ["--database", str(corpus_database), "migrate-to", team_server.url().render_as_string()]
        )
        == 0
    )
    monkeypatch.setenv(PASSWORD_ENV, team_server.password("li_handler"))
    as_handler = team_server.url("li_handler").render_as_string()
    assert main(["list", "--database-url", as_handler]) == 0
    assert "PD-2026-000001" in capsys.readouterr().out
    with team_server.connect("li_handler") as handler:
        handler.execute(
            "INSERT INTO data_subject (display_name, is_minor, is_deceased, created_at) "
            "VALUES ('x', false, false, now())"
        )


def test_a_target_that_holds_data_is_refused_and_left_alone(
    corpus_database: Path,
    team_server: TeamServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv(PASSWORD_ENV, team_server.password())
    url = team_server.url().render_as_string()
    assert main(["--database", str(corpus_database), "migrate-to", url]) == 0
    before = _server_rows(team_server)
    assert main(["--database", str(corpus_database), "migrate-to", url]) == 2
    assert "already holds data" in capsys.readouterr().err
    assert _server_rows(team_server) == before


def _server_rows(team_server: TeamServer) -> dict[str, tuple[int, str]]:
    database = team_server.open()
    try:
        return _rows(database)
    finally:
        database.close()
