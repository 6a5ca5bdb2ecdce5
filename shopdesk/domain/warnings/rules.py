"""Early-warning rules (投诉预警) as data: keys, thresholds and words a shop can edit.

The shipped rules are resources/warnings/rules.toml; `parse_rules` turns such a mapping
into `WarningRules`, naming the table and key at fault when a value is wrong. A rule the
file leaves out keeps its default.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from typing import Any

from ..deadlines.rules import stable_repr
from ..enums import Cause
from ..errors import ShopDeskError
from ..labels import LabelledEnum


class RuleKey(LabelledEnum):
    """Stable keys of the warning rules (used in JSON and in the rules file)."""

    SAFETY = ("safety", "人身安全/健康", "Safety or health")
    MEDIA_THREAT = ("media_threat", "扬言投诉/曝光", "Threatens authorities or press")
    EXCESSIVE_CLAIM = ("excessive_claim", "索赔过高", "Excessive claim")
    REPEAT_BUYER = ("repeat_buyer", "同一买家多次售后", "Repeat buyer")
    GROUP_COMPLAINT = ("group_complaint", "群体投诉", "Group complaint")
    RECURRING_FAULT = ("recurring_fault", "问题复发", "Recurring fault")
    LONG_OPEN = ("long_open", "长期未解决", "Open too long")
    PLATFORM_INVOLVED = ("platform_involved", "平台介入", "Platform involved")
    CAUSE_UNKNOWN = ("cause_unknown", "原因不明", "Cause still unknown")
    NEW_PRODUCT = ("new_product", "新品问题", "New product")
    BLACKLISTED = ("blacklisted", "恶意买家名单", "Malicious-buyer list")


# Rules whose firing suggests marking the case a major complaint (issue 14).
MAJOR_RULES = frozenset({RuleKey.SAFETY, RuleKey.MEDIA_THREAT, RuleKey.GROUP_COMPLAINT,
                         RuleKey.EXCESSIVE_CLAIM})


# Rules judged on a case's neighbours whose reason carries a count ("3 buyers within 7
# days"). The count growing is the same trigger, not a new one: an acknowledged warning of
# these rules is not raised again while the rule keeps firing.
COUNTED_RULES = frozenset({RuleKey.REPEAT_BUYER, RuleKey.GROUP_COMPLAINT,
                           RuleKey.RECURRING_FAULT})
# The rules that read other cases (the rest read the judged case's own fields and words).
NEIGHBOUR_RULES = COUNTED_RULES | {RuleKey.NEW_PRODUCT}
# The rules time alone can change on an open case: its age reaches long_open's days or
# cause_unknown's hours (they start firing), its product's first case grows older than
# new_product's days (it stops). Every other rule reads facts only a write changes.
TIME_RULES = frozenset({RuleKey.LONG_OPEN, RuleKey.CAUSE_UNKNOWN, RuleKey.NEW_PRODUCT})

# Raise it when what a rule decides or how its reason reads changes: the warnings already
# stored were judged by the old code, and `fingerprint` changes, so every open case is
# judged again (as when the shop edits its rules). 2: the recurring_fault wording. 3: the
# group rule counts product causes only, a recurrence is the third time: the warnings the
# old rules raised on open cases clear at the next refresh (the window's start).
JUDGE_VERSION = 3


class RulesError(ShopDeskError, ValueError):
    """The rules file has a wrong value; names where."""

    def __init__(self, where: str, zh: str, en: str) -> None:
        self.where = where
        super().__init__(f"预警规则 {where}：{zh}", f"warning rules {where}: {en}")


SAFETY_WORDS = ("受伤", "割伤", "划伤", "烫伤", "烧伤", "起火", "着火", "自燃", "冒烟",
                "爆炸", "漏电", "触电", "过敏", "中毒", "吃坏", "拉肚子", "腹泻", "住院",
                "就医", "医院", "孩子误食", "儿童误食", "窒息")
MEDIA_WORDS = ("12315", "工商", "消协", "消费者协会", "市场监管", "媒体", "记者", "曝光",
               "律师", "起诉", "法院", "报警", "举报", "微博", "博主", "网红")
DEMAND_WORDS = ("假一赔十", "十倍赔偿", "三倍赔偿", "精神损失", "赔偿一万", "赔一万")

# English words for cross-border buyers (AliExpress): matched case-insensitively as whole
# words or phrases ("burn" is not found in "heartburn", "sue" not in "issue"), so each
# form a buyer writes is listed. Left out on purpose, for the false alarms they raise in
# ordinary complaints: "fire" and "smoke" alone (Fire TV, smoke grey, a smoke detector),
# "burnt" (burnt orange), "bleeding"/"bled" (colours bleed in the wash), "sick" (sick of
# waiting), "hurt", "news" (any news on my parcel?), "court" alone (tennis court),
# "dispute" (opening one is the platform's routine step: platform_involved says when it
# happened), "compensation" and "ten times" alone (I asked ten times), YouTube and Facebook
# (a how-to video, the ad the buyer saw). "chargeback" is in: going to the card issuer
# over the platform's head costs the shop the money and a fee, like a 12315 complaint.
SAFETY_WORDS_EN = (
    "injured", "injury", "injuries", "burn", "burns", "burned", "burning smell", "scalded",
    "caught fire", "on fire", "burst into flames", "in flames", "fire hazard", "smoke came out",
    "smoke coming out", "started smoking", "exploded", "explosion", "blew up", "electric shock",
    "electrocuted", "allergic", "allergy", "rash", "poisoned", "poisoning", "toxic",
    "choked", "choking", "swallowed", "hospital", "hospitalized", "hospitalised",
    "emergency room", "diarrhea", "diarrhoea", "vomiting", "dangerous", "safety hazard")
MEDIA_WORDS_EN = (
    "lawyer", "lawyers", "attorney", "solicitor", "legal action", "sue", "suing", "sued",
    "lawsuit", "small claims", "to court", "in court", "police", "journalist", "reporter",
    "the press", "newspaper", "social media", "go public", "Instagram", "TikTok", "Twitter",
    "Reddit", "influencer", "blogger", "my followers",
    "consumer protection", "consumer rights", "trading standards", "Better Business Bureau",
    "BBB", "FTC", "ombudsman", "chargeback", "charge back")
DEMAND_WORDS_EN = (
    "tenfold", "ten times the price", "10 times the price", "three times the price",
    "3 times the price", "triple refund", "emotional distress", "mental distress",
    "pain and suffering", "punitive damages", "moral damages")


# Faults of the goods or of the parcel as it arrived: what recurring_fault and
# group_complaint count by default.
PRODUCT_CAUSES = frozenset({Cause.ITEM_DEFECTIVE, Cause.NOT_AS_DESCRIBED,
                            Cause.MISSING_WRONG_ITEM, Cause.TRANSIT_DAMAGE,
                            Cause.SUSPECTED_COUNTERFEIT})


@dataclass(frozen=True)
class WarningRules:
    """Every rule's switch, thresholds and words."""

    # new_product is off by default: on a young register every item is "new".
    enabled: frozenset[RuleKey] = frozenset(RuleKey) - {RuleKey.NEW_PRODUCT}
    safety_words: tuple[str, ...] = SAFETY_WORDS
    media_words: tuple[str, ...] = MEDIA_WORDS
    demand_words: tuple[str, ...] = DEMAND_WORDS
    # The English lists (`words_en` in the rules file), beside `words`: a shop's override
    # of `words` written before there were any keeps them.
    safety_words_en: tuple[str, ...] = SAFETY_WORDS_EN
    media_words_en: tuple[str, ...] = MEDIA_WORDS_EN
    demand_words_en: tuple[str, ...] = DEMAND_WORDS_EN
    claim_ratio: Decimal = Decimal(3)  # claim >= ratio x paid
    claim_over: Decimal = Decimal(1000)  # or claim >= paid + this many yuan
    repeat_cases: int = 3
    repeat_days: int = 30
    group_buyers: int = 3
    group_days: int = 7
    long_open_days: int = 10
    cause_unknown_hours: int = 48
    new_product_days: int = 14
    similar_days: int = 30
    # Causes a recurrence warns about: faults of the goods or the shipping, not a buyer's
    # change of mind.
    recurring_causes: frozenset[Cause] = PRODUCT_CAUSES
    # A recurrence is the `recurring_times`-th case of a product and cause: this one and
    # the ones resolved or closed before it (domain: "the same problem 3 or more times").
    recurring_times: int = 3
    # Causes a group complaint counts: "3 buyers with the same problem" is a problem of the
    # goods as shipped; three buyers who changed their minds, ordered the wrong size or
    # used it wrongly are no group. Courier delays and losses (slow_delivery, parcel_lost)
    # are left out too: they follow a shipping day, not a product.
    group_causes: frozenset[Cause] = PRODUCT_CAUSES
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    def on(self, rule: RuleKey) -> bool:
        return rule in self.enabled

    def words(self, rule: RuleKey) -> tuple[str, ...]:
        """Every word of a word rule (safety, media_threat, excessive_claim), Chinese then
        English; () for the other rules."""
        lists = {RuleKey.SAFETY: (self.safety_words, self.safety_words_en),
                 RuleKey.MEDIA_THREAT: (self.media_words, self.media_words_en),
                 RuleKey.EXCESSIVE_CLAIM: (self.demand_words, self.demand_words_en)}
        return tuple(w for words in lists.get(rule, ()) for w in words)

    def with_changes(self, **changes: Any) -> WarningRules:
        return replace(self, **changes)


