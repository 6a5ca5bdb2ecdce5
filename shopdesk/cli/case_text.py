"""`cases show` as a person reads it: labels and values in the CLI's language, times in
shop time, the timeline in the words the window and the dispute summary use (the JSON
keeps keys, values and UTC times for scripts)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any, TextIO

from ..domain.case import Case
from ..domain.clock import local
from ..domain.masking import mask_address, mask_name, mask_phone
from ..domain.plain_text import one_line
from ..domain.text import pick

# (label zh, label en, the value as shown) of each line; empty values are left out.
_Field = tuple[str, str, Callable[[Case, str, str, bool], str]]


def _time(at: datetime | None, tz: str) -> str:
    return local(at, tz).strftime("%Y-%m-%d %H:%M") if at is not None else ""


def _money(value: Any) -> str:
    return f"¥{value}" if value is not None else ""


FIELDS: tuple[_Field, ...] = (
    ("案件号", "Case no.", lambda c, _l, _t, _f: c.case_no),
    ("平台", "Platform", lambda c, lang, _t, _f: c.platform.label(lang)),
    ("店铺", "Shop", lambda c, _l, _t, _f: c.shop),
    ("订单号", "Order no.", lambda c, _l, _t, _f: c.order_no),
    ("退款单号", "Refund no.", lambda c, _l, _t, _f: c.refund_no),
    ("买家昵称", "Buyer", lambda c, _l, _t, _f: c.buyer_nick),
    ("买家姓名", "Name", lambda c, _l, _t, full: c.buyer_name if full
     else mask_name(c.buyer_name)),
    ("手机", "Phone", lambda c, _l, _t, full: c.buyer_phone if full
     else mask_phone(c.buyer_phone)),
    ("地址", "Address", lambda c, _l, _t, full: c.buyer_address if full
     else mask_address(c.buyer_address)),
    ("商品", "Item", lambda c, _l, _t, _f: c.item_title),
    ("SKU", "SKU", lambda c, _l, _t, _f: c.sku),
    ("实付金额", "Paid", lambda c, _l, _t, _f: _money(c.amount_paid)),
    ("申请金额", "Claimed", lambda c, _l, _t, _f: _money(c.amount_claimed)),
    ("结算金额", "Settled", lambda c, _l, _t, _f: _money(c.amount_settled)),
    ("售后类型", "Kind", lambda c, lang, _t, _f: c.kind.label(lang)),
    ("原因", "Cause", lambda c, lang, _t, _f: c.cause.label(lang) if c.cause else ""),
    ("客户类型", "Customer type", lambda c, lang, _t, _f: c.customer_type.label(lang)),
    ("优先级", "Priority", lambda c, lang, _t, _f: c.priority.label(lang)),
    ("状态", "Status", lambda c, lang, _t, _f: c.status.label(lang)),
    ("结果", "Outcome", lambda c, lang, _t, _f: c.outcome.label(lang) if c.outcome else ""),
    ("平台状态", "Platform status", lambda c, _l, _t, _f: c.platform_status),
    ("买家申请时间", "Applied", lambda c, _l, tz, _f: _time(c.applied_at, tz)),
    ("截止时间", "Due", lambda c, _l, tz, _f: _time(c.due_at, tz)),
    ("负责人", "Assignee", lambda c, _l, _t, _f: c.assignee),
    ("重大投诉", "Major complaint",
     lambda c, lang, _t, _f: pick(lang, f"是（负责人：{c.major_owner}）",
                                  f"yes (owner: {c.major_owner})") if c.major_owner else ""),
    ("创建", "Created", lambda c, _l, tz, _f: f"{_time(c.created_at, tz)}  {c.created_by}"),
    ("最近处理", "Last activity", lambda c, _l, tz, _f: _time(c.last_activity_at, tz)),
    ("已在回收站", "In the trash", lambda c, lang, _t, _f: pick(lang, "是", "yes")
     if c.deleted_at is not None else ""),
)


def write_case_text(out: TextIO, case: Case, *, lang: str, tz: str, full_contact: bool,
                    mask: Callable[[str], str], extra: Sequence[tuple[str, str, str]],
                    timeline: Sequence[tuple[datetime, str, str, str]]) -> None:
    """The case's fields, then `extra` lines (zh label, en label, value: the deadline,
    the warnings …), then `timeline` (when, who, what, what happened: the summary's
    words, masked), in `lang`."""
    rows = [(pick(lang, zh, en), value(case, lang, tz, full_contact))
            for zh, en, value in FIELDS]
    if case.description:
        rows.insert(-3, (pick(lang, "描述", "Description"), mask(case.description)))
    rows += [(pick(lang, zh, en), value) for zh, en, value in extra]
    shown = [(label, text) for label, text in rows if text]
    width = max(_width(label) for label, _ in shown)
    for label, text in shown:
        out.write(f"{_pad(label, width)}  {one_line(text)}\n")
    out.write(pick(lang, "处理经过：\n", "Timeline:\n"))
    for at, actor, what, content in timeline:
        # A note's lines on one line, as a terminal row reads best.
        content = content.replace("\n", " / ")
        out.write(f"  {_time(at, tz)}  {one_line(actor)}  {one_line(what)}"
                  f"{'  ' + one_line(content) if content else ''}\n")


def _width(text: str) -> int:
    """Columns on a terminal: a Chinese character takes two."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _pad(label: str, width: int) -> str:
    return " " * (width - _width(label)) + label
