"""The shipped script rules catch whole families of violations, in many wordings, and let
ordinary good replies through: review-for-benefit, leading the buyer off the platform,
threats, and the buyer paying return shipping for a seller-side cause. Checked both as the
linter (a script's zh/en text) and as the common-mistake warnings (a reply typed for a case)."""

from __future__ import annotations

from pathlib import Path

import pytest

from shopdesk.domain.enums import Cause
from shopdesk.domain.scripts import lint, lint_library, mistakes_for, parse_script_dict
from shopdesk.services.script_catalog import load_catalog

RESOURCES = Path(__file__).parents[2] / "resources" / "scripts"


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(RESOURCES)


def _script(text: str, cause: str):
    # The same sentence as zh and en: each rule checks both texts.
    return parse_script_dict({
        "id": "sample.family.1", "kinds": ["return_refund"], "causes": [cause],
        "step": "propose", "channel": "chat", "audience": "buyer",
        "title": {"zh": "样例", "en": "Sample"}, "tone": {"zh": "样例", "en": "Sample"},
        "text": {"zh": text, "en": text},
    })


REVIEW = [
    # The examples.
    "把差评改成好评，送您一张20元优惠券",
    "把评价删了，我们退您5元",
    "追加个好评…打八折",
    # More wordings.
    "您把中评改一下，下次下单给您打九折",
    "麻烦撤回一下评价，我们私人补偿您10块",
    "给个五星，红包马上到",
    "晒图追评就返3元",
    "只要删掉差评，这单给您免单",
    "评价改成满分的话送您一个小礼物",
    "Change your review to 5 stars and we'll send you a coupon.",
    "Delete the bad review and we will refund you 5 yuan.",
    "A positive review gets you 20% off your next order.",
    "We'll give you $5 if you update your rating.",
]
OFF_PLATFORM = [
    "加我微信，我私下转您10元",
    "加个QQ吧，这边好沟通",
    "您加一下我的vx，微信上退给您",
    "我们私下处理就好，不用走平台",
    "这笔钱我用支付宝转账给您",
    "要不我们线下交易，便宜点",
    "Add me on WeChat and I'll sort it out.",
    "Let's settle this outside the platform.",
    "I can send you the money privately.",
    "We can do a private refund by bank transfer.",
]
THREATS = [
    "报警处理…您自己看着办",
    "再闹下去我们就报警了",
    "不改评价的话，你走着瞧",
    "咱们法院见",
    "再这样就给您发律师函，别怪我们",
    "We will call the police if you keep this up.",
    "Remove the review or else.",
    "You'll regret this.",
    "See you in court.",
]
SHIPPING = [
    "退货请自行承担运费",
    "寄回的邮费麻烦亲自己出一下",
    "运费这块还是得您自己出哦",
    "退回运费请您自行支付",
    "Please cover the return shipping yourself.",
    "The shipping cost is on you.",
    "You'll have to pay for the return postage.",
]

GOOD = [
    "非常抱歉给您带来不便，我们马上为您退款。",
    "如果对处理结果满意，方便时可以给我们一个评价；不满意也请告诉我们。",
    "您的评价我们看到了，会认真改进包装。",
    "这次的运费由我们承担，您寄回时选择到付即可。",
    "退货运费我们来出，已经为您申请了运费险。",
    "运费不需要您承担，我们已经补偿您5元。",
    "为表歉意，我们补偿您10元，已通过平台退回。",
    "所有的沟通和退款都在平台上进行，有记录对双方都有保障。",
    "我们不会在平台之外私下转账，请您放心。",
    "任何情况下我们都不拿好处换评价。",
    "退款会按原路退回到您的支付账户。",
    "快递员明天上午会上门取件，运费我们出。",
    "您可以在订单页面申请售后，我们会尽快处理。",
    "如有需要，可以申请平台客服介入，我们会配合提供凭证。",
    "We're sorry about this; we'll refund you today through the platform.",
    "We pay the return shipping; just choose freight collect.",
    "If you're happy with how we handled it, a review is welcome, but never required.",
    "We never offer anything in exchange for a review.",
    "We don't make private transfers outside the platform.",
    "Everything goes through the platform, so there is a record for both of us.",
]


@pytest.mark.parametrize("text", REVIEW)
def test_review_for_benefit_is_caught(catalog, text):
    assert "no_review_for_benefit" in {v.rule_id for v in lint(_script(text, "any"),
                                                                catalog.rules)}
    assert "review_for_benefit" in {w.rule_id for w in mistakes_for(None, text, catalog.rules)}


@pytest.mark.parametrize("text", OFF_PLATFORM)
def test_leading_the_buyer_off_the_platform_is_caught(catalog, text):
    assert "no_off_platform" in {v.rule_id for v in lint(_script(text, "any"), catalog.rules)}
    assert "off_platform" in {w.rule_id for w in mistakes_for(None, text, catalog.rules)}


@pytest.mark.parametrize("text", THREATS)
def test_threats_are_caught(catalog, text):
    assert "no_threats_or_blame" in {v.rule_id for v in lint(_script(text, "any"),
                                                              catalog.rules)}
    assert "blame_or_threat" in {w.rule_id for w in mistakes_for(None, text, catalog.rules)}


@pytest.mark.parametrize("text", SHIPPING)
def test_buyer_paying_return_shipping_for_a_seller_cause_is_caught(catalog, text):
    found = {v.rule_id for v in lint(_script(text, "item_defective"), catalog.rules)}
    assert "seller_cause_buyer_pays_return" in found
    warned = {w.rule_id for w in mistakes_for(Cause.ITEM_DEFECTIVE, text, catalog.rules)}
    assert "return_shipping_seller_cause" in warned
    # For a buyer-side cause (changed their mind) the buyer may pay: not flagged.
    assert not {w.rule_id for w in mistakes_for(Cause.CHANGED_MIND, text, catalog.rules)} \
        & {"return_shipping_seller_cause", "return_shipping_cause_unknown"}


@pytest.mark.parametrize("text", GOOD)
def test_good_replies_pass(catalog, text):
    assert [str(v) for v in lint(_script(text, "item_defective"), catalog.rules)] == []
    assert mistakes_for(Cause.ITEM_DEFECTIVE, text, catalog.rules) == []


def test_no_shipped_script_is_flagged(catalog):
    assert [str(v) for v in lint_library(catalog.library, catalog.rules)] == []
