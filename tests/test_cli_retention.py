"""``python -m app retention preview|anonymise|purge-due`` end to end on a real SQLCipher file.

An account cancelled on 15 Jan 2025 is kept 6 months (company policy) -> purge due 15 Jul 2025,
long before today. Its order records stay held 3 years after completion (E-Commerce Law Art.
31: 15 Jan 2025 + 36 months = 15 Jan 2028) and its invoices 30 years (accounting archives), so
the certificate lists both; access logs (6 months) have ended.
"""

import io
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.cli import USER_ERROR, main
from app.models.enums import CaseKind, CaseOutcome, ReviewSubject
from app.services.deadlines import load_rule_book
from app.services.workflow import complete_action, plan_deletion, respond
from app.store import unlock
from app.store.keys import RawKey, stored_key
from app.store.secrets import KeyringSecretStore
from tests.services.retention_factory import case_with_personal_data, subject
from tests.services.test_workflow import HANDLER, _case, _sign_off, _verify
from tests.store.helpers import dump_tables

CANCELLED_ON = date(2025, 1, 15)
OLD_NAME, OLD_EMAIL = "欧阳娜娜", "ouyang.nana@example.com"


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A database with one account cancellation due for purge, one closed case past its
    retention (closed four years ago) and one closed last week."""
    monkeypatch.setenv("PRIVACY_DESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("PRIVACY_DESK_PASSPHRASE", raising=False)
    path = tmp_path / "data" / "privacy-desk.db"
    database = unlock(path, secrets=KeyringSecretStore(), passphrase=None, create=True)
    rule_book = load_rule_book()
    now = datetime.now(UTC)
    with database.session() as s:
        case = _case(s, rule_book, CaseKind.ACCOUNT_CANCELLATION)
        _verify(s, case, rule_book)
        for action in plan_deletion(s, case, hold_from=CANCELLED_ON, actor=HANDLER):
            complete_action(s, case, action.category, actor=HANDLER)
        _sign_off(s, case, ReviewSubject.DELETION)
        respond(s, case, CaseOutcome.FULFILLED, today=CANCELLED_ON, actor=HANDLER)
        old = subject(s, OLD_NAME, OLD_EMAIL)
        case_with_personal_data(s, old, closed_at=now - timedelta(days=4 * 366))
        recent = subject(s, "新近", "recent@example.com")
        case_with_personal_data(s, recent, closed_at=now - timedelta(days=7))
    database.close()
    return tmp_path / "data"


def test_preview_then_purge_due_writes_one_certificate_per_account(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["retention", "preview"]) == 0
    preview = capsys.readouterr().out
    assert "1 closed case(s) due for anonymisation" in preview
    assert "PD-2026-000002  access" in preview and "PD-2026-000003  access" not in preview
    # The recent case keeps its record but not its verified ID document.
    assert "PD-2026-000003  1 document(s), due 2026-01-06" in preview
    assert "1 cancelled account(s) due for purge: PD-2026-000001" in preview
    assert OLD_NAME not in preview and OLD_EMAIL not in preview
    certificates = tmp_path / "certificates"
    certificates.mkdir()
    assert main(["retention", "purge-due", "--certificate-dir", str(certificates)]) == 0
    output = capsys.readouterr().out
    assert "purged PD-2026-000001" in output and "1 account(s) purged." in output
    (pdf,) = certificates.iterdir()
    assert pdf.name == "PD-2026-000001-purge-certificate.pdf"
    text = "".join(PdfReader(io.BytesIO(pdf.read_bytes())).pages[0].extract_text().split())
    for expected in (
        "PD-2026-000001",
        "已删除标识（邮箱、电话、账号）1",
        "订单与交易记录2028年1月15日",
    ):
        assert expected in text, expected
    assert "zs1@example.com" not in text
    assert main(["retention", "purge-due"]) == 0
    assert "0 account(s) purged." in capsys.readouterr().out
    assert main(["verify-audit"]) == 0


def test_anonymise_writes_the_certificate_and_leaves_no_trace_of_the_person(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    certificate = tmp_path / "anonymisation.pdf"
    args = ["retention", "anonymise", "--certificate", str(certificate), "--language", "en"]
    assert main(args) == 0
    output = capsys.readouterr().out
    assert "1 case(s) anonymised, 1 ID document(s) purged; the audit chain verifies" in output
    text = "".join(PdfReader(certificate).pages[0].extract_text().split())
    assert "PD-2026-000002" in text and "Casesanonymised1" in text
    path = data_dir / "privacy-desk.db"
    key = stored_key(KeyringSecretStore(), path)
    assert isinstance(key, RawKey)
    rows = repr(dump_tables(path, key))
    assert OLD_NAME not in rows and OLD_EMAIL not in rows
    assert "新近" in rows  # closed last week: kept


def test_nothing_is_erased_when_the_certificate_cannot_be_written(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "no-such-folder" / "certificate.pdf"
    assert main(["retention", "anonymise", "--certificate", str(missing)]) == USER_ERROR
    assert "does not exist" in capsys.readouterr().err
    assert main(["retention", "purge-due", "--certificate-dir", str(missing.parent)]) == USER_ERROR
    assert main(["retention", "preview"]) == 0
    output = capsys.readouterr().out
    assert "1 closed case(s) due" in output and "1 cancelled account(s) due" in output
    with pytest.raises(SystemExit):
        main(["retention", "preview", "--months", "0"])


@pytest.mark.parametrize(
    ("argv", "actor"),
    [
        (["--actor", "王芳", "retention", "purge-due"], "王芳"),  # the global option
        (["--actor", "王芳", "retention", "purge-due", "--actor", "li.lei"], "li.lei"),
    ],
)
def test_a_purge_is_recorded_as_the_person_named(
    data_dir: Path, argv: list[str], actor: str
) -> None:
    assert main(argv) == 0
    path = data_dir / "privacy-desk.db"
    key = stored_key(KeyringSecretStore(), path)
    assert key is not None
    events = dump_tables(path, key)["event"]
    purged = [row for row in events if "case.purged" in row]
    assert len(purged) == 1 and actor in purged[0]
