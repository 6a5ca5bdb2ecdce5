"""Stage deadlines in the window: the 剩余时间 column counting down as the clock moves,
the 即将超时 quick filter, and the case view's stage line and stage changes."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from PySide6.QtCore import Qt

from shopdesk.domain.case import CaseDraft
from shopdesk.domain.enums import CaseKind, Platform
from shopdesk.domain.platform_state import PlatformStage
from shopdesk.services.quick_filters import QuickFilter
from shopdesk.ui.models.case_columns import DEADLINE_LEFT_ROLE, column_of


def open_case(register, order, kind=CaseKind.REFUND_ONLY):
    draft = CaseDraft(platform=Platform.TAOBAO, order_no=order, kind=kind,
                      amount_paid=Decimal("59.00"), buyer_nick="买家")
    return register.cases.open_case(draft, "小王")


def cell(window, case_id, role=Qt.ItemDataRole.DisplayRole):
    model = window.case_list.model
    return model.index(model.row_of(case_id), column_of("deadline")).data(role)


def test_countdown_column_follows_the_clock(qtbot, make_window, register, clock):
    case = open_case(register, "T300001")  # Taobao 仅退款: 24 h
    plain = open_case(register, "T300002", CaseKind.COMPLAINT)
    window = make_window(register)
    assert cell(window, case.id) == "1天"
    assert cell(window, case.id, Qt.ItemDataRole.ForegroundRole) is None
    assert cell(window, plain.id) is None
    clock.advance(hours=19, minutes=30)
    window._time_timer.timeout.emit()  # the window's repaint tick
    assert cell(window, case.id) == "4小时30分"
    assert cell(window, case.id, Qt.ItemDataRole.ForegroundRole).color().red() == 200
    assert cell(window, case.id, Qt.ItemDataRole.FontRole) is None
    clock.advance(hours=5)
    window._time_timer.timeout.emit()
    assert cell(window, case.id) == "已超时30分钟"
    assert cell(window, case.id, Qt.ItemDataRole.FontRole).bold()
    assert cell(window, case.id, DEADLINE_LEFT_ROLE) == timedelta(minutes=-30)
    tip = cell(window, case.id, Qt.ItemDataRole.ToolTipRole)
    assert "待卖家处理" in tip and "按规则推算" in tip


def test_the_case_panel_counts_down_with_the_list(qtbot, make_window, register, clock):
    """The list's column followed the clock; the case panel's 剩… stood still beside it."""
    case = open_case(register, "T300003")  # Taobao 仅退款: 24 h
    window = make_window(register)
    window.detail.show_case(case.id)
    label = window.detail.deadline_strip.left_label
    assert label.text() == "剩1天"
    clock.advance(hours=19, minutes=30)
    window._time_timer.timeout.emit()  # the window's minute tick
    assert label.text() == "剩4小时30分" == "剩" + cell(window, case.id)


def test_sorting_by_time_left(qtbot, make_window, register):
    later = open_case(register, "T300011", CaseKind.RETURN_REFUND)  # 5 d
    none = open_case(register, "T300012", CaseKind.COMPLAINT)
    soon = open_case(register, "T300013")  # 24 h
    window = make_window(register)
    header = window.case_list.table.horizontalHeader()
    window.case_list.table.sortByColumn(column_of("deadline"), Qt.SortOrder.AscendingOrder)
    assert header.sortIndicatorSection() == column_of("deadline")
    assert window.case_list.model.ids() == [soon.id, later.id, none.id]


def test_deadline_soon_quick_filter_with_count_and_threshold(qtbot, make_window, register,
                                                             clock):
    soon = open_case(register, "T300021")
    open_case(register, "T300022", CaseKind.RETURN_REFUND)
    clock.advance(hours=20)
    window = make_window(register)
    button = window.filter_bar.quick_buttons[QuickFilter.DEADLINE_SOON]
    assert button.text() == "即将超时 (1)"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.case_list.model.ids() == [soon.id]
    register.deadlines.set_warning_hours(2)
    window.deadlines.settings_changed()
    assert window.case_list.model.ids() == []
    assert button.text() == "即将超时"


def test_case_view_shows_stage_what_happens_and_changes_stage(qtbot, make_window, register,
                                                              clock, boxes):
    case = open_case(register, "T300031", CaseKind.RETURN_REFUND)
    window = make_window(register)
    window.open_case_by_id(case.id)
    strip = window.detail.deadline_strip
    assert strip.isVisible()
    assert strip.stage_name == "待卖家处理"
    assert strip.left_label.text() == "剩约5天"  # a low-confidence rule: 约
    assert "按规则推算" in strip.left_label.toolTip()
    assert "taobao.return_request" in strip.left_label.toolTip()
    assert "默认退货地址" in strip.timeout_label.text()
    assert strip.timeout_label.isVisible()
    boxes.text_answer = ("YT5566", True)
    strip.stage_actions[PlatformStage.RETURN_TO_CHECK].trigger()
    assert strip.stage_name == "退货待卖家验收"
    assert strip.timeout_label.text() == "退货待卖家验收 · 到期后平台将自动退款 ¥59.00（不再验货）"
    assert any("YT5566" in t for t in window.detail.timeline_texts())
    assert register.deadlines.for_case(case.id).stage is PlatformStage.RETURN_TO_CHECK


def test_manual_due_is_shown_beside_and_a_complaint_without_one_has_no_strip(
        qtbot, make_window, register, clock):
    from shopdesk.domain.case import CaseDraft as Draft

    mine = clock.now() + timedelta(hours=3)
    ruled = register.cases.open_case(Draft(platform=Platform.TAOBAO, order_no="T300041",
                                           kind=CaseKind.REFUND_ONLY, due_at=mine), "小王")
    plain = open_case(register, "T300042", CaseKind.COMPLAINT)
    window = make_window(register)
    window.open_case_by_id(ruled.id)
    strip = window.detail.deadline_strip
    assert strip.left_label.text() == "剩1天"
    assert strip.timeout_label.text() == ("待卖家处理 · 到期后平台将自动退款 · "
                                          "手动截止 11-23 13:00")
    window.open_case_by_id(plain.id)
    assert not strip.isVisible() and not strip.timeout_label.isVisible()


def test_settings_page_threshold_rules_and_override_file(qtbot, register, monkeypatch):
    from PySide6.QtGui import QDesktopServices

    from shopdesk.ui.dialogs.settings_dialog import DEADLINES_TAB, SettingsDialog

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        staticmethod(lambda url: opened.append(url.toLocalFile()) or True))
    dialog = SettingsDialog(register, "zh", tab=DEADLINES_TAB)
    qtbot.addWidget(dialog)
    page = dialog.deadline_page
    assert dialog.tabs.currentWidget() is page
    assert page.table.rowCount() == len(register.deadlines.rules())
    texts = [page.table.item(r, 3).text() for r in range(page.table.rowCount())]
    assert "24小时" in texts and any(t.startswith("约") for t in texts)
    assert page.error.isHidden()
    page.edit_button.click()
    path = register.deadlines.override
    assert opened == [str(path)] and path.exists()
    path.write_text("[taobao.refund_unshipped]\nhours = 'soon'\n", encoding="utf-8")
    page.reload_button.click()
    assert "deadline_rules.toml" in page.error.text() and "hours" in page.error.text()
    path.write_text("[taobao.refund_unshipped]\nhours = 12\n", encoding="utf-8")
    page.reload_button.click()
    assert page.error.text() == "" and "12小时" in [
        page.table.item(r, 3).text() for r in range(page.table.rowCount())]
    page.hours.setValue(3)
    dialog.accept()
    assert register.deadlines.warning_hours() == 3
    assert page.changed


def test_the_rules_table_brackets_kinds_in_each_languages_own_way(qtbot, register):
    # English showed "Awaiting the seller（Return & refund、Exchange）".
    from shopdesk.ui.dialogs.settings_dialog import DEADLINES_TAB, SettingsDialog

    for lang, good, bad in (("en", " (", ("（", "、")), ("zh", "（", (" (",))):
        dialog = SettingsDialog(register, lang, tab=DEADLINES_TAB)
        qtbot.addWidget(dialog)
        table = dialog.deadline_page.table
        stages = [table.item(r, 1).text() for r in range(table.rowCount())]
        with_kinds = [s for s in stages if s.endswith((")", "）"))]
        assert with_kinds and all(good in s for s in with_kinds)
        assert not any(b in s for s in with_kinds for b in bad)
