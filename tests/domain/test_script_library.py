"""The shipped reply-script library (resources/scripts): coverage, quality rules, tips."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from shopdesk.domain.enums import CaseKind, Cause, CauseSide, CustomerType
from shopdesk.domain.scripts import (
    PLACEHOLDERS,
    PROCEDURE_STEPS,
    REQUIRED_TOPICS,
    STEP_APPLICABILITY,
    ApplyTo,
    Audience,
    Channel,
    HandlingStep,
    Severity,
    canonical_key,
    coverage_gaps,
    find_placeholders,
    lint,
    lint_library,
    misplaced,
    mistakes_for,
    parse_script_dict,
    suggest,
)
from shopdesk.services.script_catalog import ScriptCatalog, load_catalog

RESOURCES = Path(__file__).parents[2] / "resources" / "scripts"
CJK = re.compile(r"[\u4e00-\u9fff]")
SELLER_CAUSES = [c for c in Cause if c.side is CauseSide.SELLER]


@pytest.fixture(scope="module")
def catalog() -> ScriptCatalog:
    return load_catalog(RESOURCES)


@pytest.fixture(scope="module")
def library(catalog):
    return catalog.library


def test_one_reviewable_file_per_kind_plus_general_rules_and_types():
    names = {p.name for p in RESOURCES.glob("*.toml")}
    expected = {f"{k.value}.toml" for k in CaseKind} | {"general.toml", "rules.toml",
                                                        "customer_types.toml"}
    assert expected <= names


def test_kind_files_hold_scripts_of_their_kind(library):
    for s in library:
        stem = s.source.removesuffix(".toml")
        assert s.id.startswith(stem + "."), s.id
        if stem != "general":
            assert CaseKind(stem) in s.kinds, s.id
        assert s.id.split(".")[1] == s.step.value, f"{s.id}: id does not name its step"


def test_at_least_120_chinese_scripts_each_with_english(library):
    chinese = [s for s in library if CJK.search(s.text.zh)]
    assert len(chinese) >= 120
    for s in library:
        assert s.text.en.strip() and s.title.en.strip() and s.tone.en.strip(), s.id
        for text in (s.text.en, s.title.en, s.tone.en):
            assert not CJK.search(text), f"{s.id}: Chinese left in English text"


def test_zh_and_en_use_the_same_placeholders(library):
    for s in library:
        zh = {canonical_key(n) for n in find_placeholders(s.text.zh)}
        en = {canonical_key(n) for n in find_placeholders(s.text.en)}
        assert None not in zh | en, s.id
        assert zh == en, s.id


def test_step_applicability_table():
    for kind in CaseKind:
        assert set(PROCEDURE_STEPS) <= set(STEP_APPLICABILITY[kind]), kind
    assert HandlingStep.PRE_EMPT not in STEP_APPLICABILITY[CaseKind.RETURN_REFUND]
    assert HandlingStep.PRE_EMPT in STEP_APPLICABILITY[CaseKind.REFUND_ONLY]


def test_every_kind_and_applicable_step_has_a_script(library):
    for kind, steps in STEP_APPLICABILITY.items():
        for step in steps:
            assert any(kind in s.kinds and s.step is step for s in library), (kind, step)
    assert misplaced(library) == []


def test_every_cause_has_its_own_explain_and_propose_script(library):
    for cause in Cause:
        for step in (HandlingStep.EXPLAIN, HandlingStep.PROPOSE):
            assert any(s.causes == (cause,) and s.step is step for s in library), (cause, step)


def test_no_coverage_gaps(library):
    assert [str(g) for g in coverage_gaps(library)] == []


def test_required_topics(library):
    def tagged(tag):
        return [s for s in library if tag in s.tags]

    for tag in REQUIRED_TOPICS:
        assert tagged(tag), tag
    assert any(s.step is HandlingStep.PRE_EMPT for s in tagged("parcel_stuck"))
    assert any(s.audience is Audience.PLATFORM for s in tagged("statement_of_facts"))
    assert any(CaseKind.COMPLAINT in s.kinds for s in tagged("threat_12315_press"))
    assert any(CaseKind.BAD_REVIEW in s.kinds and s.step is HandlingStep.FOLLOW_UP
               for s in tagged("review_follow_up"))
    assert any(CaseKind.EXCHANGE in s.kinds for s in tagged("wrong_size"))
    assert any(Cause.SUSPECTED_COUNTERFEIT in s.causes for s in tagged("counterfeit"))
    assert any(Cause.MALICIOUS_REVIEWER in s.causes for s in tagged("malicious_reviewer"))
    shipping = tagged("return_shipping")
    assert any(s.names_seller_cause for s in shipping)
    assert any(s.causes and all(c.side is CauseSide.BUYER for c in s.causes) for s in shipping)
    assert any(s.any_cause for s in shipping)


def test_phone_and_internal_scripts_exist(library):
    assert any(s.channel is Channel.PHONE for s in library)
    learn = [s for s in library if s.step is HandlingStep.LEARN]
    assert learn and all(s.audience is Audience.INTERNAL for s in learn)
    for ctype in CustomerType:
        if ctype is not CustomerType.UNKNOWN:
            assert any(ctype in s.customer_types for s in library), ctype


def test_shipped_library_breaks_no_rule(catalog):
    assert [str(v) for v in lint_library(catalog.library, catalog.rules)] == []


def test_shipped_rules_cover_the_issue(catalog):
    by_id = {r.id: r for r in catalog.rules.rules}
    assert by_id["seller_cause_buyer_pays_return"].applies_to is ApplyTo.SELLER_SIDE_CAUSES
    assert by_id["no_review_for_benefit"].applies_to is ApplyTo.ALL
    assert by_id["no_threats_or_blame"].applies_to is ApplyTo.ALL
    assert catalog.rules.warnings


def _sample(zh: str, en: str, causes=("any",), step="propose", audience="buyer"):
    return parse_script_dict({
        "id": "sample.bad.1", "kinds": ["return_refund"], "causes": list(causes),
        "step": step, "channel": "chat", "audience": audience,
        "title": {"zh": "样例", "en": "Sample"}, "tone": {"zh": "样例", "en": "Sample"},
        "text": {"zh": zh, "en": en},
    })


BAD_SAMPLES = [
    ("亲，给个好评返现5元哦", "Thanks!", ["any"], "no_review_for_benefit"),
    ("麻烦您修改一下评价，送您一张优惠券", "Thanks!", ["any"], "no_review_for_benefit"),
    ("删差评给您补偿20元", "Thanks!", ["item_defective"], "no_review_for_benefit"),
    ("追评返红包", "Thanks!", ["any"], "no_review_for_benefit"),
    ("谢谢", "Change your review and we'll send you a coupon.", ["any"],
     "no_review_for_benefit"),
    ("谢谢", "5-star review gets cash back!", ["any"], "no_review_for_benefit"),
    ("退货可以，运费由您承担。", "Sure.", ["item_defective"], "seller_cause_buyer_pays_return"),
    ("您承担一下退回运费就行", "Sure.", ["not_as_described"], "seller_cause_buyer_pays_return"),
    ("可以换，自付运费。", "Sure.", ["missing_wrong_item"], "seller_cause_buyer_pays_return"),
    ("按规定买家承担运费。", "Sure.", ["late_shipment"], "seller_cause_buyer_pays_return"),
    ("好的", "You will need to pay the return shipping.", ["item_defective"],
     "seller_cause_buyer_pays_return"),
    ("好的", "Return shipping is at your own expense.", ["not_as_described"],
     "seller_cause_buyer_pays_return"),
    ("寄修的快递费您自付。", "Sure.", ["item_defective"], "seller_cause_buyer_pays_return"),
    ("退货运费需要您自己出。", "Sure.", ["any"], "unknown_cause_buyer_pays_return"),
    ("邮费您出一下就行。", "Sure.", ["transit_damage"], "unknown_cause_buyer_pays_return"),
    ("这是您自己的问题。", "Sure.", ["changed_mind"], "no_threats_or_blame"),
    ("再这样就投诉你，拉黑处理。", "Sure.", ["any"], "no_threats_or_blame"),
    ("后果自负。", "Sure.", ["any"], "no_threats_or_blame"),
    ("好的", "That's your own fault.", ["misuse"], "no_threats_or_blame"),
    ("你是职业差评师吧", "Sure.", ["malicious_reviewer"], "no_accusing_buyer"),
    ("这是原因。", "Here is why, sorry.", ["any"], "explain_apologises"),
    ("亲亲，给您带来不便敬请谅解", "Sorry.", ["any"], "no_empty_formulas"),
]


@pytest.mark.parametrize(("zh", "en", "causes", "rule_id"), BAD_SAMPLES)
def test_linter_catches_bad_samples(catalog, zh, en, causes, rule_id):
    step = "explain" if rule_id == "explain_apologises" else "propose"
    found = {v.rule_id for v in lint(_sample(zh, en, causes, step), catalog.rules)}
    assert rule_id in found


@pytest.mark.parametrize("zh", ["运费都由我们承担。", "运费不需要您承担。", "您不用承担运费。",
                                "来回运费我们出，您不用花一分钱。"])
def test_seller_paying_is_not_flagged(catalog, zh):
    en = "We pay the shipping both ways; you don't need to pay the shipping."
    assert lint(_sample(zh, en, ["item_defective"]), catalog.rules) == []


def test_buyer_side_scripts_may_state_the_shipping_rule(catalog):
    text = "按七天无理由规则，寄回运费由买家出，有运费险会自动理赔。"
    assert lint(_sample(text, "The buyer pays under the 7-day rule.", ["changed_mind"]),
                catalog.rules) == []
    assert lint(_sample(text, "The buyer pays under the 7-day rule.", ["item_defective"]),
                catalog.rules)


def test_internal_notes_may_name_suspicions(catalog):
    note = _sample("疑似恶意评价，截图取证后向平台申诉。", "Suspected malicious review: appeal.",
                   ["malicious_reviewer"], step="act", audience="internal")
    assert lint(note, catalog.rules) == []


WARNING_SAMPLES = [
    (Cause.ITEM_DEFECTIVE, "退货运费需要您自己承担哦", "return_shipping_seller_cause"),
    (None, "退货运费需要您自己承担哦", "return_shipping_cause_unknown"),
    (Cause.TRANSIT_DAMAGE, "You will pay the return shipping.", "return_shipping_cause_unknown"),
    (Cause.CHANGED_MIND, "您改一下评价，我给您返现10元", "review_for_benefit"),
    (None, "删差评的话送您优惠券", "review_for_benefit"),
    (Cause.MISUSE, "这是您自己的问题，我们不管", "blame_or_threat"),
    (Cause.ITEM_DEFECTIVE, "我们的产品不可能有问题", "arguing_insisting"),
    (Cause.NOT_AS_DESCRIBED, "概不退换", "refusing_outright"),
    (Cause.CHANGED_MIND, "We won't refund this.", "refusing_outright"),
    (None, "一个差评而已，不用管", "bad_review_unimportant"),
    (Cause.LATE_SHIPMENT, "仓库说这款缺货，下周才发", "change_not_told"),
    (None, "晚上9点以后再给他打电话", "phone_harassment_risk"),
    (None, "Keep calling the buyer until they answer.", "phone_harassment_risk"),
]


@pytest.mark.parametrize(("cause", "text", "rule_id"), WARNING_SAMPLES)
def test_common_mistakes_are_warned(catalog, cause, text, rule_id):
    assert rule_id in {w.rule_id for w in mistakes_for(cause, text, catalog.rules)}


def test_buyer_side_cause_may_mention_buyer_paying_shipping(catalog):
    text = "七天无理由退货，寄回运费由买家出。"
    assert mistakes_for(Cause.CHANGED_MIND, text, catalog.rules) == []
    assert {w.rule_id for w in mistakes_for(Cause.ITEM_DEFECTIVE, text, catalog.rules)} >= {
        "return_shipping_seller_cause"}


def test_a_good_reply_gets_no_warning(catalog):
    text = "亲，真的很抱歉，这是我们的问题，退回运费由我们承担，我帮您约上门取件。"
    assert mistakes_for(Cause.ITEM_DEFECTIVE, text, catalog.rules) == []
    assert mistakes_for(None, "We pay the shipping both ways.", catalog.rules) == []


def test_stock_out_reminder_is_info(catalog):
    (w,) = mistakes_for(Cause.LATE_SHIPMENT, "缺货了", catalog.rules)
    assert w.severity is Severity.INFO and w.message.zh and w.message.en


def test_customer_type_tips(catalog):
    guides = catalog.customer_types
    assert set(guides) == {t for t in CustomerType if t is not CustomerType.UNKNOWN}
    for guide in guides.values():
        assert 3 <= len(guide.tips) <= 5
        for tip in guide.tips:
            assert CJK.search(tip.zh) and tip.en and not CJK.search(tip.en)
        assert guide.signs.zh and guide.approach.en


def test_every_script_renders_completely(library):
    values = {p.key: f"<{p.key}>" for p in PLACEHOLDERS}
    for s in library:
        for lang in ("zh", "en"):
            r = s.render(values, lang)
            assert r.missing == [], s.id
            assert "{" not in r.text and "}" not in r.text, s.id


def test_suggestions_for_every_kind_cause_and_procedure_step(library):
    for kind in CaseKind:
        for cause in [*Cause, None]:
            for step in PROCEDURE_STEPS:
                assert suggest(library, kind, cause, step), (kind, cause, step)


def test_cause_specific_script_is_suggested_first(library):
    for cause in SELLER_CAUSES:
        best = suggest(library, CaseKind.COMPLAINT, cause, HandlingStep.PROPOSE)[0]
        assert cause in best.causes, (cause, best.id)
