"""What an access or copy request answered as met in full rests on: the copy recorded on the
case (PIPL Art. 45: access to and a copy of the personal information held; GDPR Art. 15(3)).

The answer gate (``lifecycle.respond``) and the access response's letter gate
(``app.services.letter_fit``: an export planned, every planned export done) ask the same, so
that a request answered in full always has its access response to send (QA13 M3).
"""

from sqlalchemy.orm import Session

from app.models import Case
from app.models.enums import CategoryActionKind
from app.services.workflow.categories import category_names
from app.services.workflow.gates import COPY_KINDS


def copy_blockers(session: Session, case: Case) -> list[str]:
    """Return what is missing before ``case`` can be answered as met in full, as far as its
    copy goes (empty for a kind answered without a copy, or when the copy is recorded): an
    export planned over the inventory, then each planned export marked done.

    Raises:
        InventoryError: the stored inventory override or the resource file is malformed.
    """
    if case.kind not in COPY_KINDS:
        return []
    exports = [a for a in case.category_actions if a.action == CategoryActionKind.EXPORT]
    if not exports:
        return ["the copy planned over the data inventory, each category exported or none held"]
    not_done = [a.category for a in exports if a.done_at is None]
    if not_done:
        return [
            "the data categories of the copy not yet exported: " + category_names(session, not_done)
        ]
    return []
