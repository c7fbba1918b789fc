"""Each kind of case from receipt to closure through the workflow services, with the guards
that block a step (and write nothing) and the audit chain intact at the end."""

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.errors import LetterError, TransitionBlockedError, WorkflowError
from app.models import (
    Case,
    CategoryAction,
    DataSubject,
    Event,
    IdentifierKind,
    SubjectIdentifier,
)
from app.models.enums import (
    CaseKind,
    CaseOutcome,
    CaseStatus,
    CategoryActionKind,
    Channel,
    PartyRole,
    PauseReason,
    ReceivedAtSource,
    ReviewSubject,
    VerificationMethod,
)
from app.reports.letter_text import check_letter_text
from app.services.audit import verify_chain
from app.services.clock import recompute_clock
from app.services.deadlines import RuleBook, load_rule_book
from app.services.workflow import (
    add_party,
    addressee,
    ask_requester,
    close,
    complete_action,
    decide_review,
    due_for_purge,
    log_reply,
    plan_deletion,
    purge,
    record_verification,
    request_review,
    respond,
    start_work,
    triage,
)
from app.services.workflow.categories import plan_export
from app.store import Database

HANDLER, REVIEWER = "li.handler", "wang.reviewer"
TODAY = date(2026, 11, 29)


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


def _case(
    session: Session,
    rule_book: RuleBook,
    kind: CaseKind,
    jurisdiction: str = "CN",
    received: datetime = datetime(2026, 11, 2, 2, 0, tzinfo=UTC),
    *,
    minor: bool = False,
    deceased: bool = False,
) -> Case:
    count = session.scalar(select(func.count(Case.id))) or 0
    subject = DataSubject(display_name="张三", is_minor=minor, is_deceased=deceased)
    email = f"zs{count + 1}@example.com"
    subject.identifiers.append(SubjectIdentifier(kind=IdentifierKind.EMAIL, value=email))
    case = Case(
        reference=f"PD-2026-{count + 1:06d}",
        kind=kind,
        status=CaseStatus.NEW,
        jurisdiction=jurisdiction,
        channel=Channel.EMAIL,
        received_at=received,
        received_at_source=ReceivedAtSource.DATE_HEADER,
        subject=subject,
    )
    session.add(case)
    recompute_clock(session, case, rule_book, cause="case_created", today=TODAY)
    triage(session, case, assignee=HANDLER, actor=HANDLER)
    start_work(session, case, actor=HANDLER)
    return case


def record_copy(session: Session, case: Case) -> None:
    """Record the copy of an access or copy request: every category of the inventory exported,
    at receipt (before any answer), as an answer in full requires (``copy_record``)."""
    for action in plan_export(session, case, actor=HANDLER):
        complete_action(session, case, action.category, actor=HANDLER, done_at=case.received_at)


def _verify(session: Session, case: Case, rule_book: RuleBook) -> None:
    record_verification(
        session,
        case,
        rule_book,
        method=VerificationMethod.ACCOUNT_LOGIN,
        verified=True,
        checked_at=datetime(2026, 11, 3, 2, tzinfo=UTC),
        evidence=b"login session 8f2c",
        today=TODAY,
        actor=HANDLER,
    )


def _sign_off(
    session: Session,
    case: Case,
    subject: ReviewSubject,
    grounds: list[tuple[str, str]] | None = None,
) -> None:
    review = request_review(
        session, case, subject, actor=HANDLER, grounds=grounds, printable=check_letter_text
    )
    decide_review(session, case, review, reviewer=REVIEWER, approve=True)


def _settle_partial_deletion(
    session: Session, case: Case, actions: list[CategoryAction], explanation: str
) -> None:
    """Carry out every planned category action, get both sign-offs, answer partially."""
    for action in actions:
        complete_action(session, case, action.category, actor=HANDLER)
    _sign_off(session, case, ReviewSubject.DELETION)
    _sign_off(session, case, ReviewSubject.REFUSAL, [("retention_period", explanation)])
    respond(
        session,
        case,
        CaseOutcome.PARTIALLY_FULFILLED,
        grounds=[("retention_period", explanation)],
        today=TODAY,
        actor=HANDLER,
    )


def _events(session: Session) -> int:
    return session.scalar(select(func.count(Event.id))) or 0


