"""Each early-warning rule fires at its threshold and not below it (pure domain)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from shopdesk.domain.enums import CaseKind, CaseStatus, Cause
from shopdesk.domain.warnings import (
    CaseFacts,
    Neighbourhood,
    RuleKey,
    RulesError,
    WarningRules,
    evaluate,
    parse_rules,
    similar,
)
from shopdesk.domain.warnings.engine import demanded_amounts

NOW = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
RULES = WarningRules()


def facts(case_id: int = 1, *, age: timedelta = timedelta(hours=1), text: str = "",
          buyer: str = "buyer1", product: str = "SKU-1", cause: Cause | None = Cause.ITEM_DEFECTIVE,
          kind: CaseKind = CaseKind.REFUND_ONLY, status: CaseStatus = CaseStatus.NEW,
          paid: str | None = "100", claimed: str | None = None,
          closed_age: timedelta | None = None, intervention: bool = False) -> CaseFacts:
    return CaseFacts(
        case_id=case_id, platform="taobao", buyer_nick=buyer, product=product, cause=cause,
        kind=kind, status=status, created_at=NOW - age,
        closed_at=NOW - closed_age if closed_age is not None else None,
        amount_paid=Decimal(paid) if paid else None,
        amount_claimed=Decimal(claimed) if claimed else None, text=text,
        platform_intervention=intervention)


def rules_of(subject: CaseFacts, *others: CaseFacts, rules: WarningRules = RULES,
             blacklist: str | None = None) -> set[RuleKey]:
    around = Neighbourhood([subject, *others])
    return {r.rule for r in evaluate(subject, around, rules, NOW, blacklist_reason=blacklist)}


def test_a_plain_case_raises_nothing():
    assert rules_of(facts()) == set()


@pytest.mark.parametrize("text", ["孩子手被割伤了", "充电时起火", "吃坏肚子", "皮肤过敏"])
def test_safety_words_fire(text):
    assert RuleKey.SAFETY in rules_of(facts(text=text))


@pytest.mark.parametrize("text", ["再不处理就打12315", "我要找媒体曝光", "已经请了律师",
                                  "去工商投诉"])
def test_media_threat_words_fire(text):
    found = rules_of(facts(text=text))
    assert RuleKey.MEDIA_THREAT in found
    assert RuleKey.SAFETY not in found


def test_safety_reason_names_the_words():
    raised = evaluate(facts(text="割伤，还烫伤了"), Neighbourhood([]), RULES, NOW)
    assert raised[0].rule is RuleKey.SAFETY
    assert "割伤" in raised[0].reason.zh and "烫伤" in raised[0].reason.en


def test_excessive_claim_by_amount_at_three_times():
    assert RuleKey.EXCESSIVE_CLAIM in rules_of(facts(paid="100", claimed="300"))
    assert RuleKey.EXCESSIVE_CLAIM not in rules_of(facts(paid="100", claimed="299.99"))


def test_excessive_claim_by_amount_over_paid_plus_1000():
    assert RuleKey.EXCESSIVE_CLAIM in rules_of(facts(paid="2000", claimed="3000"))
    assert RuleKey.EXCESSIVE_CLAIM not in rules_of(facts(paid="2000", claimed="2999"))


def test_excessive_claim_by_demand_in_text():
    assert RuleKey.EXCESSIVE_CLAIM in rules_of(facts(text="要求赔偿一万", paid="50"))
    assert RuleKey.EXCESSIVE_CLAIM in rules_of(facts(text="不赔3000元就差评", paid="100"))
    assert RuleKey.EXCESSIVE_CLAIM not in rules_of(facts(text="要求赔50元运费", paid="100"))


def test_demanded_amounts_reads_digits_and_chinese_units():
    assert demanded_amounts("赔偿一万") == [Decimal(10000)]
    assert demanded_amounts("要求赔5千元") == [Decimal(5000)]
    assert demanded_amounts("索赔 1200 块") == [Decimal(1200)]
    assert demanded_amounts("给个说法") == []


def test_repeat_buyer_fires_at_three_cases_in_30_days():
    a = facts(1, age=timedelta(days=20))
    b = facts(2, age=timedelta(days=10))
    c = facts(3, age=timedelta(days=1))
    assert RuleKey.REPEAT_BUYER in rules_of(c, a, b)
    assert RuleKey.REPEAT_BUYER not in rules_of(c, b)


def test_repeat_buyer_needs_the_cases_within_30_days():
    a = facts(1, age=timedelta(days=45))
    b = facts(2, age=timedelta(days=10))
    c = facts(3, age=timedelta(days=1))
    assert RuleKey.REPEAT_BUYER not in rules_of(c, a, b)


def test_repeat_buyer_is_per_platform():
    other = CaseFacts(**{**facts(9).__dict__, "platform": "jd"})
    assert RuleKey.REPEAT_BUYER not in rules_of(facts(3), facts(2), other)


def test_group_complaint_three_buyers_same_sku_and_cause_in_7_days():
    cluster = [facts(i, buyer=f"b{i}", age=timedelta(days=i)) for i in (1, 2, 3)]
    assert RuleKey.GROUP_COMPLAINT in rules_of(cluster[0], *cluster[1:])


def test_group_complaint_not_with_two_buyers_or_other_cause_or_spread_out():
    two = [facts(1, buyer="b1"), facts(2, buyer="b2"), facts(3, buyer="b2")]
    assert RuleKey.GROUP_COMPLAINT not in rules_of(two[0], *two[1:])
    mixed = [facts(1, buyer="b1"), facts(2, buyer="b2"),
             facts(3, buyer="b3", cause=Cause.SLOW_DELIVERY)]
    assert RuleKey.GROUP_COMPLAINT not in rules_of(mixed[0], *mixed[1:])
    spread = [facts(1, buyer="b1", age=timedelta(days=1)),
              facts(2, buyer="b2", age=timedelta(days=5)),
              facts(3, buyer="b3", age=timedelta(days=9))]
    assert RuleKey.GROUP_COMPLAINT not in rules_of(spread[0], *spread[1:])


@pytest.mark.parametrize("cause", [Cause.CHANGED_MIND, Cause.ORDERED_WRONG, Cause.MISUSE,
                                   Cause.MALICIOUS_REVIEWER, Cause.EXPECTATIONS,
                                   Cause.SLOW_DELIVERY, Cause.PARCEL_LOST])
def test_group_complaint_counts_only_problems_of_the_goods(cause):
    """Three buyers who changed their minds are not "the same problem" with a product."""
    cluster = [facts(i, buyer=f"b{i}", age=timedelta(days=i), cause=cause) for i in (1, 2, 3)]
    assert RuleKey.GROUP_COMPLAINT not in rules_of(cluster[0], *cluster[1:])


def test_group_complaint_causes_are_configurable():
    cluster = [facts(i, buyer=f"b{i}", age=timedelta(days=i), cause=Cause.PARCEL_LOST)
               for i in (1, 2, 3)]
    mine = parse_rules({"group_complaint": {"causes": ["parcel_lost"]}})
    assert RuleKey.GROUP_COMPLAINT in rules_of(cluster[0], *cluster[1:], rules=mine)
    defective = [facts(i, buyer=f"b{i}", age=timedelta(days=i)) for i in (1, 2, 3)]
    assert RuleKey.GROUP_COMPLAINT not in rules_of(defective[0], *defective[1:], rules=mine)


def test_group_complaint_counts_buyers_not_cases():
    same_buyer = [facts(i, buyer="b1") for i in (1, 2, 3)]
    assert RuleKey.GROUP_COMPLAINT not in rules_of(same_buyer[0], *same_buyer[1:])


def _resolved(case_id: int, days: int = 20, cause: Cause = Cause.ITEM_DEFECTIVE
              ) -> CaseFacts:
    return facts(case_id, buyer=f"x{case_id}", age=timedelta(days=days),
                 status=CaseStatus.RESOLVED, closed_age=timedelta(days=days - 5), cause=cause)


def test_recurring_fault_the_third_time_after_two_resolved():
    """domain.md: the same problem recurring 3 or more times: this case and two resolved
    before it; the second time is not yet a recurrence warning."""
    assert RuleKey.RECURRING_FAULT not in rules_of(facts(3), _resolved(1))
    raised = {r.rule: r.reason for r in evaluate(
        facts(3), Neighbourhood([facts(3), _resolved(1), _resolved(2, 30)]), RULES, NOW)}
    assert raised[RuleKey.RECURRING_FAULT].en == \
        "Item defective on SKU-1: 3 times (2 resolved before)"
    assert raised[RuleKey.RECURRING_FAULT].zh == "「SKU-1」宝贝有问题，第3次出现（此前已解决2单）"
    still_open = facts(1, buyer="x", age=timedelta(days=20))
    assert RuleKey.RECURRING_FAULT not in rules_of(facts(3), _resolved(2), still_open)


def test_recurring_fault_times_is_configurable():
    twice = parse_rules({"recurring_fault": {"times": 2}})
    assert RuleKey.RECURRING_FAULT in rules_of(facts(2), _resolved(1), rules=twice)
    four = parse_rules({"recurring_fault": {"times": 4}})
    assert RuleKey.RECURRING_FAULT not in rules_of(facts(3), _resolved(1), _resolved(2, 30),
                                                   rules=four)
    with pytest.raises(RulesError, match=r"recurring_fault\.times"):
        parse_rules({"recurring_fault": {"times": 0}})


def test_recurring_fault_ignores_buyer_side_causes():
    old = facts(1, buyer="x", age=timedelta(days=20), status=CaseStatus.RESOLVED,
                closed_age=timedelta(days=15), cause=Cause.CHANGED_MIND)
    assert RuleKey.RECURRING_FAULT not in rules_of(facts(2, cause=Cause.CHANGED_MIND), old)


def test_long_open_at_ten_days():
    assert RuleKey.LONG_OPEN in rules_of(facts(age=timedelta(days=10)))
    assert RuleKey.LONG_OPEN not in rules_of(facts(age=timedelta(days=9, hours=23)))
    assert RuleKey.LONG_OPEN not in rules_of(
        facts(age=timedelta(days=30), status=CaseStatus.RESOLVED, closed_age=timedelta(1)))


def test_platform_involved_by_kind_or_intervention():
    assert RuleKey.PLATFORM_INVOLVED in rules_of(facts(kind=CaseKind.PLATFORM_DISPUTE))
    assert RuleKey.PLATFORM_INVOLVED in rules_of(facts(intervention=True))
    assert RuleKey.PLATFORM_INVOLVED not in rules_of(facts(kind=CaseKind.COMPLAINT))


def test_cause_unknown_after_48_hours():
    assert RuleKey.CAUSE_UNKNOWN in rules_of(facts(cause=Cause.UNCLEAR, age=timedelta(hours=48)))
    assert RuleKey.CAUSE_UNKNOWN in rules_of(facts(cause=None, age=timedelta(hours=50)))
    assert RuleKey.CAUSE_UNKNOWN not in rules_of(facts(cause=None, age=timedelta(hours=47)))


def test_new_product_within_14_days_of_first_sight():
    rules = parse_rules({"new_product": {"enabled": True}})
    old = facts(1, buyer="x", age=timedelta(days=40), product="SKU-OLD")
    assert RuleKey.NEW_PRODUCT not in rules_of(facts(2, product="SKU-OLD"), old, rules=rules)
    fresh = facts(1, buyer="x", age=timedelta(days=13), product="SKU-NEW")
    assert RuleKey.NEW_PRODUCT in rules_of(facts(2, product="SKU-NEW"), fresh, rules=rules)
    assert RuleKey.NEW_PRODUCT not in rules_of(facts(2, product="SKU-NEW"), fresh)


def test_blacklisted_carries_the_entry_reason():
    raised = evaluate(facts(), Neighbourhood([]), RULES, NOW, blacklist_reason="职业差评师")
    assert [r.rule for r in raised] == [RuleKey.BLACKLISTED]
    assert "职业差评师" in raised[0].reason.zh


def test_a_disabled_rule_never_fires():
    rules = parse_rules({"safety": {"enabled": False}})
    assert RuleKey.SAFETY not in rules_of(facts(text="割伤"), rules=rules)
    assert RuleKey.MEDIA_THREAT in rules_of(facts(text="割伤 12315"), rules=rules)


def test_thresholds_come_from_the_rules_file():
    rules = parse_rules({"long_open": {"days": 3}, "safety": {"words": ["扎手"]}})
    assert RuleKey.LONG_OPEN in rules_of(facts(age=timedelta(days=3)), rules=rules)
    assert RuleKey.SAFETY in rules_of(facts(text="有点扎手"), rules=rules)
    assert RuleKey.SAFETY not in rules_of(facts(text="割伤"), rules=rules)


@pytest.mark.parametrize("data, where", [
    ({"nonsense": {}}, "nonsense"),
    ({"long_open": {"days": 0}}, "long_open.days"),
    ({"long_open": {"dayz": 3}}, "long_open.dayz"),
    ({"safety": {"enabled": "yes"}}, "safety.enabled"),
    ({"safety": {"words": "割伤"}}, "safety.words"),
    ({"excessive_claim": {"ratio": -1}}, "excessive_claim.ratio"),
    ({"recurring_fault": {"causes": ["bogus"]}}, "recurring_fault.causes"),
])
def test_bad_rules_name_the_key(data, where):
    with pytest.raises(RulesError) as info:
        parse_rules(data)
    assert info.value.where == where
    assert where in info.value.message("en")


def test_similar_cases_same_product_and_cause_within_30_days():
    subject = facts(1)
    near = facts(2, buyer="b2", age=timedelta(days=5))
    other_cause = facts(3, buyer="b3", cause=Cause.SLOW_DELIVERY)
    too_old = facts(4, buyer="b4", age=timedelta(days=40))
    found = similar(subject, Neighbourhood([subject, near, other_cause, too_old]), 30)
    assert [f.case_id for f in found] == [2]


def test_shipped_rules_file_parses_to_the_defaults():
    import tomllib

    from shopdesk.paths import resource_path

    with resource_path("warnings", "rules.toml").open("rb") as fh:
        shipped = parse_rules(tomllib.load(fh))
    assert shipped == WarningRules()


def test_nothing_fires_on_a_resolved_case():
    done = facts(text="割伤 12315", status=CaseStatus.RESOLVED, closed_age=timedelta(hours=1))
    assert rules_of(done) == set()


def test_an_english_complaint_raises_safety_and_media_threat():
    text = ("The heater burned her child's hand, we went to HOSPITAL. I will contact a "
            "lawyer and post on Instagram.")
    raised = {r.rule: r.reason for r in evaluate(facts(text=text), Neighbourhood([]), RULES,
                                                 NOW)}
    assert raised[RuleKey.SAFETY].en == "mentions: burned, hospital"
    assert raised[RuleKey.SAFETY].zh == "提到：burned、hospital"
    assert raised[RuleKey.MEDIA_THREAT].en == "mentions: lawyer, Instagram"


@pytest.mark.parametrize("text", [
    "It caught   fire while charging", "my son SWALLOWED a magnet", "allergic reaction",
    "I will sue you", "I am going to file a chargeback", "taking you to court",
    "I want compensation for emotional distress"])
def test_english_words_fire_in_any_case_and_spacing(text):
    assert rules_of(facts(text=text)) & {RuleKey.SAFETY, RuleKey.MEDIA_THREAT,
                                         RuleKey.EXCESSIVE_CLAIM}


@pytest.mark.parametrize("text", [
    "There is an issue with the zipper",  # sue
    "the colour is burnt orange, the seller's heartburn remedy",  # burn
    "any news on my parcel? the smoke grey one", "the Fire TV remote does not pair",
    "I asked ten times and nobody answered", "I want compensation for the late parcel",
    "the tennis court lines are wrong", "I watched the YouTube tutorial, still broken"])
def test_english_words_are_whole_words_and_everyday_words_stay_quiet(text):
    assert rules_of(facts(text=text)) == set()


def test_an_override_of_words_keeps_the_english_words_and_words_en_overrides_them():
    mine = parse_rules({"safety": {"words": ["烫伤"]}})
    assert RuleKey.SAFETY in rules_of(facts(text="burned my hand"), rules=mine)
    assert RuleKey.SAFETY not in rules_of(facts(text="割伤"), rules=mine)
    none_en = parse_rules({"safety": {"words_en": []}})
    assert RuleKey.SAFETY not in rules_of(facts(text="burned my hand"), rules=none_en)
    assert RuleKey.SAFETY in rules_of(facts(text="割伤"), rules=none_en)
    own_en = parse_rules({"media_threat": {"words_en": ["Watchdog"]}})
    assert RuleKey.MEDIA_THREAT in rules_of(facts(text="calling the WATCHDOG"), rules=own_en)
    with pytest.raises(RulesError, match=r"safety\.words_en"):
        parse_rules({"safety": {"words_en": "burned"}})
