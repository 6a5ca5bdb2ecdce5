"""The hand-off on screen lists the exports imported during the period, between the cases
touched and the calls, as the PDF and the chat text do."""

from __future__ import annotations

from shopdesk.ui.views.handoff_view import HandoffView
from tests.importers.helpers import DATA

REFUNDS = DATA / "taobao_refund_gbk.csv"


def test_the_sheet_on_screen_lists_the_imports(qtbot, register, clock):
    register.shifts.start("小王")
    clock.advance(hours=1)
    service = register.imports
    service.apply(service.read(REFUNDS), REFUNDS.name, "小王", skip_bad_rows=True)
    clock.advance(hours=1)
    shift = register.shifts.end("小王")
    view = HandoffView("zh")
    qtbot.addWidget(view)
    view.show_sheet(register.shifts.sheet(shift.id), shift)
    lines = view.toPlainText().splitlines()
    heading = next(i for i, x in enumerate(lines) if "平台导入（1 次）" in x)
    assert "taobao_refund_gbk.csv（淘宝/天猫 售后单）：新建 3，更新 0，未变 0，跳过 4 行" \
        in lines[heading + 1]
    calls = next(i for i, x in enumerate(lines) if "电话（0 通）" in x)
    touched = next(i for i, x in enumerate(lines) if "本班处理的案件" in x)
    assert touched < heading < calls