def test_a_partial_deletion_keeps_transaction_records_under_legal_hold(
    database: Database, rule_book: RuleBook
) -> None:
    with database.session() as session:
        case = _case(session, rule_book, CaseKind.DELETION)
        _verify(session, case, rule_book)
        actions = plan_deletion(session, case, hold_from=date(2026, 6, 30), actor=HANDLER)
        orders = next(a for a in actions if a.category == "orders")
        logs = next(a for a in actions if a.category == "access_logs")
        # E-Commerce Law Art. 31: 3 years after completion (30 Jun 2026) -> 30 Jun 2029;
        # Cybersecurity Law art. 23: 6 months -> 31 Dec 2026.
        assert (orders.action, orders.hold_until) == (
            CategoryActionKind.LEGAL_HOLD,
            date(2029, 6, 30),
        )
        assert logs.hold_until == date(2026, 12, 30)
        before = _events(session)
        with pytest.raises(TransitionBlockedError) as blocked:
            respond(session, case, CaseOutcome.PARTIALLY_FULFILLED, today=TODAY, actor=HANDLER)
        assert "refusal ground" in str(blocked.value)
        # staff read the inventory's names (resources/workflow/inventory.toml), not its keys
        assert (
            "the data categories still unsettled: "
            '"Account information", "Real-name verification, including face biometrics", '
            '"Addresses", "Support tickets and call recordings", "ICP filing records", '
            '"Orders and transactions", "Bank cards and invoices", "Access logs"; '
        ) in str(blocked.value)
        assert "sign-off of the deletion" in str(blocked.value)
        assert _events(session) == before and case.status == CaseStatus.IN_PROGRESS
        _settle_partial_deletion(session, case, actions, "orders and logs are kept by law")
        close(session, case, actor=HANDLER)
        assert (case.status, case.outcome) == (CaseStatus.CLOSED, CaseOutcome.PARTIALLY_FULFILLED)
        assert [g.code for g in case.refusal_grounds] == ["retention_period"]
        assert verify_chain(session).ok


def test_an_account_cancellation_goes_through_retention_to_purge(
    database: Database, rule_book: RuleBook
) -> None:
    with database.session() as session:
        case = _case(session, rule_book, CaseKind.ACCOUNT_CANCELLATION)
        _verify(session, case, rule_book)
        for action in plan_deletion(session, case, hold_from=date(2026, 8, 31), actor=HANDLER):
            complete_action(session, case, action.category, actor=HANDLER)
        _sign_off(session, case, ReviewSubject.DELETION)
        # Cancelled Mon 31 Aug 2026: 6 months on is 28 Feb 2027 (no 31 Feb; months never chained).
        respond(session, case, CaseOutcome.FULFILLED, today=date(2026, 8, 31), actor=HANDLER)
        assert (case.status, case.retention_purge_date) == (
            CaseStatus.IN_RETENTION,
            date(2027, 2, 28),
        )
        with pytest.raises(TransitionBlockedError, match="retention"):
            close(session, case, actor=HANDLER)
        assert due_for_purge(session, date(2027, 2, 27)) == []
        assert due_for_purge(session, date(2027, 2, 28)) == [case]
        with pytest.raises(TransitionBlockedError, match="2027-02-28"):
            purge(session, case, today=date(2027, 2, 27), actor=HANDLER)
        certificate = purge(session, case, today=date(2027, 2, 28), actor=HANDLER)
        assert case.status == CaseStatus.CLOSED and case.subject is not None
        assert (case.subject.display_name, case.subject.identifiers) == (None, [])
        assert certificate.identifiers_erased == 1
        # Orders 31 Aug 2029 and invoices 31 Aug 2056 are still held; logs ended 28 Feb 2027.
        held = {h.category: h.hold_until for h in certificate.still_held}
        assert held == {"orders": date(2029, 8, 31), "finance": date(2056, 8, 31)}
        assert verify_chain(session).ok


