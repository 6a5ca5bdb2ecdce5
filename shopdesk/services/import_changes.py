"""One field an import changes on a case, and how a list of them reads on the timeline."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from ..domain.clock import from_iso
from ..domain.labels import LabelledEnum
from ..domain.money import format_yuan
from ..domain.text import clause_sep, colon, pick
from ..importers import REFUND_FIELDS

_LABELS: dict[str, tuple[str, str]] = {
    "platform_deadline": ("平台截止时间", "Platform deadline"),
    "platform_evidence_deadline": ("举证截止时间", "Evidence deadline"),
    "platform_paid_at": ("付款时间", "Paid at"),
    "platform_finished_at": ("退款完结时间", "Refund finished at"),
    "platform_completed_at": ("完结时间", "Closed at"),
    "platform_return_shipped_at": ("买家退货时间", "Return shipped at"),
    "due_at": ("截止时间", "Due"),
    "status": ("状态", "Status"),
    "outcome": ("处理结果", "Outcome"),
    "amount_settled": ("结算金额", "Amount settled"),
    "resolved_at": ("解决时间", "Resolved at"),
    "platform_stage": ("平台阶段", "Platform stage"),
    "platform_involved": ("平台介入", "Platform involved"),
}


@dataclass(frozen=True)
class FieldChange:
    """One field the import changes: a Case attribute or a key of Case.extra."""

    field: str
    old: Any
    new: Any

    def label(self, lang: str = "zh") -> str:
        name = self.field.split(".", 1)[-1]
        zh, en = _LABELS.get(name) or _spec_label(name)
        return pick(lang, zh, en)


def _spec_label(name: str) -> tuple[str, str]:
    spec = REFUND_FIELDS.get(name)
    return (spec.zh, spec.en) if spec else (name, name)


def summarise(changes: Iterable[FieldChange], tz: str, lang: str = "zh") -> str:
    """'平台售后状态：A → B；退款金额：¥1.00 → ¥2.00' for the timeline."""
    changes = list(changes)
    names = {c.field for c in changes}
    parts = []
    for ch in changes:
        if ch.field == "due_at" and "platform_deadline" in names:
            continue  # the same time, said once
        parts.append(f"{ch.label(lang)}{colon(lang)}"
                     f"{shown(ch.old, tz, lang)} → {shown(ch.new, tz, lang)}")
    return clause_sep(lang).join(parts)


def shown(value: Any, tz: str, lang: str = "zh") -> str:
    """A changed value as a person reads it."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return pick(lang, "是" if value else "否", "yes" if value else "no")
    if isinstance(value, LabelledEnum):
        return value.label(lang)
    if isinstance(value, str) and len(value) >= 19 and value[4] == "-" and value[10] == "T":
        value = from_iso(value)
    if isinstance(value, datetime):
        return value.astimezone(ZoneInfo(tz)).strftime("%Y-%m-%d %H:%M")
    if hasattr(value, "quantize"):
        return format_yuan(value)
    return str(value)
