"""Placeholders in script texts ({买家} / {buyer}), rendering and values from a case."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from ..case import Case
from ..money import format_yuan
from ..text import pick


@dataclass(frozen=True)
class Placeholder:
    """One placeholder: its English key, its Chinese name and what fills it.

    `case_field` names the Case attribute that fills it, or None when a case cannot
    (the value then comes from the `extra` dict given to values_from_case).
    """

    key: str
    zh: str
    case_field: str | None
    note_zh: str
    note_en: str

    def name(self, lang: str = "zh") -> str:
        return pick(lang, self.zh, self.key)


PLACEHOLDERS: tuple[Placeholder, ...] = (
    Placeholder("buyer", "买家", "buyer_nick", "买家昵称", "Buyer's nickname"),
    Placeholder("order_no", "订单号", "order_no", "订单号", "Order number"),
    Placeholder("refund_no", "售后单号", "refund_no", "退款/售后单号", "Refund/after-sales number"),
    Placeholder("item", "商品", "item_title", "商品标题", "Item title"),
    Placeholder("sku", "规格", "sku", "颜色尺码等规格", "Variant (colour, size)"),
    Placeholder("amount", "金额", "amount_paid", "实付金额", "Amount paid"),
    Placeholder("refund_amount", "退款金额", "amount_settled",
                "退款金额（已结算金额，没有则取申请金额）",
                "Refund amount (settled amount, else the amount claimed)"),
    Placeholder("shop", "店铺", "shop", "店铺名", "Shop name"),
    Placeholder("agent", "客服", "assignee", "发送这条消息的客服（当前操作人）",
                "Agent sending the message (the current operator)"),
    Placeholder("platform", "平台", "platform", "平台名称", "Platform name"),
    Placeholder("carrier", "快递公司", None, "快递公司", "Carrier"),
    Placeholder("waybill", "运单号", None, "原包裹运单号", "Waybill number of the parcel"),
    Placeholder("new_waybill", "新运单号", None, "补发/换货包裹的运单号",
                "Waybill number of the reshipped or exchanged parcel"),
    Placeholder("return_address", "退货地址", None, "退货地址", "Return address"),
    Placeholder("deadline", "截止时间", None,
                "对买家承诺或平台规定的时间点，连日期写，如“今天18:00”“12月7日 18:00”"
                "（默认取案件的截止时间）",
                "Deadline promised to the buyer or set by the platform, with its day, e.g. "
                "\"today 18:00\", \"7 Dec 18:00\" (default: the case's due time)"),
    Placeholder("facts", "事实", None, "本案中核实并勾选的事实（写给平台的说明用）",
                "The facts ticked as checked for this case (statements to the platform)"),
    Placeholder("opening_time", "上班时间", None,
                "售后下次上班的时间（取自电话沟通规范的可呼叫时段）",
                "When after-sales is next at work (from the call policy's windows)"),
    Placeholder("compensation", "补偿金额", None, "补偿金额", "Compensation amount"),
    Placeholder("eta", "预计时间", None, "预计发货/到货时间", "Expected shipping or delivery time"),
    Placeholder("shipped_at", "发货时间", None, "发货时间", "When the parcel was shipped"),
    Placeholder("delivered_at", "签收时间", None, "签收时间", "When the parcel was signed for"),
)

_BY_NAME: dict[str, Placeholder] = {}
for _p in PLACEHOLDERS:
    _BY_NAME[_p.key] = _p
    _BY_NAME[_p.zh] = _p

#: Every accepted placeholder name (Chinese and English) -> canonical English key.
ALIASES: dict[str, str] = {name: p.key for name, p in _BY_NAME.items()}

# "{{" and "}}" are literal braces; "{name}" is a placeholder.
_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}\n]{1,40})\}")


def placeholder(name: str) -> Placeholder | None:
    """The placeholder called `name` (Chinese name or English key), or None."""
    return _BY_NAME.get(name.strip())


def canonical_key(name: str) -> str | None:
    """English key for a Chinese or English placeholder name; None when unknown."""
    p = placeholder(name)
    return p.key if p else None


def find_placeholders(text: str) -> list[str]:
    """Placeholder names as written in `text`, in order, without duplicates."""
    names: list[str] = []
    for m in _TOKEN.finditer(text):
        name = m.group(1)
        if name is not None and name.strip() not in names:
            names.append(name.strip())
    return names


def stray_braces(text: str) -> bool:
    """True when `text` has a "{" or "}" that is neither a placeholder nor an escape."""
    rest = _TOKEN.sub("", text)
    return "{" in rest or "}" in rest


@dataclass(frozen=True)
class RenderResult:
    """A rendered text and the placeholders no value was given for (names as written)."""

    text: str
    missing: list[str]

    @property
    def complete(self) -> bool:
        return not self.missing


def _normalise(values: Mapping[str, object]) -> dict[str, str]:
    out: dict[str, str] = {}
    for name, value in values.items():
        text = format_value(value)
        if text == "":
            continue
        key = canonical_key(name) or name.strip()
        out[key] = text
    return out


def render(script_text: str, values: Mapping[str, object]) -> RenderResult:
    """Fill the placeholders of `script_text` from `values`.

    Keys of `values` may be Chinese names or English keys, whatever the text uses. A
    placeholder without a (non-empty) value stays in the text as written and is listed in
    `missing`, once, in order of first appearance. Values are inserted as they are, never
    expanded again. "{{" and "}}" render as literal braces.
    """
    norm = _normalise(values)
    missing: list[str] = []

    def sub(m: re.Match[str]) -> str:
        token = m.group(0)
        if token == "{{":
            return "{"
        if token == "}}":
            return "}"
        name = m.group(1).strip()
        key = canonical_key(name) or name
        value = norm.get(key)
        if value is None:
            if name not in missing:
                missing.append(name)
            return token
        return value

    return RenderResult(_TOKEN.sub(sub, script_text), missing)


def format_value(value: object) -> str:
    """Text for one placeholder value: money as ¥1,234.50, times as 2026-11-23 10:00."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format_yuan(value)
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    label = getattr(value, "label", None)
    if callable(label):
        return str(label())
    return str(value).strip()


def values_from_case(case: Case, extra: Mapping[str, object] | None = None, *,
                     lang: str = "zh") -> dict[str, str]:
    """Placeholder values (by English key) from a case, then from `extra`.

    Money is formatted with money.format_yuan; the platform with its label in `lang`.
    Empty case fields give no value (so render reports them missing). `extra` may use
    Chinese names or English keys, fills what a case cannot (carrier, waybill, deadline,
    compensation, return address ...) and overrides case values.
    """
    values: dict[str, str] = {}
    for p in PLACEHOLDERS:
        if p.case_field is None:
            continue
        raw: object = getattr(case, p.case_field, None)
        if p.key == "refund_amount" and raw is None:
            raw = case.amount_claimed
        if p.key == "platform" and raw is not None:
            raw = raw.label(lang)
        text = format_value(raw)
        if text:
            values[p.key] = text
    if extra:
        values.update(_normalise(extra))
    return values
