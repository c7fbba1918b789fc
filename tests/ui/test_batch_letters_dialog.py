"""The batch-letters dialog over a real encrypted database: the due acknowledgements listed with
what blocks any of them, a letter previewed as an image, the ticked letters produced in the
background with progress and an end report, and a stop between letters."""

import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import Case, DataSubject, Letter
from app.models.enums import CaseKind, CaseStatus, Channel, ReceivedAtSource
from app.reports.letter_pool import render_case_job, render_in_process
from app.services.clock import recompute_clock
from app.services.deadlines import RuleBook, load_rule_book
from app.services.letter_batch import BatchKind
from app.services.letter_batch_run import BatchRenderer, BatchReport, LetterJob, RenderFailure
from app.services.letters import RenderedLetter
from app.services.workflow import start_work, triage
from app.store import Database
from app.ui.batch_letters_dialog import BatchLettersDialog, split_references
from app.ui.batch_letters_work import EACH_CASE, letter_language
from tests.services.retention_factory import HANDLER, subject

TODAY = date(2026, 11, 29)
NAMES = (("张三", "zhang.san"), ("李四𠀀", "li.si"), ("王五", "wang.wu"))


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


def _case(
    session: Session, rule_book: RuleBook, person: DataSubject | None, language: str | None = "zh"
) -> str:
    count = session.scalar(select(func.count(Case.id))) or 0
    case = Case(
        reference=f"PD-2026-{count + 1:06d}",
        kind=CaseKind.DELETION,
        status=CaseStatus.NEW,
        jurisdiction="CN",
        channel=Channel.EMAIL,
        received_at=datetime(2026, 11, 2, 2, 0, tzinfo=UTC),
        received_at_source=ReceivedAtSource.DATE_HEADER,
        subject=person,
        language=language,
        review_flags=[],
    )
    session.add(case)
    recompute_clock(session, case, rule_book, cause="case_created", today=TODAY)
    triage(session, case, assignee=HANDLER, actor=HANDLER)
    start_work(session, case, actor=HANDLER)
    return case.reference


@pytest.fixture
def references(database: Database, rule_book: RuleBook) -> list[str]:
    """Three acknowledgements due (one name with an ideograph no bundled font has), and one
    case with no address."""
    with database.session() as session:
        made = [
            _case(session, rule_book, subject(session, name, f"{mail}@example.com"))
            for name, mail in NAMES
        ]
        made.append(_case(session, rule_book, DataSubject(display_name="无邮箱")))
    return made


@contextmanager
def _in_process(_letters: int) -> Iterator[BatchRenderer]:
    yield render_in_process


@pytest.fixture
def dialog(qtbot: QtBot, database: Database, rule_book: RuleBook) -> BatchLettersDialog:
    widget = BatchLettersDialog(
        database, rule_book, lambda: TODAY, lambda: HANDLER, renderers=_in_process
    )
    qtbot.addWidget(widget)
    return widget


def _letters(database: Database) -> list[tuple[str, str]]:
    with database.session() as session:
        rows = session.scalars(select(Letter).order_by(Letter.id)).all()
        return [(letter.case.reference, letter.language) for letter in rows]


def test_the_plan_lists_the_due_cases_with_what_blocks_them(
    dialog: BatchLettersDialog, references: list[str], qtmodeltester: ModelTester
) -> None:
    assert dialog.kind_combo.currentData() == BatchKind.ACKNOWLEDGEMENTS_DUE
    assert not dialog.template_combo.isEnabled() and not dialog.generate_button.isEnabled()
    plan = dialog.plan_batch()
    assert plan is not None
    qtmodeltester.check(dialog.model)
    model = dialog.model
    assert [model.index(r, 0).data() for r in range(4)] == references
    assert model.index(0, 1).data() == "张三"
    assert model.index(0, 3).data() == "2026-11-23"  # 15 working days after 2 November
    assert model.index(0, 4).data() == "Ready"
    assert model.index(3, 4).data() == (
        "No e-mail address of the requester or the person acting for them"
    )
    check = Qt.ItemDataRole.CheckStateRole
    assert [model.index(r, 0).data(check) for r in range(4)] == [Qt.CheckState.Checked] * 3 + [
        Qt.CheckState.Unchecked
    ]
    assert not model.flags(model.index(3, 0)) & Qt.ItemFlag.ItemIsUserCheckable
    assert model.ticked_references() == tuple(references[:3])
    assert dialog.generate_button.isEnabled()


