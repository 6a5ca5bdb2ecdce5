"""The rules linter and the common-mistake warnings, with rule sets built in the test."""

from __future__ import annotations

import pytest

from shopdesk.domain.enums import Cause
from shopdesk.domain.scripts import (
    ApplyTo,
    CheckKind,
    RuleSet,
    ScriptLibraryError,
    Severity,
    lint,
    lint_library,
    mistakes_for,
    parse_rules,
    parse_script_dict,
)

RULES = {
    "rule": [
        {"id": "no_cashback", "check": "forbid", "applies_to": "all",
         "patterns": ["返现", "cash ?back"],
         "message": {"zh": "不能返现", "en": "No cashback"}},
        {"id": "seller_pays", "check": "forbid", "applies_to": "seller_side_causes",
         "patterns": ["运费由您承担", "you pay the shipping"],
         "message": {"zh": "卖家出运费", "en": "Seller pays"}},
        {"id": "unknown_pays", "check": "forbid", "applies_to": "non_buyer_causes",
         "patterns": ["运费由您承担", "you pay the shipping"],
         "message": {"zh": "原因未明", "en": "Cause unknown"}},
        {"id": "apologise", "check": "require", "applies_to": "all", "steps": ["explain"],
         "audiences": ["buyer"], "patterns": ["抱歉", "sorry"],
         "message": {"zh": "要道歉", "en": "Apologise"}},
    ],
    "warning": [
        {"id": "w_shipping", "applies_to": "non_buyer_causes", "patterns": ["运费由您承担"],
         "message": {"zh": "别让买家出运费", "en": "Don't ask the buyer to pay"}},
        {"id": "w_stock", "applies_to": "all", "severity": "info", "patterns": ["缺货"],
         "message": {"zh": "告诉买家了吗", "en": "Told the buyer?"}},
    ],
}


def script(zh: str, en: str, *, causes=("any",), step="propose", audience="buyer", sid="t.s.1"):
    return parse_script_dict({
        "id": sid, "kinds": ["return_refund"], "causes": list(causes), "step": step,
        "channel": "chat", "audience": audience,
        "title": {"zh": "t", "en": "t"}, "tone": {"zh": "t", "en": "t"},
        "text": {"zh": zh, "en": en},
    })


@pytest.fixture
def rules() -> RuleSet:
    return parse_rules(RULES)


def test_parse_rules(rules):
    assert [r.id for r in rules.rules] == ["no_cashback", "seller_pays", "unknown_pays",
                                           "apologise"]
    assert rules.rules[0].check is CheckKind.FORBID
    assert rules.rules[1].applies_to is ApplyTo.SELLER_SIDE_CAUSES
    assert rules.warnings[0].severity is Severity.WARNING
    assert rules.warnings[1].severity is Severity.INFO


def test_clean_script_has_no_violations(rules):
    assert lint(script("亲，运费我们出。", "We pay the shipping."), rules) == []


def test_forbidden_pattern_in_either_language(rules):
    v = lint(script("亲，好评返现5元。", "Thanks."), rules)
    assert [(x.rule_id, x.field, x.match) for x in v] == [("no_cashback", "text.zh", "返现")]
    v = lint(script("谢谢。", "CASHBACK for you"), rules)
    assert [(x.rule_id, x.field) for x in v] == [("no_cashback", "text.en")]
    assert v[0].script_id == "t.s.1" and "No cashback" in str(v[0])


def test_seller_side_rule_only_for_seller_cause_scripts(rules):
    zh, en = "运费由您承担。", "Thanks."
    seller = lint(script(zh, en, causes=["item_defective"]), rules)
    # The broad rule caught the same words: only the seller-side message is given.
    assert {x.rule_id for x in seller} == {"seller_pays"}
    mixed = lint(script(zh, en, causes=["item_defective", "changed_mind"]), rules)
    assert "seller_pays" in {x.rule_id for x in mixed}
    assert lint(script(zh, en, causes=["changed_mind", "ordered_wrong"]), rules) == []


def test_non_buyer_rule_covers_generic_and_courier_scripts(rules):
    zh, en = "运费由您承担。", "Thanks."
    assert [x.rule_id for x in lint(script(zh, en), rules)] == ["unknown_pays"]
    assert [x.rule_id for x in lint(script(zh, en, causes=["transit_damage"]), rules)] == [
        "unknown_pays"]