def test_a_refused_request_needs_a_listed_ground_and_a_second_person(
    database: Database, rule_book: RuleBook
) -> None:
    with database.session() as session:
        case = _case(session, rule_book, CaseKind.ACCESS, "EU")
        before = _events(session)
        with pytest.raises(TransitionBlockedError, match="at least one refusal ground"):
            respond(session, case, CaseOutcome.REFUSED, today=TODAY, actor=HANDLER)
        with pytest.raises(TransitionBlockedError, match="unknown: national_security"):
            respond(
                session,
                case,
                CaseOutcome.REFUSED,
                grounds=[("national_security", "")],
                today=TODAY,
                actor=HANDLER,
            )
        assert _events(session) == before
        grounds = [("manifestly_unfounded", "fifth identical request this month")]
        review = request_review(
            session,
            case,
            ReviewSubject.REFUSAL,
            actor=HANDLER,
            grounds=grounds,
            printable=check_letter_text,
        )
        with pytest.raises(TransitionBlockedError, match="second person"):
            decide_review(session, case, review, reviewer=HANDLER, approve=True)
        with pytest.raises(WorkflowError, match="why"):
            decide_review(session, case, review, reviewer=REVIEWER, approve=False)
        decide_review(session, case, review, reviewer=REVIEWER, approve=True)
        respond(session, case, CaseOutcome.REFUSED, today=TODAY, actor=HANDLER)
        assert [(g.code, g.explanation) for g in case.refusal_grounds] == grounds
        close(session, case, actor=HANDLER)
        assert case.outcome == CaseOutcome.REFUSED


def test_a_guardian_acts_for_a_minor_and_receives_the_letters(
    database: Database, rule_book: RuleBook
) -> None:
    with database.session() as session:
        adult = _case(session, rule_book, CaseKind.ACCESS)
        with pytest.raises(TransitionBlockedError, match="minor"):
            add_party(
                session,
                adult,
                PartyRole.GUARDIAN,
                name="张父",
                proof_type="户口簿",
                proof_expiry=None,
                today=TODAY,
                actor=HANDLER,
            )
        case = _case(session, rule_book, CaseKind.DELETION, minor=True)
        with pytest.raises(TransitionBlockedError, match="expired"):
            add_party(
                session,
                case,
                PartyRole.GUARDIAN,
                name="张父",
                proof_type="监护证明",
                proof_expiry=date(2026, 1, 1),
                today=TODAY,
                actor=HANDLER,
            )
        add_party(
            session,
            case,
            PartyRole.GUARDIAN,
            name="张父",
            email="father@example.com",
            relationship="parent",
            proof_type="户口簿",
            proof_expiry=None,
            today=TODAY,
            actor=HANDLER,
        )
        assert addressee(case) == ("张父", "father@example.com")
        assert addressee(adult) == ("张三", "zs1@example.com")


def test_a_close_relative_acts_for_a_deceased_subject(
    database: Database, rule_book: RuleBook
) -> None:
    with database.session() as session:
        case = _case(session, rule_book, CaseKind.COPY, deceased=True)
        with pytest.raises(TransitionBlockedError, match="close relative"):
            add_party(
                session,
                case,
                PartyRole.CLOSE_RELATIVE,
                name="李四",
                relationship="cousin",
                proof_type="亲属关系证明",
                proof_expiry=None,
                today=TODAY,
                actor=HANDLER,
            )
        add_party(
            session,
            case,
            PartyRole.CLOSE_RELATIVE,
            name="李四",
            relationship="child",
            proof_type="死亡证明 + 亲属关系证明",
            proof_expiry=None,
            today=TODAY,
            actor=HANDLER,
        )
        _verify(session, case, rule_book)
        record_copy(session, case)
        respond(session, case, CaseOutcome.FULFILLED, today=TODAY, actor=HANDLER)
        close(session, case, actor=HANDLER)
        assert case.status == CaseStatus.CLOSED


def test_waiting_for_identity_proof_pauses_and_the_reply_restarts_the_clock(
    database: Database, rule_book: RuleBook
) -> None:
    # EU access received Mon 2 Nov 2026: due Wed 2 Dec. Asked for ID on Thu 5 Nov, reply logged
    # as received Tue 10 Nov: 6 paused days (5-10 Nov) move the end to Tue 8 Dec 2026.
    with database.session() as session:
        case = _case(session, rule_book, CaseKind.ACCESS, "EU")
        assert case.due_date == date(2026, 12, 2)
        ask_requester(
            session,
            case,
            rule_book,
            PauseReason.IDENTITY_VERIFICATION,
            summary="asked for a copy of the ID",
            today=date(2026, 11, 5),
            actor=HANDLER,
        )
        assert case.status == CaseStatus.AWAITING_REQUESTER
        with pytest.raises(TransitionBlockedError):
            respond(session, case, CaseOutcome.FULFILLED, today=TODAY, actor=HANDLER)
        log_reply(
            session,
            case,
            rule_book,
            summary="ID received",
            channel="email",
            received_date=date(2026, 11, 10),
            today=date(2026, 11, 10),
            actor=HANDLER,
        )
        assert (case.status, case.due_date) == (CaseStatus.IN_PROGRESS, date(2026, 12, 8))
        assert [m.direction.value for m in case.messages] == ["outgoing", "incoming"]


