"""The triage vocabulary loader names the file and field of every problem."""

import shutil
from pathlib import Path

import pytest

from app.errors import TriageVocabularyError
from app.resources import resource_path
from app.services.intake.vocabulary import load_triage_rules


@pytest.fixture
def rules_copy(tmp_path: Path) -> Path:
    target = tmp_path / "triage"
    shutil.copytree(resource_path("triage"), target)
    return target


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def test_shipped_rules_load() -> None:
    rules = load_triage_rules(resource_path("triage"))
    assert {
        "zh",
        "ja",
        "ko",
        "en",
        "de",
        "fr",
        "es",
        "it",
        "nl",
        "pt",
        "pl",
        "cs",
        "hr",
        "el",
    } <= set(rules.languages)


@pytest.mark.parametrize(
    ("file", "old", "new", "field"),
    [
        ("languages/de.toml", "[kinds.deletion]", "[kinds.erasing]", "kinds.erasing"),
        ("languages/pl.toml", 'jurisdiction = "EU"', 'jurisdiction = "XX"', "jurisdiction"),
        ("languages/fr.toml", 'strong = ["effacement"', 'strnog = ["effacement"', "kinds.deletion"),
        ("rules.toml", "body_term = 1", "body_term = -1", "weights.body_term"),
        ("rules.toml", "reminder_outranks = 3", "", "weights.reminder_outranks"),
        ("rules.toml", '"objection", "explanation",\n]', '"erasure",\n]', "reminder.chased_kinds"),
        ("statutes.toml", '"17" = "deletion"', '"17" = "erase"', "statute[0].articles.17"),
        (
            "languages/nl.toml",
            '[kinds.objection]\nstrong = ["bezwaar"',
            '[kinds.objection]\nstrong = ["löschung"',
            "kinds.objection",
        ),
    ],
)
def test_malformed_field_is_named(
    rules_copy: Path, file: str, old: str, new: str, field: str
) -> None:
    _replace(rules_copy / file, old, new)
    with pytest.raises(TriageVocabularyError) as raised:
        load_triage_rules(rules_copy)
    assert raised.value.file.endswith(file.split("/")[-1])
    assert raised.value.field == field


def test_not_toml_is_reported_with_file(rules_copy: Path) -> None:
    (rules_copy / "rules.toml").write_text("weights = [", "utf-8")
    with pytest.raises(TriageVocabularyError, match=r"rules\.toml"):
        load_triage_rules(rules_copy)
