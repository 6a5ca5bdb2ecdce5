"""Handling tips per customer type (客户类型), parsed from customer_types.toml."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..enums import CustomerType
from ..text import Text
from .model import ErrorCollector, ScriptError, ScriptLibraryError

MIN_TIPS = 3
MAX_TIPS = 5
TYPE_KEYS = frozenset({"key", "signs", "approach", "tips"})


@dataclass(frozen=True)
class CustomerTypeGuide:
    type: CustomerType
    signs: Text
    approach: Text
    tips: tuple[Text, ...]


def _bi(value: object, name: str, errors: ErrorCollector) -> Text | None:
    if not isinstance(value, Mapping):
        errors.add(name, "应为包含 zh 和 en 的表", "must be a table with zh and en")
        return None
    ok = True
    for lang in ("zh", "en"):
        if not isinstance(value.get(lang), str) or not str(value.get(lang)).strip():
            errors.add(f"{name}.{lang}", "不能为空", "is required")
            ok = False
    return Text(str(value["zh"]).strip(), str(value["en"]).strip()) if ok else None


def parse_customer_types(
    data: Mapping[str, object], *, source: str = "customer_types.toml",
) -> dict[CustomerType, CustomerTypeGuide]:
    """Guides for every assessed customer type (all but UNKNOWN), 3-5 tips each.

    Raises ScriptLibraryError naming the file, the type (key or type#index) and the field.
    """
    all_errors: list[ScriptError] = []
    guides: dict[CustomerType, CustomerTypeGuide] = {}
    raw = data.get("type")
    for key in sorted(set(data) - {"type"}):
        all_errors.append(ScriptError(source, "", key, "未知的顶层字段（只允许 type）",
                                      "unknown top-level key (only type)"))
    if not isinstance(raw, list):
        all_errors.append(ScriptError(source, "", "type", "应为表数组",
                                      "must be an array of tables"))
        raise ScriptLibraryError(all_errors)
    valid = [t.value for t in CustomerType if t is not CustomerType.UNKNOWN]
    for i, item in enumerate(raw, start=1):
        key = item.get("key") if isinstance(item, Mapping) else None
        errors = ErrorCollector(source, key if isinstance(key, str) and key else f"type#{i}")
        if not isinstance(item, Mapping):
            errors.add("", "应为表", "must be a table")
            all_errors.extend(errors.items)
            continue
        for extra in sorted(set(item) - TYPE_KEYS):
            errors.add(extra, "未知字段", "unknown field")
        ctype = None
        if key not in valid:
            errors.add("key", f"未知的客户类型：{key}（可选：{', '.join(valid)}）",
                       f"unknown customer type: {key} (one of: {', '.join(valid)})")
        else:
            ctype = CustomerType(key)
            if ctype in guides:
                errors.add("key", "重复的客户类型", "duplicate customer type")
        signs = _bi(item.get("signs"), "signs", errors)
        approach = _bi(item.get("approach"), "approach", errors)
        tips_raw = item.get("tips")
        tips: list[Text] = []
        if not isinstance(tips_raw, list) or not MIN_TIPS <= len(tips_raw) <= MAX_TIPS:
            errors.add("tips", f"应有 {MIN_TIPS}-{MAX_TIPS} 条建议",
                       f"must have {MIN_TIPS}-{MAX_TIPS} tips")
        else:
            for j, tip in enumerate(tips_raw):
                bt = _bi(tip, f"tips[{j}]", errors)
                if bt:
                    tips.append(bt)
        if not errors.items and ctype is not None:
            guides[ctype] = CustomerTypeGuide(ctype, signs, approach, tuple(tips))  # type: ignore[arg-type]
        all_errors.extend(errors.items)
    if not all_errors:
        for t in valid:
            if CustomerType(t) not in guides:
                all_errors.append(ScriptError(source, t, "key", "缺少该客户类型的建议",
                                              "tips for this customer type are missing"))
    if all_errors:
        raise ScriptLibraryError(all_errors)
    return guides
