"""The shop's call policy kept in the settings table, and KEY=VALUE edits to it.

A shipped preset edited in any way is no longer that preset: it is stored as "custom"
(自定义), whoever edits it (the policy dialog, `shopdesk policy set`), so the name shown
never claims a preset's rules the shop does not follow.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from ..domain.call_policy import WEEKDAYS, CallPolicy
from ..domain.errors import FieldError
from ..domain.policy_presets import (
    PRESET_FILES,
    PolicyConfigError,
    load_preset,
    policy_from_dict,
    policy_to_dict,
)
from ..storage.settings import SettingsStore

POLICY_KEY = "call_policy"
DEFAULT_PRESET = "taobao_safe"
PRESETS = tuple(PRESET_FILES)
CUSTOM_NAME, CUSTOM_LABEL_ZH, CUSTOM_LABEL_EN = "custom", "自定义", "Custom"

_INT_KEYS = {"window.end_margin_minutes", "caps.per_day", "caps.per_case", "caps.per_span",
             "caps.span_days",
             "caps.min_gap_minutes", "caps.cooldown_after_talk_minutes"}
_BOOL_KEYS = {"preparation.require_chat_first", "preparation.require_checklist"}
_SPAN_KEYS = {"window.default", *(f"window.{d}" for d in WEEKDAYS)}
_LIST_KEYS = {"holidays.blackout_dates"}
_TEXT_KEYS = {"name", "label_zh", "label_en", "shop_timezone", "quiet_hours.start",
              "quiet_hours.end", "holidays.mode", "caps.counting"}
SETTABLE_KEYS = tuple(sorted(_INT_KEYS | _BOOL_KEYS | _SPAN_KEYS | _LIST_KEYS | _TEXT_KEYS))


def _jsonable(data: Mapping[str, Any]) -> dict[str, Any]:
    """policy_to_dict holds dates; the settings table stores JSON."""
    def conv(v: Any) -> Any:
        if isinstance(v, Mapping):
            return {k: conv(x) for k, x in v.items()}
        if isinstance(v, list):
            return [conv(x) for x in v]
        return v.isoformat() if isinstance(v, date) else v
    return conv(data)  # type: ignore[no-any-return]


def flat_policy(policy: CallPolicy) -> dict[str, str]:
    """The policy as KEY -> value text, in the keys `policy set` takes (caps.per_day: "2";
    window.mon: "10:00-18:00"): what the audit trail records, old and new."""
    out: dict[str, str] = {}
    for section, values in _jsonable(policy_to_dict(policy)).items():
        if isinstance(values, Mapping):
            for key, value in values.items():
                out[f"{section}.{key}"] = _text(value)
        else:
            out[section] = _text(values)
    return out


def _text(value: Any) -> str:
    if isinstance(value, list):
        return ",".join(str(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _bad(key: str, zh: str, en: str) -> PolicyConfigError:
    return PolicyConfigError([FieldError(key, f"{key}：{zh}", f"{key}: {en}")])


def _value(key: str, text: str) -> Any:
    """A KEY=VALUE string converted to what the TOML dict holds for `key`."""
    text = text.strip()
    if key in _INT_KEYS:
        try:
            return int(text)
        except ValueError:
            raise _bad(key, "应为整数", "must be a whole number") from None
    if key in _BOOL_KEYS:
        low = text.lower()
        if low in ("true", "yes", "1", "on"):
            return True
        if low in ("false", "no", "0", "off"):
            return False
        raise _bad(key, "应为 true 或 false", "must be true or false")
    if key in _SPAN_KEYS or key in _LIST_KEYS:
        # Comma-separated; an empty value means an empty list (no calls that day).
        return [part.strip() for part in text.split(",") if part.strip()]
    return text


class PolicySettings:
    """Reads and writes the policy as JSON (the TOML shape) under one settings key."""

    def __init__(self, settings: SettingsStore, presets_dir: Path | None = None) -> None:
        self.settings = settings
        self._presets_dir = presets_dir

    @property
    def presets_dir(self) -> Path:
        if self._presets_dir is None:
            from ..paths import resource_path

            self._presets_dir = resource_path("policies")
        return self._presets_dir

    def preset(self, name: str) -> CallPolicy:
        return load_preset(name, self.presets_dir)

    def policy(self) -> CallPolicy:
        stored = self.settings.get(POLICY_KEY)
        if stored is None:
            return self.preset(DEFAULT_PRESET)
        return policy_from_dict(stored)

    def named(self, policy: CallPolicy) -> CallPolicy:
        """`policy` as it is to be stored: a preset's name on rules that differ from that
        preset becomes "custom" (labels the editor gave it are kept); anything else is kept
        as it is."""
        if policy.name not in PRESETS:
            return policy
        preset = self.preset(policy.name)
        if policy == preset:
            return policy
        return replace(
            policy, name=CUSTOM_NAME,
            label_zh=policy.label_zh if policy.label_zh != preset.label_zh else CUSTOM_LABEL_ZH,
            label_en=policy.label_en if policy.label_en != preset.label_en else CUSTOM_LABEL_EN)

    def save(self, policy: CallPolicy) -> CallPolicy:
        """Store `policy` (named by `named`); returns what was stored."""
        policy = self.named(policy)
        self.settings.set(POLICY_KEY, _jsonable(policy_to_dict(policy)))
        return policy

    def with_values(self, policy: CallPolicy, assignments: Mapping[str, str]) -> CallPolicy:
        """`policy` with KEY=VALUE edits applied; PolicyConfigError names a bad key/value."""
        data = _jsonable(policy_to_dict(policy))
        errors: list[FieldError] = []
        for key, text in assignments.items():
            if key not in SETTABLE_KEYS:
                errors.append(FieldError(key, f"{key}：未知的设置项",
                                         f"{key}: unknown key (one of {', '.join(SETTABLE_KEYS)})"))
                continue
            try:
                value = _value(key, text)
            except PolicyConfigError as exc:
                errors.extend(exc.errors)
                continue
            if key == "window.default":
                # "default" is only a fallback in the file; here it sets every weekday.
                for day in WEEKDAYS:
                    data["window"][day] = value
                continue
            section, _, name = key.partition(".")
            if name:
                data[section][name] = value
            else:
                data[section] = value
        if errors:
            raise PolicyConfigError(errors)
        return policy_from_dict(data)
