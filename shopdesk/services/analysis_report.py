"""Gathering the monthly complaint report (投诉月报) from the register, and exporting the
analysis tables to CSV / .xlsx (openpyxl is imported only when a workbook is written)."""

from __future__ import annotations

import contextlib
import csv
import os
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..domain.analysis import Dimension, Pareto, PlanStatus, filter_text
from ..domain.analysis_report import (
    MajorLine,
    MonthlyReport,
    PlanLine,
    TopCause,
    WarningGroup,
    WarningLine,
)
from ..domain.clock import SHOP_TZ_DEFAULT, from_iso, local
from ..domain.enums import CaseStatus, Cause
from ..domain.files import temp_beside
from ..domain.text import is_english, pick
from ..domain.warnings import RuleKey
from ..domain.warnings.rules import MAJOR_RULES
from ..storage.analysis import major_cases, warnings_on_cases
from .exports import neutralise

if TYPE_CHECKING:
    from .analysis import AnalysisService

TOP_PRODUCTS = 3
# Warnings raised on many cases for one trigger: listed once per product and cause.
GROUPED_RULES = frozenset({RuleKey.GROUP_COMPLAINT})
# Written before cases could be marked major, the note said the register had no such
# mark: the table lists warnings, and the mark on the case is what decides.
MAJOR_NOTE = ("预警按本月新建的案件统计（与上面的帕累托表同一批案件），不论预警何时触发。"
              "下表列出其中触发重大投诉类预警（人身安全、扬言投诉/曝光、群体投诉、索赔过高）"
              "的案件（群体投诉按商品和原因合为一行，列出全部案件编号）；"
              "是否定为重大投诉，以案件上的“重大投诉”标记为准。",
              "Warnings are counted on the cases opened this month (the cases the Pareto "
              "table counts), whenever raised. The table lists those whose major-type "
              "warnings (safety, media threat, group complaint, excessive claim) were raised "
              "(a group complaint as one line per product and cause, with every case "
              "number); whether a case is a major complaint is decided by its own "
              "'major complaint' mark.")


def monthly_report(service: AnalysisService, year: int, month: int,
                   lang: str = "zh") -> MonthlyReport:
    """The report's data for one calendar month (shop time)."""
    start, end = service.month(year, month)
    by_cause = service.pareto(Dimension.CAUSE, start, end, lang, kind="month")
    top = []
    # Every vital-few cause (the red bars), not the first five of them: section 2 and the
    # chart name the same causes.
    for row in by_cause.vital_few():
        where, params = service.store.where_for(Dimension.CAUSE, row.key)
        products = service.pareto(Dimension.SKU, start, end, lang, where=where,
                                  params=params, kind="month").rows[:TOP_PRODUCTS]
        top.append(TopCause(row.label, row.count, row.share, row.amount,
                            tuple((p.label, p.count) for p in products)))
    raised = warnings_on_cases(service.db, start, end)
    speed = service.refund_speed("platform", start, end, lang)
    per_rule: dict[str, int] = {}
    major = []
    grouped: dict[tuple[str, str], list[tuple]] = {}
    for case_no, rule, zh, en, at, ack_by, product, cause in raised:
        key = RuleKey(rule)
        per_rule[key.label(lang)] = per_rule.get(key.label(lang), 0) + 1
        if key in GROUPED_RULES:
            grouped.setdefault((product, cause), []).append(
                (case_no, pick(lang, zh, en), from_iso(at), ack_by))
        elif key in MAJOR_RULES:
            major.append(WarningLine(case_no, key.label(lang), pick(lang, zh, en),
                                     from_iso(at), ack_by))  # type: ignore[arg-type]
    return MonthlyReport(
        year=year, month=month, start=start, end=end, tz=service.shop_tz,
        generated_at=service.clock.now(), by_cause=by_cause,
        by_cause_group=service.pareto(Dimension.CAUSE_GROUP, start, end, lang, kind="month"),
        by_province=service.pareto(Dimension.PROVINCE, start, end, lang, kind="month"),
        by_platform=service.pareto(Dimension.PLATFORM, start, end, lang, kind="month"),
        previous_total=service.store.count(*service.previous_bounds(start, end, "month")),
        comparison=by_cause.comparison,
        top_causes=tuple(top), plans=tuple(_plan_lines(service, lang)),
        warnings_by_rule=tuple(sorted(per_rule.items(), key=lambda kv: -kv[1])),
        major=tuple(major), major_note=pick(lang, *MAJOR_NOTE),
        major_groups=tuple(_groups(grouped, lang)),
        marked_major=tuple(_major_lines(service, start, end, lang)),
        refund_speed=tuple(speed.rows), refund_speed_overall=speed.overall,
        satisfaction=service.satisfaction(start, end))


