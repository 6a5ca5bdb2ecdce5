"""The platform's state in the window: the import dialog's first-import choice, the list's
平台状态 column and the case view's line."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, QPoint, Qt

from shopdesk.domain.case_query import CaseQuery, SortKey
from shopdesk.domain.enums import CaseStatus
from shopdesk.ui.dialogs.import_dialog import ImportDialog
from shopdesk.ui.models.case_columns import column_of
from shopdesk.ui.models.case_table import CaseTableModel
from shopdesk.ui.views.case_detail import CaseDetailView
from tests.importers.helpers import TAOBAO_42_STATES, csv_bytes, taobao42_rows


@pytest.fixture(autouse=True)
def chinese_labels(monkeypatch):
    monkeypatch.delenv("SHOPDESK_LANG", raising=False)


@pytest.fixture
def month(tmp_path):
    path = tmp_path / "十一月退款.csv"
    path.write_bytes(csv_bytes(taobao42_rows(TAOBAO_42_STATES), "gbk"))
    return path


def tick(qtbot, box) -> None:
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def wait_preview(qtbot, dialog) -> None:
    qtbot.waitUntil(lambda: dialog.report is not None and not dialog.is_busy(), timeout=10_000)


def test_the_dialog_can_leave_finished_refunds_out(qtbot, register, month, tasks):
    dialog = ImportDialog(register, "小王", tasks, path=month)
    qtbot.addWidget(dialog)
    dialog.show()
    wait_preview(qtbot, dialog)
    assert dialog.panel.shown_counts()["created"] == "10"
    assert not dialog.only_open.isChecked() and not dialog.finished_since.isEnabled()

    with qtbot.waitSignal(dialog.preview_ready, timeout=10_000) as ready:
        tick(qtbot, dialog.only_open)
    assert (ready.args[0].created, ready.args[0].left_out) == (6, 4)
    wait_preview(qtbot, dialog)
    assert dialog.panel.shown_counts()["created"] == "6"

    # Ticking the other choice unticks this one; its day decides what comes in.
    with qtbot.waitSignal(dialog.preview_ready, timeout=10_000):
        tick(qtbot, dialog.finished_since_box)
    wait_preview(qtbot, dialog)
    assert not dialog.only_open.isChecked() and dialog.finished_since.isEnabled()
    with qtbot.waitSignal(dialog.preview_ready, timeout=10_000) as ready:
        dialog.finished_since.setDate(QDate(2026, 11, 6))
    assert (ready.args[0].created, ready.args[0].left_out) == (9, 1)
    wait_preview(qtbot, dialog)
    assert dialog.finished_choice() == {"only_open": False,
                                        "finished_since": date(2026, 11, 6)}

    with qtbot.waitSignal(dialog.preview_ready, timeout=10_000):
        tick(qtbot, dialog.only_open)
    wait_preview(qtbot, dialog)
    with qtbot.waitSignal(dialog.import_finished, timeout=10_000) as finished:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert finished.args[0].created == 6
    cases = register.cases.fetch(register.cases.query_ids(CaseQuery()))
    assert len(cases) == 6 and all(c.status.is_open for c in cases.values())
    assert not dialog.only_open.isEnabled()  # done: the choice is spent


def test_the_list_shows_and_sorts_the_platform_status(register, month):
    register.imports.import_file(month, "小王")
    model = CaseTableModel(register.cases)
    model.set_query(CaseQuery(sort=SortKey.CASE_NO, descending=False))
    col = column_of("platform_status")
    assert model.headerData(col, Qt.Orientation.Horizontal) in ("Platform status", "平台状态")
    shown = [model.index(r, col).data() for r in range(model.rowCount())]
    assert shown[0] == "买家已经申请退款，等待卖家同意" and shown[4] == "退款成功"
    # A dispute the platform is handling says so first.
    assert shown[7] == "客服介入中 · 买家已经申请退款，等待卖家同意"
    assert shown[9] == "退款成功"  # intervention finished: the refund's words
    tip = model.index(7, col).data(Qt.ItemDataRole.ToolTipRole)
    assert "平台介入中" in tip and "客服介入中" in tip
    model.sort(col, Qt.SortOrder.AscendingOrder)
    assert model.query.sort is SortKey.PLATFORM_STATUS
    ordered = [model.case_at(r).platform_status for r in range(model.rowCount())]
    assert ordered == sorted(ordered) and len(set(ordered)) == 6


def test_the_open_queue_of_a_first_month_holds_only_open_work(register, month):
    from shopdesk.services.quick_filters import QuickFilter, apply_quick_filter

    register.imports.import_file(month, "小王")
    model = CaseTableModel(register.cases)
    model.set_query(apply_quick_filter(CaseQuery(), QuickFilter.OPEN,
                                       now=register.clock.now(), tz=register.shop_tz,
                                       operator="小王"))
    statuses = {model.index(r, column_of("status")).data() for r in range(model.rowCount())}
    assert model.rowCount() == 6
    assert statuses <= {s.zh for s in CaseStatus if s.is_open}


def test_the_case_view_has_a_platform_line(qtbot, register, month):
    register.imports.import_file(month, "小王")
    view = CaseDetailView(register, lambda: "小王")
    qtbot.addWidget(view)
    view.resize(560, 700)
    view.show()
    dispute = register.cases.store.find(refund_no="158000000000000008")[0]
    view.show_case(dispute.id)
    line = view.facts.values["platform_state"]
    assert line.isVisible()
    assert "客服介入中" in line.text() and "平台介入中" in line.text()
    assert "2026-11-09 09:00" in line.text()  # 举证超时, in shop time
    refused = register.cases.store.find(refund_no="158000000000000004")[0]
    view.show_case(refused.id)
    assert "卖家拒绝退款" in view.facts.values["platform_state"].text()
    assert "买家原因" in view.facts.values["platform_state"].text()  # 责任方 买家, a hint

    from shopdesk.domain.case import CaseDraft
    from shopdesk.domain.enums import CaseKind, Platform

    typed = register.cases.open_case(CaseDraft(platform=Platform.JD, order_no="305123456789",
                                               kind=CaseKind.REFUND_ONLY), "小王")
    view.show_case(typed.id)
    assert not view.facts.values["platform_state"].isVisible()
    assert not view.facts._labels["platform_state"].isVisible()
