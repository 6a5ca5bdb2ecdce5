"""The case list's texts: each plain column's display text, the tooltips, and the time
left to a deadline. Plain functions of a case (no model state), so the model builds a
row's texts once per case while its page is held."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ...domain.case import Case
from ...domain.clock import local
from ...domain.money import format_yuan
from ...domain.platform_state import INTERVENTION_STAGES
from ...domain.urgency import format_span
from .case_columns import COLUMN_KEYS


def time_text(value: datetime | None, shop_tz: str, this_year: int) -> str:
    """A time in the shop's zone: 'MM-DD HH:MM' this year, 'YYYY-MM-DD' another year."""
    if value is None:
        return ""
    shown = local(value, shop_tz)
    # strftime's "%Y-%m-%d" / "%m-%d %H:%M", at a third of its cost (two per row).
    if shown.year != this_year:
        return f"{shown.year:04d}-{shown.month:02d}-{shown.day:02d}"
    return f"{shown.month:02d}-{shown.day:02d} {shown.hour:02d}:{shown.minute:02d}"


def display_texts(case: Case, lang: str, shop_tz: str, now: datetime) -> tuple[str, ...]:
    """The display text of each column that reads only the case ('' for the others)."""
    this_year = local(now, shop_tz).year
    # A dispute the platform is handling matters more than the refund's own words.
    if case.platform_stage in INTERVENTION_STAGES and case.intervention_status:
        platform_status = f"{case.intervention_status} · {case.platform_status}".strip(" ·")
    else:
        platform_status = case.platform_status
    by_key = {
        "case_no": case.case_no,
        "platform": case.platform.label(lang),
        "order_no": case.order_no,
        "buyer": case.buyer_nick,
        "item": case.item_title,
        "kind": case.kind.label(lang),
        "cause": case.cause.label(lang) if case.cause else "",
        "status": case.status.label(lang),
        "amount": format_yuan(case.amount_claimed),
        "due": time_text(case.due_at, shop_tz, this_year),
        "activity": time_text(case.last_activity_at, shop_tz, this_year),
        "assignee": case.assignee,
        "platform_status": platform_status,
    }
    return tuple(by_key.get(key, "") for key in COLUMN_KEYS)


def tooltip(case: Case, key: str, lang: str, shop_tz: str, now: datetime) -> str | None:
    """The tooltip of the case's cell in column `key` (None: none)."""
    if key == "case_no" and case.major_owner:
        return QCoreApplication.translate("CaseTableModel", "Major complaint, owner: %1"
                                          ).replace("%1", case.major_owner)
    if key in ("due", "activity"):
        value = case.due_at if key == "due" else case.last_activity_at
        if value is None:
            return None
        text = local(value, shop_tz).strftime("%Y-%m-%d %H:%M")
        if key == "due" and case.is_overdue(now):
            text += " — " + QCoreApplication.translate("CaseTableModel", "overdue")
        return text
    if key == "item":
        return "\n".join(t for t in (case.item_title, case.sku) if t) or None
    if key == "buyer":
        return case.buyer_nick or None
    if key == "platform_status":
        return case.platform_summary(lang) or None
    if key == "order_no":  # elided in the middle when the column is narrow
        return case.order_no or None
    return None


DEFAULT_DEADLINE_WINDOW = timedelta(hours=6)
SOURCE_TITLES = {
    "platform": QT_TRANSLATE_NOOP("CaseTableModel", "Platform deadline"),
    "rule": QT_TRANSLATE_NOOP("CaseTableModel", "Estimated from the rules"),
    "manual": QT_TRANSLATE_NOOP("CaseTableModel", "Set by hand"),
}


def time_left_text(left: timedelta, estimate: bool, lang: str) -> str:
    """'5小时12分' / '约2天3小时' / '已超时40分钟' ('5 h 12 min', '~2 d 3 h',
    'overdue 40 min')."""
    en = lang.startswith("en")
    if left.total_seconds() <= 0:
        span = format_span(-left, lang)
        return f"overdue {span}" if en else f"已超时{span}"
    span = format_span(left, lang)
    if estimate:
        return f"~{span}" if en else f"约{span}"
    return span
