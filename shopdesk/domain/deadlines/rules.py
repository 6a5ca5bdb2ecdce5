"""Deadline rules per platform and stage, read from data (resources/deadlines/*.toml).

One file per platform; every `[[rule]]` says at which stage (and for which kinds of case)
who must act within how long, what the platform does when the time runs out, and where
the number comes from (source, the year it was checked, confidence). The shop overrides
a rule key by key, or adds one, in its own deadline_rules.toml:

    [taobao.refund_unshipped]      # platform . rule id
    hours = 12

A rule whose confidence is low is an estimate: it is shown as "约 …".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, fields, is_dataclass, replace
from datetime import date
from typing import Any

from ..enums import CaseKind, Platform
from ..errors import ShopDeskError
from ..labels import LabelledEnum
from ..platform_state import PlatformStage
from ..text import Text


class DeadlineRulesError(ShopDeskError, ValueError):
    """A deadline rules file has a wrong value; names the file and the key."""

    def __init__(self, where: str, zh: str, en: str) -> None:
        self.where = where
        super().__init__(f"时限规则 {where}：{zh}", f"deadline rules {where}: {en}")


class Actor(LabelledEnum):
    """Who must act before the deadline."""

    SELLER = ("seller", "卖家", "Seller")
    BUYER = ("buyer", "买家", "Buyer")
    PLATFORM = ("platform", "平台", "Platform")
    BOTH = ("both", "双方", "Both sides")


class Confidence(LabelledEnum):
    HIGH = ("high", "高", "High")
    MEDIUM = ("medium", "中", "Medium")
    LOW = ("low", "低", "Low")


class Anchor(LabelledEnum):
    """What the time limit counts from."""

    STAGE = ("stage", "进入该阶段时", "When the stage began")
    APPLIED = ("applied", "买家申请时", "When the buyer applied")
    RETURN_SHIPPED = ("return_shipped", "买家寄回时", "When the buyer shipped the return")


@dataclass(frozen=True)
class Pause:
    """A span the platform stops its clocks (e.g. JD over Spring Festival), local dates,
    `start` to `end` inclusive; only at `stages` (every stage when empty)."""

    start: date
    end: date
    reason: Text = field(default_factory=lambda: Text(""))
    stages: frozenset[PlatformStage] = frozenset()
    source: str = ""
    year: str = ""
    confidence: Confidence = Confidence.MEDIUM
    holiday: str = ""  # made from this public holiday's dates (see HolidayPause)

    def applies(self, stage: PlatformStage | None) -> bool:
        return not self.stages or stage in self.stages

    def overlaps(self, other: Pause) -> bool:
        return self.start <= other.end and other.start <= self.end


# Public holidays a pause may name; their dates per year come from the holiday calendar.
HOLIDAYS = ("spring_festival",)


@dataclass(frozen=True)
class HolidayPause:
    """A pause over a public holiday whose dates change every year ("JD pauses its
    countdowns over Spring Festival"): `with_holidays` turns it into a `Pause` per year
    from the holiday calendar. A dated pause of the same platform that overlaps that
    year's holiday (the platform's own announcement, in the shop's file) replaces it."""

    holiday: str
    reason: Text = field(default_factory=lambda: Text(""))
    stages: frozenset[PlatformStage] = frozenset()
    source: str = ""
    year: str = ""
    confidence: Confidence = Confidence.MEDIUM
    note: str = ""


@dataclass(frozen=True)
class DeadlineRule:
    """One time limit: at `stage` (for `kinds`, any when empty) `who` must act within
    `hours` (elapsed time) or `days` (calendar days in the shop's zone)."""

    platform: Platform
    id: str
    stage: PlatformStage
    who: Actor
    on_timeout: Text
    hours: int = 0
    days: int = 0
    kinds: tuple[CaseKind, ...] = ()
    anchor: Anchor = Anchor.STAGE
    # Count from the next local midnight (PDD: "72 h from 0:00 the day after signing").
    from_midnight: bool = False
    source: str = ""
    year: str = ""
    confidence: Confidence = Confidence.MEDIUM
    note: str = ""
    overridden: bool = False  # the shop's file changed or added it

    @property
    def key(self) -> str:
        """'taobao.refund_unshipped': how JSON and the override file name the rule."""
        return f"{self.platform.value}.{self.id}"

    @property
    def estimate(self) -> bool:
        """Low confidence: show the deadline as '约 …'."""
        return self.confidence is Confidence.LOW

    def applies(self, stage: PlatformStage, kind: CaseKind) -> bool:
        return self.stage is stage and (not self.kinds or kind in self.kinds)

    def length_text(self, lang: str = "zh") -> str:
        """'24小时' / '24 h', '10天' / '10 d', with '约' for an estimate."""
        en = lang.startswith("en")
        if self.days:
            text = f"{self.days} d" if en else f"{self.days}天"
        else:
            text = f"{self.hours} h" if en else f"{self.hours}小时"
        if self.estimate:
            text = ("about " if en else "约") + text
        return text


@dataclass(frozen=True)
class RuleSet:
    """Every platform's rules and pauses."""

    rules: tuple[DeadlineRule, ...] = ()
    pauses: Mapping[Platform, tuple[Pause, ...]] = field(default_factory=dict)
    holiday_pauses: Mapping[Platform, tuple[HolidayPause, ...]] = field(default_factory=dict)

    def find(self, platform: Platform, stage: PlatformStage,
             kind: CaseKind) -> DeadlineRule | None:
        """The first rule of `platform` for this stage and kind (file order)."""
        for rule in self.rules:
            if rule.platform is platform and rule.applies(stage, kind):
                return rule
        return None

    def for_platform(self, platform: Platform | None = None) -> list[DeadlineRule]:
        return [r for r in self.rules if platform is None or r.platform is platform]

    def pauses_of(self, platform: Platform) -> tuple[Pause, ...]:
        return tuple(self.pauses.get(platform, ()))

    def with_holidays(self, span: Callable[[str, int], tuple[date, date] | None],
                      years: Iterable[int]) -> RuleSet:
        """The holiday pauses made dated for `years`: `span(holiday, year)` gives the
        holiday's first and last day (None: the calendar does not know that year, so no
        pause). A dated pause of the platform overlapping the holiday wins over it."""
        years = sorted(set(years))
        pauses = {p: list(items) for p, items in self.pauses.items()}
        for platform, templates in self.holiday_pauses.items():
            dated = tuple(self.pauses.get(platform, ()))
            for t in templates:
                for year in years:
                    days = span(t.holiday, year)
                    if days is None:
                        continue
                    made = Pause(days[0], days[1], t.reason, t.stages, t.source, t.year,
                                 t.confidence, t.holiday)
                    if not any(p.overlaps(made) for p in dated):
                        pauses.setdefault(platform, []).append(made)
        return replace(self, pauses={p: tuple(items) for p, items in pauses.items()})


_RULE_KEYS = frozenset(("id", "stage", "kinds", "who", "hours", "days", "from",
                        "from_midnight", "on_timeout", "source", "year", "confidence", "note"))


def _enum(enum: type[LabelledEnum], value: Any, where: str) -> Any:
    try:
        return enum(str(value).strip())
    except ValueError:
        keys = ", ".join(m.value for m in enum)
        raise DeadlineRulesError(where, f"取值 {value!r} 不认识（可选：{keys}）",
                                 f"unknown value {value!r} (one of: {keys})") from None


def _text(value: Any, where: str) -> Text:
    if isinstance(value, str) and value.strip():
        return Text(value.strip())
    if isinstance(value, Mapping) and isinstance(value.get("zh"), str) and value["zh"].strip():
        return Text(value["zh"].strip(), str(value.get("en", "")).strip())
    raise DeadlineRulesError(where, "应为文字或 {zh = \"…\", en = \"…\"}",
                             'must be text or {zh = "…", en = "…"}')


def _count(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise DeadlineRulesError(where, "应为不小于 0 的整数", "must be a whole number >= 0")
    return value


def _rule_values(raw: Mapping[str, Any], where: str,
                 base: dict[str, Any]) -> dict[str, Any]:
    """`base` (the values of a rule) with the keys of `raw` parsed on top."""
    values = dict(base)
    for key, value in raw.items():
        at = f"{where}.{key}"
        if key not in _RULE_KEYS:
            raise DeadlineRulesError(at, "未知的键", "unknown key")
        if key == "id":
            continue
        if key == "stage":
            values["stage"] = _enum(PlatformStage, value, at)
        elif key == "kinds":
            if not isinstance(value, list):
                raise DeadlineRulesError(at, "应为售后类型键的列表", "must be a list of kind keys")
            values["kinds"] = tuple(_enum(CaseKind, v, at) for v in value)
        elif key == "who":
            values["who"] = _enum(Actor, value, at)
        elif key in ("hours", "days"):
            values[key] = _count(value, at)
            values["days" if key == "hours" else "hours"] = 0  # one length, not both
        elif key == "from":
            values["anchor"] = _enum(Anchor, value, at)
        elif key == "from_midnight":
            if not isinstance(value, bool):
                raise DeadlineRulesError(at, "应为 true 或 false", "must be true or false")
            values["from_midnight"] = value
        elif key == "on_timeout":
            values["on_timeout"] = _text(value, at)
        elif key == "confidence":
            values["confidence"] = _enum(Confidence, value, at)
        else:  # source, year, note: free text
            values[key] = str(value)
    return values


def _build(platform: Platform, rule_id: str, values: Mapping[str, Any],
           where: str) -> DeadlineRule:
    for needed in ("stage", "who", "on_timeout"):
        if needed not in values:
            raise DeadlineRulesError(f"{where}.{needed}", "缺少此项", "is missing")
    if not values.get("hours") and not values.get("days"):
        raise DeadlineRulesError(where, "需要 hours 或 days（大于 0）",
                                 "needs hours or days (above 0)")
    return DeadlineRule(platform=platform, id=rule_id, **values)


_PAUSE_KEYS = frozenset(("from", "to", "holiday", "reason", "stages", "source", "year",
                         "confidence", "note"))


def _pauses(raw: Any, where: str) -> tuple[tuple[Pause, ...], tuple[HolidayPause, ...]]:
    """`[[pause]]` tables: dated (`from`, `to`) or over a public holiday (`holiday`)."""
    if not isinstance(raw, list):
        raise DeadlineRulesError(where, "应为 [[pause]] 表的列表", "must be [[pause]] tables")
    dated, holidays = [], []
    for i, item in enumerate(raw):
        at = f"{where}[{i}]"
        if not isinstance(item, Mapping):
            raise DeadlineRulesError(at, "应为一个表", "must be a table")
        for key in item:
            if key not in _PAUSE_KEYS:
                raise DeadlineRulesError(f"{at}.{key}", "未知的键", "unknown key")
        reason = _text(item["reason"], f"{at}.reason") if item.get("reason") else Text("")
        stages = item.get("stages", [])
        if not isinstance(stages, list):
            raise DeadlineRulesError(f"{at}.stages", "应为阶段键的列表",
                                     "must be a list of stage keys")
        common = {
            "reason": reason,
            "stages": frozenset(_enum(PlatformStage, v, f"{at}.stages") for v in stages),
            "source": str(item.get("source", "")), "year": str(item.get("year", "")),
            "confidence": _enum(Confidence, item.get("confidence", "medium"),
                                f"{at}.confidence")}
        if "holiday" in item:
            name = str(item["holiday"]).strip()
            if name not in HOLIDAYS or "from" in item or "to" in item:
                raise DeadlineRulesError(
                    f"{at}.holiday", f"应为 {', '.join(HOLIDAYS)} 之一，且不与 from/to 同用",
                    f"must be one of {', '.join(HOLIDAYS)}, without from/to")
            holidays.append(HolidayPause(name, note=str(item.get("note", "")), **common))
            continue
        start, end = item.get("from"), item.get("to")
        if not isinstance(start, date) or not isinstance(end, date) or end < start:
            raise DeadlineRulesError(at, "需要 from 与 to 两个日期（from ≤ to）",
                                     "needs dates from and to (from <= to)")
        dated.append(Pause(start, end, **common))
    return tuple(dated), tuple(holidays)


def parse_platform_file(data: Mapping[str, Any], where: str) -> RuleSet:
    """One shipped file: `platform = "taobao"`, `[[rule]]` tables, optional `[[pause]]`."""
    platform = _enum(Platform, data.get("platform", ""), f"{where}: platform")
    unknown = set(data) - {"platform", "rule", "pause"}
    if unknown:
        raise DeadlineRulesError(f"{where}: {sorted(unknown)[0]}", "未知的键", "unknown key")
    rules, seen = [], set()
    for i, raw in enumerate(data.get("rule") or []):
        at = f"{where}: rule[{i}]"
        rule_id = str(raw.get("id", "")).strip() if isinstance(raw, Mapping) else ""
        if not rule_id:
            raise DeadlineRulesError(f"{at}.id", "缺少规则编号", "is missing")
        if rule_id in seen:
            raise DeadlineRulesError(f"{at}.id", f"规则编号 {rule_id} 重复",
                                     f"rule id {rule_id} repeats")
        seen.add(rule_id)
        rules.append(_build(platform, rule_id, _rule_values(raw, at, {}), at))
    pauses, holidays = _pauses(data.get("pause") or [], f"{where}: pause")
    return RuleSet(tuple(rules), {platform: pauses} if pauses else {},
                   {platform: holidays} if holidays else {})


def merge(sets: list[RuleSet]) -> RuleSet:
    rules: list[DeadlineRule] = []
    pauses: dict[Platform, tuple[Pause, ...]] = {}
    holidays: dict[Platform, tuple[HolidayPause, ...]] = {}
    for s in sets:
        rules.extend(s.rules)
        for platform, items in s.pauses.items():
            pauses[platform] = pauses.get(platform, ()) + items
        for platform, templates in s.holiday_pauses.items():
            holidays[platform] = holidays.get(platform, ()) + templates
    return RuleSet(tuple(rules), pauses, holidays)


def apply_override(base: RuleSet, data: Mapping[str, Any], where: str) -> RuleSet:
    """The shop's file on top of the shipped rules: `[platform.rule_id]` tables change a
    rule key by key (or add one when the id is new); `[[platform.pause]]` adds pauses."""
    rules = list(base.rules)
    pauses = dict(base.pauses)
    holidays = dict(base.holiday_pauses)
    for platform_key, tables in data.items():
        platform = _enum(Platform, platform_key, f"{where}: [{platform_key}]")
        if not isinstance(tables, Mapping):
            raise DeadlineRulesError(f"{where}: [{platform_key}]", "应为一个表",
                                     "must be a table")
        for rule_id, raw in tables.items():
            at = f"{where}: [{platform_key}.{rule_id}]"
            if rule_id == "pause":
                dated, templates = _pauses(raw, at)
                pauses[platform] = pauses.get(platform, ()) + dated
                if templates:
                    holidays[platform] = holidays.get(platform, ()) + templates
                continue
            if not isinstance(raw, Mapping):
                raise DeadlineRulesError(at, "应为一个表", "must be a table")
            index = next((i for i, r in enumerate(rules)
                          if r.platform is platform and r.id == rule_id), None)
            if index is None:
                # An added rule comes first: it beats a shipped rule for the same stage.
                rules.insert(0, replace(_build(platform, rule_id, _rule_values(raw, at, {}), at),
                                     overridden=True))
            else:
                old = rules[index]
                base_values = {k: getattr(old, k) for k in (
                    "stage", "who", "on_timeout", "hours", "days", "kinds", "anchor",
                    "from_midnight", "source", "year", "confidence", "note")}
                values = _rule_values(raw, at, base_values)
                rules[index] = replace(_build(platform, rule_id, values, at), overridden=True)
    return RuleSet(tuple(rules), pauses, holidays)


def stable_repr(value: Any) -> str:
    """repr() with every set and mapping in sorted order: the same rules give the same
    text in every process (a set's own order follows string hashing, which Python seeds
    per process), so a fingerprint of them changes only when the rules do."""
    if isinstance(value, (set, frozenset)):
        return "{" + ", ".join(sorted(stable_repr(v) for v in value)) + "}"
    if isinstance(value, Mapping):
        return "{" + ", ".join(sorted(f"{stable_repr(k)}: {stable_repr(v)}"
                                      for k, v in value.items())) + "}"
    if isinstance(value, (list, tuple)):
        return "(" + ", ".join(stable_repr(v) for v in value) + ")"
    if is_dataclass(value) and not isinstance(value, type):
        inner = ", ".join(f"{f.name}={stable_repr(getattr(value, f.name))}"
                          for f in fields(value))
        return f"{type(value).__name__}({inner})"
    return repr(value)
