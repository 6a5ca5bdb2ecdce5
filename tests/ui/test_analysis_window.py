"""The complaint analysis window: opened from View, table and chart follow the choices."""

from __future__ import annotations

from PySide6.QtCore import Qt

from shopdesk.domain.case import draft_from_fields


def add(register, cause, n=1, platform="taobao"):
    for _ in range(n):
        draft = draft_from_fields({"platform": platform, "order_no": "T100001",
                                   "kind": "refund_only", "cause": cause})
        register.cases.open_case(draft, "小王")


def test_view_menu_opens_the_pareto_of_the_last_30_days(qtbot, make_window, register):
    add(register, "item_defective", 3)
    add(register, "slow_delivery", 1, platform="jd")
    window = make_window(register)
    view = window.menuBar().findChild(type(window.menuBar().actions()[0].menu()), "menu_view")
    assert window.analysis.act_analysis in view.actions()
    window.analysis.act_analysis.trigger()
    dialog = window.analysis.dialog
    qtbot.waitExposed(dialog)
    table = dialog.table
    assert table.rowCount() == 2
    assert [table.item(0, c).text() for c in range(4)] == ["宝贝有问题", "3", "75.0%", "75.0%"]
    assert table.item(1, 3).text() == "100.0%"
    assert dialog.chart.renderer().isValid()
    assert dialog.total.text() == "共 4 单"

    # Another dimension: by platform.
    combo = dialog.dimension
    combo.setFocus()
    index = combo.findData("platform")
    while combo.currentIndex() != index:
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert [table.item(r, 0).text() for r in range(table.rowCount())] == ["淘宝/天猫", "京东"]


def test_a_period_without_cases_shows_an_empty_table(qtbot, make_window, register):
    add(register, "item_defective", 2)
    window = make_window(register)
    dialog = window.analysis.open_dialog()
    qtbot.waitExposed(dialog)
    dialog.date_from.setDate(dialog.date_from.date().addYears(-2))
    dialog.date_to.setDate(dialog.date_from.date().addDays(3))
    assert dialog.table.rowCount() == 0
    assert dialog.period.currentData() == "custom"


def test_refund_speed_view_with_follow_up_results(qtbot, make_window, register, clock):
    from decimal import Decimal

    from shopdesk.domain.enums import CaseKind, Outcome
    from shopdesk.domain.followups import FollowupResult

    from ..services.followup_support import open_kind, resolve

    for hours in (2, 4):
        case = open_kind(register, CaseKind.REFUND_ONLY)
        clock.advance(hours=hours)
        resolve(register, case.id, Outcome.FULL_REFUND, Decimal("59"))
    exchange = open_kind(register, CaseKind.EXCHANGE)
    resolve(register, exchange.id, Outcome.EXCHANGED)
    clock.advance(days=7)
    [f] = register.followups.for_case(exchange.id)
    register.followups.done(f.id, FollowupResult.SATISFIED, "小王")
    window = make_window(register)
    window.analysis.act_analysis.trigger()
    dialog = window.analysis.dialog
    qtbot.waitExposed(dialog)
    dialog.tabs.setCurrentWidget(dialog.refund_speed)
    table = dialog.refund_speed.table
    assert table.rowCount() == 2  # taobao, then the total
    assert [table.item(0, c).text() for c in range(4)] == ["淘宝/天猫", "2", "3.0", "3.8"]
    assert "1" in dialog.refund_speed.satisfaction.text()
    assert "100%" in dialog.refund_speed.satisfaction.text()
    combo = dialog.refund_speed.by
    combo.setCurrentIndex(combo.findData("staff"))
    assert table.item(0, 1).text() == "2"
    # An empty period: no rows but the total line with dashes.
    dialog.date_from.setDate(dialog.date_from.date().addYears(-2))
    dialog.date_to.setDate(dialog.date_from.date())
    assert table.rowCount() == 1 and table.item(0, 2).text() == "—"


def test_every_column_header_shows_whole_in_chinese(qtbot, make_window, register):
    """平均解决时长（小时） and the other headers are never cut: the figures' columns fit
    their header (and values) at the window's size on a 1280x720 screen."""
    add(register, "item_defective", 2)
    window = make_window(register)
    dialog = window.analysis.open_dialog()
    qtbot.waitExposed(dialog)
    table = dialog.table
    header = table.horizontalHeader()
    assert table.horizontalHeaderItem(5).text() == "平均解决时长（小时）"
    for col in range(1, table.columnCount()):
        needed = header.sectionSizeFromContents(col).width()
        assert header.sectionSize(col) >= needed, table.horizontalHeaderItem(col).text()
    qtbot.wait(50)
    assert header.length() <= table.viewport().width() + 1, (header.length(),
                                                              table.viewport().width())


