"""Case → New case…: a request received by phone, by letter or in person, typed in by staff.

The dialog checks the input with the same rules the service applies
(``app.services.manual_request.check_request``) and stays open on the field at fault; the
controller records the case in one short session, the way imports do.

When the e-mail, phone or account ID typed is held by an existing data subject, the dialog
says whose it is (as staff leave the field, and before OK goes through) and lets staff link the
case to that subject, the default, or record the requester as a new one. Linked under another
name, the name typed is kept on the case as the name the requester gave
(``app.services.manual_intake_subject``).
"""

from collections.abc import Callable
from datetime import UTC, datetime, tzinfo

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, QTimeZone
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.clock import COMPANY_ZONE
from app.errors import ManualIntakeError
from app.models import IdentifierKind
from app.models.enums import CaseKind, Channel
from app.services.deadlines import RuleBook
from app.services.manual_intake_subject import SubjectMatch
from app.services.manual_request import (
    MANUAL_CHANNELS,
    MANUAL_KINDS,
    ManualRequest,
    check_request,
)
from app.services.subjects import MAX_NAME_LENGTH
from app.ui.case_header import channel_label
from app.ui.form_dialog import FormDialog
from app.ui.labels import kind_label
from app.ui.messages import error_text

LANGUAGES = (("中文", "zh"), ("English", "en"))  # (shown, code): each in its own language
SubjectFinder = Callable[[str, str, str], SubjectMatch | None]
"""Returns the existing data subject holding the (e-mail, phone, account ID) typed, if any."""


# The edit shows the company's wall-clock time; holding it as UTC fields keeps this computer's
# own zone (and its daylight-saving gaps) out of it.
_WALL = QTimeZone(QTimeZone.Initialization.UTC)


def _wall_clock(instant: datetime, zone: tzinfo) -> QDateTime:
    local = instant.astimezone(zone)
    return QDateTime(
        QDate(local.year, local.month, local.day), QTime(local.hour, local.minute), _WALL
    )


