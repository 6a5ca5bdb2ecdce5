"""The Pareto chart as a reportlab drawing: bars by count, the cumulative-share line and
the 80% line. One drawing serves the screen (rendered to SVG, shown by QtSvg) and the PDF
(embedded as vector graphics), so both show the same chart."""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

from reportlab.graphics import renderSVG
from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, Rect, String
from reportlab.lib import colors

from ..domain.analysis import PARETO_LINE, Pareto
from ..domain.text import pick

BAR = colors.HexColor("#4a7fb5")
VITAL = colors.HexColor("#d9534f")
LINE = colors.HexColor("#e08a00")
MAX_BARS = 15
LEFT = RIGHT = 44  # room for the count axis and the cumulative-% axis


@dataclass(frozen=True)
class Bar:
    """One bar: a row of the table, or the rows past the limit added up ("Other (N)")."""

    key: str | None  # None: the "Other" bar
    label: str
    count: int
    cumulative: float


def bars(result: Pareto, lang: str = "zh") -> list[Bar]:
    """The bars drawn: every row when they are MAX_BARS or fewer, else the first
    MAX_BARS - 1 and one "Other (N)" bar adding up the rest, so the cumulative line ends
    at 100% (cutting them off ended it at 92%)."""
    rows = result.rows
    shown = rows if len(rows) <= MAX_BARS else rows[:MAX_BARS - 1]
    out = [Bar(r.key, r.label, r.count, r.cumulative) for r in shown]
    rest = rows[len(shown):]
    if rest:
        n = len(rest)
        out.append(Bar(None, pick(lang, f"其他（{n} 项）", f"Other ({n})"),
                       sum(r.count for r in rest), rest[-1].cumulative))
    return out


def bar_at(result: Pareto, width: float, x: float) -> int | None:
    """The row whose bar (its whole category column) is at `x` on a chart drawn `width`
    wide, or None (an axis, the margin, no rows, the "Other" bar, which is no one row): a
    click on the screen's chart."""
    drawn = bars(result)
    plot = width - LEFT - RIGHT
    if not drawn or plot <= 0 or not LEFT <= x < LEFT + plot:
        return None
    index = min(int((x - LEFT) / (plot / len(drawn))), len(drawn) - 1)
    return None if drawn[index].key is None else index


def pareto_drawing(result: Pareto, *, width: float = 640, height: float = 300,
                   font: str = "Helvetica", title: str = "", lang: str = "zh") -> Drawing:
    """The chart of `result` (past MAX_BARS rows, the rest as one "Other" bar)."""
    rows = bars(result, lang)
    d = Drawing(width, height)
    d.add(Rect(0, 0, width, height, fillColor=colors.white, strokeColor=None))
    left, bottom, right, top = LEFT, 70, RIGHT, 28 if title else 12
    if title:
        d.add(String(width / 2, height - 16, title, fontName=font, fontSize=11,
                     textAnchor="middle"))
    chart = VerticalBarChart()
    chart.x, chart.y = left, bottom
    chart.width, chart.height = width - left - right, height - bottom - top
    chart.data = [[r.count for r in rows] or [0]]
    step = chart.width / max(len(rows), 1)
    chart.categoryAxis.categoryNames = [
        _short(r.label, font, _label_room(chart.x + step * (i + 0.5)))
        for i, r in enumerate(rows)] or [""]
    chart.categoryAxis.labels.angle = 35
    chart.categoryAxis.labels.boxAnchor = "ne"
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = LABEL_SIZE
    chart.valueAxis.valueMin = 0
    top_count = max((r.count for r in rows), default=1)
    chart.valueAxis.valueMax = max(top_count, 1) * 1.1
    chart.valueAxis.labels.fontSize = 8
    chart.valueAxis.labels.fontName = font
    chart.bars.strokeColor = None
    chart.bars[0].fillColor = BAR
    vital = {r.key for r in result.vital_few()}
    for i, r in enumerate(rows):
        if r.key is not None and r.key in vital:
            chart.bars[(0, i)].fillColor = VITAL
    chart.barSpacing = 2
    d.add(chart)
    if not rows:
        return d
    # The cumulative share on a 0-100% scale over the same plot area (right axis).
    points = []
    for i, r in enumerate(rows):
        points += [chart.x + step * (i + 0.5), chart.y + chart.height * r.cumulative]
    d.add(PolyLine(points, strokeColor=LINE, strokeWidth=1.6))
    for x, y in zip(points[::2], points[1::2], strict=True):
        d.add(Circle(x, y, 2.2, fillColor=LINE, strokeColor=None))
    y80 = chart.y + chart.height * PARETO_LINE
    d.add(Line(chart.x, y80, chart.x + chart.width, y80, strokeColor=colors.grey,
               strokeDashArray=[4, 3], strokeWidth=0.8))
    x_axis = chart.x + chart.width
    for pct in (0, 20, 40, 60, 80, 100):
        y = chart.y + chart.height * pct / 100
        d.add(String(x_axis + 4, y - 3, f"{pct}%", fontName=font, fontSize=8))
    return d


# A category label is drawn at 35° under its bar: the 70-point bottom margin holds about
# 100 points of text along the slant. Cut by the text's width, not its characters: ten
# characters were 14 Chinese points wide each but cut "Item defective" to "Item defe…".
LABEL_MAX_PT = 100.0
LABEL_SIZE = 8
_SLANT_COS = math.cos(math.radians(35))


def label_width(text: str, font: str) -> float:
    """Points `text` takes at the label size. A wide (CJK) character is counted a full em
    whatever `font` says: the screen's SVG names Helvetica, which has no such glyphs, and
    the viewer draws them with a CJK font at a full em each."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return sum(LABEL_SIZE if unicodedata.east_asian_width(ch) in "WF"
               else stringWidth(ch, font, LABEL_SIZE) for ch in text)


def _short(label: str, font: str, limit: float = LABEL_MAX_PT) -> str:
    """`label`, cut with "…" to fit `limit` points in `font` at the label size."""
    if label_width(label, font) <= limit:
        return label
    cut = label
    while cut and label_width(cut + "…", font) > limit:
        cut = cut[:-1]
    return cut.rstrip() + "…"


def _label_room(anchor_x: float) -> float:
    """Room along the slant for a label ending under a bar at `anchor_x`: it runs down and
    to the left, and the first bars' labels would leave the drawing at its left edge."""
    return max(0.0, min(LABEL_MAX_PT, (anchor_x - 2) / _SLANT_COS))


_PERCENT_RGB = re.compile(r"rgb\((\d+)%,\s*(\d+)%,\s*(\d+)%\)")


def pareto_svg(result: Pareto, **kw: object) -> bytes:
    """The chart as SVG bytes (for the screen). QtSvg renders SVG Tiny: reportlab's
    percent colours become hex, the clip style goes, and the line gets no fill."""
    text = renderSVG.drawToString(pareto_drawing(result, **kw))  # type: ignore[arg-type]
    text = _PERCENT_RGB.sub(lambda m: "#" + "".join(
        f"{round(int(v) * 255 / 100):02x}" for v in m.groups()), text)
    text = text.replace('style="clip-path: url(#clip)"', "")
    text = re.sub(r"<clipPath.*?</clipPath>", "", text, flags=re.DOTALL)
    text = text.replace("fill: None", "fill: none").replace("stroke: None", "stroke: none")
    return text.encode("utf-8")
