"""Why an action on a case is refused, worded once: a table per kind of action maps each
refusal to the error its service raises and the English sentence it says, so the service
raises from the table and the Case menu shows the same sentence as a disabled action's tip
(in the UI language through ``resources/translations/errors.zh_CN.toml``, ``app.error_text``,
where each sentence is a catalogue key).

A sentence that carries case data (a date, a status) has ``{name}`` placeholders, written as in
the catalogue (``{{``/``}}`` for a literal brace), and a formatter that takes them from the
case. Such data is never personal (dates, codes of the app's enums): messages may reach logs
(``app.errors``).
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

from app.errors import PrivacyDeskError, TransitionBlockedError
from app.models import Case

CaseValues = Callable[[Case], Mapping[str, str]]
R = TypeVar("R", bound=StrEnum)


@dataclass(frozen=True)
class Refusal:
    """One reason an action cannot succeed on a case.

    Attributes:
        error: the ``PrivacyDeskError`` subclass raised for it.
        message: its English sentence; ``{name}`` placeholders are filled by ``values``.
        values: the formatter: the case -> the text of each placeholder (``None``: the
            sentence has none).
        missing: what must happen first, for a ``TransitionBlockedError``
            (``TransitionBlockedError.missing``); ignored for other errors.
    """

    error: type[PrivacyDeskError]
    message: str
    values: CaseValues | None = None
    missing: tuple[str, ...] = ()

    def text(self, case: Case) -> str:
        """Return the sentence for ``case``, its placeholders filled (a filled-in text is
        never itself parsed, so braces in it stay as they are)."""
        return self.message.format_map(self.values(case) if self.values else {})

    def exception(self, case: Case) -> PrivacyDeskError:
        """Return the error to raise for ``case`` (not raised here)."""
        if issubclass(self.error, TransitionBlockedError):
            return self.error(self.text(case), self.missing)
        return self.error(self.text(case))


def raise_refusal(table: Mapping[R, Refusal], refusal: R | None, case: Case) -> None:
    """Raise the error of ``refusal`` in ``table`` for ``case``; nothing when ``refusal`` is
    ``None`` (the action can succeed).

    Raises:
        PrivacyDeskError: the subclass the table names for ``refusal``, with its sentence.
    """
    if refusal is not None:
        raise table[refusal].exception(case)


def refusal_text(table: Mapping[R, Refusal], refusal: R | None, case: Case) -> str:
    """Return the English sentence of ``refusal`` in ``table`` for ``case`` ('' for
    ``None``): what the menu shows as a disabled action's tip, in the UI language
    (``app.ui.messages.error_text``)."""
    return "" if refusal is None else table[refusal].text(case)
