"""Headings and fixed phrases of the hand-off sheet, in both languages.

The plain-text version, the PDF and the window's preview draw the same document, so they
share these words (the window's own buttons and titles go through Qt's tr()).
"""

from __future__ import annotations

from datetime import datetime

from .clock import local
from .handoff import HandoffSheet, ImportLine, PromiseLine, Shift
from .text import colon, is_english, list_sep, parens, pick

LABELS: dict[str, tuple[str, str]] = {
    "title": ("交接班记录", "Shift hand-off"),
    "on_shift": ("交班人", "Handed over by"),
    "period": ("交接范围", "Covers"),
    "since_handoff": ("自上次交接起", "since the last hand-off"),
    "since_day": ("最近 24 小时：此前没有交接", "the last 24 hours: no earlier hand-off"),
    "since_shift": ("自开班起", "since the shift started"),
    "shift_start": ("开班时间", "Shift started"),
    "not_started": ("未点“开始班次”（整段算作本班）",
                    "not started (the whole period counts as the shift)"),
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
        "本班处理 {touched} 个案件{off}，待处理 {open} 个，承诺逾期 {overdue} 个，"
        "下一班到期 {next} 个，电话 {calls} 通，退款/补偿 {refunds} 笔 ¥{refund_total}",
        # Label: number, so one reads right as well as many ("1 cases touched" did not).
        "Cases touched: {touched}{off} | open: {open} | promises overdue: {overdue} | "
        "due next shift: {next} | calls: {calls} | refunds: {refunds} ¥{refund_total}"),
    "summary_off": ("，无人当班期间 {n} 个", " | while nobody was on shift: {n}"),
    "note": ("交班留言", "Note from the outgoing shift"),
    "no_note": ("（无）", "(none)"),
    # Section headings are numbered when drawn (heading()): the nobody-on-shift section
    # is there only when the period has such a stretch.
    "sec_open": ("待处理案件（按紧急程度，共 {n} 个）", "Open cases by urgency ({n})"),
    "sec_promises": ("对买家的承诺", "Promises to buyers"),
    "promises_overdue": ("已逾期未兑现（{n}）", "Overdue ({n})"),
    "promises_next": ("下一班内到期（{n}）", "Due during the next shift ({n})"),
    "promises_resolved": ("已兑现/未兑现（{n}）", "Kept or not kept ({n})"),
    # The same list when some were marked no longer needed (promise_sections()).
    "promises_resolved_cancelled": ("已兑现/未兑现/不再需要（{n}）",
                                    "Kept, not kept or no longer needed ({n})"),
    "sec_touched": ("本班处理的案件（{n} 个）", "Cases touched this shift ({n})"),
    "sec_off_shift": ("无人当班期间：{start} – {end}（{n} 个案件）",
                      "While nobody was on shift: {start} – {end} ({n} cases)"),
    "off_shift_by": ("经手人：{names}", "Done by: {names}"),
    "off_shift_call": ("无人当班", "nobody on shift"),
    "sec_imports": ("平台导入（{n} 次）", "Platform exports imported ({n})"),
    "sec_calls": ("电话（{n} 通）", "Calls ({n})"),
    "agreed": ("约定：{text}", "agreed: {text}"),
    "sec_next_calls": ("买家下次可致电时间", "When each buyer may next be called"),
    "none": ("无", "None"),
    "more_cases": ("另有 {n} 个案件未列出（完整列表见 ShopDesk 交接记录）",
                   "{n} more cases not listed (see the hand-off in ShopDesk)"),
    "more_items": ("另有 {n} 条未列出", "{n} more not listed"),
    "more_changes": ("另有 {n} 条变动", "{n} more changes"),
    "more_imports": ("另有 {n} 次较早的导入未列出（见 ShopDesk 的导入记录）",
                     "{n} earlier imports not listed (see Import history in ShopDesk)"),
    "repeat_imports": ("另有 {n} 次导入没有新内容（未列出）",
                       "{n} more imports brought nothing new (not listed)"),
    "repeat_imports_only": ("{n} 次导入都没有新内容（未列出）",
                            "{n} imports, none brought anything new (not listed)"),
    "call_now": ("现在可拨", "May call now"),
    "call_later": ("{at} 起可拨", "From {at}"),
    "call_never": ("不可再拨", "Do not call"),
    "overridden": ("越权拨打", "override"),
    "state_kept": ("已兑现", "kept"),
    "state_broken": ("未兑现", "not kept"),
    "state_cancelled": ("不再需要", "no longer needed"),
    "due": ("应于 {at}", "due {at}"),
    "col_rank": ("#", "#"),
    "col_case": ("案件 / 买家", "Case / buyer"),
    "col_status": ("状态", "Status"),
    "col_reason": ("原因", "Why"),
    "col_when": ("时间", "When"),
    "col_what": ("内容", "What"),
    "col_by": ("人员", "By"),
    "col_file": ("文件（导出类型）", "File (export)"),
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