def test_require_rule_checks_each_language_and_is_scoped(rules):
    v = lint(script("亲，很抱歉。", "Here is why.", step="explain"), rules)
    assert [(x.rule_id, x.field) for x in v] == [("apologise", "text.en")]
    assert lint(script("说明。", "Why.", step="propose"), rules) == []
    assert lint(script("说明。", "Why.", step="explain", audience="internal"), rules) == []


def test_lint_library(rules):
    scripts = [script("返现", "x", sid="a.b.1"), script("好", "ok", sid="a.b.2")]
    assert [v.script_id for v in lint_library(scripts, rules)] == ["a.b.1"]


def test_mistakes_for_depends_on_cause(rules):
    text = "亲，运费由您承担哦"
    assert [w.rule_id for w in mistakes_for(Cause.ITEM_DEFECTIVE, text, rules)] == ["w_shipping"]
    assert [w.rule_id for w in mistakes_for(None, text, rules)] == ["w_shipping"]
    assert mistakes_for(Cause.CHANGED_MIND, text, rules) == []
    w = mistakes_for(Cause.CHANGED_MIND, "这款缺货了", rules)
    assert [(x.rule_id, x.severity, x.match) for x in w] == [("w_stock", Severity.INFO, "缺货")]


def test_extended_adds_and_replaces_by_id(rules):
    shop = parse_rules({"rule": [
        {"id": "no_cashback", "check": "forbid", "applies_to": "all", "patterns": ["红包"],
         "message": {"zh": "店铺规则", "en": "Shop rule"}},
        {"id": "shop_extra", "check": "forbid", "applies_to": "all", "patterns": ["包邮券"],
         "message": {"zh": "x", "en": "x"}},
    ]})
    merged = rules.extended(shop)
    assert [r.id for r in merged.rules] == ["seller_pays", "unknown_pays", "apologise",
                                            "no_cashback", "shop_extra"]
    assert lint(script("返现", "x"), merged) == []
    assert [v.rule_id for v in lint(script("红包", "x"), merged)] == ["no_cashback"]


@pytest.mark.parametrize(("item", "field"), [
    ({"id": "x", "check": "maybe", "applies_to": "all", "patterns": ["a"],
      "message": {"zh": "a", "en": "a"}}, "check"),
    ({"id": "x", "check": "forbid", "applies_to": "everyone", "patterns": ["a"],
      "message": {"zh": "a", "en": "a"}}, "applies_to"),
    ({"id": "x", "check": "forbid", "applies_to": "all", "patterns": [],
      "message": {"zh": "a", "en": "a"}}, "patterns"),
    ({"id": "x", "check": "forbid", "applies_to": "all", "patterns": ["ok", "(broken"],
      "message": {"zh": "a", "en": "a"}}, "patterns[1]"),
    ({"id": "x", "check": "forbid", "applies_to": "all", "patterns": ["a"],
      "message": {"zh": "a"}}, "message.en"),
    ({"id": "x", "check": "forbid", "applies_to": "all", "patterns": ["a"], "steps": ["nap"],
      "message": {"zh": "a", "en": "a"}}, "steps[0]"),
])
def test_rule_errors_name_source_rule_and_field(item, field):
    with pytest.raises(ScriptLibraryError) as info:
        parse_rules({"rule": [item]}, source="shop_rules.toml")
    assert [(e.source, e.script, e.field) for e in info.value.errors] == [
        ("shop_rules.toml", "x", field)]


def test_rule_without_id_is_named_by_index():
    item = {"applies_to": "all", "patterns": ["a"], "message": {"zh": "a", "en": "a"}}
    with pytest.raises(ScriptLibraryError) as info:
        parse_rules({"warning": [item]})
    assert [(e.script, e.field) for e in info.value.errors] == [("warning#1", "id")]


