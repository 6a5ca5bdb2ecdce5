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
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from shopdesk.reports.pareto_chart import LABEL_MAX_PT, LABEL_SIZE, _short

    # English labels of 14 characters fit (they were cut at 10: "Item defe…").
    assert _short("Item defective", "Helvetica") == "Item defective"
    assert _short("Slow delivery", "Helvetica") == "Slow delivery"
    long = "Threatens authorities or press with a long tail"
    cut = _short(long, "Helvetica")
    assert cut.endswith("…") and long.startswith(cut[:-1])
    assert stringWidth(cut, "Helvetica", LABEL_SIZE) <= LABEL_MAX_PT
    drawing = pareto_drawing(pareto(Dimension.CAUSE, NOW, NOW, [Group("k", 3)],
                                    label=lambda k: "Item defective"))
    chart = next(c for c in drawing.contents if hasattr(c, "categoryAxis"))
    assert chart.categoryAxis.categoryNames == ["Item defective"]
