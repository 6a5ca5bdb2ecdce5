"""A bad-review case's summary has the review: stars, text, 追评, the public replies and
whether they were posted, and every contact with the reviewer; buyer data masked."""

from __future__ import annotations

import re
from datetime import timedelta
from decimal import Decimal

from pypdf import PdfReader

from shopdesk.domain.call_policy import CallOutcome
from shopdesk.domain.case import CaseDraft
from shopdesk.domain.enums import CaseKind, Cause, Platform
from shopdesk.domain.reviews import ContactChannel, ReviewOutcome

PHONE = "13912345678"


def _open(register, kind=CaseKind.BAD_REVIEW):
    return register.cases.open_case(CaseDraft(
        platform=Platform.TAOBAO, order_no="3799000011112222", kind=kind, shop="某某小店",
        buyer_nick="tb_差评专家88", buyer_phone=PHONE, item_title="蓝牙耳机",
        amount_paid=Decimal("49.00"), cause=Cause.MALICIOUS_REVIEWER), "小王")


def _text(path) -> str:
    return re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(str(path)).pages))


def test_a_bad_review_summary_prints_the_review_replies_and_contacts(register, clock,
                                                                     tmp_path):
    case = _open(register)
    now = clock.now()
    register.reviews.save(case.id, "小王", stars=1, text=f"假货！联系我{PHONE}",
                          reviewed_at=now - timedelta(hours=5),
                          appended_at=now - timedelta(hours=2), append_text="客服态度也差",
                          reply_text="本店商品均为正品，有进货凭证。",
                          replied_at=now - timedelta(hours=1))
    register.reviews.add_contact(case.id, ContactChannel.CHAT, "小王", "询问耳机具体问题")
    clock.advance(minutes=10)
    register.calls.log_call(case.id, CallOutcome.NO_ANSWER, "小李", summary="未接")
    register.reviews.save(case.id, "小王", outcome=ReviewOutcome.UNCHANGED)

    for for_platform in (False, True):
        s = register.summary.gather(case.id, actor="小王", for_platform=for_platform)
        assert s.review is not None and s.review.review.stars == 1
        assert PHONE not in s.review.review.text and "139****5678" in s.review.review.text
        assert [(c.channel, c.call_outcome) for c in s.review.contacts] == [
            (ContactChannel.CHAT, None), (ContactChannel.PHONE, CallOutcome.NO_ANSWER)]
        text = _text(register.summary.write_pdf([case.id], tmp_path / f"{for_platform}.pdf",
                                                actor="小王", for_platform=for_platform).path)
        for needle in ("评价与回复", "1星（满分5星）", "假货！联系我139****5678", "客服态度也差",
                       "本店商品均为正品，有进货凭证。", "已发布（", "追评解释", "未回复",
                       "评价结果评价未变", "与评价人的联系", "询问耳机具体问题", "在线聊天",
                       "电话；未接听"):
            assert needle in text, (for_platform, needle)
        assert PHONE not in text

    en = _text(register.summary.write_pdf([case.id], tmp_path / "en.pdf", actor="小王",
                                          lang="en").path)
    assert "Thereviewandtheshop'sreply" in en and "1of5stars" in en and "Posted" in en


def test_a_draft_reply_says_it_was_not_posted_and_other_kinds_have_no_review(register,
                                                                            tmp_path):
    case = _open(register)
    register.reviews.save(case.id, "小王", stars=2, text="一般", reply_text="草稿解释")
    text = _text(register.summary.write_pdf([case.id], tmp_path / "s.pdf", actor="小王").path)
    assert "草稿解释" in text and "未发布" in text and "已发布" not in text

    refund = _open(register, CaseKind.REFUND_ONLY)
    assert register.summary.gather(refund.id, actor="小王").review is None
    text = _text(register.summary.write_pdf([refund.id], tmp_path / "r.pdf", actor="小王").path)
    assert "评价与回复" not in text
