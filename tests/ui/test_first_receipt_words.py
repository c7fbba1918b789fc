"""A colleague's forward of a request that first reached another company mailbox, as the case
header and timeline say it: when the company first received it and when it was forwarded, in
this computer's zone, and why a forwarded original's date was not used (QA15 F2)."""

from app.models.enums import ReviewFlag
from app.ui.case_timeline_details import details_text
from app.ui.labels import flag_label, reason_lines
from app.ui.translations import ENGLISH, Translations
from tests.zones import computer_zone

# As ``first_receipt.with_first_receipt`` records them: Wed 11 Nov 2026 08:00 +0800 and the
# forward, Thu 12 Nov 2026 09:00 +0800.
RECEIVED = [
    ("received", "first_received", "2026-11-11T00:00:00+00:00"),
    ("received", "forwarded_at", "2026-11-12T01:00:00+00:00"),
]


def test_the_header_s_evidence_names_both_dates_in_the_computer_s_zone(
    translations: Translations,
) -> None:
    translations.apply(ENGLISH)
    with computer_zone("Asia/Shanghai"):
        assert reason_lines(RECEIVED) == [
            "Received: first by the company on 2026-11-11 08:00 (UTC+08:00); forwarded to the"
            " privacy team on 2026-11-12 09:00 (UTC+08:00)"
        ]
    with computer_zone("Europe/Berlin"):
        assert reason_lines(RECEIVED[:1]) == [
            "Received: first by the company on 2026-11-11 01:00 (UTC+01:00)"
        ]


def test_the_header_says_why_the_original_s_date_was_not_used(
    translations: Translations,
) -> None:
    translations.apply(ENGLISH)
    reasons = [RECEIVED[1], ("received", "original_date_not_used", "later_than_forward")]
    with computer_zone("Asia/Shanghai"):
        assert reason_lines(reasons) == [
            "Received: forwarded to the privacy team on 2026-11-12 09:00 (UTC+08:00); the"
            " original's date not used: later than the forward"
        ]
    assert flag_label(ReviewFlag.ORIGINAL_DATE_NOT_USED).endswith("confirm the receipt date")
    assert "first reached another company mailbox" in flag_label(
        ReviewFlag.RECEIVED_EARLIER_BY_COMPANY
    )


def test_the_timeline_s_case_created_names_the_first_receipt_and_the_forward(
    translations: Translations,
) -> None:
    translations.apply(ENGLISH)
    details = (
        ("forwarded_at", "2026-11-12T01:00:00+00:00"),
        ("first_received_at", "2026-11-11T00:00:00+00:00"),
        ("zone_assumed", "true"),
    )
    with computer_zone("Asia/Shanghai"):
        assert details_text(details) == (
            "Forwarded to the privacy team: 2026-11-12 09:00; First received by the company:"
            " 2026-11-11 08:00; Time zone taken from the forward: yes"
        )
    assert details_text((("original_date", "original:too_old"),)) == (
        "The original's date not used: more than 92 days before the forward"
    )