class NewCaseDialog(FormDialog):
    """The form of a request received by phone, letter or in person.

    Args:
        rule_book: the jurisdictions offered (CN first selected).
        now: returns the current instant (aware UTC); the receipt defaults to it and may not
            be later.
        zone: the company's time zone, in which the receipt time is typed.
        find_subject: looks up the data subject holding an identifier typed (``None``: no
            lookup, the case is linked as the service matches it).
    """

    def __init__(
        self,
        rule_book: RuleBook,
        parent: QWidget | None = None,
        *,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
        zone: tzinfo = COMPANY_ZONE,
        find_subject: SubjectFinder | None = None,
    ) -> None:
        super().__init__(
            self.tr("New case"),
            self.tr(
                "A request received by phone, by letter or in person. The deadline runs from "
                "the time it was received."
            ),
            parent,
        )
        self._rule_book = rule_book
        self._now = now
        self._zone = zone
        self._find_subject = find_subject
        self._match: SubjectMatch | None = None
        self._build_fields()
        self._build_match()
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("QLabel { color: #c62828; }")
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)  # FormDialog's: intro, form, buttons
        layout.insertWidget(2, self.error)

    def _build_fields(self) -> None:
        self.channel = self.combo([(channel_label(c), c) for c in MANUAL_CHANNELS], Channel.PHONE)
        self.received = QDateTimeEdit()
        self.received.setTimeZone(_WALL)
        self.received.setDateTime(_wall_clock(self._now(), self._zone))
        self.received.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.received.setCalendarPopup(True)
        self.received.setMaximumDateTime(_wall_clock(self._now(), self._zone))
        self.name = QLineEdit()
        self.email = QLineEdit()
        self.phone = QLineEdit()
        self.account_id = QLineEdit()
        self.kind = self.combo([(kind_label(k), k) for k in MANUAL_KINDS])
        codes = sorted(self._rule_book.rule_sets)
        self.jurisdiction = self.combo([(code, code) for code in codes], "CN")
        self.language = self.combo(list(LANGUAGES), "zh")
        self.summary = QPlainTextEdit()
        self.summary.setTabChangesFocus(True)
        self.summary.setPlaceholderText(self.tr("What the person asks for, in their words"))
        zone_name = getattr(self._zone, "key", str(self._zone))
        rows = (
            (self.tr("Received by"), self.channel),
            (self.tr("Received at (%1)").replace("%1", zone_name), self.received),
            (self.tr("Requester's name"), self.name),
            (self.tr("E-mail"), self.email),
            (self.tr("Phone"), self.phone),
            (self.tr("Account ID"), self.account_id),
            (self.tr("Request"), self.kind),
            (self.tr("Jurisdiction"), self.jurisdiction),
            (self.tr("Language"), self.language),
            (self.tr("Summary"), self.summary),
        )
        for label, field in rows:
            self.form.addRow(label, field)
        # The notice of a matching data subject goes right below the identifiers.
        self._match_row = [field for _, field in rows].index(self.account_id) + 1

    def _build_match(self) -> None:
        """The notice of an existing data subject, below the identifiers (hidden until one
        matches)."""
        self.match_note = QLabel()
        self.match_note.setWordWrap(True)
        # The stored name is data, never markup.
        self.match_note.setTextFormat(Qt.TextFormat.PlainText)
        self.link_subject = QCheckBox(self.tr("Link the case to this data subject"))
        self.link_subject.setChecked(True)
        self.form.insertRow(self._match_row, self.match_note)
        self.form.insertRow(self._match_row + 1, self.link_subject)
        self._show_match()
        for field in (self.email, self.phone, self.account_id):
            field.editingFinished.connect(self.look_up_subject)
        self.link_subject.toggled.connect(self._show_match)
        self.name.editingFinished.connect(self._show_match)

    def look_up_subject(self) -> bool:
        """Look up the data subject holding the identifiers typed and show it; return whether
        the match changed (so a match appearing at OK is shown before anything is recorded)."""
        if self._find_subject is None:
            return False
        match = self._find_subject(self.email.text(), self.phone.text(), self.account_id.text())
        if match == self._match:
            return False
        self._match = match
        self.link_subject.setChecked(True)
        self._show_match()
        return True

    def _show_match(self) -> None:
        match = self._match
        self.match_note.setVisible(match is not None)
        self.link_subject.setVisible(match is not None)
        if match is not None:
            self.match_note.setText("\n".join(self._match_lines(match)))

    def _match_lines(self, match: SubjectMatch) -> list[str]:
        by = {
            IdentifierKind.EMAIL: self.tr("e-mail address"),
            IdentifierKind.PHONE: self.tr("phone number"),
            IdentifierKind.ACCOUNT_ID: self.tr("account ID"),
        }[match.matched_by]
        references = ", ".join(match.references) + (
            ", …" if match.case_count > len(match.references) else ""
        )
        lines = [
            self.tr("The %1 matches the existing data subject “%2” (%3).")
            .replace("%1", by)
            .replace("%2", match.display_name or self.tr("no name stored"))
            .replace("%3", self.tr("%n case(s): ", "", match.case_count) + references)
        ]
        typed = self.name.text().strip()
        if not self.link_subject.isChecked():
            kept_apart = self.tr(
                "A new data subject is recorded; the %1 stays with the existing one and is "
                "noted on the case."
            )
            lines.append(kept_apart.replace("%1", by))
        elif typed and match.display_name and typed != match.display_name:
            lines.append(
                self.tr("The name typed is kept on the case as the name the requester gave.")
            )
        return lines

    def received_at(self) -> datetime:
        """Return the receipt instant typed in (aware, in the company's zone)."""
        chosen = self.received.dateTime()
        day, time = chosen.date(), chosen.time()
        return datetime(
            day.year(), day.month(), day.day(), time.hour(), time.minute(), tzinfo=self._zone
        )

    def request(self) -> ManualRequest:
        """Return the request as entered (not yet checked)."""
        return ManualRequest(
            channel=Channel(self.channel.currentData()),
            received_at=self.received_at(),
            kind=CaseKind(self.kind.currentData()),  # Qt hands back the plain text
            jurisdiction=str(self.jurisdiction.currentData()),
            language=str(self.language.currentData()),
            requester_name=self.name.text(),
            email=self.email.text(),
            phone=self.phone.text(),
            account_id=self.account_id.text(),
            summary=self.summary.toPlainText(),
            new_subject=self._match is not None and not self.link_subject.isChecked(),
        )

    def accept(self) -> None:
        """Close only when the request passes the service's checks; else say what is wrong.
        A data subject matching only now is shown first, for staff to decide."""
        if self.look_up_subject() and self._match is not None:
            self.link_subject.setFocus()
            return
        if len(self.name.text().strip()) > MAX_NAME_LENGTH:
            # The service would store the name cut short; staff shorten it knowingly instead.
            limit = self.tr("The name is longer than %1 characters; shorten it.")
            self.error.setText(limit.replace("%1", str(MAX_NAME_LENGTH)))
            self.name.setFocus()
            return
        try:
            check_request(self.request(), self._rule_book, now=self._now())
        except ManualIntakeError as error:
            self.error.setText(error_text(str(error)))
            self._field(error.field).setFocus()
            return
        self.error.clear()
        super().accept()

    def _field(self, name: str) -> QWidget:
        fields: dict[str, QWidget] = {
            "channel": self.channel,
            "received_at": self.received,
            "requester": self.name,
            "email": self.email,
            "phone": self.phone,
            "account_id": self.account_id,
            "kind": self.kind,
            "jurisdiction": self.jurisdiction,
            "summary": self.summary,
        }
        return fields.get(name, self.summary)
