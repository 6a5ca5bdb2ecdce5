"""Improvement plans (表一) in the analysis window: added for a row, edited, measured; the
main screen points at plans that are due or missed their target."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox

from shopdesk.domain.case import draft_from_fields
from shopdesk.ui.dialogs.analysis_dialog import PLANS_TAB


def add(register, cause, n=1, at=None):
    for _ in range(n):
        register.cases.open_case(draft_from_fields({
            "platform": "taobao", "order_no": "T100001", "kind": "refund_only",
            "cause": cause}), "小王", at=at)


def test_a_plan_is_added_for_the_selected_row_and_edited(qtbot, make_window, register):
    add(register, "item_defective", 3)
    add(register, "slow_delivery", 1)
    window = make_window(register)
    dialog = window.analysis.open_dialog()
    qtbot.waitExposed(dialog)
    dialog.table.selectRow(1)
    form = dialog.new_plan()
    qtbot.waitExposed(form)
    assert form.category.currentText() == "送货慢"
    # (QTest types only Latin keys: Chinese text goes in as an input method would put it.)
    form.sub_type.setText("偏远地区")
    ok = form.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)  # nothing filled in yet
    assert form.saved is None and form.error.isVisible()
    form.root_cause.setText("快递网点爆仓")
    assert form.error.isHidden()  # the message goes as the field is filled
    form.short_term.setPlainText("换用顺丰")
    form.long_term.setPlainText("与两家快递签约")
    form.difficulty.setCurrentText("中")
    form.owner.setCurrentText("仓库")
    form.has_due.setChecked(True)
    form.due.setDate(QDate(2026, 12, 15))
    form.target.clear()
    qtbot.keyClicks(form.target, "150")  # typed whole, not cut to 15
    assert form.target.value() == 150
    okay = form.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(okay, Qt.MouseButton.LeftButton)
    assert form.saved is None and "1–100" in form.error.text()
    form.target.setValue(30)
    ok = form.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert form.saved is not None
    [plan] = register.analysis.plans()
    assert (plan.category, plan.sub_type, plan.root_cause, plan.plan, plan.plan_long,
            plan.difficulty, plan.owner, plan.due_date, plan.target_pct) == (
        "slow_delivery", "偏远地区", "快递网点爆仓", "换用顺丰", "与两家快递签约", "中", "仓库",
        date(2026, 12, 15), 30)
    assert dialog.tabs.currentIndex() == PLANS_TAB
    assert dialog.tabs.currentWidget() is dialog.plans  # not the refund speed tab
    table = dialog.plans.table
    assert table.rowCount() == 1
    assert table.item(0, 0).text() == "送货慢"
    assert table.item(0, 8).text().startswith("统计中")

    edit = dialog.plans.edit_row(0)
    qtbot.waitExposed(edit)
    assert edit.root_cause.text() == "快递网点爆仓" and not edit.category.isEnabled()
    edit.status.setCurrentIndex(edit.status.findData("doing"))
    edit.target.setValue(50)
    edit.save()
    assert register.analysis.plan(plan.id).status == "doing"
    assert table.item(0, 7).text() == "进行中" and table.item(0, 6).text() == "50%"


def test_a_plan_without_its_cause_is_refused_in_the_form(qtbot, make_window, register):
    add(register, "item_defective", 1)
    window = make_window(register)
    dialog = window.analysis.open_dialog()
    form = dialog.new_plan()
    form.short_term.setPlainText("抽检")
    form.save()
    assert form.isVisible() and form.saved is None
    assert "根本原因" in form.error.text()
    assert register.analysis.plans() == []


def test_the_measured_result_shows_target_and_actual(qtbot, make_window, register, clock):
    start, end = register.analysis.month(2026, 9)
    add(register, "item_defective", 10, at=start + timedelta(days=2))
    add(register, "item_defective", 8, at=end + timedelta(days=2))
    register.analysis.add_plan(dimension="cause", category="item_defective",
                               root_cause="漏检", plan="抽检", actor="小王", target_pct=30,
                               baseline=(start, end))
    window = make_window(register)
    dialog = window.analysis.open_dialog(tab=PLANS_TAB)
    assert dialog.tabs.currentWidget() is dialog.plans
    cell = dialog.plans.table.item(0, 8)
    assert cell.text() == "目标下降 30%，实际下降 20%，未达标"
    edit = dialog.plans.edit_row(0)
    assert edit.result.text() == "目标下降 30%，实际下降 20%，未达标"


def test_main_screen_indicator_counts_plans_due_and_missed(qtbot, make_window, register):
    start, end = register.analysis.month(2026, 9)
    add(register, "item_defective", 10, at=start + timedelta(days=2))
    add(register, "item_defective", 9, at=end + timedelta(days=2))
    window = make_window(register)
    assert not window.analysis.indicator_shown()
    missed = register.analysis.add_plan(
        dimension="cause", category="item_defective", root_cause="漏检", plan="抽检",
        actor="小王", target_pct=30, baseline=(start, end))
    register.analysis.add_plan(dimension="cause", category="slow_delivery", root_cause="爆仓",
                               plan="换快递", actor="小王", due_date=date(2026, 11, 20))
    window.refresh()
    assert window.analysis.indicator_shown()
    assert window.analysis.indicator.text() == "改进计划：1 项到期 · 1 项未达标"
    # Fits on the toolbar's one line at 1280 px.
    window.resize(1280, 720)
    qtbot.wait(10)
    assert window.analysis.indicator.geometry().right() <= window.main_toolbar.width()
    qtbot.mouseClick(window.analysis.indicator, Qt.MouseButton.LeftButton)
    assert window.analysis.dialog.tabs.currentIndex() == PLANS_TAB
    # Editing the plan in the window updates the indicator.
    dialog = window.analysis.dialog
    edit = dialog.plans.edit_row(0)
    assert edit.plan.id == missed.id
    edit.status.setCurrentIndex(edit.status.findData("dropped"))
    edit.save()
    assert window.analysis.indicator.text() == "改进计划：1 项到期"


def test_window_exports_the_table_and_the_monthly_report(qtbot, make_window, register,
                                                         tmp_path, monkeypatch):
    add(register, "item_defective", 2)
    window = make_window(register)
    file_menu = window.menuBar().findChild(type(window.menuBar().actions()[0].menu()),
                                           "menu_file")
    assert window.analysis.act_monthly_report in file_menu.actions()
    dialog = window.analysis.open_dialog()
    assert dialog.report_button.text() == "导出月报…"
    written = window.analysis.export_table(str(tmp_path / "t.csv"))
    assert written.read_text(encoding="utf-8-sig").splitlines()[1].startswith("宝贝有问题,2,")
    # Asked where, the suggested name says which period (next month's must not overwrite).
    from PySide6.QtWidgets import QFileDialog

    suggested = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(
        lambda _p, _t, name, _f: (suggested.append(name), ("", ""))[1]))
    window.analysis.export_table()
    assert suggested and "投诉分析-原因-2026-10-25至2026-11-23" in suggested[0]
    # The month is asked for (this month first, the month just ended chosen), then where.
    from PySide6.QtWidgets import QFileDialog, QInputDialog

    asked = []

    def get_item(parent, title, label, items, current, editable):
        asked.append((items[0], items[current]))
        return items[0], True
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(get_item))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(
        lambda *a, **k: (str(tmp_path / "report"), "")))
    qtbot.mouseClick(dialog.report_button, Qt.MouseButton.LeftButton)
    assert asked == [("2026-11", "2026-10")]
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")


def test_the_form_names_the_field_and_does_not_move(qtbot, make_window, register):
    """"The plan is required" named no field on the form ("Short-term action"), and the
    message line appearing and going moved the fields ~14 px under the pointer."""
    add(register, "item_defective", 1)
    window = make_window(register)
    dialog = window.analysis.open_dialog()
    form = dialog.new_plan()
    qtbot.waitExposed(form)

    def tops():
        return [w.mapTo(form, w.rect().topLeft()).y()
                for w in (form.root_cause, form.short_term, form.target, form.status)]

    before, size = tops(), form.size()
    form.root_cause.setText("密封圈批次不良")
    qtbot.mouseClick(form.findChild(QDialogButtonBox).button(
        QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert form.error.isVisible() and form.saved is None
    assert "短期措施" in form.error.text()  # the field's label, 短期措施 (Short-term action)
    assert tops() == before and form.size() == size
    qtbot.keyClicks(form.short_term, "spot checks")
    assert not form.error.isVisible()
    assert tops() == before and form.size() == size