def when_text(at: datetime, sheet: HandoffSheet) -> str:
    """A change's time on the sheet: '14:05' on the day the sheet ends, else with the
    date ('11-22 21:40': a sheet may cover the evening before)."""
    end = local(sheet.period_end, sheet.tz).date()
    return shown(at, sheet.tz, "%H:%M" if local(at, sheet.tz).date() == end else "%m-%d %H:%M")


def agreed_text(agreed: str, lang: str) -> str:
    """A call's agreement as the sheet says it: '约定：…' / 'agreed: …' ('' for none)."""
    return label("agreed", lang, text=agreed) if agreed else ""


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


_SECTIONS = ("sec_open", "sec_promises", "sec_touched", "sec_off_shift", "sec_imports",
             "sec_calls", "sec_next_calls")
_NUMERALS = "一二三四五六七八九十"
_SINCE = {"handoff": "since_handoff", "day": "since_day", "shift": "since_shift"}


def heading(sheet: HandoffSheet, key: str, lang: str = "zh", **values: object) -> str:
    """A section heading with its number ('三、本班处理的案件（5 个）', '3. Cases …'); the
    nobody-on-shift and the imports sections count only on a sheet that has them."""
    keys = [k for k in _SECTIONS if (k != "sec_off_shift" or sheet.has_off_shift)
            and (k != "sec_imports" or sheet.imports)]
    number = keys.index(key) + 1
    text = label(key, lang, **values)
    return f"{number}. {text}" if is_english(lang) else f"{_NUMERALS[number - 1]}、{text}"


def off_shift_heading(sheet: HandoffSheet, lang: str = "zh") -> str:
    """'四、无人当班期间：11-23 08:00 – 11-23 10:00（3 个案件）'."""
    return heading(sheet, "sec_off_shift", lang, start=shown(sheet.off_shift_start, sheet.tz),
                   end=shown(sheet.off_shift_end, sheet.tz), n=sheet.off_shift_total)


def off_shift_by_text(sheet: HandoffSheet, lang: str = "zh") -> str:
    """'经手人：小王、小李' ('' when nobody changed anything then)."""
    if not sheet.off_shift_by:
        return ""
    return label("off_shift_by", lang, names=list_sep(lang).join(sheet.off_shift_by))


def shift_start_text(sheet: HandoffSheet, lang: str = "zh") -> str:
    """When the shift itself started ('11-23 14:20'), or that it was not started."""
    if not sheet.explicit_start:
        return label("not_started", lang)
    return shown(sheet.started_at or sheet.period_start, sheet.tz)


def period_text(sheet: HandoffSheet, lang: str = "zh") -> str:
    """'11-23 10:00 – 11-23 18:00（自上次交接起）': the time the sheet covers, and why it
    starts there (the previous hand-off; the last 24 hours; the shift's start)."""
    tz = sheet.tz
    text = f"{shown(sheet.period_start, tz)} – {shown(sheet.period_end, tz)}"
    if sheet.since in _SINCE:
        return join(text, parens(label(_SINCE[sheet.since], lang), lang))
    # A sheet stored before `since` was kept: say it as it was said then.
    if not sheet.explicit_start:
        return join(text, paren(label("no_start", lang), lang))
    if sheet.started_at is not None and sheet.started_at != sheet.period_start:
        why = label("started_later", lang, at=shown(sheet.started_at, tz))
        return join(text, paren(why, lang))
    return text


