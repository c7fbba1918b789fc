"""The managers' dashboard as a PDF report, in Chinese or English (issue 6, item 4).

Pure: ``DashboardFigures`` in, PDF bytes out (no session, no Qt). Laid out like the other
reports (letterhead, embedded font subsets, escaped text: ``app.reports.layout``): the key
figures as a table, then the open cases by status and by kind, intake against closed cases per
week, the workload per handler and the next days' deadlines as a calendar. The report names no
data subject; handlers appear by their user name.
"""

from dataclasses import replace
from datetime import date
from zoneinfo import ZoneInfo

from reportlab.platypus import Flowable, KeepTogether, Spacer

from app.clock import COMPANY_ZONE
from app.reports.blocks import block_flowable
from app.reports.content import Heading, LetterContent, TableBlock
from app.reports.dashboard_drawings import bar_chart, calendar_grid, weekly_chart
from app.reports.dashboard_text import LANGUAGES, kind_name, status_name, text_for, zone_text
from app.reports.fonts import FontStack, default_font_stack
from app.reports.layout import lay_out_pdf, letter_story
from app.reports.letterhead import Letterhead
from app.reports.pages import PageDecorations
from app.reports.placeholders import placeholders_for
from app.reports.styles import letter_styles
from app.reports.terms import load_terms
from app.services.dashboard import DashboardFigures


def render_dashboard_report(
    figures: DashboardFigures,
    language: str,
    letterhead: Letterhead,
    fonts: FontStack | None = None,
    *,
    time_zone: ZoneInfo = COMPANY_ZONE,
) -> bytes:
    """Return the dashboard as an A4 PDF.

    Args:
        figures: the computed dashboard (``app.services.dashboard.dashboard_figures``).
        language: ``"zh"`` or ``"en"``.
        letterhead: the company. fonts: embedded faces (default: the shipped stack).
        time_zone: the zone ``dashboard_figures`` took local dates in (its ``time_zone``,
            by default the company's, Asia/Shanghai, whatever this computer's zone): the
            report names it, with its offset on the report date.

    Returns:
        PDF bytes with the fonts embedded as TrueType subsets; a character no font can draw
        is shown as ``[U+XXXX]`` and listed under the title.

    Raises:
        ValueError: an unknown language.
        FontLoadError: a shipped font is missing or damaged.
    """
    if language not in LANGUAGES:
        raise ValueError(f"the dashboard report is in Chinese or English, not {language!r}")
    stack = fonts or default_font_stack()
    text = text_for(language)
    content = _content(figures, language, time_zone)
    sections = _sections(figures, language)
    # Always produced: a character no font can draw (an emoji in a handler's user name)
    # prints as its code point, listed under the title (``placeholders``).
    shown = placeholders_for(
        [*content.printed_texts(), *letterhead.printed_texts(), *sections], stack
    )
    content, letterhead = shown.record(content, letterhead)
    figures = replace(
        figures,
        workload=tuple(
            replace(load, assignee=shown.shown(load.assignee) if load.assignee else None)
            for load in figures.workload
        ),
    )
    styles = letter_styles(language, stack)
    pages = PageDecorations(
        letterhead, language, content.reference_line, content.page_number, stack, styles
    )
    story = letter_story(content, letterhead, stack) + _charts(figures, language, stack)
    return lay_out_pdf(story, pages, text["title"])


def _content(figures: DashboardFigures, language: str, zone: ZoneInfo) -> LetterContent:
    text = text_for(language)
    as_of = _date(figures.today_date, language)
    return LetterContent(
        language=language,
        title=text["title"],
        reference_line=text["as_of"].format(date=as_of),
        date_line="",
        salutation="",
        facts=_key_figures(figures, language),
        paragraphs=(
            text["intro"].format(
                start=_date(figures.window_start_date, language),
                zone=zone_text(zone, figures.today_date, language),
            ),
        ),
        closing=(),
        signature=(),
        page_number=load_terms(language).page_number,
    )


def _key_figures(figures: DashboardFigures, language: str) -> tuple[tuple[str, str], ...]:
    text = text_for(language)
    rate = figures.on_time_rate
    median = figures.median_days_to_respond
    return (
        (text["open"], str(figures.open_total)),
        (text["due_soon"], str(figures.due_soon)),
        (text["overdue"], str(figures.overdue)),
        (
            text["on_time"],
            text["rate"].format(
                rate=rate * 100, on_time=figures.answered_on_time, answered=figures.answered
            )
            if rate is not None
            else text["none_answered"],
        ),
        (text["median"], text["days"].format(days=median) if median is not None else "—"),
        (text["extensions"], str(figures.extensions)),
    )


def _sections(figures: DashboardFigures, language: str) -> list[str]:
    """Every string the charts and tables print (for the glyph check)."""
    text = text_for(language)
    names = [load.assignee or text["unassigned"] for load in figures.workload]
    kinds = [kind_name(kind, language) for kind, _ in figures.open_by_kind]
    statuses = [status_name(status, language) for status, _ in figures.open_by_status]
    return [*names, *kinds, *statuses, *text.values()]


def _charts(figures: DashboardFigures, language: str, fonts: FontStack) -> list[Flowable]:
    text = text_for(language)
    styles = letter_styles(language, fonts)

    def heading(key: str) -> Flowable:
        return block_flowable(Heading(text[key]), fonts, styles)

    by_status = [(status_name(s, language), n) for s, n in figures.open_by_status]
    by_kind = [(kind_name(k, language), n) for k, n in figures.open_by_kind]
    weeks = [f"W{w.iso_week[1]:02d}" for w in figures.weeks]
    calendar = [(d.due_date, d.cases, d.due_soon) for d in figures.deadline_days]
    # Each heading stays on the page of its chart or table.
    return [
        KeepTogether([heading("by_status"), bar_chart(fonts, *_columns(by_status))]),
        KeepTogether([heading("by_kind"), bar_chart(fonts, *_columns(by_kind))]),
        KeepTogether(
            [
                heading("weekly"),
                weekly_chart(
                    fonts,
                    weeks,
                    [w.received for w in figures.weeks],
                    [w.closed for w in figures.weeks],
                    (text["received"], text["closed"]),
                ),
            ]
        ),
        heading("workload"),
        block_flowable(_workload_table(figures, language), fonts, styles),
        KeepTogether(
            [
                heading("calendar"),
                block_flowable(
                    text["calendar_note"].format(overdue=figures.overdue), fonts, styles
                ),
                Spacer(0, 4),
                calendar_grid(fonts, calendar, text["weekdays"].split()),
            ]
        ),
    ]


def _columns(pairs: list[tuple[str, int]]) -> tuple[list[str], list[int]]:
    return [label for label, _ in pairs], [count for _, count in pairs]


def _workload_table(figures: DashboardFigures, language: str) -> TableBlock | str:
    text = text_for(language)
    if not figures.workload:
        return text["no_open"]
    rows = tuple(
        (load.assignee or text["unassigned"], str(load.open), str(load.overdue),
         str(load.due_soon))
        for load in figures.workload
    )  # fmt: skip
    columns = (text["handler"], text["open"], text["overdue"], text["due_soon"])
    return TableBlock(columns, rows, (2.2, 1, 1, 1))


def _date(day: date, language: str) -> str:
    terms = load_terms(language)
    month_name = terms.month_names[day.month - 1]
    return terms.date_format.format(
        year=day.year, month=day.month, day=day.day, month_name=month_name
    )
