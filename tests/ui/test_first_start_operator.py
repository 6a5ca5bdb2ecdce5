"""Who is at the keyboard on a new register: asked after the demo, asked again where an
action needs an operator and nobody is on the staff list, and the demo loadable later."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QInputDialog, QMenu, QMessageBox

from shopdesk.domain.case_query import CaseQuery
from shopdesk.domain.enums import CaseKind, Platform
from shopdesk.services.cases import CaseDraft
from shopdesk.services.demo import generate_demo
from shopdesk.services.demo_cases import STAFF as DEMO_STAFF
from shopdesk.services.register import open_register
from shopdesk.ui.controllers.first_start import DEMO_CASES
from shopdesk.ui.dialogs.import_dialog import ImportDialog

# A title bar needs room beside its text: the window icon, the close button, padding.
TITLE_BAR_EXTRAS = 100


@pytest.fixture
def fresh(data_paths, clock, seed_register):
    """A new shop's register: no staff, nobody chosen."""
    register = open_register(seed_register(data_paths), clock)
    yield register
    register.close()


def click_menu_item(qtbot, window, menu_name, action):
    menu = window.findChild(QMenu, menu_name)
    menu.popup(window.mapToGlobal(QPoint(10, 10)))
    qtbot.waitUntil(menu.isVisible, timeout=2000)
    assert action in menu.actions() and action.isEnabled()
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton,
                     pos=menu.actionGeometry(action).center())
    qtbot.waitUntil(lambda: not menu.isVisible(), timeout=2000)


def test_the_demo_does_not_make_the_seller_a_demo_person(make_window, fresh, boxes):
    boxes.text_answer = ("阿珍姐", True)
    window = make_window(fresh)
    window.run_first_start()  # demo accepted (boxes answer Yes)
    assert fresh.cases.count(CaseQuery()) == DEMO_CASES
    assert boxes.texts("input"), "the name was never asked"
    # In Chinese (the window's language): a wrapper's strings had fallen out of the .ts.
    assert boxes.texts("input")[0] == "现在是谁在处理？\n你的名字（每次修改都会记录）："
    assert fresh.staff.current_operator() == "阿珍姐"
    assert window.operator_picker.combo.currentText() == "阿珍姐"
    # The demo's cases stay with its made-up staff.
    names = {m.name for m in fresh.staff.list()}
    assert names == {"阿珍姐", *DEMO_STAFF}
    assert fresh.cases.count(CaseQuery(assignee="阿珍姐")) == 0


def test_a_demo_loaded_elsewhere_still_asks_who_is_working(make_window, fresh, boxes):
    generate_demo(fresh, 20, seed=3)  # e.g. `shopdesk demo` before the first window
    assert fresh.staff.current_operator() == ""
    boxes.text_answer = ("阿珍姐", True)
    window = make_window(fresh)
    window.run_first_start()
    assert fresh.staff.current_operator() == "阿珍姐"


def test_own_staff_with_nobody_chosen_are_not_asked_for_a_new_name(make_window, fresh, boxes):
    fresh.staff.add("老板", actor="老板")  # e.g. a PIN holder, forgotten at the start
    window = make_window(fresh)
    window.run_first_start()
    assert boxes.texts("input") == []


def test_new_case_with_nobody_on_the_staff_asks_the_name_and_opens_the_form(
        qtbot, make_window, fresh, boxes):
    from shopdesk.ui.dialogs.case_form import CaseFormDialog

    window = make_window(fresh)
    boxes.text_answer = ("阿珍姐", True)
    window.case_list.table.setFocus()
    qtbot.keyClick(window.case_list.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), CaseFormDialog),
                    timeout=2000)
    dialog = QApplication.activeModalWidget()
    assert dialog.operator == "阿珍姐"
    assert boxes.texts("information") == []  # not sent to an empty operator list
    assert fresh.staff.current_operator() == "阿珍姐"
    assert window.operator_picker.current() == "阿珍姐"
    dialog.reject()


def test_cancelling_the_name_starts_nothing(make_window, fresh, boxes):
    window = make_window(fresh)
    boxes.text_answer = ("", False)
    assert window.cases.new_case() is None
    assert boxes.texts("input") and boxes.texts("information") == []
    assert fresh.staff.list() == []


def test_after_clearing_the_demo_import_asks_the_name(qtbot, make_window, fresh, boxes,
                                                     monkeypatch):
    # A register from before the fix: the demo made its first person the operator.
    generate_demo(fresh, 20, seed=3)
    fresh.staff.set_current_operator(DEMO_STAFF[0])
    window = make_window(fresh)
    assert window.demo.remove_demo() == 20
    assert fresh.staff.list() == []
    opened = []
    monkeypatch.setattr(ImportDialog, "exec", lambda dialog: opened.append(dialog) or 0)
    boxes.text_answer = ("阿珍姐", True)
    window.case_list.table.setFocus()
    qtbot.keyClick(window.case_list.table, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert len(opened) == 1 and opened[0].operator == "阿珍姐"
    assert boxes.texts("information") == []


def test_the_name_question_fits_its_title_bar(make_window, fresh, boxes, monkeypatch):
    asked = []

    def get_text(parent, title, label, *args, **kwargs):
        asked.append((title, label))
        return ("阿珍姐", True)
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(get_text))
    boxes.answer = QMessageBox.StandardButton.No
    window = make_window(fresh)  # Chinese, as sellers see it
    window.run_first_start()
    [(title, label)] = asked
    # The question is in the dialog's body, where it wraps with the dialog.
    assert QCoreApplication.translate("FirstStart", "Who is working?") in label
    dialog = QInputDialog(window)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.show()
    try:
        # What the title bar shows: the title and the application's name after it.
        app_name = QApplication.applicationDisplayName()
        shown = f"{title} — {app_name}" if title else app_name
        need = QFontMetrics(dialog.font()).horizontalAdvance(shown) + TITLE_BAR_EXTRAS
        assert need <= dialog.width(), (shown, dialog.width())
    finally:
        dialog.close()


def test_load_demo_from_the_file_menu_into_an_empty_register(qtbot, make_window, fresh,
                                                             boxes):
    boxes.answer = QMessageBox.StandardButton.No  # declined at the first start
    boxes.text_answer = ("阿珍姐", True)
    window = make_window(fresh)
    window.run_first_start()
    assert fresh.cases.count(CaseQuery()) == 0
    boxes.answer = QMessageBox.StandardButton.Yes
    click_menu_item(qtbot, window, "menu_file", window.first_start.act_load_demo)
    assert fresh.cases.count(CaseQuery()) == DEMO_CASES
    assert fresh.staff.current_operator() == "阿珍姐"  # still the seller
    assert len(boxes.texts("input")) == 1
    assert window.case_list.count() > 0


def test_load_demo_refuses_a_register_with_cases(make_window, register, boxes):
    register.cases.open_case(CaseDraft(
        platform=Platform.JD, order_no="123456789012", kind=CaseKind.EXCHANGE,
        amount_paid=Decimal("10")), "小王")
    window = make_window(register, env={"SHOPDESK_LANG": "en"})
    assert window.first_start.load_demo() is False
    assert boxes.texts("question") == []  # refused before offering anything
    [text] = boxes.texts("information")
    assert "empty register" in text
    assert register.cases.count(CaseQuery()) == 1
