"""The rules linter for scripts and the common-mistake warnings for any reply or note.

Both are data (resources/scripts/rules.toml) so a shop can extend them. A lint rule looks at
a script's texts (zh and en); a warning rule looks at free text an agent writes for a case.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..enums import Cause, CauseSide
from ..labels import LabelledEnum
from ..text import Text
from .model import ErrorCollector, Script, ScriptError, ScriptLibrary, ScriptLibraryError
from .steps import Audience, HandlingStep


class ApplyTo(LabelledEnum):
    """Which scripts (or cases) a rule applies to, by the cause(s)."""

    ALL = ("all", "全部", "All")
    # Script: names at least one seller-side cause. Case: its cause is seller-side.
    SELLER_SIDE_CAUSES = ("seller_side_causes", "卖家原因", "Seller-side causes")
    # Script: generic, or names a cause that is not buyer-side.
    # Case: cause not yet known, or not buyer-side.
    NON_BUYER_CAUSES = ("non_buyer_causes", "非买家原因或原因未明", "Cause not on the buyer side")

    def covers_script(self, script: Script) -> bool:
        if self is ApplyTo.ALL:
            return True
        if self is ApplyTo.SELLER_SIDE_CAUSES:
            return script.names_seller_cause
        return script.any_cause or any(c.side is not CauseSide.BUYER for c in script.causes)

    def covers_cause(self, cause: Cause | None) -> bool:
        if self is ApplyTo.ALL:
            return True
        if self is ApplyTo.SELLER_SIDE_CAUSES:
            return cause is not None and cause.side is CauseSide.SELLER
        return cause is None or cause.side is not CauseSide.BUYER


class CheckKind(LabelledEnum):
    FORBID = ("forbid", "禁止出现", "Must not contain")
    REQUIRE = ("require", "必须包含", "Must contain")


class Severity(LabelledEnum):
    WARNING = ("warning", "警告", "Warning")
    INFO = ("info", "提醒", "Reminder")


@dataclass(frozen=True)
class LintRule:
    """A rule every matching script must satisfy.

    FORBID: no pattern may match the zh or en text. REQUIRE: the zh text and the en text
    must each match at least one pattern (so list Chinese and English patterns together).
    `steps` / `audiences` narrow the rule (empty = every step / audience).
    """

    id: str
    check: CheckKind
    patterns: tuple[re.Pattern[str], ...]
    applies_to: ApplyTo
    message: Text
    steps: tuple[HandlingStep, ...] = ()
    audiences: tuple[Audience, ...] = ()
    unless_before: tuple[re.Pattern[str], ...] = ()
    unless_in_sentence: tuple[re.Pattern[str], ...] = ()

    def applies(self, script: Script) -> bool:
        if self.steps and script.step not in self.steps:
            return False
        if self.audiences and script.audience not in self.audiences:
            return False
        return self.applies_to.covers_script(script)


@dataclass(frozen=True)
class WarningRule:
    """A common mistake spotted in a reply or note (domain.md, "Common mistakes")."""

    id: str
    patterns: tuple[re.Pattern[str], ...]
    applies_to: ApplyTo
    severity: Severity
    message: Text
    unless_before: tuple[re.Pattern[str], ...] = ()
    unless_in_sentence: tuple[re.Pattern[str], ...] = ()


@dataclass(frozen=True)
class RuleSet:
    rules: tuple[LintRule, ...] = ()
    warnings: tuple[WarningRule, ...] = ()

    def extended(self, other: RuleSet) -> RuleSet:
        """Add `other`'s rules and warnings; one with the same id replaces ours."""
        rule_ids = {r.id for r in other.rules}
        warn_ids = {w.id for w in other.warnings}
        return RuleSet(
            tuple(r for r in self.rules if r.id not in rule_ids) + other.rules,
            tuple(w for w in self.warnings if w.id not in warn_ids) + other.warnings,
        )


