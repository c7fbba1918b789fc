"""The dashboard report's charts as ReportLab drawings (pure: plain values in, flowables out).

Chart labels are single ``String`` objects, which take one face each: every label is set in
the first face of the stack that has all its characters (Chinese names and kinds included).
"""

from collections.abc import Sequence
from datetime import date

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors

from app.reports.fonts import FontStack
from app.reports.shaping import visual_text
from app.reports.styles import ACCENT, FRAME_WIDTH

CLOSED_COLOUR = colors.HexColor("#7FA7C9")
SOON_COLOUR = colors.HexColor("#F4C26B")  # amber: due within the week
LATE_COLOUR = colors.HexColor("#C62828")  # red: overdue
_GRID = colors.HexColor("#C8D3DE")
LABEL_SIZE = 7.5


def face_for(fonts: FontStack, text: str) -> str:
    """Return the registered name of the first regular face that can draw all of ``text``."""
    for face in fonts.regular:
        if all(ord(ch) in face.code_points or ch == " " for ch in text):
            return face.name
    return fonts.regular[-1].name


def bar_chart(fonts: FontStack, labels: Sequence[str], values: Sequence[int]) -> Drawing:
    """A horizontal bar chart, one bar per label (top to bottom in the given order), counts at
    the bar ends; as wide as the text frame."""
    height = 14.0 * max(len(values), 1) + 16
    drawing = Drawing(FRAME_WIDTH, height)
    chart = HorizontalBarChart()
    label_width = FRAME_WIDTH * 0.3
    chart.x, chart.y, chart.width, chart.height = label_width, 8, FRAME_WIDTH * 0.62, height - 12
    chart.data = [list(reversed(values)) or [0]]
    chart.categoryAxis.categoryNames = list(reversed(labels)) or [""]
    chart.bars[0].fillColor = ACCENT
    chart.valueAxis.valueMin = 0
    chart.valueAxis.visible = False
    chart.categoryAxis.labels.fontSize = LABEL_SIZE
    chart.categoryAxis.labels.fontName = face_for(fonts, "".join(labels))
    chart.barLabelFormat = "%d"
    chart.barLabels.fontSize = LABEL_SIZE
    chart.barLabels.fontName = fonts.base_font
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    return drawing


def weekly_chart(
    fonts: FontStack,
    week_labels: Sequence[str],
    received: Sequence[int],
    closed: Sequence[int],
    legend: tuple[str, str],
) -> Drawing:
    """Received and closed cases per week as paired columns, with a legend."""
    drawing = Drawing(FRAME_WIDTH, 150)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 30, 30, FRAME_WIDTH - 40, 100
    chart.data = [list(received), list(closed)]
    chart.categoryAxis.categoryNames = list(week_labels)
    chart.categoryAxis.labels.fontSize = LABEL_SIZE
    chart.categoryAxis.labels.fontName = fonts.base_font
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontSize = LABEL_SIZE
    chart.valueAxis.labels.fontName = fonts.base_font
    chart.valueAxis.gridStrokeColor = _GRID
    chart.valueAxis.visibleGrid = True
    chart.bars[0].fillColor, chart.bars[1].fillColor = ACCENT, CLOSED_COLOUR
    drawing.add(chart)
    drawing.add(_legend(fonts, legend, 30, 146))
    return drawing


def _legend(fonts: FontStack, names: tuple[str, str], x: float, y: float) -> Legend:
    legend = Legend()
    legend.x, legend.y = x, y
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.fontSize = LABEL_SIZE
    legend.fontName = face_for(fonts, "".join(names))
    legend.colorNamePairs = [(ACCENT, names[0]), (CLOSED_COLOUR, names[1])]
    return legend


def calendar_grid(
    fonts: FontStack,
    days: Sequence[tuple[date, int, bool]],
    weekday_names: Sequence[str],
) -> Drawing:
    """A month-style grid (Monday first) of ``days`` = (date, open cases due, due soon): each
    cell shows the day and its count; amber where cases fall due within the week."""
    first = days[0][0]
    offset = first.weekday()
    rows = (offset + len(days) + 6) // 7
    cell_w, cell_h, head = FRAME_WIDTH / 7, 26.0, 12.0
    drawing = Drawing(FRAME_WIDTH, rows * cell_h + head)
    for column, name in enumerate(weekday_names):
        drawing.add(_text(fonts, name, column * cell_w + 3, rows * cell_h + 3))
    for index, (day, cases, soon) in enumerate(days):
        row, column = divmod(offset + index, 7)
        x, y = column * cell_w, (rows - 1 - row) * cell_h
        fill = SOON_COLOUR if cases and soon else colors.white
        drawing.add(Rect(x, y, cell_w, cell_h, fillColor=fill, strokeColor=_GRID))
        drawing.add(_text(fonts, day.strftime("%m-%d"), x + 3, y + cell_h - 9))
        if cases:
            count = String(x + cell_w - 4, y + 4, str(cases), textAnchor="end")
            count.fontName, count.fontSize = fonts.base_font, 11
            drawing.add(count)
    return drawing


def _text(fonts: FontStack, text: str, x: float, y: float) -> String:
    face = face_for(fonts, text)
    label = String(x, y, visual_text(text, face, 7))  # a handler named in Arabic
    label.fontName, label.fontSize, label.fillColor = face, 7, colors.black
    return label
