"""What the Case › Workflow dialogs show of a case, read in the controller's session: the
grounds to choose from, the reviews waiting for a sign-off, each data category's planned action
(``app.ui.workflow_controller``)."""

from datetime import date

from app.models import Case
from app.models.enums import CategoryActionKind, ReviewDecision, ReviewSubject
from app.services.workflow import Inventory, grounds_for, recorded_grounds
from app.ui.grounds_picker import grounds_text
from app.ui.labels import ui_language
from app.ui.labels_workflow import category_action_text, review_subject_text


def grounds_of(case: Case) -> tuple[list[str], list[tuple[str, str]]]:
    """Return the ground codes of the case's jurisdiction (sorted) and the (code, explanation)
    pairs recorded on the case."""
    return sorted(grounds_for(case.jurisdiction)), recorded_grounds(case)


def pending_reviews(case: Case) -> list[tuple[int, str, str]]:
    """Return (id, "Deletion — li.handler" in the UI language, a refusal's grounds) of each
    pending review of ``case``."""
    grounds = grounds_text(recorded_grounds(case))
    return [
        (
            r.id,
            review_subject_text(r.subject, r.requested_by),
            grounds if r.subject == ReviewSubject.REFUSAL else "",
        )
        for r in case.reviews
        if r.decision == ReviewDecision.PENDING
    ]


def category_text(inventory: Inventory, key: str, action: str, hold_until: date | None) -> str:
    """Return the line of the Data categories… dialog for the category ``key`` planned as
    ``action`` (a ``CategoryActionKind`` value; a hold until ``hold_until``): its name in the
    UI language (the key itself if the inventory no longer has it) and what is done to it."""
    category = inventory.categories.get(key)
    name = (category.name_zh if ui_language() == "zh" else category.name_en) if category else key
    return category_action_text(name, CategoryActionKind(action), hold_until)
