"""The facts statement (事实陈述) of a dispute summary, composed from the case's data.

This is the default text the user edits before printing: who asked for what on which
order, the cause, what was done (calls, promises, evidence) and where it stands. It only
states what the register holds; opinions are the user's to add.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from .case import Case
from .clock import local
from .enums import CaseKind
from .evidence import Evidence
from .money import format_yuan
from .promises import Promise, PromiseState
from .text import is_english

MAX_FACTS = 20_000  # a statement longer than ~10 printed pages is a paste gone wrong


@dataclass(frozen=True)
class CallCounts:
    """How often the buyer was phoned about this case, and how often someone answered."""

    total: int = 0
    connected: int = 0


# What the buyer did, per case kind: "买家就订单 X（…）{zh}" / "buyer {en} order X".
_ASKED: dict[CaseKind, tuple[str, str]] = {
    CaseKind.REFUND_ONLY: ("申请仅退款", "asked for a refund only on"),
    CaseKind.RETURN_REFUND: ("申请退货退款", "asked to return the item for a refund on"),
    CaseKind.EXCHANGE: ("申请换货", "asked for an exchange on"),
    CaseKind.RESHIP_REPAIR: ("申请补发或维修", "asked for a reshipment or repair on"),
    CaseKind.BAD_REVIEW: ("给出了中差评", "left a bad review on"),
    CaseKind.COMPLAINT: ("发起投诉", "filed a complaint about"),
    CaseKind.PLATFORM_DISPUTE: ("发起平台纠纷", "opened a platform dispute on"),
}
# Kinds where the buyer asks for no money by the kind itself: an amount is printed only
# when one was really claimed, not the amount paid the form copies into an empty field.
_NO_CLAIM_BY_KIND = frozenset({CaseKind.BAD_REVIEW})


def buyer_asked(kind: CaseKind, lang: str = "zh") -> str:
    """What the buyer did, as the facts' first line says it ("给出了中差评")."""
    zh, en = _ASKED[kind]
    return en if is_english(lang) else zh


def claimed_amount(case: Case) -> Decimal | None:
    """The amount the buyer claims, as a summary prints it: None for a bad review whose
    "claim" is only the amount paid copied in (or nothing, or zero)."""
    claimed = case.amount_claimed
    if claimed is None:
        return None
    if case.kind in _NO_CLAIM_BY_KIND and (not claimed or claimed == case.amount_paid):
        return None
    return claimed


def _day(at: datetime | None, tz: str) -> str:
    return local(at, tz).strftime("%Y-%m-%d") if at else ""


def compose_facts(case: Case, *, tz: str, lang: str = "zh", calls: CallCounts | None = None,
                  promises: Sequence[Promise] = (), evidence: Sequence[Evidence] = (),
                  resolved_at: datetime | None = None) -> str:
    """The default facts statement for `case` in `lang` ("zh" or "en"), one fact a line.

    It states what happened, not the shop's own classification: the cause, and the side
    it blames (卖家原因), is the shop's assessment, printed in the complete record's
    header and never in a statement meant for the platform."""
    en = is_english(lang)
    calls = calls or CallCounts()
    states = Counter(p.state for p in promises)
    live = [e for e in evidence if not e.is_removed]
    by_category = Counter(e.category for e in live)
    paid = format_yuan(case.amount_paid)
    claimed = format_yuan(claimed_amount(case))
    demands = case.kind in _NO_CLAIM_BY_KIND  # a claim is a demand, not an application
    lines: list[str] = []
    # When the buyer asked (the platform's application time), not when the case was logged:
    # an export imported days later must not date the request on the import day.
    asked = case.applied_at or case.created_at
    if en:
        buyer = f'buyer "{case.buyer_nick}"' if case.buyer_nick else "the buyer"
        item = ", ".join(x for x in (case.item_title, f"paid {paid}" if paid else "") if x)
        first = (f"On {_day(asked, tz)} {buyer} {buyer_asked(case.kind, 'en')} "
                 f"{case.platform.label('en')} order "
                 f"{case.order_no}" + (f" ({item})" if item else ""))
        if claimed:
            first += f", asking for {claimed}" if demands else f", claiming {claimed}"
        lines.append(first + ".")
        if case.description.strip():
            lines.append(f"Details: {case.description.strip()}")
        done = []
        if calls.total:
            done.append(f"{calls.total} phone call(s) ({calls.connected} answered)")
        if promises:
            # No longer needed: counted apart, and named only when there are some.
            cancelled = states[PromiseState.CANCELLED]
            done.append(f"{len(promises)} promise(s) made to the buyer "
                        f"({states[PromiseState.KEPT]} kept, {states[PromiseState.BROKEN]} "
                        f"not kept, "
                        + (f"{cancelled} no longer needed, " if cancelled else "")
                        + f"{states[PromiseState.OPEN]} open)")
        if done:
            lines.append("Handling: " + "; ".join(done) + ".")
        if live:
            parts = ", ".join(f"{c.label('en')} {n}" for c, n in by_category.items())
            lines.append(f"Evidence provided: {len(live)} item(s): {parts}.")
        status = f"Status: {case.status.label('en')}"
        if resolved_at is not None and not case.status.is_open:
            status += f" (closed on {_day(resolved_at, tz)})"
        if case.outcome is not None:
            status += f"; outcome: {case.outcome.label('en')}"
            if case.amount_settled is not None:
                status += f", {format_yuan(case.amount_settled)}"
        lines.append(status + ".")
        return "\n".join(lines)
    buyer = f"买家“{case.buyer_nick}”" if case.buyer_nick else "买家"
    item = "，".join(x for x in (case.item_title, f"实付 {paid}" if paid else "") if x)
    first = (f"{_day(asked, tz)}，{buyer}就{case.platform.zh}订单 {case.order_no}"
             + (f"（{item}）" if item else "") + buyer_asked(case.kind))
    if claimed:
        first += f"，要求赔偿 {claimed}" if demands else f"，申请金额 {claimed}"
    lines.append(first + "。")
    if case.description.strip():
        lines.append(f"情况说明：{case.description.strip()}")
    done = []
    if calls.total:
        done.append(f"电话沟通 {calls.total} 次（接通 {calls.connected} 次）")
    if promises:
        cancelled = states[PromiseState.CANCELLED]
        done.append(f"向买家作出承诺 {len(promises)} 项（已兑现 {states[PromiseState.KEPT]} 项，"
                    f"未兑现 {states[PromiseState.BROKEN]} 项，"
                    + (f"不再需要 {cancelled} 项，" if cancelled else "")
                    + f"待兑现 {states[PromiseState.OPEN]} 项）")
    if done:
        lines.append("处理经过：" + "；".join(done) + "。")
    if live:
        parts = "，".join(f"{c.zh} {n} 项" for c, n in by_category.items())
        lines.append(f"已提供证据 {len(live)} 项：{parts}。")
    status = f"当前状态：{case.status.zh}"
    if resolved_at is not None and not case.status.is_open:
        status += f"（{_day(resolved_at, tz)} 结案）"
    if case.outcome is not None:
        status += f"，处理结果：{case.outcome.zh}"
        if case.amount_settled is not None:
            status += f"，金额 {format_yuan(case.amount_settled)}"
    lines.append(status + "。")
    return "\n".join(lines)
