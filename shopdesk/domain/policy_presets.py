"""Call-policy presets as TOML: parse a TOML dict into a CallPolicy and back.

The shipped presets live in resources/policies/ (taobao_safe, strict,
cross_border). Nothing here looks resources up: callers pass the path, so the
composition root decides where the files are.

Layout (every section and key optional; missing ones take the defaults):

    name = "taobao_safe"
    label_zh = "淘宝安全"
    label_en = "Taobao safe"
    shop_timezone = "Asia/Shanghai"

    [window]                      # buyer's local wall-clock time, half-open
    default = ["10:00-18:00"]     # every weekday unless mon..sun says otherwise
    sun = []                      # no calls on Sundays
    end_margin_minutes = 10

    [quiet_hours]                 # hard: nothing overrides them; may wrap midnight
    start = "21:00"
    end = "08:00"

    [holidays]
    mode = "avoid_statutory"      # avoid_statutory | avoid_rest_days | ignore
    blackout_dates = [2026-06-18]

    [caps]                        # per buyer across all their cases
    per_day = 2
    counting = "rolling"          # rolling | calendar_day
    per_case = 3
    per_span = 5                  # at most 5 calls ...
    span_days = 7                 # ... in any 7 days (rolling)
    min_gap_minutes = 120
    cooldown_after_talk_minutes = 1440  # 24 h

    [preparation]
    require_chat_first = false
    require_checklist = false
"""

from __future__ import annotations

import contextlib
import tomllib
from collections.abc import Callable, Mapping
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from .call_policy import WEEKDAYS, CallPolicy, CapCounting, HolidayMode, TimeWindow
from .errors import FieldError, ValidationError
from .labels import LabelledEnum

PRESET_FILES = {
    "taobao_safe": "taobao_safe.toml",
    "strict": "strict.toml",
    "cross_border": "cross_border.toml",
}

_SECTIONS: dict[str, set[str]] = {
    "window": {"default", *WEEKDAYS, "end_margin_minutes"},
    "quiet_hours": {"start", "end"},
    "holidays": {"mode", "blackout_dates"},
    "caps": {"per_day", "counting", "per_case", "per_span", "span_days", "min_gap_minutes",
             "cooldown_after_talk_minutes"},
    "preparation": {"require_chat_first", "require_checklist"},
}
_TOP = {"name", "label_zh", "label_en", "shop_timezone"}

# Dataclass field -> TOML key, so a semantic error names what the user wrote.
_FIELD_KEYS = {
    "name": "name",
    "label_zh": "label_zh",
    "label_en": "label_en",
    "shop_tz": "shop_timezone",
    "windows": "window",
    "end_margin": "window.end_margin_minutes",
    "quiet_start": "quiet_hours.start",
    "quiet_end": "quiet_hours.end",
    "holiday_mode": "holidays.mode",
    "blackout_dates": "holidays.blackout_dates",
    "max_attempts_per_day": "caps.per_day",
    "day_counting": "caps.counting",
    "max_attempts_per_case": "caps.per_case",
    "max_attempts_per_span": "caps.per_span",
    "cap_span_days": "caps.span_days",
    "min_gap": "caps.min_gap_minutes",
    "cooldown_after_talk": "caps.cooldown_after_talk_minutes",
    "require_chat_first": "preparation.require_chat_first",
    "require_checklist": "preparation.require_checklist",
}


class PolicyConfigError(ValidationError):
    """A policy file or dict that cannot be used; each error names the key at fault."""

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__(errors)
        # The messages already start with the key; don't print it twice.
        self.args = ("; ".join(e.en for e in errors),)


