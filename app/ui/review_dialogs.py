"""Dialogs of the four-eyes review: asking a second person to sign off (a refusal with its
grounds) and the reviewer's decision."""

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QPlainTextEdit, QWidget

from app.models.enums import ReviewSubject
from app.ui.enum_choice import chosen_member, enum_combo
from app.ui.form_dialog import FormDialog
from app.ui.grounds_picker import GroundsPicker
from app.ui.labels_workflow import review_label


class ReviewRequestDialog(FormDialog):
    """Ask a second person to sign off a deletion or a refusal; a refusal is signed off with
    its grounds (PIPL Art. 50: the reasons the requester will be given), ticked here.

    Args:
        grounds: the ground codes of the case's jurisdiction.
        recorded: the (code, explanation) pairs already recorded on the case.
    """

    def __init__(
        self,
        grounds: Sequence[str] = (),
        recorded: Sequence[tuple[str, str]] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Ask for review"),
            self.tr(
                "A second person, not the handler, signs off deletions, refusals and letters. "
                "A refusal is signed off with its grounds: tick them here."
            ),
            parent,
        )
        subjects = [ReviewSubject.DELETION, ReviewSubject.REFUSAL]
        self.subject = enum_combo([(review_label(s), s) for s in subjects])
        self.grounds = GroundsPicker(grounds, recorded)
        self.form.addRow(self.tr("Sign off"), self.subject)
        self.form.addRow(self.tr("Refusal grounds"), self.grounds.list)
        self.form.addRow(self.tr("What they mean here"), self.grounds.explanation)
        self.subject.currentIndexChanged.connect(self._follow_subject)
        self._follow_subject()

    def chosen_subject(self) -> ReviewSubject:
        """Return what the reviewer signs off."""
        return chosen_member(self.subject, ReviewSubject)

    def chosen_grounds(self) -> list[tuple[str, str]]:
        """Return (code, explanation) of each ticked ground (none unless a refusal)."""
        return self.grounds.chosen() if self.chosen_subject() == ReviewSubject.REFUSAL else []

    def _follow_subject(self) -> None:
        self.grounds.set_enabled(self.chosen_subject() == ReviewSubject.REFUSAL)


class ReviewDecisionDialog(FormDialog):
    """The reviewer approves or rejects (a rejection says why), seeing what a refusal gives as
    its grounds.

    Args:
        pending: (review id, description, details) of each pending review; the details (a
            refusal's grounds) are shown for the review chosen.
    """

    def __init__(
        self, pending: Sequence[tuple[int, str, str]], parent: QWidget | None = None
    ) -> None:
        super().__init__(
            self.tr("Review"),
            self.tr("Approve, or reject with the reason the handler will read."),
            parent,
        )
        self._details = {review_id: details for review_id, _, details in pending}
        self.review = self.combo([(text, review_id) for review_id, text, _ in pending])
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)  # free text typed by the handler
        self.approve = QCheckBox(self.tr("Approve"))
        self.approve.setChecked(True)
        self.comment = QPlainTextEdit()
        self.form.addRow(self.tr("Review"), self.review)
        self.form.addRow(self.tr("Grounds"), self.details)
        self.form.addRow("", self.approve)
        self.form.addRow(self.tr("Comment"), self.comment)
        self.review.currentIndexChanged.connect(self._show_details)
        self._show_details()

    def chosen_review(self) -> int | None:
        """Return the id of the review chosen (``None`` when there is none)."""
        data = self.review.currentData()
        return None if data is None else int(data)

    def _show_details(self) -> None:
        self.details.setText(self._details.get(self.chosen_review() or -1, ""))