def summary_text(sheet: HandoffSheet, lang: str = "zh") -> str:
    """The headline numbers in one line ('本班处理 5 个案件，待处理 12 个，…')."""
    c = sheet.counts()
    off = label("summary_off", lang, n=c["off_shift"]) if sheet.has_off_shift else ""
    return label("summary_value", lang, touched=c["touched"], off=off, open=c["open"],
                 overdue=c["promises_overdue"], next=c["promises_next"], calls=c["calls"],
                 refunds=c["refunds"], refund_total=sheet.refund_total)


def ack_text(shift: Shift, tz: str, lang: str = "zh") -> str:
    """'小李，11-23 18:05' / 'Not yet acknowledged'."""
    if not shift.acknowledged:
        return label("not_acked", lang)
    text = label("ack_value", lang, who=shift.ack_by, at=shown(shift.ack_at, tz))
    return text + (label("self_ack", lang) if shift.self_acknowledged else "")


def promise_state_text(p: PromiseLine, lang: str) -> str:
    """'已兑现', '未兑现（缺货）', '不再需要（买家撤销）'; '' for an open one."""
    if p.state == "kept":
        return label("state_kept", lang)
    if p.state in ("broken", "cancelled"):
        key = "state_broken" if p.state == "broken" else "state_cancelled"
        return label(key, lang) + paren(p.reason, lang)
    return ""


def promise_text(p: PromiseLine, tz: str, lang: str) -> str:
    """'SD-… 小蜜蜂 回电：… 应于 11-23 15:00（小王） 未兑现（缺货）'."""
    return join(p.case_no, p.buyer, p.what.get(lang),
                label("due", lang, at=shown(p.due_at, tz)), paren(p.made_by, lang),
                promise_state_text(p, lang))


def promise_sections(sheet: HandoffSheet) -> list[tuple[str, tuple[PromiseLine, ...]]]:
    """(label key, promises) of the sheet's three promise lists, in order. The settled
    list says "no longer needed" in its heading only when it holds such a promise (a
    sheet without one reads as before)."""
    resolved = sheet.promises_resolved
    settled = "promises_resolved_cancelled" if any(p.state == "cancelled" for p in resolved) \
        else "promises_resolved"
    return [("promises_overdue", sheet.promises_overdue),
            ("promises_next", sheet.promises_next), (settled, resolved)]


def imports_shown(sheet: HandoffSheet, cap: int, lang: str = "zh"
                  ) -> tuple[list[ImportLine], list[str]]:
    """The imports a rendering lists (oldest first), and its closing remarks: those that
    changed something, the latest `cap` of them (what the next shift works on); the
    earlier ones cut and those that brought nothing new are counted, not listed."""
    changed = [x for x in sheet.imports if x.changed]
    shown = changed[-cap:] if cap > 0 else []
    remarks = []
    if len(changed) > len(shown):
        remarks.append(label("more_imports", lang, n=len(changed) - len(shown)))
    if len(sheet.imports) > len(changed):
        remarks.append(label("repeat_imports" if changed else "repeat_imports_only", lang,
                             n=len(sheet.imports) - len(changed)))
    return shown, remarks


def import_text(line: ImportLine, sheet: HandoffSheet, lang: str) -> str:
    """'09:12 小王 refunds.csv（淘宝/天猫 售后单）：新建 3，更新 1，未变 5，跳过 0 行'."""
    return (join(when_text(line.at, sheet), line.actor, line.file,
                 paren(line.kind.get(lang), lang))
            + colon(lang) + line.summary.get(lang))


def next_call_text(state: str, at: datetime | None, tz: str, lang: str) -> str:
    """'现在可拨' / '11-24 10:00 起可拨' / '不可再拨'."""
    if state == "now":
        return label("call_now", lang)
    if state == "later" and at is not None:
        return label("call_later", lang, at=shown(at, tz))
    return label("call_never", lang)
