"""English in the PDFs wraps between words: CJK wrapping (kept for Chinese) split "In
progr / ess" and "authori / ties" in the monthly report's cells. And a table never leaves
one row alone on either side of a page break (the platform table's row alone on a page)."""

from __future__ import annotations

from reportlab.platypus import Paragraph

from shopdesk.reports.fonts import cjk_font
from shopdesk.reports.layout import para, styles, table
from shopdesk.reports.long_rows import WholeRowsTable


def lines(p: Paragraph, width: float) -> list[str]:
    p.wrap(width, 10_000)
    return [" ".join(line[1]) if isinstance(line, tuple) else "".join(f.text for f in line.words)
            for line in p.blPara.lines]


def test_english_wraps_at_spaces():
    cell = styles(cjk_font())["cell"]
    assert lines(para("In progress", cell), 40) == ["In", "progress"]
    got = lines(para("Threatens authorities or press", cell), 60)
    assert " ".join(got) == "Threatens authorities or press"
    assert all(word in ["Threatens", "authorities", "or", "press"] for line in got
               for word in line.split())
    # A word wider than the cell is still split, not left sticking out.
    long = lines(para("DEMO-20261129-0022-AND-SOME-MORE", cell), 40)
    assert len(long) > 1 and "".join(long) == "DEMO-20261129-0022-AND-SOME-MORE"


def test_chinese_still_wraps_between_characters():
    cell = styles(cjk_font())["cell"]
    got = lines(para("买家说杯子漏水，要求退款并且补偿运费", cell), 50)
    assert len(got) > 2 and "".join(got) == "买家说杯子漏水，要求退款并且补偿运费"
    assert not any(line.startswith("，") for line in got)


def test_a_table_break_leaves_at_least_two_rows_each_side():
    cell = styles(cjk_font())["cell"]
    rows = [["Platform", "Count"]] + [[f"P{i}", i] for i in range(5)]
    t = table(rows, [100, 50], style=cell, cls=WholeRowsTable)
    _, height = t.wrap(150, 10_000)
    row = t._rowHeights[1]
    # Room for the header and four rows: one would be left alone; three go, two stay.
    parts = t.split(150, t._rowHeights[0] + 4 * row + 1)
    assert [len(p._cellvalues) for p in parts] == [4, 3]
    # Room for the header and one row: nothing is split off, the table moves on.
    assert t.split(150, t._rowHeights[0] + row + 1) == []
    # A one-row table is never split from its header.
    one = table([["Platform", "Count"], ["AliExpress", 46]], [100, 50], style=cell,
                cls=WholeRowsTable)
    one.wrap(150, 10_000)
    assert one.split(150, one._rowHeights[0] + 1) == []
