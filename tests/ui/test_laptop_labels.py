"""At 1280x720, in Chinese and English, labels read whole: the quick filters with their
counts, the warnings column, the case panel's tabs, the stage beside a major complaint,
the similar-cases line, and the complaint analysis's chart labels, table and plans."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics

from shopdesk.domain.analysis import Dimension, Pareto, ParetoRow
from shopdesk.domain.case import draft_from_fields
from shopdesk.domain.promises import PromiseKind
from shopdesk.services.quick_filters import QuickFilter
from shopdesk.ui.dialogs.analysis_dialog import CHART_HEIGHT, CHART_WIDTH, PLANS_TAB
from shopdesk.ui.models.case_columns import column_of

from ..conftest import T0

LAPTOP = (1280, 720)
LANGS = pytest.mark.parametrize("env", [{}, {"SHOPDESK_LANG": "en"}], ids=["zh", "en"])


def _open(register, order, kind="complaint", description="", buyer="买家", item="保温杯"):
    draft = draft_from_fields({"platform": "taobao", "order_no": order, "kind": kind,
                               "buyer_nick": buyer, "description": description,
                               "cause": "item_defective", "item_title": item})
    return register.cases.open_case(draft, "小王")


def _laptop(qtbot, make_window, register, env):
    window = make_window(register, env=env)
    window.resize(*LAPTOP)
    qtbot.waitUntil(lambda: window.width() == LAPTOP[0])
    return window


@LANGS
def test_every_quick_filter_reads_whole_with_three_digit_counts(qtbot, make_window,
                                                                demo_register, env):
    window = _laptop(qtbot, make_window, demo_register, env)
    bar = window.filter_bar
    # The widest counts a busy shop sees, set as the controllers set them.
    for quick, label in ((QuickFilter.WARNED, window.warnings._label),
                         (QuickFilter.DEADLINE_SOON, window.deadlines._label)):
        button = bar.quick_buttons[quick]
        button.setText(f"{label} (888)")
        button.setStyleSheet("font-weight: bold;")
    bar.set_count(88_888)
    for button in bar.quick_buttons.values():
        qtbot.waitUntil(lambda b=button: b.width() >= b.sizeHint().width(), timeout=2000)
        assert button.geometry().right() < bar.search.geometry().left(), button.text()
    assert bar.search.width() >= bar.search.minimumWidth()
    assert bar.count_label.geometry().right() <= bar.width()
    assert bar.count_label.width() >= bar.count_label.sizeHint().width()


@LANGS
def test_two_warnings_read_as_the_first_and_a_count(qtbot, make_window, register, env):
    # A child hurt and a threat to report it: 人身安全 and 扬言投诉 both fire.
    case = _open(register, "T100002", description="孩子被割伤，要打12315")
    window = _laptop(qtbot, make_window, register, env)
    model, table = window.case_list.model, window.case_list.table
    index = model.index(model.row_of(case.id), column_of("warnings"))
    text = index.data()
    assert text.startswith("⚠ ") and text.endswith(" +1")
    tip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert len(tip.splitlines()) == 2  # both named, with their reasons
    bold = QFont(table.font())
    bold.setBold(True)
    # Whole in the column a fresh install gives it (the cell has a few px of margin).
    assert table.columnWidth(column_of("warnings")) >= \
        QFontMetrics(bold).horizontalAdvance(text) + 6


def test_the_most_serious_warning_is_the_one_named(qtbot, make_window, register):
    # Three cases from one buyer: 同一买家多次售后 fires first; then the third case says a
    # child was hurt (人身安全), raised later. The cell names the safety warning, not the
    # older, milder one behind "+1".
    cases = [_open(register, f"T10002{i}", buyer="同一人") for i in range(3)]
    third = cases[-1]
    assert {w.rule.value for w in register.warnings.live([third.id])[third.id]} == {
        "repeat_buyer"}
    draft = draft_from_fields({"platform": "taobao", "order_no": "T100022",
                               "kind": "complaint", "buyer_nick": "同一人",
                               "cause": "item_defective", "item_title": "保温杯",
                               "description": "孩子被割伤了"})
    register.cases.update(third.id, draft, "小王")
    window = _laptop(qtbot, make_window, register, {})
    model = window.case_list.model
    text = model.index(model.row_of(third.id), column_of("warnings")).data()
    assert text == "⚠ 人身安全/健康 +1"


@LANGS
def test_the_case_tabs_read_whole_with_counts_on_a_bad_review(qtbot, make_window, register,
                                                              clock, env):
    case = _open(register, "T100003", kind="bad_review")
    register.promises.make(case.id, PromiseKind.REPLY, T0 + timedelta(hours=1), "小王")
    clock.set(T0 + timedelta(hours=2))  # the promise is overdue: "Promises (1 late)"
    window = _laptop(qtbot, make_window, register, env)
    window.open_case_by_id(case.id)
    tabs = window.detail.tabs
    assert tabs.isTabVisible(tabs.indexOf(window.detail.review_panel))
    bar = tabs.tabBar()
    # The widest evidence title: two-digit files and items missing.
    evidence = tabs.indexOf(window.detail.evidence_panel)
    title = tabs.tabText(evidence)
    tabs.setTabText(evidence, title.replace("0", "12", 1))
    qtbot.waitUntil(lambda: bar.width() > 0)
    needed = sum(bar.tabSizeHint(i).width() for i in range(bar.count())
                 if bar.isTabVisible(i))
    assert needed <= bar.width(), [bar.tabText(i) for i in range(bar.count())]
    for i in range(bar.count()):
        if bar.isTabVisible(i):
            assert bar.tabRect(i).width() >= bar.fontMetrics().horizontalAdvance(
                bar.tabText(i)), bar.tabText(i)


@LANGS
def test_the_stage_and_the_similar_cases_read_whole_beside_a_major_complaint(
        qtbot, make_window, register, env):
    first = _open(register, "T100004", kind="refund_only", buyer="甲")
    case = _open(register, "T100005", kind="refund_only", buyer="乙",
                 description="孩子被割伤，要打12315")
    register.staff.add("阿珍", actor="小王")
    register.major.mark(case.id, "阿珍", "小王")  # its button beside the number
    window = _laptop(qtbot, make_window, register, env)
    window.open_case_by_id(case.id)
    detail = window.detail
    strip, badge = detail.deadline_strip, detail.warning_badge
    label = strip.timeout_label
    assert strip.stage_name and detail.major_button.isVisible()
    # On the kind line or, where it would be cut there, on a line of its own.
    qtbot.waitUntil(lambda: label.isVisible()
                    and label.shown_text().startswith(strip.stage_name), timeout=2000)
    assert label.contentsRect().width() >= label.fontMetrics().horizontalAdvance(
        strip.stage_name)
    # The similar cases wrap: the whole sentence and its link are on screen.
    similar = badge.similar
    assert badge.similar_ids() == [first.id]
    qtbot.waitUntil(lambda: similar.height() >= similar.heightForWidth(similar.width()))
    assert similar.wordWrap()
    assert similar.geometry().right() <= badge.contentsRect().right() + 1


@LANGS
def test_the_stage_line_settles_at_every_width(qtbot, make_window, register, env):
    """Moving the stage text changes the header's height, which asks again where it goes:
    at some widths it moved up and down for ever. Sweep the widths around the boundary."""
    case = _open(register, "T100006", kind="refund_only", buyer="乙",
                 description="孩子被割伤，要打12315")
    register.staff.add("阿珍", actor="小王")
    register.major.mark(case.id, "阿珍", "小王")
    window = _laptop(qtbot, make_window, register, env)
    window.open_case_by_id(case.id)
    detail = window.detail
    label, lines = detail.deadline_strip.timeout_label, detail.header.layout()
    splitter = window.splitter
    total = sum(splitter.sizes())
    for pane in range(440, 560, 3):
        splitter.setSizes([total - pane, pane])
        qtbot.wait(30)  # the resize and whatever it triggers
        where = [lines.indexOf(label) >= 0]
        for _ in range(4):
            qtbot.wait(20)
            where.append(lines.indexOf(label) >= 0)
        assert len(set(where)) == 1, (pane, where)


def test_the_windows_chart_shows_english_labels_whole(register):
    """The drawing used to cut every label at ten characters ("Item defe…")."""
    start, end = register.analysis.month(2026, 11)
    labels = ["Item defective", "Slow delivery", "快递慢"]
    rows = tuple(ParetoRow(str(i), text, 9 - i, 0.2, 0.2 * (i + 1), Decimal(0), None, 0)
                 for i, text in enumerate(labels))
    svg = register.analysis.chart_svg(Pareto(Dimension.CAUSE, start, end, rows),
                                      width=CHART_WIDTH, height=CHART_HEIGHT).decode()
    for label in labels:
        assert f">{label}</text>" in svg


@LANGS
def test_the_pareto_table_shows_a_dozen_rows_at_720p(qtbot, make_window, demo_register,
                                                    env):
    window = _laptop(qtbot, make_window, demo_register, env)
    dialog = window.analysis.open_dialog()
    dialog.resize(1000, 640)
    qtbot.waitExposed(dialog)
    table = dialog.table
    qtbot.waitUntil(lambda: table.viewport().height() > 0)
    shown = table.viewport().height() // table.rowHeight(0)
    assert shown >= 12, shown
    assert dialog.chart.height() >= 170


@LANGS
def test_a_long_measured_result_wraps_whole(qtbot, make_window, register, env):
    start, end = register.analysis.month(2026, 11)
    for _ in range(3):
        _open(register, "T100007")
    register.analysis.add_plan(dimension="cause", category="slow_delivery",
                               root_cause="快递中转慢", plan="换快递公司，发货前逐项勾选配件清单",
                               actor="小王", target_pct=50, baseline=(start, end))
    window = _laptop(qtbot, make_window, register, env)
    dialog = window.analysis.open_dialog(tab=PLANS_TAB)
    dialog.resize(1000, 640)
    qtbot.waitExposed(dialog)
    table = dialog.plans.table
    for col in (3, 8):
        cell = table.item(0, col)
        rect = table.visualRect(table.model().index(0, col))
        text_rect = table.fontMetrics().boundingRect(
            rect.adjusted(3, 0, -3, 0), int(Qt.TextFlag.TextWordWrap), cell.text())
        assert text_rect.height() <= rect.height(), (cell.text(), text_rect, rect)


@LANGS
def test_the_offline_banner_says_its_whole_advice(qtbot, make_window, register, env):
    # English at 1280 px cut it mid-word: "…what you typec".
    from shopdesk.storage.pg.connection import offline_error

    window = _laptop(qtbot, make_window, register, env)
    window.team.show_offline(offline_error("192.168.1.20:5432/shopdesk", "connection refused"))
    detail = window.team.banner.detail
    qtbot.waitUntil(lambda: detail.isVisible())
    needed = QFontMetrics(detail.font()).boundingRect(
        0, 0, detail.width(), 10_000, int(Qt.TextFlag.TextWordWrap), detail.text()).height()
    assert detail.height() >= needed
