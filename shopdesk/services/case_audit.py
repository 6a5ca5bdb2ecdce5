"""A case's audit trail as people read it: labels instead of keys, shop-local times,
contact details masked. The command line prints these lines; the words match the window's
audit dialog (which translates its own through Qt)."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation

from ..domain.call_policy import CallOutcome, ReasonCode
from ..domain.clock import from_iso, local
from ..domain.enums import CaseKind, CaseStatus, Cause, CustomerType, Outcome, Platform, Priority
from ..domain.evidence import EvidenceCategory
from ..domain.labels import LabelledEnum
from ..domain.masking import mask_address, mask_name, mask_phone
from ..domain.money import format_yuan
from ..domain.promises import PromiseKind, PromiseState, state_label
from ..domain.text import Text, colon, list_sep
from ..domain.text_masking import contact_masker
from ..storage.audit import AuditEntry

ACTIONS: dict[str, Text] = {
    "create": Text("创建案件", "Case created"),
    "update": Text("已编辑", "Edited"),
    "status": Text("状态变更", "Status changed"),
    "note": Text("添加备注", "Note added"),
    "reveal_phone": Text("查看了完整手机号", "Phone revealed"),
    "reveal_address": Text("查看了完整地址", "Address revealed"),
    "delete": Text("移到回收站", "Moved to trash"),
    "restore": Text("已恢复", "Restored"),
    "purge": Text("已永久删除", "Deleted for good"),
    "call": Text("登记了通话", "Call logged"),
    "call_override": Text("破例通话", "Call policy overridden"),
    "do_not_call": Text("勿扰设置已更改", "Do-not-call changed"),
    "buyer_tz": Text("买家时区已更改", "Buyer time zone changed"),
    "promise_made": Text("作出承诺", "Promise made"),
    "promise_kept": Text("承诺已兑现", "Promise kept"),
    "promise_broken": Text("承诺未兑现", "Promise not kept"),
    "promise_cancelled": Text("承诺不再需要", "Promise no longer needed"),
    "evidence_add": Text("添加证据", "Evidence added"),
    "evidence_remove": Text("移除证据", "Evidence removed"),
    "evidence_caption": Text("修改证据说明", "Evidence caption changed"),
    "evidence_category": Text("修改证据类别", "Evidence category changed"),
    "summary_facts": Text("编辑争议摘要的事实陈述", "Summary facts statement edited"),
    "summary_full_contact": Text("打印了含完整联系方式的争议摘要",
                                 "Summary printed with full contact details"),
    "step": Text("处理步骤", "Handling step"),
    "platform_update": Text("平台更新", "Platform update"),
    "enrich": Text("从订单补全", "Filled in from the order"),
}

FIELDS: dict[str, Text] = {
    "platform": Text("平台", "Platform"), "shop": Text("店铺", "Shop"),
    "order_no": Text("订单号", "Order no."), "refund_no": Text("售后单号", "Refund no."),
    "buyer_nick": Text("买家昵称", "Buyer nickname"),
    "buyer_name": Text("买家姓名", "Buyer name"), "buyer_phone": Text("手机号", "Phone"),
    "buyer_address": Text("地址", "Address"), "item_title": Text("商品", "Item"),
    "sku": Text("SKU", "SKU"), "amount_paid": Text("实付金额", "Amount paid"),
    "amount_claimed": Text("申请金额", "Amount claimed"),
    "amount_settled": Text("结算金额", "Amount settled"), "kind": Text("售后类型", "Kind"),
    "cause": Text("原因", "Cause"), "customer_type": Text("客户类型", "Customer type"),
    "priority": Text("优先级", "Priority"), "due_at": Text("截止时间", "Due"),
    "applied_at": Text("申请时间", "Applied"),
    "description": Text("问题描述", "Description"), "assignee": Text("负责人", "Assignee"),
    "status": Text("状态", "Status"), "outcome": Text("处理结果", "Outcome"),
    "facts": Text("事实陈述", "Statement of facts"),
}

_ENUM_OF_FIELD: dict[str, type[LabelledEnum]] = {
    "platform": Platform, "kind": CaseKind, "cause": Cause, "customer_type": CustomerType,
    "priority": Priority, "status": CaseStatus, "outcome": Outcome,
}
_MONEY = ("amount_paid", "amount_claimed", "amount_settled")
_MASK = {"buyer_phone": mask_phone, "buyer_name": mask_name, "buyer_address": mask_address}
_SHA256 = re.compile(r"[0-9a-f]{64}")
_YES_NO = {"1": Text("是", "yes"), "0": Text("否", "no"), "done": Text("已完成", "done")}


@dataclass(frozen=True)
class AuditLine:
    """One audit row in one language; `action` and `field` keep the stored keys."""

    at: datetime  # UTC, as stored
    when: str  # "2026-11-23 10:00", the shop's zone
    actor: str
    action: str
    action_label: str
    field: str | None
    field_label: str
    old: str
    new: str


def _label(enum: type[LabelledEnum], key: str, lang: str) -> str:
    try:
        return enum(key).label(lang)
    except ValueError:
        return key


def _field_label(action: str, field: str | None, lang: str) -> str:
    if not field:
        return ""
    kind, _, number = field.partition(":")
    if kind == "evidence" and number:
        return Text("证据 #{n}", "Evidence #{n}").format(n=number).get(lang)
    if kind == "promise" and number:
        return Text("承诺 #{n}", "Promise #{n}").format(n=number).get(lang)
    if action == "step":
        # The script library's package loads with its first use, not with every start.
        from ..domain.scripts.steps import HandlingStep

        return _label(HandlingStep, field, lang)
    if action == "call_override":
        try:
            codes = json.loads(field)
        except ValueError:
            return field
        return list_sep(lang).join(_label(ReasonCode, c, lang) for c in codes)
    if action in ("buyer_tz", "do_not_call"):
        return contact_masker()(field)  # the buyer key: platform:nick, or platform:phone
    if "," in field:
        return list_sep(lang).join(_field_label(action, f, lang) for f in field.split(","))
    return FIELDS[field].get(lang) if field in FIELDS else field


def _shop_time(raw: str, tz: str) -> str:
    try:
        when = from_iso(raw)
    except ValueError:
        return raw
    return local(when, tz).strftime("%Y-%m-%d %H:%M") if when else raw


def _promise_value(action: str, raw: str, tz: str, lang: str) -> str:
    """Promise rows store "kind due-ISO text" when made, then open -> kept / broken: why /
    cancelled: why."""
    if action == "promise_made":
        kind, _, rest = raw.partition(" ")
        due, _, text = rest.partition(" ")
        return " ".join(p for p in (_label(PromiseKind, kind, lang), _shop_time(due, tz),
                                    contact_masker()(text)) if p)
    state, _, reason = raw.partition(":")
    try:
        shown = state_label(PromiseState(state), lang)
    except ValueError:
        return contact_masker()(raw)
    reason = contact_masker()(reason.strip())
    return f"{shown}{colon(lang)}{reason}" if reason else shown


def _value(action: str, field: str | None, raw: str | None, tz: str, lang: str,
           files: Mapping[str, str]) -> str:
    if raw is None:
        return ""
    if action == "evidence_add":
        # Files are stored by their SHA-256; a person knows them by their name.
        return files.get(raw) or (Text("文件 {h}…", "file {h}…").format(h=raw[:8]).get(lang)
                                  if _SHA256.fullmatch(raw) else raw)
    if action.startswith("promise_"):
        return _promise_value(action, raw, tz, lang)
    if field in _MASK:
        return _MASK[field](raw)
    if action == "call" and field == "outcome":
        return _label(CallOutcome, raw, lang)
    if action == "evidence_category":
        return _label(EvidenceCategory, raw, lang)
    if action in ("do_not_call", "step") and raw in _YES_NO:
        return _YES_NO[raw].get(lang)
    if field in _ENUM_OF_FIELD:
        return _label(_ENUM_OF_FIELD[field], raw, lang)
    if field in _MONEY:
        try:
            return format_yuan(Decimal(raw))
        except InvalidOperation:
            return raw
    if field in ("due_at", "applied_at"):
        return _shop_time(raw, tz)
    return contact_masker()(raw)  # a mobile number quoted in a note stays masked


def audit_lines(entries: Sequence[AuditEntry], tz: str, lang: str, *,
                files: Mapping[str, str] | None = None) -> list[AuditLine]:
    """`entries` (oldest first) as lines in `lang`; times in the shop's zone `tz`;
    `files` maps an evidence file's SHA-256 to the name the user gave it."""
    files = files or {}
    return [AuditLine(
        at=e.at, when=local(e.at, tz).strftime("%Y-%m-%d %H:%M"), actor=e.actor,
        action=e.action,
        action_label=ACTIONS[e.action].get(lang) if e.action in ACTIONS else e.action,
        field=e.field, field_label=_field_label(e.action, e.field, lang),
        old=_value(e.action, e.field, e.old, tz, lang, files),
        new=_value(e.action, e.field, e.new, tz, lang, files)) for e in entries]