def _groups(grouped: dict[tuple[str, str], list[tuple]], lang: str) -> list[WarningGroup]:
    """One group-complaint line per product and cause: its cases (each once), the latest
    reason, when first and last raised, and how many cases were acknowledged."""
    out = []
    for (product, cause), lines in grouped.items():
        acked: dict[str, bool] = {}
        for case_no, _reason, _at, ack_by in lines:
            acked[case_no] = acked.get(case_no, False) or bool(ack_by)
        times = [at for _no, _reason, at, _ack in lines]
        out.append(WarningGroup(
            rule=RuleKey.GROUP_COMPLAINT.label(lang),
            product=product or pick(lang, "（未填）", "(none)"),
            cause=Cause(cause).label(lang) if cause else pick(lang, "（未填）", "(none)"),
            reason=lines[-1][1], case_nos=tuple(sorted(acked)),
            first_raised=min(times), last_raised=max(times),
            acknowledged=sum(acked.values())))
    return sorted(out, key=lambda g: (-len(g.case_nos), g.product, g.cause))


def _major_lines(service: AnalysisService, start, end, lang: str) -> list[MajorLine]:
    out = []
    for case_no, owner, status, cause in major_cases(service.db, start, end):
        cause_label = Cause(cause).label(lang) if cause else pick(lang, "（未填）", "(none)")
        out.append(MajorLine(case_no, owner, CaseStatus(status).label(lang), cause_label))
    return out


def _plan_lines(service: AnalysisService, lang: str) -> list[PlanLine]:
    out = []
    for p in service.plans():
        if p.status == PlanStatus.DROPPED.value:
            continue
        out.append(PlanLine(
            category=service.label(p.dimension, p.category, lang), sub_type=p.sub_type,
            root_cause=p.root_cause, plan=p.plan, plan_long=p.plan_long, owner=p.owner,
            due=p.due_date.isoformat() if p.due_date else "",
            target=f"{p.target_pct}%" if p.target_pct else "",
            status=PlanStatus(p.status).label(lang), result=pick(lang, *p.result.text()),
            met=p.result.met))
    return out


# --- CSV / XLSX of a Pareto table ------------------------------------------------------
def table_rows(result: Pareto, lang: str = "zh") -> tuple[list[str], list[list[Any]]]:
    """Header and rows of the Pareto table as exported (shares as fractions 0-1)."""
    head = [result.by.label(lang), pick(lang, "单数", "Count"), pick(lang, "占比", "Share"),
            pick(lang, "累计占比", "Cumulative"), pick(lang, "退款/赔付金额", "Amount"),
            pick(lang, "平均解决时长（小时）", "Avg. hours to resolve"),
            pick(lang, "上期单数", "Previous period"), pick(lang, "变化", "Change")]
    rows = [[r.label, r.count, round(r.share, 4), round(r.cumulative, 4), r.amount,
             round(r.avg_resolve_hours, 1) if r.avg_resolve_hours is not None else None,
             r.previous, r.change] for r in result.rows]
    return head, rows


def table_footer(result: Pareto, lang: str, tz: str) -> list[list[Any]]:
    """Below the table: a blank row, the total, and the period the table covers (a file
    passed on to the owner must say which month it is; the header stays the first row)."""
    first = local(result.start, tz).date()
    last = (local(result.end, tz) - timedelta(days=1)).date()
    amount = sum((r.amount for r in result.rows), Decimal(0))
    footer = [[], [pick(lang, "合计", "Total"), result.total, 1 if result.rows else 0, None,
                   amount],
              [pick(lang, f"统计期间：{first} 至 {last}（店铺时间，按案件新建日期）",
                    f"Period: {first} to {last} (shop time, by the date each case was "
                    "opened)")]]
    if result.filter:  # a table of one platform's cases must not pass for the whole shop
        footer.append([pick(lang, "仅统计：", "Only: ") + filter_text(result.filter, lang)])
    return footer


def export_table(result: Pareto, path: str | Path, lang: str = "zh", *,
                 tz: str = SHOP_TZ_DEFAULT) -> Path:
    """Write the Pareto table to .csv (UTF-8 with BOM) or .xlsx; moved into place whole."""
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        from ..domain.errors import ShopDeskError

        raise ShopDeskError(f"只能导出为 .csv 或 .xlsx：{target.name}",
                            f"export to .csv or .xlsx, not {target.name}")
    head, rows = table_rows(result, lang)
    footer = table_footer(result, lang, tz)
    partial = temp_beside(target)
    try:
        if suffix == ".csv":
            with partial.open("w", encoding="utf-8-sig", newline="") as fh:
                writer = csv.writer(fh)
                writer.writerow(head)
                for row in [*rows, *footer]:
                    writer.writerow([neutralise(v) if isinstance(v, str) else
                                     ("" if v is None else v) for v in row])
        else:
            _write_xlsx(partial, head, rows, footer, lang)
        os.replace(partial, target)
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise
    return target


def _write_xlsx(path: Path, head: list[str], rows: list[list[Any]],
                footer: list[list[Any]], lang: str) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = "Pareto" if is_english(lang) else "投诉分析"
    sheet.append(head)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([neutralise(v) if isinstance(v, str) else v for v in row])
    for row in footer:
        sheet.append([neutralise(v) if isinstance(v, str) else v for v in row])
    total_row = len(rows) + 3
    for cell in sheet[total_row]:
        cell.font = Font(bold=True)
    for r in [*range(2, len(rows) + 2), total_row]:
        sheet.cell(r, 3).number_format = sheet.cell(r, 4).number_format = "0.0%"
        sheet.cell(r, 5).number_format = "0.00"
    sheet.column_dimensions["A"].width = 24
    sheet.freeze_panes = "A2"
    book.save(path)
