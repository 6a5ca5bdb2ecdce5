"""The shipped script rules catch whole families of violations, in many wordings, and let
ordinary good replies through: review-for-benefit, leading the buyer off the platform,
threats, and the buyer paying return shipping for a seller-side cause. Checked both as the
linter (a script's zh/en text) and as the common-mistake warnings (a reply typed for a case)."""

from __future__ import annotations

from pathlib import Path

import pytest

from shopdesk.domain.enums import Cause
from shopdesk.domain.scripts import (
    RuleSet,
    lint,
    lint_library,
    mistakes_for,
    parse_script_dict,
)
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
    # A user walkthrough: filler words (先, 自己, 麻烦 ...) between the buyer and the verb.
    "运费请您先自己承担寄回来",
    "请您先垫付运费",
    "退回的快递费亲先出一下",
    # Either order, a few characters between.
    "运费先由您垫付",
    "快递费麻烦亲先垫一下",
    "您先自己出一下寄回的运费",
    "邮费您这边先垫付一下哈",
    "寄回的运费您先自理",
    "运费得先麻烦您出一下",
    "运费需要您先行垫付",
    "您先把寄回的运费垫上",
    "亲，需要您先付一下寄回的邮费",
    "您那边先出一下运费",
    "麻烦先自己垫付一下快递费",
    "运费先垫付一下哈",
    "退货的话运费亲自己付一下",
    "您自己承担来回运费",
    # A promise about something else, or a refused one, is no promise to pay the postage.
    "运费您自己出，收到货后货款退给您",
    "运费您先出，差价我们补给您",
    "我们不会退还运费，请您自己承担运费",
    "Please pay the return postage first.",
    "Please front the return shipping for now.",
    "You'll need to advance the shipping.",
    # A promise must be about the postage: paying back the price, the full amount or a
    # coupon is not paying the postage.
    "运费需要您自己出，我们会尽快退还货款",
    "运费您自己出，我们退还您的货款",
    "运费您承担，商品退回后退给您货款",
    "运费您自己出，我们收到货后退给您全款",
    "运费您自己出，我们补给您一张优惠券",
    "运费您先垫付，我们补给您5元",
    "请您自己承担运费，运费险会退给您",
    # A refused promise is no promise.
    "运费您自己出，我们不报销运费",
    "运费您自己出，我们不负责报销运费",
    "运费您自己出，我们不会补给您",
    "运费您先垫付，我们不给您报销",
    "您先垫付运费，我们不给您报销运费",
    "您先垫付运费，我们不会给您退运费",
    "运费您先垫付，我们是不会补给您的",
    "You'll need to pay the return shipping; we'll pay you back the price.",
    "You'll need to pay the return shipping; the shipping will not be refunded.",
    "You need to pay the return shipping. We will reimburse nothing.",
    "You need to pay the return shipping; we won't reimburse you.",
    "Please pay the return shipping first; we will reimburse you for the item.",
    # A promise in another sentence excuses nothing here.
    "退货运费您自己承担。换货的话运费您先垫付，我们补给您",
    # A negation earlier in the clause but not on the request itself.
    "没有运费险的话需要您自己承担运费",
    "没有运费险的话运费您自己出",
    "如果没有买运费险就需要您承担运费",
    "不能上门取件的话运费您先垫付",
    "亲不要担心哦需要您先垫付运费",
    "If you don't have shipping insurance you will need to pay the return shipping.",
    # The postage left to the buyer, or refused by the shop.
    "运费请自理",
    "运费一律自理哦",
    "运费我们不承担哦",
    "寄回运费我们不承担",
    "退货运费本店概不承担",
    "我们不承担寄回的运费",
    "运费不由我们承担",
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
    # The shop pays: 我们/店铺/帮您/给您 before the verb, or 运费险 (insurance), not postage.
    "运费由我们承担",
    "运费我们来出",
    "运费我们先垫上，您不用管。",
    "运费帮您出，您直接寄回就行。",
    "运费由店铺自己承担。",
    "不需要您自己承担运费。",
    "您下单时有运费险，寄回后会自动理赔。",
    "运费到付，您寄出后把单号告诉我。",
    "您先付款就行，其他的我们来处理。",
    # The buyer advances the postage and the shop promises to pay it back: allowed (the shop
    # bears the cost), as long as the promise is about the postage.
    "您先垫付的运费我们会补给您",
    "您先垫付的运费我们会退给您",
    "运费您先垫付，收到货后我们补给您。",
    "请您先垫付运费，我们收到后会把运费退给您。",
    "运费您先出一下，收到后给您补上。",
    "您先垫付运费，收到货后连同运费一起退给您。",
    "我们会报销您寄回的运费，您先垫付一下。",
    "Please pay the return postage first; we'll reimburse you when it arrives.",
    "We won't ask you to pay the shipping.",
    # A negation right before the request (a few characters at most) still counts.
    "不会再让您自己承担运费。",
    "您不需要自己承担运费。",
    "We will never ask you to pay the return shipping.",
    # More promises to pay the postage back, in the same sentence as the request.
    "您这边支付的运费我们会退回",
    "您垫付的运费我们已经退到您账户了",
    "运费您先垫付，我们会补偿您",
    "您先垫付运费，我们收到货后会把运费加到退款里",
    "运费先由您垫付，签收后由我们承担",
    "运费您先垫付，收到货后我们给您报销",
    "运费您先垫付，我们会把运费和货款一起退给您",
    "您先垫付运费，我们会给您退运费",
    "Please pay the return shipping first; we will add it to your refund.",
    "Please pay the return postage first; we'll refund the postage when it arrives.",
    "You'll need to advance the shipping; the shipping cost will be reimbursed.",
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


