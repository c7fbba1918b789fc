"""The console account ID a letter quotes after a label, in any script: "账号：u10086",
"Benutzerkonto: müller_42", "ID de cuenta: peña-77", "логин: иван_petrov", "رقم الحساب:
xy-4471", "ชื่อผู้ใช้: สมชาย_99" (labels: ``[requester] account_labels`` in
``resources/triage/rules.toml``; the written forms: ``labelled_values``).

What counts as an ID, and why:

- Letters of any script, combining marks, digits and "_", with ".", "-", "@" and a middle dot
  ("·", "・") inside; 3-64 characters, never cut out of a longer token (a run of 65 or more
  gives nothing), never ending on the full stop, comma or bracket after it. Invisible
  characters (direction marks, zero-width joiners, NUL) are dropped first: an ID copied with
  one in it is the same ID.
- One script at a time: a Latin ID runs into the Chinese sentence around it without a space
  ("账号：u10086的数据" → "u10086"); digits go with either.
- A digit or one of "_.-@" inside: a word alone after a label ("Account: deleted",
  "账号：已注销", "Benutzerkonto: gesperrt") cannot be told from a console name.
- In Han, kana or Thai, which run on without spaces, a digit never directly followed by a
  letter ("2024年", "3次" are a date and a count), and never in the loose "label value" form
  ("账号被盗了3次" is a sentence).
- An e-mail address is an e-mail address, not an account ID ("Username: a@example.com"); an
  IBAN is a bank account ("Konto: DE89 …", Polish and German both say "konto").
- A mainland mobile number written after an account label is a phone number (accounts sign
  in with one), given back as the phone.
"""

import re
from dataclasses import dataclass
from functools import cache

from app.services.contact_points import normalise_phone
from app.services.intake.labelled_values import LabelledValue, labelled_values
from app.services.intake.word_characters import (
    SPACED_LETTER,
    UNSPACED,
    UNSPACED_LETTER,
    marks,
    without_invisibles,
)

# A middle dot (U+00B7; katakana U+30FB, halfwidth U+FF65) joins the parts of a Chinese or
# Japanese romanised name ("Zhou.Jie·2024_07") as "." does: inside an ID it is part of it, so
# two users "Zhou.Jie·…" never share a cut "Zhou.Jie". Not evidence of an ID by itself
# ("阿不都·热合曼" is a name), and search reads it as a separator (migration 0014).
_JOINERS = ".-@\u00b7\u30fb\uff65"
_SHORTEST, _LONGEST = 3, 64
# Longer runs are not read at all (an ID is never cut out of one, though the part in one
# script may be shorter); a bound keeps a letter of repeated labels linear.
_LONGEST_RUN = _LONGEST + 1
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^\W\d_]{2,}")
# Mainland mobile numbers: 11 digits from 13 to 19 (MIIT telecommunications numbering plan).
_MAINLAND_MOBILE = re.compile(r"1[3-9]\d{9}")
_IBAN = re.compile(r"[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}")
# A digit or a joiner: what tells an ID from a word.
_EVIDENCE = re.compile(r"[\d_.@-]")
_COUNTED = re.compile(rf"\d(?!\d)[{UNSPACED}]")
# A loose value of digits only ("account 2024 was opened") must be this long to be a number.
_LOOSE_DIGITS = 5


@dataclass(frozen=True)
class QuotedAccount:
    """What a letter writes after its account labels: the account ID, and a mobile number
    written there instead (``None`` where absent)."""

    account_id: str | None
    mobile: str | None


def quoted_account(text: str, labels: tuple[str, ...]) -> QuotedAccount:
    """Find the first console account ID written after one of ``labels`` in ``text``.

    Args:
        text: the letter's body (any length, any script, may hold control characters).
        labels: account labels in any language (matched case-insensitively).

    Returns:
        The account ID as written (NFKC, invisible characters dropped), and the first mobile
        number written after an account label (national form, digits), each ``None`` when
        absent.
    """
    mobile = None
    for found in labelled_values(without_invisibles(text), labels, _value_pattern()):
        account_id = _account_id(found)
        if account_id is None:
            continue
        phone = normalise_phone(account_id)
        if phone is not None and _MAINLAND_MOBILE.fullmatch(phone):
            mobile = mobile or phone
            continue
        return QuotedAccount(account_id, mobile)
    return QuotedAccount(None, mobile)


@cache
def _value_pattern() -> str:
    token = rf"[\w{marks()}{re.escape(_JOINERS)}]"
    # Nor followed on its line by a space and a digit: "138 0000 0000" is a spaced number.
    # Case-sensitive: a case-insensitive test of the mark class costs about 3 times more.
    # A run without a digit or joiner is passed over here, in C (see ``_EVIDENCE``).
    evidence = rf"(?={token}{{0,{_LONGEST_RUN - 1}}}?[\d_.@-])"
    run = rf"(?-i:{evidence}[^\W_]{token}{{0,{_LONGEST_RUN - 1}}}+)"
    return rf"({run})(?-i:(?!{token}|[^\S\r\n]\d))"


def _account_id(found: LabelledValue) -> str | None:
    if _EVIDENCE.search(found.value) is None:
        return None  # the common case of an ordinary word, ruled out in C
    account_id = _one_script(found.value).rstrip(_JOINERS)
    if not _SHORTEST <= len(account_id) <= _LONGEST or _EMAIL.fullmatch(account_id):
        return None
    if _is_iban(account_id) or _EVIDENCE.search(account_id) is None:
        return None
    if UNSPACED_LETTER.search(account_id) and (
        found.form == "loose" or _COUNTED.search(account_id)
    ):
        return None
    if found.form == "loose" and not _loose_evidence(account_id):
        return None
    return account_id


def _is_iban(value: str) -> bool:
    """Whether ``value`` is an IBAN (ISO 13616: country, check digits, 11-30 letters and
    digits, the number mod 97 is 1): a bank account ("Konto: DE89…"), not a console one."""
    if not _IBAN.fullmatch(value):
        return False
    digits = "".join(str(int(char, 36)) for char in value[4:] + value[:4])
    return int(digits) % 97 == 1


def _one_script(run: str) -> str:
    """The start of ``run`` up to the first letter of the other kind of script (spaced:
    Latin, Cyrillic...; unspaced: Han, kana, Thai); digits and marks go with either."""
    spaced, unspaced = SPACED_LETTER.search(run), UNSPACED_LETTER.search(run)
    if spaced is None or unspaced is None:
        return run
    return run[: max(spaced.start(), unspaced.start())]


def _loose_evidence(account_id: str) -> bool:
    """A value set off by a space only holds a digit or "_"; digits alone count from five
    ("account 2024 was opened" names a year)."""
    if not any(char.isdigit() or char == "_" for char in account_id):
        return False
    if any(char.isalpha() or char == "_" for char in account_id):
        return True
    return sum(char.isdigit() for char in account_id) >= _LOOSE_DIGITS