# (table, key) -> (attribute, kind)
_FIELDS: dict[tuple[str, str], tuple[str, str]] = {
    ("safety", "words"): ("safety_words", "words"),
    ("media_threat", "words"): ("media_words", "words"),
    ("excessive_claim", "words"): ("demand_words", "words"),
    ("safety", "words_en"): ("safety_words_en", "words"),
    ("media_threat", "words_en"): ("media_words_en", "words"),
    ("excessive_claim", "words_en"): ("demand_words_en", "words"),
    ("excessive_claim", "ratio"): ("claim_ratio", "decimal"),
    ("excessive_claim", "over_yuan"): ("claim_over", "decimal"),
    ("repeat_buyer", "cases"): ("repeat_cases", "count"),
    ("repeat_buyer", "days"): ("repeat_days", "count"),
    ("group_complaint", "buyers"): ("group_buyers", "count"),
    ("group_complaint", "days"): ("group_days", "count"),
    ("long_open", "days"): ("long_open_days", "count"),
    ("cause_unknown", "hours"): ("cause_unknown_hours", "count"),
    ("new_product", "days"): ("new_product_days", "count"),
    ("similar", "days"): ("similar_days", "count"),
    ("recurring_fault", "causes"): ("recurring_causes", "causes"),
    ("recurring_fault", "times"): ("recurring_times", "count"),
    ("group_complaint", "causes"): ("group_causes", "causes"),
}


