"""The hand-off sheet as plain text, for pasting into the team's chat (WeChat, DingTalk...).

Same sections as the PDF, one line per item, long lists cut with "另有 N 个…". Buyer phones
are already masked in the sheet; nothing here can print a full number.
"""

from __future__ import annotations

from ..domain.handoff import HandoffSheet, Shift, TouchedCase
from ..domain.handoff_labels import (
    ack_text,
    agreed_text,
    heading,
    import_text,
    imports_shown,
    join,
    label,
    next_call_text,
    off_shift_by_text,
    off_shift_heading,
    paren,
    period_text,
    promise_sections,
    promise_text,
    shift_start_text,
    shown,
    summary_text,
    when_text,
)
from ..domain.plain_text import one_line
from ..domain.text import clause_sep, colon, is_english

# Chat messages get long quickly: the most urgent first, then "N more".
MAX_OPEN = 20
MAX_LIST = 15
MAX_CHANGES = 4


def _amount(value: str) -> str:
    return f"¥{value}" if value else ""


def header_lines(sheet: HandoffSheet, lang: str = "zh", shift: Shift | None = None
                 ) -> list[str]:
    """Who, when, next shift, acknowledgement and the headline numbers."""
    tz = sheet.tz
    period = period_text(sheet, lang)
    sep = colon(lang)
    lines = [
        f"{label('on_shift', lang)}{sep}{sheet.staff}"
        + (f"  {label('ended_by', lang)}{sep}{sheet.ended_by}"
           if sheet.ended_by != sheet.staff else ""),
        f"{label('period', lang)}{sep}{period}",
        f"{label('shift_start', lang)}{sep}{shift_start_text(sheet, lang)}",
        f"{label('next_shift', lang)}{sep}"
        + label("next_shift_value", lang, end=shown(sheet.next_shift_end, tz),
                hours=f"{sheet.next_shift_hours:g}"),
    ]
    if shift is not None:
        lines.append(f"{label('ack', lang)}{sep}{ack_text(shift, tz, lang)}")
    lines.append(f"{label('summary', lang)}{sep}{summary_text(sheet, lang)}")
    return lines


def handoff_text(sheet: HandoffSheet, lang: str = "zh", *, shift: Shift | None = None) -> str:
    """The whole sheet as chat-ready text."""
    tz = sheet.tz
    sep = clause_sep(lang)
    out = [f"[{label('title', lang)}]" if is_english(lang) else f"【{label('title', lang)}】"]
    out += header_lines(sheet, lang, shift)
    out += ["", f"{label('note', lang)}{colon(lang)}".rstrip(),
            sheet.note or label("no_note", lang)]

    out += ["", heading(sheet, "sec_open", lang, n=sheet.open_total)]
    for r in sheet.open_cases[:MAX_OPEN]:
        c = r.case
        out.append(f"{r.rank}. " + join(c.case_no, c.buyer, c.phone, c.status_label.get(lang),
                                        c.item, _amount(c.amount)))
        out.append("   " + sep.join(x.get(lang) for x in r.reasons))
    _more(out, sheet.open_total - min(len(sheet.open_cases), MAX_OPEN), "more_cases", lang)
    if not sheet.open_total:
        out.append(label("none", lang))

    out += ["", heading(sheet, "sec_promises", lang)]
    for key, items in promise_sections(sheet):
        out.append(label(key, lang, n=len(items)))
        out += [f"- {promise_text(p, tz, lang)}" for p in items[:MAX_LIST]]
        _more(out, len(items) - MAX_LIST, "more_items", lang)

    out += ["", heading(sheet, "sec_touched", lang, n=sheet.touched_total)]
    _touched(out, sheet.touched, sheet.touched_total, sheet, lang)
    if sheet.has_off_shift:
        out += ["", off_shift_heading(sheet, lang)]
        if sheet.off_shift_by:
            out.append(off_shift_by_text(sheet, lang))
        _touched(out, sheet.off_shift, sheet.off_shift_total, sheet, lang)

    if sheet.imports:
        out += ["", heading(sheet, "sec_imports", lang, n=len(sheet.imports))]
        listed, remarks = imports_shown(sheet, MAX_LIST, lang)
        out += [f"- {import_text(x, sheet, lang)}" for x in listed] + remarks

    out += ["", heading(sheet, "sec_calls", lang, n=len(sheet.calls))]
    for call in sheet.calls[:MAX_LIST]:
        flag = paren(label("overridden", lang), lang) if call.overridden else ""
        if call.off_shift:
            flag += paren(label("off_shift_call", lang), lang)
        out.append("- " + join(shown(call.at, tz, "%H:%M"), call.case_no, call.buyer,
                               call.phone, call.outcome.get(lang) + flag, call.summary,
                               agreed_text(call.agreed, lang), paren(call.actor, lang)))
    _more(out, len(sheet.calls) - MAX_LIST, "more_items", lang)

    out += ["", heading(sheet, "sec_next_calls", lang)]
    for n in sheet.next_calls[:MAX_LIST]:
        out.append("- " + join(n.case_no, n.buyer, n.phone,
                                next_call_text(n.state, n.next_at, tz, lang),
                                paren(n.why.get(lang), lang)))
    _more(out, sheet.next_calls_total - min(len(sheet.next_calls), MAX_LIST), "more_items",
          lang)
    if not sheet.next_calls_total:
        out.append(label("none", lang))
    # Nicknames and notes are typed by people: one_line keeps them from forging lines.
    return "\n".join(one_line(line) for line in out).rstrip() + "\n"


def _touched(out: list[str], items: tuple[TouchedCase, ...], total: int,
             sheet: HandoffSheet, lang: str) -> None:
    """A list of touched cases: each with its latest changes (time, who, what)."""
    for t in items[:MAX_LIST]:
        c = t.case
        out.append(join(c.case_no, c.buyer, c.status_label.get(lang)))
        for ch in t.changes[-MAX_CHANGES:]:
            out.append(f"  {when_text(ch.at, sheet)} {ch.actor} {ch.text.get(lang)}")
        hidden = t.more_changes + max(len(t.changes) - MAX_CHANGES, 0)
        if hidden > 0:
            out.append("  " + label("more_changes", lang, n=hidden))
    _more(out, total - min(len(items), MAX_LIST), "more_cases", lang)
    if not total:
        out.append(label("none", lang))


def _more(out: list[str], hidden: int, key: str, lang: str) -> None:
    if hidden > 0:
        out.append(label(key, lang, n=hidden))
