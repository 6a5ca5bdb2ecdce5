"""Map a platform's refund reason text to one of our Causes (table kept in data)."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from shopdesk.domain.enums import Cause

from .mapping import MappingError, normalise_value


@dataclass(frozen=True)
class ReasonMap:
    """Exact reason texts first, then the first `contains` rule that matches.

    A non-empty reason nothing matches is Cause.UNCLEAR; an empty reason gives None
    (the platform said nothing, so there is no cause to record yet).
    """

    exact: Mapping[str, Cause]
    contains: tuple[tuple[str, Cause], ...]

    def cause_for(self, reason: str) -> Cause | None:
        key = normalise_value(reason or "")
        if not key:
            return None
        found = self.exact.get(key)
        if found is not None:
            return found
        for needle, cause in self.contains:
            if needle in key:
                return cause
        return Cause.UNCLEAR

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> ReasonMap:
        exact_raw = data.get("exact", {})
        contains_raw = data.get("contains", [])
        if not isinstance(exact_raw, Mapping) or not isinstance(contains_raw, list):
            raise MappingError("原因映射格式不正确", "Malformed reason map")
        exact = {normalise_value(str(k)): _cause(v) for k, v in exact_raw.items()}
        contains = []
        for rule in contains_raw:
            if not isinstance(rule, Mapping) or "cause" not in rule:
                raise MappingError("原因映射规则缺少 cause", "Reason rule without a cause")
            cause = _cause(rule["cause"])
            patterns = rule.get("patterns", [rule.get("pattern", "")])
            if not isinstance(patterns, list):
                raise MappingError("patterns 必须是列表", "patterns must be a list")
            for pattern in patterns:
                needle = normalise_value(str(pattern))
                if needle:
                    contains.append((needle, cause))
        return cls(exact=exact, contains=tuple(contains))

    @classmethod
    def load(cls, path: Path) -> ReasonMap:
        with open(path, "rb") as fh:
            return cls.from_dict(tomllib.load(fh))


def _cause(value: object) -> Cause:
    try:
        return Cause(str(value))
    except ValueError:
        raise MappingError(f"未知的原因：{value}", f"Unknown cause: {value}") from None
