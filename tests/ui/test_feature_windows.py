"""The main window reaches the call policy, compliance, may-call list and script library."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtWidgets import QApplication

from shopdesk.domain.case import CaseDraft
from shopdesk.domain.enums import CaseKind, Platform
from shopdesk.ui.dialogs.policy_dialog import PolicyDialog
from shopdesk.ui.views.call_compliance import CallComplianceView
from shopdesk.ui.views.may_call_list import MayCallList
from shopdesk.ui.views.script_library_view import ScriptLibraryView


def _top_level(kind):
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def test_menus_open_the_feature_windows(make_window, demo_register):
    window = make_window(demo_register)
    window.findChild(type(window.act_policy), "action_call_policy").trigger()
    assert _top_level(PolicyDialog)
    for w in _top_level(PolicyDialog):
        w.close()
    window.act_compliance.trigger()
    assert _top_level(CallComplianceView)
    window.act_scripts.trigger()
    assert _top_level(ScriptLibraryView)
    for w in _top_level(CallComplianceView) + _top_level(ScriptLibraryView):
        w.close()


def test_may_call_dock_lists_buyers_and_opens_their_case(make_window, demo_register, qtbot):
    # 10:00 Shanghai on a working day: inside the default window.
    demo_register.clock.set(datetime(2026, 11, 24, 2, 0, tzinfo=UTC))
    case = demo_register.cases.open_case(CaseDraft(
        platform=Platform.TAOBAO, order_no="5550001112223", kind=CaseKind.REFUND_ONLY,
        buyer_nick="可拨打的买家", buyer_phone="13900001111"), "小王")
    window = make_window(demo_register)
    window.calls.dock.toggleViewAction().trigger()
    listing = window.calls.dock.widget()
    assert isinstance(listing, MayCallList)
    qtbot.waitUntil(lambda: listing.tree.topLevelItemCount() > 0, timeout=3000)
    rows = [listing.tree.topLevelItem(i).text(0) for i in range(listing.tree.topLevelItemCount())]
    assert case.case_no in rows
    listing.case_selected.emit(case.id)
    assert window.detail.current_case_id == case.id


def test_export_writes_the_filtered_list_masked(make_window, demo_register, tmp_path,
                                                monkeypatch):
    import csv

    from PySide6.QtWidgets import QFileDialog, QMessageBox

    target = tmp_path / "out.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "")))
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: QMessageBox.StandardButton.No))
    window = make_window(demo_register, env={"SHOPDESK_LANG": "en"})
    window.act_export.trigger()
    with target.open(encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    assert len(rows) - 1 == window.case_list.count()
    phones = [cell for row in rows[1:] for cell in row if cell[:1] == "1" and "****" in cell]
    assert phones, "phones are present, masked"
    full = [c for row in rows[1:] for c in row if c.isdigit() and len(c) == 11
            and c.startswith("1")]
    assert full == []
    # One case: the message says "1 case", not "1 cases".
    said: list[str] = []
    monkeypatch.setattr(window, "show_message", lambda text, msecs: said.append(text))
    only = window.case_list.model.case_id_at(0)
    window.case_list.model.set_query(window.case_list.model.query.with_changes(
        search=demo_register.cases.get(only).case_no))
    assert window.case_list.count() == 1
    window.act_export.trigger()
    assert said and said[-1].startswith("Exported 1 case to ")
