"""Triage evidence names the authority a letter came from or named by the first name
resources/triage/regulators.toml lists for it, not by the file's key (QA20 N6: "names the
regulator “uodo”", 提及监管机构“de_sn”)."""

from app.ui.labels import reason_lines
from app.ui.translations import CHINESE, ENGLISH, Translations


def test_the_jurisdiction_s_evidence_names_the_authority_not_its_key(
    translations: Translations,
) -> None:
    translations.apply(ENGLISH)
    assert reason_lines([("jurisdiction", "regulator", "uodo")]) == [
        "Jurisdiction: names the regulator “Urząd Ochrony Danych Osobowych”"
    ]
    assert translations.apply(CHINESE)
    assert reason_lines([("jurisdiction", "regulator", "de_sn")]) == [
        "适用法域: 提及监管机构“Sächsische Datenschutz- und Transparenzbeauftragte”"
    ]


def test_evidence_that_is_no_key_reads_as_recorded(translations: Translations) -> None:
    # The kind's evidence records the name as the letter wrote it; an unknown key stays too.
    translations.apply(ENGLISH)
    assert reason_lines([("kind", "regulator", "UODO"), ("jurisdiction", "regulator", "xx")]) == [
        "Kind: names the regulator “UODO”",
        "Jurisdiction: names the regulator “xx”",
    ]
