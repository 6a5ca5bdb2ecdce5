"""ReviewService: the review facts, the reply window (review and 追评), the public reply,
at most two follow-up contacts within the call policy, the outcome."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from shopdesk.domain.enums import CaseKind, Platform
from shopdesk.domain.errors import ValidationError
from shopdesk.domain.reviews import ContactChannel, ReviewOutcome
from shopdesk.services.calls import CallRefusedError
from shopdesk.services.reviews import NotABadReviewError

from ..conftest import T0
from .followup_support import open_kind


def test_only_a_bad_review_case_has_a_review(register):
    case = open_kind(register, CaseKind.EXCHANGE)
    with pytest.raises(NotABadReviewError):
        register.reviews.save(case.id, "小王", stars=1)


def test_save_records_the_review_with_audit_and_timeline(register, clock):
    case = open_kind(register, CaseKind.BAD_REVIEW)
    review = register.reviews.save(case.id, "小王", stars=2, text="杯盖漏水",
                                   link="https://rate.taobao.com/x",
                                   reviewed_at=T0 - timedelta(days=1))
    assert review.stars == 2 and review.updated_by == "小王"
    assert register.reviews.get(case.id) == review
    fields = {a.field for a in register.cases.audit(case.id) if a.action == "review"}
    assert {"stars", "text", "link", "reviewed_at"} <= fields
    assert [e.type for e in register.cases.timeline(case.id)].count("review") == 1
    with pytest.raises(ValidationError) as bad:
        register.reviews.save(case.id, "小王", stars=6)
    assert bad.value.errors[0].field == "stars"


def test_reply_window_counts_from_the_review_then_from_the_append(register, clock):
    case = open_kind(register, CaseKind.BAD_REVIEW)
    register.reviews.save(case.id, "小王", reviewed_at=T0 - timedelta(days=10))
    window = register.reviews.next_window(case.id)
    assert window.which == "review" and window.due_at == T0 + timedelta(days=20)
    assert window.estimate  # Taobao's number is medium confidence: shown as "约"
    clock.advance(days=21)
    assert register.reviews.next_window(case.id) is None  # missed: closed
    register.reviews.save(case.id, "小王", appended_at=clock.now() - timedelta(days=1),
                          append_text="用了一周又坏了")
    window = register.reviews.next_window(case.id)
    assert window.which == "append"
    assert window.due_at == clock.now() + timedelta(days=29)
    register.reviews.save(case.id, "小王", append_reply_text="已为您补发新品。",
                          append_replied_at=clock.now())
    assert register.reviews.next_window(case.id) is None


def test_the_case_deadline_is_the_reviews_reply_window(register, clock):
    # The case is opened (applied) today; the review was left 10 days ago: the stage's
    # deadline, the list's 剩余时间 and the reminders all count from the review.
    case = open_kind(register, CaseKind.BAD_REVIEW)
    before = register.deadlines.for_case(case.id)
    assert before.due_at == T0 + timedelta(days=30)  # the rule, from the case
    register.reviews.save(case.id, "小王", reviewed_at=T0 - timedelta(days=10))
    deadline = register.deadlines.for_case(case.id)
    assert deadline.due_at == T0 + timedelta(days=20) == register.reviews.next_window(
        case.id).due_at
    stored = {d.case_id: d.due_at for d in register.deadlines.list()}
    assert stored[case.id] == T0 + timedelta(days=20)
    clock.advance(days=21)  # missed, not replied: overdue, not gone
    assert register.deadlines.for_case(case.id).due_at == T0 + timedelta(days=20)
    register.reviews.save(case.id, "小王", reply_text="抱歉给您添麻烦了。",
                          replied_at=clock.now())
    assert register.deadlines.for_case(case.id).due_at is None  # nothing left to reply
    register.reviews.save(case.id, "小王", appended_at=clock.now(), append_text="又坏了")
    assert register.deadlines.for_case(case.id).due_at == clock.now() + timedelta(days=30)


def test_editing_the_platform_or_kind_keeps_the_reply_due_right(register, clock):
    from decimal import Decimal

    from shopdesk.domain.case import CaseDraft

    def draft(platform, kind=CaseKind.BAD_REVIEW):
        return CaseDraft(platform=platform, order_no="3712345678901", kind=kind,
                         buyer_nick="小蜜蜂", buyer_phone="13812345678",
                         amount_paid=Decimal("59.00"))

    case = open_kind(register, CaseKind.BAD_REVIEW, platform=Platform.JD)
    register.reviews.save(case.id, "小王", reviewed_at=T0 - timedelta(days=10))
    # JD's window is not known here: the stage rule's estimate stands, not "nothing due".
    assert "review_reply_due" not in register.cases.get(case.id).extra
    # The seller corrects the platform to Taobao: its 30-day window from the review.
    register.cases.update(case.id, draft(Platform.TAOBAO), "小王")
    assert register.deadlines.for_case(case.id).due_at == T0 + timedelta(days=20)
    # No longer a bad review: the review's window no longer decides.
    register.cases.update(case.id, draft(Platform.TAOBAO, CaseKind.COMPLAINT), "小王")
    assert "review_reply_due" not in register.cases.get(case.id).extra


def test_reviews_saved_before_get_their_due_time_once(register, clock):
    case = open_kind(register, CaseKind.BAD_REVIEW)
    register.reviews.save(case.id, "小王", reviewed_at=T0 - timedelta(days=10))
    # As an older ShopDesk left it: the review without the due time on the case.
    stored = register.cases.get(case.id)
    extra = {k: v for k, v in stored.extra.items() if k != "review_reply_due"}
    with register.db.atomic():
        register.cases.store.update_columns(
            case.id, {"extra": json.dumps(extra)}, reindex=False)
        register.deadlines.recompute([case.id])
    assert register.deadlines.for_case(case.id).due_at == T0 + timedelta(days=30)
    register.backfill_review_due()
    assert register.deadlines.for_case(case.id).due_at == T0 + timedelta(days=20)
    assert register.reviews.backfill_reply_due() == 0  # already done


def test_replying_closes_the_window_and_a_posted_reply_is_not_edited(register, clock):
    case = open_kind(register, CaseKind.BAD_REVIEW)
    register.reviews.save(case.id, "小王", reviewed_at=T0)
    register.reviews.save(case.id, "小王", reply_text="感谢您的反馈，我们已联系您处理。",
                          replied_at=T0)
    assert register.reviews.next_window(case.id) is None
    with pytest.raises(ValidationError) as refused:
        register.reviews.save(case.id, "小王", reply_text="改一下")
    assert refused.value.errors[0].field == "reply_text"


def test_unknown_platform_has_no_window(register):
    case = open_kind(register, CaseKind.BAD_REVIEW, platform=Platform.JD)
    register.reviews.save(case.id, "小王", reviewed_at=T0)
    assert register.reviews.windows(case.id) == []


def test_a_reply_offering_a_benefit_for_the_review_is_refused(register):
    case = open_kind(register, CaseKind.BAD_REVIEW)
    with pytest.raises(ValidationError) as refused:
        register.reviews.save(case.id, "小王", reply_text="亲，改成好评返您5元红包")
    assert refused.value.errors[0].field == "reply_text"


def test_at_most_two_contacts(register, clock):
    case = open_kind(register, CaseKind.BAD_REVIEW)
    register.reviews.add_contact(case.id, ContactChannel.CHAT, "小王", "问补发收到没有")
    clock.advance(days=1)
    register.reviews.add_contact(case.id, ContactChannel.CHAT, "小王", "再问一次")
    clock.advance(days=1)
    with pytest.raises(ValidationError) as refused:
        register.reviews.add_contact(case.id, ContactChannel.CHAT, "小王", "第三次")
    assert refused.value.errors[0].field == "contacts"
    assert len(register.reviews.contacts(case.id)) == 2
    events = [e for e in register.cases.timeline(case.id) if e.type == "review_contact"]
    assert [e.data["number"] for e in events] == [1, 2]


def test_contact_note_tied_to_changing_the_review_is_refused(register):
    case = open_kind(register, CaseKind.BAD_REVIEW)
    with pytest.raises(ValidationError) as refused:
        register.reviews.add_contact(case.id, ContactChannel.CHAT, "小王",
                                     "删差评送优惠券")
    assert refused.value.errors[0].field == "note"
    assert register.reviews.contacts(case.id) == []


def test_a_phone_contact_respects_the_call_policy(register, clock):
    case = open_kind(register, CaseKind.BAD_REVIEW)
    register.cases.add_note(case.id, "旺旺已留言，未回复", "小王")  # chat first
    clock.set(T0.replace(hour=14))  # 22:00 in Shanghai: outside the calling hours
    with pytest.raises(CallRefusedError):
        register.reviews.add_contact(case.id, ContactChannel.PHONE, "小王", "回访")
    assert register.reviews.contacts(case.id) == []
    assert register.calls.calls_for_buyer(case.id) == []


def test_outcome_is_recorded_with_its_time(register, clock):
    case = open_kind(register, CaseKind.BAD_REVIEW)
    register.reviews.save(case.id, "小王", reviewed_at=T0)
    with pytest.raises(ValidationError) as refused:
        register.reviews.save(case.id, "小王", outcome=ReviewOutcome.APPENDED)
    assert refused.value.errors[0].field == "outcome"
    clock.advance(days=3)
    review = register.reviews.save(case.id, "小王", outcome="revised")
    assert review.outcome is ReviewOutcome.REVISED and review.outcome_at == clock.now()
    assert register.cases.timeline(case.id)[-1].text == "评价结果：买家已修改评价"


def test_a_phone_contact_within_the_policy_is_logged_as_a_call(register, clock):
    case = open_kind(register, CaseKind.BAD_REVIEW)
    register.cases.add_note(case.id, "旺旺已留言，未回复", "小王")
    clock.set(T0 + timedelta(hours=4))  # 14:00 in Shanghai
    decision = register.calls.can_call(case.id)
    contact = register.reviews.add_contact(case.id, ContactChannel.PHONE, "小王", "问补发")
    if not decision.allowed:  # e.g. a holiday in the shipped calendar: refused, not logged
        pytest.fail(f"expected a weekday call window: {decision.reasons}")
    assert contact.channel is ContactChannel.PHONE
    [call] = register.calls.calls_for_buyer(case.id)
    assert call.summary == "问补发"


def test_calls_logged_on_the_case_count_against_the_two_contacts(register, clock):
    from shopdesk.domain.call_policy import CallOutcome

    case = open_kind(register, CaseKind.BAD_REVIEW)
    register.cases.add_note(case.id, "旺旺已留言，未回复", "小王")  # chat first
    register.calls.log_call(case.id, CallOutcome.NO_ANSWER, "小王", summary="没接")
    assert register.reviews.contacts_used(case.id) == 1
    assert [c.summary for c in register.reviews.other_calls(case.id)] == ["没接"]
    clock.advance(hours=1)
    register.reviews.add_contact(case.id, ContactChannel.CHAT, "小王", "问补发收到没有")
    assert register.reviews.contacts_used(case.id) == 2
    clock.advance(days=1)
    with pytest.raises(ValidationError) as refused:
        register.reviews.add_contact(case.id, ContactChannel.CHAT, "小王", "第三次")
    assert "登记的通话" in refused.value.errors[0].message("zh")


def test_a_phone_contact_is_one_contact_not_two(register, clock):
    case = open_kind(register, CaseKind.BAD_REVIEW)
    register.cases.add_note(case.id, "旺旺已留言，未回复", "小王")
    clock.set(T0 + timedelta(hours=4))  # 14:00 in Shanghai
    register.reviews.add_contact(case.id, ContactChannel.PHONE, "小王", "问补发")
    assert register.reviews.other_calls(case.id) == []
    assert register.reviews.contacts_used(case.id) == 1


def test_the_reviews_state_follows_what_was_done(register, clock):
    from shopdesk.domain.reviews import ReviewState

    case = open_kind(register, CaseKind.BAD_REVIEW)
    assert register.reviews.state(case.id) is ReviewState.TO_REPLY
    register.reviews.save(case.id, "小王", reviewed_at=T0 - timedelta(days=2),
                          reply_text="感谢反馈，已为您补发", replied_at=T0)
    assert register.reviews.state(case.id) is ReviewState.REPLIED
    clock.advance(days=1)
    register.reviews.save(case.id, "小王", appended_at=clock.now(), append_text="补发收到了",
                          outcome=ReviewOutcome.APPENDED)
    # A 追评 to answer comes first; once answered, the outcome.
    assert register.reviews.state(case.id) is ReviewState.APPEND_TO_REPLY
    register.reviews.save(case.id, "小王", append_reply_text="谢谢您",
                          append_replied_at=clock.now())
    assert register.reviews.state(case.id) is ReviewState.APPENDED
    assert register.deadlines.for_case(case.id).due_at is None
    other = open_kind(register, CaseKind.BAD_REVIEW, order="3712345678902")
    register.reviews.save(other.id, "小王", reviewed_at=T0 - timedelta(days=40))
    assert register.reviews.state(other.id) is ReviewState.REPLY_MISSED