def test_last_month_is_one_choice_for_the_month_end_review(qtbot, make_window, register,
                                                          clock):
    from datetime import date, timedelta

    # Two cases in October, one in November; the clock is 2026-11-23.
    for days_ago in (30, 40):
        register.cases.open_case(draft_from_fields({
            "platform": "taobao", "order_no": "T100009", "kind": "refund_only",
            "cause": "item_defective"}), "小王", at=clock.now() - timedelta(days=days_ago))
    add(register, "slow_delivery")
    window = make_window(register)
    dialog = window.analysis.open_dialog()
    qtbot.waitExposed(dialog)
    dialog.period.setCurrentIndex(dialog.period.findData("last_month"))
    assert dialog.date_from.date().toPython() == date(2026, 10, 1)
    assert dialog.date_to.date().toPython() == date(2026, 10, 31)
    assert dialog.total.text() == "共 2 单"


def test_the_chart_is_drawn_at_the_size_it_is_shown(qtbot, make_window, register):
    add(register, "item_defective", 3)
    window = make_window(register)
    dialog = window.analysis.open_dialog()
    qtbot.waitExposed(dialog)
    dialog.resize(1100, 700)
    chart = dialog.chart
    # 1:1, not a 900-wide drawing stretched into the widget (blurred, squashed labels).
    qtbot.waitUntil(lambda: chart.renderer().defaultSize().width() == chart.width(),
                    timeout=3000)
    assert chart.renderer().defaultSize().height() == chart.height()


def test_the_window_reopens_with_the_last_period_and_dimension(qtbot, make_window, register):
    add(register, "item_defective", 2)
    window = make_window(register)
    dialog = window.analysis.open_dialog()
    qtbot.waitExposed(dialog)
    dialog.dimension.setCurrentIndex(dialog.dimension.findData("platform"))
    dialog.period.setCurrentIndex(dialog.period.findData("last_month"))
    dialog.close()
    again = type(dialog)(register, "zh", window, operator=lambda: "小王")
    qtbot.addWidget(again)
    assert again.dimension.currentData() == "platform"
    assert again.period.currentData() == "last_month"
    assert again.period_days() == dialog.period_days()
    # A custom period comes back with its dates.
    again.date_from.setDate(again.date_from.date().addDays(-40))
    third = type(dialog)(register, "zh", window, operator=lambda: "小王")
    qtbot.addWidget(third)
    assert third.period.currentData() == "custom"
    assert third.period_days() == again.period_days()



def test_a_damaged_saved_period_falls_back_to_the_default(qtbot, make_window, register):
    from shopdesk.ui.dialogs.analysis_dialog import FROM_KEY, PERIOD_KEY, TO_KEY
    from shopdesk.ui.window_state import app_settings

    settings = app_settings()
    for key, value in ((PERIOD_KEY, "custom"), (FROM_KEY, "2026-11-30"),
                       (TO_KEY, "2026-11-01")):  # reversed: never saved by the window
        settings.setValue(key, value)
    settings.sync()
    window = make_window(register)
    dialog = window.analysis.open_dialog()
    assert dialog.period.currentData() == "last30"
    settings.setValue(FROM_KEY, "1900-01-01")
    settings.setValue(TO_KEY, "9999-12-30")  # far off: would overflow the previous period
    settings.sync()
    again = type(dialog)(register, "zh", window, operator=lambda: "小王")
    qtbot.addWidget(again)
    assert again.period.currentData() == "last30"


