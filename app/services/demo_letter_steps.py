"""The letter steps of a demo case: ``letter:<template>:<stage>`` generates a letter, then has
it approved by a second person and its sending recorded, as far as the stage says."""

from app.models import Case
from app.services.demo_staff import REVIEWER
from app.services.demo_step_run import StepRun
from app.services.letters import approve_letter, generate_letter, record_sending

LETTER_STAGES = ("generated", "approved", "sent")


def letter_step(run: StepRun, case: Case, template: str, stage: str) -> None:
    """Generate the letter, then approve it (a second person) and record its sending, as far
    as ``stage`` says."""
    stored = generate_letter(
        run.session,
        case.reference,
        template,
        run.scenario.language,
        renderer=run.renderer,
        rule_book=run.rule_book,
        issued_date=run.on(),
        actor=run.handler,
        generated_at=run.instant(case),
    )
    letter_id = case.letters[-1].id
    if stage == "generated":
        return
    approve_letter(
        run.session, stored.reference, letter_id, reviewer=REVIEWER, approved_at=run.instant(case)
    )
    if stage == "sent":
        record_sending(
            run.session,
            stored.reference,
            letter_id,
            channel="email",
            sent_at=run.instant(case),
            proof=f"<letter-{letter_id}@example.com>",
            actor=run.handler,
        )
