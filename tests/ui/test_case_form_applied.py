"""The case form's 买家申请时间 (Buyer asked at) row: optional, unticked for a new case;
ticked and typed from the keyboard it is saved, and the platform's deadline counts from it;
an edit shows it; a laptop screen shows the row whole."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel

from shopdesk.domain.case_query import CaseQuery
from shopdesk.domain.clock import local
from shopdesk.domain.enums import CaseKind, Platform

from .ui_support import choose, make_case, open_form, type_text

LAPTOP = (1280, 720)


@pytest.fixture(autouse=True)
def chinese_labels(monkeypatch):
    """Enum labels and service messages in Chinese, whatever SHOPDESK_LANG says."""
    monkeypatch.delenv("SHOPDESK_LANG", raising=False)


def tab(qtbot):
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    return QApplication.focusWidget()


def shop_time(at: datetime, register) -> str:
    return local(at, register.shop_tz).strftime("%Y-%m-%d %H:%M")


def test_a_new_case_does_not_know_it_until_ticked(qtbot, register):
    dialog = open_form(qtbot, register)
    assert not dialog.applied.enabled_box.isChecked() and dialog.applied.value() is None
    assert not dialog.applied.edit.isEnabled()
    assert "time limit counts from then" in dialog.applied.toolTip()
    label = next(w for w in dialog.findChildren(QLabel)
                 if w.buddy() is dialog.applied.enabled_box)
    assert label.text() == "Buyer asked at"


def test_ticking_and_typing_the_time_saves_it_and_the_deadline_counts_from_it(qtbot,
                                                                              register):
    dialog = open_form(qtbot, register)
    choose(qtbot, dialog.platform, "jd")
    type_text(qtbot, dialog.order_no, "240101888866")
    choose(qtbot, dialog.kind, "refund_only")
    type_text(qtbot, dialog.amount_paid, "59")
    dialog.amount_claimed.setFocus()
    assert tab(qtbot) is dialog.applied.enabled_box
    qtbot.keyClick(dialog.applied.enabled_box, Qt.Key.Key_Space)      # tick: it is known
    assert tab(qtbot) is dialog.applied.edit
    qtbot.keyClicks(dialog.applied.edit, "202611230005")  # 10 hours before now (10:00)
    assert tab(qtbot) is dialog.buyer_nick
    qtbot.keyClick(dialog.buyer_nick, Qt.Key.Key_Return)

    [case_id] = register.cases.query_ids(CaseQuery())
    case = register.cases.get(case_id)
    assert case.platform is Platform.JD and case.kind is CaseKind.REFUND_ONLY
    assert shop_time(case.applied_at, register) == "2026-11-23 00:05"
    deadline = register.deadlines.for_case(case_id)
    assert deadline.due_at == case.applied_at + timedelta(hours=deadline.rule.hours)


def test_editing_a_case_shows_its_time_and_unticking_clears_it(qtbot, register):
    asked = register.clock.now() - timedelta(hours=10)
    case = make_case(register, applied_at=asked)
    dialog = open_form(qtbot, register, case_id=case.id)
    assert dialog.applied.enabled_box.isChecked() and dialog.applied.edit.isEnabled()
    assert dialog.applied.value() == asked
    assert dialog.applied.edit.text() == "2026-11-23 00:00"
    dialog.applied.enabled_box.setFocus()
    qtbot.keyClick(dialog.applied.enabled_box, Qt.Key.Key_Space)      # not known after all
    qtbot.keyClick(dialog.applied.enabled_box, Qt.Key.Key_Return)
    assert register.cases.get(case.id).applied_at is None
    assert [a.field for a in register.cases.audit(case.id)][-1] == "applied_at"


def test_a_time_the_box_cannot_show_stays_as_it_was(qtbot, register):
    # An export's 申请时间 has seconds; the minute-wide box reading it back is no edit.
    asked = datetime(2026, 11, 23, 1, 30, 17, tzinfo=UTC)
    case = make_case(register, applied_at=asked)
    dialog = open_form(qtbot, register, case_id=case.id)
    dialog.sku.setFocus()
    type_text(qtbot, dialog.sku, "-2")
    qtbot.keyClick(dialog.sku, Qt.Key.Key_Return)
    stored = register.cases.get(case.id)
    assert stored.sku.endswith("-2") and stored.applied_at == asked
    assert "applied_at" not in {a.field for a in register.cases.audit(case.id)}


def test_a_time_in_the_future_is_refused_beside_the_field(qtbot, register):
    dialog = open_form(qtbot, register)
    type_text(qtbot, dialog.order_no, "9988776655")
    dialog.applied.enabled_box.setFocus()
    qtbot.keyClick(dialog.applied.enabled_box, Qt.Key.Key_Space)
    qtbot.keyClicks(tab(qtbot), "202611231100")  # now is 10:00
    qtbot.keyClick(dialog.applied.edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and register.cases.count(CaseQuery()) == 0
    field = dialog.fields["applied_at"]
    assert field.has_error and "晚于现在" in field.error.text()
    assert QApplication.focusWidget() is dialog.applied.enabled_box
    qtbot.keyClick(dialog.applied.enabled_box, Qt.Key.Key_Space)  # unknown, then
    assert not field.has_error
    qtbot.keyClick(dialog.applied.enabled_box, Qt.Key.Key_Return)
    assert register.cases.count(CaseQuery()) == 1


@pytest.mark.parametrize("chinese", [False, True], ids=["en", "zh"])
def test_the_row_fits_a_laptop_screen(qtbot, register, request, chinese):
    if chinese:
        request.getfixturevalue("chinese_ui")
    dialog = open_form(qtbot, register)
    # As it opens (its smallest size): within the screen, below the title bar.
    assert dialog.width() <= LAPTOP[0] and dialog.height() <= LAPTOP[1] - 40
    assert dialog.size() == dialog.minimumSize().expandedTo(dialog.minimumSizeHint())
    label = next(w for w in dialog.findChildren(QLabel)
                 if w.buddy() is dialog.applied.enabled_box)
    for widget in (label, dialog.applied.enabled_box, dialog.applied.edit):
        assert widget.isVisible()
        assert widget.width() >= widget.minimumSizeHint().width()
        rect = widget.rect().translated(widget.mapTo(dialog, QPoint(0, 0)))
        assert dialog.rect().contains(rect), widget
    assert label.width() >= label.sizeHint().width()  # the label reads whole
    # The date and time read whole in their box.
    edit = dialog.applied.edit
    assert edit.width() >= edit.fontMetrics().horizontalAdvance(edit.text()) + 20
