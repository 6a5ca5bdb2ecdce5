"""The audit dialog speaks the window's language: labels instead of stored keys, times in
the shop's zone, evidence by its file name (never a SHA-256)."""

from __future__ import annotations

import re
from datetime import timedelta

from PIL import Image
from PySide6.QtCore import Qt

from shopdesk.domain.evidence import EvidenceCategory
from shopdesk.domain.promises import PromiseKind
from shopdesk.ui.dialogs.audit_dialog import AuditDialog
from shopdesk.ui.views.case_detail import CaseDetailView

from ..conftest import T0
from .ui_support import Operator, make_case


def _open_audit(qtbot, register, case_id) -> AuditDialog:
    view = CaseDetailView(register, Operator())
    qtbot.addWidget(view)
    view.resize(560, 700)
    view.show()
    view.show_case(case_id)
    qtbot.mouseClick(view.audit_button, Qt.MouseButton.LeftButton)
    dialog = view.findChild(AuditDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def _story(register, tmp_path):
    case = make_case(register)
    # 10:00 UTC is 18:00 in Shanghai, the shop's zone.
    register.promises.make(case.id, PromiseKind.CALL_BACK, T0 + timedelta(hours=8), "小王",
                           text="回电说明进度")
    photo = tmp_path / "破损照片.jpg"
    Image.new("RGB", (8, 6), (200, 0, 0)).save(photo, "JPEG")
    evidence = register.evidence.add_file(case.id, photo, "小王")
    register.evidence.set_category(evidence.id, EvidenceCategory.PACKAGE_PHOTO, "小王")
    return case


def test_audit_rows_show_labels_local_times_and_file_names(qtbot, register, tmp_path,
                                                           chinese_ui):
    case = _story(register, tmp_path)
    dialog = _open_audit(qtbot, register, case.id)
    rows = dialog.rows()
    text = "\n".join("\t".join(r) for r in rows)
    promise = next(r for r in rows if r[2] == "作出承诺")
    assert promise[3].startswith("承诺 #")
    assert promise[5] == "回电 2026-11-23 18:00 回电说明进度"
    added = next(r for r in rows if r[2] == "添加证据")
    assert added[5] == "破损照片.jpg"
    category = next(r for r in rows if r[2] == "修改证据类别")
    assert category[4:] == [EvidenceCategory.OTHER.label("zh"),
                            EvidenceCategory.PACKAGE_PHOTO.label("zh")]
    assert not re.search(r"[0-9a-f]{64}", text)  # no hash
    assert "+00:00" not in text and "call_back" not in text and "package_photo" not in text
    assert rows[0][1] == "2026-11-23 10:00"  # created at 02:00 UTC, shown in shop time
    qtbot.keyClick(dialog.table, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_audit_rows_in_english(qtbot, register, tmp_path, monkeypatch):
    monkeypatch.setenv("SHOPDESK_LANG", "en")
    register.set_language("en")
    case = _story(register, tmp_path)
    rows = _open_audit(qtbot, register, case.id).rows()
    promise = next(r for r in rows if r[2] == "Promise made")
    assert promise[5] == "Call back 2026-11-23 18:00 回电说明进度"
    assert any(r[2] == "Evidence added" and r[5] == "破损照片.jpg" for r in rows)


def test_timeline_lines_use_one_language(qapp):
    from shopdesk.ui.views.case_detail_text import CaseText

    text = CaseText("en", "Asia/Shanghai")
    line = text.event_line("call", "已接通：买家同意补发", {"outcome": "connected"})
    assert line == "Phone call: Connected (talked): 买家同意补发"  # the summary is the seller's own
    assert "已接通" not in line
    step = text.event_line("step", "完成：解释与道歉", {"step": "explain", "done": True})
    assert step == "Step done: Explain & apologise"


def test_a_fill_from_an_order_reads_in_the_windows_language(qapp):
    from shopdesk.ui.views.case_detail_text import CaseText

    data = {"order_no": "3126112300000000001", "fields": ["buyer_nick", "sku"]}
    line = CaseText("en", "Asia/Shanghai").event_line("enriched", "从订单补全：买家昵称、商品编码",
                                                       data)
    assert line.startswith("Filled from order 3126112300000000001: ")
    assert "买家" not in line and "enriched" not in line


def test_review_events_read_in_english():
    from shopdesk.ui.views.case_detail_text import CaseText

    text = CaseText("en", "Asia/Shanghai")
    # The stored line is Chinese; the English timeline said "Bad review: 更新差评信息".
    assert text.event_line("review", "更新差评信息", {"fields": ["stars"]}) == \
        "Bad review: details updated"
    assert text.event_line("review", "已发出评价解释", {"fields": ["replied_at"]}) == \
        "Bad review: public reply posted"
