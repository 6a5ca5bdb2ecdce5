"""No printed line begins with a comma: reportlab's CJK wrap knows the Japanese punctuation
that cannot start a line, not the Chinese comma (a dispute summary printed
"，申请金额 ¥259.00。" at the start of a line; new-seller walkthrough)."""

from __future__ import annotations

from reportlab.platypus import Paragraph

from shopdesk.reports.fonts import cjk_font
from shopdesk.reports.layout import styles

TEXT = ("2026-12-05，买家“tb_lemon”就淘宝/天猫订单 1234567890123（纯棉枕套，实付 ¥259.00）"
        "申请投诉，申请金额 ¥259.00。情况说明：枕套有破洞；买家已拍照：是否补发？可以！")


def _line_starts(width: float) -> list[str]:
    para = Paragraph(TEXT, styles(cjk_font())["body"])
    para.wrap(width, 10_000)
    out = []
    for line in para.blPara.lines:  # (extra space, [text]) or a line of fragments
        words = line[1] if isinstance(line, tuple) else [f.text for f in line.words]
        out.append("".join(words)[:1])
    return out


def test_no_line_starts_with_chinese_punctuation_at_any_width():
    starts = [c for width in range(60, 420, 3) for c in _line_starts(width)]
    assert len(starts) > 200  # the text really wrapped, many times over
    assert not set(starts) & set("，；：？！》”’")
