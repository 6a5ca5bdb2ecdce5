"""The bad-review tab: only on bad_review cases; the countdown; saving the review, the
suggested public reply posted; the contact cap; a benefit-for-review reply refused."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from shopdesk.domain.enums import CaseKind
from shopdesk.domain.reviews import ReviewOutcome
from shopdesk.ui.views.case_detail import CaseDetailView

from ..conftest import T0
from ..services.followup_support import open_kind
from .ui_support import Operator


@pytest.fixture(autouse=True)
def chinese_labels(monkeypatch):
    monkeypatch.delenv("SHOPDESK_LANG", raising=False)


@pytest.fixture
def view(qtbot, register) -> CaseDetailView:
    widget = CaseDetailView(register, Operator())
    qtbot.addWidget(widget)
    widget.resize(620, 900)
    with qtbot.waitExposed(widget):
        widget.show()
    return widget


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_tab_only_for_bad_review_cases(view, register):
    exchange = open_kind(register, CaseKind.EXCHANGE)
    review = open_kind(register, CaseKind.BAD_REVIEW)
    index = view.tabs.indexOf(view.review_panel)
    view.show_case(exchange.id)
    assert not view.tabs.isTabVisible(index)
    view.show_case(review.id)
    assert view.tabs.isTabVisible(index)


def test_save_review_and_countdown(qtbot, view, register, clock):
    case = open_kind(register, CaseKind.BAD_REVIEW)
    view.show_case(case.id)
    panel = view.review_panel
    view.tabs.setCurrentWidget(panel)
    assert "review date" in panel.countdown.text()
    panel.stars.setValue(1)
    panel.reviewed_at.set_value(T0 - timedelta(days=28))
    panel.text.setPlainText("杯盖漏水")
    click(qtbot, panel.save_button)
    review = register.reviews.get(case.id)
    assert review.stars == 1 and review.text == "杯盖漏水"
    assert review.reviewed_at == T0 - timedelta(days=28)
    # Two days left of Taobao's 30: red, and "about" (medium confidence).
    assert "1 d 23 h" in panel.countdown.text() or "2 d 0 h" in panel.countdown.text()
    assert "about" in panel.countdown.text() and "c62828" in panel.countdown.styleSheet()
    assert any("Bad review" in t or "差评" in t for t in view.timeline_texts())


def test_suggested_reply_posted_closes_the_window(qtbot, view, register):
    case = open_kind(register, CaseKind.BAD_REVIEW)
    register.reviews.save(case.id, "小王", reviewed_at=T0 - timedelta(days=1))
    view.show_case(case.id)
    panel = view.review_panel
    click(qtbot, panel.suggest_button)
    assert panel.reply.toPlainText().startswith("感谢您的真实反馈")
    click(qtbot, panel.post_button)
    review = register.reviews.get(case.id)
    assert review.replied_at == T0 and review.reply_text.startswith("感谢")
    assert panel.reply.isReadOnly() and not panel.post_button.isEnabled()
    assert panel.countdown.text() == "Nothing to reply now"


def test_reply_offering_a_benefit_is_refused(qtbot, view, register):
    case = open_kind(register, CaseKind.BAD_REVIEW)
    view.show_case(case.id)
    panel = view.review_panel
    view.tabs.setCurrentWidget(panel)
    panel.reply.setPlainText("亲，改成好评返您5元红包")
    click(qtbot, panel.save_button)
    assert panel.error.isVisible() and register.reviews.get(case.id).reply_text == ""


def test_two_contacts_then_the_button_is_off_and_outcome_recorded(qtbot, view, register,
                                                                   clock):
    case = open_kind(register, CaseKind.BAD_REVIEW)
    view.show_case(case.id)
    panel = view.review_panel
    for note in ("question", "again"):
        panel.contact_note.setText(note)
        click(qtbot, panel.contact_button)
        clock.advance(hours=1)
    assert len(register.reviews.contacts(case.id)) == 2
    assert panel.contacts.count() == 2 and not panel.contact_button.isEnabled()
    assert "2" in panel.contacts_label.text()
    panel.outcome.setCurrentIndex(panel.outcome.findData("unchanged"))
    click(qtbot, panel.save_button)
    assert register.reviews.get(case.id).outcome is ReviewOutcome.UNCHANGED