def test_a_letter_is_previewed_as_an_image(
    dialog: BatchLettersDialog, references: list[str], qtbot: QtBot, database: Database
) -> None:
    dialog.plan_batch()
    dialog.table.selectRow(2)
    task = dialog.preview()
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=60_000):
        pass
    images = dialog.preview_view.images
    assert len(images) == 1  # an acknowledgement fits on one A4 page
    page = images[0]
    assert page.height() / page.width() == pytest.approx(297 / 210, rel=0.01)
    assert not page.isNull() and page.pixelColor(page.width() // 2, 2).name() == "#ffffff"
    assert _letters(database) == []  # a preview stores nothing


def test_a_failed_preview_says_why(
    dialog: BatchLettersDialog, references: list[str], qtbot: QtBot
) -> None:
    dialog.plan_batch()
    dialog.table.selectRow(1)
    task = dialog.preview()
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=60_000):
        pass
    assert "U+20000" in dialog.preview_view.message.text()
    assert dialog.preview_view.images == []


def test_generating_stores_the_ticked_letters_and_reports_the_failure(
    dialog: BatchLettersDialog, references: list[str], qtbot: QtBot, database: Database
) -> None:
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
    dialog.plan_batch()
    first = dialog.model.index(0, 0)
    dialog.model.setData(first, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("zh"))
    with qtbot.waitSignal(dialog.generated, timeout=120_000) as signal:
        task = dialog.generate()
        assert task is not None and not dialog.generate_button.isEnabled()
    report = signal.args[0]
    assert isinstance(report, BatchReport)
    assert _letters(database) == [(references[2], "zh")]
    assert dialog.progress.value() == dialog.progress.maximum() == 2
    assert dialog.summary_text.toPlainText().splitlines()[0] == "1 letters generated, 1 failed."
    assert dialog.summary_text.toPlainText().splitlines()[1].startswith(references[1] + ": ")
    assert "U+20000" in dialog.summary_text.toPlainText()
    assert dialog.generate_button.isEnabled() and not dialog.stop_button.isEnabled()


def test_stop_keeps_the_letters_already_stored(
    qtbot: QtBot, database: Database, rule_book: RuleBook, references: list[str]
) -> None:
    resume = threading.Event()

    def gated(jobs: Sequence[LetterJob]) -> Iterator[RenderedLetter | RenderFailure]:
        """Render the first letter, then wait until the dialog has been told to stop."""
        for index, job in enumerate(jobs):
            if index:
                resume.wait(60)
            yield render_case_job(job)

    @contextmanager
    def renderers(_letters: int) -> Iterator[BatchRenderer]:
        yield gated

    dialog = BatchLettersDialog(
        database, rule_book, lambda: TODAY, lambda: HANDLER, renderers=renderers
    )
    qtbot.addWidget(dialog)
    dialog.plan_batch()
    with qtbot.waitSignal(dialog.generated, timeout=120_000) as signal:
        task = dialog.generate()
        assert task is not None
        task.progress.connect(lambda _done, _total: (dialog.stop(), resume.set()))
    report = signal.args[0]
    assert report.cancelled and len(report.generated) == 1
    assert _letters(database) == [(references[0], "zh")]
    lines = dialog.summary_text.toPlainText().splitlines()
    assert lines == [
        "1 letters generated, 0 failed.",
        "Stopped; the letters before were kept. 2 not started.",
    ]


def test_chosen_cases_take_any_template_and_typed_references(
    dialog: BatchLettersDialog, references: list[str]
) -> None:
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(BatchKind.CHOSEN_CASES))
    assert dialog.template_combo.isEnabled() and dialog.references_edit.isEnabled()
    dialog.template_combo.setCurrentIndex(dialog.template_combo.findData("refusal"))
    dialog.references_edit.setText(f"{references[0]}，{references[0]} PD-NONE")
    plan = dialog.plan_batch()
    assert plan is not None and plan.template_key == "refusal"
    assert [dialog.model.index(r, 4).data() for r in range(2)] == [
        "No refusal grounds recorded",
        "No case has this reference",
    ]
    assert not dialog.generate_button.isEnabled()


def test_references_are_split_on_any_separator() -> None:
    assert split_references(" PD-1,PD-2；PD-3、PD-1\nPD-4 ") == ["PD-1", "PD-2", "PD-3", "PD-4"]


