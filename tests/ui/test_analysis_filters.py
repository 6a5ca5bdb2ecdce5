"""The analysis window's platform and product filters: the table, the change column, the
drill-down and the export count only the chosen platform's / product's cases."""

from __future__ import annotations

import csv
from datetime import timedelta

from PySide6.QtCore import Qt

from shopdesk.domain.case import draft_from_fields


def add(register, cause, n=1, *, platform="taobao", sku="CUP-1", at=None):
    ids = []
    for _ in range(n):
        draft = draft_from_fields({"platform": platform, "order_no": "T100001",
                                   "kind": "refund_only", "cause": cause, "sku": sku})
        ids.append(register.cases.open_case(draft, "小王", at=at).id)
    return ids


def choose(qtbot, combo, data):
    """Pick the item holding `data` with the keyboard, as a user would."""
    combo.setFocus()
    index = combo.findData(data)
    assert index >= 0, data
    key = Qt.Key.Key_Down if combo.currentIndex() < index else Qt.Key.Key_Up
    while combo.currentIndex() != index:
        qtbot.keyClick(combo, key)


def rows(dialog):
    table = dialog.table
    return [(table.item(r, 0).text(), table.item(r, 1).text(), table.item(r, 6).text())
            for r in range(table.rowCount())]


def open_dialog(qtbot, make_window, register):
    window = make_window(register)
    dialog = window.analysis.open_dialog()
    qtbot.waitExposed(dialog)
    return window, dialog


def test_platform_filter_shows_that_platforms_causes(qtbot, make_window, register):
    add(register, "item_defective", 4)
    add(register, "slow_delivery", 2, platform="aliexpress")
    add(register, "item_defective", 1, platform="aliexpress")
    _window, dialog = open_dialog(qtbot, make_window, register)
    assert dialog.total.text() == "共 7 单"
    choose(qtbot, dialog.platform_filter, "aliexpress")
    assert [r[:2] for r in rows(dialog)] == [("送货慢", "2"), ("宝贝有问题", "1")]
    assert dialog.total.text() == "共 3 单"
    choose(qtbot, dialog.platform_filter, "")
    assert [r[:2] for r in rows(dialog)] == [("宝贝有问题", "5"), ("送货慢", "2")]


def test_the_change_column_compares_the_same_platform(qtbot, make_window, register, clock):
    add(register, "item_defective", 3, platform="aliexpress")
    add(register, "item_defective", 5)
    before = clock.now() - timedelta(days=40)  # in the 30 days before the last 30
    add(register, "item_defective", 1, platform="aliexpress", at=before)
    add(register, "item_defective", 6, at=before)
    _window, dialog = open_dialog(qtbot, make_window, register)
    assert rows(dialog) == [("宝贝有问题", "8", "+1")]
    choose(qtbot, dialog.platform_filter, "aliexpress")
    assert rows(dialog) == [("宝贝有问题", "3", "+2")]


def test_product_filter_is_searchable_and_lists_the_periods_products(qtbot, make_window,
                                                                     register, clock):
    add(register, "item_defective", 2, sku="CUP-316-500")
    add(register, "slow_delivery", 3, sku="BED-2")
    add(register, "slow_delivery", 1, sku="OLD-9", at=clock.now() - timedelta(days=90))
    _window, dialog = open_dialog(qtbot, make_window, register)
    combo = dialog.product_filter
    assert [combo.itemData(i) for i in range(combo.count())] == [
        "", "BED-2", "CUP-316-500"]  # every product first; OLD-9 is not in the last 30 days
    edit = combo.lineEdit()
    edit.selectAll()
    qtbot.keyClicks(edit, "cup-316-500")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert combo.currentData() == "CUP-316-500"
    assert [r[:2] for r in rows(dialog)] == [("宝贝有问题", "2")]
    # Text naming no product goes back to the one chosen, never filters on half a word.
    edit.selectAll()
    qtbot.keyClicks(edit, "zzz")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert (combo.currentData(), combo.currentText()) == ("CUP-316-500", "CUP-316-500")
    # An empty box is every product again.
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert combo.currentData() == ""
    assert dialog.total.text() == "共 5 单"


def test_list_these_cases_keeps_the_filters(qtbot, make_window, register):
    ali = add(register, "item_defective", 2, platform="aliexpress")
    add(register, "item_defective", 1, platform="aliexpress", sku="BED-2")
    add(register, "item_defective", 3)
    window, dialog = open_dialog(qtbot, make_window, register)
    choose(qtbot, dialog.platform_filter, "aliexpress")
    choose(qtbot, dialog.product_filter, "CUP-1")
    assert rows(dialog) == [("宝贝有问题", "2", "+2")]
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.show_cases_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: set(window.case_list.model.ids()) == set(ali))
    tip = window.filter_bar.group_label.toolTip()
    assert "原因：宝贝有问题 · 速卖通 · CUP-1" in tip


def test_exported_table_is_the_filtered_one(qtbot, make_window, register, tmp_path):
    add(register, "item_defective", 3)
    add(register, "slow_delivery", 2, platform="aliexpress")
    window, dialog = open_dialog(qtbot, make_window, register)
    choose(qtbot, dialog.platform_filter, "aliexpress")
    written = window.analysis.export_table(str(tmp_path / "t.csv"))
    table = list(csv.reader(written.open(encoding="utf-8-sig")))
    assert table[1][:2] == ["送货慢", "2"]
    assert table[-1] == ["仅统计：平台：速卖通"]


def test_filters_are_the_pareto_tabs_only(qtbot, make_window, register):
    add(register, "item_defective", 1)
    _window, dialog = open_dialog(qtbot, make_window, register)
    dialog.tabs.setCurrentWidget(dialog.refund_speed)
    assert not dialog.platform_filter.isEnabled()
    assert not dialog.product_filter.isEnabled()
    dialog.tabs.setCurrentIndex(0)
    assert dialog.platform_filter.isEnabled() and dialog.product_filter.isEnabled()
