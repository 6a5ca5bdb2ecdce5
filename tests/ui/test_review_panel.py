"""The bad-review tab: only on bad_review cases; the countdown; saving the review, the
suggested public reply posted; the contact cap; a benefit-for-review reply refused."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from shopdesk.domain.enums import CaseKind
from shopdesk.domain.reviews import ReviewOutcome, ReviewState
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
    assert panel.countdown.text() == ReviewState.REPLIED.label(panel.lang)


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


def test_the_header_follows_the_reply_and_the_outcome(qtbot, view, register, clock):
    case = open_kind(register, CaseKind.BAD_REVIEW)
    view.show_case(case.id)
    panel = view.review_panel
    view.tabs.setCurrentWidget(panel)
    strip = view.deadline_strip
    assert strip.stage_name == ReviewState.TO_REPLY.label(panel.lang)  # 评价待回复
    panel.reviewed_at.set_value(T0 - timedelta(days=2))
    panel.text.setPlainText("杯盖漏水")
    click(qtbot, panel.save_button)
    panel.reply.setPlainText("感谢反馈，已为您补发新杯盖")
    click(qtbot, panel.post_button)
    assert strip.stage_name == ReviewState.REPLIED.label(panel.lang)
    assert strip.stage_name in strip.timeout_label.text()
    clock.advance(hours=2)
    panel.appended_at.set_value(clock.now())
    panel.append_text.setText("补发的收到了")
    panel.outcome.setCurrentIndex(panel.outcome.findData("appended"))
    click(qtbot, panel.save_button)
    assert register.reviews.get(case.id).outcome is ReviewOutcome.APPENDED
    # The 追评 may be answered now: that is what the header says, not 评价待回复.
    assert strip.stage_name == ReviewState.APPEND_TO_REPLY.label(panel.lang)
    panel.reply.setPlainText("谢谢您的追评")
    click(qtbot, panel.post_button)
    assert strip.stage_name == ReviewState.APPENDED.label(panel.lang)
    assert panel.countdown.text() == ReviewState.APPENDED.label(panel.lang)


def test_calls_logged_on_the_case_show_and_count_as_contacts(qtbot, view, register, clock):
    from shopdesk.domain.call_policy import CallOutcome

    case = open_kind(register, CaseKind.BAD_REVIEW)
    register.cases.add_note(case.id, "旺旺已留言，未回复", "小王")
    register.calls.log_call(case.id, CallOutcome.NO_ANSWER, "小王", summary="没接")
    clock.advance(hours=3)
    register.calls.log_call(case.id, CallOutcome.CONNECTED, "小王", summary="说补发")
    view.show_case(case.id)
    panel = view.review_panel
    view.tabs.setCurrentWidget(panel)
    assert "2 of 2" in panel.contacts_label.text()
    assert "call" in panel.contacts_label.toolTip().lower()
    assert panel.contacts.count() == 2 and "说补发" in panel.contacts.item(1).text()
    assert not panel.contact_button.isEnabled()


def test_enter_in_the_contact_note_records_it(qtbot, view, register):
    """Keyboard-first: the note's Enter did nothing; a click on the button was needed."""
    case = open_kind(register, CaseKind.BAD_REVIEW)
    view.show_case(case.id)
    panel = view.review_panel
    panel.contact_note.setFocus()
    qtbot.keyClicks(panel.contact_note, "asked for photos of the defect")
    qtbot.keyClick(panel.contact_note, Qt.Key.Key_Return)
    [contact] = register.reviews.contacts(case.id)
    assert contact.note == "asked for photos of the defect"
    assert panel.contact_note.text() == ""
