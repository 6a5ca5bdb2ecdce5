"""The import dialog: preview a file, tick "import the valid rows", import, save the rest."""

from __future__ import annotations

import csv
import threading

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QComboBox, QFileDialog

from shopdesk.importers import ImportCancelled, RecordType
from shopdesk.services.imports import ImportService
from shopdesk.ui.dialogs.column_mapping_dialog import ColumnMappingDialog
from shopdesk.ui.dialogs.import_dialog import ImportDialog
from tests.importers.helpers import DATA, csv_bytes

REFUNDS = DATA / "taobao_refund_gbk.csv"


@pytest.fixture(autouse=True)
def _chinese(chinese_ui):
    """These tests read the dialog's Chinese text, so the translators are installed."""
    return chinese_ui


@pytest.fixture
def dialog(qtbot, register):
    dlg = ImportDialog(register, "小王", path=REFUNDS)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitUntil(lambda: dlg.report is not None and not dlg.is_busy(), timeout=10_000)
    return dlg


def test_preview_counts_then_import_the_valid_rows(qtbot, dialog, register, tmp_path,
                                                    monkeypatch):
    assert dialog.panel.shown_counts() == {"created": "3", "updated": "0", "unchanged": "0",
                                           "errors": "4"}
    table = dialog.panel.errors
    assert table.rowCount() == 4
    assert [table.item(r, 0).text() for r in range(4)] == ["5", "6", "7", "8"]
    assert table.item(1, 1).text() == "买家退款金额"
    assert table.item(1, 2).text() == "申请金额不能超过实付金额"
    assert "识别为" in dialog.detected.text() and "淘宝" in dialog.detected.text()
    assert not dialog.import_button.isEnabled()  # bad rows block it until skipping is chosen
    assert "4 行有错误" in dialog.status.text()

    box = dialog.skip_bad  # click on its box, not the empty stretch right of the text
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert dialog.skip_bad.isChecked() and dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.import_finished, timeout=10_000) as finished:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    report = finished.args[0]
    assert report.imported and report.created == 3
    assert register.cases.store.total() == 3
    assert {c.created_by for c in register.cases.fetch([1, 2, 3]).values()} == {"小王"}
    assert "已导入" in dialog.status.text() and "保存未导入的行" in dialog.status.text()
    assert not dialog.import_button.isEnabled() and dialog.import_button.text() == "已导入"

    target = tmp_path / "skipped.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "CSV (*.csv)")))
    assert dialog.save_skipped_button.isEnabled()
    qtbot.mouseClick(dialog.save_skipped_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: target.exists() and not dialog.is_busy(), timeout=10_000)
    with target.open(encoding="utf-8-sig", newline="") as fh:
        assert len(list(csv.reader(fh))) == 5
    assert "已把 4 行保存到" in dialog.status.text()


def test_choosing_another_file_type_previews_again(qtbot, dialog):
    with qtbot.waitSignal(dialog.preview_ready, timeout=10_000) as ready:
        dialog.preset.setCurrentIndex(dialog.preset.findData("preset:jd_aftersale"))
    assert ready.args[0].file_error is not None  # a Taobao file is not a JD export
    assert dialog.panel.shown_counts()["created"] == "–"
    assert not dialog.import_button.isEnabled()


def test_cancel_stops_the_import(qtbot, register):
    started = threading.Event()

    class SlowService(ImportService):
        def apply(self, parsed, filename, actor, *, cancelled=None, **kw):
            started.set()
            while not cancelled():
                threading.Event().wait(0.01)
            raise ImportCancelled()

    service = SlowService.for_register(register)
    dlg = ImportDialog(register, "小王", path=REFUNDS, service=service)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitUntil(lambda: dlg.report is not None and not dlg.is_busy(), timeout=10_000)
    dlg.skip_bad.setChecked(True)
    qtbot.mouseClick(dlg.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(started.is_set, timeout=5_000)
    assert dlg.cancel_button.isVisible() and not dlg.close_button.isEnabled()
    dlg.reject()  # Esc while working cancels instead of closing
    qtbot.waitUntil(lambda: not dlg.is_busy(), timeout=5_000)
    assert "已取消" in dlg.status.text() and dlg.isVisible()  # still open
    assert dlg.import_button.isEnabled()  # and it can be tried again
    assert register.cases.store.total() == 0


def test_an_unknown_file_offers_a_column_mapping(qtbot, register, tmp_path, monkeypatch):
    path = tmp_path / "ks.csv"
    path.write_bytes(csv_bytes([["单号", "退多少", "进度"], ["KS20261123001", "12.00", "待处理"]]))
    dlg = ImportDialog(register, "小王", path=path)
    qtbot.addWidget(dlg)
    qtbot.waitUntil(lambda: dlg.report is not None and not dlg.is_busy(), timeout=10_000)
    assert dlg.report.file_error.code == "no_header"
    assert "设置列映射" in dlg.status.text() and not dlg.mapping_button.isHidden()

    def fill(mapping_dialog: ColumnMappingDialog) -> int:
        mapping_dialog._combos["order_no"].setCurrentText("单号")
        mapping_dialog._combos["amount_claimed"].setCurrentText("退多少")
        mapping_dialog.default_kind.setCurrentIndex(1)
        mapping_dialog.name.setText("快手售后")
        mapping_dialog.save_box.setChecked(True)
        mapping_dialog.accept()
        return mapping_dialog.result()

    monkeypatch.setattr(ColumnMappingDialog, "exec", fill)
    with qtbot.waitSignal(dlg.preview_ready, timeout=10_000) as ready:
        qtbot.mouseClick(dlg.mapping_button, Qt.MouseButton.LeftButton)
    assert ready.args[0].created == 1
    assert dlg.preset.currentData() == "profile:快手售后"
    assert ImportService.for_register(register).profiles.names() == ["快手售后"]


def test_mapping_dialog_guesses_known_headers_and_requires_the_order_number(qtbot, register):
    service = ImportService.for_register(register)
    dlg = ColumnMappingDialog(["订单编号", "退款金额", "随便什么"], service.profiles,
                              presets=service.config.presets)
    qtbot.addWidget(dlg)
    assert dlg._combos["order_no"].currentText() == "订单编号"
    assert dlg._combos["amount_claimed"].currentText() == "退款金额"
    combo: QComboBox = dlg._combos["order_no"]
    combo.setCurrentIndex(0)
    dlg.accept()
    assert dlg.mapping() is None and "订单号" in dlg.error.text()
    dlg.record_type.setCurrentIndex(1)
    assert dlg.current_type() is RecordType.ORDER and dlg.default_kind.isHidden()


def test_opened_from_the_main_window_it_refreshes_the_list(qtbot, window, monkeypatch):
    from shopdesk.ui.dialogs import import_dialog

    before = window.case_list.model.rowCount()

    def run(dialog):
        qtbot.waitUntil(lambda: dialog.report is not None and not dialog.is_busy(),
                        timeout=10_000)
        dialog.skip_bad.setChecked(True)
        with qtbot.waitSignal(dialog.import_finished, timeout=10_000):
            dialog.import_button.click()
        dialog.accept()
        return 1

    monkeypatch.setattr(ImportDialog, "exec", run)
    dialog = import_dialog.open_import_dialog(window, REFUNDS)
    assert dialog.imported and dialog.operator == window.operator()
    # Three rows imported; the 退款成功 one is resolved, so the open list gains two.
    assert dialog.report.created == 3 and dialog.report.resolved_by_platform == 1
    assert window.case_list.model.rowCount() == before + 2
