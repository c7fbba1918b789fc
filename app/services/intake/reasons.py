"""Why triage proposed a value: the evidence a privacy officer sees before confirming."""

from dataclasses import dataclass


@dataclass(frozen=True)
class TriageReason:
    """Why triage proposed a value.

    Attributes:
        field: ``"kind"``, ``"language"``, ``"jurisdiction"`` or ``"requester"``.
        signal: e.g. ``"statute_citation"``, ``"subject_keyword"``, ``"keyword"``, ``"script"``,
            ``"stopwords"``, ``"sender"``, ``"language_default"``, ``"default"``.
        evidence: the matched text (a term such as ``"Art. 17 GDPR"`` or ``"注销账号"``), or the
            language code / jurisdiction a default was taken from.
    """

    field: str
    signal: str
    evidence: str
