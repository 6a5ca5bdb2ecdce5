"""Early warnings in the window: the list's column and quick filter with its count, and
the badge on the case panel where a person acknowledges them."""

from __future__ import annotations

from PySide6.QtCore import Qt

from shopdesk.domain.case import draft_from_fields
from shopdesk.services.quick_filters import QuickFilter
from shopdesk.ui.models.case_columns import WARNINGS_ROLE, column_of


def open_case(register, order, description="", buyer="买家"):
    draft = draft_from_fields({"platform": "taobao", "order_no": order, "kind": "complaint",
                               "buyer_nick": buyer, "description": description})
    return register.cases.open_case(draft, "小王")


def row_of(window, case_id):
    return window.case_list.model.row_of(case_id)


def test_warned_case_shows_in_the_column_and_the_quick_filter(qtbot, make_window, register):
    plain = open_case(register, "T100001")
    warned = open_case(register, "T100002", "孩子被割伤，要打12315")
    window = make_window(register)
    model = window.case_list.model
    col = column_of("warnings")
    text = model.index(row_of(window, warned.id), col).data()
    assert text.startswith("⚠") and "人身安全/健康" in text
    tip = model.index(row_of(window, warned.id), col).data(Qt.ItemDataRole.ToolTipRole)
    assert "割伤" in tip and "12315" in tip
    assert model.index(row_of(window, plain.id), col).data() is None
    assert model.index(row_of(window, warned.id), col).data(WARNINGS_ROLE) == [
        "safety", "media_threat"]
    button = window.filter_bar.quick_buttons[QuickFilter.WARNED]
    assert button.text().endswith("(1)")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.case_list.model.ids() == [warned.id]


def test_acknowledging_in_the_case_panel_clears_the_flag(qtbot, make_window, register):
    warned = open_case(register, "T100003", "买家说要找律师")
    window = make_window(register)
    window.open_case_by_id(warned.id)
    badge = window.detail.warning_badge
    assert badge.isVisible()
    assert "律师" in badge.reasons.text()
    qtbot.keyClicks(badge.note, "called the buyer")
    qtbot.mouseClick(badge.ack_button, Qt.MouseButton.LeftButton)
    assert not badge.isVisible()
    assert window.filter_bar.quick_buttons[QuickFilter.WARNED].text() == \
        window.warnings._label
    row = row_of(window, warned.id)
    assert window.case_list.model.index(row, column_of("warnings")).data() is None
    assert any("called the buyer" in t for t in window.detail.timeline_texts())
    [w] = register.warnings.for_case(warned.id)
    assert w.ack_by == "小王"


def test_badge_lists_similar_cases(qtbot, make_window, register):
    ids = []
    for i in range(2):
        draft = draft_from_fields({"platform": "taobao", "order_no": f"T20000{i}",
                                   "kind": "refund_only", "buyer_nick": f"b{i}",
                                   "sku": "CUP-1", "cause": "item_defective"})
        ids.append(register.cases.open_case(draft, "小王"))
    window = make_window(register)
    window.open_case_by_id(ids[1].id)
    badge = window.detail.warning_badge
    assert badge.similar.isVisible()
    assert ids[0].case_no in badge.similar.text()
    # The count leads: an elided line on a laptop still says "one of 2".
    assert badge.similar.text().startswith(("One of 2 ", "同类售后共 2 单"))


def test_badge_shows_at_most_three_reason_lines_and_all_in_the_tooltip(qtbot, make_window,
                                                                       register):
    draft = draft_from_fields({"platform": "taobao", "order_no": "T300001",
                               "kind": "platform_dispute", "buyer_nick": "买家",
                               "description": "孩子被割伤，要打12315，赔偿一万"})
    case = register.cases.open_case(draft, "小王")
    live = register.warnings.live([case.id])[case.id]
    assert len(live) >= 4  # safety, media, claim, platform
    window = make_window(register)
    window.open_case_by_id(case.id)
    badge = window.detail.warning_badge
    lines = badge.reasons.text().split("\n")
    assert len(lines) == 3
    assert str(len(live) - 2) in lines[-1]
    tip = badge.reasons.toolTip()
    assert all(w.reason("zh") in tip for w in live)
    # A case with few warnings lists them all, with no tooltip needed.
    few = open_case(register, "T300002", "买家说要找律师")
    window.open_case_by_id(few.id)
    assert badge.reasons.text().count("\n") == 0 and badge.reasons.toolTip() == ""
