"""The workflow steps a demo case goes through, each one a call of the real service.

Each step happens on a day after receipt, and every service is told that day, so answers,
closures, letters, reviews and extensions carry the dates of the demo's history rather than
the minute the demo was made (the dashboard's on-time rate and days to respond are measured
from them). A step is named ``name@N`` to happen ``N`` days after receipt; a step without a day
happens on the day of the step before it, the first one the day after receipt (triage). Days
only go forward, and never past today.
"""

from collections.abc import Sequence

from app.errors import DemoDataError
from app.models import Case
from app.models.enums import (
    CaseOutcome,
    MessageDirection,
    PartyRole,
    PauseReason,
    ReviewSubject,
    VerificationMethod,
)
from app.services.clock_adjustments import take_extension
from app.services.demo_letter_steps import LETTER_STAGES, letter_step
from app.services.demo_scenarios import step_day
from app.services.demo_staff import REVIEWER
from app.services.demo_step_run import Step, StepRun
from app.services.regulator_deadline import retime_after_triage
from app.services.workflow import (
    add_note,
    add_party,
    ask_requester,
    close,
    complete_action,
    decide_review,
    plan_deletion,
    record_message,
    record_verification,
    request_review,
    respond,
    start_work,
    triage,
)
from app.services.workflow.categories import plan_export

# A ground each jurisdiction's list holds, with the demo's explanation (resources/workflow).
REFUSAL_GROUNDS = {
    "CN": ("retention_period", "订单记录依《电子商务法》第三十一条须保存三年。"),
    "EU": ("compelling_grounds", "Fraud prevention on the account outweighs the objection."),
    "UK": ("legal_claims", "The data is needed for a pending legal claim."),
    "US-CA": ("unverifiable", "The request could not be verified."),
}


def _triage(run: StepRun, case: Case) -> None:
    scenario = run.scenario
    triage(
        run.session,
        case,
        kind=scenario.kind,
        jurisdiction=scenario.jurisdiction,
        assignee=run.handler,
        actor=run.handler,
    )
    retime_after_triage(run.session, case, run.rule_book, today=run.on(), actor=run.handler)


def _start(run: StepRun, case: Case) -> None:
    start_work(run.session, case, actor=run.handler)


def _verify(run: StepRun, case: Case) -> None:
    record_verification(
        run.session,
        case,
        run.rule_book,
        method=VerificationMethod.SMS_CODE,
        verified=True,
        checked_at=run.instant(case),
        evidence=b"demo: SMS code confirmed",
        today=run.today,
        actor=run.handler,
    )


def _ask(reason: PauseReason, summary: str) -> Step:
    def step(run: StepRun, case: Case) -> None:
        ask_requester(
            run.session,
            case,
            run.rule_book,
            reason,
            summary=summary,
            today=run.on(),
            actor=run.handler,
        )

    return step


def _note(run: StepRun, case: Case) -> None:
    add_note(run.session, case, run.scenario.note or "Demo note.", actor=run.handler)


def _guardian(run: StepRun, case: Case) -> None:
    if case.subject is None:
        raise DemoDataError("The guardian's demo case has no data subject.")
    case.subject.is_minor = True
    add_party(
        run.session,
        case,
        PartyRole.GUARDIAN,
        name=run.scenario.name,
        proof_type="户口簿（示例）",
        proof_expiry=None,
        relationship="parent",
        email=run.scenario.email,
        today=run.today,
        actor=run.handler,
    )
    record_message(
        run.session,
        case,
        MessageDirection.INCOMING,
        "监护人提交了户口簿复印件（示例）。",
        channel="email",
        occurred_at=run.instant(case),
        actor=run.handler,
    )


def _plan(run: StepRun, case: Case) -> None:
    plan_deletion(run.session, case, hold_from=run.on(-30), actor=run.handler)


def _plan_copy(run: StepRun, case: Case) -> None:
    """Plan the copy of every category for an access or copy request (PIPL Art. 45); the
    ``settle`` step marks each exported, and the access response can then go."""
    plan_export(run.session, case, actor=run.handler)


def _settle(run: StepRun, case: Case) -> None:
    for action in list(case.category_actions):
        if action.done_at is None:
            complete_action(
                run.session, case, action.category, actor=run.handler, done_at=run.instant(case)
            )