def test_unless_in_sentence_excuses_a_hit_in_its_own_sentence_unless_itself_negated():
    # A promise in the hit's sentence (here in the next clause) changes what the hit means;
    # a negated promise ("不会补给您") does not, nor a promise in another sentence.
    ruleset = parse_rules({"rule": [
        {"id": "advance", "check": "forbid", "applies_to": "all", "patterns": ["您先垫付"],
         "unless_before": ["不用"], "unless_in_sentence": ["补给您"],
         "message": {"zh": "x", "en": "x"}}],
        "warning": [
        {"id": "w_advance", "applies_to": "all", "patterns": ["您先垫付"],
         "unless_before": ["不会"], "unless_in_sentence": ["补给您"],
         "message": {"zh": "x", "en": "x"}}]})
    rule, warning = ruleset.rules[0], ruleset.warnings[0]
    assert [p.pattern for p in rule.unless_in_sentence] == ["补给您"]
    assert [p.pattern for p in warning.unless_in_sentence] == ["补给您"]

    def flagged(text: str) -> bool:
        return bool(lint(script(text, "x"), ruleset))

    assert flagged("请您先垫付运费。")
    assert not flagged("请您先垫付运费，收到货后我们补给您。")
    assert flagged("请您先垫付运费，我们不用补给您。")
    assert not flagged("不用您先垫付运费。")
    # One sentence's promise does not excuse another sentence ...
    assert flagged("退货请您先垫付运费。换货的话您先垫付，我们补给您。")
    assert flagged("请您先垫付运费！补给您的是优惠券")
    assert flagged("Please, 您先垫付. 补给您")
    # ... but each hit is judged in its own sentence.
    assert not flagged("您先垫付，我们补给您。您先垫付，我们补给您。")
    assert [w.rule_id for w in mistakes_for(None, "请您先垫付运费", ruleset)] == ["w_advance"]
    assert mistakes_for(None, "请您先垫付运费，到货就补给您", ruleset) == []
    assert mistakes_for(None, "请您先垫付运费，我们不会补给您", ruleset) != []
    assert mistakes_for(None, "到货就补给您\n请您先垫付运费", ruleset) != []  # another note


def test_a_broken_unless_in_sentence_pattern_is_named():
    item = {"id": "x", "check": "forbid", "applies_to": "all", "patterns": ["a"],
            "unless_in_sentence": ["(broken"], "message": {"zh": "a", "en": "a"}}
    with pytest.raises(ScriptLibraryError) as info:
        parse_rules({"rule": [item]}, source="shop_rules.toml")
    assert [(e.script, e.field) for e in info.value.errors] == [("x", "unless_in_sentence[0]")]


def test_a_chinese_only_script_is_linted_once():
    # No English text: the English "view" is the Chinese, and one report per rule is enough.
    ruleset = parse_rules(RULES)
    s = parse_script_dict({
        "id": "shop.propose.1", "kinds": ["any"], "causes": ["item_defective"],
        "step": "propose", "channel": "chat", "title": {"zh": "t"}, "tone": {"zh": "t"},
        "text": {"zh": "返现，运费由您承担"}}, english_required=False)
    # (The broad "cause unknown" rule catches the same words as the seller-side one: one
    # message for one mistake.)
    assert sorted((v.rule_id, v.field) for v in lint(s, ruleset)) == [
        ("no_cashback", "text.zh"), ("seller_pays", "text.zh")]
    # A REQUIRE rule is checked on the Chinese only, too.
    s = parse_script_dict({
        "id": "shop.explain.1", "kinds": ["any"], "causes": ["any"], "step": "explain",
        "channel": "chat", "title": {"zh": "t"}, "tone": {"zh": "t"},
        "text": {"zh": "您好"}}, english_required=False)
    assert [(v.rule_id, v.field) for v in lint(s, ruleset)] == [("apologise", "text.zh")]


SETS_RULES = {
    "pattern_sets": {"pays": ["运费由您承担", "you pay the shipping"], "no": ["不用"]},
    "rule": [{"id": "seller_pays", "check": "forbid", "applies_to": "all",
              "patterns": [{"set": "pays"}, "自理运费"], "unless_before": [{"set": "no"}],
              "message": {"zh": "x", "en": "x"}}],
    "warning": [{"id": "w_pays", "applies_to": "all", "patterns": [{"set": "pays"}],
                 "message": {"zh": "x", "en": "x"}}],
}


def test_a_named_pattern_set_is_defined_once_and_used_by_rules_and_warnings():
    ruleset = parse_rules(SETS_RULES)
    [rule], [warning] = ruleset.rules, ruleset.warnings
    assert [p.pattern for p in rule.patterns] == ["运费由您承担", "you pay the shipping",
                                                  "自理运费"]
    assert [p.pattern for p in rule.unless_before] == ["不用"]
    assert [p.pattern for p in warning.patterns] == ["运费由您承担", "you pay the shipping"]
    assert rule.patterns[0] is warning.patterns[0]  # compiled once


