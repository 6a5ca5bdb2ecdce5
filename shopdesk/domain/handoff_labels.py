"""Headings and fixed phrases of the hand-off sheet, in both languages.

The plain-text version, the PDF and the window's preview draw the same document, so they
share these words (the window's own buttons and titles go through Qt's tr()).
"""

from __future__ import annotations

from datetime import datetime

from .clock import local
from .handoff import HandoffSheet, PromiseLine, Shift
from .text import parens, pick

LABELS: dict[str, tuple[str, str]] = {
    "title": ("交接班记录", "Shift hand-off"),
    "on_shift": ("交班人", "Handed over by"),
    "period": ("班次时间", "Shift"),
    "ended_by": ("结束人", "Ended by"),
    "no_start": ("未点“开始班次”：自上次交接起", "Not started: since the last hand-off"),
    "started_later": ("{at} 开班；含上次交接后的变动", "started {at}; since the last hand-off"),
    "next_shift": ("下一班", "Next shift"),
    "next_shift_value": ("至 {end}（{hours} 小时）", "until {end} ({hours} h)"),
    "ack": ("接班确认", "Acknowledged"),
    "ack_value": ("{who}，{at}", "{who}, {at}"),
    "self_ack": ("（本人确认）", " (own hand-off)"),
    "not_acked": ("尚未确认", "Not yet acknowledged"),
    "summary": ("概况", "At a glance"),
    "summary_value": (
        "本班处理 {touched} 个案件，待处理 {open} 个，承诺逾期 {overdue} 个，"
        "下一班到期 {next} 个，电话 {calls} 通，退款/补偿 {refunds} 笔 ¥{refund_total}",
        "{touched} cases touched | {open} open | {overdue} promises overdue | "
        "{next} due next shift | {calls} calls | {refunds} refunds ¥{refund_total}"),
    "note": ("交班留言", "Note from the outgoing shift"),
    "no_note": ("（无）", "(none)"),
    "sec_open": ("一、待处理案件（按紧急程度，共 {n} 个）", "1. Open cases by urgency ({n})"),
    "sec_promises": ("二、对买家的承诺", "2. Promises to buyers"),
    "promises_overdue": ("已逾期未兑现（{n}）", "Overdue ({n})"),
    "promises_next": ("下一班内到期（{n}）", "Due during the next shift ({n})"),
    "promises_resolved": ("本班已兑现/未兑现（{n}）", "Kept or not kept this shift ({n})"),
    "sec_touched": ("三、本班处理的案件（{n} 个）", "3. Cases touched this shift ({n})"),
    "sec_calls": ("四、本班电话（{n} 通）", "4. Calls this shift ({n})"),
    "sec_next_calls": ("五、买家下次可致电时间", "5. When each buyer may next be called"),
    "none": ("无", "None"),
    "more_cases": ("另有 {n} 个案件未列出（完整列表见 ShopDesk 交接记录）",
                   "{n} more cases not listed (see the hand-off in ShopDesk)"),
    "more_items": ("另有 {n} 条未列出", "{n} more not listed"),
    "more_changes": ("另有 {n} 条变动", "{n} more changes"),
    "call_now": ("现在可拨", "May call now"),
    "call_later": ("{at} 起可拨", "From {at}"),
    "call_never": ("不可再拨", "Do not call"),
    "overridden": ("越权拨打", "override"),
    "state_kept": ("已兑现", "kept"),
    "state_broken": ("未兑现", "not kept"),
    "due": ("应于 {at}", "due {at}"),
    "col_rank": ("#", "#"),
    "col_case": ("案件 / 买家", "Case / buyer"),
    "col_status": ("状态", "Status"),
    "col_reason": ("原因", "Why"),
    "col_when": ("时间", "When"),
    "col_what": ("内容", "What"),
    "col_by": ("人员", "By"),
    "col_changes": ("变动", "Changes"),
    "col_outcome": ("结果", "Outcome"),
    "col_next": ("下次可拨", "Next call"),
    "footer": ("ShopDesk 交接班（买家电话已打码）", "ShopDesk hand-off (buyer phones masked)"),
}


def label(key: str, lang: str = "zh", **values: object) -> str:
    """The phrase `key` in `lang`, with {placeholders} filled."""
    text = pick(lang, *LABELS[key])
    return text.format(**values) if values else text


def shown(at: datetime | None, tz: str, fmt: str = "%m-%d %H:%M") -> str:
    """A stored UTC time in the shop's zone ('' for None)."""
    return local(at, tz).strftime(fmt) if at is not None else ""


def join(*parts: str) -> str:
    """Non-empty parts separated by spaces (none before a full-width bracket)."""
    out = ""
    for part in parts:
        if part:
            out += part if not out or part.startswith("（") else " " + part
    return out


def paren(text: str, lang: str = "zh") -> str:
    """'（text）' in Chinese, '(text)' in English, '' for no text."""
    if not text:
        return ""
    return parens(text, lang)


def period_text(sheet: HandoffSheet, lang: str = "zh") -> str:
    """'11-23 10:00 – 11-23 18:00', and why it starts there when that is not the shift's
    start (ended without one, or started after the previous hand-off)."""
    tz = sheet.tz
    text = f"{shown(sheet.period_start, tz)} – {shown(sheet.period_end, tz)}"
    if not sheet.explicit_start:
        return join(text, paren(label("no_start", lang), lang))
    if sheet.started_at is not None and sheet.started_at != sheet.period_start:
        why = label("started_later", lang, at=shown(sheet.started_at, tz))
        return join(text, paren(why, lang))
    return text


def summary_text(sheet: HandoffSheet, lang: str = "zh") -> str:
    """The headline numbers in one line ('本班处理 5 个案件，待处理 12 个，…')."""
    c = sheet.counts()
    return label("summary_value", lang, touched=c["touched"], open=c["open"],
                 overdue=c["promises_overdue"], next=c["promises_next"], calls=c["calls"],
                 refunds=c["refunds"], refund_total=sheet.refund_total)


def ack_text(shift: Shift, tz: str, lang: str = "zh") -> str:
    """'小李，11-23 18:05' / 'Not yet acknowledged'."""
    if not shift.acknowledged:
        return label("not_acked", lang)
    text = label("ack_value", lang, who=shift.ack_by, at=shown(shift.ack_at, tz))
    return text + (label("self_ack", lang) if shift.self_acknowledged else "")


def promise_text(p: PromiseLine, tz: str, lang: str) -> str:
    """'SD-… 小蜜蜂 回电：… 应于 11-23 15:00（小王） 未兑现（缺货）'."""
    state = ""
    if p.state == "kept":
        state = label("state_kept", lang)
    elif p.state == "broken":
        state = label("state_broken", lang) + paren(p.reason, lang)
    return join(p.case_no, p.buyer, p.what.get(lang),
                label("due", lang, at=shown(p.due_at, tz)), paren(p.made_by, lang), state)


def next_call_text(state: str, at: datetime | None, tz: str, lang: str) -> str:
    """'现在可拨' / '11-24 10:00 起可拨' / '不可再拨'."""
    if state == "now":
        return label("call_now", lang)
    if state == "later" and at is not None:
        return label("call_later", lang, at=shown(at, tz))
    return label("call_never", lang)