def _review(subject: ReviewSubject, decided: bool) -> Step:
    def step(run: StepRun, case: Case) -> None:
        at = run.instant(case)
        # A refusal is signed off with its grounds (PIPL Art. 50; ``request_review``).
        grounds = [REFUSAL_GROUNDS[case.jurisdiction]] if subject == ReviewSubject.REFUSAL else None
        review = request_review(
            run.session,
            case,
            subject,
            actor=run.handler,
            requested_at=at,
            grounds=grounds,
            printable=_printable_as_written,
        )
        if decided:
            decide_review(run.session, case, review, reviewer=REVIEWER, approve=True, decided_at=at)

    return step


def _respond(outcome: CaseOutcome) -> Step:
    def step(run: StepRun, case: Case) -> None:
        grounds = []
        if outcome in (CaseOutcome.REFUSED, CaseOutcome.PARTIALLY_FULFILLED):
            grounds = [REFUSAL_GROUNDS[case.jurisdiction]]
        respond(
            run.session,
            case,
            outcome,
            grounds=grounds,
            today=run.on(),
            actor=run.handler,
            responded_at=run.instant(case),
        )

    return step


def _close(outcome: CaseOutcome | None) -> Step:
    def step(run: StepRun, case: Case) -> None:
        close(run.session, case, outcome=outcome, actor=run.handler, closed_at=run.instant(case))

    return step


def _printable_as_written(_texts: Sequence[str]) -> None:
    """The demo's own reasons: fixed ASCII sentences the bundled Latin face prints, so there is
    nothing to check (and the letter fonts live above this layer)."""


def _extend(run: StepRun, case: Case) -> None:
    reason = "The support call recordings are archived off-site and take weeks to retrieve."
    take_extension(
        run.session,
        case,
        run.rule_book,
        reason=reason,
        printable=_printable_as_written,
        today=run.on(),
        actor=run.handler,
        extended_at=run.instant(case),
    )


STEPS: dict[str, Step] = {
    "triage": _triage,
    "start": _start,
    "verify": _verify,
    "ask_identity": _ask(
        PauseReason.IDENTITY_VERIFICATION, "Asked for identity proof (demo) / 请求身份核验"
    ),
    "ask_clarification": _ask(
        PauseReason.CLARIFICATION, "Asked which data to delete (demo) / 请求澄清删除范围"
    ),
    "note": _note,
    "guardian": _guardian,
    "plan": _plan,
    "plan_copy": _plan_copy,
    "settle": _settle,
    "review_deletion": _review(ReviewSubject.DELETION, decided=True),
    "review_refusal": _review(ReviewSubject.REFUSAL, decided=True),
    "request_deletion_review": _review(ReviewSubject.DELETION, decided=False),
    "request_refusal_review": _review(ReviewSubject.REFUSAL, decided=False),
    "respond_fulfilled": _respond(CaseOutcome.FULFILLED),
    "respond_partial": _respond(CaseOutcome.PARTIALLY_FULFILLED),
    "respond_refused": _respond(CaseOutcome.REFUSED),
    "close": _close(None),
    "close_not_request": _close(CaseOutcome.NOT_A_REQUEST),
    "close_withdrawn": _close(CaseOutcome.WITHDRAWN),
    "extend": _extend,
}


def run_step(run: StepRun, case: Case, step: str) -> None:
    """Run the step named ``step`` (see ``STEPS`` and ``letter:<template>:<stage>``), on the
    day its ``@N`` suffix names, or on the day of the step before.

    Raises:
        DemoDataError: an unknown step name, or a day before the step before's.
        WorkflowError, ClockError, LetterError: a service refused the step (a bug in the
            scenarios, since each follows the workflow's guards).
    """
    name, day = step_day(step)
    if day is not None:
        if day < run.day:
            raise DemoDataError(f"Demo step '{step}' would go back in time.")
        run.day = day
    if name.startswith("letter:"):
        _, template, stage = name.split(":")
        if stage not in LETTER_STAGES:
            raise DemoDataError(f"Unknown letter stage '{stage}'.")
        letter_step(run, case, template, stage)
        return
    if name not in STEPS:
        raise DemoDataError(f"Unknown demo step '{name}'.")
    STEPS[name](run, case)
