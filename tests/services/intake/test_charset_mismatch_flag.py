"""QA14 F3: ``charset_mismatch`` is set whenever the text read is not what the declared label
gives (UTF-8 under a Latin label as well as GBK under it), and never for ASCII or for text
that really is in its label's single-byte code page."""

import pytest

from app.services.intake.declared_charset import decode_declared

_ZH = "请删除我的个人信息，周九"  # QA14 h32: twelve characters, 36 UTF-8 bytes
_JA = "私の個人情報を削除してください。山田太郎"
_KO = "제 개인정보를 삭제해 주십시오. 김민수"


@pytest.mark.parametrize(
    ("text", "encoding", "label"),
    [
        (_ZH, "utf-8", "iso-8859-1"),  # QA14 h32
        (_ZH, "utf-8", "windows-1252"),
        (_ZH, "utf-8", "us-ascii"),
        (_ZH, "utf-8", "iso-8859-15"),
        ("Bitte löschen Sie meine Daten. Jürgen Weiß", "utf-8", "iso-8859-1"),
        ("Veuillez supprimer mes données, Hélène", "utf-8", "windows-1252"),
        ("Прошу удалить мои персональные данные", "utf-8", "iso-8859-1"),
        (_ZH, "gbk", "iso-8859-1"),  # QA14 k04, flagged before too
        (_JA, "shift_jis", "iso-8859-1"),
        (_JA, "euc_jp", "windows-1252"),
        (_KO, "euc_kr", "iso-8859-1"),
        (_ZH, "utf-8", "gbk"),
        (_ZH, "utf-8", "big5"),
        ("請刪除我的個人資料，陳大文", "big5", "gb2312"),
        ("Пожалуйста, удалите мои данные", "utf-8", "windows-1251"),
    ],
)
def test_text_read_otherwise_than_labelled_is_flagged(text: str, encoding: str, label: str) -> None:
    decoded = decode_declared(text.encode(encoding), label)
    assert (decoded.text, decoded.charset_mismatch) == (text, True)


def test_utf8_under_a_utf16_label_is_flagged() -> None:
    # A UTF-16 file re-encoded to UTF-8 on the way, its label kept: read as UTF-8.
    decoded = decode_declared("删除 my data".encode(), "utf-16")
    assert (decoded.text, decoded.charset_mismatch) == ("删除 my data", True)


@pytest.mark.parametrize(
    ("text", "encoding", "label"),
    [
        ("Please delete my personal data. John Smith", "ascii", "iso-8859-1"),
        ("Please delete my personal data.", "ascii", "us-ascii"),
        ("Please delete my personal data.", "ascii", "gbk"),
        ("Please delete my personal data.", "ascii", "utf-8"),
        ("Bitte löschen Sie meine Daten gemäß Art. 17 DSGVO. Jürgen Weiß", "latin-1", "iso-8859-1"),
        ("Veuillez supprimer mes données, Hélène Lefèvre", "latin-1", "iso-8859-1"),
        ("Solicito a eliminação dos meus dados, João Conceição", "cp1252", "windows-1252"),
        ("Proszę o usunięcie moich danych, Łukasz Żółć", "cp1250", "windows-1250"),
        ("Proszę o usunięcie moich danych, Łukasz Żółć", "iso8859_2", "iso-8859-2"),
        ("Παρακαλώ διαγράψτε τα προσωπικά μου δεδομένα", "iso8859_7", "iso-8859-7"),
        ("Прошу удалить мои персональные данные, Иван Петров", "cp1251", "windows-1251"),
        ("Прошу удалить мои персональные данные, Иван Петров", "koi8_r", "koi8-r"),
        ("Kişisel verilerimin silinmesini talep ediyorum, Gökçe", "cp1254", "windows-1254"),
        ("Bitte löschen Sie meine Daten, Jürgen", "utf-8", "utf-8"),
        (_ZH, "gb18030", "gbk"),
        ("請刪除我的個人資料，陳大文", "big5", "big5"),
        (_JA, "shift_jis", "shift_jis"),
    ],
)
def test_text_in_its_labelled_charset_is_not_flagged(text: str, encoding: str, label: str) -> None:
    decoded = decode_declared(text.encode(encoding), label)
    assert (decoded.text, decoded.charset_mismatch) == (text, False)


def test_cp1252_quotes_under_a_latin1_label_are_not_flagged() -> None:
    # Outlook's curly quotes and euro sign (cp1252 0x93, 0x94, 0x80) under "iso-8859-1": the
    # label reads as windows-1252, as mail clients read it (test_latin1_label_as_windows1252).
    text = "Bitte löschen: “Konto 4711” – 5 €"
    decoded = decode_declared(text.encode("cp1252"), "iso-8859-1")
    assert (decoded.text, decoded.charset_mismatch) == (text, False)


def test_missing_or_unknown_label_is_not_flagged() -> None:
    data = _ZH.encode()
    assert decode_declared(data, None).charset_mismatch is False
    assert decode_declared(data, "x-unknown-charset").charset_mismatch is False