@pytest.mark.parametrize(("sets", "use", "where"), [
    ({"pays": ["a"]}, {"set": "nope"}, ("seller_pays", "patterns[0]")),
    ({"pays": ["a"]}, {"sett": "pays"}, ("seller_pays", "patterns[0]")),
    ({"pays": ["(broken"]}, {"set": "pays"}, ("pattern_sets", "pays[0]")),
    ({"pays": []}, {"set": "pays"}, ("pattern_sets", "pays")),
    ({"Pays!": ["a"]}, "a", ("pattern_sets", "Pays!")),
])
def test_a_bad_pattern_set_or_use_is_named(sets, use, where):
    data = {"pattern_sets": sets,
            "rule": [{"id": "seller_pays", "check": "forbid", "applies_to": "all",
                      "patterns": [use], "message": {"zh": "x", "en": "x"}}]}
    with pytest.raises(ScriptLibraryError) as info:
        parse_rules(data)
    assert where in [(e.script, e.field) for e in info.value.errors]


def test_an_unknown_set_lists_the_known_ones():
    data = {**SETS_RULES, "warning": [{"id": "w", "applies_to": "all",
                                       "patterns": [{"set": "pay"}],
                                       "message": {"zh": "x", "en": "x"}}]}
    with pytest.raises(ScriptLibraryError) as info:
        parse_rules(data)
    [e] = info.value.errors
    assert "pay" in e.en and "no, pays" in e.en and "pays" in e.zh


def test_one_postage_mistake_one_message_whatever_the_cause():
    import tomllib
    from pathlib import Path

    from shopdesk.domain.enums import Cause
    from shopdesk.domain.scripts.rules import mistakes_for, parse_rules

    rules = parse_rules(tomllib.loads(Path("resources/scripts/rules.toml").read_text(
        encoding="utf-8")))
    text = "运费请您先自己承担寄回来"
    # A seller-side cause: the seller-side message only (not also "cause not known yet").
    assert [w.rule_id for w in mistakes_for(Cause.ITEM_DEFECTIVE, text, rules)] == [
        "return_shipping_seller_cause"]
    assert [w.rule_id for w in mistakes_for(None, text, rules)] == [
        "return_shipping_cause_unknown"]


def test_two_must_contain_rules_both_report_though_neither_has_words():
    # A seller-side and a broad "must contain" rule ask for different things: both failing
    # are both reported (only forbidden words found by both are deduplicated).
    ruleset = parse_rules({"rule": [
        {"id": "seller_must_apologise", "check": "require",
         "applies_to": "seller_side_causes", "patterns": ["抱歉", "sorry"],
         "message": {"zh": "要道歉", "en": "Apologise"}},
        {"id": "generic_must_give_time", "check": "require", "applies_to": "non_buyer_causes",
         "patterns": ["小时", "hours"], "message": {"zh": "给时间", "en": "Give a time"}},
    ]})
    found = lint(script("您好。", "Hello.", causes=["item_defective"]), ruleset)
    assert {v.rule_id for v in found} == {"seller_must_apologise", "generic_must_give_time"}


def test_shipped_rules_refuse_a_day_word_around_the_deadline():
    # {截止时间} says its own day ("今天18:00", "12月7日 18:00"): "今天{截止时间}" read
    # "今天12月7日 18:00" for a deadline two days away.
    from shopdesk.services.scripts import load_shipped_catalog

    rules = load_shipped_catalog().rules
    bad = parse_script_dict({
        "id": "shop.respond.9", "kinds": ["any"], "causes": ["any"], "step": "respond",
        "channel": "chat", "title": {"zh": "t", "en": "t"}, "tone": {"zh": "t", "en": "t"},
        "text": {"zh": "今天{截止时间}前给您答复。", "en": "An answer by {deadline} today."}},
        source="t", english_required=False)
    hits = [(v.rule_id, v.field) for v in lint(bad, rules)]
    assert ("no_day_before_deadline", "text.zh") in hits
    assert ("no_day_before_deadline", "text.en") in hits
    good = parse_script_dict({
        "id": "shop.respond.9", "kinds": ["any"], "causes": ["any"], "step": "respond",
        "channel": "chat", "title": {"zh": "t", "en": "t"}, "tone": {"zh": "t", "en": "t"},
        "text": {"zh": "{截止时间}前给您答复。", "en": "An answer by {deadline}."}},
        source="t", english_required=False)
    assert not [v for v in lint(good, rules) if v.rule_id == "no_day_before_deadline"]