@dataclass(frozen=True)
class Violation:
    rule_id: str
    script_id: str
    field: str
    match: str
    message: Text

    def __str__(self) -> str:
        found = f" [{self.match}]" if self.match else ""
        return f"{self.script_id}: {self.field}: {self.rule_id}: {self.message.en}{found}"


@dataclass(frozen=True)
class MistakeWarning:
    rule_id: str
    severity: Severity
    match: str
    message: Text


# A clause ends at these marks: a negation only excuses a hit in its own clause. A sentence
# ends at the strong ones: a promise only excuses a hit in its own sentence. An English full
# stop ends them before a space or the end ("12.5" does not).
_CLAUSE_END = re.compile(r"[。！？!?；;，,\n]|\.(?=\s|$)")
_SENTENCE_END = re.compile(r"[。！？!?\n]|\.(?=\s|$)")
# How far back in its clause a negation is looked for: a real clause is far shorter, and a
# long unpunctuated text stays linear (each hit looks at this much at most).
_CLAUSE_LOOKBACK = 80


class _Marks:
    """Where the clauses and sentences of a text end: one scan, then a bisect per hit (a
    long text with many hits stays linear)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.clause_ends = [m.end() for m in _CLAUSE_END.finditer(text)]
        self.sentence_ends = [m.end() for m in _SENTENCE_END.finditer(text)]

    def clause_before(self, pos: int) -> str:
        """The clause `pos` is in, up to `pos` (its last _CLAUSE_LOOKBACK characters)."""
        i = bisect_right(self.clause_ends, pos)
        start = self.clause_ends[i - 1] if i else 0
        return self.text[max(start, pos - _CLAUSE_LOOKBACK):pos]

    def sentence_at(self, pos: int) -> tuple[int, int]:
        """Start and end of the sentence `pos` is in (the end after its closing mark)."""
        i = bisect_right(self.sentence_ends, pos)
        start = self.sentence_ends[i - 1] if i else 0
        end = self.sentence_ends[i] if i < len(self.sentence_ends) else len(self.text)
        return start, end


def _negated(marks: _Marks, pos: int, unless: tuple[re.Pattern[str], ...]) -> bool:
    clause = marks.clause_before(pos)
    return any(u.search(clause) for u in unless)


def first_hit(patterns: Iterable[re.Pattern[str]], text: str,
              unless_before: Iterable[re.Pattern[str]] = (),
              unless_in_sentence: Iterable[re.Pattern[str]] = ()) -> str | None:
    """The first text a pattern matches that counts; None when none does.

    A hit does not count when its clause, before the hit, matches an `unless_before`
    pattern (a negation: "我们不会私下转账" states the rule, it does not break it; a pattern
    ending in `$` counts only a negation right before the hit). Nor when its sentence matches
    an `unless_in_sentence` pattern, itself not negated the same way: a promise that changes
    what the request means ("您先垫付的运费，我们收到货后补给您": the shop pays after all;
    "我们不会补给您" is no such promise). A promise excuses its own sentence only, so one
    sentence's promise does not excuse another's request.
    """
    unless = tuple(unless_before)
    promises = tuple(unless_in_sentence)
    marks: _Marks | None = None
    excused: dict[int, bool] = {}  # sentence start -> it holds a promise
    for pattern in patterns:
        for m in pattern.finditer(text):
            marks = marks or _Marks(text)
            if unless and _negated(marks, m.start(), unless):
                continue
            if promises:
                start, end = marks.sentence_at(m.start())
                if start not in excused:
                    excused[start] = _promised(promises, marks, start, end, unless)
                if excused[start]:
                    continue
            return m.group(0)
    return None


def _promised(promises: tuple[re.Pattern[str], ...], marks: _Marks, start: int, end: int,
              unless: tuple[re.Pattern[str], ...]) -> bool:
    return any(not _negated(marks, m.start(), unless)
               for p in promises for m in p.finditer(marks.text, start, end))


def _rules_of(rules: RuleSet | Iterable[LintRule]) -> Iterable[LintRule]:
    return rules.rules if isinstance(rules, RuleSet) else rules


def lint(script: Script, rules: RuleSet | Iterable[LintRule]) -> list[Violation]:
    """Every rule `script` breaks (one violation per rule and text at most)."""
    out: list[Violation] = []
    for rule in _rules_of(rules):
        if not rule.applies(script):
            continue
        # A Chinese-only script (no English text) is checked once: its "English" is the
        # Chinese again, and the same violation twice only buries the reason.
        for lang in ("zh", "en") if script.text.en else ("zh",):
            text = script.text.get(lang)
            field_name = f"text.{lang}"
            if rule.check is CheckKind.FORBID:
                hit = first_hit(rule.patterns, text, rule.unless_before,
                                rule.unless_in_sentence)
                if hit is not None:
                    out.append(Violation(rule.id, script.id, field_name, hit, rule.message))
            elif not any(p.search(text) for p in rule.patterns):
                out.append(Violation(rule.id, script.id, field_name, "", rule.message))
    return _most_specific(out, _rules_of(rules),
                          lambda v: (v.field, v.match) if v.match else None)


def lint_library(library: ScriptLibrary | Iterable[Script],
                 rules: RuleSet | Iterable[LintRule]) -> list[Violation]:
    rule_list = list(_rules_of(rules))
    return [v for s in library for v in lint(s, rule_list)]


def mistakes_for(case_cause: Cause | None, text: str, rules: RuleSet) -> list[MistakeWarning]:
    """Warnings for a reply or note about a case with `case_cause` (None = not yet known).

    E.g. a seller-side cause and a text asking the buyer to pay return shipping, a benefit
    offered for a revised review, arguing or blaming. One warning per rule at most.
    """
    out: list[MistakeWarning] = []
    for rule in rules.warnings:
        if not rule.applies_to.covers_cause(case_cause):
            continue
        hit = first_hit(rule.patterns, text, rule.unless_before, rule.unless_in_sentence)
        if hit is not None:
            out.append(MistakeWarning(rule.id, rule.severity, hit, rule.message))
    return _most_specific(out, rules.warnings, lambda w: w.match or None)


def _most_specific(found: list, rules: Iterable[LintRule | WarningRule],
                   where: Callable[[Any], object]) -> list:
    """Drop a broad ("non_buyer_causes") hit where a seller-side rule caught the same words:
    one mistake, one message (both rules share the return-postage patterns; the broad one's
    "the cause is not known yet" reads wrong when the cause is known)."""
    scope = {r.id: r.applies_to for r in rules}
    # Only hits on words (a forbidden phrase found): a "must contain" failure has none, and
    # two of those ask for different things.
    specific = {where(f) for f in found if where(f) is not None
                and scope.get(f.rule_id) is ApplyTo.SELLER_SIDE_CAUSES}
    return [f for f in found if not (scope.get(f.rule_id) is ApplyTo.NON_BUYER_CAUSES
                                     and where(f) is not None and where(f) in specific)]


# ---------------------------------------------------------------- parsing rules.toml

RULE_KEYS = frozenset({"id", "check", "patterns", "applies_to", "message", "steps", "audiences",
                       "unless_before", "unless_in_sentence"})
WARNING_KEYS = frozenset({"id", "patterns", "applies_to", "severity", "message",
                          "unless_before", "unless_in_sentence"})


PatternSets = Mapping[str, tuple[re.Pattern[str], ...] | None]
_SET_NAME = re.compile(r"^[a-z0-9_]+$")


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def _pattern_sets(data: Mapping[str, object], source: str,
                  all_errors: list[ScriptError]) -> dict[str, tuple[re.Pattern[str], ...] | None]:
    """The `[pattern_sets]` table: named lists of regexes, written once and used by several
    rules and warnings (`patterns = [{set = "name"}]`). A broken set maps to None (reported
    here, not again at each use)."""
    raw = data.get("pattern_sets", {})
    if not isinstance(raw, Mapping):
        all_errors.append(ScriptError(source, "", "pattern_sets", "应为表（名称 = 正则表达式列表）",
                                      "must be a table (name = list of regexes)"))
        return {}
    errors = ErrorCollector(source, "pattern_sets")
    sets: dict[str, tuple[re.Pattern[str], ...] | None] = {}
    for name, patterns in raw.items():
        sets[name] = None
        if not _SET_NAME.match(name):
            errors.add(name, "名称格式有误（小写字母、数字、下划线）",
                       "malformed name (lowercase letters, digits, _)")
        elif not isinstance(patterns, list) or not patterns or not all(
                isinstance(p, str) and p for p in patterns):
            errors.add(name, "应为非空的正则表达式列表", "must be a non-empty list of regexes")
        else:
            compiled = []
            for i, p in enumerate(patterns):
                try:
                    compiled.append(_compile(p))
                except re.error as exc:
                    errors.add(f"{name}[{i}]", f"正则表达式有误：{exc}", f"invalid regex: {exc}")
            if len(compiled) == len(patterns):
                sets[name] = tuple(compiled)
    all_errors.extend(errors.items)
    return sets


def _patterns(data: Mapping[str, object], errors: ErrorCollector, name: str = "patterns",
              *, required: bool = True,
              sets: PatternSets | None = None) -> tuple[re.Pattern[str], ...]:
    """A list of regexes; an item `{set = "name"}` stands for the patterns of that set."""
    sets = sets or {}
    raw = data.get(name)
    if raw is None and not required:
        return ()
    if not isinstance(raw, list) or not raw:
        errors.add(name, "应为非空的正则表达式列表", "must be a non-empty list of regexes")
        return ()
    out: list[re.Pattern[str]] = []
    for i, p in enumerate(raw):
        if isinstance(p, Mapping) and set(p) == {"set"} and isinstance(p["set"], str):
            if p["set"] not in sets:
                known = ", ".join(sorted(sets))
                errors.add(f"{name}[{i}]",
                           f"未知的模式集：{p['set']}（pattern_sets 里有：{known or '无'}）",
                           f"unknown pattern set: {p['set']} "
                           f"(pattern_sets has: {known or 'none'})")
            else:
                out.extend(sets[p["set"]] or ())  # a broken set is reported where defined
            continue
        if not isinstance(p, str) or not p:
            errors.add(f"{name}[{i}]", '应为正则表达式，或 {set = "模式集名称"}',
                       'must be a regex or {set = "pattern set name"}')
            continue
        try:
            out.append(_compile(p))
        except re.error as exc:
            errors.add(f"{name}[{i}]", f"正则表达式有误：{exc}", f"invalid regex: {exc}")
    return tuple(out)


def _choice(data: Mapping[str, object], name: str, enum: type[LabelledEnum], errors: ErrorCollector,
            default: LabelledEnum | None = None) -> LabelledEnum | None:
    value = data.get(name)
    if value is None and default is not None:
        return default
    keys = [m.value for m in enum]
    if value not in keys:
        errors.add(name, f"未知的值：{value}（可选：{', '.join(keys)}）",
                   f"unknown value: {value} (one of: {', '.join(keys)})")
        return None
    return enum(value)


def _choices(data: Mapping[str, object], name: str, enum: type[LabelledEnum],
             errors: ErrorCollector) -> tuple:
    raw = data.get(name, [])
    if not isinstance(raw, list):
        errors.add(name, "应为列表", "must be a list")
        return ()
    keys = [m.value for m in enum]
    out = []
    for i, v in enumerate(raw):
        if v not in keys:
            errors.add(f"{name}[{i}]", f"未知的值：{v}", f"unknown value: {v}")
        else:
            out.append(enum(v))
    return tuple(out)


def _message(data: Mapping[str, object], errors: ErrorCollector) -> Text | None:
    value = data.get("message")
    if not isinstance(value, Mapping):
        errors.add("message", "应为包含 zh 和 en 的表", "must be a table with zh and en")
        return None
    ok = True
    for lang in ("zh", "en"):
        if not isinstance(value.get(lang), str) or not str(value.get(lang)).strip():
            errors.add(f"message.{lang}", "不能为空", "is required")
            ok = False
    return Text(str(value["zh"]), str(value["en"])) if ok else None


def _items(data: Mapping[str, object], section: str, source: str,
           all_errors: list[ScriptError]) -> list[tuple[ErrorCollector, Mapping[str, object]]]:
    raw = data.get(section, [])
    if not isinstance(raw, list):
        all_errors.append(ScriptError(source, "", section, "应为表数组",
                                      "must be an array of tables"))
        return []
    out = []
    seen: set[str] = set()
    for i, item in enumerate(raw, start=1):
        ident = item.get("id") if isinstance(item, Mapping) else None
        label = ident if isinstance(ident, str) and ident else f"{section}#{i}"
        errors = ErrorCollector(source, label)
        if not isinstance(item, Mapping):
            errors.add("", "应为表", "must be a table")
        elif not isinstance(ident, str) or not re.match(r"^[a-z0-9_]+$", ident):
            errors.add("id", "缺少编号或格式有误（小写字母、数字、下划线）",
                       "missing or malformed id (lowercase letters, digits, _)")
        elif ident in seen:
            errors.add("id", "重复的规则编号", "duplicate rule id")
        else:
            seen.add(ident)
        out.append((errors, item))
    return out


def parse_rules(data: Mapping[str, object], *, source: str = "rules.toml") -> RuleSet:
    """Build a RuleSet from the `rule` and `warning` tables of a rules file; its
    `pattern_sets` table names lists of patterns the rules of the same file use by name.

    Raises ScriptLibraryError naming the file, the rule id (or section#index) and the field.
    """
    all_errors: list[ScriptError] = []
    for key in sorted(set(data) - {"rule", "warning", "pattern_sets"}):
        all_errors.append(ScriptError(source, "", key,
                                      "未知的顶层字段（只允许 rule、warning、pattern_sets）",
                                      "unknown top-level key (only rule, warning, pattern_sets)"))
    sets = _pattern_sets(data, source, all_errors)
    rules: list[LintRule] = []
    for errors, item in _items(data, "rule", source, all_errors):
        if isinstance(item, Mapping):
            for key in sorted(set(item) - RULE_KEYS):
                errors.add(key, "未知字段", "unknown field")
            check = _choice(item, "check", CheckKind, errors)
            patterns = _patterns(item, errors, sets=sets)
            applies = _choice(item, "applies_to", ApplyTo, errors)
            message = _message(item, errors)
            steps = _choices(item, "steps", HandlingStep, errors)
            audiences = _choices(item, "audiences", Audience, errors)
            unless = _patterns(item, errors, "unless_before", required=False, sets=sets)
            promises = _patterns(item, errors, "unless_in_sentence", required=False, sets=sets)
            if not errors.items:
                rules.append(LintRule(errors.script, check, patterns, applies,  # type: ignore[arg-type]
                                      message, steps, audiences, unless,  # type: ignore[arg-type]
                                      promises))
        all_errors.extend(errors.items)
    warnings: list[WarningRule] = []
    for errors, item in _items(data, "warning", source, all_errors):
        if isinstance(item, Mapping):
            for key in sorted(set(item) - WARNING_KEYS):
                errors.add(key, "未知字段", "unknown field")
            patterns = _patterns(item, errors, sets=sets)
            applies = _choice(item, "applies_to", ApplyTo, errors)
            severity = _choice(item, "severity", Severity, errors, default=Severity.WARNING)
            message = _message(item, errors)
            unless = _patterns(item, errors, "unless_before", required=False, sets=sets)
            promises = _patterns(item, errors, "unless_in_sentence", required=False, sets=sets)
            if not errors.items:
                warnings.append(WarningRule(errors.script, patterns, applies,  # type: ignore[arg-type]
                                            severity, message, unless,  # type: ignore[arg-type]
                                            promises))
        all_errors.extend(errors.items)
    if all_errors:
        raise ScriptLibraryError(all_errors)
    return RuleSet(tuple(rules), tuple(warnings))