class _Parser:
    """Reads one TOML dict, collecting every error instead of stopping at the first."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        self.data = data
        self.errors: list[FieldError] = []

    def err(self, key: str, zh: str, en: str) -> None:
        self.errors.append(FieldError(key, f"{key}：{zh}", f"{key}: {en}"))

    def section(self, name: str) -> Mapping[str, Any]:
        value = self.data.get(name, {})
        if not isinstance(value, Mapping):
            self.err(name, "应为一个表（[section]）", "must be a table ([section])")
            return {}
        for key in value:
            if key not in _SECTIONS[name]:
                self.err(f"{name}.{key}", "未知的设置项", "unknown key")
        return value

    def text(self, key: str, value: Any) -> str | None:
        if not isinstance(value, str):
            self.err(key, "应为文字", "must be a string")
            return None
        return value

    def boolean(self, key: str, value: Any) -> bool | None:
        if not isinstance(value, bool):
            self.err(key, "应为 true 或 false", "must be true or false")
            return None
        return value

    def count(self, key: str, value: Any, minimum: int) -> int | None:
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            self.err(key, f"应为不小于{minimum}的整数", f"must be a whole number >= {minimum}")
            return None
        return value

    def clock(self, key: str, value: Any) -> time | None:
        if isinstance(value, time) and value.tzinfo is None:
            return value
        if isinstance(value, str):
            try:
                return _parse_clock(value)
            except ValueError:
                pass
        self.err(key, "应为时间，如 \"10:00\"", "must be a time such as \"10:00\"")
        return None

    def windows(self, key: str, value: Any) -> tuple[TimeWindow, ...] | None:
        if not isinstance(value, list):
            self.err(key, "应为时段列表，如 [\"10:00-18:00\"]",
                     "must be a list of spans such as [\"10:00-18:00\"]")
            return None
        spans: list[TimeWindow] = []
        for i, item in enumerate(value):
            spans_key = f"{key}[{i}]"
            parts = item.replace("–", "-").split("-") if isinstance(item, str) else []
            try:
                if len(parts) != 2:
                    raise ValueError(item)
                spans.append(TimeWindow(_parse_clock(parts[0]), _parse_clock(parts[1])))
            except ValueError:
                self.err(spans_key, "应为 \"开始-结束\"，开始早于结束，如 \"10:00-18:00\"",
                         "must be \"start-end\" with start before end, e.g. \"10:00-18:00\"")
                return None
        return tuple(spans)

    def choice(self, key: str, value: Any, enum: type[LabelledEnum]) -> Any:
        choices = ", ".join(m.value for m in enum)
        for member in enum:
            if value == member.value:
                return member
        self.err(key, f"取值应为：{choices}", f"must be one of: {choices}")
        return None

    def dates(self, key: str, value: Any) -> frozenset[date] | None:
        if not isinstance(value, list):
            self.err(key, "应为日期列表", "must be a list of dates")
            return None
        out: set[date] = set()
        for i, item in enumerate(value):
            if isinstance(item, str):
                with contextlib.suppress(ValueError):
                    item = date.fromisoformat(item)
            if isinstance(item, datetime) or not isinstance(item, date):
                self.err(f"{key}[{i}]", "应为日期，如 2026-06-18", "must be a date like 2026-06-18")
                return None
            out.add(item)
        return frozenset(out)


def _parse_clock(text: str) -> time:
    value = time.fromisoformat(text.strip())
    if value.tzinfo is not None:
        raise ValueError(text)
    return value


def policy_from_dict(data: Mapping[str, Any]) -> CallPolicy:
    """Build a CallPolicy from a parsed TOML dict.

    Raises PolicyConfigError listing every bad or unknown key at once.
    """
    if not isinstance(data, Mapping):
        raise PolicyConfigError([FieldError("<root>", "应为一个表", "must be a table")])
    p = _Parser(data)
    fields: dict[str, Any] = {}
    for key in data:
        if key not in _TOP and key not in _SECTIONS:
            p.err(key, "未知的设置项", "unknown key")

    def put(field_name: str, key: str, raw: Any, parse: Callable[[str, Any], Any]) -> None:
        value = parse(key, raw)
        if value is not None:
            fields[field_name] = value

    for key, field_name in (("name", "name"), ("label_zh", "label_zh"),
                            ("label_en", "label_en"), ("shop_timezone", "shop_tz")):
        if key in data:
            put(field_name, key, data[key], p.text)

    window = p.section("window")
    default_windows = CallPolicy().windows[0]
    if "default" in window:
        default_windows = p.windows("window.default", window["default"]) or default_windows
    per_day = []
    for name in WEEKDAYS:
        spans = p.windows(f"window.{name}", window[name]) if name in window else None
        per_day.append(spans if spans is not None else default_windows)
    fields["windows"] = tuple(per_day)
    if "end_margin_minutes" in window:
        put("end_margin", "window.end_margin_minutes", window["end_margin_minutes"],
            lambda k, v: _minutes(p.count(k, v, 0)))

    quiet = p.section("quiet_hours")
    for key, field_name in (("start", "quiet_start"), ("end", "quiet_end")):
        if key in quiet:
            put(field_name, f"quiet_hours.{key}", quiet[key], p.clock)

    hol = p.section("holidays")
    if "mode" in hol:
        put("holiday_mode", "holidays.mode", hol["mode"],
            lambda k, v: p.choice(k, v, HolidayMode))
    if "blackout_dates" in hol:
        put("blackout_dates", "holidays.blackout_dates", hol["blackout_dates"], p.dates)

    caps = p.section("caps")
    if "per_day" in caps:
        put("max_attempts_per_day", "caps.per_day", caps["per_day"],
            lambda k, v: p.count(k, v, 1))
    if "per_case" in caps:
        put("max_attempts_per_case", "caps.per_case", caps["per_case"],
            lambda k, v: p.count(k, v, 1))
    if "per_span" in caps:
        put("max_attempts_per_span", "caps.per_span", caps["per_span"],
            lambda k, v: p.count(k, v, 1))
    if "span_days" in caps:
        put("cap_span_days", "caps.span_days", caps["span_days"],
            lambda k, v: p.count(k, v, 1))
    if "counting" in caps:
        put("day_counting", "caps.counting", caps["counting"],
            lambda k, v: p.choice(k, v, CapCounting))
    if "min_gap_minutes" in caps:
        put("min_gap", "caps.min_gap_minutes", caps["min_gap_minutes"],
            lambda k, v: _minutes(p.count(k, v, 0)))
    if "cooldown_after_talk_minutes" in caps:
        put("cooldown_after_talk", "caps.cooldown_after_talk_minutes",
            caps["cooldown_after_talk_minutes"], lambda k, v: _minutes(p.count(k, v, 0)))

    prep = p.section("preparation")
    for key in ("require_chat_first", "require_checklist"):
        if key in prep:
            put(key, f"preparation.{key}", prep[key], p.boolean)

    if p.errors:
        raise PolicyConfigError(p.errors)
    try:
        return CallPolicy(**fields)
    except ValidationError as exc:
        # Cross-field rules (quiet start == end, ranges) live with the dataclass;
        # report them under the TOML key the user wrote.
        raise PolicyConfigError([_rename(e) for e in exc.errors]) from None


def _rename(error: FieldError) -> FieldError:
    key = _FIELD_KEYS.get(error.field, error.field)
    return FieldError(key, f"{key}：{error.zh}", f"{key}: {error.en}")


def _minutes(value: int | None) -> timedelta | None:
    return None if value is None else timedelta(minutes=value)


def policy_to_dict(policy: CallPolicy) -> dict[str, Any]:
    """The TOML-shaped dict of a policy; policy_from_dict(policy_to_dict(p)) == p."""
    return {
        "name": policy.name,
        "label_zh": policy.label_zh,
        "label_en": policy.label_en,
        "shop_timezone": policy.shop_tz,
        "window": {
            **{name: [_span(w) for w in policy.windows[i]] for i, name in enumerate(WEEKDAYS)},
            "end_margin_minutes": _whole_minutes(policy.end_margin),
        },
        "quiet_hours": {"start": policy.quiet_start.isoformat(timespec="minutes"),
                        "end": policy.quiet_end.isoformat(timespec="minutes")},
        "holidays": {"mode": policy.holiday_mode.value,
                     "blackout_dates": sorted(policy.blackout_dates)},
        "caps": {
            "per_day": policy.max_attempts_per_day,
            "counting": policy.day_counting.value,
            "per_case": policy.max_attempts_per_case,
            "per_span": policy.max_attempts_per_span,
            "span_days": policy.cap_span_days,
            "min_gap_minutes": _whole_minutes(policy.min_gap),
            "cooldown_after_talk_minutes": _whole_minutes(policy.cooldown_after_talk),
        },
        "preparation": {"require_chat_first": policy.require_chat_first,
                        "require_checklist": policy.require_checklist},
    }


def _span(w: TimeWindow) -> str:
    spec = "seconds" if w.start.second or w.end.second else "minutes"
    return f"{w.start.isoformat(timespec=spec)}-{w.end.isoformat(timespec=spec)}"


def _whole_minutes(span: timedelta) -> int:
    return int(span.total_seconds() // 60)


def load_policy_file(path: Path) -> CallPolicy:
    """Read and parse one policy TOML file; syntax errors become PolicyConfigError too."""
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise PolicyConfigError([FieldError(
            str(path), f"{path.name}：TOML 格式错误（{exc}）",
            f"{path.name}: not valid TOML ({exc})")]) from exc
    return policy_from_dict(data)


def load_preset(name: str, directory: Path) -> CallPolicy:
    """One of the shipped presets by name, from `directory` (resources/policies)."""
    try:
        filename = PRESET_FILES[name]
    except KeyError:
        choices = ", ".join(PRESET_FILES)
        raise ValueError(f"unknown preset {name!r}; one of: {choices}") from None
    return load_policy_file(directory / filename)