# Notes an agent writes for a case record what happened: the buyer already paid the postage
# (past tense: 已 before the verb, 了 after it) is a fact, not a request.
FACT_NOTES = [
    "买家已自行垫付运费12元",
    "买家说自己付了运费寄回来的",
    "买家已经自己垫付了运费，单号SF123",
    "买家自己付了寄回的快递费",
]


@pytest.mark.parametrize("text", FACT_NOTES)
def test_a_note_recording_that_the_buyer_paid_is_no_warning(catalog, text):
    assert mistakes_for(Cause.ITEM_DEFECTIVE, text, catalog.rules) == []
    assert mistakes_for(None, text, catalog.rules) == []


def test_the_shipping_rules_share_one_definition(catalog):
    # Defined once in rules.toml ([pattern_sets]) and used by two lint rules and two warnings.
    rules = {r.id: r for r in catalog.rules.rules}
    warnings = {w.id: w for w in catalog.rules.warnings}
    group = [rules["seller_cause_buyer_pays_return"], rules["unknown_cause_buyer_pays_return"],
             warnings["return_shipping_seller_cause"], warnings["return_shipping_cause_unknown"]]
    for field in ("patterns", "unless_before", "unless_in_sentence"):
        values = {tuple(p.pattern for p in getattr(r, field)) for r in group}
        assert len(values) == 1 and next(iter(values)), field
    text = (RESOURCES / "rules.toml").read_text(encoding="utf-8")
    for pattern in (*group[0].patterns, *group[0].unless_in_sentence):
        escaped = pattern.pattern.replace("\\", "\\\\")
        literal, basic = f"'{pattern.pattern}'", f'"{escaped}"'
        # Written once (as a 'literal' or a "basic" TOML string), not copied into each rule.
        assert text.count(literal) + text.count(basic) == 1, pattern.pattern
    assert text.count("\npatterns = [{set = \"buyer_pays_return\"}]") == 4


@pytest.mark.parametrize("chunk", [
    # Near misses and hits of every kind, over and over: no pattern may backtrack badly.
    "运费您先垫付，我们不会补给您一张优惠券和货款。不需要您自己承担运费，" + "运费" * 5
    + "您您您先先先" + "自己" * 5 + "Please pay the shipping you you you need to "
    + "shipping " * 4 + "。",
    # Negated hits in one endless clause: each looks back a bounded way, not to the start.
    "不需要您自己承担运费",
    "No need for you to pay the return shipping ",
])
def test_a_long_text_does_not_backtrack_without_end(catalog, chunk):
    """A hang guard, not a speed test (speed lives in bench/): a pattern that backtracks
    badly takes minutes on 5,000 characters; a sound one milliseconds. The bound is 50
    times what the lint takes on a loaded CI machine, so only a real blow-up trips it."""
    import time

    text = (chunk * (5000 // len(chunk) + 1))[:5000]
    script = _script(text, "item_defective")
    shipping = RuleSet(
        tuple(r for r in catalog.rules.rules if "pays_return" in r.id),
        tuple(w for w in catalog.rules.warnings if w.id.startswith("return_shipping")))
    assert len(shipping.rules) == len(shipping.warnings) == 2
    start = time.perf_counter()
    lint(script, shipping)  # zh and en
    mistakes_for(Cause.ITEM_DEFECTIVE, text, shipping)
    assert time.perf_counter() - start < 5.0
