"""Invisible characters in a sender's display name: removed where they carry no meaning and
flagged, kept where a script needs them (RFC 5892 Appendix A CONTEXTJ, Unicode TR#31 §2.3;
QA12 on D8: "Zhang<ZWJ> San")."""

import base64

import pytest

from app.services.intake import triage
from app.services.intake.message import parse_message
from app.services.intake.name_characters import visible_name

ZWNJ, ZWJ, LRM, RLM, ALM = "\u200c", "\u200d", "\u200e", "\u200f", "\u061c"
SCOTLAND = "\U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f"


@pytest.mark.parametrize(
    ("written", "kept"),
    [
        # Joiners beside Latin, Han, Hangul, Cyrillic, Thai letters, or at either end.
        (f"Zhang{ZWJ} San", "Zhang San"),
        (f"张{ZWJ}三", "张三"),
        (f"王{ZWNJ}芳", "王芳"),
        (f"김{ZWJ}민수", "김민수"),
        (f"Иван{ZWNJ} Петров", "Иван Петров"),
        (f"สม{ZWJ}ชาย", "สมชาย"),
        (f"{ZWJ}Alice", "Alice"),
        (f"Alice{ZWNJ}", "Alice"),
        (f"Ava{ZWJ}👩", "Ava👩"),
        # Other invisible format characters anywhere.
        ("Li\u200bNa", "LiNa"),
        ("\ufeffWang Fang", "Wang Fang"),
        ("Wang\u2060Fang", "WangFang"),
        ("王\u00ad镕喆", "王镕喆"),
        ("\u202eevil\u202c Mallory", "evil Mallory"),
        ("\u2067Admin\u2069", "Admin"),
        # Direction marks in a name without right-to-left letters, or at the ends.
        (f"Zhang{LRM} San", "Zhang San"),
        (f"{RLM}محمد العلي", "محمد العلي"),
        (f"محمد العلي{RLM}", "محمد العلي"),
        # Tag characters outside a flag sequence.
        ("Bob\U000e0041\U000e0042", "Bob"),
    ],
)
def test_meaningless_invisibles_are_removed_and_reported(written: str, kept: str) -> None:
    assert visible_name(written) == (kept, True)


@pytest.mark.parametrize(
    "name",
    [
        # Persian and Urdu: ZWNJ between joining letters (می‌خواهم, نامه‌ها).
        f"می{ZWNJ}خواهم",
        f"نامه{ZWNJ}ها",
        f"فاطمه{ZWNJ}سادات حسینی",
        # Devanagari, Bengali, Malayalam, Sinhala: after a virama (half forms, chillu).
        f"क्{ZWJ}ष",
        f"क्{ZWNJ}ष",
        f"শ্{ZWJ}র",
        f"അവന്{ZWJ}",
        f"ශ්{ZWJ}රී",
        # Emoji ZWJ sequences, with skin tones and variation selectors.
        f"Ava 👩{ZWJ}💻 Lee",
        f"👨🏽{ZWJ}🚀 Chen",
        f"❤\ufe0f{ZWJ}🔥",
        f"🏳\ufe0f{ZWJ}🌈 Pride",
        # A subdivision flag's tags.
        f"{SCOTLAND} Fan",
        # Direction marks inside a mixed-direction name.
        f"محمد{RLM} العلي",
        f"Levi{LRM} לוי",
        f"Dana {RLM}דנה",
        f"علي{ALM} 2",
        # Nothing invisible at all.
        "José Ñúñez",
        "王镕喆",
        "O'Brien-Smith",
    ],
)
def test_joiners_and_marks_a_script_needs_are_kept(name: str) -> None:
    assert visible_name(name) == (name, False)


def test_line_breaks_and_tabs_become_spaces_unreported() -> None:
    assert visible_name("Wang\tFang\nLi") == ("Wang Fang Li", False)


def test_a_name_longer_than_any_loses_every_invisible_character() -> None:
    assert visible_name(f"می{ZWNJ}خواهم" * 300) == ("میخواهم" * 300, True)


def _encoded(text: str) -> str:
    return "=?utf-8?b?" + base64.b64encode(text.encode()).decode() + "?="


@pytest.mark.parametrize(
    ("header", "name", "flagged"),
    [
        (f"From: {_encoded(f'Zhang{ZWJ} San')} <zhang.san@example.cn>", "Zhang San", True),
        (f"From: {_encoded(f'张{ZWNJ}三')} <zhang.san@example.cn>", "张三", True),
        (f"From: {_encoded(f'می{ZWNJ}خواهم')} <a@example.ir>", f"می{ZWNJ}خواهم", False),
        (f"From: {_encoded(f'Ava 👩{ZWJ}💻')} <ava@example.com>", f"Ava 👩{ZWJ}💻", False),
        ("From: Plain Name <plain@example.com>", "Plain Name", False),
        # Reply-To's name is the requester's for a web form's mail: checked too.
        (
            "From: noreply@forms.example\r\n"
            f"Reply-To: {_encoded(f'Li{ZWJ} Na')} <li.na@example.cn>",
            "noreply@forms.example",
            True,
        ),
    ],
)
def test_a_sender_s_name_is_kept_clean_and_flagged(header: str, name: str, flagged: bool) -> None:
    raw = (
        f"{header}\r\nSubject: Deletion\r\nDate: Mon, 16 Nov 2026 10:00:00 +0800\r\n\r\n"
        "Please delete my data.\r\n"
    ).encode()
    message = parse_message(raw)
    shown = message.from_name or message.from_address
    assert (shown, message.name_invisibles) == (name, flagged)


@pytest.mark.parametrize(
    ("written", "name"),
    [
        (f"张{ZWJ}三", "张三"),
        ("\u202eLiu Yang", "Liu Yang"),
        (f"فاطمه{ZWNJ}سادات", f"فاطمه{ZWNJ}سادات"),
    ],
)
def test_a_web_form_s_labelled_name_loses_meaningless_invisibles(written: str, name: str) -> None:
    raw = (
        "From: noreply@forms.example\r\nSubject: 删除申请\r\n"
        "Date: Mon, 16 Nov 2026 10:00:00 +0800\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
        f"姓名：{written}\n邮箱：zhang.san@example.cn\n请删除我的个人信息。\r\n"
    ).encode()
    proposal = triage(parse_message(raw))
    assert (proposal.requester_name, proposal.requester_email) == (name, "zhang.san@example.cn")