def _value(where: str, kind: str, raw: Any) -> Any:
    if kind == "words":
        if not isinstance(raw, list) or not all(isinstance(w, str) and w.strip() for w in raw):
            raise RulesError(where, "应为非空文字的列表", "must be a list of non-empty strings")
        return tuple(w.strip() for w in raw)
    if kind == "causes":
        if not isinstance(raw, list):
            raise RulesError(where, "应为原因键的列表", "must be a list of cause keys")
        try:
            return frozenset(Cause(str(c)) for c in raw)
        except ValueError:
            keys = ", ".join(c.value for c in Cause)
            raise RulesError(where, f"未知的原因（可选：{keys}）",
                             f"unknown cause (one of: {keys})") from None
    if kind == "count":
        if isinstance(raw, bool) or not isinstance(raw, int) or raw < 1:
            raise RulesError(where, "应为正整数", "must be a whole number of at least 1")
        return raw
    try:
        value = Decimal(str(raw))
    except InvalidOperation:
        value = Decimal(-1)
    if isinstance(raw, bool) or not isinstance(raw, int | float | str) or value <= 0:
        raise RulesError(where, "应为正数", "must be a positive number")
    return value


def parse_rules(data: Mapping[str, Any], base: WarningRules | None = None) -> WarningRules:
    """Rules from a TOML mapping: `[rule_key]` tables with `enabled` and thresholds."""
    rules = base or WarningRules()
    enabled = set(rules.enabled)
    changes: dict[str, Any] = {}
    known = {k.value for k in RuleKey} | {"similar"}
    for table, values in data.items():
        if table not in known:
            raise RulesError(table, f"未知的规则（可选：{', '.join(sorted(known))}）",
                             f"unknown rule (one of: {', '.join(sorted(known))})")
        if not isinstance(values, Mapping):
            raise RulesError(table, "应为一个表 [..]", "must be a table [..]")
        for key, raw in values.items():
            where = f"{table}.{key}"
            if key == "enabled" and table != "similar":
                if not isinstance(raw, bool):
                    raise RulesError(where, "应为 true 或 false", "must be true or false")
                (enabled.add if raw else enabled.discard)(RuleKey(table))
                continue
            spec = _FIELDS.get((table, key))
            if spec is None:
                raise RulesError(where, "未知的设置", "unknown setting")
            changes[spec[0]] = _value(where, spec[1], raw)
    return rules.with_changes(enabled=frozenset(enabled), **changes)


def fingerprint(rules: WarningRules) -> str:
    """A short text that changes when any switch, threshold or word of `rules` (or
    JUDGE_VERSION) does, and only then: the same in every process (stable_repr)."""
    return hashlib.sha256(stable_repr((JUDGE_VERSION, rules)).encode()).hexdigest()[:16]