def test_a_chosen_case_of_another_kind_is_listed_with_why_and_never_ticked(
    dialog: BatchLettersDialog, database: Database, rule_book: RuleBook
) -> None:
    from tests.services.letter_cases import open_case

    with database.session() as session:
        complaint = open_case(session, rule_book, CaseKind.COMPLAINT).reference
        cancellation = open_case(session, rule_book, CaseKind.ACCOUNT_CANCELLATION).reference
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(BatchKind.CHOSEN_CASES))
    dialog.template_combo.setCurrentIndex(dialog.template_combo.findData("deletion_done"))
    dialog.references_edit.setText(f"{complaint}, {cancellation}")
    assert dialog.plan_batch() is not None
    model = dialog.model
    # A "deletion done" letter answers no complaint (app/services/letter_fit.py); an account
    # cancellation is a deletion too.
    assert model.index(0, 4).data() == "This letter does not answer this kind of request"
    assert model.index(0, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsUserCheckable
    assert model.index(1, 4).data() == "Ready"
    assert model.ticked_references() == (cancellation,) and model.ready_count() == 1


def test_each_case_gets_its_letter_in_its_own_language_by_default(
    qtbot: QtBot, database: Database, rule_book: RuleBook
) -> None:
    """The GDPR requesters of QA's batch (German, French, Italian, Dutch) get English letters,
    the Chinese one Chinese, and one whose language triage did not find both."""
    languages = ("de", "fr", "zh", "it", "nl", None)
    with database.session() as session:
        made = [
            _case(session, rule_book, subject(session, f"P{n}", f"p{n}@example.com"), language)
            for n, language in enumerate(languages)
        ]
    dialog = BatchLettersDialog(
        database, rule_book, lambda: TODAY, lambda: HANDLER, renderers=_in_process
    )
    qtbot.addWidget(dialog)
    assert dialog.language_combo.currentData() == EACH_CASE
    dialog.plan_batch()
    assert dialog.languages == dict(zip(made, ["en", "en", "zh", "en", "en", "zh+en"], strict=True))
    shown = [dialog.model.index(row, 5).data() for row in range(len(made))]
    assert shown == ["English"] * 2 + ["Chinese"] + ["English"] * 2 + [
        "Bilingual (Chinese, then English)"
    ]
    with qtbot.waitSignal(dialog.generated, timeout=120_000):
        dialog.generate()
    assert sorted(_letters(database)) == sorted(zip(made, dialog.languages.values(), strict=True))
    assert dialog.progress.value() == dialog.progress.maximum() == len(made)
    assert dialog.summary_text.toPlainText().splitlines()[0] == "6 letters generated, 0 failed."


def test_one_language_can_still_be_chosen_for_all(
    qtbot: QtBot, database: Database, rule_book: RuleBook
) -> None:
    with database.session() as session:
        made = [
            _case(session, rule_book, subject(session, f"P{n}", f"p{n}@example.com"), language)
            for n, language in enumerate(("de", "zh"))
        ]
    dialog = BatchLettersDialog(
        database, rule_book, lambda: TODAY, lambda: HANDLER, renderers=_in_process
    )
    qtbot.addWidget(dialog)
    dialog.plan_batch()
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("zh"))
    assert dialog.languages is None and dialog.plan is not None and dialog.plan.language == "zh"
    assert [dialog.model.index(row, 5).data() for row in range(2)] == ["Chinese"] * 2
    assert dialog.model.ticked_references() == tuple(made)  # the choice keeps the ticks
    with qtbot.waitSignal(dialog.generated, timeout=120_000):
        dialog.generate()
    assert _letters(database) == [(made[0], "zh"), (made[1], "zh")]


def test_letter_language_rule() -> None:
    # Hong Kong and Taiwan write Traditional characters; Singapore Simplified (QA14 F8).
    assert [letter_language("zh", code) for code in ("HK", "TW", "SG")] == [
        "zh-Hant",
        "zh-Hant",
        "zh",
    ]
    assert letter_language(None, "HK") == "zh-Hant+en"
    assert [letter_language(c) for c in ("zh", "zh-Hant", "ZH", "en", "de", "ar", "", None)] == [
        "zh",
        "zh",
        "zh",
        "en",
        "en",
        "en",
        "zh+en",
        "zh+en",
    ]