def test_an_open_case_closes_early_only_with_an_outcome_that_needs_no_answer(
    database: Database, rule_book: RuleBook
) -> None:
    with database.session() as session:
        case = _case(session, rule_book, CaseKind.ACCESS)
        with pytest.raises(TransitionBlockedError, match="Answer the case"):
            close(session, case, actor=HANDLER)
        close(session, case, outcome=CaseOutcome.WITHDRAWN, actor=HANDLER)
        assert (case.status, case.outcome) == (CaseStatus.CLOSED, CaseOutcome.WITHDRAWN)


def test_a_letter_is_approved_by_a_second_person_then_sent_and_never_changes(
    database: Database, rule_book: RuleBook
) -> None:
    from app.reports.case_letters import render_case_letter
    from app.services.letters import approve_letter, generate_letter, record_sending

    with database.session() as session:
        case = _case(session, rule_book, CaseKind.ACCESS)
        stored = generate_letter(
            session,
            case.reference,
            "acknowledgement",
            "zh",
            renderer=render_case_letter,
            rule_book=rule_book,
            issued_date=TODAY,
            actor=HANDLER,
        )
        letter = case.letters[0]
        sent_at = datetime(2026, 11, 29, 3, tzinfo=UTC)
        with pytest.raises(WorkflowError, match="approved"):
            record_sending(
                session,
                case.reference,
                letter.id,
                channel="email",
                sent_at=sent_at,
                proof="<ack@xuyun.example>",
                actor=HANDLER,
            )
        with pytest.raises(TransitionBlockedError, match="second person"):
            approve_letter(session, case.reference, letter.id, reviewer=HANDLER)
        approve_letter(session, case.reference, letter.id, reviewer=REVIEWER)
        record_sending(
            session,
            case.reference,
            letter.id,
            channel="email",
            sent_at=sent_at,
            proof="<ack@xuyun.example>",
            actor=HANDLER,
        )
        assert (letter.sent_channel, letter.sha256) == ("email", stored.sha256)
        letter.pdf = b"%PDF-forged"
        with pytest.raises(ValueError, match="immutable"):
            session.flush()
        session.rollback()


def _letter_text(
    session: Session, rule_book: RuleBook, case: Case, template: str, language: str
) -> str:
    import io

    from pypdf import PdfReader

    from app.reports.case_letters import render_case_letter
    from app.services.letters import generate_letter

    stored = generate_letter(
        session,
        case.reference,
        template,
        language,
        renderer=render_case_letter,
        rule_book=rule_book,
        issued_date=TODAY,
        actor=HANDLER,
    )
    pages = PdfReader(io.BytesIO(stored.pdf)).pages
    return "".join("".join(page.extract_text().split()) for page in pages)


def test_letters_state_what_the_case_record_holds(database: Database, rule_book: RuleBook) -> None:
    with database.session() as session:
        case = _case(session, rule_book, CaseKind.DELETION, minor=True)
        add_party(
            session,
            case,
            PartyRole.GUARDIAN,
            name="张父",
            relationship="parent",
            proof_type="户口簿",
            proof_expiry=None,
            today=TODAY,
            actor=HANDLER,
        )
        assert "尊敬的张父" in _letter_text(session, rule_book, case, "acknowledgement", "zh")
        _verify(session, case, rule_book)
        actions = plan_deletion(session, case, hold_from=date(2026, 6, 30), actor=HANDLER)
        _settle_partial_deletion(session, case, actions, "订单记录依法保存")
        done = _letter_text(session, rule_book, case, "deletion_done", "zh")
        # Orders held under E-Commerce Law Art. 31 until 30 Jun 2029 (3 years from 30 Jun 2026).
        assert "订单与交易记录" in done and "2029年6月30日" in done
        assert "实名认证信息" in done
        refusal = _letter_text(session, rule_book, case, "partial_refusal", "en")
        assert "Article47(2)" in refusal and "订单记录依法保存" in refusal
        with pytest.raises(LetterError, match="no extension"):
            _letter_text(session, rule_book, case, "extension_notice", "en")
