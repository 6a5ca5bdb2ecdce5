"""The Pareto chart drawing and its SVG for QtSvg (SVG Tiny)."""

from __future__ import annotations

from datetime import UTC, datetime

from reportlab.graphics.shapes import Rect

from shopdesk.domain.analysis import Dimension, Group, pareto
from shopdesk.reports.pareto_chart import MAX_BARS, pareto_drawing, pareto_svg

NOW = datetime(2026, 11, 23, tzinfo=UTC)


def result(n=3):
    return pareto(Dimension.CAUSE, NOW, NOW, [Group(f"k{i}", 10 - i) for i in range(n)],
                  label=lambda k: {"k0": "宝贝有问题"}.get(k, k))


def test_svg_has_the_labels_and_nothing_qtsvg_draws_black():
    svg = pareto_svg(result()).decode("utf-8")
    assert "宝贝有问题" in svg and "80%" in svg
    assert "clipPath" not in svg and "%," not in svg and "None" not in svg


def test_vital_few_bars_are_red_and_bars_are_capped():
    drawing = pareto_drawing(result(20))
    chart = next(c for c in drawing.contents if hasattr(c, "categoryAxis"))
    assert len(chart.data[0]) == MAX_BARS
    assert isinstance(drawing.contents[0], Rect)  # white background, not transparent


def test_an_empty_result_still_draws():
    empty = pareto(Dimension.CAUSE, NOW, NOW, [])
    assert pareto_svg(empty).startswith(b"<?xml")


def test_labels_are_cut_by_width_not_by_characters():
    from shopdesk.reports.pareto_chart import LABEL_MAX_PT, _short, label_width

    # English labels of 14 characters fit (they were cut at 10: "Item defe…").
    assert _short("Item defective", "Helvetica") == "Item defective"
    assert _short("Slow delivery", "Helvetica") == "Slow delivery"
    long = "Threatens authorities or press with a long tail"
    cut = _short(long, "Helvetica")
    assert cut.endswith("…") and long.startswith(cut[:-1])
    assert label_width(cut, "Helvetica") <= LABEL_MAX_PT
    # Chinese counts a full em per character, whatever the font claims: 12 fit, not 16.
    title = "加厚保温杯五百毫升不锈钢内胆带盖款"
    assert label_width(title, "Helvetica") == 8 * len(title)
    assert _short(title, "Helvetica") == title[:11] + "…"


def test_labels_stay_on_the_drawing_and_are_escaped():
    from shopdesk.reports.pareto_chart import LABEL_MAX_PT, label_width

    same = "Wrong colour or size sent"  # about 95 points: fits under any bar but the first
    assert 75 < label_width(same, "Helvetica") <= LABEL_MAX_PT
    result = pareto(Dimension.CAUSE, NOW, NOW, [Group(f"k{i:02d}", 30 - i) for i in range(15)],
                    label=lambda k: same)
    chart = next(c for c in pareto_drawing(result).contents if hasattr(c, "categoryAxis"))
    names = chart.categoryAxis.categoryNames
    # The first bar sits near the left edge: its slanted label is cut to stay inside.
    assert names[0].endswith("…") and names[5] == same
    escaped = pareto(Dimension.CAUSE, NOW, NOW, [Group("a", 2), Group("b", 1)],
                     label=lambda k: {"a": "A&B <x> wrong", "b": "快递慢"}[k])
    svg = pareto_svg(escaped, width=900).decode()
    assert ">A&amp;B &lt;x&gt; wrong</text>" in svg and ">快递慢</text>" in svg


def test_rows_past_the_limit_become_one_other_bar_and_the_line_reaches_100():
    """16 causes drew 15 bars and the cumulative line ended at 98.7% (17 items: ~92%)."""
    from reportlab.graphics.shapes import PolyLine

    from shopdesk.reports.pareto_chart import LEFT, bar_at, bars

    many = pareto(Dimension.CAUSE, NOW, NOW, [Group(f"k{i:02d}", 30 - i) for i in range(17)])
    drawn = bars(many, "en")
    assert len(drawn) == MAX_BARS
    assert drawn[-1].label == "Other (3)" and drawn[-1].key is None
    assert drawn[-1].count == sum(r.count for r in many.rows[MAX_BARS - 1:])
    assert sum(b.count for b in drawn) == many.total
    assert bars(many, "zh")[-1].label == "其他（3 项）"
    drawing = pareto_drawing(many, lang="en")
    chart = next(c for c in drawing.contents if hasattr(c, "categoryAxis"))
    assert chart.categoryAxis.categoryNames[-1] == "Other (3)"
    line = next(c for c in drawing.contents if isinstance(c, PolyLine))
    assert line.points[-1] == chart.y + chart.height  # 100%
    # The "Other" bar is no one row: a click on it lists nothing; the bar before it does.
    step = (640 - 2 * LEFT) / MAX_BARS
    assert bar_at(many, 640, LEFT + step * (MAX_BARS - 0.5)) is None
    assert bar_at(many, 640, LEFT + step * (MAX_BARS - 1.5)) == MAX_BARS - 2
    # Exactly MAX_BARS rows: every row its own bar (no "Other (1)").
    exact = pareto(Dimension.CAUSE, NOW, NOW, [Group(f"k{i:02d}", 30 - i)
                                                for i in range(MAX_BARS)])
    assert [b.key for b in bars(exact)] == [r.key for r in exact.rows]
