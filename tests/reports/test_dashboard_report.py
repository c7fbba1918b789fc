"""The dashboard report in Chinese and English: the figures and labels come out as text, the
CJK face is embedded, hostile handler names print literally (unprintable ones as code
points: ``test_record_placeholders``)."""

from dataclasses import replace
from datetime import date, timedelta
from zoneinfo import ZoneInfo

import pytest

from app.models.enums import CaseKind, CaseStatus
from app.reports.dashboard_report import _content, render_dashboard_report
from app.reports.dashboard_text import text_for, zone_text
from app.reports.letterhead import default_letterhead
from app.services.dashboard import DashboardFigures, DeadlineDay, HandlerLoad, WeekFlow
from tests.reports.pdf_reading import read_pdf, squash
from tests.zones import computer_zone

TODAY = date(2026, 3, 10)
FIGURES = DashboardFigures(
    today_date=TODAY,
    window_start_date=date(2025, 12, 11),
    open_by_status=((CaseStatus.NEW, 2), (CaseStatus.TRIAGED, 1), (CaseStatus.IN_PROGRESS, 3)),
    open_by_kind=((CaseKind.ACCESS, 3), (CaseKind.DELETION, 2), (CaseKind.COMPLAINT, 1)),
    due_soon=3,
    overdue=2,
    answered=4,
    answered_on_time=3,
    median_days_to_respond=14.5,
    extensions=2,
    weeks=tuple(WeekFlow(date(2025, 12, 22) + timedelta(weeks=n), n, n % 2) for n in range(12)),
    workload=(
        HandlerLoad("li.wei", 4, 0, 2),
        HandlerLoad("王芳", 2, 1, 1),
        HandlerLoad("O'Brien&Co <b>", 1, 0, 0),
        HandlerLoad(None, 2, 1, 0),
    ),
    deadline_days=tuple(DeadlineDay(TODAY + timedelta(days=n), n % 4, n <= 7) for n in range(30)),
)


def _text(language: str, figures: DashboardFigures = FIGURES) -> str:
    pages, _fonts = read_pdf(render_dashboard_report(figures, language, default_letterhead()))
    return squash("".join(pages))


def test_chinese_report_has_the_figures_and_labels() -> None:
    text = _text("zh")
    for expected in ("个人信息主体请求处理看板", "统计日期：2026年3月10日", "未结案件6",
                     "7日内到期3", "已逾期2", "75.0%（3/4）", "14.5天", "延期次数（近90日）2",
                     "未结案件（按状态）", "查阅", "投诉举报", "每周收案与结案", "W11",
                     "经办人工作量", "王芳", "未分配", "未来30日到期日历", "周一",
                     "03-10"):  # fmt: skip
        assert squash(expected) in text, expected


def test_english_report_has_the_figures_and_labels() -> None:
    text = _text("en")
    for expected in ("Privacy requests dashboard", "As of 10 March 2026", "Open cases6",
                     "Due within 7 days3", "Overdue2", "75.0% (3 of 4)", "14.5 days",
                     "Open cases by kind of request", "Deletion", "Received", "Closed",
                     "Workload per handler", "Unassigned", "Deadlines in the next 30 days",
                     "Mon", "from 11 December 2025"):  # fmt: skip
        assert squash(expected) in text, expected


def test_the_chinese_face_is_embedded() -> None:
    _pages, fonts = read_pdf(render_dashboard_report(FIGURES, "zh", default_letterhead()))
    assert any("WenQuanYi" in f.base_font and f.has_font_file2 for f in fonts)


def test_hostile_handler_name_prints_literally() -> None:
    assert squash("O'Brien&Co <b>") in _text("en")


def test_an_empty_period_reads_as_such() -> None:
    quiet = replace(FIGURES, answered=0, answered_on_time=0, median_days_to_respond=None,
                    workload=(), open_by_kind=())  # fmt: skip
    assert squash("No case answered in the period") in _text("en", quiet)
    assert squash("当前没有未结案件。") in _text("zh", quiet)


def test_other_languages_are_refused() -> None:
    with pytest.raises(ValueError):
        render_dashboard_report(FIGURES, "fr", default_letterhead())


def _window_words(context: str) -> dict[str, str]:
    """The Chinese UI's words of one translation context, by English source."""
    from xml.etree import ElementTree

    from app.resources import resource_path

    root = ElementTree.parse(resource_path("translations", "privacy_desk_zh_CN.ts")).getroot()
    table = next(c for c in root.iter("context") if c.findtext("name") == context)
    return {m.findtext("source") or "": m.findtext("translation") or "" for m in table}


def test_the_report_names_statuses_and_kinds_as_the_window_does() -> None:
    # A manager compares the printed report with the screen: 已分拣 there must not read 已分派 here.
    from app.models.enums import CaseKind, CaseStatus
    from app.reports.dashboard_text import kind_name, status_name

    statuses, kinds = _window_words("Status"), _window_words("Kind")
    for status in CaseStatus:
        assert status_name(status, "zh") == statuses[status_name(status, "en")], status
    for kind in CaseKind:
        assert kind_name(kind, "zh") == kinds[kind_name(kind, "en")], kind
    assert status_name(CaseStatus.TRIAGED, "zh") == "已分拣"
    # The workload's unassigned row: 未分配 on the screen and on paper (QA round 16, W11).
    assert text_for("zh")["unassigned"] == _window_words("WorkloadModel")["Unassigned"] == "未分配"


def test_the_chinese_intro_has_no_spaces_around_its_date() -> None:
    # A Chinese-formatted date runs on with the Chinese text around it (QA round 16, W11);
    # the window opens 90 days back, 11 December 2025 counted inclusive to 10 March 2026.
    paragraph = _content(FIGURES, "zh", ZoneInfo("Asia/Shanghai")).paragraphs[0]
    assert "按2025年12月11日起至统计日" in paragraph


@pytest.mark.parametrize("computer", ["Asia/Shanghai", "Europe/Berlin"])
def test_the_report_names_the_zone_its_dates_are_in_whatever_the_computers(
    computer: str,
) -> None:
    # dashboard_figures takes local dates in the company's zone (Asia/Shanghai) by default,
    # on any computer; Shanghai has kept UTC+08:00 all year since 1991.
    with computer_zone(computer):
        chinese, english = _text("zh"), _text("en")
    assert squash("日期按 Asia/Shanghai（UTC+08:00）。") in chinese
    assert "北京时间" not in chinese
    assert squash("dates are in Asia/Shanghai (UTC+08:00).") in english
    assert "China time" not in english


def test_another_zone_is_named_with_its_offset_on_the_report_date() -> None:
    berlin = ZoneInfo("Europe/Berlin")  # CET (UTC+01:00) on 10 March, CEST from 29 March 2026
    march = render_dashboard_report(FIGURES, "en", default_letterhead(), time_zone=berlin)
    assert squash("dates are in Europe/Berlin (UTC+01:00).") in squash("".join(read_pdf(march)[0]))
    july = replace(FIGURES, today_date=date(2026, 7, 1))
    pdf = render_dashboard_report(july, "zh", default_letterhead(), time_zone=berlin)
    assert squash("日期按 Europe/Berlin（UTC+02:00）。") in squash("".join(read_pdf(pdf)[0]))
    assert zone_text(ZoneInfo("UTC"), TODAY, "en") == "UTC (UTC)"
    assert zone_text(ZoneInfo("America/St_Johns"), TODAY, "en") == (
        "America/St_Johns (UTC-02:30)"  # Newfoundland daylight time from 8 March 2026
    )
