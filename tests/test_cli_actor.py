"""The command line records who acted: the login name or ``--actor``, never ``"system"``."""

from pathlib import Path

import pytest
from sqlalchemy import select

from app.cli import main
from app.errors import TransitionBlockedError
from app.models import Event, Letter
from app.models.enums import StaffRole
from app.services.letters import approve_letter
from app.services.settings_staff import add_staff
from app.store import unlock
from tests.conftest import CORPUS_INBOX

PASSPHRASE = "actor passphrase 审核"
REFERENCE = "PD-2026-000001"


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_keyring: None) -> Path:
    monkeypatch.setenv("PRIVACY_DESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("PRIVACY_DESK_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("LOGNAME", "alice.chen")  # getpass.getuser reads LOGNAME first
    return tmp_path / "data"


def _letter_as(tmp_path: Path, *actor: str) -> int:
    target = tmp_path / "ack.pdf"
    return main([*actor, "letter", REFERENCE, "--lang", "en", "-o", str(target), "--overwrite"])


def _actors(data_dir: Path, action: str) -> list[str]:
    db = unlock(data_dir / "privacy-desk.db", secrets=None, passphrase=PASSPHRASE)
    try:
        with db.session() as session:
            query = select(Event.actor).where(Event.action == action).order_by(Event.id)
            return list(session.scalars(query))
    finally:
        db.close()


def test_a_cli_letter_is_by_the_login_user_who_then_cannot_approve_it(
    data_dir: Path, tmp_path: Path
) -> None:
    assert main(["import", str(CORPUS_INBOX / "zh01-zh-access.eml")]) == 0
    assert _letter_as(tmp_path) == 0
    assert _actors(data_dir, "case.created") == ["alice.chen"]
    assert _actors(data_dir, "letter.generated") == ["alice.chen"]
    db = unlock(data_dir / "privacy-desk.db", secrets=None, passphrase=PASSPHRASE)
    try:
        with db.session() as session:
            letter = session.scalars(select(Letter)).one()
            assert letter.generated_by == "alice.chen"
            with pytest.raises(TransitionBlockedError):
                approve_letter(session, REFERENCE, letter.id, reviewer="alice.chen")
            assert approve_letter(session, REFERENCE, letter.id, reviewer="bo.li").approved_by
    finally:
        db.close()


def test_the_global_actor_option_names_the_person(data_dir: Path, tmp_path: Path) -> None:
    assert main(["--actor", "王芳", "import", str(CORPUS_INBOX / "zh01-zh-access.eml")]) == 0
    assert _letter_as(tmp_path, "--actor", "bo.li") == 0
    assert main(["--actor", "bo.li", "clock", "pause", REFERENCE, "--reason", "clarification"]) == 0
    assert _actors(data_dir, "case.created") == ["王芳"]
    assert _actors(data_dir, "letter.generated") == ["bo.li"]
    assert _actors(data_dir, "clock.paused") == ["bo.li"]


@pytest.mark.parametrize("name", ["system", " SYSTEM ", "", "   ", "a\x1b[31mb", "x" * 101])
def test_a_reserved_or_unprintable_actor_is_refused_before_anything_is_written(
    data_dir: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--actor", name, "import", str(CORPUS_INBOX / "zh01-zh-access.eml")]) == 2
    assert capsys.readouterr().err.startswith("error: ")
    assert not (data_dir / "privacy-desk.db").exists()


def _add_staff(data_dir: Path, *members: tuple[str, StaffRole]) -> None:
    db = unlock(data_dir / "privacy-desk.db", secrets=None, passphrase=PASSPHRASE)
    try:
        with db.session() as session:
            for name, role in members:
                add_staff(session, name, name, role, actor=members[0][0])
    finally:
        db.close()


def test_the_actor_is_recorded_as_the_staff_list_spells_the_name(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["import", str(CORPUS_INBOX / "zh01-zh-access.eml")]) == 0
    _add_staff(data_dir, ("zhao.lei", StaffRole.MANAGER), ("li.wei", StaffRole.HANDLER))
    assert _letter_as(tmp_path, "--actor", "LI.WEI") == 0
    monkeypatch.setenv("LOGNAME", "Li.Wei")  # the OS login, in another case
    assert main(["clock", "pause", REFERENCE, "--reason", "clarification"]) == 0
    assert main(["--actor", "NOBODY.ELSE", "clock", "resume", REFERENCE]) == 0
    assert _actors(data_dir, "letter.generated") == ["li.wei"]
    assert _actors(data_dir, "clock.paused") == ["li.wei"]
    assert _actors(data_dir, "clock.resumed") == ["NOBODY.ELSE"]  # on no list: as given
    db = unlock(data_dir / "privacy-desk.db", secrets=None, passphrase=PASSPHRASE)
    try:
        with db.session() as session:
            letter = session.scalars(select(Letter)).one()
            assert letter.generated_by == "li.wei"
            with pytest.raises(TransitionBlockedError):  # the author, in any case
                approve_letter(session, REFERENCE, letter.id, reviewer="li.wei")
    finally:
        db.close()
