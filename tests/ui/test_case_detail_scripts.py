"""The case panel carries the reply scripts for the case on screen."""

from __future__ import annotations

from shopdesk.ui.views.case_detail import CaseDetailView

from .ui_support import Operator, make_case


def test_scripts_tab_follows_the_shown_case(qtbot, register):
    view = CaseDetailView(register, Operator())
    qtbot.addWidget(view)
    case = make_case(register)
    view.show_case(case.id)
    panel = view.scripts_panel
    assert panel is not None
    ids = panel.script_ids()
    assert ids, "a return_refund / item_defective case gets suggestions"
    kinds = {register.scripts.get(i).kinds for i in ids}
    assert all(not k or "return_refund" in {x.value for x in k} for k in kinds)
    view.show_case(None)
    assert panel.script_ids() == []