def test_this_month_is_compared_with_the_same_days_of_the_month_before(
        qtbot, make_window, register, clock):
    """The change column of a month in progress: 1–23 Nov against 1–23 Oct (not the 23
    days before 1 Nov), and the window says which days."""
    from datetime import timedelta

    # The clock is 2026-11-23: two cases on 5 Oct count as before, one on 28 Oct does not
    # (the same-length window, 9-31 Oct, counted only that one: +2).
    for days_ago in (49, 49, 26):
        register.cases.open_case(draft_from_fields({
            "platform": "taobao", "order_no": "T100009", "kind": "refund_only",
            "cause": "item_defective"}), "小王", at=clock.now() - timedelta(days=days_ago))
    add(register, "item_defective", 3)
    window = make_window(register)
    dialog = window.analysis.open_dialog()
    qtbot.waitExposed(dialog)
    dialog.period.setCurrentIndex(dialog.period.findData("month"))
    assert dialog.table.item(0, 6).text() == "+1"
    assert dialog.compared.text().endswith("11月1日–23日 对比 10月1日–23日")
    assert dialog.compared.isVisible()


def test_provinces_in_english(qtbot, make_window, register, monkeypatch):
    """The English window named provinces in Chinese (广东, 北京): the list is fixed, so
    they have English names; the stored key stays Chinese (drill-down, plans)."""
    monkeypatch.setenv("SHOPDESK_LANG", "en")
    register.set_language("en")
    for address in ("广东省广州市天河区", "广州市白云区", "北京市朝阳区", ""):
        register.cases.open_case(draft_from_fields({
            "platform": "aliexpress", "order_no": "A100001", "kind": "refund_only",
            "cause": "item_defective", "buyer_address": address}), "小王")
    window = make_window(register, {"SHOPDESK_LANG": "en"})
    dialog = window.analysis.open_dialog()
    qtbot.waitExposed(dialog)
    combo = dialog.dimension
    combo.setCurrentIndex(combo.findData("province"))
    table = dialog.table
    rows = [(table.item(r, 0).text(), table.item(r, 0).data(Qt.ItemDataRole.UserRole))
            for r in range(table.rowCount())]
    assert rows == [("Guangdong", "广东"), ("(none)", ""), ("Beijing", "北京")]
    assert combo.currentText() == "Province"


def test_a_reversed_custom_period_is_said_beside_the_dates(qtbot, make_window, register):
    """From 2026-12-20 to 2026-12-05 showed "0 cases" and an empty chart, no message (the
    command line refuses it: --to is before --from)."""
    from PySide6.QtCore import QDate

    add(register, "item_defective", 2)
    window = make_window(register)
    dialog = window.analysis.open_dialog()
    qtbot.waitExposed(dialog)
    assert not dialog.period_error.isVisible()
    dialog.date_to.setDate(QDate(2026, 11, 5))
    dialog.date_from.setDate(QDate(2026, 11, 20))
    assert dialog.period_error.isVisible()
    assert dialog.period_error.text() in ("The end date is before the start date",
                                          "结束日期早于开始日期")  # before / after translating
    # Beside the end date, not somewhere else in the window.
    error_x = dialog.period_error.mapTo(dialog, dialog.period_error.rect().topLeft()).x()
    to_right = dialog.date_to.mapTo(dialog, dialog.date_to.rect().topRight()).x()
    assert 0 <= error_x - to_right < 20
    assert dialog.total.text() == "" and dialog.table.rowCount() == 0
    assert not dialog.export_button.isEnabled()
    # Put right, the message goes and the figures come back.
    dialog.date_from.setDate(QDate(2026, 11, 1))
    dialog.date_to.setDate(QDate(2026, 11, 30))
    assert not dialog.period_error.isVisible()
    assert dialog.total.text() == "共 2 单"


def test_today_is_compared_with_yesterday_even_on_a_monday(qtbot, make_window, register,
                                                           clock):
    """The clock is Monday 23 Nov: "Today" was taken for a week's first day and compared
    with Monday 16 Nov."""
    window = make_window(register)
    dialog = window.analysis.open_dialog()
    qtbot.waitExposed(dialog)
    dialog.period.setCurrentIndex(dialog.period.findData("day"))
    assert dialog.compared.text().endswith("11月23日 对比 11月22日")


def test_this_year_in_january_is_compared_with_last_january(qtbot, make_window, register,
                                                            clock):
    """On 15 January "This year" (1–15 Jan) was taken for a month and compared with
    1–15 December."""
    from datetime import UTC, datetime

    clock.set(datetime(2027, 1, 15, 2, 0, tzinfo=UTC))
    window = make_window(register)
    dialog = window.analysis.open_dialog()
    qtbot.waitExposed(dialog)
    dialog.period.setCurrentIndex(dialog.period.findData("year"))
    assert dialog.compared.text().endswith("2027年1月1日–15日 对比 2026年1月1日–15日")
